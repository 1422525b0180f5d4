//! Per-document token facts the claim models read (word hashes, shapes, lexicon classes,
//! quotation membership, entity types), computed once per document, and the fast feature
//! mixer that turns (template, values) into a hashed bucket.
//!
//! Feature hashing here mixes precomputed 64-bit word hashes with integer arithmetic, so a
//! feature costs a few multiplications instead of hashing strings again.

use super::lexicon::{self, Form, LexClass};
use std::ops::Range;

use crate::entities::Entities;
use crate::text::{Document, TokenKind};

/// Hash of a byte string (FNV-1a, 64 bit).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Mixes a template id and two values into a bucket below `2^bits`.
#[inline]
pub fn mix(template: u16, a: u64, b: u64, bits: u32) -> u32 {
    let mut h = (template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= a;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= b.rotate_left(31);
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    (h & ((1u64 << bits) - 1)) as u32
}

/// Token shape classes.
pub mod shape {
    /// Lower-case word.
    pub const LOWER: u8 = 1;
    /// Capitalised word.
    pub const CAP: u8 = 2;
    /// All capitals (two letters or more).
    pub const UPPER: u8 = 3;
    /// Other words (mixed case, non-Latin).
    pub const OTHER_WORD: u8 = 4;
    /// A number.
    pub const NUMBER: u8 = 5;
    /// `,`
    pub const COMMA: u8 = 6;
    /// `:`
    pub const COLON: u8 = 7;
    /// `;`
    pub const SEMI: u8 = 8;
    /// `.` `!` `?`
    pub const TERMINAL: u8 = 9;
    /// An opening double quotation mark.
    pub const QUOTE_OPEN: u8 = 10;
    /// A closing double quotation mark.
    pub const QUOTE_CLOSE: u8 = 11;
    /// Any other quotation mark.
    pub const QUOTE: u8 = 12;
    /// A dash.
    pub const DASH: u8 = 13;
    /// `(` `[`
    pub const PAREN_OPEN: u8 = 14;
    /// `)` `]`
    pub const PAREN_CLOSE: u8 = 15;
    /// A clitic ("’s", "n’t").
    pub const CLITIC: u8 = 16;
    /// Other symbols and punctuation.
    pub const OTHER: u8 = 17;
    /// An intra-word hyphen.
    pub const HYPHEN: u8 = 18;
    /// An ellipsis.
    pub const ELLIPSIS: u8 = 19;
}

/// Facts about every token of one document.
#[derive(Debug, Clone)]
pub struct TokenFacts {
    /// Hash of the lower-cased token text.
    pub word: Vec<u64>,
    /// Hash of the last three characters of the lower-cased text.
    pub suffix: Vec<u64>,
    /// Hash of the word's crude stem ([`stem`]): "argued", "argues", "arguing" share one.
    pub stem: Vec<u64>,
    /// Fine word cluster of the name tagger's model (+ 1; 0 = none): unseen reporting
    /// verbs share a cluster with seen ones.
    pub cluster: Vec<u64>,
    /// Shape class ([`shape`]).
    pub shape: Vec<u8>,
    /// Lexicon class * 8 + inflection, 0 when not in the lexicon.
    pub lex: Vec<u8>,
    /// 1 + index of the innermost double quotation holding the token (marks excluded), or 0.
    pub quote: Vec<u32>,
    /// 1 + entity type index of the mention covering the token, or 0.
    pub ent: Vec<u8>,
    /// The token starts a mention.
    pub ent_start: Vec<bool>,
    /// Paragraph index of each token.
    pub paragraph: Vec<u32>,
    /// Token is a negator ("not", "declined").
    pub negator: Vec<bool>,
    /// Token is a personal pronoun.
    pub pronoun: Vec<bool>,
    /// 1 + index of the mention covering the token, or 0.
    pub mention: Vec<u32>,
    /// 1 + cluster a resolved reference at the token refers to, or 0.
    pub reference: Vec<u32>,
}

/// Lexicon code of a lower-cased word (0 = none).
pub fn lex_code(word: &str) -> u8 {
    match lexicon::lookup(word) {
        None => 0,
        Some((class, form)) => {
            let c = match class {
                LexClass::None => 0,
                LexClass::Speech => 1,
                LexClass::Cognition => 2,
                LexClass::Noun => 3,
            };
            let f = match form {
                Form::Base => 0,
                Form::Third => 1,
                Form::Past => 2,
                Form::Gerund => 3,
                Form::Noun => 4,
            };
            c * 8 + f
        }
    }
}

/// Lexicon code of a word by the hash of its lower-cased text ([`hash_str`]): one binary
/// search over integers instead of string comparisons.
pub fn lex_code_of_hash(h: u64) -> u8 {
    static TABLE: std::sync::OnceLock<Vec<(u64, u8)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut v: Vec<(u64, u8)> = lexicon::entries()
            .map(|(w, _, _)| (hash_str(w), lex_code(w)))
            .collect();
        v.sort_unstable();
        v.dedup_by_key(|e| e.0);
        v
    });
    table
        .binary_search_by_key(&h, |e| e.0)
        .map_or(0, |k| table[k].1)
}

