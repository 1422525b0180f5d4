//! Cues: the words that introduce an attribution. Reporting verbs in every inflection and
//! tense ("said", "has signaled", "waved off"), multi-word cues ("according to", "told
//! reporters", "said in a statement"), negated cues ("declined to say", "did not
//! announce") and noun cues ("reports", "a statement").
//!
//! A BILOU sequence tagger over each sentence ([`tag`]) trained on PolNeAR finds them; the
//! lexicon rules ([`find_by_rules`]) stand in when the model cannot be loaded.

use std::ops::Range;

use super::features::{mix, TokenFacts};
use super::lexicon;
use super::sequence::{Scratch, SeqFeatures, SeqModel};
use crate::text::{Document, TokenKind};

/// Version of the cue features; a model trained on other features is refused.
pub const FEATURE_SET: u32 = 5;
/// The span type the cue tagger labels.
pub const TYPES: &[&str] = &["CUE"];

/// A cue: its tokens (auxiliaries and negation included) and whether it is negated.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Token indices of the cue.
    pub tokens: Range<usize>,
    /// Token index of the reporting word itself.
    pub head: usize,
    /// "declined to say", "didn't say".
    pub negated: bool,
    /// "according to X": the source follows the cue.
    pub source_after: bool,
    /// How sure the cue tagger is that this is a cue, in [0, 1].
    pub confidence: f32,
}

const LEFT: u64 = 0x5151_5151;
const RIGHT: u64 = 0x7373_7373;

/// Pushes the cue features of every token of the sentence `range` into `out`.
pub fn features(
    doc: &Document,
    f: &TokenFacts,
    range: Range<usize>,
    bits: u32,
    out: &mut SeqFeatures,
) {
    out.clear();
    let (s, e) = (range.start, range.end);
    let w = |k: isize| -> u64 {
        if k < s as isize {
            LEFT
        } else if k >= e as isize {
            RIGHT
        } else {
            f.word[k as usize]
        }
    };
    let sh = |k: isize| -> u64 {
        if k < s as isize || k >= e as isize {
            0
        } else {
            f.shape[k as usize] as u64
        }
    };
    let lx = |k: isize| -> u64 {
        if k < s as isize || k >= e as isize {
            255
        } else {
            f.lex[k as usize] as u64
        }
    };
    let en = |k: isize| -> u64 {
        if k < s as isize || k >= e as isize {
            255
        } else {
            f.ent[k as usize] as u64
        }
    };
    // quotation context within the sentence
    let first_quote = (s..e).find(|&k| f.is_quote_mark(k));
    let last_quote = (s..e).rev().find(|&k| f.is_quote_mark(k));
    let mut neg_run = false;
    for i in s..e {
        let k = i as isize;
        let wi = w(k);
        let inq = (f.quote[i] > 0) as u64;
        let lex = lx(k);
        let push = |out: &mut SeqFeatures, t: u16, a: u64, b: u64| {
            out.feats.push(mix(t, a, b, bits));
        };
        push(out, 0, 0, 0);
        push(out, 1, wi, 0);
        push(out, 2, w(k - 1), 0);
        push(out, 3, w(k + 1), 0);
        push(out, 4, w(k - 2), 0);
        push(out, 5, w(k + 2), 0);
        push(out, 6, w(k - 1), wi);
        push(out, 7, wi, w(k + 1));
        push(out, 8, f.suffix[i], sh(k));
        push(out, 10, lex, 0);
        push(out, 14, inq, lex);
        push(out, 15, inq, wi);
        // a negator or auxiliary just before ("did not say", "declined to say")
        if i > s && f.negator[i - 1] {
            neg_run = true;
        } else if i > s && !f.is_word(i - 1) {
            neg_run = false;
        }
        push(out, 19, neg_run as u64, lex);
        let qpos = match (first_quote, last_quote) {
            (Some(a), Some(b)) => {
                if i < a {
                    1
                } else if i > b {
                    2
                } else {
                    3
                }
            }
            _ => 0,
        };
        push(out, 24, qpos | inq << 4, lex);
        push(out, 25, qpos | inq << 4, wi);
        push(out, 26, (en(k - 1) != 0 && en(k - 1) != 255) as u64, lex);
        if doc.tokens[i].kind == TokenKind::Word
            && doc.token_text(i).starts_with(char::is_uppercase)
            && i > s
        {
            push(out, 30, lex, 1);
        }
        // inflections share evidence, and unseen verbs borrow it from their cluster
        let stem = f.stem[i];
        let cl = f.cluster[i];
        push(out, 40, stem, 0);
        push(out, 41, stem, qpos | inq << 4);
        push(out, 42, cl, 0);
        push(out, 43, cl, sh(k + 1));
        push(out, 44, stem, w(k + 1));
        push(out, 45, (e - i).min(4) as u64, lex);

        out.end_token();
    }
}

