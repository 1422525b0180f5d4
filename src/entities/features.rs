//! Features of the name tagger: what it sees of each token (the word, its shape, prefixes
//! and suffixes, its neighbours, where it stands in the sentence, how the same word is
//! written elsewhere in the document, and lexicon membership), hashed into buckets.
//!
//! Training (`train::ner`) and tagging ([`super::tagger`]) call the same code, so the
//! weights always meet the features they were learned on; [`FEATURE_SET`] is recorded in
//! the model file and changes whenever what this module computes changes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::lexicon::{LexFlags, Lexicon, PhraseStart};
use crate::tagger::{CompactLinear, FeatureHasher};
use crate::text::{Document, TokenKind};

/// Version of the feature extraction below. Bump it when any feature changes, so an old
/// model is refused with a clear error instead of silently misreading the new features.
pub const FEATURE_SET: u32 = 10;

/// Template ids (each hashes with its own strings).
mod t {
    pub const BIAS: u16 = 0;
    pub const WORD: u16 = 1;
    pub const LOWER: u16 = 2;
    pub const SHAPE: u16 = 3;
    pub const PREFIX: u16 = 4; // 4..=7
    pub const SUFFIX: u16 = 8; // 8..=11
    pub const PREV: u16 = 12;
    pub const PREV2: u16 = 13;
    pub const NEXT: u16 = 14;
    pub const NEXT2: u16 = 15;
    pub const PREV_SHAPE: u16 = 16;
    pub const NEXT_SHAPE: u16 = 17;
    pub const SHAPE3: u16 = 18;
    pub const BIGRAM_LEFT: u16 = 19;
    pub const BIGRAM_RIGHT: u16 = 20;
    pub const INITIAL: u16 = 21;
    pub const INITIAL_LOWER: u16 = 22;
    // 23 (token kinds) and 30 (word length) were measured useless and dropped
    pub const QUOTE: u16 = 24;
    pub const DOC: u16 = 25;
    pub const HEADLINE: u16 = 26;
    pub const LINE_START: u16 = 27;
    pub const PREV_SUFFIX: u16 = 28;
    pub const NEXT_SUFFIX: u16 = 29;
    pub const LEX: u16 = 31;
    pub const LEX_PREV: u16 = 32;
    pub const LEX_NEXT: u16 = 33;
    pub const LEX_WORD: u16 = 34;
    pub const PREV_WORD_SHAPE: u16 = 35;
    pub const WORD_NEXT_SHAPE: u16 = 36;
    pub const DOC_LONGER: u16 = 37;
    pub const CLUSTER: u16 = 38;
    pub const CLUSTER_COARSE: u16 = 39;
    pub const CLUSTER_SHAPE: u16 = 40;
    pub const PREV_CLUSTER: u16 = 41;
    pub const NEXT_CLUSTER: u16 = 42;
    // 43, 44 (the words next to a word's other occurrences) were measured and dropped
    // (MODEL.md, session 7)
    pub const DOC_PREV_CLUSTER: u16 = 45;
    pub const DOC_NEXT_CLUSTER: u16 = 46;
    pub const DOC_PREV_LEX: u16 = 47;
    pub const DOC_NEXT_LEX: u16 = 48;
}

/// How many other occurrences of a word its document-context features read (the first
/// ones in the document; 2 and 8 measured worse than 4).
const DOC_OCCURRENCES: usize = 4;

/// A capitalised occurrence of a word and its neighbours in its sentence (token indices;
/// [`NO_TOKEN`] at a sentence edge).
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    token: u32,
    prev: u32,
    next: u32,
}

/// Stand-in for a missing neighbour of an [`Occurrence`].
const NO_TOKEN: u32 = u32::MAX;

/// A fast, deterministic hasher for the per-document word tables and the lexicons: a
/// multiply-rotate mix over eight bytes at a time (named after FNV, which it replaced).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            h = (h.rotate_left(23)
                ^ crate::tagger::features::tail_le(rest)
                ^ (rest.len() as u64) << 59)
                .wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(23) ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }

    fn write_u8(&mut self, v: u8) {
        self.write_u64(v as u64 | 0x100);
    }

    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// A `HashMap` with [`Fnv`] hashing.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Word shape: upper → `X`, lower → `x`, digit → `d`, others kept; runs of one class
/// collapse to a single character ("Okoro" → `Xx`, "U.S." → `X.X.`, "1,000" → `d,d`).
pub fn shape_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // the common case, byte by byte
        let mut last = 0u8;
        for b in word.bytes() {
            let k = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                other => other,
            };
            if k != last || !matches!(k, b'X' | b'x' | b'd') {
                out.push(k as char);
            }
            last = k;
        }
        out.truncate(12);
        return;
    }
    let mut last = '\0';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a' // letters without case (Arabic, CJK, ...)
        } else {
            c
        };
        if k != last || !matches!(k, 'X' | 'x' | 'd' | 'a') {
            out.push(k);
        }
        last = k;
    }
    if out.len() > 12 {
        // keep shapes of odd tokens (URLs, long codes) from flooding the table
        let cut = (0..=12)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        out.truncate(cut);
    }
}

