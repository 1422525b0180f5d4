//! Attribution (spec §4.1): for every cue, its source and content, then assembly.
//!
//! The cue tagger ([`super::cues`]) finds the cues; the role tagger ([`super::roles`])
//! labels, in a window around each cue, the tokens of its source and of its content
//! (possibly several spans: "The French, Okoro said, have agreed …"). Assembly rules then
//! make it a claim: a content part that reaches into a quotation takes the whole quotation
//! (one content even across paragraphs), the kind follows the quotation marks, the polarity
//! the cue's negation, and the source resolves to a speaker ([`super::speaker`]).

use std::ops::Range;

use super::cues::{self, Cue};
use super::features::TokenFacts;
use super::sequence::{Scratch, SeqFeatures, SeqModel};
use super::speaker::Speakers;
use super::{models, roles, rules, ClaimSpans};
use crate::entities::Entities;
use crate::schema::{ClaimKind, Polarity};
use crate::text::{Document, Sentence, TokenKind};

/// An attribution in token ranges, before assembly.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The cue.
    pub cue: Cue,
    /// Source tokens, if any.
    pub source: Option<Range<usize>>,
    /// Content token ranges, in text order.
    pub content: Vec<Range<usize>>,
}

/// A draft from its parts (empty content parts dropped).
pub fn build(cue: &Cue, source: Option<Range<usize>>, content: Vec<Range<usize>>) -> Draft {
    Draft {
        cue: cue.clone(),
        source,
        content: content.into_iter().filter(|c| !c.is_empty()).collect(),
    }
}

/// Finds the cues of a document: with the cue model, or by the lexicon when it is missing.
pub fn find_cues(doc: &Document, facts: &TokenFacts) -> Vec<Cue> {
    match models::cue() {
        Ok(model) => cues::tag(doc, facts, model),
        Err(_) => cues::find_by_rules(doc),
    }
}

/// Finds the attributions of a document as drafts (token ranges).
pub fn find_drafts(doc: &Document, entities: &Entities, facts: &TokenFacts) -> Vec<Draft> {
    let cues = find_cues(doc, facts);
    match models::attr() {
        Ok(model) => {
            let mut in_cue = vec![u32::MAX; doc.tokens.len()];
            for (k, c) in cues.iter().enumerate() {
                for slot in &mut in_cue[c.tokens.clone()] {
                    *slot = k as u32;
                }
            }
            let mut feats = SeqFeatures::default();
            let mut scratch = Scratch::default();
            let mut found: Vec<Option<Draft>> = Vec::with_capacity(cues.len());
            for (k, cue) in cues.iter().enumerate() {
                let other = |t: usize| in_cue[t] != u32::MAX && in_cue[t] != k as u32;
                let spans = roles::tag(doc, facts, cue, &other, model, &mut feats, &mut scratch);
                found.push(
                    draft_from_spans(cue, &spans)
                        .or_else(|| announced_paragraph(doc, facts, cue, &spans)),
                );
            }
            // A cue whose content a later cue of its sentence cuts short or leaves empty
            // ("She said she recalls …", "says Clinton is lying about …") is tagged again as
            // if that cue were none; if its content then holds the later cue, the outer
            // report wins.
            let mut dropped = vec![false; cues.len()];
            for (k, cue) in cues.iter().enumerate() {
                if dropped[k] {
                    continue;
                }
                let sentence = doc.token_sentence[cue.head];
                // a later cue after a clause break ("…, although he declined to say …")
                // starts a report of its own, never one inside this cue's content
                let later: Vec<usize> = (k + 1..cues.len())
                    .take_while(|&j| doc.token_sentence[cues[j].head] == sentence)
                    .filter(|&j| {
                        let start = cues[j].tokens.start;
                        start < cue.tokens.end
                            || rules::clause_end(doc, cue.tokens.end, start) == start
                    })
                    .collect();
                let cut_short = match &found[k] {
                    None => true,
                    Some(d) => d.content.last().is_some_and(|c| {
                        c.end > cue.tokens.end
                            && later.iter().any(|&j| {
                                let s = cues[j].tokens.start;
                                s >= c.end && s <= c.end + 1
                            })
                    }),
                };
                if later.is_empty() || !cut_short {
                    continue;
                }
                let mut retag = Retag {
                    model,
                    feats: &mut feats,
                    scratch: &mut scratch,
                };
                if let Some((d, held)) = retag.without(doc, facts, &cues, &in_cue, k, &later) {
                    if found[k].is_some() && held.is_empty() {
                        continue; // no better: keep the first reading
                    }
                    // a cut-short reading keeps the later cue: "said A and warned B" are two
                    if found[k].is_none() {
                        for j in held {
                            dropped[j] = true;
                        }
                    }
                    found[k] = Some(d);
                }
            }
            // The mirror case: a content before its cue ("…, Okoro said.") that an earlier
            // cue of the sentence cuts short ("… if court orders to allow access were
            // defied, Okoro said") is tagged again as if that cue were none; when the
            // content then holds it, the outer report wins.
            for (k, cue) in cues.iter().enumerate() {
                let Some(d) = found[k].as_ref().filter(|_| !dropped[k]) else {
                    continue;
                };
                let Some(first) = d.content.first() else {
                    continue;
                };
                if d.content.iter().any(|c| c.end > cue.tokens.start) {
                    continue;
                }
                let sentence = doc.token_sentence[cue.head];
                let earlier: Vec<usize> = (0..k)
                    .rev()
                    .take_while(|&j| doc.token_sentence[cues[j].head] == sentence)
                    .filter(|&j| {
                        let end = cues[j].tokens.end;
                        end <= first.start && first.start <= end + 1
                    })
                    // a parenthetical report ("Acts of protest, Okoro said, are …") is a
                    // report in its own right, not a false cue
                    .filter(|&j| !found[j].as_ref().is_some_and(|d| parenthetical(doc, d)))
                    .collect();
                if earlier.is_empty() {
                    continue;
                }
                let mut retag = Retag {
                    model,
                    feats: &mut feats,
                    scratch: &mut scratch,
                };
                let Some((d, held)) = retag.without(doc, facts, &cues, &in_cue, k, &earlier) else {
                    continue;
                };
                if !held.is_empty() {
                    for j in held {
                        dropped[j] = true;
                    }
                    found[k] = Some(d);
                }
            }
            let mut starts: Vec<usize> = cues.iter().map(|c| c.tokens.start).collect();
            starts.sort_unstable();
            let mut drafts: Vec<Draft> = found
                .into_iter()
                .zip(dropped)
                .filter_map(|(d, gone)| if gone { None } else { d })
                .map(|mut d| {
                    complete_parenthetical(doc, &mut d);
                    stop_before_next_report(doc, &starts, &mut d);
                    leave_quotations_to_their_cues(doc, facts, &cues, &mut d);
                    stop_at_participial_report(doc, facts, &mut d);
                    leave_circumstances_to_the_narrator(doc, facts, &mut d);
                    stop_at_coordinated_predicate(doc, facts, &mut d);
                    d
                })
                .collect();
            absorb_nested_reports(doc, facts, &mut drafts);
            leave_earlier_quotations_to_their_cues(doc, facts, &mut drafts);
            // claims with no verb of saying: added after the tagged ones, then in text order
            let tagged = drafts.len();
            let bylines = dash_bylines(doc, facts, &drafts);
            drafts.extend(bylines);
            let labels = speaker_labels(doc, entities, facts, &drafts);
            drafts.extend(labels);
            if drafts.len() > tagged {
                drafts.sort_by_key(|d| d.cue.tokens.start);
            }
            end_relative_clause_reports(doc, &mut drafts);
            drop_reports_inside_others(doc, &mut drafts);
            drafts
        }
        Err(_) => rules::find(doc, entities, &cues),
    }
}

/// The role tagger and its buffers, for tagging a cue again as if some other cues were
/// none.
struct Retag<'m, 'b> {
    model: &'m SeqModel,
    feats: &'b mut SeqFeatures,
    scratch: &'b mut Scratch,
}

impl Retag<'_, '_> {
    /// Cue `k`'s draft with the cues `ignored` not treated as cues (`in_cue`: each
    /// token's cue index or `u32::MAX`), and which of them its content holds.
    fn without(
        &mut self,
        doc: &Document,
        facts: &TokenFacts,
        cues: &[Cue],
        in_cue: &[u32],
        k: usize,
        ignored: &[usize],
    ) -> Option<(Draft, Vec<usize>)> {
        let other = |t: usize| {
            in_cue[t] != u32::MAX
                && in_cue[t] != k as u32
                && !ignored.contains(&(in_cue[t] as usize))
        };
        let cue = &cues[k];
        let spans = roles::tag(
            doc,
            facts,
            cue,
            &other,
            self.model,
            self.feats,
            self.scratch,
        );
        let d = draft_from_spans(cue, &spans)?;
        let held = ignored
            .iter()
            .copied()
            .filter(|&j| {
                let inner = &cues[j].tokens;
                d.content
                    .iter()
                    .any(|c| c.start <= inner.start && inner.end <= c.end)
            })
            .collect();
        Some((d, held))
    }
}

/// The sentence token `k` lies in.
fn sentence_of<'d>(doc: &'d Document, k: usize) -> Option<&'d Sentence> {
    doc.token_sentence
        .get(k)
        .and_then(|&s| doc.segments.sentences.get(s as usize))
}

/// A parenthetical report ("The French, Okoro said, have agreed …") whose content the
/// tagger ended before the source: the clause after the cue's comma is its second part
/// (spec §4.1: discontinuous content). The tagger drops that part when another report
/// follows in the sentence ("…, but he didn't say whether …").
fn complete_parenthetical(doc: &Document, d: &mut Draft) {
    let Some(src) = d.source.clone() else {
        return;
    };
    let Some(sentence) = sentence_of(doc, d.cue.head) else {
        return;
    };
    let after = d.cue.tokens.end;
    let parenthetical = src.start > sentence.tokens.start + 1
        && src.end <= d.cue.tokens.start
        && rules::is_punct(doc, src.start - 1, ",")
        && rules::is_punct(doc, after, ",")
        && d.content.iter().any(|c| c.end < src.start)
        && !d.content.iter().any(|c| c.start > after);
    if !parenthetical {
        return;
    }
    let end = rules::clause_end(doc, after + 1, sentence.tokens.end);
    if end > after + 1 {
        d.content.push(after + 1..end);
    }
}

/// Ends a content part at a clause break ("…, although …", "…, but …") that comes before
/// another report inside it: "Okoro said X, although he declined to say Y" reports X, and
/// Y belongs to the second cue alone (spec §5). A report with no break before the inner
/// cue keeps it ("He said she claimed X": the inner report is part of what he said).
/// `starts`: the first token of every cue, sorted.
fn stop_before_next_report(doc: &Document, starts: &[usize], d: &mut Draft) {
    let own = d.cue.tokens.clone();
    for part in &mut d.content {
        if part.start < own.end {
            continue;
        }
        let after = starts.partition_point(|&s| s <= part.start);
        let inner = starts[after..]
            .iter()
            .copied()
            .take_while(|&s| s < part.end)
            .find(|s| !own.contains(s));
        if let Some(inner) = inner {
            let end = rules::clause_end(doc, part.start, inner);
            if end < inner {
                part.end = end;
            }
        }
    }
}

