//! The compact model file: a header that names the model, its feature set and labels (so
//! an old binary refuses a new model with a clear error instead of misreading it), then
//! sparse quantised weight tables, deflate-compressed. Embedded with `include_bytes!`.
//!
//! Layout 2 (written since the name tagger) stores, per table, only the non-zero rows and
//! within each row only the non-zero weights (a label bit mask per row), which keeps big
//! hashed models small and quick to load; layout 1 files still load. Layout 3 (written
//! since the size work for the explorer) stores the row gaps, the label masks and the
//! weights as three separate streams, and a table may store its weights as one-byte codes
//! into a per-table codebook of magnitudes (sign in the low bit): the loader maps the
//! codes back to `i16`, so the in-memory types are those of layout 2. Tables load either
//! dense ([`ModelFile::from_bytes`], a [`LinearModel`]) or sparse
//! ([`CompactModelFile::from_bytes`], a [`CompactLinear`]) — the latter never allocates
//! the dense `buckets × labels` array.

use super::compact::{CompactBuilder, CompactLinear};
use super::linear::LinearModel;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"CLMODEL\0";
/// Version of the file layout this code writes (it also reads every older one).
pub const FORMAT_VERSION: u16 = 3;
/// Oldest layout this code reads.
pub const OLDEST_FORMAT_VERSION: u16 = 1;

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// Not a claimlens model file.
    #[error("not a claimlens model (bad magic bytes)")]
    BadMagic,
    /// Written by a newer or older layout.
    #[error("model file format {found} is not supported (this build reads {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION})")]
    UnsupportedFormat {
        /// Version found in the file.
        found: u16,
    },
    /// The model was trained with different feature extraction code.
    #[error("model '{name}' uses feature set {found}, this build computes feature set {expected}; retrain or update")]
    FeatureSetMismatch {
        /// Model name.
        name: String,
        /// Feature set the code computes.
        expected: u32,
        /// Feature set recorded in the file.
        found: u32,
    },
    /// The compressed payload is damaged.
    #[error("model payload does not decompress")]
    Decompress,
    /// The payload ends early or holds impossible values.
    #[error("model file is corrupt: {0}")]
    Corrupt(&'static str),
    /// A table the code needs is missing.
    #[error("model '{model}' has no table '{table}'")]
    MissingTable {
        /// Model name.
        model: String,
        /// Table name.
        table: String,
    },
}

/// How [`ModelFile::to_bytes_with`] writes a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// Deflate level, 0 (stored) to 10.
    pub level: u8,
    /// Tables (by name) whose weights are stored as codes into a codebook of this many
    /// evenly spaced magnitudes (1 to [`MAX_CODEBOOK`]; 128 = 8-bit weights, 512 = 10-bit
    /// weights in two bytes, which deflate makes about 1.3 bytes); the others keep exact
    /// `i16` weights.
    pub codebooks: Vec<(String, usize)>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            level: 9,
            codebooks: Vec::new(),
        }
    }
}

/// Most magnitudes a codebook holds. A code is magnitude index × 2 + sign: one byte for
/// codebooks of up to [`BYTE_CODEBOOK`] magnitudes, two bytes (little-endian) above.
pub const MAX_CODEBOOK: usize = 8192;

/// Largest codebook whose codes fit one byte (8-bit weights).
pub const BYTE_CODEBOOK: usize = 128;

/// A loaded model: named weight tables plus labels and free-form metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFile {
    /// Model name ("ner", "cue", ...).
    pub name: String,
    /// Version of the feature extraction the weights expect.
    pub feature_set: u32,
    /// Label names, in index order.
    pub labels: Vec<String>,
    /// Provenance: training command, data, date.
    pub meta: Vec<(String, String)>,
    /// Weight tables by name.
    pub tables: Vec<(String, LinearModel)>,
}

impl ModelFile {
    /// The table called `name`.
    pub fn table(&self, name: &str) -> Result<&LinearModel, ModelError> {
        self.tables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
            .ok_or_else(|| ModelError::MissingTable {
                model: self.name.clone(),
                table: name.to_string(),
            })
    }

