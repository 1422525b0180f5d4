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
    /// Bucket → slot: `start << 8 | len` of its row in `entries` (a row holds at most 64
    /// weights, so `len` fits in 8 bits), [`DENSE`] | its dense row, or 0 for an empty
    /// bucket.
    index: Index,
    /// `label << 16 | weight as u16`.
    entries: Vec<u32>,
    /// Rows with many weights, stored whole (32 lanes, labels ≤ 32), summed with SIMD.
    dense: Vec<Lanes>,
    scale: f32,
}

/// The bucket index of a [`CompactLinear`].
#[derive(Debug, Clone, PartialEq)]
enum Index {
    /// One slot per bucket: the quickest lookup.
    Plain(Vec<u32>),
    /// For tables where few buckets have a row (the word-cluster table: 26 k rows in 2^20
    /// buckets): a bit per bucket and the slots of the rows only, about 1/16 of the
    /// memory of [`Index::Plain`] (which the loader would otherwise have to fill).
    Ranked(Ranked),
}

/// Rows with fewer than one in this many buckets get an [`Index::Ranked`].
const RANKED_BELOW: usize = 16;

/// An [`Index`] being filled: a plain index is written in place (no list of pairs to
/// allocate first).
enum IndexBuilder {
    Plain(Vec<u32>),
    Ranked(Vec<(u32, u32)>),
}

impl IndexBuilder {
    /// For `rows` (bucket, slot) pairs over `buckets` buckets.
    fn new(buckets: usize, rows: usize) -> IndexBuilder {
        if rows.saturating_mul(RANKED_BELOW) >= buckets {
            IndexBuilder::Plain(vec![0u32; buckets])
        } else {
            IndexBuilder::Ranked(Vec::with_capacity(rows))
        }
    }

    /// Sets the slot of bucket `b` (out of range: skipped; set twice: the last wins).
    fn set(&mut self, b: u32, slot: u32) {
        match self {
            IndexBuilder::Plain(index) => {
                if let Some(s) = index.get_mut(b as usize) {
                    *s = slot;
                }
            }
            IndexBuilder::Ranked(rows) => rows.push((b, slot)),
        }
    }

    fn finish(self, buckets: usize) -> Index {
        match self {
            IndexBuilder::Plain(index) => Index::Plain(index),
            IndexBuilder::Ranked(rows) => Index::ranked(buckets, rows),
        }
    }
}

impl Index {
    /// The ranked index of `buckets` buckets with the (bucket, slot) pairs `rows` (buckets
    /// out of range are skipped; for a repeated bucket the last pair wins).
    fn ranked(buckets: usize, mut rows: Vec<(u32, u32)>) -> Index {
        if !rows.windows(2).all(|w| w[0].0 < w[1].0) {
            rows.reverse();
            rows.sort_by_key(|&(b, _)| b); // stable: the last pair of a bucket comes first
            rows.dedup_by_key(|&mut (b, _)| b);
        }
        rows.retain(|&(b, slot)| slot != 0 && (b as usize) < buckets);
        let mut blocks = vec![Block::default(); buckets.div_ceil(64)];
        let mut slots = Vec::with_capacity(rows.len());
        for &(b, slot) in &rows {
            if let Some(block) = blocks.get_mut(b as usize >> 6) {
                block.bits |= 1 << (b & 63);
                slots.push(slot);
            }
        }
        let mut rank = 0u32;
        for block in &mut blocks {
            block.rank = rank;
            rank += block.bits.count_ones();
        }
        Index::Ranked(Ranked { blocks, slots })
    }

    /// The slot of `bucket` (0 if it has no row).
    #[inline]
    fn get(&self, bucket: usize) -> u32 {
        match self {
            Index::Plain(v) => v.get(bucket).copied().unwrap_or(0),
            Index::Ranked(r) => r.get(bucket),
        }
    }
}

/// A sparse bucket index: which buckets have a row, one bit each, and, per 64 buckets, how
/// many rows come before them; a bucket's slot is then found by counting bits.
#[derive(Debug, Clone, PartialEq, Default)]
struct Ranked {
    blocks: Vec<Block>,
    /// The slots of the buckets that have a row, in bucket order.
    slots: Vec<u32>,
}

/// 64 buckets of a [`Ranked`] index.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(16))]
struct Block {
    bits: u64,
    rank: u32,
}