/// Ends a content after its cue at a participle of saying that opens a clause of its own
/// ("Okoro attacked the plan, saying it …", "…, arguing the move was needed"): what
/// follows is the participle's report, not more of this one. A participle inside a
/// quotation is quoted speech and stays.
fn stop_at_participial_report(doc: &Document, facts: &TokenFacts, d: &mut Draft) {
    use super::lexicon::{self, Form};
    let own = d.cue.tokens.clone();
    let participle = |k: usize| {
        k > 0
            && rules::is_punct(doc, k - 1, ",")
            && facts.quote[k] == 0
            && (matches!(lexicon::lookup(doc.lower(k)), Some((_, Form::Gerund)))
                || opens_participle_clause(doc, k))
    };
    let mut after_cue = 0;
    for i in 0..d.content.len() {
        let part = d.content[i].clone();
        if part.start < own.end {
            continue;
        }
        // a later part that opens on the participle (or just after it) is its report
        if after_cue > 0 && (participle(part.start) || participle(part.start.saturating_sub(1))) {
            d.content.truncate(i);
            return;
        }
        after_cue += 1;
        if let Some(k) = (part.start + 2..part.end).find(|&k| participle(k)) {
            d.content[i].end = k - 1;
            d.content.truncate(i + 1);
            return;
        }
    }
}

