//! Feature hashing: a feature is a template id plus a few strings, hashed into a fixed
//! number of buckets, so no feature dictionary ships with the model. Two hash functions:
//! [`FeatureHasher::hash`] (FNV-1a, byte by byte) and [`FeatureHasher::fast`] (eight
//! bytes at a time; several times quicker on words). They give different buckets, so a
//! model must be used with the one it was trained with (its feature set says which).

/// Hashes features into `buckets` slots (a power of two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureHasher {
    mask: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The last bytes of a string (fewer than eight) as a little-endian integer, zero-padded:
/// `u64::from_le_bytes` of a zero-padded copy, without the call to `memcpy` that copying a
/// slice of variable length compiles to (every word's hash ends with one).
#[inline]
pub(crate) fn tail_le(rest: &[u8]) -> u64 {
    let mut v = 0u64;
    for (k, &b) in rest.iter().enumerate().take(8) {
        v |= (b as u64) << (8 * k);
    }
    v
}

impl FeatureHasher {
    /// A hasher into `2^bits` buckets.
    pub fn new(bits: u32) -> Self {
        FeatureHasher {
            mask: (1u64 << bits.min(31)) - 1,
        }
    }

    /// Number of buckets.
    pub fn buckets(&self) -> usize {
        (self.mask + 1) as usize
    }

    /// Bucket of template `template` with the string parts `parts`, hashing eight bytes
    /// per step (a multiply-rotate mix per word, then a full avalanche).
    #[inline]
    pub fn fast(&self, template: u16, parts: &[&str]) -> u32 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = (template as u64 + 1).wrapping_mul(K);
        for p in parts {
            let bytes = p.as_bytes();
            let mut chunks = bytes.chunks_exact(8);
            for c in &mut chunks {
                let mut w = [0u8; 8];
                w.copy_from_slice(c);
                h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
            }
            // the length keeps ("ab","c") apart from ("a","bc")
            let tail = tail_le(chunks.remainder()) ^ ((bytes.len() as u64) << 56);
            h = (h.rotate_left(23) ^ tail).wrapping_mul(K);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        (h & self.mask) as u32
    }

    /// A string hashed on its own, to be combined later with [`FeatureHasher::mix`]: a
    /// tagger that uses the same word in many features hashes its text only once.
    #[inline]
    pub fn part(s: &str) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let bytes = s.as_bytes();
        let mut h = K ^ bytes.len() as u64;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        h = (h.rotate_left(23) ^ tail_le(chunks.remainder())).wrapping_mul(K);
        h ^ (h >> 29)
    }

    /// Bucket of template `template` with parts already hashed by [`FeatureHasher::part`]
    /// (or any other 64-bit values: small codes, flags).
    #[inline]
    pub fn mix(&self, template: u16, parts: &[u64]) -> u32 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = (template as u64 + 1).wrapping_mul(K);
        for &p in parts {
            h = (h.rotate_left(23) ^ p).wrapping_mul(K);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        (h & self.mask) as u32
    }

    /// Bucket of template `template` with the string parts `parts`.
    #[inline]
    pub fn hash(&self, template: u16, parts: &[&str]) -> u32 {
        let mut h = fnv(FNV_OFFSET, &template.to_le_bytes());
        for p in parts {
            h = fnv(h, p.as_bytes());
            h = fnv(h, &[0x1f]); // separator: ("ab","c") differs from ("a","bc")
        }
        // final avalanche so low bits depend on every input byte
        h ^= h >> 29;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 32;
        (h & self.mask) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_separated() {
        let h = FeatureHasher::new(20);
        assert_eq!(h.hash(1, &["ab", "c"]), h.hash(1, &["ab", "c"]));
        assert_ne!(h.hash(1, &["ab", "c"]), h.hash(1, &["a", "bc"]));
        assert_ne!(h.hash(1, &["x"]), h.hash(2, &["x"]));
        assert!(h.hash(7, &["anything"]) < (1 << 20));
        assert_eq!(h.fast(1, &["ab", "c"]), h.fast(1, &["ab", "c"]));
        assert_ne!(h.fast(1, &["ab", "c"]), h.fast(1, &["a", "bc"]));
        assert_ne!(h.fast(1, &["abcdefgh"]), h.fast(1, &["abcdefgh", ""]));
        assert_ne!(h.fast(1, &["x"]), h.fast(2, &["x"]));
        assert!(h.fast(7, &["a longer string than eight bytes"]) < (1 << 20));
        let (a, b) = (FeatureHasher::part("ab"), FeatureHasher::part("c"));
        assert_eq!(h.mix(1, &[a, b]), h.mix(1, &[a, b]));
        assert_ne!(h.mix(1, &[a, b]), h.mix(1, &[b, a]));
        assert_ne!(h.mix(1, &[a]), h.mix(2, &[a]));
        assert_ne!(
            FeatureHasher::part("abcdefgh"),
            FeatureHasher::part("abcdefgh\0")
        );
    }
}
