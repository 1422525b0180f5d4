//! Resolves pronouns ("he", "its") and definite descriptions ("the group") to entities,
//! where the choice is clear enough: the nearest earlier mention of a compatible type.

use super::{Cluster, MentionSpan, ReferenceSpan};
use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// What a reference can point at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wants {
    Person,
    Thing,
    Group,
}

fn pronoun(word: &str) -> Option<Wants> {
    match word {
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
            Some(Wants::Person)
        }
        "it" | "its" | "itself" => Some(Wants::Thing),
        _ => None,
    }
}

/// Nouns of definite descriptions ("the group") and what they name.
fn description(noun: &str) -> Option<Wants> {
    match noun {
        "group" | "organization" | "organisation" | "militants" | "company" | "agency"
        | "militia" => Some(Wants::Group),
        "country" | "nation" | "city" | "kingdom" | "republic" => Some(Wants::Thing),
        "leader" | "secretary" | "president" | "minister" | "senator" | "spokesman"
        | "spokeswoman" | "official" => Some(Wants::Person),
        _ => None,
    }
}

fn fits(wants: Wants, t: EntityType) -> bool {
    match wants {
        Wants::Person => t == EntityType::PERSON,
        Wants::Thing => matches!(t, EntityType::GPE | EntityType::ORG),
        Wants::Group => t == EntityType::ORG,
    }
}

/// Adds resolved references to the clusters.
pub fn resolve(
    doc: &Document,
    mentions: &[MentionSpan],
    mention_cluster: &[usize],
    clusters: &mut [Cluster],
) {
    let mut next_mention = 0;
    // mentions of each cluster so far
    let mut counts: Vec<usize> = vec![0; clusters.len()];
    let mut i = 0;
    while i < doc.tokens.len() {
        while next_mention < mentions.len() && mentions[next_mention].tokens.end <= i {
            counts[mention_cluster[next_mention]] += 1;
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
        } else if lower == "the" && i + 1 < doc.tokens.len() {
            match description(doc.lower(i + 1)) {
                Some(w) if !is_followed_by_name(doc, i + 2) => (w, i..i + 2),
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        // among fitting entities mentioned in the last three sentences, the one mentioned
        // most so far (news keeps returning to its protagonist); ties go to the nearest
        let sentence = doc.token_sentence[i];
        let found = mentions[..next_mention]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| doc.token_sentence[m.tokens.start] + 3 >= sentence)
            .filter(|(_, m)| {
                doc.token_sentence[m.tokens.start] + 3 >= sentence && fits(wants, m.entity_type)
            })
            .max_by_key(|(k, _)| {
                (
                    if wants == Wants::Person {
                        counts[mention_cluster[*k]]
                    } else {
                        0
                    },
                    *k,
                )
            });
        if let Some((k, m)) = found {
            let distance = sentence - doc.token_sentence[m.tokens.start];
            let confidence = if distance == 0 {
                0.8
            } else {
                0.7 - 0.1 * distance as f32
            };
            clusters[mention_cluster[k]].references.push(ReferenceSpan {
                span: doc.token_span(range.clone()),
                tokens: range.clone(),
                confidence,
            });
        }
        i = range.end;
    }
}

fn is_followed_by_name(doc: &Document, i: usize) -> bool {
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && doc.token_text(i).starts_with(|c: char| c.is_uppercase())
}
