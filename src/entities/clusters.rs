//! Groups mentions into entities: the same name, a surname to the full name ("Okoro" →
//! "Jane Okoro"), an acronym to the name it abbreviates, computed from the name's words
//! ("ISIS" → "Islamic State of Iraq and Syria", "U.N." → "United Nations"), a short form
//! to its long form ("Islamic State"), aliases the lexicon lists under one canonical name
//! ("U.S." and "United States"); links nationalities to their country as `related`
//! ("French" → France); then ranks entities by salience.
//!
//! Every rule is a hash-map lookup, so clustering is linear in the number of mentions.

use std::collections::hash_map::Entry as MapEntry;

use super::features::FnvMap;
use super::lexicon::Lexicon;
use super::{Cluster, MentionSpan};
use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// Words skipped when forming an acronym ("Islamic State of Iraq and Syria" → ISIS).
const ACRONYM_SKIP: &[&str] = &[
    "of", "and", "the", "for", "&", "-", "de", "in", "on", "at", "to", "a", "an", "du", "des",
];

/// The words of a mention (possessive clitics and quote marks left out).
fn words<'a>(doc: &Document<'a>, m: &MentionSpan) -> Vec<&'a str> {
    m.tokens
        .clone()
        .filter(|&k| !matches!(doc.tokens[k].kind, TokenKind::Clitic | TokenKind::Quote))
        .map(|k| doc.token_text(k))
        .collect()
}

fn key(words: &[&str]) -> String {
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.extend(w.chars().flat_map(char::to_lowercase));
    }
    s
}

/// The acronym of a multi-word name: the first letters of its content words, upper-cased
/// (hyphenated parts count as words: "Al-Qaeda in the Arabian Peninsula" → AQAP).
pub fn acronym(words: &[&str]) -> Option<String> {
    let mut letters = String::new();
    let mut count = 0;
    for w in words {
        let lower = w.to_lowercase();
        if ACRONYM_SKIP.contains(&lower.as_str()) || !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        count += 1;
        if let Some(c) = w.chars().next() {
            letters.extend(c.to_uppercase());
        }
    }
    (count >= 2).then_some(letters)
}

/// An acronym as written, normalised: "U.N." → "UN", "ISIS" → "ISIS"; `None` unless it is
/// two or more capital letters (periods allowed).
fn acronym_form(word: &str) -> Option<String> {
    let bare: String = word.chars().filter(|c| *c != '.').collect();
    (bare.chars().count() >= 2 && bare.chars().all(|c| c.is_uppercase())).then_some(bare)
}

/// Does `short` abbreviate `long` (by its computed acronym)?
pub fn is_acronym_of(short: &str, long: &[&str]) -> bool {
    match (acronym_form(short), acronym(long)) {
        (Some(a), Some(b)) => long.len() >= 2 && a == b,
        _ => false,
    }
}

/// Types that can carry acronyms and short forms.
fn is_org_like(t: EntityType) -> bool {
    matches!(
        t,
        EntityType::ORG
            | EntityType::GPE
            | EntityType::LOC
            | EntityType::FAC
            | EntityType::EVENT
            | EntityType::LAW
            | EntityType::PRODUCT
            | EntityType::WORK_OF_ART
            | EntityType::NORP
    )
}

/// Where a mention can join an existing cluster.
#[derive(Default)]
struct Index {
    exact: FnvMap<String, usize>,
    canonical: FnvMap<String, usize>,
    /// Last word of multi-word PERSON names; `usize::MAX` when two people share it.
    surname: FnvMap<String, usize>,
    acronym: FnvMap<String, usize>,
    /// Leading word runs (two words or more) of longer names, with their type.
    prefix: FnvMap<(String, EntityType), usize>,
}

fn claim<K: std::hash::Hash + Eq>(map: &mut FnvMap<K, usize>, k: K, c: usize) {
    match map.entry(k) {
        MapEntry::Occupied(mut e) => {
            if *e.get() != c {
                *e.get_mut() = usize::MAX; // ambiguous: two entities share it
            }
        }
        MapEntry::Vacant(e) => {
            e.insert(c);
        }
    }
}

