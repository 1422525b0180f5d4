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
    /// For each tag, the previous tags allowed before it with the transition score (BILOU
    /// makes this sparse: decoding looks only at these).
    prev: Vec<Vec<(u16, f32)>>,
    /// Tags that share the same allowed previous tags, decoded together (see [`Group`]).
    groups: Vec<Group>,
    /// Is each tag in one of the groups?
    grouped: Vec<bool>,
}

/// Lanes of a vectorised group.
const LANES: usize = 16;

/// Next tags with the same allowed previous tags (under BILOU: every `O`, `B-` and `U-`
/// tag may follow any `O`, `L-` or `U-` tag). Their best predecessors are found together,
/// one previous tag at a time across all lanes, which the compiler vectorises.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    /// Next tags (at most [`LANES`]).
    targets: Vec<u16>,
    /// Allowed previous tags.
    prev: Vec<u16>,
    /// Transition score from `prev[k]` to `targets[j]` at `scores[k][j]`; −inf padding.
    scores: Vec<[f32; LANES]>,
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
        let mut t = Transitions {
            tags: n,
            score,
            end,
            prev: Vec::new(),
            groups: Vec::new(),
            grouped: Vec::new(),
        };
        t.index_prev();
        t
    }

    fn index_prev(&mut self) {
        let n = self.tags;
        self.prev = (0..n)
            .map(|next| {
                (0..n)
                    .filter_map(|p| {
                        let s = self.score[(p + 1) * n + next];
                        s.is_finite().then_some((p as u16, s))
                    })
                    .collect()
            })
            .collect();
        // group next tags by their allowed previous tags (big groups only: small ones are
        // quicker one by one)
        let mut groups: Vec<Group> = Vec::new();
        for next in 0..n {
            let prev: Vec<u16> = self.prev[next].iter().map(|&(p, _)| p).collect();
            let g = groups
                .iter_mut()
                .find(|g| g.prev == prev && g.targets.len() < LANES);
            match g {
                Some(g) => g.targets.push(next as u16),
                None => groups.push(Group {
                    targets: vec![next as u16],
                    prev,
                    scores: Vec::new(),
                }),
            }
        }
        groups.retain(|g| g.targets.len() > 4);
        for g in &mut groups {
            g.scores = g
                .prev
                .iter()
                .map(|&p| {
                    let mut row = [f32::NEG_INFINITY; LANES];
                    for (j, &t) in g.targets.iter().enumerate() {
                        row[j] = self.score[(p as usize + 1) * n + t as usize];
                    }
                    row
                })
                .collect();
        }
        self.grouped = vec![false; n];
        for g in &groups {
            for &t in &g.targets {
                self.grouped[t as usize] = true;
            }
        }
        self.groups = groups;
    }

    /// Adds learned scores (`(tags + 1) * tags`, row 0 = start) on top of the constraints.
    pub fn add_scores(&mut self, learned: &[f32]) {
        for (s, l) in self.score.iter_mut().zip(learned) {
            if s.is_finite() {
                *s += l;
            }
        }
        self.index_prev();
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
    let mut scratch = Scratch::default();
    let mut tags = Vec::new();
    decode_into(emissions, trans, None, &mut scratch, &mut tags);
    tags
}

/// Reusable buffers for [`decode_into`], so decoding allocates nothing per sequence.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    best: Vec<f32>,
}

/// Best tags for `emissions` into `tags`, optionally restricted per token: with
/// `allowed = Some(masks)`, token `i` may only take tags whose bit is set in `masks[i]`
/// (at most 64 tags). Partially labelled training uses this to find the best sequence
/// that agrees with what the corpus does annotate. Returns `false` (and leaves `tags`
/// empty) when no allowed sequence exists.
pub fn decode_into(
    emissions: &[f32],
    trans: &Transitions,
    allowed: Option<&[u64]>,
    scratch: &mut Scratch,
    tags: &mut Vec<usize>,
) -> bool {
    tags.clear();
    let n = trans.tags;
    if n == 0 || emissions.is_empty() {
        return true;
    }
    let len = emissions.len() / n;
    let ok = |i: usize, t: usize| allowed.is_none_or(|m| m.get(i).is_some_and(|m| m >> t & 1 == 1));
    // forward pass: best score of each tag at each position (maxima only: the best
    // predecessors are recomputed while tracing back, which keeps this loop vectorisable)
    let best = &mut scratch.best;
    best.clear();
    best.resize(len * n, f32::NEG_INFINITY);
    for t in 0..n {
        if ok(0, t) {
            best[t] = emissions[t] + trans.score(None, t);
        }
    }
    for i in 1..len {
        let (done, rest) = best.split_at_mut(i * n);
        let prev = &done[(i - 1) * n..];
        let cur = &mut rest[..n];
        for g in &trans.groups {
            let mut acc = [f32::NEG_INFINITY; LANES];
            for (&p, row) in g.prev.iter().zip(&g.scores) {
                let bp = prev.get(p as usize).copied().unwrap_or(f32::NEG_INFINITY);
                for j in 0..LANES {
                    // (not f32::max: its NaN rule keeps the compiler from using maxps)
                    let v = bp + row[j];
                    acc[j] = if v > acc[j] { v } else { acc[j] };
                }
            }
            for (j, &t) in g.targets.iter().enumerate() {
                let t = t as usize;
                if ok(i, t) {
                    cur[t] = acc[j] + emissions[i * n + t];
                }
            }
        }
        for t in 0..n {
            if trans.grouped[t] || !ok(i, t) {
                continue;
            }
            let mut b = f32::NEG_INFINITY;
            for &(p, ts) in &trans.prev[t] {
                let v = prev[p as usize] + ts;
                b = if v > b { v } else { b };
            }
            cur[t] = b + emissions[i * n + t];
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
    if b == f32::NEG_INFINITY {
        return false;
    }
    tags.resize(len, 0);
    tags[len - 1] = last;
    for i in (1..len).rev() {
        // the first best predecessor of the chosen tag
        let t = tags[i];
        let prev = &best[(i - 1) * n..i * n];
        let mut arg = 0;
        let mut b = f32::NEG_INFINITY;
        for &(p, ts) in &trans.prev[t] {
            let s = prev[p as usize] + ts;
            if s > b {
                b = s;
                arg = p as usize;
            }
        }
        tags[i - 1] = arg;
    }
    true
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

    #[test]
    fn masks_restrict_the_path() {
        let b = Bilou::new(["PER"]);
        let t = Transitions::from_bilou(&b);
        let n = b.tags();
        let mut e = vec![0.0f32; 2 * n];
        e[b.tag(Part::Unit, 0)] = 5.0; // token 0 wants U-PER
        e[n] = 1.0; // token 1 wants O
                    // token 0 must be O: the best allowed path is O O
        let masks = [1u64, u64::MAX];
        let mut scratch = Scratch::default();
        let mut tags = Vec::new();
        assert!(decode_into(&e, &t, Some(&masks), &mut scratch, &mut tags));
        assert_eq!(tags, vec![0, 0]);
        // token 0 must be B-PER and token 1 O: impossible
        let masks = [1u64 << b.tag(Part::Begin, 0), 1];
        assert!(!decode_into(&e, &t, Some(&masks), &mut scratch, &mut tags));
        assert!(tags.is_empty());
    }
}
