//! A BILOU sequence model as the claim taggers use it: hashed emission weights plus learned
//! tag transitions, decoded with the shared constrained Viterbi, and the structured
//! averaged-perceptron trainer that fits both (training builds only).

use crate::tagger::viterbi::Transitions;

/// Allowed predecessor tags of each tag, with their transition scores, for a fast Viterbi
/// that skips forbidden transitions.
#[derive(Debug, Clone, PartialEq)]
struct Lattice {
    tags: usize,
    /// (previous tag, score) pairs allowed before each tag.
    prev: Vec<Vec<(usize, f32)>>,
    /// The same scores as a full table, `dense[prev * tags + next]`, −inf where the
    /// transition is forbidden (for [`Self::decode_fixed`]).
    dense: Vec<f32>,
    /// Score of starting with each tag (−inf when forbidden).
    start: Vec<f32>,
    /// May the sequence end on each tag?
    end: Vec<bool>,
}

impl Lattice {
    fn new(bilou: &Bilou, trans: &Transitions) -> Lattice {
        let tags = bilou.tags();
        let prev: Vec<Vec<(usize, f32)>> = (0..tags)
            .map(|t| {
                (0..tags)
                    .map(|p| (p, trans.score(Some(p), t)))
                    .filter(|(_, s)| s.is_finite())
                    .collect()
            })
            .collect();
        let mut dense = vec![f32::NEG_INFINITY; tags * tags];
        for (next, allowed) in prev.iter().enumerate() {
            for &(p, score) in allowed {
                dense[p * tags + next] = score;
            }
        }
        Lattice {
            tags,
            prev,
            dense,
            start: (0..tags).map(|t| trans.score(None, t)).collect(),
            end: (0..tags).map(|t| bilou.allowed_last(t)).collect(),
        }
    }

    /// Best tags for `emissions` (`len * tags`); `back` is scratch space.
    fn decode(&self, emissions: &[f32], best: &mut Vec<f32>, back: &mut Vec<u8>) -> Vec<usize> {
        match self.tags {
            5 => self.decode_fixed::<5>(emissions, back),
            9 => self.decode_fixed::<9>(emissions, back),
            _ => self.decode_any(emissions, best, back),
        }
    }

    /// [`Self::decode`] for exactly `N` tags: the scores of the last token live in
    /// registers rather than in a table, and the loops unroll. Every previous tag is
    /// tried for all next tags at once, in the same order as the sparse loop: a forbidden
    /// one scores −inf, never strictly better, so it picks the same tags, without the
    /// branches.
    fn decode_fixed<const N: usize>(&self, emissions: &[f32], back: &mut Vec<u8>) -> Vec<usize> {
        if emissions.len() < N || self.prev.len() != N || self.dense.len() != N * N {
            return Vec::new();
        }
        let mut trans = [[f32::NEG_INFINITY; N]; N];
        for (row, scores) in trans.iter_mut().zip(self.dense.chunks_exact(N)) {
            row.copy_from_slice(scores);
        }
        let len = emissions.len() / N;
        back.clear();
        back.resize(len * N, 0);
        let mut last = [f32::NEG_INFINITY; N];
        for t in 0..N {
            last[t] = emissions[t] + self.start[t];
        }
        for (em, bk) in emissions
            .chunks_exact(N)
            .zip(back.chunks_exact_mut(N))
            .skip(1)
        {
            let mut b = [f32::NEG_INFINITY; N];
            let mut arg = [0u8; N];
            for (p, row) in trans.iter().enumerate() {
                let lp = last[p];
                for t in 0..N {
                    let v = lp + row[t];
                    let better = v > b[t];
                    b[t] = if better { v } else { b[t] };
                    arg[t] = if better { p as u8 } else { arg[t] };
                }
            }
            for t in 0..N {
                last[t] = b[t] + em[t];
            }
            bk.copy_from_slice(&arg);
        }
        let mut end = 0;
        let mut b = f32::NEG_INFINITY;
        for (t, (&v, &may_end)) in last.iter().zip(&self.end).enumerate() {
            if may_end && v > b {
                b = v;
                end = t;
            }
        }
        let mut tags = vec![0; len];
        tags[len - 1] = end;
        for i in (1..len).rev() {
            tags[i - 1] = back[i * N + tags[i]] as usize;
        }
        tags
    }