/// Whether a word (by its hash) is a negator and whether it is a pronoun: sorted hashes of
/// the two short lists, searched as integers.
fn small_classes(h: u64) -> (bool, bool) {
    static TABLE: std::sync::OnceLock<(Vec<u64>, Vec<u64>)> = std::sync::OnceLock::new();
    let (neg, pron) = TABLE.get_or_init(|| {
        let sorted = |list: &[&str]| {
            let mut v: Vec<u64> = list.iter().map(|w| hash_str(w)).collect();
            v.sort_unstable();
            v
        };
        (sorted(lexicon::NEGATORS), sorted(lexicon::PRONOUNS))
    });
    (
        neg.binary_search(&h).is_ok(),
        pron.binary_search(&h).is_ok(),
    )
}

/// A crude stem of a lower-cased word: inflectional endings and a final "e" cut, a doubled
/// final consonant undone ("planned", "plans", "planning" → "plan"; "argued", "argue" →
/// "argu"). Only ever compared with other stems, so it need not be a real word.
pub fn stem(low: &str) -> &str {
    let b = low.as_bytes();
    let cut = |n: usize| &low[..low.len() - n];
    let ending = if (low.len() > 5 && low.ends_with("ing"))
        || (low.len() > 4 && (low.ends_with("ied") || low.ends_with("ies")))
    {
        3
    } else if low.len() > 4 && (low.ends_with("ed") || low.ends_with("es")) {
        2
    } else if low.len() > 3
        && ((b[b.len() - 1] == b's' && b[b.len() - 2] != b's') || low.ends_with('e'))
    {
        1
    } else {
        0
    };
    let mut s = cut(ending);
    let sb = s.as_bytes();
    if sb.len() > 3
        && sb[sb.len() - 1] == sb[sb.len() - 2]
        && sb[sb.len() - 1].is_ascii_alphabetic()
        && !matches!(sb[sb.len() - 1], b'l' | b's' | b'e' | b'o')
    {
        s = &s[..s.len() - 1];
    }
    s
}