/// Whether token `k` is a participle of any verb opening a clause with its object
/// ("…, dealing a blow to …", "…, sending him to …"): the source's next act or the
/// narrator's comment, not more of the report. Words in "-ing" that work as prepositions
/// ("including", "according to") or nouns ("…, morning and evening") do not count.
fn opens_participle_clause(doc: &Document, k: usize) -> bool {
    let w = doc.lower(k);
    let Some(stem) = w.strip_suffix("ing") else {
        return false;
    };
    if stem.len() < 3
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || matches!(
            w,
            "including"
                | "excluding"
                | "according"
                | "regarding"
                | "concerning"
                | "following"
                | "depending"
                | "notwithstanding"
                | "being"
                | "having"
                | "during"
                | "something"
                | "nothing"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
                | "spring"
                | "string"
                | "thing"
        )
    {
        return false;
    }
    // the object: a determiner, a pronoun, "to" or a name
    doc.tokens.get(k + 1).is_some_and(|t| {
        matches!(
            doc.lower(k + 1),
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "him" | "them" | "it" | "to"
        ) || t
            .text(doc.text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// A report told before its cue ("“…,” Okoro said …") does not run on into where, when
/// or to whom it was said ("… said on Friday", "… said to reporters", "… said as she
/// left"): a part after a verb of saying that opens outside quotations on a preposition,
/// a conjunction of time or a time word is the narrator's and leaves the claim (a
/// quotation after it stays). After a comma, "since …" or "for …" can still be the
/// speaker's.
fn leave_circumstances_to_the_narrator(doc: &Document, facts: &TokenFacts, d: &mut Draft) {
    let own = d.cue.tokens.clone();
    if !d.content.iter().any(|c| c.end <= own.start)
        || !super::lexicon::is_speech_verb(doc.lower(d.cue.head))
    {
        return;
    }
    let circumstance = |k: usize| match doc.lower(k) {
        "of" | "on" | "at" | "in" | "under" | "during" | "when" | "while" | "as" | "after"
        | "before" => true,
        "to" => doc.tokens.get(k + 1).is_some_and(|_| {
            matches!(
                doc.lower(k + 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "reporters"
            )
        }),
        w => matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "today"
                | "yesterday"
                | "tonight"
                | "last"
                | "earlier"
                | "later"
        ),
    };
    let Some(i) = d.content.iter().position(|c| c.start >= own.end) else {
        return;
    };
    let part = d.content[i].clone();
    let opens_quoted = facts.quote.get(part.start).is_some_and(|&q| q != 0)
        || (own.end..part.start).any(|k| doc.tokens[k].kind == TokenKind::Quote);
    let before = part.start.checked_sub(1).filter(|&k| k >= own.end);
    if opens_quoted || before.is_some_and(|k| rules::is_punct(doc, k, ",")) {
        return;
    }
    if circumstance(part.start) || before.is_some_and(circumstance) {
        d.content.remove(i);
    }
}

/// Ends a content after its cue where the cue's subject goes on to do something else
/// ("Okoro called the deal \u{201c}a con\u{201d} and urged voters to …", "… and has since
/// left the network"): "and" outside quotations before a finite verb that takes an
/// object or a clause starts a second predicate of the source, not more of the report.
/// Only after a content with no verb of its own (an object: "the plan", "a veto"): in a
/// clause ("… said prices rose and fell") the "and" may continue the reported clause.
fn stop_at_coordinated_predicate(doc: &Document, facts: &TokenFacts, d: &mut Draft) {
    use super::lexicon::{self, Form, LexClass};
    let own = d.cue.tokens.clone();
    let n = doc.tokens.len();
    let finite = |k: usize| -> bool {
        let w = doc.lower(k);
        if let Some((class, form)) = lexicon::lookup(w) {
            return class != LexClass::None
                && class != LexClass::Noun
                && matches!(form, Form::Past | Form::Third);
        }
        let object = k + 1 < n && {
            let next = doc.token_text(k + 1);
            next.starts_with(char::is_uppercase)
                || matches!(
                    doc.lower(k + 1),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "them"
                        | "him"
                        | "it"
                        | "to"
                        | "that"
                        | "against"
                        | "for"
                        | "on"
                        | "off"
                        | "out"
                        | "up"
                )
        };
        w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) && object
    };
    for i in 0..d.content.len() {
        let part = d.content[i].clone();
        if part.start < own.end {
            continue;
        }
        let cut = (part.start + 2..part.end).find(|&k| {
            if facts.quote[k] != 0 || doc.lower(k) != "and" {
                return false;
            }
            let mut v = k + 1;
            while v < part.end
                && matches!(
                    doc.lower(v),
                    "then" | "also" | "later" | "since" | "has" | "have" | "had" | "repeatedly"
                )
            {
                v += 1;
            }
            if !(v < part.end && finite(v)) {
                return false;
            }
            // a content with a verb of its own is a clause, which the "and" may continue
            !(part.start..k).any(|j| {
                let w = doc.lower(j);
                matches!(
                    w,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "do"
                        | "does"
                        | "did"
                        | "who"
                        | "which"
                        | "that"
                        | "’d"
                        | "'d"
                ) || (w.len() >= 4 && w.ends_with("ed"))
                    || matches!(lexicon::lookup(w), Some((_, Form::Past | Form::Third)))
            })
        });
        if let Some(k) = cut {
            let mut end = k;
            while end > part.start && rules::is_punct(doc, end - 1, ",") {
                end -= 1;
            }
            d.content[i].end = end;
            d.content.truncate(i + 1);
            return;
        }
    }
}

/// The window of a cue runs on through the quotations that follow it in the paragraph
/// (they most often continue the speaker), but a later quotation with a cue of its own
/// ("“…,” said Okoro. “…,” he added." or "… Ada Obi said: “…”") is that cue's content:
/// it and every part after it leave this claim.
fn leave_quotations_to_their_cues(doc: &Document, facts: &TokenFacts, cues: &[Cue], d: &mut Draft) {
    let own = d.cue.tokens.clone();
    let Some(sentence) = sentence_of(doc, d.cue.head) else {
        return;
    };
    let words = |r: Range<usize>| r.filter(|&k| facts.is_word(k)).count();
    let claimed = |part: &Range<usize>| {
        cues.iter().filter(|c| c.tokens != own).any(|c| {
            // "“…,” he added": the cue closes the quotation's own sentence
            let after = c.tokens.start >= part.end
                && c.tokens.start <= part.end + 4
                && words(part.end..c.tokens.start) <= 2
                && doc.token_sentence[c.tokens.start] == doc.token_sentence[part.end - 1];
            let before = c.tokens.end <= part.start
                && part.start <= c.tokens.end + 3
                && words(c.tokens.end..part.start) == 0;
            after || before
        })
    };
    let cut = d.content.iter().position(|p| {
        // the part's first words lie in a quotation (the part may open on its mark)
        let quoted = (p.start..p.end.min(p.start + 2)).any(|k| facts.quote[k] != 0);
        p.start >= sentence.tokens.end && quoted && claimed(p)
    });
    if let Some(i) = cut.filter(|&i| i > 0) {
        d.content.truncate(i);
    }
}

/// The window of a cue that opens its sentence reaches back into the previous sentence;
/// when that sentence is a quotation another report already holds ("Okoro said: “…” He
/// said there were …"), the part taken from it is that report's, and leaves this claim
/// (which keeps what follows its cue).
fn leave_earlier_quotations_to_their_cues(
    doc: &Document,
    facts: &TokenFacts,
    drafts: &mut [Draft],
) {
    for k in 1..drafts.len() {
        let (before, rest) = drafts.split_at_mut(k);
        let d = &mut rest[0];
        let Some(sentence) = sentence_of(doc, d.cue.head) else {
            continue;
        };
        let start = sentence.tokens.start;
        if !d.content.iter().any(|p| p.start >= d.cue.tokens.end) {
            continue;
        }
        let held_elsewhere = |p: &Range<usize>| {
            (p.start..p.end).any(|t| facts.quote[t] != 0)
                && before
                    .iter()
                    .rev()
                    .take(3)
                    .any(|o| o.content.iter().any(|q| q.start < p.end && p.start < q.end))
        };
        d.content.retain(|p| p.end > start || !held_elsewhere(p));
    }
}

/// A report inside another's content ("Okoro said that it wants …", "Okoro said … that
/// the allies consider it a threat"): the tagger stops the outer content at the inner
/// report's source. The outer content runs on through the inner report, and the inner
/// report stays a claim of its own only when its source is a noun group right after the
/// outer content or after ", and that": a pronoun there ("it wants") most often
/// continues the outer speaker's words, and a report joined by a fronted phrase or a
/// subordinator ("… after Okoro claimed …") is part of them (PolNeAR never annotates it on
/// its own).
fn absorb_nested_reports(doc: &Document, facts: &TokenFacts, drafts: &mut Vec<Draft>) {
    let mut gone = vec![false; drafts.len()];
    // the drafts of each sentence, in draft order: an outer report is looked for among
    // its inner report's sentence only (a long article has hundreds of drafts). Counted
    // into place rather than sorted: no sort code for this one use in the wasm.
    let sentence_of = |d: &Draft| doc.token_sentence[d.cue.head] as usize;
    let mut first = vec![0usize; doc.segments.sentences.len() + 2];
    for d in drafts.iter() {
        if let Some(c) = first.get_mut(sentence_of(d) + 1) {
            *c += 1;
        }
    }
    for s in 1..first.len() {
        first[s] += first[s - 1];
    }
    let mut by_sentence = vec![0usize; drafts.len()];
    let mut next = first.clone();
    for (k, d) in drafts.iter().enumerate() {
        if let Some(at) = next.get_mut(sentence_of(d)) {
            if let Some(slot) = by_sentence.get_mut(*at) {
                *slot = k;
            }
            *at += 1;
        }
    }
    for j in 0..drafts.len() {
        let Some(src) = drafts[j].source.clone() else {
            continue;
        };
        let inner = &drafts[j];
        let cue = inner.cue.tokens.clone();
        if src.end > cue.start || inner.content.iter().any(|c| c.start < cue.end) {
            continue;
        }
        let Some(end) = inner.content.last().map(|c| c.end) else {
            continue;
        };
        let sentence = sentence_of(inner);
        let pronoun = src.len() == 1 && facts.pronoun[src.start];
        let same = first.get(sentence).copied().unwrap_or(0)
            ..first.get(sentence + 1).copied().unwrap_or(0);
        let outer = by_sentence[same].iter().copied().find(|&k| {
            let d = &drafts[k];
            k != j
                && !gone[k]
                && d.cue.tokens.end <= src.start
                && d.content.last().is_some_and(|p| {
                    p.start >= d.cue.tokens.end
                        && p.start <= src.start
                        && (p.end >= src.end
                            || another_that_clause(doc, p.end..src.start)
                            || (fronted_phrase(doc, p.clone(), src.start)
                                && main_clause_report(doc, &d.cue))
                            || subordinate_gap(doc, p.end..src.start))
                        && p.end <= cue.start + 1
                        && !breaks_clause(doc, p.start, src.start)
                })
        });
        let Some(k) = outer else {
            continue;
        };
        let mut subordinate = false;
        if let Some(p) = drafts[k].content.last_mut() {
            subordinate = p.end < src.start && !another_that_clause(doc, p.end..src.start);
            p.end = p.end.max(end);
        }
        gone[j] = pronoun || subordinate;
    }
    remove_marked(drafts, &gone);
}

/// A report whose cue lies inside another report's content is part of what that source
/// said ("Okoro said the company, which critics say …", a quotation that quotes someone):
/// not a claim of its own. PolNeAR's annotators never nest one report in another (no
/// matched cue on its dev split lies inside a gold content), so such inner readings are
/// almost all false cues. A report joined by ", and that" keeps its claim ("… and that
/// the allies consider it a threat"): it is a second report of the same statement. A
/// report the cue tagger is sure of ([`SURE_NESTED_CONFIDENCE`]) is the other way round:
/// the outer content ran on too far ("… is “depleted” and says he will …"), so it keeps
/// its claim and the outer content ends before it.
fn drop_reports_inside_others(doc: &Document, drafts: &mut Vec<Draft>) {
    // every content part of a report that can hold another, by start; a relative
    // clause's report ("The company, which hopes …, also said …") running on into its
    // head's own verb is the misreading, so it holds none
    let mut parts: Vec<(usize, usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| !relative_pronoun_source(doc, d))
        .flat_map(|(k, d)| d.content.iter().map(move |c| (c.start, c.end, k)))
        .collect();
    parts.sort_unstable();
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_unstable_by_key(|&j| drafts[j].cue.tokens.start);
    // one sweep in text order keeps the two furthest-reaching parts of different
    // reports that start before the cue: linear, so a 5 MB paste stays fast
    let mut inside = vec![false; drafts.len()];
    // (end, report) of the furthest-reaching part, and of the furthest of another report
    let mut best: Option<(usize, usize)> = None;
    let mut second: Option<(usize, usize)> = None;
    let mut next = 0;
    let mut cuts = Vec::new();
    for j in order {
        let inner = &drafts[j];
        let cue = &inner.cue.tokens;
        while let Some(&(start, end, owner)) = parts.get(next) {
            if start > cue.start {
                break;
            }
            next += 1;
            match best {
                Some((e, o)) if o == owner => best = Some((e.max(end), o)),
                Some((e, _)) if end > e => {
                    second = best;
                    best = Some((end, owner));
                }
                None => best = Some((end, owner)),
                Some(_) => {
                    if second.is_none_or(|(e, _)| end > e) {
                        second = Some((end, owner));
                    }
                }
            }
        }
        let reach = match best {
            Some((e, o)) if o != j => Some(e),
            _ => second.map(|(e, _)| e),
        };
        let joined_by_and_that = inner.source.as_ref().is_some_and(|src| {
            src.start >= 2
                && doc.lower(src.start - 1) == "that"
                && doc.lower(src.start - 2) == "and"
        });
        let holder = match best {
            Some((e, o)) if o != j => Some((e, o)),
            _ => second,
        };
        let nested = !joined_by_and_that && reach.is_some_and(|e| e >= cue.end);
        if nested && inner.cue.confidence >= SURE_NESTED_CONFIDENCE {
            if let Some((_, outer)) = holder {
                cuts.push((outer, j));
            }
        } else {
            inside[j] = nested;
        }
    }
    for (outer, j) in cuts {
        let inner = &drafts[j];
        let cue = inner.cue.tokens.clone();
        let Some(part) = drafts[outer]
            .content
            .iter()
            .find(|c| c.start <= cue.start && cue.end <= c.end)
            .cloned()
        else {
            continue;
        };
        // a source reaching over the outer content's start is a misreading, one opening a
        // content told before its cue is what that cue reports ("The banner says “…”,
        // the office said"), and a lone
        // pronoun right after a noun opens a relative clause ("the $5 million he says he
        // raised"): the inner report is part of the outer one after all
        let outer_cue = &drafts[outer].cue.tokens;
        if inner
            .source
            .as_ref()
            .is_some_and(|src| src.start <= outer_cue.start && outer_cue.end <= src.end)
        {
            // the outer cue is a participle in the inner source's aside ("Obi, opening
            // the museum on Saturday, said …"): the outer report is the misreading
            inside[outer] = true;
            continue;
        }
        let (first, misread) = match &inner.source {
            Some(src) if src.start < cue.start => (
                src.start,
                (src.start < part.start && part.start < src.end)
                    || (src.start == part.start && part.end <= outer_cue.start)
                    || (src.len() == 1 && reduced_relative(doc, src.start)),
            ),
            _ => (cue.start, false),
        };
        if misread {
            inside[j] = true;
            continue;
        }
        let d = &mut drafts[outer];
        cut_before(doc, d, first, cue.start);
        // an outer report that held nothing but the inner one was its misreading
        inside[outer] |= d.content.is_empty();
    }
    remove_marked(drafts, &inside);
}

/// The source is a lone relative pronoun ("The company, which hopes …"): the report is
/// made in a relative clause.
fn relative_pronoun_source(doc: &Document, d: &Draft) -> bool {
    d.source
        .as_ref()
        .is_some_and(|src| src.len() == 1 && matches!(doc.lower(src.start), "which" | "who"))
}

/// Cue confidence from which a report inside another's content keeps its claim (on
/// PolNeAR dev, before this rule: 11 of 14 such cues at 0.9 or above were gold cues, 8 of
/// 16 at 0.8–0.9, 22 of 104 below):
/// cue F1 0.793 → 0.796, content overlap 0.802 → 0.807.
const SURE_NESTED_CONFIDENCE: f32 = 0.85;

/// A pronoun at `k` that follows a noun directly, as the subject of a relative clause
/// without "that" ("the ones he refused to answer").
fn reduced_relative(doc: &Document, k: usize) -> bool {
    k > 0
        && super::lexicon::is_pronoun(doc.lower(k))
        && doc.tokens[k - 1].kind == TokenKind::Word
        && !matches!(
            doc.lower(k - 1),
            "and" | "but" | "or" | "that" | "because" | "while" | "as" | "so" | "if" | "when"
        )
}

/// A report made in a relative clause ("The company, which hopes to keep its lead, also
/// said …") ends where the clause does: the next report whose cue lies in its content is
/// the head's own verb, not more of what the clause says.
fn end_relative_clause_reports(doc: &Document, drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        let relative = relative_pronoun_source(doc, &drafts[k]);
        let Some(end) = drafts[k].content.last().map(|c| c.end).filter(|_| relative) else {
            continue;
        };
        let own = drafts[k].cue.tokens.clone();
        // drafts are in cue order: the next few cues after this one are the candidates
        let head = drafts[k + 1..]
            .iter()
            .take(8)
            .map(|d| d.cue.tokens.start)
            .take_while(|&s| s < end)
            .find(|&s| {
                // the clause closes with a comma or a dash before the head's verb
                let closed = s > 0 && doc.tokens[s - 1].kind != TokenKind::Word;
                s >= own.end && closed && drafts[k].content.iter().any(|c| c.start < s && s < c.end)
            });
        if let Some(at) = head {
            cut_before(doc, &mut drafts[k], at, at);
        }
    }
}

/// Ends the content part of `d` that holds token `cue_start` before `first` (or before
/// the cue when `first` lies before the part), dropping the words that only joined the
/// two reports ("… and", "…,").
fn cut_before(doc: &Document, d: &mut Draft, first: usize, cue_start: usize) {
    let Some(i) = d
        .content
        .iter()
        .position(|c| c.start <= cue_start && cue_start < c.end)
    else {
        return;
    };
    let part = d.content[i].clone();
    let mut end = if first > part.start { first } else { cue_start };
    while end > part.start {
        let k = end - 1;
        let t = &doc.tokens[k];
        let joiner = t.kind != TokenKind::Word
            && matches!(t.text(doc.text), "," | ";" | ":" | "-" | "--" | "—" | "–");
        if joiner || matches!(doc.lower(k), "and" | "but" | "or" | "that") {
            end = k;
        } else {
            break;
        }
    }
    if end <= part.start {
        d.content.remove(i);
    } else {
        d.content[i].end = end;
    }
}

/// Removes the drafts whose flag in `marked` (one per draft, in order) is set.
fn remove_marked(drafts: &mut Vec<Draft>, marked: &[bool]) {
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !marked.get(k - 1).copied().unwrap_or(false)
    });
}

/// Confidence of a quotation signed with a dash ([`dash_bylines`]).
const BYLINE_CONFIDENCE: f32 = 0.8;