/// Tags the cues of a document with the cue model.
pub fn tag(doc: &Document, f: &TokenFacts, model: &SeqModel) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut feats = SeqFeatures::default();
    let mut scratch = Scratch::default();
    for sentence in &doc.segments.sentences {
        let range = sentence.tokens.clone();
        if range.is_empty() {
            continue;
        }
        // a sentence without any word the lexicon or the model could start a cue with is
        // still tagged: cues are too varied to prefilter safely
        features(doc, f, range.clone(), model.bits, &mut feats);
        let tags = model.decode(&feats, &mut scratch);
        let mut spans: Vec<Range<usize>> = Vec::new();
        for (span, _) in model.bilou.decode(&tags) {
            // adjacent spans are one cue ("has" "said")
            match spans.last_mut() {
                Some(last) if last.end == span.start => last.end = span.end,
                _ => spans.push(span),
            }
        }
        let first = out.len();
        for span in spans {
            let margin = model.margin(&scratch, &tags, span.clone());
            let mut tokens = range.start + span.start..range.start + span.end;
            if let Some(verb) = verb_before_noun_cue(doc, f, tokens.clone(), range.start) {
                tokens.start = verb;
            }
            let mut cue = make_cue(doc, f, tokens);
            cue.confidence = model.confidence(margin).unwrap_or(0.7);
            out.push(cue);
        }
        // Two kinds of cue are found whatever the tagger made of them. A refusal to speak
        // ("declined to say", "refused to comment") is a negated cue: rare in training
        // text, unambiguous in news. A belief verb with an object and its complement
        // ("officials view X as Y", "the allies consider it a sponsor of …") attributes a
        // view, even inside another report, where a tagger trained on PolNeAR (which
        // never nests) stays silent.
        for k in range.clone() {
            let (reach, confidence) = if refusal_to_speak(doc, k) {
                (2, REFUSAL_CONFIDENCE)
            } else if belief_with_complement(doc, f, k, range.clone()) {
                (0, BELIEF_CONFIDENCE)
            } else {
                continue;
            };
            if !out[first..]
                .iter()
                .any(|c| c.tokens.start <= k + reach && k < c.tokens.end)
            {
                let mut cue = make_cue(doc, f, k..k + 1);
                cue.confidence = confidence;
                out.push(cue);
            }
        }
        out[first..].sort_by_key(|c| c.tokens.start);
    }
    out
}

/// Determiners between a verb of saying and the noun cue it governs ("dismissed *any*
/// suggestion that").
const NOUN_CUE_DETERMINERS: &[&str] = &["any", "the", "a", "an", "all", "such", "those", "these"];

/// Particles of phrasal verbs of saying ("waved *off*", "played *down*").
const PARTICLES: &[&str] = &["off", "down", "up", "away", "aside", "back", "out"];

/// A noun cue governed by a verb of saying ("waved off any suggestion that …", "denied
/// the reports that …"): the token where that verb starts, so the cue takes it in. The
/// verb is the report; the noun is part of what it reports on.
fn verb_before_noun_cue(
    doc: &Document,
    f: &TokenFacts,
    tokens: Range<usize>,
    sentence_start: usize,
) -> Option<usize> {
    let first = tokens.start;
    if tokens.len() != 1 || f.lex[first] >> 3 != 3 || first < sentence_start + 2 {
        return None;
    }
    if !NOUN_CUE_DETERMINERS.contains(&doc.lower(first - 1)) {
        return None;
    }
    let mut verb = first - 2;
    if PARTICLES.contains(&doc.lower(verb)) && verb > sentence_start {
        verb -= 1;
    }
    let speech = f.lex[verb] >> 3 == 1 && f.lex[verb] & 7 != 3;
    speech.then_some(verb)
}

/// Confidence of a belief cue found by [`belief_with_complement`]: on PolNeAR train, 68
/// of the 87 such verbs outside other reports are annotated cues.
const BELIEF_CONFIDENCE: f32 = 0.75;

/// Verbs that attribute a view of something as something ("consider X a threat").
const BELIEF_VERBS: &[&str] = &[
    "consider",
    "considers",
    "considered",
    "view",
    "views",
    "viewed",
    "regard",
    "regards",
    "regarded",
    "deem",
    "deems",
    "deemed",
];

