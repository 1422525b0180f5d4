//! Reporting expressions: verbs of saying and thinking in every inflection, multi-word
//! cues ("according to", "told reporters"), noun cues ("reports") and negated cues
//! ("declined to say", "did not announce").

use std::ops::Range;

use crate::text::{Document, TokenKind};

/// A cue: its tokens (auxiliaries and negation included) and whether it is negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Token indices of the cue.
    pub tokens: Range<usize>,
    /// Token index of the reporting word itself.
    pub head: usize,
    /// "declined to say", "didn't say".
    pub negated: bool,
    /// A verb cue takes its source before it; "according to" takes it after.
    pub source_after: bool,
}

/// Reporting verbs, each with its inflections (base, 3sg, past, participle, gerund).
const VERBS: &[&str] = &[
    "acknowledge acknowledges acknowledged acknowledging",
    "add adds added adding",
    "admit admits admitted admitting",
    "allege alleges alleged alleging",
    "announce announces announced announcing",
    "argue argues argued arguing",
    "assert asserts asserted asserting",
    "believe believes believed believing",
    "claim claims claimed claiming",
    "comment comments commented commenting",
    "concede concedes conceded conceding",
    "confirm confirms confirmed confirming",
    "contend contends contended contending",
    "declare declares declared declaring",
    "deny denies denied denying",
    "disclose discloses disclosed disclosing",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "estimate estimates estimated estimating",
    "explain explains explained explaining",
    "indicate indicates indicated indicating",
    "insist insists insisted insisting",
    "maintain maintains maintained maintaining",
    "note notes noted noting",
    "predict predicts predicted predicting",
    "promise promises promised promising",
    "reply replies replied replying",
    "report reports reported reporting",
    "respond responds responded responding",
    "reveal reveals revealed revealing",
    "say says said saying",
    "signal signals signaled signalled signaling signalling",
    "state states stated stating",
    "stress stresses stressed stressing",
    "suggest suggests suggested suggesting",
    "tell tells told telling",
    "think thinks thought thinking",
    "tweet tweets tweeted tweeting",
    "urge urges urged urging",
    "view views viewed viewing",
    "vow vows vowed vowing",
    "warn warns warned warning",
    "write writes wrote written writing",
    "consider considers considered",
    "ask asks asked asking",
];

/// Auxiliaries kept inside a cue ("has signaled").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "is", "was", "were", "are", "also", "later",
];

/// Words that negate the cue that follows.
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

/// Is `word` (lower case) an inflection of a reporting verb?
pub fn is_reporting_verb(word: &str) -> bool {
    static FORMS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut v: Vec<&'static str> = VERBS.iter().flat_map(|line| line.split(' ')).collect();
        v.sort_unstable();
        v
    });
    forms.binary_search(&word).is_ok()
}

/// Finds every cue in the document.
pub fn find(doc: &Document) -> Vec<Cue> {
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
            || !is_reporting_verb(w)
            || (capitalised && !sentence_initial)
            || infinitive
        {
            i += 1;
            continue;
        }
        // "told reporters", "waved off" style particles
        let mut end = i + 1;
        if w.starts_with("told") && lower.get(end).is_some_and(|n| *n == "reporters") {
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
        find(&doc)
            .into_iter()
            .map(|c| (text[doc.token_span(c.tokens)].to_string(), c.negated))
            .collect()
    }

    #[test]
    fn verbs_negations_auxiliaries() {
        assert_eq!(cues("Kerry said it."), [("said".to_string(), false)]);
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
}
