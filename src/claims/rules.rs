//! Rule-based source and content finding: the fallback when the role model cannot be
//! loaded (and the first extractor's logic). Quotations take the cue right after or before
//! them; other cues take their subject as source and the clause after them (or, with a
//! trailing cue, the clause before) as content.

use std::ops::Range;

use super::attribution::{build, Draft};
use super::cues::Cue;
use crate::entities::Entities;
use crate::text::{Document, Quotation, TokenKind};

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "some", "many", "other", "several", "two", "three",
];
/// Conjunctions that start a new clause after a comma ("…, although he declined …").
const CLAUSE_BREAKS: &[&str] = &["although", "but", "while", "whereas", "though", "and"];

fn lower<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.lower(i)
}

/// The end of the clause that starts at `start`: the sentence end `s_end`, or the comma
/// before a clause break ("…, although he declined …").
pub(crate) fn clause_end(doc: &Document, start: usize, s_end: usize) -> usize {
    let mut end = start;
    while end < s_end {
        if is_punct(doc, end, ",")
            && end + 1 < s_end
            && CLAUSE_BREAKS.contains(&lower(doc, end + 1))
        {
            break;
        }
        end += 1;
    }
    end
}

pub(crate) fn is_punct(doc: &Document, i: usize, p: &str) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind != TokenKind::Word && t.text(doc.text) == p)
}

/// Finds source and content for `cues` by rules.
pub fn find(doc: &Document, entities: &Entities, cues: &[Cue]) -> Vec<Draft> {
    let mut used = vec![false; cues.len()];
    let mut out = Vec::new();
    let in_quote = quote_membership(doc);
    for q in doc.segments.quotations.iter().filter(|q| !q.single) {
        let words = q
            .inner_tokens
            .clone()
            .filter(|&k| doc.tokens[k].is_wordlike())
            .count();
        if words < 3 {
            continue; // scare quotes and titles
        }
        if let Some(c) = cue_for_quotation(doc, cues, &used, q) {
            used[c] = true;
            let cue = &cues[c];
            let source = source_for(doc, entities, cue, q.inner_tokens.clone());
            out.push(build(cue, source, vec![q.inner_tokens.clone()]));
        }
    }
    for (c, cue) in cues.iter().enumerate() {
        if used[c] || in_quote[cue.head] {
            continue;
        }
        if let Some(claim) = attribute(doc, entities, cue) {
            out.push(claim);
        }
    }
    out
}

/// Whether each token lies inside a double quotation.
fn quote_membership(doc: &Document) -> Vec<bool> {
    let mut inside = vec![false; doc.tokens.len()];
    for q in doc.segments.quotations.iter().filter(|q| !q.single) {
        for slot in &mut inside[q.inner_tokens.clone()] {
            *slot = true;
        }
    }
    inside
}

/// A cue just after the closing mark (`,” Okoro said`) or just before the opening one
/// (`Okoro said: “…”`).
fn cue_for_quotation(doc: &Document, cues: &[Cue], used: &[bool], q: &Quotation) -> Option<usize> {
    let after = q.close.map_or(q.inner_tokens.end, |c| c + 1);
    cues.iter().enumerate().find_map(|(k, c)| {
        if used[k] || c.source_after {
            return None;
        }
        let close_enough_after = c.tokens.start >= after
            && c.tokens.start <= after + 4
            && (after..c.tokens.start)
                .all(|t| !matches!(doc.tokens[t].kind, TokenKind::Terminal | TokenKind::Quote));
        let close_enough_before = c.tokens.end <= q.open
            && c.tokens.end + 2 >= q.open
            && (c.tokens.end..q.open).all(|t| matches!(doc.token_text(t), "," | ":"))
            && doc.token_sentence[c.head] == doc.token_sentence[q.open];
        (close_enough_after || close_enough_before).then_some(k)
    })
}

