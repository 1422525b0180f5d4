//! Paragraphs, sentences and quotations over the tokens.
//!
//! Quotation-aware: `“That’s not even being raised,” Okafor said.` is one sentence; a
//! sentence that ends inside a quotation keeps its closing mark; a quotation reopened at
//! each paragraph and closed only at the last is one quotation; an unbalanced mark never
//! swallows more than its own paragraph.

use std::ops::Range;

use super::tokenize::{is_abbreviation, Token, TokenKind};

/// A paragraph: a run of tokens between line breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte range from its first token's start to its last token's end.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A sentence within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// A quotation: an opening mark, content, and (unless unbalanced) a closing mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when unbalanced (ends with its paragraph).
    pub close: Option<usize>,
    /// Byte range of the whole quotation, marks included.
    pub start: usize,
    /// One past the last byte (after the closing mark).
    pub end: usize,
    /// Byte range of what is inside the marks.
    pub inner: Range<usize>,
    /// Token indices inside the marks.
    pub inner_tokens: Range<usize>,
    /// Paragraphs it runs over (1 for most).
    pub paragraphs: usize,
    /// Single quotation marks (‘…’), usually nested in a double quotation.
    pub single: bool,
}

/// Everything the segmenter finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in order of their opening marks.
    pub quotations: Vec<Quotation>,
}

/// Title-like abbreviations: a name always follows, so they never end a sentence.
const NEVER_FINAL: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "col", "cpl", "dec", "dr", "feb", "fig", "ft",
    "gen", "gov", "hon", "jan", "jul", "jun", "lt", "maj", "mar", "messrs", "mr", "mrs", "ms",
    "mt", "no", "nos", "nov", "oct", "pfc", "pres", "prof", "rep", "reps", "rev", "sen", "sens",
    "sep", "sept", "sgt", "st", "supt", "vs",
];

/// Words that usually start a sentence; after "U.S." or "Inc." they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "more",
    "most",
    "no",
    "now",
    "on",
    "one",
    "our",
    "she",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "while",
    "with",
    "yet",
    "you",
];

fn is_open_double(c: &str) -> Option<bool> {
    match c {
        "“" | "„" | "«" | "‟" | "``" => Some(true),
        "”" | "»" => Some(false),
        _ => None,
    }
}

fn is_double(c: &str) -> bool {
    matches!(c, "“" | "„" | "«" | "‟" | "”" | "»" | "\"" | "``" | "''")
}

fn is_single(c: &str) -> bool {
    matches!(c, "‘" | "’" | "'" | "‹" | "›" | "`")
}

/// Splits tokens into paragraphs, sentences and quotations.
pub fn segment(text: &str, tokens: &[Token]) -> Segments {
    let paragraphs = paragraphs(tokens);
    let quotations = quotations(text, tokens, &paragraphs);
    let mut closing = vec![false; tokens.len()];
    for q in &quotations {
        if let Some(c) = q.close {
            closing[c] = true;
        }
    }
    let mut sentences = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        split_sentences(
            text,
            tokens,
            para.tokens.clone(),
            p,
            &closing,
            &mut sentences,
        );
    }
    Segments {
        paragraphs,
        sentences,
        quotations,
    }
}

fn paragraphs(tokens: &[Token]) -> Vec<Paragraph> {
    // With blank lines in the text, a single line break is a soft wrap unless the line
    // ends a sentence; without any, every line break starts a paragraph.
    let blank_lines = tokens.iter().any(|t| t.newlines_before >= 2);
    let mut out = Vec::new();
    let mut first = 0;
    for i in 1..=tokens.len() {
        let brk = i == tokens.len() || {
            let t = &tokens[i];
            match t.newlines_before {
                0 => false,
                1 if blank_lines => matches!(
                    tokens[i - 1].kind,
                    TokenKind::Terminal | TokenKind::Quote | TokenKind::Ellipsis
                ),
                _ => true,
            }
        };
        if brk && i > first {
            out.push(Paragraph {
                tokens: first..i,
                start: tokens[first].start,
                end: tokens[i - 1].end,
            });
            first = i;
        }
    }
    out
}

/// Is the quote token at `i` opening (true), closing (false) or unclear (None) by its
/// flanks: attached to the next token only opens, attached to the previous only closes.
fn flank(tokens: &[Token], i: usize) -> Option<bool> {
    let left = i > 0 && !tokens[i].space_before;
    let right =
        i + 1 < tokens.len() && !tokens[i + 1].space_before && tokens[i + 1].newlines_before == 0;
    match (left, right) {
        (false, true) => Some(true),
        (true, false) => Some(false),
        _ => None,
    }
}

