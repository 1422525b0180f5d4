//! Check-worthiness: how much a fact-checker would want to verify a sentence or clause.
//!
//! A linear classifier (logistic regression over hashed features, trained on ClaimBuster
//! and CLEF-2019 debate sentences) with Platt-calibrated output in [0, 1]. Its features
//! are the ones that carry over from debate speech to news prose: numbers and quantities,
//! comparatives and changes, named actors (entity types), tense, hedges and modals, first
//! person and questions, besides words and word pairs. When the model cannot be loaded, a
//! hand-weighted score over the same cues stands in.

use std::ops::Range;

use super::features::{hash_str, mix, shape, TokenFacts};
use super::ClaimSpans;
use crate::entities::Entities;
use crate::schema::{ClaimKind, Polarity};
use crate::tagger::{LinearModel, ModelError, ModelFile};
use crate::text::Document;

/// Version of the check-worthiness features; a model trained on others is refused.
pub const FEATURE_SET: u32 = 2;

/// A loaded check-worthiness model: weights over hashed features and the Platt sigmoid.
#[derive(Debug, Clone)]
pub struct CheckModel {
    /// One-label weights.
    pub weights: LinearModel,
    /// Hash bits.
    pub bits: u32,
    /// Platt slope.
    pub a: f32,
    /// Platt intercept.
    pub b: f32,
}

impl CheckModel {
    /// Reads the table "weights" and the Platt parameters (meta "platt_a", "platt_b").
    pub fn from_file(file: &ModelFile) -> Result<CheckModel, ModelError> {
        CheckModel::build(file.table("weights")?.clone(), file)
    }

    /// [`CheckModel::from_file`] for a file the caller no longer needs: its table is
    /// moved into the model rather than copied.
    pub fn from_model(mut file: ModelFile) -> Result<CheckModel, ModelError> {
        let weights = file.take_table("weights")?;
        CheckModel::build(weights, &file)
    }

    /// The model of `weights` and the Platt parameters in `file`'s meta.
    fn build(weights: LinearModel, file: &ModelFile) -> Result<CheckModel, ModelError> {
        if weights.labels != 1 || !weights.buckets.is_power_of_two() {
            return Err(ModelError::Corrupt("check-worthiness table shape"));
        }
        let get = |k: &str| -> Result<f32, ModelError> {
            file.meta
                .iter()
                .find(|(n, _)| n == k)
                .and_then(|(_, v)| v.parse::<f32>().ok())
                .ok_or(ModelError::Corrupt("missing Platt parameter"))
        };
        Ok(CheckModel {
            bits: weights.buckets.trailing_zeros(),
            a: get("platt_a")?,
            b: get("platt_b")?,
            weights,
        })
    }

    /// Raw linear score of features.
    pub fn raw(&self, feats: &[u32]) -> f32 {
        // a clause's features are mostly rare words and word pairs, far apart in a table
        // much larger than the cache: ask for all of them before summing
        self.weights.prefetch(feats);
        let mut s = [0.0f32];
        self.weights.score_into(feats, &mut s);
        s[0]
    }

    /// Calibrated probability of a raw score.
    pub fn calibrate(&self, raw: f32) -> f32 {
        sigmoid(self.a * raw + self.b)
    }
}

/// The logistic function.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

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
    "bigger",
    "biggest",
    "largest",
    "highest",
    "lowest",
    "better",
    "worse",
    "best",
    "worst",
    "than",
    "increase",
    "increased",
    "increases",
    "decrease",
    "decreased",
    "rose",
    "risen",
    "fell",
    "fallen",
    "doubled",
    "tripled",
    "cut",
    "raised",
    "grew",
    "grown",
    "dropped",
    "declined",
    "record",
    "only",
    "every",
    "all",
    "none",
    "never",
    "ever",
    "first",
    "last",
];
const CAUSAL: &[&str] = &[
    "because",
    "since",
    "cause",
    "caused",
    "causes",
    "due",
    "result",
    "resulted",
    "led",
    "therefore",
    "thanks",
];
const HEDGES: &[&str] = &[
    "think", "believe", "feel", "hope", "maybe", "perhaps", "probably", "might", "may", "could",
    "seems", "seem", "guess", "suppose", "wish", "want", "going", "gonna", "should", "must",
    "ought", "need", "needs", "let", "let's", "please", "thank", "thanks",
];
const MODALS: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "’ll",
];
const PAST: &[&str] = &["was", "were", "had", "did", "been", "ago", "last", "since"];
const FIRST: &[&str] = &["i", "me", "my", "we", "our", "us", "i'm", "myself"];
const SECOND: &[&str] = &["you", "your", "yours"];
const FUNCTION: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "in", "that", "is", "it",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