    /// [`Self::decode`] for any number of tags.
    fn decode_any(&self, emissions: &[f32], best: &mut Vec<f32>, back: &mut Vec<u8>) -> Vec<usize> {
        let n = self.tags;
        if n == 0 || emissions.is_empty() {
            return Vec::new();
        }
        let len = emissions.len() / n;
        best.clear();
        best.resize(len * n, f32::NEG_INFINITY);
        back.clear();
        back.resize(len * n, 0);
        for t in 0..n {
            best[t] = emissions[t] + self.start[t];
        }
        for i in 1..len {
            let (done, rest) = best.split_at_mut(i * n);
            let last = &done[(i - 1) * n..];
            for t in 0..n {
                let mut b = f32::NEG_INFINITY;
                let mut arg = 0;
                for &(p, s) in &self.prev[t] {
                    let v = last[p] + s;
                    if v > b {
                        b = v;
                        arg = p;
                    }
                }
                rest[t] = b + emissions[i * n + t];
                back[i * n + t] = arg as u8;
            }
        }
        let mut last = 0;
        let mut b = f32::NEG_INFINITY;
        for t in 0..n {
            let v = best[(len - 1) * n + t];
            if self.end[t] && v > b {
                b = v;
                last = t;
            }
        }
        let mut tags = vec![0; len];
        tags[len - 1] = last;
        for i in (1..len).rev() {
            tags[i - 1] = back[i * n + tags[i]] as usize;
        }
        tags
    }
}

/// How many tokens ahead [`SeqModel::emissions`] prefetches weight rows.
const PREFETCH_AHEAD: usize = 8;

/// Scratch buffers of decoding, reused across sequences.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    emissions: Vec<f32>,
    best: Vec<f32>,
    back: Vec<u8>,
}

impl Scratch {
    /// Emission score of `tag` at token `k` of the last decoded sequence (`tags` per token).
    pub fn emission(&self, k: usize, tag: usize, tags: usize) -> f32 {
        self.emissions.get(k * tags + tag).copied().unwrap_or(0.0)
    }
}
use crate::tagger::{Bilou, LinearModel, ModelError, ModelFile};

/// Features of a token sequence, flattened: token `k` has `feats[ends[k-1]..ends[k]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeqFeatures {
    /// All feature buckets, token after token.
    pub feats: Vec<u32>,
    /// End of each token's features in `feats`.
    pub ends: Vec<u32>,
}

impl SeqFeatures {
    /// Empties it, keeping the allocations.
    pub fn clear(&mut self) {
        self.feats.clear();
        self.ends.clear();
    }

    /// Closes the current token: the features pushed since the last call are its own.
    pub fn end_token(&mut self) {
        self.ends.push(self.feats.len() as u32);
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Features of token `k`.
    pub fn token(&self, k: usize) -> &[u32] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.feats[start..self.ends[k] as usize]
    }
}

/// A loaded sequence tagger.
#[derive(Debug, Clone)]
pub struct SeqModel {
    /// Its tag set.
    pub bilou: Bilou,
    /// Emission weights.
    pub emission: LinearModel,
    /// Transition scores with the BILOU constraints.
    pub transitions: Transitions,
    /// Hash bits of its feature buckets.
    pub bits: u32,
    /// The transitions as a sparse lattice.
    lattice: Lattice,
    /// Subtracted from the outside tag's score of every token: above zero, the model
    /// finds more spans (recall for precision). Stored as meta "outside_bias".
    pub outside_bias: f32,
    /// Platt scaling of a span's margin into a probability that it is right (meta
    /// "platt_a", "platt_b"); `None` when the model has none.
    pub platt: Option<(f32, f32)>,
}

impl SeqModel {
    /// Reads a model file with tables "emission" and "transition".
    pub fn from_file(file: &ModelFile, types: &[&str]) -> Result<SeqModel, ModelError> {
        SeqModel::build(file.table("emission")?.clone(), file, types)
    }

    /// [`SeqModel::from_file`] for a file the caller no longer needs: its emission table
    /// (megabytes) is moved into the model rather than copied.
    pub fn from_model(mut file: ModelFile, types: &[&str]) -> Result<SeqModel, ModelError> {
        let emission = file.take_table("emission")?;
        SeqModel::build(emission, &file, types)
    }

    /// The model of `emission` and the rest of `file` (its "transition" table and meta).
    fn build(
        emission: LinearModel,
        file: &ModelFile,
        types: &[&str],
    ) -> Result<SeqModel, ModelError> {
        let bilou = Bilou::new(types.iter().copied());
        let trans = file.table("transition")?;
        let tags = bilou.tags();
        if emission.labels != tags || trans.labels != tags || trans.buckets != tags + 1 {
            return Err(ModelError::Corrupt("tag count does not match the tag set"));
        }
        if !emission.buckets.is_power_of_two() {
            return Err(ModelError::Corrupt("bucket count is not a power of two"));
        }
        let learned: Vec<f32> = trans
            .weights
            .iter()
            .map(|&w| w as f32 * trans.scale)
            .collect();
        let mut transitions = Transitions::from_bilou(&bilou);
        transitions.add_scores(&learned);
        let outside_bias = file
            .meta
            .iter()
            .find(|(k, _)| k == "outside_bias")
            .and_then(|(_, v)| v.parse::<f32>().ok())
            .unwrap_or(0.0);
        let meta = |k: &str| {
            file.meta
                .iter()
                .find(|(n, _)| n == k)
                .and_then(|(_, v)| v.parse::<f32>().ok())
        };
        let platt = meta("platt_a").zip(meta("platt_b"));
        Ok(SeqModel {
            platt,
            lattice: Lattice::new(&bilou, &transitions),
            outside_bias,
            bits: emission.buckets.trailing_zeros(),
            bilou,
            emission,
            transitions,
        })
    }