fn found(map: &FnvMap<String, usize>, k: &str) -> Option<usize> {
    map.get(k).copied().filter(|&c| c != usize::MAX)
}

/// Clusters the mentions; returns the clusters and each mention's cluster. Name
/// mentions of one cluster take the type most of its mentions (weighted by confidence)
/// carry ("Okoro" alone is as much a PERSON as "Jane Okoro").
pub fn build(
    doc: &Document,
    lex: &Lexicon,
    mentions: &mut [MentionSpan],
) -> (Vec<Cluster>, Vec<usize>) {
    let texts: Vec<Vec<&str>> = mentions.iter().map(|m| words(doc, m)).collect();
    let keys: Vec<String> = texts.iter().map(|w| key(w)).collect();
    // longest names first, so short forms find their long forms
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(texts[k].len()), k));
    let mut index = Index::default();
    let mut values: FnvMap<(String, EntityType), usize> = FnvMap::default();
    let mut n_clusters = 0usize;
    let mut assign = vec![usize::MAX; mentions.len()];
    for &k in &order {
        let m = &mentions[k];
        let w = &texts[k];
        if !m.entity_type.is_name() {
            let c = *values
                .entry((keys[k].clone(), m.entity_type))
                .or_insert_with(|| {
                    n_clusters += 1;
                    n_clusters - 1
                });
            assign[k] = c;
            continue;
        }
        let entry = lex.lookup_tokens(doc, m.tokens.clone());
        let canonical = entry
            .and_then(|e| e.canonical)
            .map(|c| lex.string(c).to_lowercase());
        let mut c = found(&index.exact, &keys[k]).or_else(|| {
            canonical
                .as_deref()
                .and_then(|c| found(&index.canonical, c))
        });
        if c.is_none() && w.len() == 1 {
            c = found(&index.surname, &keys[k]).or_else(|| {
                acronym_form(w[0]).and_then(|a| found(&index.acronym, &a.to_lowercase()))
            });
        }
        if c.is_none() && w.len() >= 2 && is_org_like(m.entity_type) {
            c = index
                .prefix
                .get(&(keys[k].clone(), m.entity_type))
                .copied()
                .filter(|&c| c != usize::MAX);
        }
        let c = c.unwrap_or_else(|| {
            n_clusters += 1;
            n_clusters - 1
        });
        assign[k] = c;
        // what later (shorter) mentions can join by
        claim(&mut index.exact, keys[k].clone(), c);
        if let Some(canon) = canonical {
            claim(&mut index.canonical, canon, c);
        }
        claim(&mut index.canonical, keys[k].clone(), c);
        if w.len() >= 2 {
            if m.entity_type == EntityType::PERSON {
                if let Some(last) = w.last() {
                    claim(&mut index.surname, last.to_lowercase(), c);
                }
            }
            if is_org_like(m.entity_type) {
                if let Some(a) = acronym(w) {
                    claim(&mut index.acronym, a.to_lowercase(), c);
                }
                for n in 2..w.len() {
                    if !ACRONYM_SKIP.contains(&w[n - 1].to_lowercase().as_str()) {
                        claim(&mut index.prefix, (key(&w[..n]), m.entity_type), c);
                    }
                }
            }
        }
    }

    // number clusters in order of first mention
    let mut first_seen = vec![usize::MAX; n_clusters];
    for (k, &c) in assign.iter().enumerate() {
        first_seen[c] = first_seen[c].min(k);
    }
    let mut by_first: Vec<usize> = (0..n_clusters).collect();
    by_first.sort_by_key(|&c| first_seen[c]);
    let mut renumber = vec![0; n_clusters];
    for (new, &old) in by_first.iter().enumerate() {
        renumber[old] = new;
    }
    let assign: Vec<usize> = assign.iter().map(|&c| renumber[c]).collect();

    // type by confidence-weighted vote; label = the longest name (first on ties)
    let mut votes: Vec<[f32; EntityType::ALL.len()]> =
        vec![[0.0; EntityType::ALL.len()]; n_clusters];
    let mut label_of: Vec<Option<usize>> = vec![None; n_clusters];
    for (k, &c) in assign.iter().enumerate() {
        let t = mentions[k].entity_type as usize;
        let weight = if texts[k].len() > 1 { 1.5 } else { 1.0 };
        // votes weigh the tagger's evidence (its scaled span margin), not the squashed
        // probability: a sure mention outvotes several hesitant ones
        votes[c][t] += weight * super::tagger::evidence(mentions[k].confidence).max(0.05);
        let better = match label_of[c] {
            None => true,
            Some(b) => texts[k].len() > texts[b].len(),
        };
        if better {
            label_of[c] = Some(k);
        }
    }
    let mut clusters: Vec<Cluster> = (0..n_clusters)
        .map(|c| {
            let head = label_of[c].unwrap_or(0);
            let mut entity_type = mentions[head].entity_type;
            if entity_type.is_name() {
                let mut best = f32::MIN;
                for t in EntityType::ALL {
                    if t.is_name() && votes[c][t as usize] > best {
                        best = votes[c][t as usize];
                        entity_type = t;
                    }
                }
            }
            // the label is the longest name as written (the words joined only for a
            // cluster with no mention, which never happens)
            let label = match label_of[c] {
                Some(h) => doc.text[mentions[h].span.clone()].to_string(),
                None => texts[head].join(" ").replace(" - ", "-"),
            };
            Cluster {
                entity_type,
                label,
                mentions: Vec::new(),
                aliases: Vec::new(),
                references: Vec::new(),
                related: Vec::new(),
                salience: 0.0,
            }
        })
        .collect();
    for (k, &c) in assign.iter().enumerate() {
        let cluster = &mut clusters[c];
        if mentions[k].entity_type.is_name() && cluster.entity_type.is_name() {
            mentions[k].entity_type = cluster.entity_type;
        }
        cluster.mentions.push(k);
        let text = &doc.text[mentions[k].span.clone()];
        if !cluster.aliases.iter().any(|a| a == text) {
            cluster.aliases.push(text.to_string());
        }
    }
    link_related(doc, lex, mentions, &assign, &mut clusters);
    (clusters, assign)
}