    /// Removes the table called `name` and returns it: for a loader that keeps the
    /// table, which then need not copy it (the claim taggers' tables are megabytes).
    pub fn take_table(&mut self, name: &str) -> Result<LinearModel, ModelError> {
        match self.tables.iter().position(|(n, _)| n == name) {
            Some(k) => Ok(self.tables.swap_remove(k).1),
            None => Err(ModelError::MissingTable {
                model: self.name.clone(),
                table: name.to_string(),
            }),
        }
    }

    /// Serialises to the compressed file format (deflate level 9, exact weights). Rows
    /// whose weights all quantise to zero are left out.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with(&WriteOptions::default())
    }

    /// [`ModelFile::to_bytes`] with a deflate level (0 = stored) and exact weights.
    pub fn to_bytes_level(&self, level: u8) -> Vec<u8> {
        self.to_bytes_with(&WriteOptions {
            level,
            codebooks: Vec::new(),
        })
    }

    /// Serialises with `opts`: the tables named in `opts.codebooks` store each weight as
    /// the nearest of a few evenly spaced magnitudes ([`uniform_codebook`]), the rest
    /// exactly.
    pub fn to_bytes_with(&self, opts: &WriteOptions) -> Vec<u8> {
        let mut p = Vec::new();
        put_str(&mut p, &self.name);
        p.extend_from_slice(&self.feature_set.to_le_bytes());
        put_u32(&mut p, self.labels.len() as u32);
        for l in &self.labels {
            put_str(&mut p, l);
        }
        put_u32(&mut p, self.meta.len() as u32);
        for (k, v) in &self.meta {
            put_str(&mut p, k);
            put_str(&mut p, v);
        }
        put_u32(&mut p, self.tables.len() as u32);
        for (name, t) in &self.tables {
            put_str(&mut p, name);
            put_u32(&mut p, t.labels as u32);
            put_u32(&mut p, t.buckets as u32);
            p.extend_from_slice(&t.scale.to_le_bytes());
            let size = opts
                .codebooks
                .iter()
                .find(|(n, _)| n == name)
                .map_or(0, |&(_, k)| k.min(MAX_CODEBOOK));
            let (book, weights) = if size > 0 {
                uniform_codebook(&t.weights, size)
            } else {
                (Vec::new(), t.weights.clone())
            };
            let row = |b: usize| &weights[b * t.labels..(b + 1) * t.labels];
            let rows: Vec<usize> = (0..t.buckets)
                .filter(|&b| row(b).iter().any(|&w| w != 0))
                .collect();
            put_u32(&mut p, rows.len() as u32);
            // three streams (row gaps, label masks, weights): similar bytes sit together
            // and compress well
            let mut last = 0usize;
            for &b in &rows {
                put_varint(&mut p, (b - last) as u64);
                last = b;
            }
            for &b in &rows {
                let mask = row(b)
                    .iter()
                    .enumerate()
                    .filter(|(_, &w)| w != 0)
                    .fold(0u64, |m, (l, _)| m | 1 << l);
                put_varint(&mut p, mask);
            }
            let nonzero = rows
                .iter()
                .flat_map(|&b| row(b).iter())
                .copied()
                .filter(|&w| w != 0);
            p.extend_from_slice(&(book.len() as u16).to_le_bytes());
            for &m in &book {
                p.extend_from_slice(&m.to_le_bytes());
            }
            if book.is_empty() {
                for w in nonzero {
                    p.extend_from_slice(&w.to_le_bytes());
                }
            } else if book.len() <= BYTE_CODEBOOK {
                for w in nonzero {
                    p.push(encode(&book, w) as u8);
                }
            } else {
                for w in nonzero {
                    p.extend_from_slice(&encode(&book, w).to_le_bytes());
                }
            }
        }
        let mut out = Vec::with_capacity(p.len() / 3 + 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(
            &p,
            opts.level.min(10),
        ));
        out
    }

    /// Parses a model file into dense tables; `expected_feature_set` must match the one it
    /// was trained with.
    pub fn from_bytes(bytes: &[u8], expected_feature_set: u32) -> Result<ModelFile, ModelError> {
        let inflated = inflate(bytes)?;
        let (header, tables) = parse(&inflated, expected_feature_set)?;
        let tables = tables
            .into_iter()
            .map(|(n, raw)| {
                let mut weights = vec![0i16; raw.labels * raw.buckets];
                raw.for_each(|b, mask, row| {
                    let mut bits = mask;
                    for &w in row {
                        let l = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        if let Some(slot) = weights.get_mut(b as usize * raw.labels + l) {
                            *slot = w;
                        }
                    }
                })?;
                Ok((
                    n,
                    LinearModel {
                        labels: raw.labels,
                        buckets: raw.buckets,
                        weights,
                        scale: raw.scale,
                    },
                ))
            })
            .collect::<Result<_, ModelError>>()?;
        Ok(ModelFile {
            name: header.name,
            feature_set: header.feature_set,
            labels: header.labels,
            meta: header.meta,
            tables,
        })
    }
}

