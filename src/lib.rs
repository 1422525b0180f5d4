//! claimlens: entities and claims (who said what) in news articles.
//!
//! The pipeline, one module per stage: text → tokens, sentences, quotations
//! ([`text`]) → entity mentions and clusters ([`entities`]) → attributed claims and
//! check-worthy assertions ([`claims`]) → the exported [`Analysis`] ([`schema`]).

pub mod schema;
pub mod text;

pub use schema::{
    Analysis, Claim, ClaimKind, Entity, EntityType, Mention, Polarity, Reference, Span,
};