/// The first `n` characters of `s` (all of it if shorter).
fn prefix(s: &str, n: usize) -> Option<&str> {
    if s.is_ascii() {
        return (s.len() > n).then(|| &s[..n]);
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(&s[..i]),
        None => None,
    }
}

/// The last `n` characters of `s`, if `s` is longer than `n`.
fn suffix(s: &str, n: usize) -> Option<&str> {
    if s.is_ascii() {
        return (s.len() > n).then(|| &s[s.len() - n..]);
    }
    let mut it = s.char_indices().rev();
    let (i, _) = it.nth(n - 1)?;
    (i > 0).then(|| &s[i..])
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Word clusters learned from unlabelled text (see `train::ner`): the lower-cased word's
/// hash bucket → (fine cluster + 1, coarse cluster + 1), 0 = not clustered. Stored in the
/// model file as a two-column table; held here as an open-addressing hash table of its
/// rows, so that a lookup touches one cache line (a sparse table index took three
/// dependent memory accesses, and every new word of a document needs one lookup).
#[derive(Debug, Clone)]
pub struct WordClusters {
    /// (bucket + 1, [fine, coarse]) at the bucket's slot or the next free ones (linear
    /// probing); bucket 0 = an empty slot.
    slots: Vec<(u32, [i16; 2])>,
    /// Buckets of the stored table − 1 (a power of two − 1).
    mask: u64,
}

impl WordClusters {
    /// Wraps a stored table (2 labels, a power-of-two number of buckets below 2^32).
    pub fn from_table(table: CompactLinear) -> Option<WordClusters> {
        let buckets = table.buckets();
        if table.labels() != 2 || !buckets.is_power_of_two() || buckets > u32::MAX as usize {
            return None;
        }
        let mut rows = Vec::new();
        table.for_each_row(|b, row| {
            if let [fine, coarse] = *row {
                rows.push((b as u32, [fine, coarse]));
            }
        });
        // at most half full, so probes stay short
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, [0i16; 2]); size];
        for (b, v) in rows {
            let mut k = b as usize & (size - 1);
            while slots[k].0 != 0 {
                k = (k + 1) & (size - 1);
            }
            slots[k] = (b + 1, v);
        }
        Some(WordClusters {
            slots,
            mask: buckets as u64 - 1,
        })
    }

    /// The bucket of a lower-cased word in a table of `2^bits` buckets.
    pub fn bucket(lower: &str, bits: u32) -> usize {
        (FeatureHasher::part(lower) & ((1u64 << bits) - 1)) as usize
    }

    /// (fine, coarse) cluster of a word by its pre-hashed lower-cased form.
    #[inline]
    pub(crate) fn of_hash(&self, h: u64) -> (u64, u64) {
        let key = (h & self.mask) as u32 + 1;
        let size = self.slots.len();
        let mut k = (key as usize - 1) & size.wrapping_sub(1);
        // a full table is never built (half the slots stay free); the bound only guards
        for _ in 0..size {
            match self.slots.get(k) {
                Some(&(b, [fine, coarse])) if b == key => return (fine as u64, coarse as u64),
                Some(&(0, _)) | None => break,
                _ => k = (k + 1) & (size - 1),
            }
        }
        (0, 0)
    }

    /// Asks the cache for the slot of a pre-hashed word before [`Self::of_hash`] reads it
    /// (x86-64 only; a no-op elsewhere).
    #[inline]
    pub(crate) fn prefetch(&self, h: u64) {
        #[cfg(target_arch = "x86_64")]
        if let Some(slot) = self
            .slots
            .get((h & self.mask) as usize & self.slots.len().wrapping_sub(1))
        {
            // SAFETY: prefetching is only a hint; it never faults, and the pointer is into
            // a live allocation anyway
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (slot as *const (u32, [i16; 2])).cast(),
                )
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = h;
    }

    /// (fine, coarse) cluster of a lower-cased word (0 = not clustered).
    pub fn of(&self, lower: &str) -> (u64, u64) {
        self.of_hash(FeatureHasher::part(lower))
    }
}

/// Pre-hashed strings of one token (see [`FeatureHasher::part`]); 0 = absent.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    word: u64,
    lower: u64,
    shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// Fine and coarse word cluster (+ 1; 0 = none).
    cluster: (u64, u64),
}

/// Per-document facts every token's features read: each token's strings hashed once,
/// lexicon flags, quotation and headline marks, and how each word is written elsewhere in
/// the document.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// The parts of each distinct word (indexed like `word_token`).
    parts: Vec<Parts>,
    /// Each token's distinct word (same text = same word), indexing `word_token`.
    word_of: Vec<u32>,
    /// The first token of each distinct word.
    word_token: Vec<u32>,
    /// Lexicon flags of each token.
    pub lex: Vec<LexFlags>,
    in_quote: Vec<bool>,
    /// Sentence is mostly capitalised words (a headline or a title).
    headline: Vec<bool>,
    /// Bit 0: the word also occurs in lower case in the document; bit 1: it also occurs
    /// capitalised away from a sentence start; bit 2: a capitalised occurrence elsewhere is
    /// followed by another capitalised word (part of a longer name).
    doc_flags: Vec<u8>,
    /// Word clusters were looked up (the model has them).
    clustered: bool,
    /// The lower-cased form of each distinct word (indexing `occ_start`).
    lower_of: Vec<u32>,
    /// The first capitalised occurrences of each lower-cased form (up to the limit + 1),
    /// at `occ_start[l]..occ_start[l + 1]`: where else a name stands in the document.
    occ: Vec<Occurrence>,
    occ_start: Vec<u32>,
}

