//! Feature hashing: a feature is a template id plus a few strings, hashed (FNV-1a) into a
//! fixed number of buckets, so no feature dictionary ships with the model.

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
    }
}
