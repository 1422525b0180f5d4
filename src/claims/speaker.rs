//! Speaker resolution: which entity a source span refers to.
//!
//! In order: a name mention inside the source ("Okoro", "U.S. officials", "Edward Rendell,
//! a former governor"), a reference the entity stage resolved ("he" → Jane Okoro), a
//! description matching a mention's title ("the secretary" → the entity titled "Secretary
//! of State"), and for a personal pronoun the entity stage left alone, the latest speaker
//! or person before it. A source that resolves to nothing keeps `speaker: None`.

use std::ops::Range;

use super::cues::Cue;
use super::features::TokenFacts;
use crate::entities::lexicon::{Gender, Lexicon};
use crate::entities::Entities;
use crate::schema::EntityType;
use crate::text::Document;

/// Resolves sources to entities, remembering the speakers so far.
pub struct Speakers<'a> {
    doc: &'a Document<'a>,
    entities: &'a Entities,
    facts: &'a TokenFacts,
    /// (last source token, entity) of each resolved speaker, in text order of resolution.
    history: Vec<(usize, usize)>,
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i", "me"];
const GROUP_PRONOUNS: &[&str] = &["they", "them", "we", "us", "it"];
/// How many tokens back a pronoun may look for its person.
const LOOKBACK: usize = 200;

impl<'a> Speakers<'a> {
    /// A resolver over one document.
    pub fn new(doc: &'a Document<'a>, entities: &'a Entities, facts: &'a TokenFacts) -> Self {
        Speakers {
            doc,
            entities,
            facts,
            history: Vec::new(),
        }
    }

    /// The entity `source` refers to, if it resolves.
    pub fn resolve(&mut self, source: Option<Range<usize>>, cue: &Cue) -> Option<usize> {
        let source = source?;
        // "he said" right after a report by a man is that man again, whoever the entity
        // stage took the pronoun for (the nearest person: "a director at Gartner")
        let found = self
            .by_mention(&source)
            .or_else(|| self.recent_speaker(&source, cue));
        let found = found.or_else(|| {
            source
                .clone()
                .find_map(|k| (self.facts.reference.get(k).copied()? as usize).checked_sub(1))
        });
        let found = found
            .or_else(|| self.by_relative(&source))
            .or_else(|| self.by_title(&source))
            .or_else(|| self.by_pronoun(&source, cue));
        if let Some(e) = found {
            // recorded at the source's end: names inside it ("Ada Obi, a director at
            // Gartner,") are not someone else named since
            self.history.push((source.end.saturating_sub(1), e));
        }
        found
    }

    /// The first person named inside the source, else its first name mention (its head
    /// name: "Okoro, who visited Turkey" is Okoro; "Acme spokesman Ada Obi" is Ada Obi).
    fn by_mention(&self, source: &Range<usize>) -> Option<usize> {
        let ms = &self.entities.mentions;
        let k0 = ms.partition_point(|m| m.tokens.end <= source.start);
        let inside = || {
            ms[k0..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.tokens.start < source.end)
                .filter(|(_, m)| {
                    m.entity_type.is_name()
                        && m.tokens.start >= source.start
                        && m.tokens.end <= source.end
                        && !(m.entity_type != EntityType::PERSON && self.in_compound(m.tokens.end))
                })
        };
        inside()
            .find(|(_, m)| m.entity_type == EntityType::PERSON)
            .or_else(|| inside().next())
            .and_then(|(j, _)| self.entities.mention_cluster.get(k0 + j).copied())
    }

    /// A name ending before token `next` is part of a hyphenated modifier ("the
    /// Canada-based company", "U.S.-led forces"): it describes the speaker, it is not
    /// the speaker.
    fn in_compound(&self, next: usize) -> bool {
        let tokens = &self.doc.tokens;
        matches!(
            self.doc.tokens.get(next).map(|t| t.text(self.doc.text)),
            Some("-")
        ) && tokens.get(next).is_some_and(|t| !t.space_before)
            && tokens.get(next + 1).is_some_and(|t| !t.space_before)
    }

    /// A "he"/"she" source within a few sentences of the last resolved speaker of the
    /// same kind: that speaker, when nobody else was named in between.
    fn recent_speaker(&self, source: &Range<usize>, cue: &Cue) -> Option<usize> {
        if source.len() != 1 || !matches!(self.doc.lower(source.start), "he" | "she") {
            return None;
        }
        let &(at, e) = self.history.last()?;
        let here = source.start.min(cue.tokens.start);
        let sentences = |t: usize| self.doc.token_sentence.get(t).copied();
        let (Some(a), Some(b)) = (sentences(at), sentences(here)) else {
            return None;
        };
        // within the report's own sentence the pronoun is in its content: "… repaid
        // Lord Ashcroft after he predicted …" is left to the nearest person
        if at >= here || b <= a || b > a + 3 {
            return None;
        }
        // another person named since the last report, outside its sentence and outside
        // quotations, may be the one the pronoun means
        let ms = &self.entities.mentions;
        let from = ms.partition_point(|m| m.tokens.start <= at);
        let other_person = ms[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.tokens.start < here)
            .any(|(j, m)| {
                m.entity_type == EntityType::PERSON
                    && self.entities.mention_cluster.get(from + j) != Some(&e)
                    && sentences(m.tokens.start) != Some(a)
                    && self.facts.quote.get(m.tokens.start) == Some(&0)
            });
        let person = self.entities.clusters.get(e)?.entity_type == EntityType::PERSON;
        (person && !other_person).then_some(e)
    }

