//! Resolves pronouns ("he", "its", "they") and definite descriptions ("the group", "the
//! leader") to entities where the choice is clear enough.
//!
//! A reference looks back over the mentions of the last few sentences for the nearest
//! entity of a fitting type (preferring the person mentioned most so far read worse on
//! news: "… repaid Lord Ashcroft after he predicted …" is Ashcroft); a person who was
//! already "he" is never "she" (and the reverse). Pronouns inside a quotation are left alone when the quote's
//! speaker is unknown to this stage, except third-person ones. Everything is one pass over
//! the tokens with a bounded look-back.

use super::lexicon::{bit, Gender, Lexicon};
use super::{Cluster, MentionSpan, ReferenceSpan};
use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// What a reference can point at.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wants {
    /// A man ("he").
    Male,
    /// A woman ("she").
    Female,
    /// A person ("the leader").
    Person,
    /// An organisation or a country ("its").
    Thing,
    /// An organisation ("the group").
    Group,
    /// A country or a city ("the country").
    Place,
    /// A group of people or an organisation ("they").
    Plural,
}

fn pronoun(word: &str) -> Option<Wants> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Wants::Male),
        "she" | "her" | "hers" | "herself" => Some(Wants::Female),
        "its" | "itself" => Some(Wants::Thing),
        "they" | "them" | "their" | "theirs" | "themselves" => Some(Wants::Plural),
        _ => None,
    }
}

/// Nouns of definite descriptions ("the group") and what they name.
fn description(noun: &str) -> Option<Wants> {
    match noun {
        "group" | "organization" | "organisation" | "militants" | "company" | "agency"
        | "militia" | "movement" | "party" | "firm" | "ministry" | "department" | "network"
        | "alliance" | "coalition" | "government" | "administration" | "bank" | "council"
        | "committee" | "court" | "army" | "military" | "union" | "association" => {
            Some(Wants::Group)
        }
        "country" | "nation" | "city" | "kingdom" | "republic" | "state" | "capital"
        | "province" | "region" => Some(Wants::Place),
        "leader" | "secretary" | "president" | "minister" | "senator" | "spokesman"
        | "spokeswoman" | "official" | "chairman" | "chief" | "governor" | "mayor"
        | "ambassador" | "diplomat" | "general" | "commander" | "prime" | "premier" | "king"
        | "queen" | "prince" | "envoy" | "lawmaker" | "ceo" | "founder" | "director"
        | "chancellor" | "candidate" | "actor" | "singer" | "player" | "coach" | "judge"
        | "officer" => Some(Wants::Person),
        _ => None,
    }
}

/// Tokens `k..k + 3` are one hyphenated word ("Canada-based", "state-owned").
fn hyphen_compound(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens;
    k + 3 < t.len()
        && t[k].kind == TokenKind::Word
        && doc.token_text(k + 1) == "-"
        && !t[k + 1].space_before
        && !t[k + 2].space_before
        && t[k + 2].kind == TokenKind::Word
}

fn fits(wants: Wants, t: EntityType) -> bool {
    match wants {
        Wants::Male | Wants::Female | Wants::Person => t == EntityType::PERSON,
        Wants::Thing => matches!(t, EntityType::GPE | EntityType::ORG),
        Wants::Group => t == EntityType::ORG,
        Wants::Place => t == EntityType::GPE,
        Wants::Plural => matches!(t, EntityType::ORG | EntityType::NORP),
    }
}

/// Gender evidence of a mention: 1 = male, 2 = female, 0 = unknown. From its title
/// ("Mrs."), else from its given name ("Jacqueline Okoro") when the mention has a surname
/// after it.
fn mention_gender(doc: &Document, lex: &Lexicon, m: &MentionSpan) -> u8 {
    match title_gender(doc, m) {
        0 if m.tokens.len() > 1 => match lex.name_gender(doc.lower(m.tokens.start)) {
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
            None => 0,
        },
        g => g,
    }
}