/// Does a belief verb at `k` take a subject, an object and a complement: a noun group or
/// pronoun just before it, then within a few words of one clause "as …", "to be …" or
/// (for "consider" and "deem") an article opening a second noun group?
fn belief_with_complement(
    doc: &Document,
    f: &TokenFacts,
    k: usize,
    sentence: Range<usize>,
) -> bool {
    use super::features::shape;
    let word = doc.lower(k);
    if k <= sentence.start || !BELIEF_VERBS.contains(&word) {
        return false;
    }
    // the subject: the end of a name, a pronoun, or a plural noun ("officials", "allies")
    let before = k - 1;
    let prev = doc.lower(before);
    let subject = f.ent[before] != 0
        || (f.pronoun[before] && !matches!(prev, "it" | "its" | "him" | "her" | "them"))
        || (f.shape[before] == shape::LOWER
            && prev.len() > 3
            && prev.ends_with('s')
            && !prev.ends_with("ss")
            && f.lex[before] == 0);
    if !subject
        || matches!(
            prev,
            "is" | "was" | "be" | "been" | "being" | "are" | "were"
        )
    {
        return false;
    }
    let small_clause = matches!(
        word,
        "consider" | "considers" | "considered" | "deem" | "deems" | "deemed"
    );
    let end = sentence.end.min(k + 9);
    for j in k + 2..end {
        if !f.is_word(j) && f.shape[j] != shape::QUOTE_OPEN && f.shape[j] != shape::CLITIC {
            return false;
        }
        let w = doc.lower(j);
        if w == "as" || (w == "to" && j + 1 < end && doc.lower(j + 1) == "be") {
            return true;
        }
        if small_clause && matches!(w, "a" | "an") {
            return true;
        }
    }
    false
}

/// Confidence of a refusal cue found by [`REFUSALS`] rather than by the tagger.
const REFUSAL_CONFIDENCE: f32 = 0.8;

/// Refusal verbs: "declined to say" reports that something was not said.
const REFUSALS: &[&str] = &[
    "declined",
    "declines",
    "decline",
    "declining",
    "refused",
    "refuses",
    "refuse",
    "refusing",
];

/// Verbs a refusal takes into the cue ("declined to say", "refused to comment").
const REFUSED_VERBS: &[&str] = &[
    "say",
    "comment",
    "discuss",
    "disclose",
    "elaborate",
    "specify",
    "name",
    "identify",
    "answer",
    "respond",
    "reveal",
    "confirm",
    "deny",
    "speculate",
    "detail",
    "explain",
    "address",
    "provide",
    "give",
    "offer",
    "release",
    "describe",
    "tell",
    "share",
    "indicate",
];

/// Does a refusal to speak start at token `k`: a refusal verb, "to" and a verb of
/// speaking, all in one sentence ("declined to say", "refused to comment")?
fn refusal_to_speak(doc: &Document, k: usize) -> bool {
    k + 2 < doc.tokens.len()
        && REFUSALS.contains(&doc.lower(k))
        && doc.lower(k + 1) == "to"
        && REFUSED_VERBS.contains(&doc.lower(k + 2))
        && doc.token_sentence[k + 2] == doc.token_sentence[k]
}

/// A cue over `tokens`: finds its head and whether it is negated or source-after. A cue
/// ending in a refusal ("declined") takes the refused verb ("to say") along.
pub fn make_cue(doc: &Document, f: &TokenFacts, tokens: Range<usize>) -> Cue {
    let mut tokens = tokens;
    if tokens.end > tokens.start && refusal_to_speak(doc, tokens.end - 1) {
        tokens.end += 2;
    }
    let head = tokens
        .clone()
        .rev()
        .find(|&k| f.lex[k] != 0 && f.lex[k] >> 3 != 3)
        .or_else(|| tokens.clone().find(|&k| f.lex[k] != 0))
        .or_else(|| tokens.clone().find(|&k| f.is_word(k)))
        .unwrap_or(tokens.start);
    let negated = is_negated(doc, f, &tokens, head);
    let source_after = doc.lower(tokens.start) == "according";
    Cue {
        tokens,
        head,
        negated,
        source_after,
        confidence: 0.5,
    }
}

/// Auxiliaries and adverbs that may stand between a negator and its cue.
const NEG_BRIDGE: &[&str] = &[
    "to",
    "did",
    "does",
    "do",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "can",
    "should",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "also",
    "yet",
    "publicly",
    "immediately",
    "specifically",
    "notably",
    "even",
    "ever",
    "explicitly",
    "directly",
    "further",
];

