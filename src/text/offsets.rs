//! Conversions between byte offsets (used inside the core), Unicode code points (the
//! exported JSON, spec section 1) and UTF-16 code units (the DOM).

/// Bytes between checkpoints: a lookup scans at most this many bytes.
const BLOCK: usize = 64;

/// Converts byte offsets of one text to code-point and UTF-16 offsets.
///
/// Keeps a checkpoint every 64 bytes, so it costs about 1/8 of the text's size and a
/// lookup is a table read plus a short scan. ASCII text needs no table at all.
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    text: &'a str,
    ascii: bool,
    /// `(chars, utf16 units)` before byte `k * BLOCK` (or the char boundary just after it).
    checkpoints: Vec<(u32, u32)>,
}

impl<'a> OffsetMap<'a> {
    /// Builds the map for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let (mut chars, mut units) = (0u32, 0u32);
            let mut next = 0usize;
            for (b, c) in text.char_indices() {
                while b >= next {
                    // a checkpoint at a non-boundary byte records the counts of the next boundary
                    checkpoints.push((chars, units));
                    next += BLOCK;
                }
                chars += 1;
                units += c.len_utf16() as u32;
            }
            while next <= text.len() {
                checkpoints.push((chars, units));
                next += BLOCK;
            }
        }
        OffsetMap {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The text this map describes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.to_char(self.text.len())
    }

    /// Number of UTF-16 units in the text.
    pub fn utf16_len(&self) -> usize {
        self.to_utf16(self.text.len())
    }

    fn counts(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(self.text, byte);
        if self.ascii {
            return (byte, byte);
        }
        let block = byte / BLOCK;
        let (mut chars, mut units) = self.checkpoints[block];
        let from = ceil_char_boundary(self.text, block * BLOCK).min(byte);
        for c in self.text[from..byte].chars() {
            chars += 1;
            units += c.len_utf16() as u32;
        }
        (chars as usize, units as usize)
    }

    /// Code-point offset of a byte offset (a byte inside a character maps to its start).
    pub fn to_char(&self, byte: usize) -> usize {
        self.counts(byte).0
    }

    /// UTF-16 offset of a byte offset (a byte inside a character maps to its start).
    pub fn to_utf16(&self, byte: usize) -> usize {
        self.counts(byte).1
    }

    /// Byte offset of a code-point offset (past the end maps to the text's length).
    pub fn char_to_byte(&self, char_offset: usize) -> usize {
        if self.ascii {
            return char_offset.min(self.text.len());
        }
        // binary search the checkpoints, then scan
        let k = self
            .checkpoints
            .partition_point(|&(c, _)| (c as usize) <= char_offset)
            .saturating_sub(1);
        let first = self.checkpoints[k].0 as usize;
        let from = ceil_char_boundary(self.text, k * BLOCK);
        self.text[from..]
            .char_indices()
            .nth(char_offset.saturating_sub(first))
            .map_or(self.text.len(), |(b, _)| from + b)
    }

    /// Byte offset of a UTF-16 offset (inside a surrogate pair maps to the pair's start).
    pub fn utf16_to_byte(&self, unit_offset: usize) -> usize {
        if self.ascii {
            return unit_offset.min(self.text.len());
        }
        let k = self
            .checkpoints
            .partition_point(|&(_, u)| (u as usize) <= unit_offset)
            .saturating_sub(1);
        let mut units = self.checkpoints[k].1 as usize;
        let from = ceil_char_boundary(self.text, k * BLOCK);
        for (b, c) in self.text[from..].char_indices() {
            let next = units + c.len_utf16();
            if next > unit_offset {
                return from + b;
            }
            units = next;
        }
        self.text.len()
    }
}

/// The largest char boundary at or before `byte`.
pub fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The smallest char boundary at or after `byte`.
pub fn ceil_char_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// Code-point offset of every UTF-16 offset; a standalone helper for callers that hold
/// no map (the web layer converts a handful of offsets at a time).
pub fn utf16_to_char(text: &str, unit_offset: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units >= unit_offset {
            return i;
        }
        units += c.len_utf16();
    }
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let map = OffsetMap::new(text);
        let mut chars = 0;
        let mut units = 0;
        for (b, c) in text.char_indices() {
            assert_eq!(map.to_char(b), chars, "char at byte {b}");
            assert_eq!(map.to_utf16(b), units, "utf16 at byte {b}");
            assert_eq!(map.char_to_byte(chars), b);
            assert_eq!(map.utf16_to_byte(units), b);
            chars += 1;
            units += c.len_utf16();
        }
        assert_eq!(map.char_len(), chars);
        assert_eq!(map.utf16_len(), units);
        assert_eq!(map.char_to_byte(chars), text.len());
    }

    #[test]
    fn ascii_is_identity() {
        check_all("Okafor said the U.S. would not.");
    }

    #[test]
    fn multibyte_and_astral() {
        check_all("“That’s not” 😀 said 👩‍👩‍👧 é combining e\u{301} مرحبا");
        let long: String = "é€😀a".repeat(100);
        check_all(&long);
    }

    #[test]
    fn inside_a_char_maps_to_its_start() {
        let map = OffsetMap::new("a€b");
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(4), 2);
    }
}
