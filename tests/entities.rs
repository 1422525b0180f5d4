//! The entity stage end to end: the embedded model loads (quickly), the spec's span
//! rules hold on the kinds of sentences news is made of, clusters and references come out
//! as section 3 asks, and nothing panics or leaves the text on arbitrary Unicode.

use claimlens::entities::{self, tagger::NerTagger};
use claimlens::schema::EntityType;
use claimlens::text::Document;
use proptest::prelude::*;

fn mentions(text: &str) -> Vec<(String, EntityType)> {
    let doc = Document::new(text);
    entities::extract(&doc)
        .mentions
        .iter()
        .map(|m| (text[m.span.clone()].to_string(), m.entity_type))
        .collect()
}

fn has(text: &str, span: &str, t: EntityType) {
    let m = mentions(text);
    assert!(
        m.iter().any(|(s, ty)| s == span && *ty == t),
        "{span:?} {t:?} not in {m:?}"
    );
}

fn lacks(text: &str, span: &str) {
    let m = mentions(text);
    assert!(m.iter().all(|(s, _)| s != span), "{span:?} found in {m:?}");
}

#[test]
fn embedded_model_loads_fast() {
    let t = std::time::Instant::now();
    let tagger = NerTagger::embedded();
    let elapsed = t.elapsed();
    let tagger = tagger.expect("the embedded name model loads");
    assert!(tagger.types().iter().any(|t| t == "PERSON"));
    assert!(tagger.meta().iter().any(|(k, _)| k == "command"));
    // generous for debug builds and busy machines; release loads in a few ms
    assert!(elapsed.as_millis() < 2000, "loading took {elapsed:?}");
    assert!(entities::names::model_error().is_none());
}

#[test]
fn titles_stay_outside_person_spans() {
    let text = "Secretary of State John Kerry said the U.S. would not take Iran up on its offer.";
    has(text, "John Kerry", EntityType::PERSON);
    lacks(text, "Secretary of State John Kerry");
    let doc = Document::new(text);
    let found = entities::extract(&doc);
    let kerry = found
        .mentions
        .iter()
        .find(|m| &text[m.span.clone()] == "John Kerry")
        .expect("John Kerry is a mention");
    assert_eq!(
        kerry.title.as_ref().map(|t| &text[t.clone()]),
        Some("Secretary of State")
    );
}

#[test]
fn the_and_possessives_stay_outside() {
    let text = "The White House on Thursday said it backed Turkey’s plan, and Turkey agreed.";
    has(text, "White House", EntityType::ORG);
    lacks(text, "The White House");
    has(text, "Turkey", EntityType::GPE);
    lacks(text, "Turkey’s");
}

#[test]
fn names_inside_hyphenated_modifiers() {
    let text = "Turkey announced that it would join the U.S.-led anti-ISIS coalition.";
    has(text, "U.S.", EntityType::GPE);
    has(text, "ISIS", EntityType::ORG);
}

#[test]
fn nested_names_are_not_split() {
    let text =
        "Kerry would not take Iran up on its offer to fight the Islamic State of Iraq and Syria.";
    has(text, "Islamic State of Iraq and Syria", EntityType::ORG);
    lacks(text, "Syria");
}

#[test]
fn values_follow_ontonotes() {
    let text = "Kerry said as many as 40 countries have offered help over the past 48 hours, \
                earlier this week, and the group holds dozens of hostages worth $1.13bn.";
    has(text, "as many as 40", EntityType::CARDINAL);
    has(text, "the past 48 hours", EntityType::DATE);
    has(text, "earlier this week", EntityType::DATE);
    has(text, "dozens", EntityType::CARDINAL);
    has(text, "$1.13bn", EntityType::MONEY);
}

#[test]
fn places_split_into_gpe_and_loc() {
    let text = "Pirates operate in the Gulf of Aden, far from Paris and the Middle East.";
    has(text, "Gulf of Aden", EntityType::LOC);
    has(text, "Paris", EntityType::GPE);
    has(text, "Middle East", EntityType::LOC);
}

