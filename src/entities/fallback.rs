//! The fallback name finder, used only when the learned tagger's model does not load:
//! capitalised token runs, titles split off, typed by cues inside and around the run.

use std::ops::Range;

use super::NameSpan;
use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// Titles and honorifics kept outside PERSON spans (lower case).
const TITLES: &[&str] = &[
    "adm.",
    "ambassador",
    "ayatollah",
    "capt.",
    "captain",
    "chairman",
    "chancellor",
    "col.",
    "colonel",
    "commander",
    "dr.",
    "gen.",
    "general",
    "gov.",
    "governor",
    "judge",
    "justice",
    "king",
    "lt.",
    "maj.",
    "mayor",
    "minister",
    "mr.",
    "mrs.",
    "ms.",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof.",
    "queen",
    "rep.",
    "rev.",
    "secretary",
    "sen.",
    "senator",
    "sgt.",
    "sheikh",
    "sir",
    "spokesman",
    "spokeswoman",
    "vice",
];

/// Words inside a capitalised run that make it an organisation.
const ORG_WORDS: &[&str] = &[
    "agency",
    "airlines",
    "army",
    "assembly",
    "association",
    "bank",
    "brigade",
    "brigades",
    "bureau",
    "co.",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp.",
    "corporation",
    "council",
    "court",
    "department",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "group",
    "guard",
    "guards",
    "house",
    "inc.",
    "institute",
    "league",
    "ltd",
    "ministry",
    "movement",
    "nations",
    "navy",
    "news",
    "office",
    "organization",
    "organisation",
    "parliament",
    "party",
    "police",
    "senate",
    "state",
    "times",
    "union",
    "university",
];

/// Calendar words: values, found by the number and date rules.
const CALENDAR: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "under",
    "unlike",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yet",
    "you",
    "your",
    "acknowledging",
    "asked",
    "said",
    "over",
];

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn lower_in(list: &[&str], s: &str) -> bool {
    let lower = s.to_lowercase();
    list.binary_search(&lower.as_str()).is_ok()
}

/// Finds capitalised name runs and types them.
pub fn find(doc: &Document) -> Vec<NameSpan> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        let s = t.text(doc.text);
        let sentence_start = i == 0
            || doc.token_sentence[i] != doc.token_sentence[i - 1]
            || prev_is_open_quote(doc, i);
        let gerund = sentence_start && s.ends_with("ing");
        if t.kind != TokenKind::Word
            || !is_capitalised(s)
            || (lower_in(NOT_NAMES, s) && (sentence_start || s.len() < 4))
            || lower_in(CALENDAR, s)
            || gerund
        {
            i += 1;
            continue;
        }
        // run of capitalised words joined by "of", "and" (only before a capital) or hyphens
        let start = i;
        let mut end = i + 1;
        while end < n && doc.token_sentence[end] == doc.token_sentence[start] {
            let w = doc.token_text(end);
            let tk = doc.tokens[end].kind;
            let has_of = (start..end).any(|k| doc.token_text(k) == "of");
            if tk == TokenKind::Word
                && is_capitalised(w)
                && !lower_in(NOT_NAMES, w)
                && !lower_in(CALENDAR, w)
            {
                end += 1;
            } else if (matches!(w, "of" | "al" | "bin" | "de") || (w == "and" && has_of))
                && end + 1 < n
                && is_capitalised(doc.token_text(end + 1))
                && !lower_in(NOT_NAMES, doc.token_text(end + 1))
            {
                end += 2;
            } else {
                break;
            }
        }
        // titles before a person's name stay outside it
        let mut name_start = start;
        let mut titled = false;
        while name_start + 1 < end && lower_in(TITLES, doc.token_text(name_start)) {
            name_start += 1;
            titled = true;
            // "Secretary of State Jane Okoro": the "of State" belongs to the title
            if doc.token_text(name_start) == "of" && name_start + 2 < end {
                name_start += 2;
            }
        }
        if titled && name_start >= end {
            i = end;
            continue;
        }
        let run: Range<usize> = name_start..end;
        let entity_type = type_of(doc, &run, titled);
        let title = (titled).then(|| doc.token_span(start..name_start));
        out.push(NameSpan {
            tokens: run,
            entity_type,
            title: title.map(|r| r.start..doc.tokens[name_start - 1].end),
            confidence: 0.5,
        });
        i = end;
    }
    out
}

fn prev_is_open_quote(doc: &Document, i: usize) -> bool {
    i > 0 && doc.tokens[i - 1].kind == TokenKind::Quote
}

fn type_of(doc: &Document, run: &Range<usize>, titled: bool) -> EntityType {
    if titled {
        return EntityType::PERSON;
    }
    let words: Vec<&str> = run.clone().map(|k| doc.token_text(k)).collect();
    if words.iter().any(|w| lower_in(ORG_WORDS, w)) {
        return EntityType::ORG;
    }
    if words.len() == 1 {
        let w = words[0];
        let lower = w.to_lowercase();
        if w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.') && !w.contains('.') {
            return EntityType::ORG;
        }
        if ["ish", "ese", "ian", "can", "ni", "ch", "qi"]
            .iter()
            .any(|suf| lower.ends_with(suf))
        {
            return EntityType::NORP;
        }
        return EntityType::GPE;
    }
    if words.iter().all(|w| w.ends_with('.')) {
        return EntityType::GPE;
    }
    if words.len() <= 3 {
        return EntityType::PERSON;
    }
    EntityType::ORG
}