/// Sentence-boundary stand-ins for missing neighbours.
const BEFORE: u64 = 0x5157_0a1e_b0f0_0001;
const AFTER: u64 = 0x5157_0a1e_b0f0_0002;

impl DocContext {
    /// Computes the per-document facts (without word clusters).
    pub fn new(doc: &Document, lexicon: &Lexicon) -> Self {
        DocContext::with_clusters(doc, lexicon, None)
    }

    /// Computes the per-document facts, with word clusters when the model has them.
    pub fn with_clusters(
        doc: &Document,
        lexicon: &Lexicon,
        clusters: Option<&WordClusters>,
    ) -> Self {
        let n = doc.tokens.len();
        let mut shape = String::with_capacity(16);
        // the parts depend only on the token's text (its lower-cased form is derived from
        // it), so each distinct word is hashed once per document
        // (sized for about one distinct word in two tokens, as in news text: growing a
        // table rehashes it)
        let distinct = n / 2 + 16;
        let mut ids: FnvMap<&str, u32> =
            FnvMap::with_capacity_and_hasher(distinct, Default::default());
        let mut words: Vec<Parts> = Vec::with_capacity(distinct);
        let mut word_token: Vec<u32> = Vec::with_capacity(distinct);
        let mut word_of: Vec<u32> = Vec::with_capacity(n);
        // each distinct word's distinct lower-cased form (for the spelling counts below)
        let mut lower_ids: FnvMap<&str, u32> =
            FnvMap::with_capacity_and_hasher(distinct, Default::default());
        let mut lower_of: Vec<u32> = Vec::with_capacity(distinct);
        // the lexicon phrases each distinct word may open (looked up once per word)
        let mut starts: Vec<Option<PhraseStart>> = Vec::with_capacity(distinct);
        for i in 0..n {
            let word = doc.token_text(i);
            let id = *ids.entry(word).or_insert_with(|| {
                let lower = doc.lower(i);
                starts.push(lexicon.phrase_start(lower));
                let next = lower_ids.len() as u32;
                lower_of.push(*lower_ids.entry(lower).or_insert(next));
                shape.clear();
                shape_into(word, &mut shape);
                let mut p = Parts {
                    word: FeatureHasher::part(word),
                    lower: if lower == word {
                        0
                    } else {
                        FeatureHasher::part(lower)
                    },
                    shape: FeatureHasher::part(&shape),
                    ..Parts::default()
                };
                if p.lower == 0 {
                    p.lower = p.word;
                }
                for k in 0..4 {
                    p.prefix[k] = prefix(lower, k + 1).map_or(0, FeatureHasher::part);
                    // (the one-letter suffix is no feature: left 0, never hashed)
                    if k > 0 {
                        p.suffix[k] = suffix(lower, k + 1).map_or(0, FeatureHasher::part);
                    }
                }
                words.push(p);
                word_token.push(i as u32);
                words.len() as u32 - 1
            });
            word_of.push(id);
        }
        if let Some(c) = clusters {
            // all the table reads asked for first, so that their cache misses overlap
            for p in &words {
                c.prefetch(p.lower);
            }
            for p in &mut words {
                p.cluster = c.of_hash(p.lower);
            }
        }
        let lex = lexicon.annotate_words(doc, &word_of, &starts);
        let mut in_quote = vec![false; n];
        for q in &doc.segments.quotations {
            for slot in in_quote
                .get_mut(q.inner_tokens.clone())
                .into_iter()
                .flatten()
            {
                *slot = true;
            }
        }
        let mut headline = vec![false; n];
        for s in &doc.segments.sentences {
            let mut words = 0;
            let mut caps = 0;
            for i in s.tokens.clone() {
                let t = doc.token_text(i);
                if doc.tokens[i].kind == TokenKind::Word && t.len() > 3 {
                    words += 1;
                    caps += is_capitalised(t) as usize;
                }
            }
            if words >= 3 && caps * 10 >= words * 7 {
                for slot in &mut headline[s.tokens.clone()] {
                    *slot = true;
                }
            }
        }
        // how each word is written across the document
        #[derive(Default, Clone, Copy)]
        struct Seen {
            lower: u16,
            cap_inside: u16,
            cap_before_cap: u16,
        }
        let initial = |i: usize| {
            i == 0
                || doc.token_sentence[i] != doc.token_sentence[i - 1]
                || matches!(
                    doc.tokens[i - 1].kind,
                    TokenKind::Quote | TokenKind::Punct | TokenKind::Dash
                ) && doc.tokens[i - 1].space_before
        };
        // by lower-cased form (the same for every token of a word)
        let mut seen: Vec<Option<Seen>> = vec![None; lower_ids.len()];
        let lower_at = |i: usize| lower_of[word_of[i] as usize] as usize;
        let mut flags_of = vec![(false, false, false); n];
        for (i, slot) in flags_of.iter_mut().enumerate() {
            if doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let text = doc.token_text(i);
            let cap = is_capitalised(text);
            let low = !cap && text.chars().next().is_some_and(char::is_lowercase);
            let inside = cap && !initial(i);
            let before_cap = cap
                && i + 1 < n
                && doc.tokens[i + 1].kind == TokenKind::Word
                && is_capitalised(doc.token_text(i + 1));
            *slot = (low, inside, before_cap);
            let e = seen[lower_at(i)].get_or_insert_with(Seen::default);
            e.lower = e.lower.saturating_add(low as u16);
            e.cap_inside = e.cap_inside.saturating_add(inside as u16);
            e.cap_before_cap = e.cap_before_cap.saturating_add(before_cap as u16);
        }
        let (occ, occ_start) = occurrences(doc, &word_of, &lower_of, DOC_OCCURRENCES + 1);
        let doc_flags = (0..n)
            .map(|i| {
                if doc.tokens[i].kind != TokenKind::Word {
                    return 0;
                }
                let Some(e) = seen[lower_at(i)] else {
                    return 0;
                };
                let (low, inside, before_cap) = flags_of[i];
                let lower = e.lower > low as u16;
                let cap_inside = e.cap_inside > inside as u16;
                let longer = e.cap_before_cap > before_cap as u16;
                lower as u8 | (cap_inside as u8) << 1 | (longer as u8) << 2
            })
            .collect();
        DocContext {
            parts: words,
            word_of,
            word_token,
            lex,
            in_quote,
            headline,
            doc_flags,
            clustered: clusters.is_some(),
            lower_of,
            occ,
            occ_start,
        }
    }
}