fn quotations(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Quotation> {
    struct Open {
        token: usize,
        paragraphs: usize,
    }
    let mut out: Vec<Quotation> = Vec::new();
    let mut double: Option<Open> = None;
    let mut single: Option<Open> = None;
    let mut skip: Option<usize> = None;
    let finish =
        |out: &mut Vec<Quotation>, open: Open, close: Option<usize>, last: usize, single: bool| {
            let inner_end_tok = close.unwrap_or(last + 1);
            let inner_start = tokens
                .get(open.token + 1)
                .map_or(tokens[open.token].end, |t| t.start);
            let inner_end = if inner_end_tok > open.token + 1 {
                tokens[inner_end_tok - 1].end
            } else {
                inner_start
            };
            out.push(Quotation {
                open: open.token,
                close,
                start: tokens[open.token].start,
                end: close.map_or(tokens[last].end, |c| tokens[c].end),
                inner: inner_start..inner_end.max(inner_start),
                inner_tokens: open.token + 1..inner_end_tok.max(open.token + 1),
                paragraphs: open.paragraphs,
                single,
            });
        };
    for (p, para) in paragraphs.iter().enumerate() {
        let mut i = para.tokens.start;
        while i < para.tokens.end {
            let t = &tokens[i];
            if !matches!(t.kind, TokenKind::Quote | TokenKind::Clitic) || skip == Some(i) {
                i += 1;
                continue;
            }
            let mark = t.text(text);
            if t.kind == TokenKind::Quote && is_double(mark) {
                // a closing mark typed at the start of a paragraph, attached to the next
                // word and with nothing open ("”Fear. I am …”") opens a quotation
                let misplaced_open = mark == "”"
                    && i == para.tokens.start
                    && double.is_none()
                    && flank(tokens, i) == Some(true);
                let opening = is_open_double(mark)
                    .filter(|_| !misplaced_open)
                    .or_else(|| flank(tokens, i))
                    .unwrap_or(double.is_none());
                match (opening, double.take()) {
                    (true, None) => {
                        double = Some(Open {
                            token: i,
                            paragraphs: 1,
                        })
                    }
                    (true, Some(prev)) => {
                        // an opening mark while one is open: the earlier one was unbalanced
                        single = None;
                        finish(&mut out, prev, None, i - 1, false);
                        double = Some(Open {
                            token: i,
                            paragraphs: 1,
                        });
                    }
                    (false, Some(open)) => {
                        single = None;
                        finish(&mut out, open, Some(i), i, false);
                    }
                    (false, None) => {} // a stray closing mark
                }
            } else if is_single(mark) {
                let opening = match mark {
                    "‘" | "‹" | "`" => Some(true),
                    "›" => Some(false),
                    _ => flank(tokens, i),
                };
                match (opening, single.take()) {
                    (Some(true), None) if t.kind == TokenKind::Quote => {
                        single = Some(Open {
                            token: i,
                            paragraphs: 1,
                        })
                    }
                    (Some(true), prev) => single = prev,
                    (Some(false) | None, Some(open)) => finish(&mut out, open, Some(i), i, true),
                    (_, None) => {}
                }
            }
            i += 1;
        }
        // single quotes never run across paragraphs (apostrophes make them unreliable)
        single = None;
        if let Some(mut open) = double.take() {
            // A quotation reopened at the start of the next paragraph continues there.
            let next = paragraphs.get(p + 1).map(|n| n.tokens.start);
            let reopens = next.is_some_and(|n| {
                tokens[n].kind == TokenKind::Quote
                    && is_double(tokens[n].text(text))
                    && is_open_double(tokens[n].text(text)).unwrap_or(true)
            });
            if reopens {
                open.paragraphs += 1;
                double = Some(open);
                // the reopening mark is not a new quotation
                skip = next;
            } else {
                finish(&mut out, open, None, para.tokens.end - 1, false);
            }
        }
    }
    out.sort_by_key(|q| q.open);
    out
}

fn sentence_starter(text: &str, tokens: &[Token], j: usize) -> bool {
    let t = &tokens[j];
    let s = t.text(text);
    let Some(c) = s.chars().next() else {
        return false;
    };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    if matches!(t.kind, TokenKind::Quote | TokenKind::Punct)
        && matches!(c, '“' | '"' | '‘' | '(' | '[' | '«' | '\'')
    {
        return tokens.get(j + 1).is_some_and(|n| {
            n.text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    }
    false
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    closing: &[bool],
    out: &mut Vec<Sentence>,
) {
    let mut first = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        let s = t.text(text);
        let candidate = match t.kind {
            TokenKind::Terminal => true,
            TokenKind::Word if s.ends_with('.') && s.len() > 1 => {
                let bare = &s[..s.len() - 1];
                let lower = bare.to_ascii_lowercase();
                let initial = bare.len() == 1;
                let title = NEVER_FINAL.binary_search(&lower.as_str()).is_ok();
                if initial || title || !is_abbreviation(bare) {
                    false
                } else {
                    // "the U.S. He said" ends; "the U.S. Senate" does not
                    tokens.get(i + 1).is_some_and(|n| {
                        let w = n.text(text).to_ascii_lowercase();
                        SENTENCE_STARTERS.binary_search(&w.as_str()).is_ok()
                            || (n.kind == TokenKind::Quote
                                && is_open_double(n.text(text)) == Some(true))
                    })
                }
            }
            TokenKind::Ellipsis => true,
            _ => false,
        };
        if !candidate {
            i += 1;
            continue;
        }
        // absorb closing quotation marks and brackets
        let mut end = i + 1;
        while end < range.end {
            let n = &tokens[end];
            let ns = n.text(text);
            let absorbs = closing[end]
                || (n.kind == TokenKind::Punct && matches!(ns, ")" | "]"))
                || (n.kind == TokenKind::Terminal && !n.space_before);
            if !absorbs || n.space_before && !closing[end] {
                break;
            }
            end += 1;
        }
        if end < range.end && sentence_starter(text, tokens, end) {
            out.push(Sentence {
                tokens: first..end,
                start: tokens[first].start,
                end: tokens[end - 1].end,
                paragraph,
            });
            first = end;
        }
        i = end;
    }
    if first < range.end {
        out.push(Sentence {
            tokens: first..range.end,
            start: tokens[first].start,
            end: tokens[range.end - 1].end,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        segment(text, &tokens)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn quotes(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        segment(text, &tokens)
            .quotations
            .iter()
            .map(|q| &text[q.inner.clone()])
            .collect()
    }

    #[test]
    fn quoted_sentence_with_attribution_is_one_sentence() {
        assert_eq!(
            sentences("“That’s not even being raised,” Okafor said. He left."),
            ["“That’s not even being raised,” Okafor said.", "He left."]
        );
        assert_eq!(
            sentences("“Why?” he asked. Then he left."),
            ["“Why?” he asked.", "Then he left."]
        );
    }

    #[test]
    fn sentence_ending_inside_quotation_keeps_the_mark() {
        assert_eq!(
            sentences("He said: “We will win.” Then he left."),
            ["He said: “We will win.”", "Then he left."]
        );
        assert_eq!(
            sentences("He said, \"We will win.\" Then he left."),
            ["He said, \"We will win.\"", "Then he left."]
        );
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            sentences("Gen. Allen met the U.S. Senate. It was short. They met in the U.S. The talks ended."),
            ["Gen. Allen met the U.S. Senate.", "It was short.", "They met in the U.S.", "The talks ended."]
        );
        assert_eq!(
            sentences("John F. Kennedy spoke."),
            ["John F. Kennedy spoke."]
        );
    }

    #[test]
    fn paragraphs_by_line() {
        let text = "One para.\nTwo para.\nThree.";
        let tokens = tokenize(text);
        assert_eq!(segment(text, &tokens).paragraphs.len(), 3);
        let text = "A long line that\nwraps here.\n\nNext para.";
        let tokens = tokenize(text);
        assert_eq!(segment(text, &tokens).paragraphs.len(), 2);
    }

    #[test]
    fn quotations_pair() {
        assert_eq!(
            quotes("“That’s not even being raised,” Okafor said."),
            ["That’s not even being raised,"]
        );
        assert_eq!(quotes("He said \"no way\" twice."), ["no way"]);
        // wire and PTB styles: doubled marks are double quotes, apostrophes stay words
        assert_eq!(
            quotes("''We won't go,'' she said. ``Never,'' he said."),
            ["We won't go,", "Never,"]
        );
        assert_eq!(
            sentences("''We won't go,'' Okafor said. He left."),
            ["''We won't go,'' Okafor said.", "He left."]
        );
        assert_eq!(
            quotes("a “state sponsor of terrorism in various places.”"),
            ["state sponsor of terrorism in various places."]
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_one() {
        let text = "“First part.\n“Second part,” he said.\nAfter.";
        let tokens = tokenize(text);
        let q = segment(text, &tokens).quotations;
        assert_eq!(q.len(), 1);
        assert_eq!(&text[q[0].inner.clone()], "First part.\n“Second part,");
        assert_eq!(q[0].paragraphs, 2);
    }

    #[test]
    fn unbalanced_quote_stays_in_its_paragraph() {
        let text = "He said “this never closes.\nNext paragraph “is fine” here.";
        let tokens = tokenize(text);
        let q = segment(text, &tokens).quotations;
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].close, None);
        assert_eq!(&text[q[0].inner.clone()], "this never closes.");
        assert_eq!(&text[q[1].inner.clone()], "is fine");
    }

    #[test]
    fn closing_mark_typed_at_paragraph_start_opens() {
        let text = "Photo credit.\n\n”Fear. I am truly afraid.” ― Ada Obi\n“Next one.” ― Ben Eze";
        let tokens = tokenize(text);
        let q = segment(text, &tokens).quotations;
        let inner: Vec<&str> = q.iter().map(|q| &text[q.inner.clone()]).collect();
        assert_eq!(inner, ["Fear. I am truly afraid.", "Next one."]);
        assert!(q.iter().all(|q| q.close.is_some()));
    }

    #[test]
    fn nested_single_quotes() {
        let text = "“He called it ‘madness’ today,” she said.";
        let tokens = tokenize(text);
        let q = segment(text, &tokens).quotations;
        assert_eq!(q.len(), 2);
        assert!(q[1].single);
        assert_eq!(&text[q[1].inner.clone()], "madness");
    }
}
