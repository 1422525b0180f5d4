//! Check-worthiness: how much a fact-checker would want to verify a sentence the author
//! asserts. First extractor: a hand-weighted linear score over numbers, named actors,
//! comparisons, hedges and questions; a trained classifier replaces the weights.

use std::ops::Range;

use super::ClaimSpans;
use crate::entities::Entities;
use crate::schema::{ClaimKind, Polarity};
use crate::text::{Document, TokenKind};

const COMPARATIVES: &[&str] = &[
    "more",
    "less",
    "most",
    "least",
    "fewer",
    "higher",
    "lower",
    "larger",
    "smaller",
    "biggest",
    "largest",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "rose",
    "fell",
    "doubled",
    "because",
];
const OPINION: &[&str] = &[
    "i",
    "think",
    "believe",
    "feel",
    "should",
    "must",
    "hope",
    "wonderful",
    "great",
    "terrible",
];

/// Scores the text in the byte range `span`.
pub fn score_range(doc: &Document, entities: &Entities, span: Range<usize>) -> f32 {
    let range = doc.token_at_or_after(span.start)..doc.token_at_or_after(span.end);
    let words: Vec<&str> = range.clone().map(|k| doc.lower(k)).collect();
    if words.is_empty() {
        return 0.0;
    }
    let values = entities
        .mentions
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .fold((0, 0), |(v, n), m| {
            if m.entity_type.is_name() {
                (v, n + 1)
            } else {
                (v + 1, n)
            }
        });
    let mut z = -1.2f32;
    z += 1.2 * (values.0.min(2) as f32);
    z += 0.4 * (values.1.min(3) as f32);
    z += 0.5 * words.iter().any(|w| COMPARATIVES.contains(w)) as u8 as f32;
    z -= 0.6 * words.iter().filter(|w| OPINION.contains(w)).count().min(2) as f32;
    if range
        .clone()
        .any(|k| doc.tokens[k].kind == TokenKind::Terminal && doc.token_text(k).contains('?'))
    {
        z -= 2.0;
    }
    if words.len() < 6 {
        z -= 1.0;
    }
    let p = 1.0 / (1.0 + (-z).exp());
    (p * 1000.0).round() / 1000.0
}

/// Author assertions: sentences no attribution covers, scored.
pub fn assertions(
    doc: &Document,
    entities: &Entities,
    attributed: &[ClaimSpans],
    min_score: f32,
) -> Vec<ClaimSpans> {
    let mut out = Vec::new();
    for s in &doc.segments.sentences {
        let covered = attributed
            .iter()
            .any(|c| c.span.start < s.end && s.start < c.span.end);
        if covered {
            continue;
        }
        let score = score_range(doc, entities, s.start..s.end);
        if score < min_score {
            continue;
        }
        let span = s.start..s.end;
        out.push(ClaimSpans {
            kind: ClaimKind::Assertion,
            span: span.clone(),
            source: None,
            cue: None,
            content: vec![span.clone()],
            speaker: None,
            about: entities.clusters_in(&span),
            polarity: Polarity::Asserted,
            confidence: score,
            checkworthiness: Some(score),
        });
    }
    out
}