impl Ranked {
    #[inline]
    fn get(&self, bucket: usize) -> u32 {
        let Some(block) = self.blocks.get(bucket >> 6) else {
            return 0;
        };
        let bit = 1u64 << (bucket & 63);
        if block.bits & bit == 0 {
            return 0;
        }
        let k = block.rank as usize + (block.bits & (bit - 1)).count_ones() as usize;
        self.slots.get(k).copied().unwrap_or(0)
    }
}

/// One dense row, aligned to a cache line so that reading it touches one line, not two.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(64))]
struct Lanes([i16; 32]);

/// Slots with this bit index [`CompactLinear::dense`] instead of the packed entries.
const DENSE: u32 = 1 << 31;
/// Rows with at least this many weights are stored dense.
const DENSE_MIN: usize = 10;

/// Builds a [`CompactLinear`] row by row (the model loader decodes its rows straight
/// into it).
pub(crate) struct CompactBuilder {
    labels: usize,
    buckets: usize,
    scale: f32,
    index: IndexBuilder,
    dense: Vec<Lanes>,
    packed: Vec<u32>,
}

impl CompactBuilder {
    /// For a table of `rows` rows holding `weights` weights, `dense` of them rows of at
    /// least [`DENSE_MIN`] weights (capacity hints: the vectors, megabytes for the name
    /// tagger, are sized once instead of grown and copied).
    pub(crate) fn new(
        labels: usize,
        buckets: usize,
        scale: f32,
        rows: usize,
        weights: usize,
        dense: usize,
    ) -> CompactBuilder {
        let labels_fit = labels <= 32;
        CompactBuilder {
            labels,
            buckets,
            scale,
            index: IndexBuilder::new(buckets, rows),
            dense: Vec::with_capacity(if labels_fit { dense.min(rows) } else { 0 }),
            packed: Vec::with_capacity(weights.min(1 << 24)),
        }
    }

    /// Adds the row of bucket `b` (after those of smaller buckets): its label mask and its
    /// weights, labels in increasing order (a row whose weights do not match its mask is
    /// left empty).
    pub(crate) fn push(&mut self, b: u32, mask: u64, row: &[i16]) {
        let count = mask.count_ones() as usize;
        if row.len() != count || row.is_empty() {
            return;
        }
        let mut bits = mask;
        let slot = if self.labels <= 32 && count >= DENSE_MIN {
            let mut d = [0i16; 32];
            for &w in row {
                let l = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                d[l & 31] = w;
            }
            self.dense.push(Lanes(d));
            DENSE | (self.dense.len() as u32 - 1)
        } else {
            // rows beyond 2^24 entries cannot be addressed: left out (never happens with
            // the models trained here, which hold well under a million weights)
            if self.packed.len() + count > 1 << 24 {
                return;
            }
            let at = self.packed.len() as u32;
            for &w in row.iter().take(255) {
                let l = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                self.packed.push(CompactLinear::entry(l, w));
            }
            at << 8 | count.min(255) as u32
        };
        self.index.set(b, slot);
    }

    /// The table.
    pub(crate) fn finish(self) -> CompactLinear {
        CompactLinear {
            labels: self.labels,
            buckets: self.buckets,
            index: self.index.finish(self.buckets),
            entries: self.packed,
            dense: self.dense,
            scale: self.scale,
        }
    }
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
        let mut index = IndexBuilder::new(buckets, rows.len());
        let mut entries = entries;
        // rows beyond 2^24 entries cannot be addressed: drop them (never happens with
        // the models trained here, which hold well under a million weights)
        entries.truncate(1 << 24);
        let mut dense: Vec<Lanes> = Vec::new();
        let mut packed: Vec<u32> = Vec::with_capacity(entries.len());
        for (k, &(b, start)) in rows.iter().enumerate() {
            let end = rows.get(k + 1).map_or(entries.len() as u32, |r| r.1);
            let (start, end) = (
                start.min(entries.len() as u32),
                end.min(entries.len() as u32),
            );
            let row = &entries[start as usize..end as usize];
            let slot = if row.is_empty() {
                0
            } else if labels <= 32 && row.len() >= DENSE_MIN {
                let mut d = [0i16; 32];
                for &e in row {
                    d[(e >> 16) as usize & 31] = e as u16 as i16;
                }
                dense.push(Lanes(d));
                DENSE | (dense.len() as u32 - 1)
            } else {
                let at = packed.len() as u32;
                packed.extend_from_slice(&row[..row.len().min(255)]);
                at << 8 | row.len().min(255) as u32
            };
            index.set(b, slot);
        }
        CompactLinear {
            labels,
            buckets,
            index: index.finish(buckets),
            entries: packed,
            dense,
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
            + self
                .dense
                .iter()
                .map(|r| r.0.iter().filter(|&&w| w != 0).count())
                .sum::<usize>()
    }

