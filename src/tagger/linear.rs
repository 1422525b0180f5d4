//! Linear multi-class scoring over hashed features, and its trainer, the averaged
//! perceptron (Collins 2002), whose averaging makes it nearly as good as a CRF at a
//! fraction of the training cost.

/// Dense weights: `weights[feature * labels + label]`, quantised to `i16` with one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Number of labels (classes).
    pub labels: usize,
    /// Number of feature buckets.
    pub buckets: usize,
    /// Quantised weights, `buckets * labels`.
    pub weights: Vec<i16>,
    /// Multiply a summed quantised score by this to get the float score.
    pub scale: f32,
}

impl LinearModel {
    /// Adds the scores of `features` for every label into `out` (length `labels`).
    #[inline]
    pub fn score_into(&self, features: &[u32], out: &mut [f32]) {
        let n = self.labels;
        let mut acc = [0i32; 64];
        let acc = &mut acc[..n.min(64)];
        for &f in features {
            let base = f as usize * n;
            if let Some(row) = self.weights.get(base..base + n) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        for (o, &a) in out.iter_mut().zip(acc.iter()) {
            *o += a as f32 * self.scale;
        }
    }

    /// Asks the cache for the weight rows of `features` before they are summed, so that
    /// their misses overlap instead of stalling feature after feature (x86-64 only; a
    /// no-op elsewhere).
    #[inline]
    pub fn prefetch(&self, features: &[u32]) {
        // a row of more than one label may straddle two cache lines: ask for its last
        // weight's line too (the same line again costs next to nothing)
        #[cfg(target_arch = "x86_64")]
        for &f in features {
            let start = f as usize * self.labels;
            if let Some(w) = self.weights.get(start..start + self.labels) {
                // SAFETY: prefetching is only a hint; it never faults, and the pointers are
                // into a live allocation anyway
                unsafe {
                    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                    _mm_prefetch::<_MM_HINT_T0>(w.as_ptr().cast());
                    if self.labels > 1 {
                        _mm_prefetch::<_MM_HINT_T0>(w.as_ptr().add(self.labels - 1).cast());
                    }
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = features;
    }

    /// The best-scoring label of `features`.
    pub fn predict(&self, features: &[u32]) -> usize {
        let mut scores = vec![0.0f32; self.labels];
        self.score_into(features, &mut scores);
        argmax(&scores)
    }

    /// Quantises float weights (`buckets * labels`) to `i16`.
    pub fn quantise(labels: usize, buckets: usize, weights: &[f32]) -> LinearModel {
        let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        LinearModel {
            labels,
            buckets,
            weights: weights.iter().map(|w| (w / scale).round() as i16).collect(),
            scale,
        }
    }
}

/// Index of the largest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Averaged perceptron trainer over hashed features.
#[derive(Debug, Clone)]
pub struct Perceptron {
    labels: usize,
    buckets: usize,
    weights: Vec<f32>,
    /// Sum of each weight over time, kept lazily (`totals` + `weights * (now - stamp)`).
    totals: Vec<f64>,
    stamps: Vec<u32>,
    now: u32,
}

impl Perceptron {
    /// A zero model with `labels` classes over `buckets` features.
    pub fn new(labels: usize, buckets: usize) -> Self {
        Perceptron {
            labels,
            buckets,
            weights: vec![0.0; labels * buckets],
            totals: vec![0.0; labels * buckets],
            stamps: vec![0; labels * buckets],
            now: 0,
        }
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Current (not averaged) scores of `features`.
    pub fn scores(&self, features: &[u32], out: &mut [f32]) {
        out.iter_mut().for_each(|o| *o = 0.0);
        for &f in features {
            let base = f as usize * self.labels;
            for (o, w) in out.iter_mut().zip(&self.weights[base..base + self.labels]) {
                *o += w;
            }
        }
    }

    /// Advances the clock: call once per training example.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Adds `delta` to the weight of (`feature`, `label`).
    pub fn update(&mut self, feature: u32, label: usize, delta: f32) {
        let k = feature as usize * self.labels + label;
        self.totals[k] += self.weights[k] as f64 * (self.now - self.stamps[k]) as f64;
        self.stamps[k] = self.now;
        self.weights[k] += delta;
    }

    /// Rewards `gold` and penalises `predicted` for `features` (no-op when equal).
    pub fn learn(&mut self, features: &[u32], gold: usize, predicted: usize) {
        if gold == predicted {
            return;
        }
        for &f in features {
            self.update(f, gold, 1.0);
            self.update(f, predicted, -1.0);
        }
    }

    /// The averaged weights, quantised.
    pub fn finish(&self) -> LinearModel {
        LinearModel::quantise(self.labels, self.buckets, &self.averaged())
    }

    /// The averaged weights, unquantised (label-minor rows, as `weights`).
    pub fn averaged(&self) -> Vec<f32> {
        let now = self.now.max(1) as f64;
        (0..self.weights.len())
            .map(|k| {
                let total =
                    self.totals[k] + self.weights[k] as f64 * (self.now - self.stamps[k]) as f64;
                (total / now) as f32
            })
            .collect()
    }
}

/// Mean of several training runs' averaged weights, table by table (a "weight soup": for
/// linear scores, the same as averaging the runs' scores).
#[derive(Debug, Clone, Default)]
pub struct Soup {
    sums: Vec<Vec<f32>>,
    runs: usize,
}

impl Soup {
    /// Adds one run's tables (the same tables, in the same order, every run).
    pub fn add(&mut self, tables: Vec<Vec<f32>>) {
        if self.sums.is_empty() {
            self.sums = tables;
        } else {
            for (sum, table) in self.sums.iter_mut().zip(&tables) {
                sum.iter_mut().zip(table).for_each(|(a, b)| *a += b);
            }
        }
        self.runs += 1;
    }

    /// The mean of the runs added so far, table by table.
    pub fn mean(&self) -> Vec<Vec<f32>> {
        let runs = self.runs.max(1) as f32;
        self.sums
            .iter()
            .map(|sum| sum.iter().map(|w| w / runs).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        // label = which of two features is present
        let mut p = Perceptron::new(2, 8);
        for _ in 0..10 {
            for (f, gold) in [(1u32, 0usize), (2, 1)] {
                p.tick();
                let mut s = [0.0; 2];
                p.scores(&[f, 5], &mut s);
                p.learn(&[f, 5], gold, argmax(&s));
            }
        }
        let m = p.finish();
        assert_eq!(m.predict(&[1, 5]), 0);
        assert_eq!(m.predict(&[2, 5]), 1);
    }

    #[test]
    fn a_soup_is_the_mean_of_its_runs() {
        let mut soup = Soup::default();
        soup.add(vec![vec![1.0, 2.0], vec![4.0]]);
        soup.add(vec![vec![3.0, -2.0], vec![0.0]]);
        assert_eq!(soup.mean(), vec![vec![2.0, 0.0], vec![2.0]]);
    }
}
