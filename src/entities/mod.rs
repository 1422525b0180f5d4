//! Entities: name mentions and values, clustered into entities, with pronoun and
//! description references.
//!
//! Stages: [`names`] (who and where: the learned [`tagger`] over [`features`], typed
//! with the [`lexicon`]) and [`numbers`] (dates, amounts, by rules) find mentions;
//! [`clusters`] groups them into entities; [`references`] resolves pronouns and
//! descriptions; salience ranks the entities.

pub mod clusters;
pub mod fallback;
pub mod features;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod references;
pub mod tagger;

use std::ops::Range;

use crate::schema::EntityType;
use crate::text::Document;

/// A name found by the name finder: a token range, its type and an optional title.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSpan {
    /// Token indices of the name (title excluded).
    pub tokens: Range<usize>,
    /// Its type.
    pub entity_type: EntityType,
    /// Byte range of a title kept outside the name ("Secretary of State").
    pub title: Option<Range<usize>>,
    /// How sure the finder is, in [0, 1].
    pub confidence: f32,
}

/// One mention, in bytes and tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionSpan {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte range.
    pub span: Range<usize>,
    /// Its type.
    pub entity_type: EntityType,
    /// Byte range of its title, if any.
    pub title: Option<Range<usize>>,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f32,
}

/// A resolved pronoun or description.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceSpan {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte range.
    pub span: Range<usize>,
    /// How sure the resolver is, in [0, 1].
    pub confidence: f32,
}

/// Mentions of one real thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Its type (that of its canonical mention).
    pub entity_type: EntityType,
    /// Canonical name.
    pub label: String,
    /// Indices of its mentions, in text order.
    pub mentions: Vec<usize>,
    /// Distinct surface forms.
    pub aliases: Vec<String>,
    /// Resolved references, in text order.
    pub references: Vec<ReferenceSpan>,
    /// Related clusters (a nationality's country).
    pub related: Vec<usize>,
    /// Importance in [0, 1].
    pub salience: f32,
}

/// The output of the entity stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// Mentions in text order.
    pub mentions: Vec<MentionSpan>,
    /// Entities.
    pub clusters: Vec<Cluster>,
    /// Cluster of each mention.
    pub mention_cluster: Vec<usize>,
    /// Every resolved reference as (token range, byte range, cluster), in text order
    /// (built by [`Entities::index_references`]; lookups below use it).
    pub reference_index: Vec<(Range<usize>, Range<usize>, usize)>,
}

impl Entities {
    /// Cluster of the mention covering token `i`, if any.
    pub fn cluster_at_token(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.tokens.end <= i);
        self.mentions
            .get(k)
            .filter(|m| m.tokens.contains(&i))
            .map(|_| self.mention_cluster[k])
    }

    /// Cluster a reference at token `i` resolves to, if any.
    pub fn reference_at_token(&self, i: usize) -> Option<usize> {
        let k = self.reference_index.partition_point(|(t, _, _)| t.end <= i);
        self.reference_index
            .get(k)
            .filter(|(t, _, _)| t.contains(&i))
            .map(|&(_, _, c)| c)
    }

    /// Clusters mentioned or referred to within the byte range.
    pub fn clusters_in(&self, span: &Range<usize>) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        for (k, m) in self.mentions.iter().enumerate().skip(first) {
            if m.span.start >= span.end {
                break;
            }
            if m.span.end <= span.end {
                out.push(self.mention_cluster[k]);
            }
        }
        let first = self
            .reference_index
            .partition_point(|(_, b, _)| b.start < span.start);
        for (_, b, c) in &self.reference_index[first..] {
            if b.start >= span.end {
                break;
            }
            if b.end <= span.end {
                out.push(*c);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Rebuilds [`Entities::reference_index`] from the clusters' references.
    pub fn index_references(&mut self) {
        self.reference_index.clear();
        for (c, cluster) in self.clusters.iter().enumerate() {
            for r in &cluster.references {
                self.reference_index
                    .push((r.tokens.clone(), r.span.clone(), c));
            }
        }
        self.reference_index
            .sort_by_key(|(t, _, c)| (t.start, t.end, *c));
    }
}

/// Finds, clusters and resolves the entities of a document.
pub fn extract(doc: &Document) -> Entities {
    extract_impl(doc, None)
}

/// [`extract`] with a given name tagger instead of the embedded one (training tools).
pub fn extract_with(doc: &Document, tagger: &tagger::NerTagger) -> Entities {
    extract_impl(doc, Some(tagger))
}

fn extract_impl(doc: &Document, tagger: Option<&tagger::NerTagger>) -> Entities {
    let lex = lexicon::Lexicon::embedded();
    let tagger = match tagger {
        Some(t) => Ok(t),
        None => tagger::NerTagger::embedded(),
    };
    let ctx = match tagger {
        Ok(t) => t.context(doc, lex),
        Err(_) => features::DocContext::new(doc, lex),
    };
    let names = match tagger {
        Ok(t) => names::find_with(doc, &ctx, lex, t),
        Err(_) => names::find(doc, &ctx, lex),
    };
    let values = numbers::find(doc);
    let mut mentions = merge(doc, names, values);
    let (mut clusters, mention_cluster) = clusters::build(doc, lex, &mut mentions);
    references::resolve(doc, &mentions, &mention_cluster, &mut clusters);
    clusters::score_salience(doc, &mentions, &mut clusters);
    let mut out = Entities {
        mentions,
        clusters,
        mention_cluster,
        reference_index: Vec::new(),
    };
    out.index_references();
    out
}

/// Names and values in text order. A value overlapping a name gives way to it, unless
/// the value holds the name whole ("18:00 UTC", "US$5 million"): then the name goes.
fn merge(
    doc: &Document,
    names: Vec<NameSpan>,
    values: Vec<numbers::ValueSpan>,
) -> Vec<MentionSpan> {
    let mut names: Vec<MentionSpan> = names
        .into_iter()
        .filter(|n| !n.tokens.is_empty())
        .map(|n| MentionSpan {
            span: doc.token_span(n.tokens.clone()),
            tokens: n.tokens,
            entity_type: n.entity_type,
            title: n.title,
            confidence: n.confidence,
        })
        .collect();
    names.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    let mut keep = vec![true; names.len()];
    let mut out: Vec<MentionSpan> = Vec::new();
    for v in values {
        // names are sorted and disjoint: those overlapping the value are a contiguous run
        let first = names.partition_point(|m| m.tokens.end <= v.tokens.start);
        let last = names.partition_point(|m| m.tokens.start < v.tokens.end);
        let overlapping = first..last.max(first);
        let inside = names[overlapping.clone()].iter().all(|m| {
            v.tokens.start <= m.tokens.start
                && m.tokens.end <= v.tokens.end
                && m.tokens.len() < v.tokens.len()
        });
        if !overlapping.is_empty() && !inside {
            continue;
        }
        for k in overlapping {
            keep[k] = false;
        }
        out.push(MentionSpan {
            span: doc.token_span(v.tokens.clone()),
            tokens: v.tokens,
            entity_type: v.entity_type,
            title: None,
            confidence: 0.8,
        });
    }
    out.extend(
        names
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(m, _)| m),
    );
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    out
}
