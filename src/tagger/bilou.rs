//! BILOU tags over token sequences: spans ↔ tags, and which tag may follow which (so
//! decoding never produces a broken span).

use std::ops::Range;

/// A BILOU tag set over `types` span types. Tag 0 is `O`; type `t` has tags
/// `1 + 4t + {0: B, 1: I, 2: L, 3: U}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilou {
    types: Vec<String>,
}

/// Position of a tag inside its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Outside any span.
    Outside,
    /// Begins a multi-token span.
    Begin,
    /// Inside a multi-token span.
    Inside,
    /// Ends a multi-token span.
    Last,
    /// A one-token span.
    Unit,
}

impl Bilou {
    /// A tag set over these span types.
    pub fn new<S: Into<String>>(types: impl IntoIterator<Item = S>) -> Self {
        Bilou {
            types: types.into_iter().map(Into::into).collect(),
        }
    }

    /// Number of tags (`1 + 4 * types`).
    pub fn tags(&self) -> usize {
        1 + 4 * self.types.len()
    }

    /// The span types.
    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// Tag names ("O", "B-PERSON", ...), in index order.
    pub fn tag_names(&self) -> Vec<String> {
        let mut out = vec!["O".to_string()];
        for t in &self.types {
            for p in ["B", "I", "L", "U"] {
                out.push(format!("{p}-{t}"));
            }
        }
        out
    }

    /// Position and type of a tag.
    pub fn split(&self, tag: usize) -> (Part, Option<usize>) {
        if tag == 0 || tag >= self.tags() {
            return (Part::Outside, None);
        }
        let t = (tag - 1) / 4;
        let part = match (tag - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        };
        (part, Some(t))
    }

    /// The tag of `part` for type `t`.
    pub fn tag(&self, part: Part, t: usize) -> usize {
        match part {
            Part::Outside => 0,
            Part::Begin => 1 + 4 * t,
            Part::Inside => 2 + 4 * t,
            Part::Last => 3 + 4 * t,
            Part::Unit => 4 + 4 * t,
        }
    }

    /// May `next` follow `prev`? (`prev = None` at the sequence start.)
    pub fn allowed(&self, prev: Option<usize>, next: usize) -> bool {
        let (pp, pt) = prev.map_or((Part::Outside, None), |p| self.split(p));
        let (np, nt) = self.split(next);
        let open = matches!(pp, Part::Begin | Part::Inside);
        match np {
            Part::Inside | Part::Last => open && pt == nt,
            _ => !open,
        }
    }

    /// May a sequence end with `tag`?
    pub fn allowed_last(&self, tag: usize) -> bool {
        !matches!(self.split(tag).0, Part::Begin | Part::Inside)
    }

    /// Tags for `n` tokens with the given (token range, type) spans; overlapping spans
    /// after the first are dropped.
    pub fn encode(&self, n: usize, spans: &[(Range<usize>, usize)]) -> Vec<usize> {
        let mut tags = vec![0; n];
        for (r, t) in spans {
            if r.is_empty() || r.end > n || tags[r.clone()].iter().any(|&x| x != 0) {
                continue;
            }
            if r.len() == 1 {
                tags[r.start] = self.tag(Part::Unit, *t);
            } else {
                tags[r.start] = self.tag(Part::Begin, *t);
                for x in &mut tags[r.start + 1..r.end - 1] {
                    *x = self.tag(Part::Inside, *t);
                }
                tags[r.end - 1] = self.tag(Part::Last, *t);
            }
        }
        tags
    }

    /// Spans of a tag sequence (lenient: a broken span is closed where it breaks).
    pub fn decode(&self, tags: &[usize]) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &tag) in tags.iter().enumerate() {
            let (part, t) = self.split(tag);
            match (part, t) {
                (Part::Begin, Some(t)) => {
                    if let Some((s, ot)) = open.take() {
                        out.push((s..i, ot));
                    }
                    open = Some((i, t));
                }
                (Part::Inside, Some(t)) | (Part::Last, Some(t)) => match open {
                    Some((s, ot)) if ot == t => {
                        if part == Part::Last {
                            out.push((s..i + 1, t));
                            open = None;
                        }
                    }
                    _ => {
                        if let Some((s, ot)) = open.take() {
                            out.push((s..i, ot));
                        }
                        if part == Part::Last {
                            out.push((i..i + 1, t));
                        } else {
                            open = Some((i, t));
                        }
                    }
                },
                (Part::Unit, Some(t)) => {
                    if let Some((s, ot)) = open.take() {
                        out.push((s..i, ot));
                    }
                    out.push((i..i + 1, t));
                }
                _ => {
                    if let Some((s, ot)) = open.take() {
                        out.push((s..i, ot));
                    }
                }
            }
        }
        if let Some((s, t)) = open {
            out.push((s..tags.len(), t));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let b = Bilou::new(["PER", "ORG"]);
        let spans = vec![(0..2, 0), (3..4, 1), (5..8, 1)];
        let tags = b.encode(9, &spans);
        assert_eq!(b.decode(&tags), spans);
        for w in tags.windows(2) {
            assert!(b.allowed(Some(w[0]), w[1]));
        }
    }

    #[test]
    fn constraints() {
        let b = Bilou::new(["PER"]);
        assert!(!b.allowed(None, b.tag(Part::Inside, 0)));
        assert!(!b.allowed(Some(b.tag(Part::Begin, 0)), 0));
        assert!(b.allowed(Some(b.tag(Part::Begin, 0)), b.tag(Part::Last, 0)));
        assert!(!b.allowed_last(b.tag(Part::Begin, 0)));
    }
}