    /// Emission scores of every token (`len * tags`), into `out`.
    pub fn emissions(&self, feats: &SeqFeatures, out: &mut Vec<f32>) {
        let tags = self.bilou.tags();
        out.clear();
        out.resize(feats.len() * tags, 0.0);
        // the rows of the next few tokens are asked for while this one is summed: all of
        // a long window's rows at once would push the first ones out of the L1 cache
        // before they are read
        let len = feats.len();
        for k in 0..len.min(PREFETCH_AHEAD) {
            self.emission.prefetch(feats.token(k));
        }
        for k in 0..len {
            if k + PREFETCH_AHEAD < len {
                self.emission.prefetch(feats.token(k + PREFETCH_AHEAD));
            }
            let row = &mut out[k * tags..(k + 1) * tags];
            match tags {
                5 => score_fixed::<5>(&self.emission, feats.token(k), row),
                9 => score_fixed::<9>(&self.emission, feats.token(k), row),
                _ => self.emission.score_into(feats.token(k), row),
            }
            row[0] -= self.outside_bias;
        }
    }

    /// Mean margin of the tags over the span `range` of the last decoded sequence: how
    /// much the chosen tags beat the outside tag, per token.
    pub fn margin(&self, scratch: &Scratch, tags: &[usize], range: std::ops::Range<usize>) -> f32 {
        let n = self.bilou.tags();
        if range.is_empty() {
            return 0.0;
        }
        let len = range.len() as f32;
        range
            // against the outside tag's own score: the recall bias moves the decision,
            // not the confidence, so the Platt scaling fitted without it still holds
            .map(|k| {
                scratch.emission(k, tags[k], n) - scratch.emission(k, 0, n) - self.outside_bias
            })
            .sum::<f32>()
            / len
    }

    /// Probability that a span of this margin is right, when the model is calibrated.
    pub fn confidence(&self, margin: f32) -> Option<f32> {
        self.platt
            .map(|(a, b)| 1.0 / (1.0 + (-(a * margin + b)).exp()))
    }

    /// Best tag sequence.
    pub fn decode(&self, feats: &SeqFeatures, scratch: &mut Scratch) -> Vec<usize> {
        self.emissions(feats, &mut scratch.emissions);
        self.lattice
            .decode(&scratch.emissions, &mut scratch.best, &mut scratch.back)
    }
}

/// Scores of `features` under a model with exactly `N` labels, summed in registers (the
/// generic loop keeps its accumulators in memory, a chain of dependent adds per feature).
#[inline]
fn score_fixed<const N: usize>(model: &LinearModel, features: &[u32], out: &mut [f32]) {
    let mut acc = [0i32; N];
    let weights = &model.weights;
    for &f in features {
        let base = f as usize * N;
        if let Some(row) = weights.get(base..base + N) {
            for l in 0..N {
                acc[l] += row[l] as i32;
            }
        }
    }
    for (o, a) in out.iter_mut().zip(acc) {
        *o += a as f32 * model.scale;
    }
}

/// Structured averaged perceptron over BILOU sequences (Collins 2002): decode with the
/// current weights, and where the best sequence differs from the gold one, reward the gold
/// tags' features and transitions and penalise the predicted ones.
#[cfg(feature = "train")]
#[derive(Debug, Clone)]
pub struct SeqTrainer {
    bilou: Bilou,
    emission: crate::tagger::Perceptron,
    transition: crate::tagger::Perceptron,
    bits: u32,
}

#[cfg(feature = "train")]
impl SeqTrainer {
    /// A zero model over `types` with `2^bits` feature buckets.
    pub fn new(types: &[&str], bits: u32) -> SeqTrainer {
        let bilou = Bilou::new(types.iter().copied());
        let tags = bilou.tags();
        SeqTrainer {
            emission: crate::tagger::Perceptron::new(tags, 1 << bits),
            transition: crate::tagger::Perceptron::new(tags, tags + 1),
            bilou,
            bits,
        }
    }

    /// The tag set.
    pub fn bilou(&self) -> &Bilou {
        &self.bilou
    }