    /// The quantised weights of `bucket` into `out` (indexed by label; others untouched).
    pub fn row_into(&self, bucket: usize, out: &mut [i16]) {
        let slot = self.index.get(bucket);
        if slot & DENSE != 0 {
            if let Some(row) = self.dense.get((slot & !DENSE) as usize) {
                for (o, &w) in out.iter_mut().zip(row.0.iter()) {
                    *o = w;
                }
            }
            return;
        }
        for &e in self.slot_row(slot) {
            if let Some(o) = out.get_mut((e >> 16) as usize) {
                *o = e as u16 as i16;
            }
        }
    }

    /// Calls `f(bucket, row)` for every bucket that has a row, in increasing bucket order,
    /// with the row's quantised weights indexed by label (`labels` of them).
    pub fn for_each_row(&self, mut f: impl FnMut(usize, &[i16])) {
        let mut row = vec![0i16; self.labels];
        let mut visit = |bucket: usize, slot: u32| {
            if slot == 0 {
                return;
            }
            row.iter_mut().for_each(|w| *w = 0);
            if slot & DENSE != 0 {
                if let Some(d) = self.dense.get((slot & !DENSE) as usize) {
                    for (o, &w) in row.iter_mut().zip(d.0.iter()) {
                        *o = w;
                    }
                }
            } else {
                for &e in self.slot_row(slot) {
                    if let Some(o) = row.get_mut((e >> 16) as usize) {
                        *o = e as u16 as i16;
                    }
                }
            }
            f(bucket, &row);
        };
        match &self.index {
            Index::Plain(index) => {
                for (b, &slot) in index.iter().enumerate() {
                    visit(b, slot);
                }
            }
            Index::Ranked(r) => {
                let mut k = 0;
                for (j, block) in r.blocks.iter().enumerate() {
                    let mut bits = block.bits;
                    while bits != 0 {
                        let b = j * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        visit(b, r.slots.get(k).copied().unwrap_or(0));
                        k += 1;
                    }
                }
            }
        }
    }

    /// The quantised weight of (`bucket`, `label`).
    pub fn weight(&self, bucket: usize, label: usize) -> i16 {
        let slot = self.index.get(bucket);
        if slot & DENSE != 0 {
            return self
                .dense
                .get((slot & !DENSE) as usize)
                .and_then(|r| r.0.get(label))
                .copied()
                .unwrap_or(0);
        }
        self.slot_row(slot)
            .iter()
            .find(|&&e| (e >> 16) as usize == label)
            .map_or(0, |&e| e as u16 as i16)
    }

    #[inline]
    fn slot_row(&self, slot: u32) -> &[u32] {
        if slot & DENSE != 0 {
            return &[];
        }
        let start = (slot >> 8) as usize;
        let len = (slot & 0xff) as usize;
        self.entries.get(start..start + len).unwrap_or(&[])
    }

    /// Adds the row of `slot` into `acc`.
    #[inline]
    fn add_slot(&self, slot: u32, acc: &mut [i32; 64]) {
        if slot & DENSE != 0 {
            if let Some(row) = self.dense.get((slot & !DENSE) as usize) {
                let (head, _) = acc.split_at_mut(32);
                add_lanes(head, &row.0);
            }
        } else {
            for &e in self.slot_row(slot) {
                acc[(e >> 16) as usize & 63] += e as u16 as i16 as i32;
            }
        }
    }

