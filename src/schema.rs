//! The exported data model: exactly the spec's schema (`shared/spec/extraction-spec.md`
//! sections 2–4). Offsets are Unicode code points, end exclusive, so `text[start:end]` in
//! Python is the span.

use serde::{Deserialize, Serialize};

/// Version of the exported JSON schema. Bump it when a field changes meaning.
pub const SCHEMA_VERSION: &str = "1.0";

/// A half-open `[start, end)` range of code points with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
    /// The covered text, for readers of the JSON.
    pub text: String,
}

/// OntoNotes 5 entity types (spec section 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms, non_camel_case_types)]
pub enum EntityType {
    PERSON,
    NORP,
    ORG,
    GPE,
    LOC,
    FAC,
    EVENT,
    DATE,
    TIME,
    CARDINAL,
    ORDINAL,
    PERCENT,
    MONEY,
    QUANTITY,
    LAW,
    PRODUCT,
    WORK_OF_ART,
    LANGUAGE,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 18] = [
        EntityType::PERSON,
        EntityType::NORP,
        EntityType::ORG,
        EntityType::GPE,
        EntityType::LOC,
        EntityType::FAC,
        EntityType::EVENT,
        EntityType::DATE,
        EntityType::TIME,
        EntityType::CARDINAL,
        EntityType::ORDINAL,
        EntityType::PERCENT,
        EntityType::MONEY,
        EntityType::QUANTITY,
        EntityType::LAW,
        EntityType::PRODUCT,
        EntityType::WORK_OF_ART,
        EntityType::LANGUAGE,
    ];

    /// The OntoNotes name, as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PERSON => "PERSON",
            EntityType::NORP => "NORP",
            EntityType::ORG => "ORG",
            EntityType::GPE => "GPE",
            EntityType::LOC => "LOC",
            EntityType::FAC => "FAC",
            EntityType::EVENT => "EVENT",
            EntityType::DATE => "DATE",
            EntityType::TIME => "TIME",
            EntityType::CARDINAL => "CARDINAL",
            EntityType::ORDINAL => "ORDINAL",
            EntityType::PERCENT => "PERCENT",
            EntityType::MONEY => "MONEY",
            EntityType::QUANTITY => "QUANTITY",
            EntityType::LAW => "LAW",
            EntityType::PRODUCT => "PRODUCT",
            EntityType::WORK_OF_ART => "WORK_OF_ART",
            EntityType::LANGUAGE => "LANGUAGE",
        }
    }

    /// Parses an OntoNotes name.
    pub fn parse(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Names (people, organisations, places, ...) as opposed to values (dates, numbers).
    pub fn is_name(self) -> bool {
        !matches!(
            self,
            EntityType::DATE
                | EntityType::TIME
                | EntityType::CARDINAL
                | EntityType::ORDINAL
                | EntityType::PERCENT
                | EntityType::MONEY
                | EntityType::QUANTITY
        )
    }
}

/// One entity mention in the text (spec section 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// Its OntoNotes type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Id of the entity (cluster) it belongs to.
    pub entity: usize,
    /// A title kept outside a PERSON span ("Secretary of State").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f32,
}

/// A pronoun or description that refers to an entity ("he", "the group").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The reference's text.
    pub text: String,
    /// How sure the resolver is, in [0, 1].
    pub confidence: f32,
}

/// Mentions that refer to one real thing (spec section 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Index of this entity in `Analysis::entities`.
    pub id: usize,
    /// Canonical name: the longest proper name among its mentions.
    pub label: String,
    /// Its OntoNotes type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Indices into `Analysis::mentions` of its name mentions, in text order.
    pub mentions: Vec<usize>,
    /// Distinct surface forms of its mentions.
    pub aliases: Vec<String>,
    /// Resolved pronouns and descriptions.
    pub references: Vec<Reference>,
    /// Ids of related entities (a nationality's country).
    pub related: Vec<usize>,
    /// Importance in the article, in [0, 1].
    pub salience: f32,
}

/// The kind of a claim (spec section 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Content entirely inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech containing a quoted fragment.
    Mixed,
    /// The author's own check-worthy factual assertion (spec section 4.2).
    Assertion,
}

/// Whether a claim was made or refused (spec section 4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// The source claims the content.
    Asserted,
    /// The cue is negated or refused ("declined to say").
    Negated,
}

/// A statement the article presents as true or attributes to a source (spec section 4.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of this claim in `Analysis::claims`.
    pub id: usize,
    /// Direct, indirect, mixed or the author's assertion.
    pub kind: ClaimKind,
    /// The whole sentence or clause range.
    pub span: Span,
    /// Who makes the claim, as written; `None` for assertions and unattributed quotes.
    pub source: Option<Span>,
    /// The span introducing the attribution; `None` for assertions.
    pub cue: Option<Span>,
    /// What is claimed; several spans when discontinuous.
    pub content: Vec<Span>,
    /// Entity id the source resolves to.
    pub speaker: Option<usize>,
    /// Entity ids mentioned in the content.
    pub about: Vec<usize>,
    /// Asserted or negated.
    pub polarity: Polarity,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f32,
    /// For assertions: how much a fact-checker would want to verify it, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkworthiness: Option<f32>,
}

/// Everything the extractor finds in one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Schema version, [`SCHEMA_VERSION`].
    pub version: String,
    /// Length of the input in code points.
    pub length: usize,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities (clusters of mentions).
    pub entities: Vec<Entity>,
    /// Attributed claims and check-worthy assertions, in text order.
    pub claims: Vec<Claim>,
}