/// The first `keep` capitalised word occurrences of each lower-cased form (grouped by
/// form, in document order) and where each form's group starts.
fn occurrences(
    doc: &Document,
    word_of: &[u32],
    lower_of: &[u32],
    keep: usize,
) -> (Vec<Occurrence>, Vec<u32>) {
    let forms = lower_of.iter().map(|&l| l as usize + 1).max().unwrap_or(0);
    let n = doc.tokens.len();
    let capitalised =
        |i: usize| doc.tokens[i].kind == TokenKind::Word && is_capitalised(doc.token_text(i));
    let form = |i: usize| lower_of.get(word_of[i] as usize).map_or(0, |&l| l as usize);
    // counting pass, then a fill pass (no per-form vectors)
    let mut count = vec![0u32; forms + 1];
    for i in 0..n {
        if capitalised(i) {
            let c = &mut count[form(i) + 1];
            *c = (*c + 1).min(keep as u32);
        }
    }
    for f in 1..=forms {
        count[f] += count[f - 1];
    }
    let start = count.clone();
    let mut fill = count;
    let mut occ = vec![
        Occurrence {
            token: NO_TOKEN,
            prev: NO_TOKEN,
            next: NO_TOKEN,
        };
        start[forms] as usize
    ];
    let same_sentence = |a: usize, b: usize| doc.token_sentence.get(a) == doc.token_sentence.get(b);
    for i in 0..n {
        if !capitalised(i) {
            continue;
        }
        let f = form(i);
        if fill[f] >= start[f + 1] {
            continue;
        }
        // the adjacent tokens (those outside a run of capitalised words, "in New York" for
        // "York", were measured worse)
        let prev = if i > 0 && same_sentence(i - 1, i) {
            i as u32 - 1
        } else {
            NO_TOKEN
        };
        let next = if i + 1 < n && same_sentence(i + 1, i) {
            i as u32 + 1
        } else {
            NO_TOKEN
        };
        occ[fill[f] as usize] = Occurrence {
            token: i as u32,
            prev,
            next,
        };
        fill[f] += 1;
    }
    (occ, start)
}

/// Computes the hashed features of tokens.
#[derive(Debug, Clone)]
pub struct Featurizer {
    hasher: FeatureHasher,
}

impl Featurizer {
    /// A featurizer hashing into `2^bits` buckets.
    pub fn new(bits: u32) -> Self {
        Featurizer {
            hasher: FeatureHasher::new(bits),
        }
    }

    /// Number of buckets.
    pub fn buckets(&self) -> usize {
        self.hasher.buckets()
    }