/// A loaded model with sparse tables ([`CompactLinear`]): what big hashed models use at
/// run time, since loading it never touches a dense `buckets × labels` array.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactModelFile {
    /// Model name ("ner", "cue", ...).
    pub name: String,
    /// Version of the feature extraction the weights expect.
    pub feature_set: u32,
    /// Label names, in index order.
    pub labels: Vec<String>,
    /// Provenance: training command, data, date.
    pub meta: Vec<(String, String)>,
    /// Weight tables by name.
    pub tables: Vec<(String, CompactLinear)>,
}

impl CompactModelFile {
    /// Parses a model file into sparse tables.
    pub fn from_bytes(
        bytes: &[u8],
        expected_feature_set: u32,
    ) -> Result<CompactModelFile, ModelError> {
        let inflated = inflate(bytes)?;
        let (header, tables) = parse(&inflated, expected_feature_set)?;
        Ok(CompactModelFile {
            name: header.name,
            feature_set: header.feature_set,
            labels: header.labels,
            meta: header.meta,
            tables: tables
                .into_iter()
                .map(|(n, raw)| {
                    let mut t = CompactBuilder::new(
                        raw.labels,
                        raw.buckets,
                        raw.scale,
                        raw.rows,
                        raw.weights,
                        raw.dense_rows,
                    );
                    raw.for_each(|b, mask, row| t.push(b, mask, row))?;
                    Ok((n, t.finish()))
                })
                .collect::<Result<_, ModelError>>()?,
        })
    }

    /// The table called `name`.
    pub fn table(&self, name: &str) -> Result<&CompactLinear, ModelError> {
        self.tables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
            .ok_or_else(|| ModelError::MissingTable {
                model: self.name.clone(),
                table: name.to_string(),
            })
    }

    /// The metadata value of `key`.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A table as stored, its rows decoded only while the caller builds its own form (no
/// intermediate list of rows: the name tagger's 133,000 rows and 460,000 weights would
/// take 3 MB of short-lived memory, whose first touch costs as much as decoding them).
struct RawTable<'a> {
    labels: usize,
    buckets: usize,
    scale: f32,
    /// Number of rows.
    rows: usize,
    /// Number of weights.
    weights: usize,
    /// Rows with at least [`DENSE_HINT`] weights (a capacity hint).
    dense_rows: usize,
    data: RawData<'a>,
}

/// Rows with this many weights are counted in [`RawTable::dense_rows`].
const DENSE_HINT: u32 = 10;

/// The rows of a [`RawTable`].
enum RawData<'a> {
    /// Layouts 1 and 2: (bucket, label mask) and the weights, decoded.
    Decoded(Vec<(u32, u64)>, Vec<i16>),
    /// Layout 3: the row gap and label mask streams (varints) and the weights.
    Streams {
        gaps: &'a [u8],
        masks: &'a [u8],
        weights: Weights<'a>,
    },
}