/// A quotation signed with a dash and a name (“We deserve better.” ― Ada Obi): the dash is
/// the cue, the name the source, the quotation the content. Collections of readers' or
/// voters' quotes are laid out so, with no verb of saying anywhere.
fn dash_bylines(doc: &Document, facts: &TokenFacts, drafts: &[Draft]) -> Vec<Draft> {
    use super::features::shape;
    let mut added = Vec::new();
    for q in doc.segments.quotations.iter().filter(|q| !q.single) {
        let (Some(close), inner) = (q.close, q.inner_tokens.clone()) else {
            continue;
        };
        let dash = close + 1;
        if inner.is_empty() || facts.shape.get(dash) != Some(&shape::DASH) {
            continue;
        }
        if facts.paragraph[dash] != facts.paragraph[close] {
            continue;
        }
        // the name: capitalised words after the dash, in the dash's paragraph
        let mut end = dash + 1;
        while end < doc.tokens.len()
            && end < dash + 5
            && facts.shape[end] == shape::CAP
            && facts.paragraph[end] == facts.paragraph[dash]
        {
            end += 1;
        }
        if end == dash + 1 {
            continue;
        }
        // a report quoted inside the quotation ("… the plan has brought strife …") does
        // not stand in for the signature
        let taken = drafts.iter().any(|d| {
            d.cue.tokens.contains(&dash)
                || (!(inner.start <= d.cue.tokens.start && d.cue.tokens.end <= inner.end)
                    && d.content
                        .iter()
                        .any(|c| c.start < inner.end && inner.start < c.end))
        });
        if taken {
            continue;
        }
        let mut cue = cues::make_cue(doc, facts, dash..dash + 1);
        cue.confidence = BYLINE_CONFIDENCE;
        cue.source_after = true;
        added.push(build(&cue, Some(dash + 1..end), vec![inner]));
    }
    added
}

/// Confidence of a paragraph opened by a speaker's label ([`speaker_labels`]).
const LABEL_CONFIDENCE: f32 = 0.75;

/// A paragraph opened by a speaker's label and a colon: a transcript's turn ("SMITH: Well,
/// look …") or a headline's speaker ("Okafor: The Port Will Stay Open"). The colon is the
/// cue, the label the source, the rest of the paragraph the content. A label is a person's
/// name or a word in capitals that names no place ("WASHINGTON:" is a dateline).
fn speaker_labels(
    doc: &Document,
    entities: &Entities,
    facts: &TokenFacts,
    drafts: &[Draft],
) -> Vec<Draft> {
    use super::features::shape;
    use crate::schema::EntityType;
    let mut added = Vec::new();
    for para in &doc.segments.paragraphs {
        let r = para.tokens.clone();
        let mut start = r.start;
        if facts
            .shape
            .get(start)
            .is_some_and(|&s| s == shape::QUOTE_OPEN || s == shape::QUOTE)
        {
            start += 1;
        }
        let Some(colon) =
            (start + 1..r.end.min(start + 5)).find(|&k| facts.shape[k] == shape::COLON)
        else {
            continue;
        };
        let label = start..colon;
        let mention = |k: usize| {
            (facts.mention[k] as usize)
                .checked_sub(1)
                .and_then(|m| entities.mentions.get(m))
        };
        let person = mention(start).is_some_and(|m| {
            m.entity_type == EntityType::PERSON && m.tokens.start == start && m.tokens.end == colon
        });
        let capitals = label.clone().all(|k| facts.shape[k] == shape::UPPER)
            && !label.clone().any(|k| {
                mention(k)
                    .is_some_and(|m| matches!(m.entity_type, EntityType::GPE | EntityType::LOC))
            });
        let words = (colon + 1..r.end).filter(|&k| facts.is_word(k)).count();
        if !(person || capitals) || words < 3 {
            continue;
        }
        if drafts.iter().any(|d| {
            d.cue.tokens.start < r.end
                && r.start < d.cue.tokens.end
                && d.content
                    .iter()
                    .any(|c| c.start <= colon + 1 && colon < c.end)
        }) {
            continue;
        }
        let mut cue = cues::make_cue(doc, facts, colon..colon + 1);
        cue.confidence = LABEL_CONFIDENCE;
        let turn = colon + 1..r.end;
        added.push(build(&cue, Some(label), vec![turn]));
    }
    added
}

/// Do the tokens `gap` only join another "that" clause to a content (", and that")?
fn another_that_clause(doc: &Document, gap: Range<usize>) -> bool {
    !gap.is_empty()
        && gap.len() <= 3
        && gap.clone().any(|k| doc.lower(k) == "that")
        && gap
            .clone()
            .all(|k| matches!(doc.lower(k), "," | "and" | "or" | "that"))
}

/// Does the content `part` hold only a "that" and a phrase set off by a comma before the
/// inner report's source at `src` ("said that in 1998, Okoro allowed …")? Then the
/// inner report's subject and verb are the rest of the same "that" clause.
fn fronted_phrase(doc: &Document, part: Range<usize>, src: usize) -> bool {
    doc.lower(part.start) == "that"
        && part.end < src
        && (part.end..src).all(|k| rules::is_punct(doc, k, ","))
}

/// Is `cue` the report of its sentence's main clause? A participle ("Knowing that …,
/// I …") or a report in a clause opened by a subordinator ("If you think that …, we …")
/// leads into the main clause that follows its content.
fn main_clause_report(doc: &Document, cue: &Cue) -> bool {
    use super::lexicon::{self, Form};
    if matches!(
        lexicon::lookup(doc.lower(cue.head)),
        Some((_, Form::Gerund))
    ) {
        return false;
    }
    let Some(sentence) = sentence_of(doc, cue.head) else {
        return false;
    };
    !(sentence.tokens.start..cue.tokens.start).any(|k| {
        matches!(
            doc.lower(k),
            "if" | "when"
                | "while"
                | "although"
                | "though"
                | "because"
                | "since"
                | "unless"
                | "once"
                | "whether"
                | "as"
                | "lest"
                | "before"
                | "after"
                | "until"
        )
    })
}

/// Is `gap` only a subordinator ("… to quit after Okoro claimed …"), not set off by a
/// comma (", while others said …" is a report of its own)?
fn subordinate_gap(doc: &Document, gap: Range<usize>) -> bool {
    let comma_before = (0..gap.start)
        .rev()
        .find(|&k| doc.tokens[k].kind != TokenKind::Quote)
        .is_some_and(|k| rules::is_punct(doc, k, ","));
    gap.len() == 1
        && !comma_before
        && matches!(
            doc.lower(gap.start),
            "after" | "while" | "because" | "when" | "since" | "before" | "until" | "if"
        )
}

/// Is there a clause break in `start..end` ("…, but …"), other than one that goes on with
/// another "that" clause of the same report ("…, and that …")?
fn breaks_clause(doc: &Document, start: usize, end: usize) -> bool {
    let mut from = start;
    loop {
        let at = rules::clause_end(doc, from, end);
        if at >= end {
            return false;
        }
        if at + 2 >= doc.tokens.len() || doc.lower(at + 2) != "that" {
            return true;
        }
        from = at + 1;
    }
}

/// A cue that ends its paragraph with a colon ("Okoro added:", "The senator told
/// reporters:") announces the next paragraph as its content, quoted or not; the role
/// tagger, which learned mostly from quotations there, can leave it untagged.
fn announced_paragraph(
    doc: &Document,
    facts: &TokenFacts,
    cue: &Cue,
    spans: &[(Range<usize>, usize)],
) -> Option<Draft> {
    let p = *facts.paragraph.get(cue.head)? as usize;
    let para = doc.segments.paragraphs.get(p)?;
    let mut rest = (cue.tokens.end..para.tokens.end).filter(|&k| doc.tokens[k].is_wordlike());
    let colon = (cue.tokens.end..para.tokens.end).any(|k| rules::is_punct(doc, k, ":"))
        || (cue.tokens.start..cue.tokens.end).any(|k| rules::is_punct(doc, k, ":"));
    if !colon || rest.next().is_some() {
        return None;
    }
    let next = doc.segments.paragraphs.get(p + 1)?;
    let words: Vec<usize> = next
        .tokens
        .clone()
        .filter(|&k| doc.tokens[k].is_wordlike())
        .collect();
    let (&first, &last) = (words.first()?, words.last()?);
    let mut with_content = spans.to_vec();
    with_content.push((first..last + 1, roles::CON));
    draft_from_spans(cue, &with_content)
}

/// Is the draft a parenthetical report, its source and cue set off by commas between two
/// parts of its content ("The French, Okoro said, have agreed …")?
fn parenthetical(doc: &Document, d: &Draft) -> bool {
    let cue = &d.cue.tokens;
    d.source.as_ref().is_some_and(|src| {
        src.end <= cue.start
            && src.start > 0
            && rules::is_punct(doc, src.start - 1, ",")
            && rules::is_punct(doc, cue.end, ",")
    }) && d.content.iter().any(|c| c.end <= cue.start)
        && d.content.iter().any(|c| c.start >= cue.end)
}

/// The claim of a cue from its tagged spans: all content spans, the source span nearest
/// the cue. No content, no claim.
pub fn draft_from_spans(cue: &Cue, spans: &[(Range<usize>, usize)]) -> Option<Draft> {
    let content: Vec<Range<usize>> = spans
        .iter()
        .filter(|(_, t)| *t == roles::CON)
        .map(|(r, _)| r.clone())
        .collect();
    if content.is_empty() {
        return None;
    }
    let distance = |r: &Range<usize>| {
        if r.end <= cue.tokens.start {
            cue.tokens.start - r.end
        } else {
            r.start.saturating_sub(cue.tokens.end)
        }
    };
    let source = spans
        .iter()
        .filter(|(_, t)| *t == roles::SRC)
        .map(|(r, _)| r.clone())
        .min_by_key(distance);
    Some(build(cue, source, content))
}

/// A participial cue without a source ("Acknowledging that …, Okoro said …", "…, adding
/// that …") shares the source of the nearest cue of its sentence that has one.
pub fn share_sources(doc: &Document, facts: &TokenFacts, drafts: &mut [Draft]) {
    use super::lexicon::{self, Form};
    for k in 0..drafts.len() {
        if drafts[k].source.is_some() {
            continue;
        }
        let head = drafts[k].cue.head;
        let gerund = matches!(lexicon::lookup(doc.lower(head)), Some((_, Form::Gerund)))
            || (doc.lower(head).ends_with("ing") && facts.lex[head] != 0);
        if !gerund {
            continue;
        }
        let sentence = doc.token_sentence[head];
        let shared = drafts
            .iter()
            .filter(|d| d.source.is_some() && doc.token_sentence[d.cue.head] == sentence)
            .min_by_key(|d| d.cue.head.abs_diff(head))
            .and_then(|d| d.source.clone());
        drafts[k].source = shared;
    }
}

/// Finds attributed claims.
pub fn find(doc: &Document, entities: &Entities, facts: &TokenFacts) -> Vec<ClaimSpans> {
    let mut drafts = find_drafts(doc, entities, facts);
    share_sources(doc, facts, &mut drafts);
    let mut speakers = Speakers::new(doc, entities, facts);
    drafts
        .into_iter()
        .filter_map(|d| finish(doc, entities, facts, &mut speakers, d))
        .collect()
}

