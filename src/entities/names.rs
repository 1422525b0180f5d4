//! Name mentions (PERSON, NORP, ORG, GPE, LOC, FAC, PRODUCT): the learned tagger's
//! spans, typed (the corpora's single "place" type split into GPE and LOC by the place
//! lexicon and name heads), with titles kept outside PERSON spans. Falls back to
//! capitalisation rules ([`super::fallback`]) when the model does not load.

use std::ops::Range;

use super::features::DocContext;
use super::lexicon::{bit, Lexicon, PlaceKind};
use super::tagger::NerTagger;
use super::{fallback, NameSpan};
use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// Finds the names of a document with the embedded tagger (or the fallback rules).
pub fn find(doc: &Document, ctx: &DocContext, lex: &Lexicon) -> Vec<NameSpan> {
    match NerTagger::embedded() {
        Ok(tagger) => find_with(doc, ctx, lex, tagger),
        Err(e) => {
            report_load_error(e);
            fallback::find(doc)
        }
    }
}

/// Says once (on stderr, natively) that the model did not load.
fn report_load_error(e: &crate::tagger::ModelError) {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        #[cfg(not(target_arch = "wasm32"))]
        eprintln!(
            "claimlens: the name tagger's model did not load ({e}); using capitalisation rules"
        );
        #[cfg(target_arch = "wasm32")]
        let _ = e;
    });
}

/// The error that made the entity stage fall back to rules, if any.
pub fn model_error() -> Option<&'static crate::tagger::ModelError> {
    NerTagger::embedded().err()
}

/// Finds the names of a document with `tagger`.
pub fn find_with(
    doc: &Document,
    ctx: &DocContext,
    lex: &Lexicon,
    tagger: &NerTagger,
) -> Vec<NameSpan> {
    let types: Vec<Option<EntityType>> = tagger
        .types()
        .iter()
        .map(|t| match t.as_str() {
            "PLACE" => Some(EntityType::GPE),
            other => EntityType::parse(other),
        })
        .collect();
    let mut out = Vec::new();
    for span in tagger.tag(doc, ctx) {
        let Some(mut entity_type) = types.get(span.type_index).copied().flatten() else {
            continue;
        };
        if tagger.types()[span.type_index] == "PLACE" {
            entity_type = place_type(doc, &span.tokens, lex);
        }
        entity_type = refine(doc, lex, &span.tokens, entity_type, span.confidence);
        let title = if entity_type == EntityType::PERSON {
            title_before(doc, ctx, span.tokens.start)
        } else {
            None
        };
        out.push(NameSpan {
            tokens: span.tokens,
            entity_type,
            title,
            confidence: span.confidence,
        });
    }
    hyphenated_names(doc, lex, &mut out);
    propagate(doc, ctx, &mut out);
    out
}

