//! A sparse linear model: the same scores as a [`LinearModel`], stored as only its
//! non-zero weights. Hashed models are mostly empty (few buckets ever receive an update,
//! and a row rarely touches every label), so this is smaller in memory, faster to load
//! and kinder to the cache when scoring.

use super::linear::LinearModel;

/// Non-zero weights by feature bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactLinear {
    labels: usize,
    buckets: usize,
    /// `index[bucket]` = `start << 8 | len` of its row in `entries`, or 0 for an empty
    /// bucket (a row holds at most 64 weights, so `len` fits in 8 bits).
    index: Vec<u32>,
    /// `label << 16 | weight as u16`.
    entries: Vec<u32>,
    scale: f32,
}

impl CompactLinear {
    /// Packs one weight.
    #[inline]
    pub(crate) fn entry(label: usize, weight: i16) -> u32 {
        (label as u32) << 16 | weight as u16 as u32
    }

    /// Builds from rows `(bucket, first entry)` in increasing bucket order and their
    /// packed entries.
    pub(crate) fn from_rows(
        labels: usize,
        buckets: usize,
        scale: f32,
        rows: &[(u32, u32)],
        entries: Vec<u32>,
    ) -> CompactLinear {
        let mut index = vec![0u32; buckets];
        let mut entries = entries;
        // rows beyond 2^24 entries cannot be addressed: drop them (never happens with
        // the models trained here, which hold well under a million weights)
        entries.truncate(1 << 24);
        for (k, &(b, start)) in rows.iter().enumerate() {
            let end = rows.get(k + 1).map_or(entries.len() as u32, |r| r.1);
            let (start, end) = (start.min(entries.len() as u32), end.min(entries.len() as u32));
            let len = end.saturating_sub(start).min(255);
            if let Some(slot) = index.get_mut(b as usize) {
                *slot = if len == 0 { 0 } else { start << 8 | len };
            }
        }
        CompactLinear {
            labels,
            buckets,
            index,
            entries,
            scale,
        }
    }

    /// The sparse form of a dense model.
    pub fn from_linear(m: &LinearModel) -> CompactLinear {
        let mut rows = Vec::new();
        let mut entries = Vec::new();
        for b in 0..m.buckets {
            let row = &m.weights[b * m.labels..(b + 1) * m.labels];
            if row.iter().any(|&w| w != 0) {
                rows.push((b as u32, entries.len() as u32));
                for (l, &w) in row.iter().enumerate() {
                    if w != 0 {
                        entries.push(Self::entry(l, w));
                    }
                }
            }
        }
        CompactLinear::from_rows(m.labels, m.buckets, m.scale, &rows, entries)
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Number of feature buckets.
    pub fn buckets(&self) -> usize {
        self.buckets
    }

    /// Multiply a summed quantised score by this to get the float score.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of non-zero weights.
    pub fn non_zero(&self) -> usize {
        self.entries.len()
    }

    /// The quantised weight of (`bucket`, `label`).
    pub fn weight(&self, bucket: usize, label: usize) -> i16 {
        self.row(bucket)
            .iter()
            .find(|&&e| (e >> 16) as usize == label)
            .map_or(0, |&e| e as u16 as i16)
    }

    #[inline]
    fn row(&self, bucket: usize) -> &[u32] {
        self.index
            .get(bucket)
            .map_or(&[], |&slot| self.slot_row(slot))
    }

    #[inline]
    fn slot_row(&self, slot: u32) -> &[u32] {
        let start = (slot >> 8) as usize;
        let len = (slot & 0xff) as usize;
        self.entries.get(start..start + len).unwrap_or(&[])
    }

    /// Adds the scores of `features` for every label into `out` (length `labels`).
    #[inline]
    pub fn score_into(&self, features: &[u32], out: &mut [f32]) {
        let mut acc = [0i32; 64];
        // two passes: all index loads first (independent, so their cache misses overlap),
        // then the rows they point to
        let mut slots = [0u32; 32];
        for chunk in features.chunks(32) {
            for (s, &f) in slots.iter_mut().zip(chunk) {
                *s = self.index.get(f as usize).copied().unwrap_or(0);
            }
            for &slot in &slots[..chunk.len()] {
                for &e in self.slot_row(slot) {
                    acc[(e >> 16) as usize & 63] += e as u16 as i16 as i32;
                }
            }
        }
        for (o, &a) in out.iter_mut().zip(acc.iter()).take(self.labels) {
            *o += a as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_scores_as_dense() {
        let mut w = vec![0.0f32; 3 * 16];
        w[5 * 3 + 1] = 2.5;
        w[9 * 3 + 2] = -1.0;
        w[9 * 3] = 0.5;
        let dense = LinearModel::quantise(3, 16, &w);
        let compact = CompactLinear::from_linear(&dense);
        assert_eq!(compact.non_zero(), 3);
        for feats in [&[5u32, 9][..], &[9], &[1, 2, 3], &[]] {
            let mut a = [0.0f32; 3];
            let mut b = [0.0f32; 3];
            dense.score_into(feats, &mut a);
            compact.score_into(feats, &mut b);
            assert_eq!(a, b);
        }
        assert_eq!(compact.weight(9, 2), dense.weights[9 * 3 + 2]);
        assert_eq!(compact.weight(4, 0), 0);
    }
}
