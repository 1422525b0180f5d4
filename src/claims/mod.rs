//! Claims: who said what (attributions: source, cue, content) and the author's
//! check-worthy assertions.
//!
//! Stages: [`cues`] finds reporting expressions; [`attribution`] pairs each cue (and each
//! quotation) with its source and content; [`checkworthy`] scores what is left.

pub mod attribution;
pub mod checkworthy;
pub mod cues;

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
            min_checkworthiness: 0.2,
        }
    }
}

/// Finds attributed claims and check-worthy assertions, in text order.
pub fn extract(doc: &Document, entities: &Entities, options: &ClaimOptions) -> Vec<ClaimSpans> {
    let mut claims = attribution::find(doc, entities);
    for c in &mut claims {
        c.checkworthiness = Some(checkworthy::score_range(
            doc,
            entities,
            c.content.first().cloned().unwrap_or(c.span.clone()),
        ));
    }
    if options.assertions {
        claims.extend(checkworthy::assertions(
            doc,
            entities,
            &claims,
            options.min_checkworthiness,
        ));
    }
    claims.sort_by_key(|c| (c.span.start, c.cue.as_ref().map_or(usize::MAX, |r| r.start)));
    claims
}
