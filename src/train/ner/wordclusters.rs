//! Word clusters learned from unlabelled text, a tagger feature that lets what is learned
//! about one word carry over to words used the same way ("Kalgoorlie" near "in", "town",
//! "of" behaves like the towns the corpora do annotate).
//!
//! Each word of the training texts (seen at least `min_count` times) is described by the
//! words right before and after it (PPMI-weighted counts over the most frequent words),
//! and the descriptions are grouped by spherical k-means: a fine clustering of the words,
//! and a coarse one of the fine centroids. Deterministic (k-means++ seeding from a fixed
//! seed, ties by index). Reads only the normalised train sets (texts of the NER sets,
//! PolNeAR, ClaimBuster and CLEF train splits).

use super::super::corpus::set_path;
use super::super::TrainError;
use crate::entities::features::{FnvMap, WordClusters};
use crate::tagger::LinearModel;
use crate::text::{Document, TokenKind};

/// How to cluster.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Fine clusters.
    pub fine: usize,
    /// Coarse clusters (of the fine centroids).
    pub coarse: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Context words: the most frequent ones.
    pub contexts: usize,
    /// k-means iterations.
    pub iterations: usize,
    /// Most words clustered.
    pub max_words: usize,
    /// Hash buckets of the stored word → cluster table (`2^bits`).
    pub bits: u32,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            fine: 512,
            coarse: 64,
            min_count: 2,
            contexts: 1000,
            iterations: 12,
            max_words: 60_000,
            bits: 18,
        }
    }
}

/// Texts the clusters are learned from: every train set's text (never dev or test).
pub fn training_texts(ner_paths: &[std::path::PathBuf]) -> Result<Vec<String>, TrainError> {
    #[derive(serde::Deserialize)]
    struct Text {
        text: String,
    }
    let mut out = Vec::new();
    let mut paths: Vec<std::path::PathBuf> = ner_paths.to_vec();
    for name in ["attr-polnear", "claims-claimbuster", "claims-clef2019"] {
        paths.push(set_path("train", name)?);
    }
    for p in paths {
        for t in super::super::corpus::read_jsonl::<Text>(&p)? {
            out.push(t.text);
        }
    }
    Ok(out)
}

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A sparse unit vector: (dimension, value) sorted by dimension.
type Sparse = Vec<(u32, f32)>;

fn dot(v: &Sparse, c: &[f32]) -> f32 {
    v.iter().map(|&(d, x)| x * c[d as usize]).sum()
}