const COMP: u16 = 1;
const CAUSE: u16 = 2;
const HEDGE: u16 = 4;
const MODAL: u16 = 8;
const PASTW: u16 = 16;
const FIRSTP: u16 = 32;
const SECONDP: u16 = 64;
const FUNC: u16 = 128;
const PERCENTW: u16 = 256;
const MONEYW: u16 = 512;

/// The word classes above of a word, by the hash of its lower-cased text (one integer
/// binary search instead of a string comparison per list).
fn word_class(h: u64) -> u16 {
    static TABLE: std::sync::OnceLock<Vec<(u64, u16)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&str], u16); 10] = [
            (COMPARATIVES, COMP),
            (CAUSAL, CAUSE),
            (HEDGES, HEDGE),
            (MODALS, MODAL),
            (PAST, PASTW),
            (FIRST, FIRSTP),
            (SECOND, SECONDP),
            (FUNCTION, FUNC),
            (&["%", "percent", "per"], PERCENTW),
            (&["$", "dollars", "billion", "million", "trillion"], MONEYW),
        ];
        let mut v: Vec<(u64, u16)> = Vec::new();
        for (list, bit) in lists {
            for w in list {
                v.push((hash_str(w), bit));
            }
        }
        v.sort_unstable();
        let mut merged: Vec<(u64, u16)> = Vec::new();
        for (h, b) in v {
            match merged.last_mut() {
                Some(last) if last.0 == h => last.1 |= b,
                _ => merged.push((h, b)),
            }
        }
        merged
    });
    table
        .binary_search_by_key(&h, |e| e.0)
        .map_or(0, |k| table[k].1)
}