    /// Scores many feature lists at once (a whole sentence): list `k` is
    /// `features[ends[k - 1]..ends[k]]` (from 0 for the first) and its scores are added
    /// into `out[k * labels..(k + 1) * labels]`. Quicker than one [`Self::score_into`]
    /// per list: the table lookups of all lists are issued together, so their cache
    /// misses overlap. `slots` is scratch space.
    pub fn score_many(
        &self,
        features: &[u32],
        ends: &[u32],
        out: &mut [f32],
        slots: &mut Vec<u32>,
    ) {
        self.fill_slots(features, slots);
        let n = self.labels;
        let mut start = 0usize;
        for (k, &end) in ends.iter().enumerate() {
            let end = (end as usize).min(slots.len());
            let mut acc = [0i32; 64];
            if n <= 32 {
                // the common case, with the accumulators in registers
                let mut lanes = [0i32; 32];
                self.add_slots32(&slots[start.min(end)..end], &mut lanes);
                acc[..32].copy_from_slice(&lanes);
            } else {
                for &slot in &slots[start.min(end)..end] {
                    self.add_slot(slot, &mut acc);
                }
            }
            if let Some(row) = out.get_mut(k * n..(k + 1) * n) {
                for (o, &a) in row.iter_mut().zip(acc.iter()) {
                    *o += a as f32 * self.scale;
                }
            }
            start = end;
        }
    }

    /// Adds the rows of `slots` into 32 lanes (labels ≤ 32).
    #[inline]
    fn add_slots32(&self, slots: &[u32], lanes: &mut [i32; 32]) {
        // dense rows into their own sums (kept in registers), added in at the end
        let mut dense = DenseSums::new();
        for &slot in slots {
            if slot & DENSE != 0 {
                if let Some(row) = self.dense.get((slot & !DENSE) as usize) {
                    dense.add(&row.0);
                }
            } else {
                for &e in self.slot_row(slot) {
                    lanes[(e >> 16) as usize & 31] += e as u16 as i16 as i32;
                }
            }
        }
        dense.add_into(lanes);
    }

    /// Whether [`Self::sum_many`] and [`Self::score_many_from`] apply (at most 32 labels).
    pub fn lanes_fit(&self) -> bool {
        self.labels <= 32
    }

    /// The quantised (integer) score sums of many feature lists (laid out as in
    /// [`Self::score_many`]) into `sums`, one entry per list: partial sums that
    /// [`Self::score_many_from`] completes. Integer sums do not depend on the order of the
    /// features, so splitting a list this way gives exactly the same scores. Needs
    /// [`Self::lanes_fit`] (otherwise the sums stay zero).
    pub fn sum_many(
        &self,
        features: &[u32],
        ends: &[u32],
        sums: &mut Vec<[i32; 32]>,
        slots: &mut Vec<u32>,
    ) {
        self.fill_slots(features, slots);
        sums.clear();
        sums.resize(ends.len(), [0; 32]);
        if !self.lanes_fit() {
            return;
        }
        let mut start = 0usize;
        for (lanes, &end) in sums.iter_mut().zip(ends) {
            let end = (end as usize).min(slots.len());
            self.add_slots32(&slots[start.min(end)..end], lanes);
            start = end;
        }
    }

    /// Like [`Self::score_many`], with list `k` starting from the partial sums
    /// `base[base_of[k]]` (from [`Self::sum_many`]) instead of zero (lists without an
    /// entry in `base_of` are not scored). Needs [`Self::lanes_fit`].
    pub fn score_many_from(
        &self,
        features: &[u32],
        ends: &[u32],
        base: &[[i32; 32]],
        base_of: &[u32],
        out: &mut [f32],
        slots: &mut Vec<u32>,
    ) {
        self.fill_slots(features, slots);
        self.score_slots_from(slots, ends, base, base_of, out);
    }

    /// Like [`Self::score_many_from`] for slots already found by [`Self::fill_slots`]
    /// (which also asked for their rows): a caller can do other work between the two
    /// while the rows arrive.
    pub fn score_slots_from(
        &self,
        slots: &[u32],
        ends: &[u32],
        base: &[[i32; 32]],
        base_of: &[u32],
        out: &mut [f32],
    ) {
        let n = self.labels;
        let mut start = 0usize;
        for (k, (&end, &b)) in ends.iter().zip(base_of).enumerate() {
            let end = (end as usize).min(slots.len());
            let mut lanes = base.get(b as usize).copied().unwrap_or([0; 32]);
            self.add_slots32(&slots[start.min(end)..end], &mut lanes);
            if let Some(row) = out.get_mut(k * n..(k + 1) * n) {
                for (o, &a) in row.iter_mut().zip(lanes.iter()) {
                    *o += a as f32 * self.scale;
                }
            }
            start = end;
        }
    }