/// NORP clusters whose words are demonyms point at the country they name when the text
/// mentions it ("French" → France).
fn link_related(
    doc: &Document,
    lex: &Lexicon,
    mentions: &[MentionSpan],
    assign: &[usize],
    clusters: &mut [Cluster],
) {
    // places by their lower-cased names and canonical names
    let mut places: FnvMap<String, usize> = FnvMap::default();
    for (k, &c) in assign.iter().enumerate() {
        let m = &mentions[k];
        if !matches!(m.entity_type, EntityType::GPE | EntityType::LOC) {
            continue;
        }
        let entry = lex.lookup_tokens(doc, m.tokens.clone());
        places
            .entry(doc.text[m.span.clone()].to_lowercase())
            .or_insert(c);
        if let Some(canon) = entry.and_then(|e| e.canonical) {
            places.entry(lex.string(canon).to_lowercase()).or_insert(c);
        }
    }
    for (k, &c) in assign.iter().enumerate() {
        let m = &mentions[k];
        if m.entity_type != EntityType::NORP {
            continue;
        }
        let Some(target) = lex
            .lookup_tokens(doc, m.tokens.clone())
            .and_then(|e| e.demonym_of)
        else {
            continue;
        };
        let target = lex.string(target).to_lowercase();
        let canonical = lex
            .lookup([target.as_str()])
            .and_then(|e| e.canonical)
            .map(|x| lex.string(x).to_lowercase());
        let place = places
            .get(&target)
            .or_else(|| canonical.as_ref().and_then(|x| places.get(x)));
        if let Some(&p) = place {
            if p != c && !clusters[c].related.contains(&p) {
                clusters[c].related.push(p);
            }
        }
    }
    for c in clusters.iter_mut() {
        c.related.sort_unstable();
    }
}