/// The weight stream of a layout-3 table.
enum Weights<'a> {
    /// Exact `i16`, little-endian.
    Exact(&'a [u8]),
    /// One-byte codes and their values (0 = a code past the codebook).
    Bytes(&'a [u8], Box<[i16; 256]>),
    /// Two-byte codes (little-endian) into a codebook of magnitudes.
    Wide(&'a [u8], Vec<i16>),
}

impl RawTable<'_> {
    /// Calls `f(bucket, label mask, weights)` for every row in bucket order; an error if a
    /// row index, mask or weight code is impossible.
    fn for_each(&self, mut f: impl FnMut(u32, u64, &[i16])) -> Result<(), ModelError> {
        match &self.data {
            RawData::Decoded(rows, weights) => {
                let mut k = 0;
                for &(b, mask) in rows {
                    let n = mask.count_ones() as usize;
                    let row = weights
                        .get(k..k + n)
                        .ok_or(ModelError::Corrupt("truncated"))?;
                    k += n;
                    f(b, mask, row);
                }
            }
            RawData::Streams {
                gaps,
                masks,
                weights,
            } => {
                let mut cur = Cursor {
                    g: Reader {
                        bytes: gaps,
                        pos: 0,
                    },
                    m: Reader {
                        bytes: masks,
                        pos: 0,
                    },
                    at: 0,
                    last: 0,
                    k: 0,
                };
                // in slices of rows, each a call: the browser runs a function's first
                // calls in its baseline compiler and switches to optimised code only at
                // a later call, so one call over all 133,000 rows of the name tagger
                // would run baseline code to the end
                while cur.k < self.rows {
                    let end = (cur.k + ROWS_PER_CALL).min(self.rows);
                    self.rows_between(&mut cur, end, weights, &mut f)?;
                }
            }
        }
        Ok(())
    }

    /// Decodes rows `cur.k..end` of a layout-3 table, calling `f` for each.
    #[inline(never)]
    fn rows_between(
        &self,
        cur: &mut Cursor<'_>,
        end: usize,
        weights: &Weights<'_>,
        f: &mut impl FnMut(u32, u64, &[i16]),
    ) -> Result<(), ModelError> {
        let Cursor {
            g,
            m,
            at,
            last,
            k: first,
        } = cur;
        let mut row = [0i16; 64];
        for k in *first..end {
            let gap = g.varint()? as usize;
            if k > 0 && gap == 0 {
                return Err(ModelError::Corrupt("row index"));
            }
            *last = last.saturating_add(gap);
            if *last >= self.buckets {
                return Err(ModelError::Corrupt("row index"));
            }
            let mask = m.varint()?;
            let n = mask.count_ones() as usize;
            let row = &mut row[..n.min(64)];
            let at0 = *at;
            match weights {
                Weights::Exact(w) => {
                    let w = w
                        .get(at0 * 2..(at0 + n) * 2)
                        .ok_or(ModelError::Corrupt("truncated"))?;
                    for (o, b) in row.iter_mut().zip(w.chunks_exact(2)) {
                        *o = i16::from_le_bytes([b[0], b[1]]);
                    }
                }
                Weights::Bytes(w, table) => {
                    let w = w
                        .get(at0..at0 + n)
                        .ok_or(ModelError::Corrupt("truncated"))?;
                    // the zero check rides along in the same loop (a second scan
                    // of the row was a tenth of the page's decode time)
                    let mut bad = false;
                    for (o, &c) in row.iter_mut().zip(w) {
                        let v = table[c as usize];
                        bad |= v == 0;
                        *o = v;
                    }
                    if bad {
                        return Err(ModelError::Corrupt("weight code"));
                    }
                }
                Weights::Wide(w, book) => {
                    let w = w
                        .get(at0 * 2..(at0 + n) * 2)
                        .ok_or(ModelError::Corrupt("truncated"))?;
                    for (o, b) in row.iter_mut().zip(w.chunks_exact(2)) {
                        *o = decode_code(book, u16::from_le_bytes([b[0], b[1]]) as usize)?;
                    }
                }
            }
            *at += n;
            f(*last as u32, mask, row);
        }
        *first = end;
        Ok(())
    }
}

/// Where [`RawTable::rows_between`] stopped: the stream positions, weights used, last
/// bucket and next row.
struct Cursor<'a> {
    g: Reader<'a>,
    m: Reader<'a>,
    at: usize,
    last: usize,
    k: usize,
}

/// Rows decoded per call of [`RawTable::rows_between`].
const ROWS_PER_CALL: usize = 4096;

/// The weight of `code` in `book`: magnitude `code >> 1`, negative if the low bit is set.
fn decode_code(book: &[i16], c: usize) -> Result<i16, ModelError> {
    let m = *book.get(c >> 1).ok_or(ModelError::Corrupt("weight code"))?;
    Ok(if c & 1 == 1 { -m } else { m })
}

