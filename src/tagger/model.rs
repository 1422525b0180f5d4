//! The compact model file: a header that names the model, its feature set and labels (so
//! an old binary refuses a new model with a clear error instead of misreading it), then
//! sparse quantised weight tables, deflate-compressed. Embedded with `include_bytes!`.

use super::linear::LinearModel;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"CLMODEL\0";
/// Version of the file layout this code reads and writes.
pub const FORMAT_VERSION: u16 = 1;

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// Not a claimlens model file.
    #[error("not a claimlens model (bad magic bytes)")]
    BadMagic,
    /// Written by a newer or older layout.
    #[error("model file format {found} is not supported (this build reads {FORMAT_VERSION})")]
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

    /// Serialises to the compressed file format. Rows whose weights all quantise to zero
    /// are left out.
    pub fn to_bytes(&self) -> Vec<u8> {
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
            // weights column-major by label: similar values sit together and compress well
            for l in 0..t.labels {
                for &b in &rows {
                    p.extend_from_slice(&t.weights[b * t.labels + l].to_le_bytes());
                }
            }
        }
        let mut out = Vec::with_capacity(p.len() / 3 + 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&p, 9));
        out
    }

    /// Parses a model file; `expected_feature_set` must match the one it was trained with.
    pub fn from_bytes(bytes: &[u8], expected_feature_set: u32) -> Result<ModelFile, ModelError> {
        if bytes.len() < 10 || &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if version != FORMAT_VERSION {
            return Err(ModelError::UnsupportedFormat { found: version });
        }
        let payload = miniz_oxide::inflate::decompress_to_vec(&bytes[10..])
            .map_err(|_| ModelError::Decompress)?;
        let mut r = Reader {
            bytes: &payload,
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
        let labels = (0..n_labels)
            .map(|_| r.str())
            .collect::<Result<Vec<_>, _>>()?;
        let n_meta = r.u32()? as usize;
        let meta = (0..n_meta)
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
            let mut rows = Vec::with_capacity(n_rows);
            let mut last = 0usize;
            for _ in 0..n_rows {
                last += r.varint()? as usize;
                if last >= buckets {
                    return Err(ModelError::Corrupt("row index"));
                }
                rows.push(last);
            }
            let mut weights = vec![0i16; labels * buckets];
            for l in 0..labels {
                for &b in &rows {
                    let w = r.take(2)?;
                    weights[b * labels + l] = i16::from_le_bytes([w[0], w[1]]);
                }
            }
            tables.push((
                tname,
                LinearModel {
                    labels,
                    buckets,
                    weights,
                    scale,
                },
            ));
        }
        Ok(ModelFile {
            name,
            feature_set,
            labels,
            meta,
            tables,
        })
    }
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

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
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
        assert_eq!(ModelFile::from_bytes(&bytes, 7), Ok(m));
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
