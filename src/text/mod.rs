//! The text layer: tokens, sentences, paragraphs and quotations, all as byte ranges of the
//! original text, plus conversions to code points and UTF-16.

pub mod offsets;
pub mod segment;
pub mod tokenize;

pub use offsets::OffsetMap;
pub use segment::{segment, Paragraph, Quotation, Segments, Sentence};
pub use tokenize::{tokenize, Token, TokenKind};