struct Header {
    name: String,
    feature_set: u32,
    labels: Vec<String>,
    meta: Vec<(String, String)>,
}

/// The layout version and the inflated payload of a model file.
fn inflate(bytes: &[u8]) -> Result<(u16, Vec<u8>), ModelError> {
    if bytes.len() < 10 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) {
        return Err(ModelError::UnsupportedFormat { found: version });
    }
    let payload = miniz_oxide::inflate::decompress_to_vec(&bytes[10..])
        .map_err(|_| ModelError::Decompress)?;
    Ok((version, payload))
}

/// Parses a model file's payload (layout `version`) into its header and raw tables.
fn parse<'a>(
    (version, payload): &'a (u16, Vec<u8>),
    expected_feature_set: u32,
) -> Result<(Header, Vec<(String, RawTable<'a>)>), ModelError> {
    let version = *version;
    let mut r = Reader {
        bytes: payload,
        pos: 0,
    };
    let name = r.str()?;
    let feature_set = r.u32()?;
    if feature_set != expected_feature_set {
        return Err(ModelError::FeatureSetMismatch {
            name,
            expected: expected_feature_set,
            found: feature_set,
        });
    }
    let n_labels = r.u32()? as usize;
    let labels = (0..n_labels.min(1 << 16))
        .map(|_| r.str())
        .collect::<Result<Vec<_>, _>>()?;
    let n_meta = r.u32()? as usize;
    let meta = (0..n_meta.min(1 << 16))
        .map(|_| Ok((r.str()?, r.str()?)))
        .collect::<Result<Vec<_>, ModelError>>()?;
    let n_tables = r.u32()? as usize;
    let mut tables = Vec::with_capacity(n_tables.min(64));
    for _ in 0..n_tables {
        let tname = r.str()?;
        let labels = r.u32()? as usize;
        let buckets = r.u32()? as usize;
        let scale = f32::from_le_bytes(
            r.take(4)?
                .try_into()
                .map_err(|_| ModelError::Corrupt("scale"))?,
        );
        if labels == 0 || labels > 64 || buckets > (1 << 26) {
            return Err(ModelError::Corrupt("table dimensions"));
        }
        let n_rows = r.u32()? as usize;
        if n_rows > buckets {
            return Err(ModelError::Corrupt("row count"));
        }
        let full = u64::MAX >> (64 - labels);
        if version >= 3 {
            // the streams are only measured (and the masks checked) here; the rows are
            // decoded while the caller builds its table
            let start = r.pos;
            r.skip_varints(n_rows)?;
            let gaps = &payload[start..r.pos];
            let start = r.pos;
            let (mut need, mut dense_rows) = (0usize, 0usize);
            for _ in 0..n_rows {
                let mask = r.varint()?;
                if mask & !full != 0 {
                    return Err(ModelError::Corrupt("label mask"));
                }
                need += mask.count_ones() as usize;
                dense_rows += usize::from(mask.count_ones() >= DENSE_HINT);
            }
            let masks = &payload[start..r.pos];
            let n = r.take(2)?;
            let n = u16::from_le_bytes([n[0], n[1]]) as usize;
            let book: Vec<i16> = r
                .take(n * 2)?
                .chunks_exact(2)
                .map(|b| {
                    i16::try_from(u16::from_le_bytes([b[0], b[1]]))
                        .ok()
                        .filter(|&m| m > 0)
                        .ok_or(ModelError::Corrupt("codebook"))
                })
                .collect::<Result<_, _>>()?;
            let weights = if book.is_empty() {
                Weights::Exact(r.take(need * 2)?)
            } else if book.len() <= BYTE_CODEBOOK {
                // one table lookup per byte; 0 marks a code past the codebook (no code
                // decodes to 0: every magnitude is positive)
                let mut table = Box::new([0i16; 256]);
                for (c, t) in table.iter_mut().enumerate() {
                    if book.get(c >> 1).is_some() {
                        *t = decode_code(&book, c)?;
                    }
                }
                Weights::Bytes(r.take(need)?, table)
            } else {
                Weights::Wide(r.take(need * 2)?, book)
            };
            tables.push((
                tname,
                RawTable {
                    labels,
                    buckets,
                    scale,
                    rows: n_rows,
                    weights: need,
                    dense_rows,
                    data: RawData::Streams {
                        gaps,
                        masks,
                        weights,
                    },
                },
            ));
            continue;
        }
        let mut rows = Vec::with_capacity(n_rows);
        let mut last = 0usize;
        for k in 0..n_rows {
            let gap = r.varint()? as usize;
            if k > 0 && gap == 0 {
                return Err(ModelError::Corrupt("row index"));
            }
            last = last.saturating_add(gap);
            if last >= buckets {
                return Err(ModelError::Corrupt("row index"));
            }
            let mask = if version == 1 { full } else { r.varint()? };
            if mask & !full != 0 {
                return Err(ModelError::Corrupt("label mask"));
            }
            rows.push((last as u32, mask));
        }
        let need: usize = rows.iter().map(|&(_, m)| m.count_ones() as usize).sum();
        let weights: Vec<i16> = if version == 1 {
            // column-major: every label's weights for all rows, label by label
            let block = r.take(labels * n_rows * 2)?;
            let mut w = vec![0i16; labels * n_rows];
            for (l, col) in block.chunks_exact(n_rows.max(1) * 2).enumerate() {
                for (k, b) in col.chunks_exact(2).enumerate() {
                    w[k * labels + l] = i16::from_le_bytes([b[0], b[1]]);
                }
            }
            w
        } else {
            r.take(need * 2)?
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect()
        };
        let dense_rows = rows
            .iter()
            .filter(|&&(_, m)| m.count_ones() >= DENSE_HINT)
            .count();
        tables.push((
            tname,
            RawTable {
                labels,
                buckets,
                scale,
                rows: rows.len(),
                weights: weights.len(),
                dense_rows,
                data: RawData::Decoded(rows, weights),
            },
        ));
    }
    Ok((
        Header {
            name,
            feature_set,
            labels,
            meta,
        },
        tables,
    ))
}

/// A model file with the same payload deflated at `level` (0 = stored): the weights,
/// labels and metadata stay byte for byte what they were; only the compression changes.
pub fn recompress(bytes: &[u8], level: u8) -> Result<Vec<u8>, ModelError> {
    let (_, payload) = inflate(bytes)?;
    let mut out = bytes[..10].to_vec();
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(
        &payload,
        level.min(10),
    ));
    Ok(out)
}