/// The source of a cue whose content is `content`: its subject before it, or after it
/// when inverted ("said Okoro").
fn source_for(
    doc: &Document,
    entities: &Entities,
    cue: &Cue,
    content: Range<usize>,
) -> Option<Range<usize>> {
    if let Some(s) = subject_before(doc, entities, cue.tokens.start) {
        if s.end <= content.start || s.start >= content.end {
            return Some(s);
        }
    }
    subject_after(doc, entities, cue.tokens.end)
}

/// A noun phrase ending just before token `end`: a mention, a pronoun or a short
/// determiner-led phrase ("U.S. officials", "a spokesman", "The White House").
fn subject_before(doc: &Document, entities: &Entities, end: usize) -> Option<Range<usize>> {
    let mut j = end.checked_sub(1)?;
    // adverbs between subject and verb: "he notably did not", "Okoro also said"
    while j > 0
        && (lower(doc, j).ends_with("ly") || matches!(lower(doc, j), "also" | "then" | "later"))
    {
        j -= 1;
    }
    // a time phrase between subject and verb: "The White House on Thursday said"
    if let Some(m) = entities
        .mentions
        .iter()
        .find(|m| m.tokens.end == j + 1 && !m.entity_type.is_name())
    {
        if m.tokens.start >= 2
            && matches!(
                lower(doc, m.tokens.start - 1),
                "on" | "in" | "last" | "this" | "late" | "early"
            )
        {
            j = m.tokens.start - 2;
        }
    }
    // appositive or relative clause: "Okoro, who visited Turkey on Friday, said"
    if is_punct(doc, j, ",") {
        let sentence = doc.token_sentence[j];
        let mut k = j;
        while k > 0 && doc.token_sentence[k - 1] == sentence && !is_punct(doc, k - 1, ",") {
            k -= 1;
        }
        if k > 1 && is_punct(doc, k - 1, ",") {
            return phrase_ending_at(doc, entities, k - 2);
        }
        return None;
    }
    phrase_ending_at(doc, entities, j)
}

fn phrase_ending_at(doc: &Document, entities: &Entities, j: usize) -> Option<Range<usize>> {
    let t = doc.tokens.get(j)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = lower(doc, j);
    if PRONOUNS.contains(&w) {
        return Some(j..j + 1);
    }
    let sentence = doc.token_sentence[j];
    let mut start = j;
    if let Some(m) = entities.mentions.iter().find(|m| m.tokens.contains(&j)) {
        start = m.tokens.start;
    } else if w.chars().all(|c| c.is_lowercase()) && !DETERMINERS.contains(&w) {
        // a common-noun head: "officials", "spokesman"; take its modifiers
        while start > 0
            && doc.token_sentence[start - 1] == sentence
            && doc.tokens[start - 1].kind == TokenKind::Word
            && j + 1 - start < 5
        {
            let prev = lower(doc, start - 1);
            if DETERMINERS.contains(&prev) {
                start -= 1;
                break;
            }
            if entities
                .mentions
                .iter()
                .any(|m| m.tokens.contains(&(start - 1)))
            {
                let m = entities
                    .mentions
                    .iter()
                    .find(|m| m.tokens.contains(&(start - 1)))?;
                start = m.tokens.start;
                break;
            }
            if prev.chars().all(|c| c.is_lowercase()) && !is_verbish(prev) {
                start -= 1;
            } else {
                break;
            }
        }
        if start == j && !doc.token_text(j).ends_with('s') && !is_person_noun(w) {
            return None;
        }
    } else if !doc.token_text(j).starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // a determiner before a name: "The White House"
    if start > 0 && doc.token_sentence[start - 1] == sentence && lower(doc, start - 1) == "the" {
        start -= 1;
    }
    Some(start..j + 1)
}

fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "president"
            | "secretary"
            | "statement"
            | "report"
    )
}

fn is_verbish(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "be"
                | "to"
                | "that"
                | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "by"
        )
}