/// Spherical k-means of unit vectors into `k` clusters; returns each vector's cluster
/// and the centroids (dimension `dims`).
fn kmeans(
    vs: &[Sparse],
    dims: usize,
    k: usize,
    iterations: usize,
    seed: u64,
) -> (Vec<u32>, Vec<Vec<f32>>) {
    let k = k.min(vs.len()).max(1);
    let mut rng = Rng(seed);
    // k-means++ seeding on cosine distance
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    let densify = |v: &Sparse| {
        let mut c = vec![0.0f32; dims];
        for &(d, x) in v {
            c[d as usize] = x;
        }
        c
    };
    centroids.push(densify(&vs[(rng.next() % vs.len() as u64) as usize]));
    let mut dist: Vec<f64> = vs
        .iter()
        .map(|v| (1.0 - dot(v, &centroids[0]) as f64).max(0.0))
        .collect();
    while centroids.len() < k {
        let total: f64 = dist.iter().map(|d| d * d).sum();
        let pick = if total <= 0.0 {
            (rng.next() % vs.len() as u64) as usize
        } else {
            let mut r = rng.unit() * total;
            let mut pick = vs.len() - 1;
            for (i, d) in dist.iter().enumerate() {
                r -= d * d;
                if r <= 0.0 {
                    pick = i;
                    break;
                }
            }
            pick
        };
        let c = densify(&vs[pick]);
        for (i, v) in vs.iter().enumerate() {
            let d = (1.0 - dot(v, &c) as f64).max(0.0);
            if d < dist[i] {
                dist[i] = d;
            }
        }
        centroids.push(c);
    }
    let mut assign = vec![0u32; vs.len()];
    for _ in 0..iterations {
        let mut changed = 0usize;
        for (i, v) in vs.iter().enumerate() {
            let mut best = 0usize;
            let mut score = f32::MIN;
            for (c, centroid) in centroids.iter().enumerate() {
                let s = dot(v, centroid);
                if s > score {
                    score = s;
                    best = c;
                }
            }
            if assign[i] != best as u32 {
                changed += 1;
            }
            assign[i] = best as u32;
        }
        for c in centroids.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (v, &a) in vs.iter().zip(&assign) {
            let c = &mut centroids[a as usize];
            for &(d, x) in v {
                c[d as usize] += x;
            }
        }
        for c in centroids.iter_mut() {
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
        if changed == 0 {
            break;
        }
    }
    (assign, centroids)
}

/// Learns word clusters from `texts`; returns the stored table (see [`WordClusters`])
/// and how many words it holds.
pub fn learn(texts: &[String], opts: &ClusterOptions) -> (LinearModel, usize) {
    // word counts and context counts
    let mut ids: FnvMap<String, u32> = FnvMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut docs: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    const NONE: u32 = u32::MAX;
    for t in texts {
        let doc = Document::new(t);
        let mut seq = Vec::with_capacity(doc.tokens.len() + 2);
        for (i, tok) in doc.tokens.iter().enumerate() {
            let id = if tok.kind == TokenKind::Word {
                let w = doc.lower(i);
                match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = words.len() as u32;
                        ids.insert(w.to_string(), id);
                        words.push(w.to_string());
                        counts.push(0);
                        id
                    }
                }
            } else {
                NONE
            };
            if id != NONE {
                counts[id as usize] += 1;
            }
            // sentence ends count as a boundary context
            if i > 0 && doc.token_sentence[i] != doc.token_sentence[i - 1] {
                seq.push(NONE - 1);
            }
            seq.push(id);
        }
        docs.push(seq);
    }
    // vocabulary (by frequency, ties by first appearance) and context words
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    order.sort_by_key(|&w| (std::cmp::Reverse(counts[w as usize]), w));
    let mut vocab_index = vec![u32::MAX; words.len()];
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&w| counts[w as usize] >= opts.min_count)
        .take(opts.max_words)
        .collect();
    for (k, &w) in vocab.iter().enumerate() {
        vocab_index[w as usize] = k as u32;
    }
    let mut context_index = vec![u32::MAX; words.len()];
    for (k, &w) in order.iter().take(opts.contexts).enumerate() {
        context_index[w as usize] = k as u32;
    }
    // dimensions: left context c → c, right → contexts + c, plus two for boundaries/other
    let dims = 2 * opts.contexts + 4;
    let ctx_dim = |tok: u32, right: bool| -> u32 {
        let base = if right { opts.contexts as u32 } else { 0 };
        if tok == NONE - 1 {
            2 * opts.contexts as u32 + right as u32 // sentence boundary
        } else if tok == NONE {
            2 * opts.contexts as u32 + 2 + right as u32 // punctuation, numbers
        } else {
            match context_index[tok as usize] {
                u32::MAX => u32::MAX,
                c => base + c,
            }
        }
    };
    let mut co: Vec<FnvMap<u32, u32>> = vec![FnvMap::default(); vocab.len()];
    let mut dim_totals = vec![0f64; dims];
    for seq in &docs {
        for (i, &w) in seq.iter().enumerate() {
            if w >= NONE - 1 {
                continue;
            }
            let v = vocab_index[w as usize];
            if v == u32::MAX {
                continue;
            }
            let left = if i > 0 { seq[i - 1] } else { NONE - 1 };
            let right = seq.get(i + 1).copied().unwrap_or(NONE - 1);
            for d in [ctx_dim(left, false), ctx_dim(right, true)] {
                if d != u32::MAX {
                    *co[v as usize].entry(d).or_default() += 1;
                    dim_totals[d as usize] += 1.0;
                }
            }
        }
    }
    let total: f64 = dim_totals.iter().sum::<f64>().max(1.0);
    // PPMI vectors, unit length
    let vectors: Vec<Sparse> = co
        .iter()
        .map(|m| {
            let row_total: f64 = m.values().map(|&c| c as f64).sum::<f64>().max(1.0);
            let mut v: Sparse = m
                .iter()
                .filter_map(|(&d, &c)| {
                    let pmi = ((c as f64 * total) / (row_total * dim_totals[d as usize])).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_by_key(|&(d, _)| d);
            let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect();
    let (fine, centroids) = kmeans(&vectors, dims, opts.fine, opts.iterations, 0xc1u64);
    let centroid_vectors: Vec<Sparse> = centroids
        .iter()
        .map(|c| {
            c.iter()
                .enumerate()
                .filter(|(_, &x)| x != 0.0)
                .map(|(d, &x)| (d as u32, x))
                .collect()
        })
        .collect();
    let (coarse, _) = kmeans(
        &centroid_vectors,
        dims,
        opts.coarse,
        opts.iterations,
        0xc2u64,
    );
    // the stored table: bucket of the word → (fine + 1, coarse + 1)
    let buckets = 1usize << opts.bits;
    let mut weights = vec![0.0f32; buckets * 2];
    for (k, &w) in vocab.iter().enumerate() {
        let b = WordClusters::bucket(&words[w as usize], opts.bits);
        let f = fine[k];
        weights[b * 2] = (f + 1) as f32;
        weights[b * 2 + 1] = (coarse.get(f as usize).copied().unwrap_or(0) + 1) as f32;
    }
    // exact small integers: quantise with scale 1
    let table = LinearModel {
        labels: 2,
        buckets,
        weights: weights.iter().map(|&w| w as i16).collect(),
        scale: 1.0,
    };
    (table, vocab.len())
}