/// Document-level consistency: a multi-word name the tagger found once is a name wherever
/// it recurs (capitalised, not already part of a mention), and an all-capitals word that is the
/// computed acronym of a multi-word name in the document ("ISIS" after "Islamic State of
/// Iraq and Syria") is that kind of name too. A capitalised word at a sentence start that
/// the document also uses in lower case is left alone ("Turkey" / "turkey" aside, "Chief"
/// and "chief").
fn propagate(doc: &Document, ctx: &DocContext, out: &mut Vec<NameSpan>) {
    use super::features::FnvMap;
    let n = doc.tokens.len();
    if out.is_empty() || n == 0 {
        return;
    }
    // known names by their first token's text: (token texts, type)
    let mut known: FnvMap<&str, Vec<(Vec<&str>, EntityType)>> = FnvMap::default();
    let mut acronyms: FnvMap<String, EntityType> = FnvMap::default();
    for s in out.iter() {
        let words: Vec<&str> = s.tokens.clone().map(|k| doc.token_text(k)).collect();
        if !words[0].starts_with(char::is_uppercase) {
            continue;
        }
        // repeats of multi-word names only: single words recur in too many other uses
        if words.len() >= 2 {
            let list = known.entry(words[0]).or_default();
            if !list.iter().any(|(w, _)| *w == words) {
                list.push((words.clone(), s.entity_type));
            }
        }
        if words.len() >= 2 && s.entity_type != EntityType::PERSON {
            if let Some(a) = super::clusters::acronym(&words) {
                if a.chars().count() >= 2 {
                    acronyms.entry(a).or_insert(s.entity_type);
                }
            }
        }
    }
    for list in known.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    let mut covered = vec![false; n];
    for s in out.iter() {
        for c in &mut covered[s.tokens.clone()] {
            *c = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        let t = doc.token_text(i);
        if covered[i] || doc.tokens[i].kind != TokenKind::Word || !t.starts_with(char::is_uppercase)
        {
            i += 1;
            continue;
        }
        let initial = i == 0 || doc.token_sentence[i] != doc.token_sentence[i - 1];
        // (the document context knows which words also occur in lower case)
        if initial && ctx.seen_in_lower_case(i) {
            i += 1;
            continue;
        }
        let sentence = doc.token_sentence[i];
        let matched = known.get(t).and_then(|list| {
            list.iter().find(|(words, _)| {
                let end = i + words.len();
                end <= n
                    && doc.token_sentence[end - 1] == sentence
                    && (i..end).all(|k| !covered[k])
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| doc.token_text(i + k) == *w)
            })
        });
        let found = matched.map(|(w, ty)| (w.len(), *ty)).or_else(|| {
            let all_caps = t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && t.chars().all(|c| c.is_uppercase() || c == '.');
            let bare: String = t.chars().filter(|c| *c != '.').collect();
            all_caps
                .then(|| acronyms.get(&bare).map(|&ty| (1, ty)))
                .flatten()
        });
        match found {
            Some((len, entity_type)) => {
                for c in &mut covered[i..i + len] {
                    *c = true;
                }
                added.push(NameSpan {
                    tokens: i..i + len,
                    entity_type,
                    title: None,
                    confidence: 0.5,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|s| (s.tokens.start, s.tokens.end));
    }
}

/// Corrects the tagger's type with what the lexicons know for certain about the exact
/// name (OntoNotes types a name by what it is, whatever its role in the sentence): a
/// listed organisation that is no place is an ORG ("White House" is not a GPE); a listed
/// country, state or city that is no organisation and no everyday word is a GPE even
/// where the tagger read it as acting like an organisation ("Turkey announced").
fn refine(
    doc: &Document,
    lex: &Lexicon,
    tokens: &Range<usize>,
    t: EntityType,
    _confidence: f32,
) -> EntityType {
    let Some(e) = lex.lookup_tokens(doc, tokens.clone()) else {
        return t;
    };
    let f = e.flags;
    let org = f.has(bit::ORG);
    let gpe = e.place == Some(PlaceKind::Gpe);
    let common = f.has(bit::COMMON);
    match t {
        EntityType::GPE | EntityType::LOC | EntityType::FAC if org && e.place.is_none() => {
            EntityType::ORG
        }
        EntityType::ORG if gpe && !org && !common && f.has(bit::COUNTRY) => EntityType::GPE,
        _ => t,
    }
}

/// Prefixes that make a name a modifier ("anti-ISIS", "pro-Russian").
const NAME_PREFIXES: &[&str] = &[
    "anti", "ex", "mid", "neo", "non", "pan", "post", "pre", "pro",
];

/// Names inside hyphenated modifiers ("U.S.-led", "Iran-backed", "anti-ISIS") that the
/// tagger left out: the spec counts them, the corpora mostly do not. Only words the
/// lexicons list as a place, organisation or group, or that are a name elsewhere in the
/// document, are taken.
fn hyphenated_names(doc: &Document, lex: &Lexicon, out: &mut Vec<NameSpan>) {
    let n = doc.tokens.len();
    let covered = |out: &[NameSpan], i: usize| out.iter().any(|s| s.tokens.contains(&i));
    let mut added = Vec::new();
    for i in 0..n {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word || !doc.token_text(i).starts_with(char::is_uppercase) {
            continue;
        }
        let before_hyphen = i + 2 < n
            && doc.tokens[i + 1].kind == TokenKind::Hyphen
            && doc.token_text(i + 2).starts_with(char::is_lowercase);
        let after_prefix = i >= 2
            && doc.tokens[i - 1].kind == TokenKind::Hyphen
            && NAME_PREFIXES.contains(&doc.lower(i - 2));
        if !(before_hyphen || after_prefix) || covered(out, i) {
            continue;
        }
        // a name elsewhere in the document lends its type
        let same = out
            .iter()
            .find(|s| s.tokens.len() == 1 && doc.lower(s.tokens.start) == doc.lower(i))
            .map(|s| s.entity_type);
        let listed = lex.lookup_tokens(doc, i..i + 1).and_then(|e| {
            let f = e.flags;
            if f.has(bit::COMMON) {
                None
            } else if let Some(k) = e.place {
                Some(if k == PlaceKind::Loc {
                    EntityType::LOC
                } else {
                    EntityType::GPE
                })
            } else if f.has(bit::ORG) {
                Some(EntityType::ORG)
            } else if f.has(bit::DEMONYM) || f.has(bit::NORP) {
                Some(EntityType::NORP)
            } else {
                None
            }
        });
        if let Some(entity_type) = same.or(listed) {
            added.push(NameSpan {
                tokens: i..i + 1,
                entity_type,
                title: None,
                confidence: 0.6,
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|s| (s.tokens.start, s.tokens.end));
    }
}

/// Head words of non-GPE places (regions, water, relief).
const LOC_HEADS: &[&str] = &[
    "basin",
    "bay",
    "beach",
    "canal",
    "canyon",
    "cape",
    "channel",
    "coast",
    "continent",
    "delta",
    "desert",
    "forest",
    "glacier",
    "gulf",
    "heights",
    "highlands",
    "hills",
    "island",
    "islands",
    "lake",
    "lakes",
    "mount",
    "mountain",
    "mountains",
    "mt.",
    "ocean",
    "peninsula",
    "plain",
    "plains",
    "plateau",
    "range",
    "region",
    "river",
    "sea",
    "shore",
    "straits",
    "strait",
    "valley",
    "volcano",
    "waters",
    "woods",
];

/// GPE or LOC for a place span: the lexicon's word when it lists the name, else by its
/// head words ("Gulf of Aden", "Mount Sinjar", "Tigris River" are LOC), else GPE.
pub fn place_type(doc: &Document, tokens: &Range<usize>, lex: &Lexicon) -> EntityType {
    match lex.lookup_tokens(doc, tokens.clone()).and_then(|e| e.place) {
        Some(PlaceKind::Gpe) => return EntityType::GPE,
        Some(PlaceKind::Loc) => return EntityType::LOC,
        None => {}
    }
    let loc = tokens
        .clone()
        .any(|k| LOC_HEADS.binary_search(&doc.lower(k)).is_ok());
    if loc {
        EntityType::LOC
    } else {
        EntityType::GPE
    }
}

/// Words that continue a title leftwards or rightwards ("Foreign Minister", "Secretary
/// of State", "Deputy Prime Minister"), beyond the lexicon's title words.
const TITLE_PARTS: &[&str] = &[
    "acting",
    "assistant",
    "chief",
    "defence",
    "defense",
    "deputy",
    "executive",
    "first",
    "foreign",
    "former",
    "general",
    "health",
    "home",
    "interior",
    "justice",
    "senior",
    "state",
    "supreme",
    "trade",
    "treasury",
    "vice",
];

fn is_title_word(ctx: &DocContext, k: usize) -> bool {
    ctx.lex[k].has(bit::TITLE)
}

fn is_title_part(doc: &Document, k: usize) -> bool {
    TITLE_PARTS.binary_search(&doc.lower(k)).is_ok()
}

/// The byte range of a title right before a person's name ("Secretary of State" before
/// "Jane Okoro"), if there is one: title words, their modifiers ("Foreign", "Deputy")
/// and "of" + a capitalised word, starting with a title word or modifier and holding at
/// least one title word.
pub fn title_before(doc: &Document, ctx: &DocContext, start: usize) -> Option<Range<usize>> {
    let sentence = doc.token_sentence.get(start).copied()?;
    let mut j = start;
    while j > 0 && doc.token_sentence[j - 1] == sentence && start - j < 6 {
        let k = j - 1;
        if doc.tokens[k].kind != TokenKind::Word {
            break;
        }
        let capital = doc.token_text(k).starts_with(|c: char| c.is_uppercase());
        let ok = is_title_word(ctx, k)
            || is_title_part(doc, k)
            || (doc.lower(k) == "of"
                && k > 0
                && (is_title_word(ctx, k - 1) || is_title_part(doc, k - 1)))
            || (capital && k > 0 && doc.lower(k - 1) == "of");
        if !ok {
            break;
        }
        j = k;
    }
    while j < start && !(is_title_word(ctx, j) || is_title_part(doc, j)) {
        j += 1;
    }
    ((j..start).any(|k| is_title_word(ctx, k)))
        .then(|| doc.tokens[j].start..doc.tokens[start - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str, name: &str) -> Option<String> {
        let doc = Document::new(text);
        let lex = Lexicon::embedded();
        let ctx = DocContext::new(&doc, lex);
        let start = (0..doc.tokens.len())
            .find(|&k| doc.token_text(k) == name)
            .expect("name in text");
        title_before(&doc, &ctx, start).map(|r| text[r].to_string())
    }

    #[test]
    fn titles_stay_outside() {
        assert_eq!(
            title("Secretary of State Jane Okoro said", "Jane").as_deref(),
            Some("Secretary of State")
        );
        assert_eq!(
            title("U.S. Secretary of State Jane Okoro said", "Jane").as_deref(),
            Some("Secretary of State")
        );
        assert_eq!(
            title("Syrian President Omar Haddad said", "Omar").as_deref(),
            Some("President")
        );
        assert_eq!(
            title("said Foreign Minister Sergei Lavrov", "Sergei").as_deref(),
            Some("Foreign Minister")
        );
        assert_eq!(title("when Jane Okoro said", "Jane"), None);
        assert_eq!(title("Mr. Smith said", "Smith").as_deref(), Some("Mr."));
    }

    #[test]
    fn places_split() {
        let lex = Lexicon::embedded();
        let doc = Document::new("the Gulf of Aden and Paris");
        assert_eq!(place_type(&doc, &(1..4), lex), EntityType::LOC);
        assert_eq!(place_type(&doc, &(5..6), lex), EntityType::GPE);
    }
}