    /// Asks the cache for the index entries of `features` (x86-64 only; a no-op
    /// elsewhere): issued a sentence ahead, [`Self::fill_slots`] then finds them there.
    #[inline]
    pub fn prefetch_index(&self, features: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &f in features {
            let p: *const i8 = match &self.index {
                Index::Plain(index) => match index.get(f as usize) {
                    Some(s) => (s as *const u32).cast(),
                    None => continue,
                },
                Index::Ranked(r) => match r.blocks.get(f as usize >> 6) {
                    Some(b) => (b as *const Block).cast(),
                    None => continue,
                },
            };
            // SAFETY: prefetching is only a hint; it never faults, and `p` points into
            // a live allocation anyway
            unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = features;
    }

    /// The index slots of `features`, all loaded first (independent loads, so their cache
    /// misses overlap), and their rows asked for.
    pub fn fill_slots(&self, features: &[u32], slots: &mut Vec<u32>) {
        slots.clear();
        match &self.index {
            Index::Plain(index) => slots.extend(
                features
                    .iter()
                    .map(|&f| index.get(f as usize).copied().unwrap_or(0)),
            ),
            Index::Ranked(index) => slots.extend(features.iter().map(|&f| index.get(f as usize))),
        }
        self.prefetch_rows(slots);
    }

    /// Asks the cache for the rows of `slots` before they are summed, so that their
    /// misses overlap instead of stalling the additions one by one (x86-64 only; a no-op
    /// elsewhere).
    #[inline]
    fn prefetch_rows(&self, slots: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &slot in slots {
            let p: *const i8 = if slot & DENSE != 0 {
                match self.dense.get((slot & !DENSE) as usize) {
                    Some(r) => (r as *const Lanes).cast(),
                    None => continue,
                }
            } else if slot != 0 {
                match self.entries.get((slot >> 8) as usize) {
                    Some(e) => (e as *const u32).cast(),
                    None => continue,
                }
            } else {
                continue;
            };
            // SAFETY: prefetching is only a hint; it never faults, and `p` points into
            // a live allocation anyway
            unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slots;
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
                *s = self.index.get(f as usize);
            }
            for &slot in &slots[..chunk.len()] {
                self.add_slot(slot, &mut acc);
            }
        }
        for (o, &a) in out.iter_mut().zip(acc.iter()).take(self.labels) {
            *o += a as f32 * self.scale;
        }
    }
}

/// Sums of 32-lane dense rows. On x86-64 as eight SSE2 vectors (registers): the
/// compiler leaves the portable loop scalar there (64 instructions a row, the sums in
/// memory), because widening `i16` to `i32` takes two SSE2 instructions (SSE4.1's one is
/// not in the x86-64 baseline).
#[cfg(target_arch = "x86_64")]
struct DenseSums([std::arch::x86_64::__m128i; 8]);

#[cfg(target_arch = "x86_64")]
impl DenseSums {
    #[inline(always)]
    fn new() -> DenseSums {
        // SAFETY: SSE2 is part of x86-64
        DenseSums([unsafe { std::arch::x86_64::_mm_setzero_si128() }; 8])
    }

    /// Adds one row.
    #[inline(always)]
    fn add(&mut self, row: &[i16; 32]) {
        use std::arch::x86_64::{
            __m128i, _mm_add_epi32, _mm_loadu_si128, _mm_srai_epi32, _mm_unpackhi_epi16,
            _mm_unpacklo_epi16,
        };
        let r = row.as_ptr().cast::<__m128i>();
        for k in 0..4 {
            // SAFETY: SSE2 is part of x86-64; `row` holds 4 vectors of 16 bytes, read
            // unaligned
            unsafe {
                let w = _mm_loadu_si128(r.add(k));
                // each weight twice in a 32-bit lane, shifted down with its sign
                let lo = _mm_srai_epi32::<16>(_mm_unpacklo_epi16(w, w));
                let hi = _mm_srai_epi32::<16>(_mm_unpackhi_epi16(w, w));
                self.0[2 * k] = _mm_add_epi32(self.0[2 * k], lo);
                self.0[2 * k + 1] = _mm_add_epi32(self.0[2 * k + 1], hi);
            }
        }
    }