/// Salience: how often (names and resolved references) and how early an entity is
/// mentioned, with a bonus for the headline or first paragraph, scaled to [0, 1].
pub fn score_salience(doc: &Document, mentions: &[MentionSpan], clusters: &mut [Cluster]) {
    let len = doc.text.len().max(1) as f32;
    let lead_end = doc
        .segments
        .paragraphs
        .get(1)
        .map_or(doc.text.len(), |p| p.end);
    let raw: Vec<f32> = clusters
        .iter()
        .map(|c| {
            let first = c
                .mentions
                .first()
                .map_or(len, |&k| mentions[k].span.start as f32);
            let weight = if c.entity_type.is_name() { 1.0 } else { 0.3 };
            let lead = if (first as usize) < lead_end {
                1.0
            } else {
                0.0
            };
            weight
                * (c.mentions.len() as f32 + 0.5 * c.references.len() as f32 + lead)
                * (1.5 - 0.5 * first / len)
        })
        .collect();
    let max = raw.iter().cloned().fold(0.0f32, f32::max);
    for (c, r) in clusters.iter_mut().zip(raw) {
        c.salience = if max > 0.0 {
            (r / max * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_computed() {
        assert!(is_acronym_of(
            "ISIS",
            &["Islamic", "State", "of", "Iraq", "and", "Syria"]
        ));
        assert!(is_acronym_of("U.N.", &["United", "Nations"]));
        assert!(is_acronym_of(
            "AQAP",
            &["Al", "-", "Qaeda", "in", "the", "Arabian", "Peninsula"]
        ));
        assert!(!is_acronym_of("ISIS", &["Islamic", "State"]));
        assert!(!is_acronym_of("Is", &["Islamic", "State"]));
    }

    fn clusters_of(text: &str) -> (Vec<Cluster>, Vec<(String, usize)>) {
        let doc = Document::new(text);
        let found = crate::entities::extract(&doc);
        let pairs = found
            .mentions
            .iter()
            .zip(&found.mention_cluster)
            .map(|(m, &c)| (text[m.span.clone()].to_string(), c))
            .collect();
        (found.clusters, pairs)
    }

    fn cluster_of(pairs: &[(String, usize)], name: &str) -> Option<usize> {
        pairs.iter().find(|(t, _)| t == name).map(|&(_, c)| c)
    }

    #[test]
    fn names_join_their_entities() {
        let text = "Secretary of State Jane Okoro met leaders of the Islamic State of Iraq and \
                    Syria. Okoro said ISIS was weak. The Islamic State denied it. Okoro said \
                    his French counterparts agreed, and France would help.";
        let (clusters, pairs) = clusters_of(text);
        let okoro = cluster_of(&pairs, "Jane Okoro");
        assert!(okoro.is_some());
        assert_eq!(cluster_of(&pairs, "Okoro"), okoro);
        let isis = cluster_of(&pairs, "Islamic State of Iraq and Syria");
        assert!(isis.is_some());
        assert_eq!(cluster_of(&pairs, "ISIS"), isis);
        assert_eq!(cluster_of(&pairs, "Islamic State"), isis);
        if let (Some(k), Some(i)) = (okoro, isis) {
            assert_eq!(clusters[k].label, "Jane Okoro");
            assert_eq!(clusters[i].label, "Islamic State of Iraq and Syria");
        }
        if let (Some(fr), Some(france)) =
            (cluster_of(&pairs, "French"), cluster_of(&pairs, "France"))
        {
            assert_eq!(clusters[fr].related, vec![france]);
        } else {
            panic!("French and France are mentions: {pairs:?}");
        }
    }
}
