//! Flat highlight segments from overlapping spans.
//!
//! Mentions, references and claim parts overlap freely (a mention inside a claim's
//! content, a claim inside another's span, a cue between two content pieces), so they
//! cannot be nested elements. Instead every span boundary cuts the text into runs; each
//! run knows every span covering it and becomes one element whose attributes say so.
//! Runs are also cut at line breaks so each paragraph is its own block.

use std::ops::Range;

/// What part of a claim a run belongs to (higher wins when one claim covers a run twice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Inside the claim's sentence but no part below.
    Span,
    /// The source ("Okoro").
    Source,
    /// The cue ("said").
    Cue,
    /// What is claimed.
    Content,
}

impl Role {
    /// The value of the run's `data-role` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Span => "span",
            Role::Source => "src",
            Role::Cue => "cue",
            Role::Content => "con",
        }
    }
}

/// One highlighted range, in byte offsets of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Entity mention, by index in `Analysis::mentions`.
    Mention(u32),
    /// A resolved reference ("he") of the entity with this id.
    Reference(u32),
    /// Part of the claim with this id.
    Claim(u32, Role),
}

/// A span to highlight: byte range plus layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    /// Byte range in the text (empty ranges are ignored).
    pub range: Range<usize>,
    /// What it is.
    pub layer: Layer,
}

/// A maximal run of text covered by the same set of intervals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The covering mention (the shortest one if several overlap).
    pub mention: Option<u32>,
    /// This run starts that mention.
    pub mention_start: bool,
    /// This run ends that mention.
    pub mention_end: bool,
    /// Entity id of a covering reference.
    pub reference: Option<u32>,
    /// Covering claims with their strongest role here, by claim id.
    pub claims: Vec<(u32, Role)>,
}

/// Cuts `0..len` into the runs covered by at least one interval, also cutting at every
/// position in `breaks` (sorted or not). Intervals past `len` are clipped; the caller
/// guarantees char boundaries. Runs come out in text order and never overlap.
pub fn build_segments(len: usize, intervals: &[Interval], breaks: &[usize]) -> Vec<Segment> {
    let mut spans: Vec<&Interval> = intervals
        .iter()
        .filter(|i| i.range.start < i.range.end.min(len))
        .collect();
    spans.sort_by_key(|i| i.range.start);
    let mut cuts: Vec<usize> = Vec::with_capacity(spans.len() * 2 + breaks.len());
    for i in &spans {
        cuts.push(i.range.start);
        cuts.push(i.range.end.min(len));
    }
    cuts.extend(breaks.iter().copied().filter(|&b| b <= len));
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::new();
    let mut active: Vec<&Interval> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|i| i.range.end > a);
        while next < spans.len() && spans[next].range.start <= a {
            if spans[next].range.end > a {
                active.push(spans[next]);
            }
            next += 1;
        }
        if active.is_empty() {
            continue;
        }
        let mut seg = Segment {
            range: a..b,
            ..Segment::default()
        };
        let mut best_len = usize::MAX;
        for i in &active {
            match i.layer {
                Layer::Mention(m) => {
                    let l = i.range.len();
                    if l < best_len || (l == best_len && seg.mention.is_some_and(|x| m < x)) {
                        best_len = l;
                        seg.mention = Some(m);
                        seg.mention_start = i.range.start == a;
                        seg.mention_end = i.range.end.min(len) == b;
                    }
                }
                Layer::Reference(e) => {
                    seg.reference.get_or_insert(e);
                }
                Layer::Claim(c, role) => match seg.claims.iter_mut().find(|(id, _)| *id == c) {
                    Some(slot) => slot.1 = slot.1.max(role),
                    None => seg.claims.push((c, role)),
                },
            }
        }
        seg.claims.sort_unstable();
        out.push(seg);
    }
    out
}

/// Byte ranges of the text's lines (without their `\n` or `\r\n`), in order.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(start..end);
            start = i + 1;
        }
    }
    out.push(start..text.len());
    out
}