    /// Appends the features of token `i` (inside sentence `sentence`) to `out`.
    pub fn features(
        &mut self,
        doc: &Document,
        ctx: &DocContext,
        sentence: &Range<usize>,
        i: usize,
        out: &mut Vec<u32>,
    ) {
        let h = self.hasher;
        let me = ctx.part(i);
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= sentence.start as isize && j < sentence.end as isize).then_some(j as usize)
        };
        let edge = |k: isize| if k < 0 { BEFORE } else { AFTER };
        let low_at = |k: isize| at(k).map_or(edge(k), |j| ctx.part(j).lower);
        let shape_at = |k: isize| at(k).map_or(edge(k), |j| ctx.part(j).shape);
        let (word, lower, shape) = (me.word, me.lower, me.shape);

        out.push(h.mix(t::BIAS, &[]));
        out.push(h.mix(t::WORD, &[word]));
        out.push(h.mix(t::LOWER, &[lower]));
        out.push(h.mix(t::SHAPE, &[shape]));
        for n in 0..4 {
            if me.prefix[n] != 0 {
                out.push(h.mix(t::PREFIX + n as u16, &[me.prefix[n]]));
            }
            // (one-letter suffixes measured useless)
            if n > 0 && me.suffix[n] != 0 {
                out.push(h.mix(t::SUFFIX + n as u16, &[me.suffix[n]]));
            }
        }
        let (p1, p2, n1, n2) = (low_at(-1), low_at(-2), low_at(1), low_at(2));
        out.push(h.mix(t::PREV, &[p1]));
        out.push(h.mix(t::PREV2, &[p2]));
        out.push(h.mix(t::NEXT, &[n1]));
        out.push(h.mix(t::NEXT2, &[n2]));
        let (ps, ns) = (shape_at(-1), shape_at(1));
        out.push(h.mix(t::PREV_SHAPE, &[ps]));
        out.push(h.mix(t::NEXT_SHAPE, &[ns]));
        out.push(h.mix(t::SHAPE3, &[ps, shape, ns]));
        out.push(h.mix(t::BIGRAM_LEFT, &[p1, lower]));
        out.push(h.mix(t::BIGRAM_RIGHT, &[lower, n1]));
        out.push(h.mix(t::PREV_WORD_SHAPE, &[p1, shape]));
        out.push(h.mix(t::WORD_NEXT_SHAPE, &[shape, n1]));
        let initial = i == sentence.start
            || (i == sentence.start + 1 && doc.tokens[sentence.start].kind == TokenKind::Quote);
        if initial {
            out.push(h.mix(t::INITIAL, &[shape]));
            out.push(h.mix(t::INITIAL_LOWER, &[lower]));
        }
        if ctx.in_quote[i] {
            out.push(h.mix(t::QUOTE, &[shape]));
        }
        let f = ctx.doc_flags[i];
        if doc.tokens[i].kind == TokenKind::Word && is_capitalised(doc.token_text(i)) {
            out.push(h.mix(t::DOC, &[(f & 3) as u64 | (initial as u64) << 2]));
            if f & 4 != 0 {
                out.push(h.mix(t::DOC_LONGER, &[initial as u64]));
            }
        }
        if ctx.headline[i] {
            out.push(h.mix(t::HEADLINE, &[shape]));
        }
        self.doc_context(doc, ctx, i, out);
        if doc.tokens[i].newlines_before > 0 {
            out.push(h.mix(t::LINE_START, &[shape]));
        }
        if let Some(j) = at(-1) {
            if ctx.part(j).suffix[2] != 0 {
                out.push(h.mix(t::PREV_SUFFIX, &[ctx.part(j).suffix[2]]));
            }
        }
        if let Some(j) = at(1) {
            if ctx.part(j).suffix[2] != 0 {
                out.push(h.mix(t::NEXT_SUFFIX, &[ctx.part(j).suffix[2]]));
            }
        }
        if ctx.clustered {
            let (fine, coarse) = me.cluster;
            out.push(h.mix(t::CLUSTER, &[fine]));
            out.push(h.mix(t::CLUSTER_COARSE, &[coarse]));
            out.push(h.mix(t::CLUSTER_SHAPE, &[fine, shape]));
            let prev = at(-1).map_or(BEFORE, |j| ctx.part(j).cluster.1);
            let next = at(1).map_or(AFTER, |j| ctx.part(j).cluster.1);
            out.push(h.mix(t::PREV_CLUSTER, &[prev]));
            out.push(h.mix(t::NEXT_CLUSTER, &[next]));
        }
        // lexicon membership of the word and its neighbours
        let mut bits = ctx.lex[i].0;
        while bits != 0 {
            let b = bits.trailing_zeros() as u64;
            bits &= bits - 1;
            out.push(h.mix(t::LEX, &[b]));
            out.push(h.mix(t::LEX_WORD, &[b, shape]));
        }
        if let Some(j) = at(-1) {
            let mut bits = ctx.lex[j].0;
            while bits != 0 {
                let b = bits.trailing_zeros() as u64;
                bits &= bits - 1;
                out.push(h.mix(t::LEX_PREV, &[b]));
            }
        }
        if let Some(j) = at(1) {
            let mut bits = ctx.lex[j].0;
            while bits != 0 {
                let b = bits.trailing_zeros() as u64;
                bits &= bits - 1;
                out.push(h.mix(t::LEX_NEXT, &[b]));
            }
        }
    }
}

impl DocContext {
    /// The parts of token `i`'s word.
    #[inline]
    fn part(&self, i: usize) -> &Parts {
        static NONE: Parts = Parts {
            word: 0,
            lower: 0,
            shape: 0,
            prefix: [0; 4],
            suffix: [0; 4],
            cluster: (0, 0),
        };
        self.word_of
            .get(i)
            .and_then(|&w| self.parts.get(w as usize))
            .unwrap_or(&NONE)
    }

    /// Whether token `i`, a word, is also written in lower case (its first letter) as a
    /// word elsewhere in the document (or is itself).
    pub fn seen_in_lower_case(&self, i: usize) -> bool {
        self.doc_flags.get(i).is_some_and(|&f| f & 1 != 0)
    }