/// Pushes the check-worthiness features of the tokens `range` into `out`.
pub fn features(
    doc: &Document,
    f: &TokenFacts,
    entities: &Entities,
    range: Range<usize>,
    bits: u32,
    out: &mut Vec<u32>,
) {
    out.clear();
    let push = |out: &mut Vec<u32>, t: u16, a: u64, b: u64| out.push(mix(t, a, b, bits));
    push(out, 0, 0, 0);
    let mut words = 0u64;
    let (mut numbers, mut comps, mut causal, mut hedges, mut modals, mut past) =
        (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    let (mut first, mut second, mut caps, mut ed, mut percent, mut money) =
        (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    let mut question = false;
    let mut prev = 0x77u64;
    let mut prev_content = 0x78u64;
    let end = range.end.min(f.len());
    for i in range.start.min(end)..end {
        let sh = f.shape[i];
        let w = doc.lower(i);
        let h = f.word[i];
        let class = word_class(h);
        let has = |bit: u16| (class & bit != 0) as u64;
        if f.is_word(i) {
            words += 1;
            push(out, 1, h, 0);
            push(out, 2, prev, h);
            if class & FUNC == 0 {
                push(out, 3, prev_content, h);
                prev_content = h;
            }
            prev = h;
        } else if sh == shape::TERMINAL && w.contains('?') {
            question = true;
        }
        percent += has(PERCENTW);
        money += has(MONEYW);
        numbers += (sh == shape::NUMBER) as u64;
        caps += (sh == shape::CAP && i > range.start) as u64;
        comps += has(COMP);
        causal += has(CAUSE);
        hedges += has(HEDGE);
        modals += has(MODAL);
        past += has(PASTW);
        first += has(FIRSTP);
        second += has(SECONDP);
        ed += (sh == shape::LOWER && w.len() > 4 && w.ends_with("ed")) as u64;
    }
    push(out, 4, numbers.min(3), 0);
    push(out, 5, comps.min(3), 0);
    push(out, 6, causal.min(2), 0);
    push(out, 7, hedges.min(3), 0);
    push(out, 8, modals.min(3), 0);
    push(out, 9, past.min(3), ed.min(3));
    push(out, 10, first.min(3), 0);
    push(out, 11, second.min(3), 0);
    push(out, 12, caps.min(4), 0);
    push(out, 13, question as u64, 0);
    push(out, 14, percent.min(2), money.min(2));
    let len = match words {
        0..=3 => 0,
        4..=6 => 1,
        7..=10 => 2,
        11..=15 => 3,
        16..=25 => 4,
        26..=40 => 5,
        _ => 6,
    };
    push(out, 15, len, 0);
    push(out, 16, len, numbers.min(2));
    push(out, 17, numbers.min(2), comps.min(2));
    push(out, 18, first.min(2), hedges.min(2));
    push(out, 19, numbers.min(2), past.min(1) | ed.min(1) << 1);
    // entity mentions in the range: their types, and how many
    let bytes = doc.token_span(range.clone());
    let mut types = 0u64;
    let mut names = 0u64;
    let mut values = 0u64;
    let k0 = entities
        .mentions
        .partition_point(|m| m.span.start < bytes.start);
    for m in entities.mentions[k0..]
        .iter()
        .take_while(|m| m.span.start < bytes.end)
    {
        if m.span.end > bytes.end {
            continue;
        }
        let t = m.entity_type as u64;
        push(out, 20, t, 0);
        types |= 1 << t;
        if m.entity_type.is_name() {
            names += 1;
        } else {
            values += 1;
        }
    }
    push(out, 21, names.min(3), values.min(3));
    push(out, 22, types, 0);
    push(out, 23, values.min(2), hedges.min(1) | first.min(1) << 1);
    if words == 0 {
        push(out, 24, 1, 0);
    }
}

/// Hand-weighted score (the fallback without a model), in [0, 1].
pub fn rule_score(doc: &Document, entities: &Entities, range: Range<usize>) -> f32 {
    let words: Vec<&str> = range.clone().map(|k| doc.lower(k)).collect();
    if words.is_empty() {
        return 0.0;
    }
    let bytes = doc.token_span(range.clone());
    let (values, names) = entities
        .mentions
        .iter()
        .filter(|m| m.span.start >= bytes.start && m.span.end <= bytes.end)
        .fold((0, 0), |(v, n), m| {
            if m.entity_type.is_name() {
                (v, n + 1)
            } else {
                (v + 1, n)
            }
        });
    let mut z = -1.2f32;
    z += 1.2 * (values.min(2) as f32);
    z += 0.4 * (names.min(3) as f32);
    z += 0.5 * words.iter().any(|w| in_list(COMPARATIVES, w)) as u8 as f32;
    z -= 0.6 * words.iter().filter(|w| in_list(HEDGES, w)).count().min(2) as f32;
    if words.iter().any(|w| w.contains('?')) {
        z -= 2.0;
    }
    if words.len() < 6 {
        z -= 1.0;
    }
    sigmoid(z)
}

/// Scores token ranges of one document, with the model when it loaded.
pub struct Scorer<'a> {
    doc: &'a Document<'a>,
    facts: &'a TokenFacts,
    entities: &'a Entities,
    model: Option<&'static CheckModel>,
    feats: Vec<u32>,
}

impl<'a> Scorer<'a> {
    /// A scorer over `doc`.
    pub fn new(
        doc: &'a Document<'a>,
        facts: &'a TokenFacts,
        entities: &'a Entities,
        model: Option<&'static CheckModel>,
    ) -> Self {
        Scorer {
            doc,
            facts,
            entities,
            model,
            feats: Vec::new(),
        }
    }

    /// Check-worthiness of the tokens `range`, in [0, 1], rounded to 3 decimals.
    pub fn score(&mut self, range: Range<usize>) -> f32 {
        let p = match self.model {
            Some(m) => {
                features(
                    self.doc,
                    self.facts,
                    self.entities,
                    range,
                    m.bits,
                    &mut self.feats,
                );
                m.calibrate(m.raw(&self.feats))
            }
            None => rule_score(self.doc, self.entities, range),
        };
        (p * 1000.0).round() / 1000.0
    }
}

/// Conjunctions that open a second main clause after a comma.
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "and", "but", "while", "although", "whereas", "yet", "though",
];
/// Fewest words a clause needs to stand as an assertion of its own.
const MIN_CLAUSE_WORDS: usize = 5;