    /// `lanes[l] += ` the sum of lane `l`.
    #[inline(always)]
    fn add_into(&self, lanes: &mut [i32; 32]) {
        use std::arch::x86_64::{__m128i, _mm_add_epi32, _mm_loadu_si128, _mm_storeu_si128};
        let a = lanes.as_mut_ptr().cast::<__m128i>();
        for (k, &v) in self.0.iter().enumerate() {
            // SAFETY: SSE2 is part of x86-64; `lanes` holds 8 vectors of 16 bytes, read
            // and written unaligned
            unsafe { _mm_storeu_si128(a.add(k), _mm_add_epi32(_mm_loadu_si128(a.add(k)), v)) };
        }
    }
}

/// Sums of 32-lane dense rows (the loop is vectorised where widening is one instruction,
/// as in wasm with simd128).
#[cfg(not(target_arch = "x86_64"))]
struct DenseSums([i32; 32]);

#[cfg(not(target_arch = "x86_64"))]
impl DenseSums {
    #[inline(always)]
    fn new() -> DenseSums {
        DenseSums([0; 32])
    }

    /// Adds one row.
    #[inline(always)]
    fn add(&mut self, row: &[i16; 32]) {
        add_lanes(&mut self.0, row);
    }

    /// `lanes[l] += ` the sum of lane `l`.
    #[inline(always)]
    fn add_into(&self, lanes: &mut [i32; 32]) {
        for (l, &v) in lanes.iter_mut().zip(&self.0) {
            *l += v;
        }
    }
}

/// `acc[l] += row[l]` over 32 lanes, written so that the compiler vectorises it (where
/// widening `i16` is one instruction: wasm with simd128 does; x86-64 without SSE4.1 does
/// not, see [`DenseSums`]).
#[inline(always)]
fn add_lanes(acc: &mut [i32], row: &[i16; 32]) {
    let acc: &mut [i32; 32] = match acc.try_into() {
        Ok(a) => a,
        Err(_) => return,
    };
    for l in 0..32 {
        acc[l] += row[l] as i32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_tables_get_a_ranked_index_with_the_same_scores() {
        let buckets = 1 << 12;
        let mut w = vec![0.0f32; 2 * buckets];
        for b in [0usize, 63, 64, 65, 1000, 4095] {
            w[b * 2] = b as f32 + 1.0;
            w[b * 2 + 1] = -(b as f32) - 0.5;
        }
        let dense = LinearModel::quantise(2, buckets, &w);
        let compact = CompactLinear::from_linear(&dense);
        assert!(matches!(compact.index, Index::Ranked(_)));
        for b in 0..buckets + 3 {
            let mut a = [0.0f32; 2];
            let mut c = [0.0f32; 2];
            dense.score_into(&[b as u32], &mut a);
            compact.score_into(&[b as u32], &mut c);
            assert_eq!(a, c, "bucket {b}");
            let mut row = [0i16; 2];
            compact.row_into(b, &mut row);
            let expected = [0, 1].map(|l| dense.weights.get(b * 2 + l).copied().unwrap_or(0));
            assert_eq!(row, expected, "bucket {b}");
        }
    }

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
        // batched scoring agrees with one list at a time
        let feats = [5u32, 9, 9, 1, 2];
        let ends = [2u32, 3, 5];
        let mut many = [0.0f32; 9];
        compact.score_many(&feats, &ends, &mut many, &mut Vec::new());
        let mut one = [0.0f32; 9];
        compact.score_into(&feats[..2], &mut one[..3]);
        compact.score_into(&feats[2..3], &mut one[3..6]);
        compact.score_into(&feats[3..], &mut one[6..]);
        assert_eq!(many, one);
        assert_eq!(compact.weight(4, 0), 0);
        // split lists: partial sums completed by the rest give the same scores
        let mut sums = Vec::new();
        compact.sum_many(&[5, 9, 1], &[1, 2, 3], &mut sums, &mut Vec::new());
        let mut split = [0.0f32; 9];
        compact.score_many_from(
            &[9, 2],
            &[1, 1, 2],
            &sums,
            &[0, 1, 2],
            &mut split,
            &mut Vec::new(),
        );
        assert_eq!(split, one);
    }
}