    /// Number of distinct words (token texts) in the document.
    pub fn words(&self) -> usize {
        self.word_token.len()
    }

    /// The distinct word of token `i` (see [`Self::words`]).
    pub fn word_of(&self, i: usize) -> usize {
        self.word_of.get(i).map_or(0, |&w| w as usize)
    }

    /// A token where distinct word `w` occurs.
    pub fn word_token(&self, w: usize) -> usize {
        self.word_token.get(w).map_or(0, |&t| t as usize)
    }
}

impl Featurizer {
    /// Document-context features of token `i`, a capitalised word that no name list has
    /// (an unseen name): the coarse word cluster and the lexicon bits of the tokens next
    /// to the word's other capitalised occurrences in the document (a title or a first
    /// name before it, a reporting verb or "Inc." after it, a preposition's cluster
    /// before it), so how the name is used elsewhere can tell a company from a town from
    /// a person. Each distinct feature counts once.
    fn doc_context(&self, doc: &Document, ctx: &DocContext, i: usize, out: &mut Vec<u32>) {
        if doc.tokens[i].kind != TokenKind::Word
            || !ctx.lex[i].has(super::lexicon::bit::UNLISTED)
            || !is_capitalised(doc.token_text(i))
        {
            return;
        }
        let Some(&form) = ctx
            .word_of
            .get(i)
            .and_then(|&w| ctx.lower_of.get(w as usize))
        else {
            return;
        };
        let (Some(&a), Some(&b)) = (
            ctx.occ_start.get(form as usize),
            ctx.occ_start.get(form as usize + 1),
        ) else {
            return;
        };
        let h = self.hasher;
        let first = out.len();
        let push = |f: u32, out: &mut Vec<u32>| {
            // a few dozen at most: a linear scan is cheaper than a set
            if !out[first..].contains(&f) {
                out.push(f);
            }
        };
        let others = ctx
            .occ
            .get(a as usize..b as usize)
            .unwrap_or_default()
            .iter()
            .filter(|o| o.token != i as u32)
            .take(DOC_OCCURRENCES);
        for o in others {
            for (j, edge, coarse, lex) in [
                (o.prev, BEFORE, t::DOC_PREV_CLUSTER, t::DOC_PREV_LEX),
                (o.next, AFTER, t::DOC_NEXT_CLUSTER, t::DOC_NEXT_LEX),
            ] {
                let j = (j != NO_TOKEN).then_some(j as usize);
                if ctx.clustered {
                    push(
                        h.mix(coarse, &[j.map_or(edge, |j| ctx.part(j).cluster.1)]),
                        out,
                    );
                }
                let mut bits = j.and_then(|j| ctx.lex.get(j)).map_or(0, |f| f.0);
                while bits != 0 {
                    let b = bits.trailing_zeros() as u64;
                    bits &= bits - 1;
                    push(h.mix(lex, &[b]), out);
                }
            }
        }
    }

    /// The features of token `i` that depend only on its text (the same for every
    /// occurrence of the word): with [`Self::context_features`], the same multiset as
    /// [`Self::features`], so a tagger can score them once per distinct word.
    pub fn word_features(&self, ctx: &DocContext, i: usize, out: &mut Vec<u32>) {
        let h = self.hasher;
        let me = ctx.part(i);
        let (word, lower, shape) = (me.word, me.lower, me.shape);
        out.push(h.mix(t::BIAS, &[]));
        out.push(h.mix(t::WORD, &[word]));
        out.push(h.mix(t::LOWER, &[lower]));
        out.push(h.mix(t::SHAPE, &[shape]));
        for n in 0..4 {
            if me.prefix[n] != 0 {
                out.push(h.mix(t::PREFIX + n as u16, &[me.prefix[n]]));
            }
            if n > 0 && me.suffix[n] != 0 {
                out.push(h.mix(t::SUFFIX + n as u16, &[me.suffix[n]]));
            }
        }
        if ctx.clustered {
            let (fine, coarse) = me.cluster;
            out.push(h.mix(t::CLUSTER, &[fine]));
            out.push(h.mix(t::CLUSTER_COARSE, &[coarse]));
            out.push(h.mix(t::CLUSTER_SHAPE, &[fine, shape]));
        }
    }

