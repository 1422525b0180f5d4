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
        self.clusters
            .iter()
            .position(|c| c.references.iter().any(|r| r.tokens.contains(&i)))
    }

    /// Clusters mentioned or referred to within the byte range.
    pub fn clusters_in(&self, span: &Range<usize>) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            if m.span.start >= span.start && m.span.end <= span.end {
                out.push(self.mention_cluster[k]);
            }
        }
        for (c, cluster) in self.clusters.iter().enumerate() {
            if cluster
                .references
                .iter()
                .any(|r| r.span.start >= span.start && r.span.end <= span.end)
            {
                out.push(c);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
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
    let ctx = features::DocContext::new(doc, lex);
    let names = match tagger {
        Some(t) => names::find_with(doc, &ctx, lex, t),
        None => names::find(doc, &ctx, lex),
    };
    let values = numbers::find(doc);
    let mut mentions = merge(doc, names, values);
    let (mut clusters, mention_cluster) = clusters::build(doc, &mut mentions);
    references::resolve(doc, &mentions, &mention_cluster, &mut clusters);
    clusters::score_salience(doc, &mentions, &mut clusters);
    Entities {
        mentions,
        clusters,
        mention_cluster,
    }
}

/// Names and values in text order; a value overlapping a name gives way to it.
fn merge(
    doc: &Document,
    names: Vec<NameSpan>,
    values: Vec<numbers::ValueSpan>,
) -> Vec<MentionSpan> {
    let mut out: Vec<MentionSpan> = names
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
    let taken: Vec<Range<usize>> = out.iter().map(|m| m.tokens.clone()).collect();
    for v in values {
        if taken
            .iter()
            .any(|t| t.start < v.tokens.end && v.tokens.start < t.end)
        {
            continue;
        }
        out.push(MentionSpan {
            span: doc.token_span(v.tokens.clone()),
            tokens: v.tokens,
            entity_type: v.entity_type,
            title: None,
            confidence: 0.8,
        });
    }
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    out
}
