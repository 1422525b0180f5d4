//! The text layer: tokens, sentences, paragraphs and quotations, all as byte ranges of the
//! original text, plus conversions to code points and UTF-16.

pub mod offsets;
pub mod segment;
pub mod tokenize;

pub use offsets::OffsetMap;
pub use segment::{segment, Paragraph, Quotation, Segments, Sentence};
pub use tokenize::{tokenize, Token, TokenKind};

/// A text with its tokens, paragraphs, sentences and quotations: the input of every
/// later stage.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The original text; every range below is a byte range of it.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Paragraphs, sentences and quotations.
    pub segments: Segments,
    /// Index of the sentence holding each token.
    pub token_sentence: Vec<u32>,
    /// Lower-cased token texts, concatenated (see [`Document::lower`]).
    lower_text: String,
    /// End of each token's lower-cased text in `lower_text`.
    lower_ends: Vec<u32>,
}

impl<'a> Document<'a> {
    /// Tokenizes and segments `text`.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let segments = segment(text, &tokens);
        let mut token_sentence = vec![0u32; tokens.len()];
        for (k, s) in segments.sentences.iter().enumerate() {
            for slot in &mut token_sentence[s.tokens.clone()] {
                *slot = k as u32;
            }
        }
        let mut lower_text = String::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let s = t.text(text);
            if s.is_ascii() {
                lower_text.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower_text.extend(s.chars().flat_map(char::to_lowercase));
            }
            lower_ends.push(lower_text.len() as u32);
        }
        Document {
            text,
            tokens,
            segments,
            token_sentence,
            lower_text,
            lower_ends,
        }
    }

    /// The lower-cased text of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        if i >= self.lower_ends.len() {
            return "";
        }
        let start = if i == 0 {
            0
        } else {
            self.lower_ends[i - 1] as usize
        };
        &self.lower_text[start..self.lower_ends[i] as usize]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Byte range covered by tokens `range` (empty range → empty span at its position).
    pub fn token_span(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if range.is_empty() {
            let at = self
                .tokens
                .get(range.start)
                .map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.tokens[range.start].start..self.tokens[range.end - 1].end
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }
}