    /// The features of token `i` (inside sentence `sentence`) that depend on where it
    /// stands: its neighbours, its place in the sentence and the document, the lexicon
    /// entries it is part of. Kept in step with [`Self::features`] (a test checks it).
    pub fn context_features(
        &self,
        doc: &Document,
        ctx: &DocContext,
        sentence: &Range<usize>,
        i: usize,
        out: &mut Vec<u32>,
    ) {
        let h = self.hasher;
        let me = ctx.part(i);
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= sentence.start as isize && j < sentence.end as isize).then_some(j as usize)
        };
        let edge = |k: isize| if k < 0 { BEFORE } else { AFTER };
        let low_at = |k: isize| at(k).map_or(edge(k), |j| ctx.part(j).lower);
        let shape_at = |k: isize| at(k).map_or(edge(k), |j| ctx.part(j).shape);
        let (lower, shape) = (me.lower, me.shape);
        let (p1, p2, n1, n2) = (low_at(-1), low_at(-2), low_at(1), low_at(2));
        out.push(h.mix(t::PREV, &[p1]));
        out.push(h.mix(t::PREV2, &[p2]));
        out.push(h.mix(t::NEXT, &[n1]));
        out.push(h.mix(t::NEXT2, &[n2]));
        let (ps, ns) = (shape_at(-1), shape_at(1));
        out.push(h.mix(t::PREV_SHAPE, &[ps]));
        out.push(h.mix(t::NEXT_SHAPE, &[ns]));
        out.push(h.mix(t::SHAPE3, &[ps, shape, ns]));
        out.push(h.mix(t::BIGRAM_LEFT, &[p1, lower]));
        out.push(h.mix(t::BIGRAM_RIGHT, &[lower, n1]));
        out.push(h.mix(t::PREV_WORD_SHAPE, &[p1, shape]));
        out.push(h.mix(t::WORD_NEXT_SHAPE, &[shape, n1]));
        let initial = i == sentence.start
            || (i == sentence.start + 1 && doc.tokens[sentence.start].kind == TokenKind::Quote);
        if initial {
            out.push(h.mix(t::INITIAL, &[shape]));
            out.push(h.mix(t::INITIAL_LOWER, &[lower]));
        }
        if ctx.in_quote[i] {
            out.push(h.mix(t::QUOTE, &[shape]));
        }
        let f = ctx.doc_flags[i];
        if doc.tokens[i].kind == TokenKind::Word && is_capitalised(doc.token_text(i)) {
            out.push(h.mix(t::DOC, &[(f & 3) as u64 | (initial as u64) << 2]));
            if f & 4 != 0 {
                out.push(h.mix(t::DOC_LONGER, &[initial as u64]));
            }
        }
        if ctx.headline[i] {
            out.push(h.mix(t::HEADLINE, &[shape]));
        }
        self.doc_context(doc, ctx, i, out);
        if doc.tokens[i].newlines_before > 0 {
            out.push(h.mix(t::LINE_START, &[shape]));
        }
        if let Some(j) = at(-1) {
            if ctx.part(j).suffix[2] != 0 {
                out.push(h.mix(t::PREV_SUFFIX, &[ctx.part(j).suffix[2]]));
            }
        }
        if let Some(j) = at(1) {
            if ctx.part(j).suffix[2] != 0 {
                out.push(h.mix(t::NEXT_SUFFIX, &[ctx.part(j).suffix[2]]));
            }
        }
        if ctx.clustered {
            let prev = at(-1).map_or(BEFORE, |j| ctx.part(j).cluster.1);
            let next = at(1).map_or(AFTER, |j| ctx.part(j).cluster.1);
            out.push(h.mix(t::PREV_CLUSTER, &[prev]));
            out.push(h.mix(t::NEXT_CLUSTER, &[next]));
        }
        let mut bits = ctx.lex[i].0;
        while bits != 0 {
            let b = bits.trailing_zeros() as u64;
            bits &= bits - 1;
            out.push(h.mix(t::LEX, &[b]));
            out.push(h.mix(t::LEX_WORD, &[b, shape]));
        }
        if let Some(j) = at(-1) {
            let mut bits = ctx.lex[j].0;
            while bits != 0 {
                let b = bits.trailing_zeros() as u64;
                bits &= bits - 1;
                out.push(h.mix(t::LEX_PREV, &[b]));
            }
        }
        if let Some(j) = at(1) {
            let mut bits = ctx.lex[j].0;
            while bits != 0 {
                let b = bits.trailing_zeros() as u64;
                bits &= bits - 1;
                out.push(h.mix(t::LEX_NEXT, &[b]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(w: &str) -> String {
        let mut s = String::new();
        shape_into(w, &mut s);
        s
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Okoro"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("ISIS"), "X");
        assert_eq!(shape("1,000"), "d,d");
        assert_eq!(shape("McCain"), "XxXx");
        assert_eq!(shape("Émile"), "Xx");
    }

    #[test]
    fn affixes_are_char_aware() {
        assert_eq!(prefix("émile", 2), Some("ém"));
        assert_eq!(suffix("zürich", 3), Some("ich"));
        assert_eq!(suffix("ab", 3), None);
        assert_eq!(prefix("ab", 3), None);
        assert_eq!(suffix("über", 4), None);
        assert_eq!(suffix("naïve", 3), Some("ïve"));
    }

    #[test]
    fn features_stay_in_range() {
        let doc = Document::new("Secretary of State Jane Okoro visited Ankara. Okoro said so.");
        let lex = Lexicon::empty();
        let ctx = DocContext::new(&doc, &lex);
        let mut f = Featurizer::new(16);
        let mut out = Vec::new();
        for s in &doc.segments.sentences {
            for i in s.tokens.clone() {
                f.features(&doc, &ctx, &s.tokens, i, &mut out);
            }
        }
        assert!(out.len() > 20 * doc.tokens.len());
        assert!(out.iter().all(|&b| (b as usize) < f.buckets()));
    }

    /// The document-context features of token `i`.
    fn doc_features(doc: &Document, ctx: &DocContext, i: usize) -> Vec<u32> {
        let mut out = Vec::new();
        Featurizer::new(20).doc_context(doc, ctx, i, &mut out);
        out
    }

    fn tokens_of(doc: &Document, word: &str) -> Vec<usize> {
        (0..doc.tokens.len())
            .filter(|&i| doc.token_text(i) == word)
            .collect()
    }

    /// The document-context feature "a word at another occurrence, on `side`, has
    /// lexicon bit `bit`" (`side`: [`t::DOC_PREV_LEX`] or [`t::DOC_NEXT_LEX`]).
    fn doc_lex_feature(side: u16, bit: usize) -> u32 {
        FeatureHasher::new(20).mix(side, &[bit as u64])
    }

    #[test]
    fn doc_context_reads_the_other_occurrences() {
        use crate::entities::lexicon::bit;
        // "Zorvex" is in no name list; one occurrence follows a title, one a reporting verb
        let doc = Document::new(
            "Zorvex arrived late. Then Mr. Zorvex arrived. Zorvex said so. Zorvex left.",
        );
        let lex = Lexicon::embedded();
        let ctx = DocContext::new(&doc, lex);
        let z = tokens_of(&doc, "Zorvex");
        assert_eq!(z.len(), 4);
        assert!(ctx.lex[z[0]].has(bit::UNLISTED));
        let title_before = doc_lex_feature(t::DOC_PREV_LEX, bit::TITLE);
        let cue_after = doc_lex_feature(t::DOC_NEXT_LEX, bit::CUE);
        // the first occurrence sees the title and the verb at the others
        let first = doc_features(&doc, &ctx, z[0]);
        assert!(first.contains(&title_before) && first.contains(&cue_after));
        // an occurrence never reads its own neighbours
        let titled = doc_features(&doc, &ctx, z[1]);
        assert!(!titled.contains(&title_before) && titled.contains(&cue_after));
        let said = doc_features(&doc, &ctx, z[2]);
        assert!(said.contains(&title_before) && !said.contains(&cue_after));
        // each (side, bit) counts once
        let mut sorted = first.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), first.len());
    }

    #[test]
    fn doc_context_skips_listed_and_lone_words() {
        let doc = Document::new("Paris said no. Mr. Paris left. Quarvel agreed. Zindle spoke.");
        let lex = Lexicon::embedded();
        let ctx = DocContext::new(&doc, lex);
        // a listed name (a place and a first name) has its lexicon bits instead
        for i in tokens_of(&doc, "Paris") {
            assert!(doc_features(&doc, &ctx, i).is_empty());
        }
        // an unlisted word that occurs once has no other occurrence to read
        for i in tokens_of(&doc, "Quarvel") {
            assert!(doc_features(&doc, &ctx, i).is_empty());
        }
        // lower-case words are never read as names
        let doc = Document::new("The zorvex said. Zorvex left. Zorvex stayed.");
        let ctx = DocContext::new(&doc, lex);
        let z = tokens_of(&doc, "Zorvex");
        let cue_after = doc_lex_feature(t::DOC_NEXT_LEX, crate::entities::lexicon::bit::CUE);
        assert!(!doc_features(&doc, &ctx, z[0]).contains(&cue_after));
        assert!(tokens_of(&doc, "zorvex")
            .iter()
            .all(|&i| doc_features(&doc, &ctx, i).is_empty()));
    }

    #[test]
    fn doc_context_reads_at_most_four_other_occurrences() {
        // the fifth "Zorvex" follows a title; the first four others do not
        let doc = Document::new(
            "Zorvex left. Zorvex left. Zorvex left. Zorvex left. Zorvex left. Mr. Zorvex left.",
        );
        let ctx = DocContext::new(&doc, Lexicon::embedded());
        let z = tokens_of(&doc, "Zorvex");
        let title_before = doc_lex_feature(t::DOC_PREV_LEX, crate::entities::lexicon::bit::TITLE);
        assert!(!doc_features(&doc, &ctx, z[0]).contains(&title_before));
    }

    #[test]
    fn split_features_are_the_same_multiset() {
        let text = "\"Secretary of State Jane Okoro\" visited Ankara, Turkey.\n\
                    OKORO MEETS ERDOGAN IN ANKARA\n\
                    Okoro said so. The turkey was served; Okoro's aides (U.S.) agreed.\n\
                    Mr. Zorvex met Zorvex Inc. officials; Zorvex said.";
        let doc = Document::new(text);
        let lex = Lexicon::embedded();
        let mut ctx = DocContext::new(&doc, lex);
        for clustered in [false, true] {
            ctx.clustered = clustered;
            let mut f = Featurizer::new(20);
            for s in &doc.segments.sentences {
                for i in s.tokens.clone() {
                    let mut whole = Vec::new();
                    f.features(&doc, &ctx, &s.tokens, i, &mut whole);
                    let mut split = Vec::new();
                    f.word_features(&ctx, ctx.word_token(ctx.word_of(i)), &mut split);
                    f.context_features(&doc, &ctx, &s.tokens, i, &mut split);
                    whole.sort_unstable();
                    split.sort_unstable();
                    assert_eq!(whole, split, "token {i}");
                }
            }
        }
    }
}
