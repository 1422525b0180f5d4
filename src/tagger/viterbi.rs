//! Constrained Viterbi decoding: the best tag sequence under emission and transition
//! scores, never passing through a forbidden transition.

use super::bilou::Bilou;

/// Transition scores and the allowed-transition mask of a tag set.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    tags: usize,
    /// `score[(prev + 1) * tags + next]`; row 0 is the sequence start.
    score: Vec<f32>,
    /// Score added when the sequence ends on each tag (−inf where not allowed).
    end: Vec<f32>,
}

impl Transitions {
    /// Hard BILOU constraints only (allowed = 0, forbidden = −inf).
    pub fn from_bilou(b: &Bilou) -> Self {
        let n = b.tags();
        let mut score = vec![f32::NEG_INFINITY; (n + 1) * n];
        for prev in 0..=n {
            for next in 0..n {
                let p = if prev == 0 { None } else { Some(prev - 1) };
                if b.allowed(p, next) {
                    score[prev * n + next] = 0.0;
                }
            }
        }
        let end = (0..n)
            .map(|t| {
                if b.allowed_last(t) {
                    0.0
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        Transitions {
            tags: n,
            score,
            end,
        }
    }

    /// Adds learned scores (`(tags + 1) * tags`, row 0 = start) on top of the constraints.
    pub fn add_scores(&mut self, learned: &[f32]) {
        for (s, l) in self.score.iter_mut().zip(learned) {
            if s.is_finite() {
                *s += l;
            }
        }
    }

    /// Number of tags.
    pub fn tags(&self) -> usize {
        self.tags
    }

    /// Score of `next` after `prev` (`None` = start).
    pub fn score(&self, prev: Option<usize>, next: usize) -> f32 {
        self.score[prev.map_or(0, |p| p + 1) * self.tags + next]
    }
}

/// Best tags for `emissions` (`len * tags`, row-major by token).
pub fn decode(emissions: &[f32], trans: &Transitions) -> Vec<usize> {
    let n = trans.tags;
    if n == 0 || emissions.is_empty() {
        return Vec::new();
    }
    let len = emissions.len() / n;
    let mut best = vec![f32::NEG_INFINITY; len * n];
    let mut back = vec![0u16; len * n];
    for t in 0..n {
        best[t] = emissions[t] + trans.score(None, t);
    }
    for i in 1..len {
        for t in 0..n {
            let mut b = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..n {
                let s = best[(i - 1) * n + p] + trans.score[(p + 1) * n + t];
                if s > b {
                    b = s;
                    arg = p;
                }
            }
            best[i * n + t] = b + emissions[i * n + t];
            back[i * n + t] = arg as u16;
        }
    }
    let mut last = 0;
    let mut b = f32::NEG_INFINITY;
    for t in 0..n {
        let s = best[(len - 1) * n + t] + trans.end[t];
        if s > b {
            b = s;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::bilou::Part;

    #[test]
    fn never_breaks_a_span() {
        let b = Bilou::new(["PER"]);
        let t = Transitions::from_bilou(&b);
        // emissions prefer B then O, which is forbidden: decoding must fix it
        let n = b.tags();
        let mut e = vec![0.0f32; 2 * n];
        e[b.tag(Part::Begin, 0)] = 5.0;
        e[n] = 4.0;
        e[n + b.tag(Part::Last, 0)] = 3.0;
        let tags = decode(&e, &t);
        assert_eq!(b.decode(&tags), vec![(0..2, 0)]);
    }
}