/// Is the cue negated or refused: a negator inside it ("declined to say") or just before
/// it across auxiliaries ("did not announce", "notably did not announce")?
fn is_negated(doc: &Document, f: &TokenFacts, tokens: &Range<usize>, head: usize) -> bool {
    if tokens
        .clone()
        .any(|k| f.negator[k] && !matches!(doc.lower(k), "no" | "without" | "nor" | "neither"))
    {
        return true;
    }
    let _ = head;
    let sentence = doc.token_sentence.get(head).copied();
    let mut k = tokens.start;
    let mut steps = 0;
    while k > 0 && steps < 4 && doc.token_sentence.get(k - 1).copied() == sentence {
        k -= 1;
        steps += 1;
        if f.negator[k] {
            return doc.lower(k) != "no" && doc.lower(k) != "without";
        }
        if !NEG_BRIDGE.contains(&doc.lower(k)) && !doc.lower(k).ends_with("ly") {
            return false;
        }
    }
    false
}

/// Auxiliaries kept inside a rule-found cue ("has signaled").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "is", "was", "were", "are", "also", "later",
];

/// Words that negate the cue that follows (rule fallback).
const NEGATIONS: &[&[&str]] = &[
    &["declined", "to"],
    &["refused", "to"],
    &["did", "not"],
    &["does", "not"],
    &["do", "not"],
    &["did", "n't"],
    &["did", "n’t"],
    &["does", "n't"],
    &["does", "n’t"],
    &["would", "not"],
    &["would", "n't"],
    &["would", "n’t"],
    &["has", "not"],
    &["has", "n't"],
    &["has", "n’t"],
    &["have", "not"],
    &["never"],
    &["notably", "did", "not"],
];