/// The codebook of `size` evenly spaced magnitudes up to the largest of `weights` (8-bit
/// linear quantisation with one step per table when `size` is 128), and `weights` mapped
/// to it: each weight becomes the nearest codebook magnitude with its sign, or 0 when it is
/// nearer 0 than the first one. (Evenly spaced levels keep the large weights exact to half
/// a step; k-means levels, finer for the many small weights, cost the name tagger up to 7
/// points of F1 at the same size.)
pub fn uniform_codebook(weights: &[i16], size: usize) -> (Vec<u16>, Vec<i16>) {
    let size = size.clamp(1, MAX_CODEBOOK) as u32;
    let max = weights
        .iter()
        .map(|w| w.unsigned_abs() as u32)
        .max()
        .unwrap_or(0);
    if max == 0 {
        return (Vec::new(), weights.to_vec());
    }
    let book: Vec<u16> = (1..=size)
        .map(|i| ((max * i + size / 2) / size).max(1) as u16)
        .collect();
    let mapped = weights
        .iter()
        .map(|&w| {
            let i = (w.unsigned_abs() as u32 * size + max / 2) / max;
            if i == 0 {
                0
            } else {
                let m = book[(i - 1).min(size - 1) as usize] as i16;
                if w < 0 {
                    -m
                } else {
                    m
                }
            }
        })
        .collect();
    (book, mapped)
}