/// Extends a content part that reaches into a quotation to the whole quotation when the
/// quotation runs past it (a quotation over several paragraphs is one content), and trims
/// quotation marks and punctuation off its edges.
fn complete(doc: &Document, facts: &TokenFacts, part: Range<usize>) -> Range<usize> {
    let mut r = part;
    // the quotations the part starts or ends in (by the per-token quotation index)
    let mut ids: Vec<u32> = [r.start, r.start + 1, r.end.saturating_sub(1)]
        .iter()
        .filter_map(|&k| facts.quote.get(k).copied())
        .filter(|&q| q != 0)
        .collect();
    ids.dedup();
    for q in ids
        .iter()
        .filter_map(|&q| doc.segments.quotations.get(q as usize - 1))
    {
        let inner = q.inner_tokens.clone();
        if inner.is_empty() {
            continue;
        }
        // the part starts at the quotation (or its first words) and stops inside it
        let starts_in = r.start <= inner.start + 1 && r.end > inner.start;
        if starts_in && r.end < inner.end && q.paragraphs > 1 {
            r.end = inner.end;
        }
        // a quotation's first part shown before the cue, its end across a paragraph break
        let ends_in = r.start < inner.end && r.end >= inner.end.saturating_sub(1);
        if ends_in && r.start > inner.start && q.paragraphs > 1 && r.start <= inner.start + 2 {
            r.start = inner.start;
        }
    }
    while r.start < r.end && !facts.is_word(r.start) {
        r.start += 1;
    }
    while r.end > r.start && !facts.is_word(r.end - 1) && !keeps_trailing(facts, r.end - 1) {
        r.end -= 1;
    }
    // a part that opens with a quoted fragment and runs on past its closing mark keeps
    // the opening mark too (“Merry Christmas” and translates it …), not just the closing one
    if let Some(q) = facts
        .quote
        .get(r.start)
        .and_then(|&q| doc.segments.quotations.get((q as usize).wrapping_sub(1)))
    {
        if q.inner_tokens.start == r.start && q.close.is_some_and(|c| c < r.end) {
            r.start = q.open;
        }
    }
    // and one that closes with a quoted fragment it did not open in keeps the closing mark
    // (it was looking for “a wide variety of people”)
    if let Some(q) = r.end.checked_sub(1).and_then(|k| {
        facts
            .quote
            .get(k)
            .and_then(|&q| doc.segments.quotations.get((q as usize).wrapping_sub(1)))
    }) {
        if let Some(close) = q.close {
            if q.inner_tokens.end == r.end && r.start < q.open && r.start < r.end {
                r.end = close + 1;
            }
        }
    }
    r
}

/// Trailing punctuation kept inside a content part: a comma or period before the closing
/// mark of a quotation that the part lies in ("That’s not even being raised,").
fn keeps_trailing(facts: &TokenFacts, k: usize) -> bool {
    use super::features::shape;
    matches!(facts.shape[k], shape::COMMA | shape::TERMINAL)
        && facts.quote[k] != 0
        && facts.shape.get(k + 1) == Some(&shape::QUOTE_CLOSE)
}