#[test]
fn entities_cluster_and_resolve() {
    let text = "Secretary of State John Kerry met Turkish leaders in Ankara on Friday. \
                Kerry said the Islamic State of Iraq and Syria was losing ground. \
                He said ISIS fighters had fled and Turkey would help.";
    let doc = Document::new(text);
    let found = entities::extract(&doc);
    let cluster = |name: &str| {
        found
            .mentions
            .iter()
            .zip(&found.mention_cluster)
            .find(|(m, _)| &text[m.span.clone()] == name)
            .map(|(_, &c)| c)
    };
    let kerry = cluster("John Kerry").expect("John Kerry");
    assert_eq!(cluster("Kerry"), Some(kerry));
    assert_eq!(found.clusters[kerry].label, "John Kerry");
    let isis = cluster("Islamic State of Iraq and Syria").expect("the long name");
    assert_eq!(cluster("ISIS"), Some(isis));
    // "He" resolves to Kerry
    let refs: Vec<&str> = found.clusters[kerry]
        .references
        .iter()
        .map(|r| &text[r.span.clone()])
        .collect();
    assert!(refs.contains(&"He"), "{refs:?}");
    // the nationality points at the country
    let turkish = cluster("Turkish").expect("Turkish");
    let turkey = cluster("Turkey").expect("Turkey");
    assert_eq!(found.clusters[turkish].related, vec![turkey]);
    // salience in [0, 1], Kerry the most salient
    assert!(found
        .clusters
        .iter()
        .all(|c| (0.0..=1.0).contains(&c.salience)));
    assert_eq!(found.clusters[kerry].salience, 1.0);
    // lookups used by the claim stage
    let he = (0..doc.tokens.len())
        .find(|&i| doc.token_text(i) == "He")
        .expect("He");
    assert_eq!(found.reference_at_token(he), Some(kerry));
}

/// Pieces that stress the entity stage: names, titles, values, quotes, hyphens, scripts.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "’s",
    "-",
    "—",
    ".",
    ",",
    "Mr.",
    "Secretary of State",
    "John",
    "Kerry",
    "U.S.",
    "-led",
    "anti-",
    "ISIS",
    "Islamic State",
    "the",
    "The",
    "of",
    "Turkey",
    "French",
    "40",
    "1,000",
    "$",
    "3.5%",
    "Friday",
    "March 5, 2014",
    "as many as",
    "dozens",
    "said",
    "he",
    "his",
    "they",
    "the group",
    "e\u{301}",
    "👩\u{200d}👩\u{200d}👧",
    "مرحبا",
    "東京",
    "\u{a0}",
    "’",
    "(",
    ")",
    "St.",
    "al-",
    "Assad",
    "Gulf of",
    "Aden",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_stays_in_bounds(parts in prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            "\\PC{0,8}",
        ],
        0..40,
    )) {
        let text: String = parts.concat();
        let doc = Document::new(&text);
        let found = entities::extract(&doc);
        prop_assert_eq!(found.mentions.len(), found.mention_cluster.len());
        for (m, &c) in found.mentions.iter().zip(&found.mention_cluster) {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.tokens.start < m.tokens.end && m.tokens.end <= doc.tokens.len());
            prop_assert!(c < found.clusters.len());
            prop_assert!((0.0..=1.0).contains(&m.confidence));
            if let Some(t) = &m.title {
                prop_assert!(t.end <= m.span.start && text.is_char_boundary(t.start));
            }
        }
        for w in found.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "mentions overlap");
        }
        for c in &found.clusters {
            prop_assert!((0.0..=1.0).contains(&c.salience));
            prop_assert!(c.mentions.iter().all(|&k| k < found.mentions.len()));
            prop_assert!(c.related.iter().all(|&r| r < found.clusters.len()));
            for r in &c.references {
                prop_assert!(r.span.end <= text.len() && text.is_char_boundary(r.span.start));
            }
        }
    }
}

#[test]
fn a_bad_model_is_an_error_not_a_panic() {
    assert!(NerTagger::from_bytes(b"").is_err());
    assert!(NerTagger::from_bytes(b"CLMODEL\0\x02\x00garbage").is_err());
    let good = std::fs::read("models/ner.clm").expect("the model is in the repo");
    assert!(NerTagger::from_bytes(&good[..good.len() / 2]).is_err());
    // the fallback rules still find names
    let doc = Document::new("Secretary of State John Kerry visited Turkey on Friday.");
    let names = claimlens::entities::fallback::find(&doc);
    assert!(!names.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn damaged_models_never_panic(cut in 0usize..4096, flips in prop::collection::vec((0usize..4096, any::<u8>()), 0..8)) {
        let good = std::fs::read("models/ner.clm").expect("the model is in the repo");
        let mut bytes = good[..good.len().saturating_sub(cut)].to_vec();
        for (at, v) in flips {
            if !bytes.is_empty() {
                let k = (at * 7919) % bytes.len();
                bytes[k] ^= v;
            }
        }
        let _ = NerTagger::from_bytes(&bytes);
    }
}