/// The code of `w` (non-zero, a magnitude of `book` with a sign): index of its magnitude
/// × 2, plus 1 if negative.
fn encode(book: &[u16], w: i16) -> u16 {
    let i = book.partition_point(|&b| b < w.unsigned_abs());
    (i.min(book.len().saturating_sub(1)) * 2) as u16 | u16::from(w < 0)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(ModelError::Corrupt("length"))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(ModelError::Corrupt("truncated"))?;
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt("string is not UTF-8"))
    }

    /// Moves past `n` varints without decoding them: their last bytes (high bit clear)
    /// are counted eight at a time, which in the browser's baseline compiler costs a
    /// fraction of decoding each one.
    fn skip_varints(&mut self, mut n: usize) -> Result<(), ModelError> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let mut pos = self.pos;
        while n >= 8 {
            let Some(chunk) = self.bytes.get(pos..pos + 8) else {
                break;
            };
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let ends = (!u64::from_le_bytes(word) & HIGH).count_ones() as usize;
            if ends >= n {
                // the n-th end is in this word, maybe before its last byte
                break;
            }
            n -= ends;
            pos += 8;
        }
        while n > 0 {
            let &b = self.bytes.get(pos).ok_or(ModelError::Corrupt("varint"))?;
            pos += 1;
            n -= usize::from(b < 0x80);
        }
        self.pos = pos;
        Ok(())
    }

    // inlined: the decode loops call it for every row (twice), and a call per varint was
    // a quarter of the name model's decode
    #[inline(always)]
    fn varint(&mut self) -> Result<u64, ModelError> {
        // most values fit one byte
        if let Some(&b) = self.bytes.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(b as u64);
            }
        }
        let mut v = 0u64;
        let mut shift = 0u32;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                break;
            }
        }
        Err(ModelError::Corrupt("varint"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelFile {
        let mut w = vec![0.0f32; 3 * 16];
        w[5 * 3 + 1] = 2.5;
        w[9 * 3 + 2] = -1.0;
        ModelFile {
            name: "test".into(),
            feature_set: 7,
            labels: vec!["O".into(), "B".into(), "I".into()],
            meta: vec![("trained".into(), "by a test".into())],
            tables: vec![("emission".into(), LinearModel::quantise(3, 16, &w))],
        }
    }

    #[test]
    fn round_trip() {
        let m = sample();
        let bytes = m.to_bytes();
        assert_eq!(ModelFile::from_bytes(&bytes, 7), Ok(m.clone()));
        let c = CompactModelFile::from_bytes(&bytes, 7).expect("loads sparse");
        assert_eq!(c.labels, m.labels);
        assert_eq!(c.meta("trained"), Some("by a test"));
        let dense = &m.tables[0].1;
        let sparse = c.table("emission").expect("table");
        for b in 0..16 {
            for l in 0..3 {
                assert_eq!(sparse.weight(b, l), dense.weights[b * 3 + l]);
            }
        }
    }

    /// The layout-1 writer, kept to check old files still load.
    fn to_bytes_v1(m: &ModelFile) -> Vec<u8> {
        let mut p = Vec::new();
        put_str(&mut p, &m.name);
        p.extend_from_slice(&m.feature_set.to_le_bytes());
        put_u32(&mut p, m.labels.len() as u32);
        for l in &m.labels {
            put_str(&mut p, l);
        }
        put_u32(&mut p, m.meta.len() as u32);
        for (k, v) in &m.meta {
            put_str(&mut p, k);
            put_str(&mut p, v);
        }
        put_u32(&mut p, m.tables.len() as u32);
        for (name, t) in &m.tables {
            put_str(&mut p, name);
            put_u32(&mut p, t.labels as u32);
            put_u32(&mut p, t.buckets as u32);
            p.extend_from_slice(&t.scale.to_le_bytes());
            let rows: Vec<usize> = (0..t.buckets)
                .filter(|&b| {
                    t.weights[b * t.labels..(b + 1) * t.labels]
                        .iter()
                        .any(|&w| w != 0)
                })
                .collect();
            put_u32(&mut p, rows.len() as u32);
            let mut last = 0usize;
            for &b in &rows {
                put_varint(&mut p, (b - last) as u64);
                last = b;
            }
            for l in 0..t.labels {
                for &b in &rows {
                    p.extend_from_slice(&t.weights[b * t.labels + l].to_le_bytes());
                }
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&p, 9));
        out
    }

    #[test]
    fn layout_1_still_loads() {
        let m = sample();
        let old = to_bytes_v1(&m);
        assert_eq!(ModelFile::from_bytes(&old, 7), Ok(m.clone()));
        let c = CompactModelFile::from_bytes(&old, 7).expect("loads sparse");
        assert_eq!(
            c.table("emission").expect("table").weight(5, 1),
            m.tables[0].1.weights[5 * 3 + 1]
        );
    }

    #[test]
    fn codebook_weights_round_trip() {
        let mut w = vec![0.0f32; 3 * 64];
        for (k, x) in w.iter_mut().enumerate() {
            *x = (k as f32 - 90.0) * 0.37 * if k % 3 == 0 { 1.0 } else { 0.0 };
        }
        let m = ModelFile {
            tables: vec![("emission".into(), LinearModel::quantise(3, 64, &w))],
            ..sample()
        };
        let dense = &m.tables[0].1;
        let bytes = m.to_bytes_with(&WriteOptions {
            level: 9,
            codebooks: vec![("emission".into(), 16)],
        });
        let (book, expected) = uniform_codebook(&dense.weights, 16);
        assert_eq!(book.len(), 16);
        assert_eq!(book.last().copied(), Some(i16::MAX as u16));
        let back = ModelFile::from_bytes(&bytes, 7).expect("loads");
        assert_eq!(back.tables[0].1.weights, expected);
        // quantising twice changes nothing
        assert_eq!(uniform_codebook(&expected, 16).1, expected);
        // small weights fall to zero, large ones keep half a step of precision
        for (&q, &d) in expected.iter().zip(&dense.weights) {
            assert!((q as i32 - d as i32).abs() <= i16::MAX as i32 / 32 + 1);
        }
        let c = CompactModelFile::from_bytes(&bytes, 7).expect("loads sparse");
        for (k, &q) in expected.iter().enumerate() {
            assert_eq!(c.table("emission").expect("table").weight(k / 3, k % 3), q);
        }
        // two-byte codes
        let wide = m.to_bytes_with(&WriteOptions {
            level: 9,
            codebooks: vec![("emission".into(), 512)],
        });
        let back = ModelFile::from_bytes(&wide, 7).expect("loads");
        assert_eq!(
            back.tables[0].1.weights,
            uniform_codebook(&dense.weights, 512).1
        );
        // a code outside the codebook is an error, not a panic
        let mut broken = bytes.clone();
        broken.truncate(broken.len() - 1);
        assert!(ModelFile::from_bytes(&broken, 7).is_err());
    }

    #[test]
    fn recompressing_keeps_the_payload() {
        let bytes = sample().to_bytes();
        let stored = recompress(&bytes, 0).expect("recompresses");
        assert!(stored.len() > bytes.len());
        assert_eq!(
            ModelFile::from_bytes(&stored, 7),
            ModelFile::from_bytes(&bytes, 7)
        );
        assert_eq!(recompress(&stored, 9), Ok(bytes));
        assert_eq!(recompress(b"nonsense!!", 0), Err(ModelError::BadMagic));
    }

    #[test]
    fn skipping_varints_lands_where_decoding_them_does() {
        let mut bytes = Vec::new();
        for k in 0..300u64 {
            put_varint(&mut bytes, k * k * (k % 7) + (k % 3) * 1_000_000);
        }
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 100, 299, 300] {
            let mut a = Reader {
                bytes: &bytes,
                pos: 0,
            };
            let mut b = Reader {
                bytes: &bytes,
                pos: 0,
            };
            for _ in 0..n {
                a.varint().expect("decodes");
            }
            b.skip_varints(n).expect("skips");
            assert_eq!(a.pos, b.pos, "{n}");
        }
        let mut r = Reader {
            bytes: &bytes,
            pos: 0,
        };
        assert!(r.skip_varints(301).is_err());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let bytes = sample().to_bytes();
        assert_eq!(
            ModelFile::from_bytes(b"nonsense!!", 7),
            Err(ModelError::BadMagic)
        );
        assert!(matches!(
            ModelFile::from_bytes(&bytes, 8),
            Err(ModelError::FeatureSetMismatch { .. })
        ));
        let mut newer = bytes.clone();
        newer[8] = 99;
        assert_eq!(
            ModelFile::from_bytes(&newer, 7),
            Err(ModelError::UnsupportedFormat { found: 99 })
        );
        let truncated = &bytes[..bytes.len() - 5];
        assert!(ModelFile::from_bytes(truncated, 7).is_err());
    }
}