/// Kind by quotation marks: direct when every part lies inside quotation marks, mixed
/// when a part contains a quotation, indirect otherwise.
fn kind_of(doc: &Document, facts: &TokenFacts, parts: &[Range<usize>]) -> ClaimKind {
    let quotation = |k: usize| {
        facts
            .quote
            .get(k)
            .and_then(|&q| doc.segments.quotations.get((q as usize).wrapping_sub(1)))
    };
    let inside = |r: &Range<usize>| {
        quotation(r.start)
            .is_some_and(|q| q.inner_tokens.start <= r.start && r.end <= q.inner_tokens.end)
    };
    // a quoted word inside the part, in a quotation the part does not lie in
    let contains = |r: &Range<usize>| {
        r.clone().any(|k| {
            facts.is_word(k)
                && quotation(k).is_some_and(|q| {
                    !(q.inner_tokens.start <= r.start && r.end <= q.inner_tokens.end)
                })
        })
    };
    if !parts.is_empty() && parts.iter().all(inside) {
        ClaimKind::Direct
    } else if parts.iter().any(contains) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// Words that open a relative clause after a source ("France, which joined …").
const RELATIVES: &[&str] = &["who", "which", "whose", "whom", "where"];

/// Trims a source to who speaks: a relative clause after a comma ("France, which joined
/// the coalition") and a trailing date or time ("The council on Monday") are asides, not
/// the source (spec §4.1 and its default article's gold). PolNeAR's annotators keep such
/// asides inside the source; cutting them costs 0.016 source-overlap F1 on its dev set.
fn trim_source(
    doc: &Document,
    entities: &Entities,
    facts: &TokenFacts,
    source: Range<usize>,
) -> Range<usize> {
    use crate::schema::EntityType;
    let mut r = source;
    if let Some(comma) = (r.start + 1..r.end.saturating_sub(1))
        .find(|&k| rules::is_punct(doc, k, ",") && RELATIVES.contains(&doc.lower(k + 1)))
    {
        r.end = comma;
    }
    // a date or time mention at the end, with the preposition before it
    let temporal = |k: usize| {
        (facts.mention[k] as usize)
            .checked_sub(1)
            .and_then(|m| entities.mentions.get(m))
            .is_some_and(|m| matches!(m.entity_type, EntityType::DATE | EntityType::TIME))
    };
    let mut end = r.end;
    while end > r.start + 1 && temporal(end - 1) {
        end -= 1;
    }
    if end < r.end {
        while end > r.start + 1
            && matches!(
                doc.lower(end - 1),
                "on" | "in" | "at" | "this" | "last" | "late" | "early"
            )
        {
            end -= 1;
        }
        r.end = end;
    }
    trim_source_edges(doc, r)
}

/// A source after its cue ("according to a CNN tally, but his lead is narrowing") ends
/// at a comma that opens a clause: a conjunction after it, or a verb in what follows.
fn end_at_clause(doc: &Document, source: Range<usize>) -> Range<usize> {
    let Some(comma) = (source.start + 1..source.end).find(|&k| rules::is_punct(doc, k, ",")) else {
        return source;
    };
    let rest = comma + 1..source.end;
    let conjunction = rest.clone().next().is_some_and(|k| {
        matches!(
            doc.lower(k),
            "but" | "and" | "as" | "while" | "although" | "though" | "so" | "yet" | "because"
        )
    });
    let verb = rest.clone().any(|k| {
        matches!(
            doc.lower(k),
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been" | "will"
        ) || super::lexicon::is_speech_verb(doc.lower(k))
    });
    if conjunction || verb {
        source.start..comma
    } else {
        source
    }
}

/// Drops what the role tagger let into a source's edges from the clause around it: a
/// conjunction or preposition before it ("though an arbitration panel", "By Okoro's own
/// account") and adverbs or modals after it ("Okoro often", "a reader would").
fn trim_source_edges(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    while r.len() > 1
        && matches!(
            doc.lower(r.start),
            "though"
                | "although"
                | "since"
                | "before"
                | "after"
                | "then"
                | "by"
                | "while"
                | "when"
                | "because"
                | "and"
                | "but"
                | "so"
                | "meanwhile"
                | "yet"
                | "if"
        )
    {
        r.start += 1;
    }
    while r.len() > 1 && {
        let w = doc.lower(r.end - 1);
        let adverb = w.len() > 4
            && w.ends_with("ly")
            && !w.ends_with("ply")
            && !matches!(
                w,
                "family"
                    | "assembly"
                    | "monopoly"
                    | "anomaly"
                    | "homily"
                    | "tally"
                    | "rally"
                    | "bully"
                    | "belly"
                    | "jelly"
                    | "folly"
                    | "holly"
            );
        let lower_case = doc
            .token_text(r.end - 1)
            .starts_with(|c: char| c.is_lowercase());
        lower_case
            && (adverb
                || matches!(
                    w,
                    "often"
                        | "also"
                        | "too"
                        | "now"
                        | "then"
                        | "still"
                        | "again"
                        | "would"
                        | "will"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "can"
                        | "must"
                        | "later"
                        | "first"
                        | "once"
                        | "never"
                        | "always"
                        | "soon"
                        | "almost"
                        | "very"
                        | "just"
                        | "even"
                ))
            || rules::is_punct(doc, r.end - 1, ",")
    } {
        r.end -= 1;
    }
    r
}

/// Moves a source the role tagger found inside a relative clause to the clause's head:
/// in "The company, which makes games such as Knights of Ayr, is seeking …" the speaker
/// is the company, not the name nearest the cue. The source then spans head and clause,
/// and [`trim_source`] cuts the clause off.
fn lift_source_from_relative(
    doc: &Document,
    facts: &TokenFacts,
    source: Range<usize>,
    cue: &Range<usize>,
) -> Range<usize> {
    use super::features::shape;
    // only a source whose clause closes with a comma right before the cue (the comma
    // inside the source or between it and the cue)
    let closes = |k: usize| rules::is_punct(doc, k, ",");
    // or a lone relative pronoun whose clause closes with a comma before the cue ("The
    // company, which hopes to …, also said …")
    let lone_relative = source.len() == 1
        && RELATIVES.contains(&doc.lower(source.start))
        && cue.start > source.end
        && closes(cue.start - 1);
    let closed = lone_relative
        || match cue.start.checked_sub(source.end) {
            Some(0) => source.len() > 1 && closes(source.end - 1),
            Some(1) => closes(source.end),
            _ => false,
        };
    if !closed {
        return source;
    }
    let Some(sentence_start) = sentence_of(doc, source.start).map(|s| s.tokens.start) else {
        return source;
    };
    let boundary = |k: usize| {
        matches!(
            facts.shape[k],
            shape::TERMINAL
                | shape::COLON
                | shape::SEMI
                | shape::QUOTE_OPEN
                | shape::QUOTE_CLOSE
                | shape::QUOTE
                | shape::DASH
        )
    };
    // the comma opening the relative clause the source lies in
    let mut commas = 0;
    let mut opening = None;
    for k in (sentence_start + 1..source.start).rev() {
        if boundary(k) {
            return source;
        }
        if rules::is_punct(doc, k, ",") {
            if RELATIVES.contains(&doc.lower(k + 1)) {
                opening = Some(k);
                break;
            }
            commas += 1;
            if commas > 2 {
                return source;
            }
        }
    }
    let Some(comma) = opening else {
        return source;
    };
    if lone_relative && (source.end..cue.start).any(boundary) {
        return source;
    }
    // the head: back to the previous comma, clause mark or sentence start
    let mut head = comma;
    while head > sentence_start && !boundary(head - 1) && !rules::is_punct(doc, head - 1, ",") {
        head -= 1;
    }
    let words = (head..comma).filter(|&k| facts.is_word(k)).count();
    if words == 0 || words > 8 {
        return source;
    }
    head..source.end
}

/// Words that never name a speaker on their own: a source made only of them ("having
/// earlier", "steadily", "still") is a tagging slip, better left empty.
const NOT_A_SOURCE: &[&str] = &[
    "having", "been", "being", "has", "have", "had", "was", "were", "is", "are", "be", "earlier",
    "later", "also", "still", "then", "now", "once", "again", "already", "together", "really",
    "even", "for", "to", "of", "in", "on", "at", "by", "with", "and", "or", "but", "as", "the",
    "a", "an", "needless", "not",
];

/// "There have been reports that …": existential "there" and its verb are neither the
/// source nor the cue. The cue starts after the verb, and a source the tagger found
/// before it keeps only what could speak: "Over the past two days there" names no one.
/// Whether the cue followed existential "there".
fn after_existential_there(doc: &Document, entities: &Entities, d: &mut Draft) -> bool {
    let cue = &mut d.cue;
    let Some(there) = cue.tokens.start.checked_sub(1) else {
        return false;
    };
    if doc.lower(there) != "there" {
        return false;
    }
    let mut start = cue.tokens.start;
    while start < cue.head
        && matches!(
            doc.lower(start),
            "have" | "has" | "had" | "been" | "be" | "is" | "are" | "was" | "were" | "will"
        )
    {
        start += 1;
    }
    if start == cue.tokens.start {
        return false;
    }
    cue.tokens.start = start;
    let Some(source) = d.source.clone().filter(|s| s.end == there + 1) else {
        return true;
    };
    // what is left once "there", time phrases and their prepositions are set aside
    let speaks = (source.start..there).any(|k| {
        let in_time = entities
            .mentions
            .iter()
            .any(|m| m.tokens.contains(&k) && !m.entity_type.is_name());
        !in_time
            && !NOT_A_SOURCE.contains(&doc.lower(k))
            && !matches!(
                doc.lower(k),
                "over" | "during" | "since" | "after" | "before"
            )
    });
    d.source = speaks.then_some(source.start..there);
    true
}

/// Whether a source span has a word that can name who speaks (a name, a pronoun, a noun).
fn names_someone(doc: &Document, facts: &TokenFacts, source: &Range<usize>) -> bool {
    source.clone().any(|k| {
        if !facts.is_word(k) {
            return false;
        }
        let w = doc.lower(k);
        facts.pronoun[k] || !(NOT_A_SOURCE.contains(&w) || (w.ends_with("ly") && w.len() > 4))
    })
}

/// Least cue confidence of a claim without a source. The cue tagger decodes with a recall
/// bias (`outside_bias` in `models/cue.clm`); the extra cues it finds that have no source
/// are right only about a third of the time on PolNeAR dev, against more than half for
/// those with one (session 7, MODEL.md). It holds for the lexicon rules' cues too (0.5)
/// when the model is missing: checking for the model here cost 119 bytes of gzipped wasm.
const MIN_SOURCELESS_CONFIDENCE: f32 = 0.65;

/// Turns a draft into a claim: completed content, kind, polarity, speaker, about.
pub fn finish(
    doc: &Document,
    entities: &Entities,
    facts: &TokenFacts,
    speakers: &mut Speakers,
    draft: Draft,
) -> Option<ClaimSpans> {
    let mut parts: Vec<Range<usize>> = draft
        .content
        .iter()
        .map(|p| complete(doc, facts, p.clone()))
        .filter(|p| !p.is_empty())
        .collect();
    parts.sort_by_key(|p| p.start);
    parts.dedup_by(|b, a| {
        if b.start <= a.end {
            a.end = a.end.max(b.end);
            true
        } else {
            false
        }
    });
    if parts.is_empty() {
        return None;
    }
    let mut draft = draft;
    // "there have been reports …" names no source by its nature: the claim stays
    let existential = after_existential_there(doc, entities, &mut draft);
    let cue_tokens = draft.cue.tokens.clone();
    let source_after = draft.cue.source_after;
    draft.source = draft
        .source
        .map(|s| {
            let s = lift_source_from_relative(doc, facts, s, &cue_tokens);
            let s = if source_after {
                end_at_clause(doc, s)
            } else {
                s
            };
            trim_source(doc, entities, facts, s)
        })
        .filter(|s| names_someone(doc, facts, s));
    let cue = &draft.cue;
    if draft.source.is_none() && cue.confidence < MIN_SOURCELESS_CONFIDENCE && !existential {
        return None;
    }
    let kind = kind_of(doc, facts, &parts);
    let speaker = speakers.resolve(draft.source.clone(), cue);
    let byte_parts: Vec<Range<usize>> = parts.iter().map(|p| doc.token_span(p.clone())).collect();
    let mut about = Vec::new();
    for p in &parts {
        about.extend(facts.clusters_in(entities, p.clone()));
    }
    about.sort_unstable();
    about.dedup();
    let first = parts[0].start.min(cue.tokens.start);
    let first = draft.source.as_ref().map_or(first, |s| s.start.min(first));
    let last = parts[parts.len() - 1].end.max(cue.tokens.end);
    let last = draft.source.as_ref().map_or(last, |s| s.end.max(last));
    let confidence = if draft.source.is_some() {
        cue.confidence
    } else {
        cue.confidence * 0.8
    };
    Some(ClaimSpans {
        kind,
        span: doc.token_span(first..last),
        source: draft.source.map(|s| doc.token_span(s)),
        cue: Some(doc.token_span(cue.tokens.clone())),
        content: byte_parts,
        speaker,
        about,
        polarity: if cue.negated {
            Polarity::Negated
        } else {
            Polarity::Asserted
        },
        // the cue's: a claim stands or falls with its cue; a sourceless one is less sure
        confidence,
        checkworthiness: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;

    fn claims(text: &str) -> Vec<(String, String, Vec<String>)> {
        let (doc, ents, facts) = prepared(text);
        find(&doc, &ents, &facts)
            .into_iter()
            .map(|c| {
                (
                    c.cue.map_or(String::new(), |r| text[r].to_string()),
                    c.source.map_or(String::new(), |r| text[r].to_string()),
                    c.content.into_iter().map(|r| text[r].to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn an_unsure_cue_without_a_source_makes_no_claim() {
        let text = "The bridge will reopen in May, according to the plan.";
        let (doc, ents, facts) = prepared(text);
        let mut speakers = Speakers::new(&doc, &ents, &facts);
        let at = |w: &str| (0..doc.tokens.len()).find(|&k| doc.token_text(k) == w);
        let (Some(according), Some(comma)) = (at("according"), at(",")) else {
            panic!("tokens");
        };
        let reopen = 0..comma;
        let mut cue = cues::make_cue(&doc, &facts, according..according + 2);
        cue.confidence = MIN_SOURCELESS_CONFIDENCE - 0.1;
        let unsure = build(&cue, None, vec![reopen.clone()]);
        assert!(finish(&doc, &ents, &facts, &mut speakers, unsure).is_none());
        cue.confidence = MIN_SOURCELESS_CONFIDENCE + 0.1;
        let sure = build(&cue, None, vec![reopen]);
        assert!(finish(&doc, &ents, &facts, &mut speakers, sure).is_some());
    }

    /// The content parts of the claim whose cue is `cue` (the test fails without one).
    fn content_of<'a>(found: &'a [(String, String, Vec<String>)], cue: &str) -> &'a [String] {
        let claim = found.iter().find(|c| c.0 == cue);
        &claim
            .unwrap_or_else(|| panic!("no claim with cue {cue:?}: {found:?}"))
            .2
    }

    #[test]
    fn content_opening_with_a_quoted_fragment_keeps_both_marks() {
        let found =
            claims("The banner says \"Welcome home\" and greets all visitors in six languages.");
        let says = found.iter().find(|c| c.0 == "says");
        assert!(
            says.is_some_and(|c| c.2.iter().any(|p| p.starts_with("\"Welcome home\" and"))),
            "{found:?}"
        );
        let found = claims(
            "The studio says it was looking for \"a wide variety of people to use as face \
             models\". Auditions start on Friday.",
        );
        let says = found.iter().find(|c| c.0 == "says");
        assert!(
            says.is_some_and(|c| c.2.iter().any(|p| p.ends_with("as face models\""))),
            "{found:?}"
        );
    }

    #[test]
    fn a_report_inside_another_runs_on_through_it() {
        let found = claims(
            "Okafor said working with the agency would be unwise, and that the regulators \
             consider it a “risk to public health.”",
        );
        let said = found.iter().find(|c| c.0 == "said");
        assert!(
            // a quoted fragment at the end keeps its closing mark, as the spec's gold does
            said.is_some_and(|c| c.2.concat().ends_with("risk to public health.”")),
            "{found:?}"
        );
        let consider = found.iter().find(|c| c.0 == "consider");
        assert!(
            consider.is_some_and(|c| c.1 == "the regulators"),
            "{found:?}"
        );
        let found =
            claims("The council has signaled that it wants the firm to pay for the repairs.");
        assert!(
            found.iter().all(|c| c.1 != "it"),
            "a pronoun's report inside the content is the outer speaker's: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|c| c.2.concat().ends_with("pay for the repairs")),
            "{found:?}"
        );
    }

    #[test]
    fn a_quotation_signed_with_a_dash() {
        let found = claims(
            "Readers wrote in.\n\n“The new bridge has changed my commute.” ― Ada Obi\n\n\
             “It is too loud at night.” — Tunde Bello",
        );
        for (name, quote) in [
            ("Ada Obi", "The new bridge has changed my commute."),
            ("Tunde Bello", "It is too loud at night."),
        ] {
            assert!(
                found.iter().any(|c| c.1 == name && c.2 == [quote]),
                "{name}: {found:?}"
            );
        }
    }

    #[test]
    fn a_speaker_label_opens_a_turn() {
        let found = claims(
            "OKAFOR: Well, the budget was never the problem here.\n\n\
             HADDAD: Then what was it?\n\n\
             WASHINGTON: the council met on Monday to vote on the budget.",
        );
        assert!(
            found.iter().any(|c| c.0 == ":"
                && c.1 == "OKAFOR"
                && c.2 == ["Well, the budget was never the problem here"]),
            "{found:?}"
        );
        assert!(found.iter().any(|c| c.1 == "HADDAD"), "{found:?}");
        assert!(found.iter().all(|c| c.1 != "WASHINGTON"), "{found:?}");
    }

    #[test]
    fn a_source_without_its_asides() {
        let text =
            "The ferry operator, which runs four boats, said on Monday that fares would rise.";
        let (doc, ents, facts) = prepared(text);
        let trimmed = trim_source(&doc, &ents, &facts, 0..5);
        assert_eq!(&text[doc.token_span(trimmed)], "The ferry operator");
        let text = "The council on Monday said fares would rise.";
        let (doc, ents, facts) = prepared(text);
        let trimmed = trim_source(&doc, &ents, &facts, 0..4);
        assert_eq!(&text[doc.token_span(trimmed)], "The council");
        // the clause's conjunction before it, adverbs, modals and a comma after it
        for (text, words, source) in [
            (
                "It failed, though the panel later found fraud.",
                3..7,
                "the panel",
            ),
            ("Okoro, 82, often said so.", 0..5, "Okoro, 82"),
            ("A reader would ask why.", 0..3, "A reader"),
            (
                "Officials almost universally condemned it.",
                0..3,
                "Officials",
            ),
            ("Okafor Family said no.", 0..2, "Okafor Family"),
            (
                "It rose, according to a council tally.",
                5..8,
                "a council tally",
            ),
        ] {
            let (doc, ents, facts) = prepared(text);
            let trimmed = trim_source(&doc, &ents, &facts, words);
            assert_eq!(&text[doc.token_span(trimmed)], source, "{text}");
        }
    }

    #[test]
    fn a_source_after_its_cue_ends_at_a_clause() {
        for (text, source) in [
            (
                "Okoro leads, according to a council tally, but her lead is narrowing.",
                "a council tally",
            ),
            (
                "Fares rose, according to the ferry board, and there were fewer trips.",
                "the ferry board",
            ),
            (
                "Fares rose, according to Ada Obi, the board's chair.",
                "Ada Obi, the board's chair",
            ),
        ] {
            let (doc, _, _) = prepared(text);
            let start = token(&doc, "to") + 1;
            let end = doc.tokens.len() - 1;
            let trimmed = trim_source_edges(&doc, end_at_clause(&doc, start..end));
            assert_eq!(&text[doc.token_span(trimmed)], source, "{text}");
        }
    }

    #[test]
    fn spec_worked_example_direct() {
        let found = claims("“That’s not even being raised,” Okoro said.");
        assert_eq!(
            found,
            [(
                "said".to_string(),
                "Okoro".to_string(),
                vec!["That’s not even being raised,".to_string()]
            )]
        );
    }

    #[test]
    fn spec_worked_example_indirect() {
        let found =
            claims("Okoro said his French counterparts have not called him to ask about that.");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].2,
            ["his French counterparts have not called him to ask about that"]
        );
    }

    #[test]
    fn rules_fallback_finds_the_worked_examples() {
        let text = "“That’s not even being raised,” Okoro said. The French, Okoro said, have \
                    agreed to take military action in Iraq.";
        let doc = Document::new(text);
        let ents = entities::extract(&doc);
        let cues = cues::find_by_rules(&doc);
        let drafts = rules::find(&doc, &ents, &cues);
        let contents: Vec<Vec<&str>> = drafts
            .iter()
            .map(|d| {
                d.content
                    .iter()
                    .map(|c| &text[doc.token_span(c.clone())])
                    .collect()
            })
            .collect();
        assert!(contents.contains(&vec!["That’s not even being raised,"]));
        assert!(contents.contains(&vec![
            "The French",
            "have agreed to take military action in Iraq"
        ]));
    }

    #[test]
    fn parenthetical_report_keeps_both_parts_before_another_report() {
        let found = claims(
            "The French, the minister said, have agreed to act in Iraq, but she didn’t say \
             whether they would act in Syria.",
        );
        let french = found
            .iter()
            .find(|c| c.2.first().is_some_and(|p| p == "The French"))
            .expect("the parenthetical report");
        assert_eq!(french.2, ["The French", "have agreed to act in Iraq"]);
    }

    #[test]
    fn participial_cue_shares_the_source() {
        let found = claims(
            "Acknowledging that Iran already has troops in Syria, Okoro said working with \
             Tehran would not be appropriate.",
        );
        let ack = found
            .iter()
            .find(|c| c.0 == "Acknowledging")
            .expect("the participle is a cue");
        assert_eq!(ack.1, "Okoro");
    }

    /// A text's document, entities and token facts, as the pipeline makes them.
    fn prepared(text: &str) -> (Document<'_>, Entities, TokenFacts) {
        let doc = Document::new(text);
        let ents = entities::extract(&doc);
        let facts = TokenFacts::new(&doc, &ents);
        (doc, ents, facts)
    }

    /// Token index of the `n`-th token whose text is `word`.
    fn token(doc: &Document, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&k| doc.token_text(k) == word)
            .expect("the word is in the text")
    }

    #[test]
    fn a_source_inside_a_relative_clause_moves_to_its_head() {
        let text = "The firm, which makes games such as Knights of Ayr, is seeking actors.";
        let (doc, ents, facts) = prepared(text);
        let cue = token(&doc, "is")..token(&doc, "seeking") + 1;
        // the tagger's source: the name nearest the cue, with the clause's closing comma
        let inside = token(&doc, "Knights")..cue.start;
        let lifted = lift_source_from_relative(&doc, &facts, inside, &cue);
        let trimmed = trim_source(&doc, &ents, &facts, lifted);
        assert_eq!(&text[doc.token_span(trimmed)], "The firm");
        // a source already at the head stays
        let head = 0..2;
        assert_eq!(
            lift_source_from_relative(&doc, &facts, head.clone(), &cue),
            head
        );
    }

    #[test]
    fn a_content_before_its_cue_is_not_cut_by_an_earlier_false_cue() {
        let found = claims(
            "Curfews were among the options that could be used if court orders to allow \
             parental access were defied, Lord Halvorsen said.",
        );
        let said = found.iter().find(|c| c.0 == "said").expect("the report");
        assert_eq!(
            said.2,
            [
                "Curfews were among the options that could be used if court orders to allow \
              parental access were defied"
            ]
        );
        assert!(!found.iter().any(|c| c.0 == "orders"), "{found:?}");
    }

    #[test]
    fn a_later_quotation_with_its_own_cue_is_not_taken() {
        let found = claims(
            "\u{201c}The last time it snowed in the valley was in the 1980s,\u{201d} said \
             festival director Ana Petrova. \u{201c}We have had snow many times, but the \
             weather always clears on Sunday,\u{201d} she added.",
        );
        assert_eq!(
            content_of(&found, "said"),
            ["The last time it snowed in the valley was in the 1980s,"]
        );
        assert_eq!(
            content_of(&found, "added"),
            ["We have had snow many times, but the weather always clears on Sunday,"]
        );
    }

    /// An asserted cue over `tokens` whose reporting word is `head`.
    fn plain_cue(tokens: Range<usize>, head: usize, confidence: f32) -> Cue {
        Cue {
            tokens,
            head,
            negated: false,
            source_after: false,
            confidence,
        }
    }

    /// The draft of a one-word cue `verb` with `content` as (first, last word) pairs.
    /// Asserts that `rule` leaves the content `span` of the report of `verb` as it is.
    fn assert_content_kept(
        text: &str,
        verb: &str,
        span: (&str, &str),
        rule: fn(&Document, &TokenFacts, &mut Draft),
    ) {
        let (doc, _, facts) = prepared(text);
        let mut d = cue_draft(&doc, verb, &[span]);
        let before = d.content.clone();
        rule(&doc, &facts, &mut d);
        assert_eq!(d.content, before, "{text}");
    }
    /// Runs [`absorb_nested_reports`] on an outer and an inner draft.
    fn absorbed(doc: &Document, facts: &TokenFacts, outer: Draft, inner: Draft) -> Vec<Draft> {
        let mut drafts = vec![outer, inner];
        absorb_nested_reports(doc, facts, &mut drafts);
        drafts
    }
    /// The last word of a draft's content.
    fn last_word<'d>(doc: &'d Document, d: &Draft) -> Option<&'d str> {
        d.content.last().map(|r| doc.token_text(r.end - 1))
    }
    fn cue_draft(doc: &Document, verb: &str, content: &[(&str, &str)]) -> Draft {
        let head = token(doc, verb);
        let cue = plain_cue(head..head + 1, head, 1.0);
        let parts = content
            .iter()
            .map(|(a, b)| token(doc, a)..token(doc, b) + 1)
            .collect();
        build(&cue, None, parts)
    }

    #[test]
    fn where_and_when_it_was_said_is_the_narrators() {
        let text = "\u{201c}We will win,\u{201d} Okoro said on Friday at a rally in Lagos. \
                    \u{201c}Nobody can stop us.\u{201d}";
        let (doc, _, facts) = prepared(text);
        let mut d = cue_draft(
            &doc,
            "said",
            &[("We", "win"), ("Friday", "Lagos"), ("Nobody", "us")],
        );
        leave_circumstances_to_the_narrator(&doc, &facts, &mut d);
        let words: Vec<&str> = d.content.iter().map(|r| doc.token_text(r.start)).collect();
        assert_eq!(words, ["We", "Nobody"], "the rally is not what Okoro said");

        // a content around its cue ("The plan, Okoro said, will fail") keeps both halves
        let text = "The plan, Okoro said, will fail in March.";
        let (doc, _, facts) = prepared(text);
        let mut d = cue_draft(&doc, "said", &[("The", "plan"), ("will", "March")]);
        leave_circumstances_to_the_narrator(&doc, &facts, &mut d);
        assert_eq!(d.content.len(), 2);
    }

    #[test]
    fn a_second_predicate_of_the_source_is_not_reported() {
        // an object, then "and" + a finite verb: the source's next act
        let text = "Mayor Ada Obi criticized the budget plan and urged the council to start again.";
        let (doc, _, facts) = prepared(text);
        let mut d = cue_draft(&doc, "criticized", &[("the", "again")]);
        stop_at_coordinated_predicate(&doc, &facts, &mut d);
        let words: Vec<&str> = d
            .content
            .iter()
            .map(|r| doc.token_text(r.end - 1))
            .collect();
        assert_eq!(words, ["plan"], "the content ends before \"and urged\"");

        // a reported clause with a verb of its own may go on with "and"
        let text = "Ada Obi said the economy was growing and added jobs in May.";
        assert_content_kept(text, "said", ("the", "May"), stop_at_coordinated_predicate);
    }

    #[test]
    fn a_participle_with_an_object_ends_the_report() {
        let text = "The court ruled against the county map, dealing a blow to the governor.";
        let (doc, _, facts) = prepared(text);
        let mut d = cue_draft(&doc, "ruled", &[("against", "governor")]);
        stop_at_participial_report(&doc, &facts, &mut d);
        let last = last_word(&doc, &d);
        assert_eq!(last, Some("map"), "the content ends before \", dealing\"");

        // "including" and "according to" go on with the report
        let text = "Ada Obi listed the costs, including the new roads and bridges.";
        assert_content_kept(
            text,
            "listed",
            ("the", "bridges"),
            stop_at_participial_report,
        );
    }

    #[test]
    fn a_report_after_a_fronted_phrase_is_the_outer_content() {
        // "that in 2019," then the inner report's subject and verb: one "that" clause
        let text = "The doctor said that in 2019, Ada Obi allowed her staff to believe it.";
        let (doc, _, facts) = prepared(text);
        let mut outer = cue_draft(&doc, "said", &[("that", "2019")]);
        outer.source = Some(token(&doc, "The")..token(&doc, "doctor") + 1);
        let mut inner = cue_draft(&doc, "allowed", &[("her", "it")]);
        inner.source = Some(token(&doc, "Ada")..token(&doc, "Obi") + 1);
        let drafts = absorbed(&doc, &facts, outer, inner);
        let end = last_word(&doc, &drafts[0]);
        assert_eq!(
            end,
            Some("it"),
            "the outer content runs through the inner report"
        );
        assert_eq!(
            drafts.len(),
            1,
            "the inner report is part of the outer content"
        );

        // a subordinate report ("If you think that …, we …") leads into the main clause
        let text = "If you think that my parents, both teachers, were poor, we must say otherwise.";
        let (doc, _, facts) = prepared(text);
        let mut outer = cue_draft(&doc, "think", &[("that", "poor")]);
        outer.source = Some(token(&doc, "you")..token(&doc, "you") + 1);
        let mut inner = cue_draft(&doc, "say", &[("otherwise", "otherwise")]);
        inner.source = Some(token(&doc, "we")..token(&doc, "we") + 1);
        let drafts = absorbed(&doc, &facts, outer, inner);
        assert_eq!(drafts.len(), 2);
        let end = last_word(&doc, &drafts[0]);
        assert_eq!(end, Some("poor"));
    }

    #[test]
    fn a_report_joined_by_a_subordinator_is_the_outer_content() {
        let text = "Obi urged voters to quit the party after the governor claimed that it lied.";
        let (doc, _, facts) = prepared(text);
        let mut outer = cue_draft(&doc, "urged", &[("voters", "party")]);
        outer.source = Some(token(&doc, "Obi")..token(&doc, "Obi") + 1);
        let mut inner = cue_draft(&doc, "claimed", &[("that", "lied")]);
        inner.source = Some(token(&doc, "after") + 1..token(&doc, "governor") + 1);
        let drafts = absorbed(&doc, &facts, outer, inner);
        let end = last_word(&doc, &drafts[0]);
        assert_eq!(end, Some("lied"));
        assert_eq!(drafts.len(), 1);

        // after a comma, "while others said …" is a report of its own
        let text =
            "Half agreed that the plan is \"working,\" while the others claimed that it failed.";
        let (doc, _, facts) = prepared(text);
        let close = token(&doc, "while") - 1;
        let mut outer = cue_draft(&doc, "agreed", &[("that", "working")]);
        outer.content[0].end = close + 1;
        outer.source = Some(token(&doc, "Half")..token(&doc, "Half") + 1);
        let mut inner = cue_draft(&doc, "claimed", &[("it", "failed")]);
        inner.source = Some(token(&doc, "while") + 1..token(&doc, "others") + 1);
        let drafts = absorbed(&doc, &facts, outer, inner);
        let end = drafts[0].content.last().map(|r| r.end);
        assert_eq!(end, Some(close + 1), "the outer content keeps its own end");
    }

    #[test]
    fn a_cue_ending_its_paragraph_in_a_colon_takes_the_next_paragraph() {
        let text = "The council met late.\n\nMayor Ada Obi added:\n\nThis is the worst budget I have seen in years.\n";
        let found = claims(text);
        let added = found.iter().find(|(cue, _, _)| cue.starts_with("added"));
        let Some((_, source, content)) = added else {
            panic!("no claim for \"added:\" in {found:?}");
        };
        assert_eq!(source, "Mayor Ada Obi");
        assert_eq!(content, &["This is the worst budget I have seen in years"]);
    }

    #[test]
    fn a_parenthetical_report_is_not_a_false_cue_of_a_later_one() {
        let text = "Acts of protest, Ada Obi said, are acts of patriotism, whether it was sitting \
                    at a lunch counter in the 1960s or wearing a shirt with the words \
                    \u{201c}we will not move,\u{201d} as Ben Eze, lying on a sidewalk in Accra, \
                    said before his arrest.";
        let found = claims(text);
        let obi = found.iter().find(|(_, source, _)| source == "Ada Obi");
        let Some((cue, _, content)) = obi else {
            panic!("no claim by Ada Obi in {found:?}");
        };
        assert_eq!(cue, "said");
        assert_eq!(content.first().map(String::as_str), Some("Acts of protest"));
    }

    #[test]
    fn a_report_inside_another_content_is_part_of_it() {
        let found = claims(
            "The banner says \"Welcome home\" and is written in six languages, the mayor's \
             office said.",
        );
        let cues: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(cues, ["said"], "{found:?}");
        assert!(found[0].2[0].starts_with("The banner says"), "{found:?}");

        // ", and that …" reports a second part of the same statement: both stay
        let text = "Obi said the plan failed, and that the regulators consider it a risk.";
        let (doc, _, _) = prepared(text);
        let mut outer = cue_draft(&doc, "said", &[("the", "risk")]);
        outer.source = Some(token(&doc, "Obi")..token(&doc, "Obi") + 1);
        let mut inner = cue_draft(&doc, "consider", &[("it", "risk")]);
        inner.source = Some(token(&doc, "regulators") - 1..token(&doc, "regulators") + 1);
        let mut drafts = vec![outer, inner];
        drop_reports_inside_others(&doc, &mut drafts);
        assert_eq!(drafts.len(), 2);
    }

    #[test]
    fn a_report_in_a_relative_clause_ends_with_the_clause() {
        let found = claims(
            "Northwind Games Inc. sold two million players last year. The company, which \
             hopes to keep its lead in the music market, also said the gold version of the \
             player would be dropped.",
        );
        let hopes = found.iter().find(|c| c.0 == "hopes");
        assert_eq!(
            hopes.map(|c| c.2.clone()),
            Some(vec!["to keep its lead in the music market".to_string()]),
            "{found:?}"
        );
        assert!(found.iter().any(|c| c.0 == "also said"), "{found:?}");
    }

    #[test]
    fn an_earlier_quotation_stays_with_its_own_cue() {
        let found = claims(
            "Ms Obi said: \"In the last two years we have lost a third of our members.\" She \
             said there were about 40 clubs left in the region.",
        );
        let contents: Vec<Vec<&str>> = found
            .iter()
            .map(|c| c.2.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            contents,
            [
                vec!["In the last two years we have lost a third of our members."],
                vec!["there were about 40 clubs left in the region"]
            ],
            "{found:?}"
        );
    }

    #[test]
    fn a_sure_report_inside_another_ends_its_content() {
        let found = claims(
            "Mayor Ada Obi is telling a veterans group that the city’s budget is “depleted” \
             and says she will raise taxes next year.",
        );
        let said: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|c| (c.0.as_str(), c.2.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(said.len(), 2, "{found:?}");
        assert!(said[0].1.concat().ends_with("“depleted”"), "{found:?}");
        assert_eq!(said[1], ("says", vec!["she will raise taxes next year"]));

        let sure = |doc: &Document, verb: &str, src: Range<usize>, content: (&str, &str)| {
            let mut d = cue_draft(doc, verb, &[content]);
            d.cue.confidence = 0.95;
            d.source = Some(src);
            d
        };
        // a pronoun right after a noun opens a relative clause: still part of the outer
        let text = "Obi said she will spend the $5 million she says she raised on ads.";
        let (doc, _, _) = prepared(text);
        let obi = token(&doc, "Obi");
        let outer = sure(&doc, "said", obi..obi + 1, ("she", "ads"));
        let says = token(&doc, "says");
        let inner = sure(&doc, "says", says - 1..says, ("raised", "ads"));
        let mut drafts = vec![outer.clone(), inner];
        drop_reports_inside_others(&doc, &mut drafts);
        assert_eq!(drafts, [outer]);

        // the outer cue inside the inner source is a participle in an aside
        let text = "Obi, opening the museum on Saturday, said it would tell a story.";
        let (doc, _, _) = prepared(text);
        let obi = token(&doc, "Obi");
        let outer = sure(&doc, "opening", obi..obi + 1, ("the", "story"));
        let inner = sure(
            &doc,
            "said",
            obi..token(&doc, "Saturday") + 2,
            ("it", "story"),
        );
        let mut drafts = vec![outer, inner.clone()];
        drop_reports_inside_others(&doc, &mut drafts);
        assert_eq!(drafts, [inner]);
    }

    #[test]
    fn the_nesting_sweep_matches_the_definition() {
        let text = "One two three four five six seven eight nine ten eleven twelve thirteen \
                    fourteen fifteen sixteen seventeen eighteen nineteen twenty.";
        let (doc, _, _) = prepared(text);
        let n = doc.tokens.len();
        let mut seed = 12345u64;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        for _ in 0..200 {
            let drafts: Vec<Draft> = (0..1 + next(6))
                .map(|_| {
                    let c = next(n - 1);
                    // unsure cues: sure ones end the outer content instead
                    let cue = plain_cue(c..c + 1, c, 0.5);
                    let parts = (0..1 + next(2))
                        .map(|_| {
                            let a = next(n - 1);
                            a..a + 1 + next(n - a - 1)
                        })
                        .collect();
                    build(&cue, None, parts)
                })
                .collect();
            let naive: Vec<usize> = (0..drafts.len())
                .filter(|&j| {
                    let cue = &drafts[j].cue.tokens;
                    !drafts.iter().enumerate().any(|(k, d)| {
                        k != j
                            && d.content
                                .iter()
                                .any(|c| c.start <= cue.start && cue.end <= c.end)
                    })
                })
                .map(|j| drafts[j].cue.tokens.start)
                .collect();
            let mut swept = drafts.clone();
            drop_reports_inside_others(&doc, &mut swept);
            let kept: Vec<usize> = swept.iter().map(|d| d.cue.tokens.start).collect();
            assert_eq!(kept, naive);
        }
    }

    #[test]
    fn existential_there_is_neither_source_nor_cue() {
        let text = "Over the past two days there have been reports that the mayor will resign.";
        let (doc, ents, _) = prepared(text);
        let (have, reports) = (token(&doc, "have"), token(&doc, "reports"));
        let cue = plain_cue(have..reports + 1, reports, 0.5);
        let source = token(&doc, "Over")..token(&doc, "there") + 1;
        let content = token(&doc, "that") + 1..token(&doc, "resign") + 1;
        let mut d = build(&cue, Some(source), vec![content]);
        assert!(after_existential_there(&doc, &ents, &mut d));
        assert_eq!(d.cue.tokens, reports..reports + 1);
        assert_eq!(d.source, None, "a time phrase names no one");
    }

    #[test]
    fn a_source_of_function_words_names_no_one() {
        let text = "Having earlier criticised the plan, she said steadily the committee agreed.";
        let (doc, _, facts) = prepared(text);
        let at = |w: &str| token(&doc, w);
        assert!(!names_someone(
            &doc,
            &facts,
            &(at("Having")..at("criticised"))
        ));
        assert!(!names_someone(
            &doc,
            &facts,
            &(at("steadily")..at("steadily") + 1)
        ));
        assert!(names_someone(&doc, &facts, &(at("she")..at("she") + 1)));
        assert!(names_someone(&doc, &facts, &(at("the")..at("agreed"))));
    }
}