    /// A relative pronoun after a comma ("Okoro, who visited Ayr, said"; "the ministry,
    /// which …"): the name just before it, when its type fits the pronoun.
    fn by_relative(&self, source: &Range<usize>) -> Option<usize> {
        let person = match self.doc.lower(source.start) {
            "who" => true,
            "which" => false,
            _ => return None,
        };
        // only after a comma: "a staffer at the State Department who told" speaks for
        // the staffer, not the department
        let end = source.start.checked_sub(1)?;
        if source.len() != 1 || self.doc.token_text(end) != "," {
            return None;
        }
        let ms = &self.entities.mentions;
        let k = ms.partition_point(|m| m.tokens.end < end);
        let m = ms.get(k).filter(|m| m.tokens.end == end)?;
        let fits = match m.entity_type {
            EntityType::PERSON | EntityType::NORP => person,
            EntityType::ORG => true,
            EntityType::GPE => !person,
            _ => false,
        };
        fits.then(|| self.entities.mention_cluster.get(k).copied())
            .flatten()
    }

    /// A description ("the secretary", "the president") whose noun is in the title of a
    /// person mentioned before: the latest such person.
    fn by_title(&self, source: &Range<usize>) -> Option<usize> {
        let doc = self.doc;
        let last = source
            .clone()
            .rev()
            .find(|&k| doc.tokens[k].is_wordlike())?;
        let first = doc.lower(source.start);
        if !matches!(first, "the" | "our" | "this" | "that") || source.len() > 4 {
            return None;
        }
        let noun = doc.lower(last);
        if noun.len() < 4 {
            return None;
        }
        let ms = &self.entities.mentions;
        let end = ms.partition_point(|m| m.tokens.start < source.start);
        let at = source.start;
        ms[..end]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| m.tokens.end + 4 * LOOKBACK >= at)
            .find_map(|(k, m)| {
                let title = m.title.as_ref()?;
                let title = doc.text.get(title.clone())?;
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(noun))
                    .then(|| self.entities.mention_cluster.get(k).copied())
                    .flatten()
            })
    }

    /// A personal pronoun source the entity stage did not resolve: the latest speaker of
    /// the same kind, else the latest person (or, for "they"/"it", group) mentioned.
    fn by_pronoun(&self, source: &Range<usize>, cue: &Cue) -> Option<usize> {
        if source.len() != 1 {
            return None;
        }
        let w = self.doc.lower(source.start);
        let person = PERSON_PRONOUNS.contains(&w);
        let group = GROUP_PRONOUNS.contains(&w);
        if !person && !group {
            return None;
        }
        if matches!(w, "i" | "me" | "we" | "us") {
            return None; // first person inside a quotation: the quoted speaker, unknown here
        }
        // a given name that says the other sex rules a person out ("he" is not Jacqueline)
        let other_sex = match w {
            "he" | "him" => Some(Gender::Female),
            "she" | "her" => Some(Gender::Male),
            _ => None,
        };
        let fits = |e: usize| {
            let c = self.entities.clusters.get(e);
            let t = c.map(|c| c.entity_type);
            if person {
                let sex = c.and_then(|c| {
                    let mut words = c.label.split_whitespace();
                    let first = words.next()?;
                    words.next()?; // a given name needs a surname after it
                    Lexicon::embedded().name_gender(&first.to_lowercase())
                });
                t == Some(EntityType::PERSON) && (sex.is_none() || sex != other_sex)
            } else {
                matches!(
                    t,
                    Some(EntityType::ORG | EntityType::GPE | EntityType::NORP)
                )
            }
        };
        let at = source.start.min(cue.tokens.start);
        if let Some(&(_, e)) = self
            .history
            .iter()
            .rev()
            .take_while(|(t, _)| *t + LOOKBACK >= at)
            .find(|(_, e)| fits(*e))
        {
            return Some(e);
        }
        let ms = &self.entities.mentions;
        let end = ms.partition_point(|m| m.tokens.start < at);
        ms[..end]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| m.tokens.end + LOOKBACK >= at)
            .find_map(|(k, _)| {
                let e = *self.entities.mention_cluster.get(k)?;
                fits(e).then_some(e)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::cues::make_cue;
    use crate::entities;

    /// The label of the speaker resolved for the source from word `first` up to (or,
    /// when `through` is set, through) word `last`, with the cue "said".
    fn speaker_of(text: &str, first: &str, last: &str, through: bool) -> Option<String> {
        let doc = Document::new(text);
        let ents = entities::extract(&doc);
        let facts = TokenFacts::new(&doc, &ents);
        let at = |w: &str| (0..doc.tokens.len()).find(|&k| doc.token_text(k) == w);
        let (Some(start), Some(end), Some(said)) = (at(first), at(last), at("said")) else {
            panic!("tokens missing");
        };
        let cue = make_cue(&doc, &facts, said..said + 1);
        let mut speakers = Speakers::new(&doc, &ents, &facts);
        let source = start..end + usize::from(through);
        let speaker = speakers.resolve(Some(source), &cue);
        speaker.map(|e| ents.clusters[e].label.clone())
    }

    #[test]
    fn a_relative_pronoun_after_a_comma_is_the_name_before_it() {
        let text = "The protest drew hundreds, said Tomas Berg, who organised it.";
        let label = speaker_of(text, "who", "who", true);
        assert_eq!(label.as_deref(), Some("Tomas Berg"));
    }

    #[test]
    fn a_place_in_a_hyphenated_modifier_is_not_the_speaker() {
        let text = "Rain fell all day. The Canada-based company said it was hiring.";
        let label = speaker_of(text, "The", "said", false);
        assert_ne!(label.as_deref(), Some("Canada"));
    }
}
