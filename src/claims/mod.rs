//! Claims: who said what (attributions: source, cue, content) and the author's
//! check-worthy assertions.
//!
//! Stages, one module each: [`features`] computes per-token facts once per document;
//! [`cues`] tags reporting expressions; [`roles`] tags each cue's source and content;
//! [`attribution`] assembles claims (quotations, kind, polarity) and [`speaker`] resolves
//! sources to entities; [`checkworthy`] scores claims and the author's own sentences.
//! The models ([`models`]) are embedded and decoded once; without them [`rules`] and the
//! lexicon ([`lexicon`]) stand in.

pub mod attribution;
pub mod checkworthy;
pub mod cues;
pub mod features;
pub mod lexicon;
pub mod models;
pub mod roles;
pub mod rules;
pub mod sequence;
pub mod speaker;

use std::ops::Range;

use crate::entities::Entities;
use crate::schema::{ClaimKind, Polarity};
use crate::text::Document;

/// A claim in byte ranges of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimSpans {
    /// Direct, indirect, mixed or assertion.
    pub kind: ClaimKind,
    /// The sentence or clause range.
    pub span: Range<usize>,
    /// Who makes it.
    pub source: Option<Range<usize>>,
    /// The reporting expression.
    pub cue: Option<Range<usize>>,
    /// What is claimed (several ranges when discontinuous).
    pub content: Vec<Range<usize>>,
    /// Entity the source resolves to.
    pub speaker: Option<usize>,
    /// Entities in the content.
    pub about: Vec<usize>,
    /// Asserted or negated.
    pub polarity: Polarity,
    /// How sure the extractor is.
    pub confidence: f32,
    /// Check-worthiness of the content, in [0, 1].
    pub checkworthiness: Option<f32>,
}

/// What claims to look for.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimOptions {
    /// Report the author's own assertions too.
    pub assertions: bool,
    /// Assertions scoring below this are left out.
    pub min_checkworthiness: f32,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            assertions: true,
            min_checkworthiness: 0.1,
        }
    }
}

/// Finds attributed claims and check-worthy assertions, in text order.
pub fn extract(doc: &Document, entities: &Entities, options: &ClaimOptions) -> Vec<ClaimSpans> {
    let facts = features::TokenFacts::new(doc, entities);
    let mut claims = attribution::find(doc, entities, &facts);
    let mut scorer = checkworthy::Scorer::new(doc, &facts, entities, models::checkworthy().ok());
    // claims of one sentence share its score
    let mut previous: Option<(std::ops::Range<usize>, f32)> = None;
    for c in &mut claims {
        // the sentence(s) the claim is made in: the unit the classifier learned from
        let first = doc.token_at_or_after(c.span.start);
        let last = doc.token_at_or_after(c.span.end).max(first + 1) - 1;
        let (Some(&a), Some(&b)) = (doc.token_sentence.get(first), doc.token_sentence.get(last))
        else {
            continue;
        };
        let sentences = &doc.segments.sentences;
        let range = sentences[a as usize].tokens.start..sentences[b as usize].tokens.end;
        let score = match &previous {
            Some((r, s)) if *r == range => *s,
            _ => scorer.score(range.clone()),
        };
        previous = Some((range, score));
        c.checkworthiness = Some(score);
    }
    if options.assertions {
        let found = checkworthy::assertions(
            doc,
            &mut scorer,
            entities,
            &claims,
            options.min_checkworthiness,
        );
        claims.extend(found);
    }
    claims.sort_by_key(|c| (c.span.start, c.cue.as_ref().map_or(usize::MAX, |r| r.start)));
    claims
}