/// Gender evidence of a mention's title: 1 = male, 2 = female, 0 = unknown.
fn title_gender(doc: &Document, m: &MentionSpan) -> u8 {
    let Some(t) = &m.title else { return 0 };
    let title = doc.text[t.clone()].to_lowercase();
    let first = title.split_whitespace().next().unwrap_or("");
    match first {
        "mr." | "mr" | "sir" | "lord" | "king" | "prince" | "sheikh" | "father" | "brother" => 1,
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "madam" | "dame" | "lady" | "queen"
        | "princess" | "sister" => 2,
        _ => 0,
    }
}

/// How many sentences back a reference may look.
const WINDOW: u32 = 3;

/// Adds resolved references to the clusters.
pub fn resolve(
    doc: &Document,
    mentions: &[MentionSpan],
    mention_cluster: &[usize],
    clusters: &mut [Cluster],
) {
    let lex = Lexicon::embedded();
    let mut next_mention = 0;
    // what titles and pronouns said of each cluster's gender
    let mut gender: Vec<u8> = vec![0; clusters.len()];
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        while next_mention < mentions.len() && mentions[next_mention].tokens.end <= i {
            let c = mention_cluster[next_mention];
            if gender[c] == 0 {
                gender[c] = mention_gender(doc, lex, &mentions[next_mention]);
            }
            next_mention += 1;
        }
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        let (wants, range) = if let Some(w) = pronoun(lower) {
            (w, i..i + 1)
        } else if lower == "the" && i + 1 < n {
            // "the group", "the foreign minister": the noun may follow one modifier
            let mut j = i + 1;
            let mut found = description(doc.lower(j));
            if found.is_none()
                && j + 1 < n
                && doc.tokens[j].kind == TokenKind::Word
                && !doc.token_text(j).starts_with(|c: char| c.is_uppercase())
            {
                j += 1;
                found = description(doc.lower(j));
            }
            // or one hyphenated modifier of where it is or who owns it ("the Canada-based
            // company", "the state-owned firm"); "the U.S.-led coalition" is a new one
            if found.is_none()
                && hyphen_compound(doc, i + 1)
                && matches!(
                    doc.lower(i + 3),
                    "based" | "owned" | "run" | "headquartered" | "controlled" | "backed"
                )
            {
                j = i + 4;
                found = doc.tokens.get(j).and_then(|_| description(doc.lower(j)));
            }
            match found {
                Some(w) if !is_followed_by_name(doc, lex, j + 1) => (w, i..j + 1),
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        let sentence = doc.token_sentence[i];
        let mut best: Option<(usize, (usize, usize))> = None;
        if range.len() > 1 && follows_a_name(doc, i) {
            // an apposition ("backs Omar Haddad, the leader who …") describes the name
            // right before it, found or not: never a referent further back
            let named = mentions[..next_mention]
                .iter()
                .rposition(|m| m.tokens.end + 1 == i)
                .filter(|&k| fits(wants, clusters[mention_cluster[k]].entity_type));
            match named {
                Some(k) => best = Some((k, (0, k))),
                None => {
                    i = range.end;
                    continue;
                }
            }
        }
        // an apposition has its referent already; otherwise the nearest fitting mention
        if best.is_none() {
            best = (0..next_mention)
                .rev()
                .take_while(|&k| doc.token_sentence[mentions[k].tokens.start] + WINDOW >= sentence)
                .find(|&k| {
                    let c = mention_cluster[k];
                    let clash = matches!((wants, gender[c]), (Wants::Male, 2) | (Wants::Female, 1));
                    fits(wants, clusters[c].entity_type) && !clash
                })
                .map(|k| (k, (0, k)));
        }
        if let Some((k, _)) = best {
            let m = &mentions[k];
            let c = mention_cluster[k];
            let distance = sentence - doc.token_sentence[m.tokens.start];
            let base = match wants {
                Wants::Male | Wants::Female => 0.8,
                Wants::Person | Wants::Group | Wants::Place => 0.7,
                Wants::Thing | Wants::Plural => 0.6,
            };
            let confidence = (base - 0.1 * distance as f32).max(0.3);
            match wants {
                Wants::Male => gender[c] = 1,
                Wants::Female => gender[c] = 2,
                _ => {}
            }
            clusters[c].references.push(ReferenceSpan {
                span: doc.token_span(range.clone()),
                tokens: range.clone(),
                confidence: (confidence * 100.0).round() / 100.0,
            });
        }
        i = range.end;
    }
}

/// Is token `i` right after "Name," (a capitalised word and a comma)?
fn follows_a_name(doc: &Document, i: usize) -> bool {
    i >= 2
        && doc.token_text(i - 1) == ","
        && doc.tokens[i - 2].kind == TokenKind::Word
        && doc
            .token_text(i - 2)
            .starts_with(|c: char| c.is_uppercase())
}

/// A capitalised word (not a title) right after the description: "the group Human
/// Rights Watch" names its referent itself.
fn is_followed_by_name(doc: &Document, lex: &Lexicon, i: usize) -> bool {
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && doc.token_text(i).starts_with(|c: char| c.is_uppercase())
        && !lex.flags(doc.lower(i)).has(bit::CUE)
}

#[cfg(test)]
mod tests {
    use crate::entities::extract;
    use crate::text::Document;

    fn refs(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let found = extract(&doc);
        let mut out = Vec::new();
        for c in &found.clusters {
            for r in &c.references {
                out.push((text[r.span.clone()].to_string(), c.label.clone()));
            }
        }
        out
    }

    #[test]
    fn pronouns_find_people() {
        let r = refs("Tunde Okoro visited Ankara on Friday. He said his talks went well.");
        assert!(
            r.contains(&("He".to_string(), "Tunde Okoro".to_string())),
            "{r:?}"
        );
        assert!(
            r.contains(&("his".to_string(), "Tunde Okoro".to_string())),
            "{r:?}"
        );
        // a woman's given name is not "he"
        let r = refs("Jacqueline Okoro visited Ankara on Friday. He said the talks went well.");
        assert!(!r.iter().any(|(p, _)| p == "He"), "{r:?}");
    }

    #[test]
    fn an_apposition_describes_the_name_before_it() {
        let r = refs(
            "Jane Okoro spoke on Friday. She said the council backs Tariq Nassar, the leader who \
             fuelled the war, and she met Omar Haddad, the minister, later.",
        );
        assert!(
            !r.iter()
                .any(|(t, l)| t == "the leader" && l == "Jane Okoro"),
            "{r:?}"
        );
        assert!(
            r.contains(&("the minister".to_string(), "Omar Haddad".to_string())),
            "{r:?}"
        );
    }

    #[test]
    fn gender_is_kept_apart() {
        let r = refs(
            "Mrs. Angela Merkel met Mr. Emmanuel Macron in Paris. She said the talks were useful.",
        );
        assert!(
            r.contains(&("She".to_string(), "Angela Merkel".to_string())),
            "{r:?}"
        );
    }

    #[test]
    fn a_pronoun_takes_the_nearest_fitting_person() {
        let r = refs(
            "Mr. Tunde Adeyemi spoke first. Adeyemi said the fund was sound, and Adeyemi \
             repeated it. The fund repaid Mr. Kofi Mensah after he asked for the money.",
        );
        assert!(
            r.contains(&("he".to_string(), "Kofi Mensah".to_string())),
            "{r:?}"
        );
    }

    #[test]
    fn a_description_may_have_a_hyphenated_modifier() {
        let r = refs(
            "Northwind Games Inc. is hiring actors. The Canada-based company said it wants faces.",
        );
        assert!(
            r.contains(&(
                "The Canada-based company".to_string(),
                "Northwind Games Inc.".to_string()
            )),
            "{r:?}"
        );
        // "the U.S.-led coalition" names a new group, not the last one
        let r =
            refs("Northwind Games Inc. cut jobs on Monday. The U.S.-led coalition struck back.");
        assert!(r.is_empty(), "{r:?}");
    }
}