fn subject_after(doc: &Document, entities: &Entities, start: usize) -> Option<Range<usize>> {
    let t = doc.tokens.get(start)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = lower(doc, start);
    if PRONOUNS.contains(&w) {
        return Some(start..start + 1);
    }
    let first = if w == "the" { start + 1 } else { start };
    if let Some(m) = entities
        .mentions
        .iter()
        .find(|m| m.tokens.start == first && m.entity_type.is_name())
    {
        return Some(start..m.tokens.end);
    }
    if w == "the" || w == "a" {
        let sentence = doc.token_sentence[start];
        let mut end = start + 1;
        while end < doc.tokens.len()
            && doc.token_sentence[end] == sentence
            && doc.tokens[end].kind == TokenKind::Word
            && end - start < 4
        {
            end += 1;
        }
        return (end > start + 1).then_some(start..end);
    }
    None
}

/// An attribution for a cue outside quotations, by its sentence.
fn attribute(doc: &Document, entities: &Entities, cue: &Cue) -> Option<Draft> {
    let sentence = &doc.segments.sentences[doc.token_sentence[cue.head] as usize];
    let (s_start, mut s_end) = (sentence.tokens.start, sentence.tokens.end);
    while s_end > s_start
        && matches!(
            doc.tokens[s_end - 1].kind,
            TokenKind::Terminal | TokenKind::Quote
        )
    {
        s_end -= 1;
    }
    if cue.source_after {
        // "according to X, …" or "…, according to X"
        let mut end = cue.tokens.end;
        while end < s_end && !is_punct(doc, end, ",") {
            end += 1;
        }
        let source = (end > cue.tokens.end).then_some(cue.tokens.end..end);
        let content = if cue.tokens.start <= s_start + 1 {
            (end + 1).min(s_end)..s_end
        } else {
            let mut e = cue.tokens.start;
            if e > s_start && is_punct(doc, e - 1, ",") {
                e -= 1;
            }
            s_start..e
        };
        if content.is_empty() {
            return None;
        }
        return Some(build(cue, source, vec![content]));
    }
    // a sentence-initial participle: "Acknowledging that X, Okoro said …"
    if cue.tokens.start == s_start && lower(doc, cue.head).ends_with("ing") {
        let mut c_start = cue.tokens.end;
        if lower(doc, c_start) == "that" {
            c_start += 1;
        }
        let mut c_end = c_start;
        while c_end < s_end && !is_punct(doc, c_end, ",") {
            c_end += 1;
        }
        let source = subject_after(doc, entities, (c_end + 1).min(s_end));
        let content: Vec<Range<usize>> = std::iter::once(c_start..c_end).collect();
        return (c_end > c_start).then(|| build(cue, source, content));
    }
    let source = subject_before(doc, entities, cue.tokens.start);
    let mut c_start = cue.tokens.end;
    while c_start < s_end
        && (lower(doc, c_start) == "that"
            || is_punct(doc, c_start, ",")
            || is_punct(doc, c_start, ":"))
    {
        c_start += 1;
    }
    let parenthetical = source.as_ref().is_some_and(|src| {
        src.start > s_start + 1
            && is_punct(doc, src.start - 1, ",")
            && is_punct(doc, cue.tokens.end, ",")
    });
    let trailing = c_start >= s_end
        || (is_punct(doc, cue.tokens.end, ",") && source.is_some() && !parenthetical);
    let content = if !trailing {
        // up to the next clause break: "…, although he declined …"
        let c_end = clause_end(doc, c_start, s_end);
        let mut parts: Vec<Range<usize>> = std::iter::once(c_start..c_end).collect();
        // parenthetical cue: "The French, Okoro said, have agreed …"
        if let (true, Some(src)) = (parenthetical, &source) {
            parts.insert(0, s_start..src.start - 1);
        }
        parts
    } else {
        // "…, he said." — the content comes before the source
        let src_start = source.as_ref().map_or(cue.tokens.start, |s| s.start);
        let mut e = src_start;
        while e > s_start
            && (is_punct(doc, e - 1, ",") || doc.tokens[e - 1].kind == TokenKind::Quote)
        {
            e -= 1;
        }
        let mut b = s_start;
        while b < e && doc.tokens[b].kind == TokenKind::Quote {
            b += 1;
        }
        std::iter::once(b..e).collect()
    };
    if content.iter().all(|c| c.is_empty()) || source.is_none() {
        return None;
    }
    Some(build(cue, source, content))
}