    /// Hash bits of the feature buckets.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Decodes `feats` with the current (not averaged) weights.
    pub fn predict(&self, feats: &SeqFeatures) -> Vec<usize> {
        let tags = self.bilou.tags();
        let mut em = vec![0.0f32; feats.len() * tags];
        for k in 0..feats.len() {
            self.emission
                .scores(feats.token(k), &mut em[k * tags..(k + 1) * tags]);
        }
        let mut learned = vec![0.0f32; (tags + 1) * tags];
        for prev in 0..=tags {
            self.transition
                .scores(&[prev as u32], &mut learned[prev * tags..(prev + 1) * tags]);
        }
        let mut trans = Transitions::from_bilou(&self.bilou);
        trans.add_scores(&learned);
        crate::tagger::viterbi::decode(&em, &trans)
    }

    /// One training step on a sequence with its gold tags; returns whether it erred.
    pub fn learn(&mut self, feats: &SeqFeatures, gold: &[usize]) -> bool {
        self.emission.tick();
        self.transition.tick();
        let pred = self.predict(feats);
        if pred == gold {
            return false;
        }
        for k in 0..gold.len() {
            if pred[k] != gold[k] {
                for &f in feats.token(k) {
                    self.emission.update(f, gold[k], 1.0);
                    self.emission.update(f, pred[k], -1.0);
                }
            }
            let gp = if k == 0 { 0 } else { gold[k - 1] + 1 };
            let pp = if k == 0 { 0 } else { pred[k - 1] + 1 };
            if gp != pp || gold[k] != pred[k] {
                self.transition.update(gp as u32, gold[k], 1.0);
                self.transition.update(pp as u32, pred[k], -1.0);
            }
        }
        true
    }

    /// The averaged, quantised tables "emission" and "transition".
    pub fn finish(&self) -> Vec<(String, LinearModel)> {
        vec![
            ("emission".to_string(), self.emission.finish()),
            ("transition".to_string(), self.transition.finish()),
        ]
    }

    /// The averaged, unquantised emission and transition weights (to average runs).
    pub fn averaged(&self) -> Vec<Vec<f32>> {
        vec![self.emission.averaged(), self.transition.averaged()]
    }

    /// The tables of [`SeqTrainer::finish`] made from averaged weights such as the mean
    /// of several runs' [`SeqTrainer::averaged`].
    pub fn tables_from(&self, weights: &[Vec<f32>]) -> Vec<(String, LinearModel)> {
        let tags = self.bilou.tags();
        vec![
            (
                "emission".to_string(),
                LinearModel::quantise(tags, 1 << self.bits, &weights[0]),
            ),
            (
                "transition".to_string(),
                LinearModel::quantise(tags, tags + 1, &weights[1]),
            ),
        ]
    }
}

#[cfg(test)]
mod lattice_tests {
    use super::*;

    #[test]
    fn lattice_agrees_with_the_shared_viterbi() {
        // 5 and 9 tags take the fixed-size paths, 13 the general one
        for types in [&["A"][..], &["A", "B"][..], &["A", "B", "C"][..]] {
            lattice_agrees(Bilou::new(types.iter().copied()));
        }
    }

    fn lattice_agrees(b: Bilou) {
        let mut trans = Transitions::from_bilou(&b);
        let n = b.tags();
        let learned: Vec<f32> = (0..(n + 1) * n)
            .map(|k| ((k * 7919) % 13) as f32 / 5.0 - 1.0)
            .collect();
        trans.add_scores(&learned);
        let lattice = Lattice::new(&b, &trans);
        for seed in 0..20u32 {
            let len = 1 + (seed as usize % 7);
            let em: Vec<f32> = (0..len * n)
                .map(|k| {
                    ((k as u32)
                        .wrapping_mul(2654435761u32)
                        .wrapping_add(seed * 97)
                        % 1000) as f32
                        / 100.0
                })
                .collect();
            let (mut best, mut back) = (Vec::new(), Vec::new());
            assert_eq!(
                lattice.decode(&em, &mut best, &mut back),
                crate::tagger::viterbi::decode(&em, &trans)
            );
        }
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn learns_a_span_after_a_trigger() {
        // tokens: feature 1 = trigger word, the token after it is a one-token span
        let mut t = SeqTrainer::new(&["X"], 4);
        let mut f = SeqFeatures::default();
        for k in 0..4u32 {
            f.feats.push(if k == 1 { 1 } else { 2 });
            f.feats.push(if k == 2 { 3 } else { 4 });
            f.end_token();
        }
        let b = t.bilou().clone();
        let gold = b.encode(4, &[(2..3, 0)]);
        for _ in 0..5 {
            t.learn(&f, &gold);
        }
        let tables = t.finish();
        let file = ModelFile {
            name: "t".into(),
            feature_set: 1,
            labels: b.tag_names(),
            meta: vec![],
            tables,
        };
        let m = SeqModel::from_file(&file, &["X"]).unwrap();
        let mut scratch = Scratch::default();
        assert_eq!(b.decode(&m.decode(&f, &mut scratch)), vec![(2..3, 0)]);
    }
}
