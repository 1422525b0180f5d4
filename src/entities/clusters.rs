//! Groups mentions into entities: identical names, surnames to full names, acronyms to the
//! names they abbreviate, short forms to long forms; then ranks entities by salience.

use super::{Cluster, MentionSpan};
use crate::schema::EntityType;
use crate::text::Document;

/// Words skipped when forming an acronym ("Islamic State of Iraq and Syria" → ISIS).
const ACRONYM_SKIP: &[&str] = &["of", "and", "the", "for", "&", "-", "de", "in", "on"];

fn words<'a>(doc: &Document<'a>, m: &MentionSpan) -> Vec<&'a str> {
    m.tokens
        .clone()
        .map(|k| doc.token_text(k))
        .filter(|w| !matches!(*w, "’s" | "'s"))
        .collect()
}

/// The acronym of a multi-word name, by its capitalised words.
fn acronym(words: &[&str]) -> Option<String> {
    let letters: String = words
        .iter()
        .filter(|w| !ACRONYM_SKIP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2).then(|| letters.to_uppercase())
}

fn is_acronym_of(short: &str, long: &[&str]) -> bool {
    let bare: String = short.chars().filter(|c| *c != '.').collect();
    if bare.len() < 2 || !bare.chars().all(|c| c.is_uppercase()) || long.len() < 2 {
        return false;
    }
    acronym(long).is_some_and(|a| a == bare)
}

/// Does `short` name the same thing as `long` in a shorter form?
fn joins(short: &[&str], short_type: EntityType, long: &[&str], long_type: EntityType) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    if short == long {
        return short_type == long_type || short_type.is_name() && long_type.is_name();
    }
    match long_type {
        // "Kerry" → "John Kerry"; "John" alone is too vague
        EntityType::PERSON => short.len() == 1 && long.last() == short.first(),
        EntityType::ORG
        | EntityType::GPE
        | EntityType::LOC
        | EntityType::FAC
        | EntityType::EVENT => {
            (short.len() == 1 && is_acronym_of(short[0], long))
                || (short.len() >= 2 && long.starts_with(short))
        }
        _ => false,
    }
}

/// Clusters the mentions; returns the clusters and each mention's cluster. A name that
/// joins a cluster takes the cluster's type ("Kerry" alone is as much a PERSON as "John
/// Kerry").
pub fn build(doc: &Document, mentions: &mut [MentionSpan]) -> (Vec<Cluster>, Vec<usize>) {
    let texts: Vec<Vec<&str>> = mentions.iter().map(|m| words(doc, m)).collect();
    // longest names first, so short forms find their long forms
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(texts[k].len()), k));
    let mut heads: Vec<usize> = Vec::new(); // head mention of each cluster
    let mut assign = vec![usize::MAX; mentions.len()];
    for &k in &order {
        let m = &mentions[k];
        let found = heads.iter().position(|&h| {
            let lower_eq = !m.entity_type.is_name()
                && mentions[h].entity_type == m.entity_type
                && doc.text[mentions[h].span.clone()]
                    .eq_ignore_ascii_case(&doc.text[m.span.clone()]);
            lower_eq
                || (m.entity_type.is_name()
                    && mentions[h].entity_type.is_name()
                    && joins(&texts[k], m.entity_type, &texts[h], mentions[h].entity_type))
        });
        assign[k] = match found {
            Some(c) => c,
            None => {
                heads.push(k);
                heads.len() - 1
            }
        };
    }
    let mut clusters: Vec<Cluster> = heads
        .iter()
        .map(|&h| Cluster {
            entity_type: mentions[h].entity_type,
            label: doc.text[mentions[h].span.clone()].to_string(),
            mentions: Vec::new(),
            aliases: Vec::new(),
            references: Vec::new(),
            related: Vec::new(),
            salience: 0.0,
        })
        .collect();
    // number clusters in order of first mention
    let mut first_seen = vec![usize::MAX; clusters.len()];
    for (k, &c) in assign.iter().enumerate() {
        first_seen[c] = first_seen[c].min(k);
    }
    let mut by_first: Vec<usize> = (0..clusters.len()).collect();
    by_first.sort_by_key(|&c| first_seen[c]);
    let mut renumber = vec![0; clusters.len()];
    for (new, &old) in by_first.iter().enumerate() {
        renumber[old] = new;
    }
    let mut sorted: Vec<Option<Cluster>> = vec![None; clusters.len()];
    for (old, c) in clusters.drain(..).enumerate() {
        sorted[renumber[old]] = Some(c);
    }
    let mut clusters: Vec<Cluster> = sorted.into_iter().flatten().collect();
    let assign: Vec<usize> = assign.iter().map(|&c| renumber[c]).collect();
    for (k, &c) in assign.iter().enumerate() {
        let cluster = &mut clusters[c];
        if mentions[k].entity_type.is_name() && cluster.entity_type.is_name() {
            mentions[k].entity_type = cluster.entity_type;
        }
        cluster.mentions.push(k);
        let text = doc.text[mentions[k].span.clone()].to_string();
        if !cluster.aliases.contains(&text) {
            cluster.aliases.push(text);
        }
    }
    (clusters, assign)
}

/// Salience: how often and how early an entity is mentioned, scaled to [0, 1].
pub fn score_salience(doc: &Document, mentions: &[MentionSpan], clusters: &mut [Cluster]) {
    let len = doc.text.len().max(1) as f32;
    let raw: Vec<f32> = clusters
        .iter()
        .map(|c| {
            let first = c
                .mentions
                .first()
                .map_or(1.0, |&k| mentions[k].span.start as f32 / len);
            let weight = if c.entity_type.is_name() { 1.0 } else { 0.3 };
            weight
                * (c.mentions.len() as f32 + 0.5 * c.references.len() as f32)
                * (1.5 - 0.5 * first)
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
        assert!(!is_acronym_of("ISIS", &["Islamic", "State"]));
    }

    #[test]
    fn surname_joins_full_name() {
        assert!(joins(
            &["Kerry"],
            EntityType::PERSON,
            &["John", "Kerry"],
            EntityType::PERSON
        ));
        assert!(!joins(
            &["John"],
            EntityType::PERSON,
            &["John", "Kerry"],
            EntityType::PERSON
        ));
        assert!(joins(
            &["Islamic", "State"],
            EntityType::ORG,
            &["Islamic", "State", "of", "Iraq", "and", "Syria"],
            EntityType::ORG
        ));
    }
}
