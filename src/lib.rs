//! claimlens: entities and claims (who said what) in news articles.
//!
//! The pipeline, one module per stage, data flowing one way:
//! text → tokens, sentences, quotations ([`text`]) → entity mentions and clusters
//! ([`entities`]) → attributed claims and check-worthy assertions ([`claims`]) → the
//! exported [`Analysis`] ([`schema`], offsets in code points).
//!
//! ```
//! let analysis = claimlens::analyze("“We will win,” Smith said.");
//! assert_eq!(analysis.claims[0].cue.as_ref().unwrap().text, "said");
//! ```

pub mod claims;
pub mod entities;
pub mod export;
pub mod schema;
pub mod share;
pub mod tagger;
pub mod text;
#[cfg(feature = "train")]
pub mod train;
#[cfg(target_arch = "wasm32")]
pub mod web;

use std::ops::Range;

pub use schema::{
    Analysis, Claim, ClaimKind, Entity, EntityType, Mention, Polarity, Reference, Span,
};
use text::{Document, OffsetMap};

/// What to extract.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Find entities (claims need them for speakers and `about`).
    pub entities: bool,
    /// Find attributed claims and assertions.
    pub claims: bool,
    /// Claim-stage options.
    pub claim_options: claims::ClaimOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entities: true,
            claims: true,
            claim_options: claims::ClaimOptions::default(),
        }
    }
}

/// Analyses `text` with the default options.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &Options::default())
}

/// Analyses `text`: entities, then claims, exported with code-point offsets.
pub fn analyze_with(text: &str, options: &Options) -> Analysis {
    let doc = Document::new(text);
    let found = if options.entities || options.claims {
        entities::extract(&doc)
    } else {
        entities::Entities::default()
    };
    let claims = if options.claims {
        claims::extract(&doc, &found, &options.claim_options)
    } else {
        Vec::new()
    };
    let mut analysis = export(&doc, &found, &claims);
    if !options.entities {
        analysis.mentions.clear();
        analysis.entities.clear();
    }
    analysis
}

/// [`analyze`] in two steps, for a caller that shows the entities before the claims
/// are found (the explorer's first article: its names appear while the claim models are
/// still to be decoded). [`Staged::entities`] runs the entity stage;
/// [`Staged::claims`] adds the claims, and its result equals `analyze(text)`.
#[derive(Debug, Clone)]
pub struct Staged {
    text: String,
    found: entities::Entities,
}

impl Staged {
    /// The entity stage of `text`: an analysis with mentions and entities but no claims
    /// yet, and the state that [`Staged::claims`] continues from.
    pub fn entities(text: &str) -> (Analysis, Staged) {
        let doc = Document::new(text);
        let found = entities::extract(&doc);
        let analysis = export(&doc, &found, &[]);
        let staged = Staged {
            text: text.to_string(),
            found,
        };
        (analysis, staged)
    }

    /// The whole analysis: the entities found by [`Staged::entities`] plus the claims,
    /// exactly what [`analyze`] returns for the same text.
    pub fn claims(self) -> Analysis {
        let doc = Document::new(&self.text);
        let claims = claims::extract(&doc, &self.found, &Options::default().claim_options);
        export(&doc, &self.found, &claims)
    }
}

/// Converts the stages' byte ranges into the schema's code-point spans.
fn export(doc: &Document, found: &entities::Entities, claims: &[claims::ClaimSpans]) -> Analysis {
    let offsets = OffsetMap::new(doc.text);
    let span = |r: &Range<usize>| Span {
        start: offsets.to_char(r.start),
        end: offsets.to_char(r.end),
        text: doc.text[r.clone()].to_string(),
    };
    let mentions = found
        .mentions
        .iter()
        .zip(&found.mention_cluster)
        .map(|(m, &c)| {
            let s = span(&m.span);
            Mention {
                start: s.start,
                end: s.end,
                text: s.text,
                entity_type: m.entity_type,
                entity: c,
                title: m.title.as_ref().map(|t| doc.text[t.clone()].to_string()),
                confidence: m.confidence,
            }
        })
        .collect();
    let entities = found
        .clusters
        .iter()
        .enumerate()
        .map(|(id, c)| Entity {
            id,
            label: c.label.clone(),
            entity_type: c.entity_type,
            mentions: c.mentions.clone(),
            aliases: c.aliases.clone(),
            references: c
                .references
                .iter()
                .map(|r| {
                    let s = span(&r.span);
                    Reference {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        confidence: r.confidence,
                    }
                })
                .collect(),
            related: c.related.clone(),
            salience: c.salience,
        })
        .collect();
    let claims = claims
        .iter()
        .enumerate()
        .map(|(id, c)| Claim {
            id,
            kind: c.kind,
            span: span(&c.span),
            source: c.source.as_ref().map(&span),
            cue: c.cue.as_ref().map(&span),
            content: c.content.iter().map(&span).collect(),
            speaker: c.speaker,
            about: c.about.clone(),
            polarity: c.polarity,
            confidence: c.confidence,
            checkworthiness: c.checkworthiness,
        })
        .collect();
    Analysis {
        version: schema::SCHEMA_VERSION.to_string(),
        length: offsets.char_len(),
        mentions,
        entities,
        claims,
    }
}