fn words(facts: &TokenFacts, r: &Range<usize>) -> usize {
    r.clone().filter(|&k| facts.is_word(k)).count()
}

/// Trims punctuation and quotation marks off both ends of a token range.
fn trim(facts: &TokenFacts, mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && !facts.is_word(r.start) {
        r.start += 1;
    }
    while r.end > r.start && !facts.is_word(r.end - 1) {
        r.end -= 1;
    }
    r
}

/// The main clauses of a sentence: split at semicolons and at a comma before a
/// coordinating conjunction ("…hostage, and cash … are flowing …") when both sides have at
/// least [`MIN_CLAUSE_WORDS`] words and no quotation is cut. One clause = the sentence.
pub fn clauses(doc: &Document, facts: &TokenFacts, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut k = sentence.start;
    while k < sentence.end {
        let split = facts.quote[k] == 0
            && (facts.shape[k] == shape::SEMI
                || (facts.shape[k] == shape::COMMA
                    && k + 1 < sentence.end
                    && CLAUSE_CONJUNCTIONS.contains(&doc.lower(k + 1))));
        if split {
            let left = trim(facts, start..k);
            let right = trim(facts, k + 1..sentence.end);
            if words(facts, &left) >= MIN_CLAUSE_WORDS && words(facts, &right) >= MIN_CLAUSE_WORDS {
                out.push(left);
                // the conjunction opens the next clause but is not part of its claim
                start = if facts.shape[k] == shape::COMMA {
                    k + 2
                } else {
                    k + 1
                };
                k = start;
                continue;
            }
        }
        k += 1;
    }
    let last = trim(facts, start..sentence.end);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// Non-restrictive relative clauses on a name, which the author asserts even inside a
/// reported sentence: "France, which joined the U.S.-led coalition earlier this week, has
/// signaled …" → "France, which joined the U.S.-led coalition earlier this week".
pub fn relative_clauses(
    doc: &Document,
    facts: &TokenFacts,
    sentence: Range<usize>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for k in sentence.start + 1..sentence.end.saturating_sub(2) {
        if facts.shape[k] != shape::COMMA
            || facts.mention[k - 1] == 0
            || !matches!(doc.lower(k + 1), "which" | "who")
            || facts.quote[k] != 0
        {
            continue;
        }
        let Some(end) = (k + 2..sentence.end).find(|&j| facts.is_clause_punct(j)) else {
            continue;
        };
        if facts.shape[end] != shape::COMMA {
            continue;
        }
        let m = facts.mention[k - 1] as usize - 1;
        let Some(start) = doc_mention_start(facts, m, k - 1) else {
            continue;
        };
        let r = start..end;
        if words(facts, &(k + 2..end)) >= 3 {
            out.push(r);
        }
    }
    out
}

/// First token of the mention `m` that covers token `at`.
fn doc_mention_start(facts: &TokenFacts, m: usize, at: usize) -> Option<usize> {
    let mut s = at;
    while s > 0 && facts.mention[s - 1] as usize == m + 1 {
        s -= 1;
    }
    Some(s)
}

/// Author assertions: the sentences (or their main clauses) no attribution covers, and
/// the relative clauses on names in any sentence, scored; those scoring at least
/// `min_score` are returned.
pub fn assertions(
    doc: &Document,
    scorer: &mut Scorer,
    entities: &Entities,
    attributed: &[ClaimSpans],
    min_score: f32,
) -> Vec<ClaimSpans> {
    let mut out = Vec::new();
    // which sentences an attributed claim overlaps: mark them through the claims' tokens
    let mut covered_sentence = vec![false; doc.segments.sentences.len()];
    for c in attributed {
        let first = doc.token_at_or_after(c.span.start);
        let last = doc.token_at_or_after(c.span.end);
        if let (Some(&a), Some(&b)) = (
            doc.token_sentence.get(first),
            doc.token_sentence.get(last.max(first + 1) - 1),
        ) {
            for slot in covered_sentence
                .iter_mut()
                .take(b as usize + 1)
                .skip(a as usize)
            {
                *slot = true;
            }
        }
    }
    let push = |scorer: &mut Scorer, r: Range<usize>, out: &mut Vec<ClaimSpans>| {
        let score = scorer.score(r.clone());
        if score < min_score || r.is_empty() {
            return;
        }
        let span = doc.token_span(r.clone());
        out.push(ClaimSpans {
            kind: ClaimKind::Assertion,
            span: span.clone(),
            source: None,
            cue: None,
            content: vec![span],
            speaker: None,
            about: scorer.facts.clusters_in(entities, r),
            polarity: Polarity::Asserted,
            confidence: score,
            checkworthiness: Some(score),
        });
    };
    for (k, s) in doc.segments.sentences.iter().enumerate() {
        if s.tokens.is_empty() {
            continue;
        }
        for r in relative_clauses(doc, scorer.facts, s.tokens.clone()) {
            push(scorer, r, &mut out);
        }
        if covered_sentence[k] {
            continue;
        }
        let parts = clauses(doc, scorer.facts, s.tokens.clone());
        if parts.len() > 1 {
            for p in parts {
                push(scorer, p, &mut out);
            }
        } else {
            push(scorer, s.tokens.clone(), &mut out);
        }
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(
        text: &str,
        f: fn(&Document, &TokenFacts, Range<usize>) -> Vec<Range<usize>>,
    ) -> Vec<String> {
        let doc = Document::new(text);
        let ents = crate::entities::extract(&doc);
        let facts = TokenFacts::new(&doc, &ents);
        f(&doc, &facts, 0..doc.tokens.len())
            .into_iter()
            .map(|r| text[doc.token_span(r)].to_string())
            .collect()
    }

    #[test]
    fn main_clauses() {
        assert_eq!(
            spans(
                "The Islamic State is holding dozens of Turkish citizens hostage, and cash, \
                 supplies and fighters for the group are flowing across its border.",
                clauses
            ),
            [
                "The Islamic State is holding dozens of Turkish citizens hostage",
                "cash, supplies and fighters for the group are flowing across its border"
            ]
        );
        assert_eq!(spans("Short, and sweet.", clauses), ["Short, and sweet"]);
    }

    #[test]
    fn relative_clause_on_a_name() {
        assert_eq!(
            spans(
                "France, which joined the U.S.-led coalition earlier this week, has signaled \
                 that it wants Iran to participate.",
                relative_clauses
            ),
            ["France, which joined the U.S.-led coalition earlier this week"]
        );
    }

    #[test]
    fn calibrated_scores_stay_in_range() {
        let text = "Unemployment fell to 4.9 percent in 2016, the lowest rate in eight years.";
        let doc = Document::new(text);
        let ents = crate::entities::extract(&doc);
        let facts = TokenFacts::new(&doc, &ents);
        let mut scorer = Scorer::new(
            &doc,
            &facts,
            &ents,
            super::super::models::checkworthy().ok(),
        );
        let s = scorer.score(0..doc.tokens.len());
        assert!((0.0..=1.0).contains(&s));
        assert!(s > scorer.score(0..1));
    }
}