/// Finds cues with the lexicon alone (the fallback when the cue model is unavailable).
pub fn find_by_rules(doc: &Document) -> Vec<Cue> {
    let lower: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let w = lower[i];
        if w == "according" && lower.get(i + 1).is_some_and(|n| *n == "to") {
            out.push(Cue {
                tokens: i..i + 2,
                head: i,
                negated: false,
                source_after: true,
                confidence: 0.5,
            });
            i += 2;
            continue;
        }
        let capitalised = doc.token_text(i).starts_with(|c: char| c.is_uppercase());
        let sentence_initial = i == 0 || doc.token_sentence[i - 1] != doc.token_sentence[i];
        // "to ask" is an infinitive, not a report (unless "declined to say")
        let infinitive = i > 0
            && lower[i - 1] == "to"
            && !(i > 1 && matches!(lower[i - 2], "declined" | "refused"));
        if doc.tokens[i].kind != TokenKind::Word
            || !lexicon::is_speech_verb(w)
            || (capitalised && !sentence_initial)
            || infinitive
        {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if w.starts_with("told") && lower.get(end).is_some_and(|n| *n == "reporters") {
            end += 1;
        }
        if w.starts_with("wave") && lower.get(end).is_some_and(|n| *n == "off") {
            end += 1;
        }
        let mut start = i;
        let mut negated = false;
        for neg in NEGATIONS {
            let n = neg.len();
            if start >= n && (0..n).all(|k| lower[start - n + k] == neg[k]) {
                start -= n;
                negated = true;
                break;
            }
        }
        if !negated {
            while start > 0
                && AUXILIARIES.contains(&lower[start - 1])
                && doc.token_sentence[start - 1] == doc.token_sentence[i]
            {
                start -= 1;
            }
        }
        out.push(Cue {
            tokens: start..end,
            head: i,
            negated,
            source_after: false,
            confidence: 0.5,
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(String, bool)> {
        let doc = Document::new(text);
        find_by_rules(&doc)
            .into_iter()
            .map(|c| (text[doc.token_span(c.tokens)].to_string(), c.negated))
            .collect()
    }

    #[test]
    fn rules_verbs_negations_auxiliaries() {
        assert_eq!(cues("Okoro said it."), [("said".to_string(), false)]);
        assert_eq!(
            cues("France has signaled that"),
            [("has signaled".to_string(), false)]
        );
        assert_eq!(
            cues("he declined to say which"),
            [("declined to say".to_string(), true)]
        );
        assert_eq!(
            cues("he didn’t say whether"),
            [("didn’t say".to_string(), true)]
        );
        assert_eq!(
            cues("according to officials"),
            [("according to".to_string(), false)]
        );
    }

    #[test]
    fn refusal_takes_its_verb() {
        let text = "He declined to say which countries agreed.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        let cue = make_cue(&doc, &f, 1..2);
        assert_eq!(&text[doc.token_span(cue.tokens.clone())], "declined to say");
        assert!(cue.negated);
    }

    #[test]
    fn tagged_cues_include_every_refusal_to_speak() {
        let Ok(model) = crate::claims::models::cue() else {
            panic!("the embedded cue model loads");
        };
        let text = "The mayor opened the shelter on Monday. A spokesman for the agency \
                    refused to comment on the cost, and the council declined to say when \
                    the next one would open.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        let found: Vec<(String, bool)> = tag(&doc, &f, model)
            .into_iter()
            .map(|c| (text[doc.token_span(c.tokens)].to_string(), c.negated))
            .collect();
        for refusal in ["refused to comment", "declined to say"] {
            assert!(
                found.contains(&(refusal.to_string(), true)),
                "{refusal} in {found:?}"
            );
        }
    }

    /// The cue texts the cue tagger (with its rules) finds in `text`.
    fn tagged(text: &str) -> Vec<String> {
        let Ok(model) = crate::claims::models::cue() else {
            panic!("the embedded cue model loads");
        };
        let doc = Document::new(text);
        let ents = crate::entities::extract(&doc);
        let f = TokenFacts::new(&doc, &ents);
        tag(&doc, &f, model)
            .into_iter()
            .map(|c| text[doc.token_span(c.tokens)].to_string())
            .collect()
    }

    #[test]
    fn the_recall_bias_moves_decisions_not_confidences() {
        let Ok(model) = crate::claims::models::cue() else {
            panic!("the embedded cue model loads");
        };
        assert!(
            model.outside_bias > 0.0,
            "the model file sets a recall bias"
        );
        let mut plain = model.clone();
        plain.outside_bias = 0.0;
        let text = "The mayor said on Tuesday that the bridge would reopen in May.";
        let doc = Document::new(text);
        let ents = crate::entities::extract(&doc);
        let f = TokenFacts::new(&doc, &ents);
        let (biased, unbiased) = (tag(&doc, &f, model), tag(&doc, &f, &plain));
        let said = |cues: &[Cue]| {
            cues.iter()
                .find(|c| doc.token_text(c.head) == "said")
                .map(|c| (c.tokens.clone(), c.confidence))
        };
        let (Some(a), Some(b)) = (said(&biased), said(&unbiased)) else {
            panic!("{biased:?} {unbiased:?}");
        };
        assert_eq!(a.0, b.0);
        assert!((a.1 - b.1).abs() < 1e-4, "{a:?} {b:?}");
    }

    #[test]
    fn belief_verbs_with_a_complement_are_cues() {
        let found = tagged("Aid workers view the new crossing as a lifeline for the valley.");
        assert!(found.iter().any(|c| c == "view"), "{found:?}");
        let found = tagged(
            "The mayor said the plan was sound, and that the regulators consider it a model.",
        );
        assert!(found.iter().any(|c| c == "consider"), "{found:?}");
        // no subject before it, no complement after it: not a report
        for text in [
            "It is worth a view of the harbour.",
            "The board will consider the budget on Friday.",
        ] {
            let doc = Document::new(text);
            let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
            let sentence = 0..doc.tokens.len();
            assert!(
                !(0..doc.tokens.len()).any(|k| belief_with_complement(
                    &doc,
                    &f,
                    k,
                    sentence.clone()
                )),
                "{text}"
            );
        }
    }

    #[test]
    fn a_noun_cue_takes_the_verb_that_governs_it() {
        let text = "The minister waved off any suggestion that the port would close.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        let noun = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "suggestion")
            .unwrap();
        let verb = verb_before_noun_cue(&doc, &f, noun..noun + 1, 0);
        assert_eq!(verb.map(|v| doc.token_text(v)), Some("waved"));
        // a noun cue after a verb that is no verb of saying stays as it is
        let text = "The minister carried the statement that the port would close.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        let noun = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "statement")
            .unwrap();
        assert_eq!(verb_before_noun_cue(&doc, &f, noun..noun + 1, 0), None);
    }

    #[test]
    fn negation_of_a_tagged_cue() {
        let text = "He notably did not announce any deal.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        let announce = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "announce")
            .unwrap();
        assert!(make_cue(&doc, &f, announce..announce + 1).negated);
        let text = "He said no deal was made.";
        let doc = Document::new(text);
        let f = TokenFacts::new(&doc, &crate::entities::Entities::default());
        assert!(!make_cue(&doc, &f, 1..2).negated);
    }
}