impl TokenFacts {
    /// Computes the facts of `doc`'s tokens.
    pub fn new(doc: &Document, entities: &Entities) -> TokenFacts {
        let n = doc.tokens.len();
        let mut word = Vec::with_capacity(n);
        let mut suffix = Vec::with_capacity(n);
        let mut stems = Vec::with_capacity(n);
        let clusters = crate::entities::tagger::NerTagger::embedded()
            .ok()
            .and_then(|t| t.clusters());
        // per distinct word (by the hash of its lower-cased text): its suffix and stem
        // hashes, lexicon code, negator and pronoun flags, and the key of its cluster,
        // looked up for all the words together below so that the table's cache misses
        // overlap
        struct Facts<'t> {
            low: &'t str,
            suffix: u64,
            stem: u64,
            cluster_key: u64,
            lex: u8,
            neg: bool,
            pron: bool,
        }
        fn own(low: &str, h: u64) -> Facts<'_> {
            let cut = low.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            let (neg, pron) = small_classes(h);
            Facts {
                low,
                suffix: hash_str(&low[cut..]),
                stem: hash_str(stem(low)),
                cluster_key: crate::tagger::FeatureHasher::part(low),
                lex: lex_code_of_hash(h),
                neg,
                pron,
            }
        }
        let mut ids: crate::entities::features::FnvMap<u64, u32> =
            crate::entities::features::FnvMap::with_capacity_and_hasher(
                n / 2 + 16,
                Default::default(),
            );
        let mut words: Vec<Facts> = Vec::with_capacity(n / 2 + 16);
        let mut word_of: Vec<u32> = Vec::with_capacity(n);
        let mut shp = Vec::with_capacity(n);
        let mut lex = Vec::with_capacity(n);
        let mut negator = Vec::with_capacity(n);
        let mut pronoun = Vec::with_capacity(n);
        for (i, t) in doc.tokens.iter().enumerate() {
            let low = doc.lower(i);
            let h = hash_str(low);
            word.push(h);
            let id = match ids.get(&h) {
                Some(&id) if words[id as usize].low == low => id,
                Some(&id) => {
                    // another word with the same hash: its own suffix and stem, the
                    // facts of the word first seen with that hash
                    let first = &words[id as usize];
                    let mut f = own(low, h);
                    (f.cluster_key, f.lex, f.neg, f.pron) =
                        (first.cluster_key, first.lex, first.neg, first.pron);
                    words.push(f);
                    words.len() as u32 - 1
                }
                None => {
                    words.push(own(low, h));
                    let id = words.len() as u32 - 1;
                    ids.insert(h, id);
                    id
                }
            };
            word_of.push(id);
            let facts = &words[id as usize];
            suffix.push(facts.suffix);
            stems.push(facts.stem);
            let (lex_of_word, neg_of_word, pron_of_word) = (facts.lex, facts.neg, facts.pron);
            let text = t.text(doc.text);
            shp.push(match t.kind {
                TokenKind::Word => {
                    let mut chars = text.chars();
                    let first = chars.next().unwrap_or(' ');
                    if first.is_lowercase() {
                        shape::LOWER
                    } else if first.is_uppercase() {
                        if text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !text.chars().any(|c| c.is_lowercase())
                        {
                            shape::UPPER
                        } else {
                            shape::CAP
                        }
                    } else {
                        shape::OTHER_WORD
                    }
                }
                TokenKind::Number => shape::NUMBER,
                TokenKind::Clitic => shape::CLITIC,
                TokenKind::Quote => shape::QUOTE,
                TokenKind::Hyphen => shape::HYPHEN,
                TokenKind::Dash => shape::DASH,
                TokenKind::Ellipsis => shape::ELLIPSIS,
                TokenKind::Terminal => shape::TERMINAL,
                TokenKind::Punct => match text {
                    "," => shape::COMMA,
                    ":" => shape::COLON,
                    ";" => shape::SEMI,
                    "(" | "[" => shape::PAREN_OPEN,
                    ")" | "]" => shape::PAREN_CLOSE,
                    _ => shape::OTHER,
                },
                _ => shape::OTHER,
            });
            let is_word = t.kind == TokenKind::Word || t.kind == TokenKind::Clitic;
            lex.push(if is_word { lex_of_word } else { 0 });
            let (neg, pron) = if is_word {
                (neg_of_word, pron_of_word)
            } else {
                (false, false)
            };
            negator.push(neg);
            pronoun.push(pron);
        }
        let cluster: Vec<u64> = match clusters {
            Some(c) => {
                for w in &words {
                    c.prefetch(w.cluster_key);
                }
                let of: Vec<u64> = words.iter().map(|w| c.of_hash(w.cluster_key).0).collect();
                word_of.iter().map(|&w| of[w as usize]).collect()
            }
            None => vec![0; n],
        };
        let mut quote = vec![0u32; n];
        for (k, q) in doc.segments.quotations.iter().enumerate() {
            if q.single {
                continue;
            }
            if let Some(s) = shp.get_mut(q.open) {
                *s = shape::QUOTE_OPEN;
            }
            if let Some(c) = q.close {
                if let Some(s) = shp.get_mut(c) {
                    *s = shape::QUOTE_CLOSE;
                }
            }
            // quotations are in order of their opening marks: a later (nested) one wins
            let end = q.inner_tokens.end.min(n);
            for slot in &mut quote[q.inner_tokens.start.min(end)..end] {
                *slot = k as u32 + 1;
            }
        }
        let mut ent = vec![0u8; n];
        let mut ent_start = vec![false; n];
        let mut mention = vec![0u32; n];
        for (k, m) in entities.mentions.iter().enumerate() {
            let code = crate::schema::EntityType::ALL
                .iter()
                .position(|&t| t == m.entity_type)
                .map_or(0, |p| p as u8 + 1);
            let end = m.tokens.end.min(n);
            let start = m.tokens.start.min(end);
            for slot in &mut ent[start..end] {
                *slot = code;
            }
            for slot in &mut mention[start..end] {
                *slot = k as u32 + 1;
            }
            if start < end {
                ent_start[start] = true;
            }
        }
        let mut reference = vec![0u32; n];
        for (c, cluster) in entities.clusters.iter().enumerate() {
            for r in &cluster.references {
                let end = r.tokens.end.min(n);
                for slot in &mut reference[r.tokens.start.min(end)..end] {
                    *slot = c as u32 + 1;
                }
            }
        }
        let mut paragraph = vec![0u32; n];
        for (p, para) in doc.segments.paragraphs.iter().enumerate() {
            let end = para.tokens.end.min(n);
            for slot in &mut paragraph[para.tokens.start.min(end)..end] {
                *slot = p as u32;
            }
        }
        TokenFacts {
            word,
            suffix,
            stem: stems,
            cluster,
            shape: shp,
            lex,
            quote,
            ent,
            ent_start,
            paragraph,
            negator,
            pronoun,
            mention,
            reference,
        }
    }

    /// Entities mentioned (a whole mention) or referred to within the tokens `range`,
    /// sorted: the claim's `about`. Linear in the range, whatever the document's size.
    pub fn clusters_in(&self, entities: &Entities, range: Range<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let end = range.end.min(self.len());
        for k in range.start.min(end)..end {
            if let Some(m) = (self.mention[k] as usize)
                .checked_sub(1)
                .and_then(|m| Some((m, entities.mentions.get(m)?)))
            {
                if m.1.tokens.start >= range.start && m.1.tokens.end <= range.end {
                    if let Some(&c) = entities.mention_cluster.get(m.0) {
                        out.push(c);
                    }
                }
            }
            if self.reference[k] != 0 {
                out.push(self.reference[k] as usize - 1);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.word.len()
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.word.is_empty()
    }

    /// Is token `i` a word (not punctuation)?
    pub fn is_word(&self, i: usize) -> bool {
        matches!(
            self.shape.get(i),
            Some(&(shape::LOWER | shape::CAP | shape::UPPER | shape::OTHER_WORD | shape::NUMBER))
        )
    }

    /// Is token `i` punctuation of a clause break (`,` `;` `:` dash, parenthesis)?
    pub fn is_clause_punct(&self, i: usize) -> bool {
        matches!(
            self.shape.get(i),
            Some(
                &(shape::COMMA
                    | shape::COLON
                    | shape::SEMI
                    | shape::DASH
                    | shape::PAREN_OPEN
                    | shape::PAREN_CLOSE)
            )
        )
    }

    /// Is token `i` a quotation mark?
    pub fn is_quote_mark(&self, i: usize) -> bool {
        matches!(
            self.shape.get(i),
            Some(&(shape::QUOTE_OPEN | shape::QUOTE_CLOSE | shape::QUOTE))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_inflections() {
        for (words, want) in [
            (&["plans", "planned", "planning", "plan"][..], "plan"),
            (&["argues", "argued", "arguing", "argue"][..], "argu"),
            (&["says", "say"][..], "say"),
            (&["stressed", "stresses"][..], "stress"),
            (&["called", "calls", "calling"][..], "call"),
        ] {
            for w in words {
                assert_eq!(stem(w), want, "{w}");
            }
        }
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("ρήματα"), "ρήματα");
    }

    #[test]
    fn mixing_spreads_and_is_stable() {
        let a = mix(1, hash_str("said"), 0, 18);
        assert_eq!(a, mix(1, hash_str("said"), 0, 18));
        assert_ne!(a, mix(2, hash_str("said"), 0, 18));
        assert_ne!(mix(1, 1, 2, 18), mix(1, 2, 1, 18));
        assert!(a < 1 << 18);
    }

    #[test]
    fn facts_of_a_quotation() {
        let text = "“We will win,” Smith said.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &Entities::default());
        assert_eq!(f.shape[0], shape::QUOTE_OPEN);
        assert!(f.quote[1] > 0);
        let said = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "said")
            .unwrap();
        assert_eq!(f.quote[said], 0);
        assert_ne!(f.lex[said], 0);
        assert_eq!(f.lex[said], lex_code("said"));
    }
}
