//! The article view: text plus highlight runs, built from the Analysis alone.
//!
//! Offsets arrive as code points; they are turned into byte offsets of the Rust string
//! (so slicing is exact) and the DOM receives whole text runs, which the browser stores
//! as UTF-16 by itself: no UTF-16 arithmetic is needed on this side.

use std::ops::Range;

use web_sys::{Element, Node};

use super::dom::{Batch, Kept, Res};
use super::segments::{build_segments, lines, Interval, Layer, Role, Segment};
use crate::text::OffsetMap;
use crate::Analysis;

/// Highlights are built for at most this many bytes of text; past it the text is shown
/// plain (the sidebar and exports still cover everything) and the reader is told.
pub const HIGHLIGHT_CAP_BYTES: usize = 1024 * 1024;

/// The article cut into lines and highlight runs, with indexes from items to runs.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Highlight runs in text order.
    pub segs: Vec<Segment>,
    /// Byte ranges of lines (paragraphs), without line-break characters.
    pub lines: Vec<Range<usize>>,
    /// Runs of each mention, by mention index.
    pub mention_segs: Vec<Vec<u32>>,
    /// Runs of each entity's references, by entity id.
    pub ref_segs: Vec<Vec<u32>>,
    /// Source, cue and content runs of each claim, by claim id.
    pub claim_segs: Vec<Vec<u32>>,
    /// Highlights stop at this byte (the text's length when not capped).
    pub cap: usize,
}

impl Prepared {
    /// True when the text was longer than the highlight cap.
    pub fn capped(&self, text_len: usize) -> bool {
        self.cap < text_len
    }
}

/// Cuts `text` into runs for `analysis`, highlighting at most `cap_bytes` bytes.
pub fn prepare(text: &str, analysis: &Analysis, cap_bytes: usize) -> Prepared {
    let map = OffsetMap::new(text);
    let cap = if cap_bytes >= text.len() {
        text.len()
    } else {
        crate::text::offsets::floor_char_boundary(text, cap_bytes)
    };
    let range = |start: usize, end: usize| {
        let s = map.char_to_byte(start).min(cap);
        let e = map.char_to_byte(end).min(cap);
        s..e.max(s)
    };
    let mut intervals = Vec::with_capacity(analysis.mentions.len() * 2 + analysis.claims.len() * 4);
    for (i, m) in analysis.mentions.iter().enumerate() {
        intervals.push(Interval {
            range: range(m.start, m.end),
            layer: Layer::Mention(i as u32),
        });
    }
    for e in &analysis.entities {
        for r in &e.references {
            intervals.push(Interval {
                range: range(r.start, r.end),
                layer: Layer::Reference(e.id as u32),
            });
        }
    }
    for (k, c) in analysis.claims.iter().enumerate() {
        let id = k as u32;
        intervals.push(Interval {
            range: range(c.span.start, c.span.end),
            layer: Layer::Claim(id, Role::Span),
        });
        if let Some(s) = &c.source {
            intervals.push(Interval {
                range: range(s.start, s.end),
                layer: Layer::Claim(id, Role::Source),
            });
        }
        if let Some(s) = &c.cue {
            intervals.push(Interval {
                range: range(s.start, s.end),
                layer: Layer::Claim(id, Role::Cue),
            });
        }
        for s in &c.content {
            intervals.push(Interval {
                range: range(s.start, s.end),
                layer: Layer::Claim(id, Role::Content),
            });
        }
    }
    let lines = lines(text);
    let mut breaks = Vec::with_capacity(lines.len() * 2);
    for l in &lines {
        breaks.push(l.start);
        breaks.push(l.end);
    }
    let segs = build_segments(cap, &intervals, &breaks);
    let mut mention_segs = vec![Vec::new(); analysis.mentions.len()];
    let mut ref_segs = vec![Vec::new(); analysis.entities.len()];
    let mut claim_segs = vec![Vec::new(); analysis.claims.len()];
    for (i, s) in segs.iter().enumerate() {
        let i = i as u32;
        if let Some(slot) = s.mention.and_then(|m| mention_segs.get_mut(m as usize)) {
            slot.push(i);
        }
        if let Some(slot) = s.reference.and_then(|e| ref_segs.get_mut(e as usize)) {
            slot.push(i);
        }
        for &(c, role) in &s.claims {
            if role != Role::Span {
                if let Some(slot) = claim_segs.get_mut(c as usize) {
                    slot.push(i);
                }
            }
        }
    }
    Prepared {
        segs,
        lines,
        mention_segs,
        ref_segs,
        claim_segs,
        cap,
    }
}

/// How a run looks under the current filters: its claim line and faded states.
pub trait Look {
    /// Claim role and kind to draw for a run, and whether that claim is below the
    /// confidence threshold; `None` draws no claim line.
    fn claim_line(&self, seg: &Segment) -> Option<(Role, &'static str, bool)>;
    /// Whether a mention is below the confidence threshold.
    fn mention_low(&self, mention: u32) -> bool;
}

/// Shows every claim line and nothing faded (for tests and the first paint).
pub struct PlainLook<'a>(pub &'a Analysis);

impl Look for PlainLook<'_> {
    fn claim_line(&self, seg: &Segment) -> Option<(Role, &'static str, bool)> {
        let (c, role) = seg.claims.iter().max_by_key(|(_, r)| *r)?;
        let kind = self.0.claims.get(*c as usize)?.kind;
        Some((*role, crate::export::csv::kind_name(kind), false))
    }
    fn mention_low(&self, _mention: u32) -> bool {
        false
    }
}

/// How one run is drawn: its claim line (role, kind, below threshold) and whether its
/// mention is below the confidence threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunStyle {
    /// Claim line to draw, if any.
    pub line: Option<(Role, &'static str, bool)>,
    /// The mention is faded.
    pub low: bool,
}

/// The style `look` gives a run.
pub fn run_style(seg: &Segment, look: &dyn Look) -> RunStyle {
    RunStyle {
        line: look.claim_line(seg).filter(|(r, _, _)| *r != Role::Span),
        low: seg.mention.is_some_and(|m| look.mention_low(m)),
    }
}

/// Changes a rendered run from style `old` to `new`, touching the DOM only for what
/// differs (a filter change on a huge text restyles many runs).
pub fn apply_style(e: &Element, new: RunStyle, old: RunStyle) -> Res<()> {
    if new.line != old.line {
        match new.line {
            Some((role, kind, low)) => {
                e.set_attribute("data-role", role.as_str())?;
                e.set_attribute("data-kind", kind)?;
                e.class_list().toggle_with_force("low-c", low)?;
            }
            None => {
                e.remove_attribute("data-role")?;
                e.remove_attribute("data-kind")?;
                e.class_list().remove_1("low-c")?;
            }
        }
    }
    if new.low != old.low {
        e.class_list().toggle_with_force("low", new.low)?;
    }
    Ok(())
}

/// Rendered runs: elements and their current styles, by run index.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Each run's element, once rendered.
    pub els: Kept,
    /// Each run's current style.
    pub styles: Vec<RunStyle>,
    /// Each line's paragraph as built by [`render_reusing`] (by line index; `None` for
    /// an empty line), for the next render to keep the paragraphs that come out the
    /// same. Empty after a chunked render, or once the runs were restyled in place.
    pub lines: Vec<Option<LineMemo>>,
}

/// What a rendered paragraph was built from, to tell whether a new render would build
/// it the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMemo {
    /// Hash of the paragraph's elements, attributes and text ([`Batch::take_hash`]).
    hash: u64,
    /// Its first run.
    first_seg: u32,
    /// Its position among the article's paragraphs.
    child: u32,
}

/// Texts up to this many bytes are rendered in one go by [`render_reusing`], keeping
/// the paragraphs that did not change; longer ones in chunks ([`render_chunk`]).
pub const REUSE_MAX_BYTES: usize = 64 * 1024;

/// Where a progressive render stands.
#[derive(Debug, Clone, Default)]
pub struct Cursor {
    /// Next line to render.
    pub line: usize,
    /// Next run to consider.
    pub seg: usize,
}

/// Ops queued before the batch is built and the clock checked: about a hundred
/// paragraphs of a dense article, a few milliseconds of DOM work.
const FLUSH_OPS: usize = 32 * 1024;

/// Renders lines from `cursor` until `budget_ms` milliseconds have passed (checked
/// after each built batch, so the main thread is handed back to the browser between
/// chunks), appending paragraphs to `article` (the live article, or a detached
/// fragment) and storing run elements and styles in `out` (by run index).
/// Returns true when the whole text is rendered.
#[allow(clippy::too_many_arguments)]
pub fn render_chunk(
    article: &Node,
    text: &str,
    analysis: &Analysis,
    prep: &Prepared,
    look: &dyn Look,
    cursor: &mut Cursor,
    out: &mut Rendered,
    budget_ms: f64,
) -> Res<bool> {
    let started = super::dom::now();
    out.els.grow(prep.segs.len());
    if out.styles.len() < prep.segs.len() {
        out.styles.resize(prep.segs.len(), RunStyle::default());
    }
    let mut para = Para::new(text, analysis, look);
    while cursor.line < prep.lines.len() {
        if para.b.len() >= FLUSH_OPS {
            para.b.flush(article, Some(&out.els))?;
            if super::dom::now() - started > budget_ms {
                break;
            }
        }
        let line = prep.lines[cursor.line].clone();
        cursor.line += 1;
        // runs over line breaks alone (a claim across paragraphs) have no element
        while cursor.seg < prep.segs.len() && prep.segs[cursor.seg].range.start < line.start {
            cursor.seg += 1;
        }
        if line.is_empty() {
            continue;
        }
        para.line(prep, line, cursor, out);
    }
    para.b.flush(article, Some(&out.els))?;
    out.lines.clear();
    Ok(cursor.line >= prep.lines.len())
}

/// What queuing a paragraph needs.
struct Para<'a> {
    b: Batch,
    /// Scratch for each run's class list.
    class: String,
    text: &'a str,
    analysis: &'a Analysis,
    look: &'a dyn Look,
}

impl<'a> Para<'a> {
    fn new(text: &'a str, analysis: &'a Analysis, look: &'a dyn Look) -> Para<'a> {
        Para {
            b: Batch::new(),
            class: String::new(),
            text,
            analysis,
            look,
        }
    }

    /// Queues the `p` of `line` (not empty) and its runs from `cursor.seg` on, keeping
    /// each run's element and style in `out`.
    fn line(
        &mut self,
        prep: &Prepared,
        line: Range<usize>,
        cursor: &mut Cursor,
        out: &mut Rendered,
    ) {
        let b = &mut self.b;
        b.open("p");
        let mut pos = line.start;
        while cursor.seg < prep.segs.len() && prep.segs[cursor.seg].range.end <= line.end {
            let i = cursor.seg;
            let seg = &prep.segs[i];
            cursor.seg += 1;
            if seg.range.start > pos {
                b.text(&self.text[pos..seg.range.start]);
            }
            let style = run_style(seg, self.look);
            seg_ops(b, &mut self.class, self.text, self.analysis, seg, style);
            b.keep(&mut out.els, i);
            b.close();
            if let Some(s) = out.styles.get_mut(i) {
                *s = style;
            }
            pos = seg.range.end;
        }
        if pos < line.end {
            b.text(&self.text[pos..line.end]);
        }
        b.close();
    }
}

/// Renders the whole article into `article` at once, keeping the paragraphs of `old`
/// (the article on screen, as last rendered by this function) that come out the same:
/// the same text, runs, attributes and styles at the same line. Re-rendering a text
/// after a small change, or the same text again, then builds only what changed.
/// The old runs must carry no highlight classes (the caller clears them first).
#[allow(clippy::too_many_arguments)]
pub fn render_reusing(
    article: &Node,
    doc: &web_sys::Document,
    text: &str,
    analysis: &Analysis,
    prep: &Prepared,
    look: &dyn Look,
    old: Rendered,
) -> Res<Rendered> {
    let n_segs = prep.segs.len();
    // elements of paragraphs replaced since the last full build stay in the kept
    // array; past this much waste, build afresh so they can be freed
    let reuse = !old.lines.is_empty() && old.els.pushed() <= 2 * n_segs + 1024;
    let mut out = Rendered {
        els: if reuse {
            Kept::continuing(&old.els, n_segs)
        } else {
            Kept::new(n_segs)
        },
        styles: vec![RunStyle::default(); n_segs],
        lines: vec![None; prep.lines.len()],
    };
    let mut para = Para::new(text, analysis, look);
    let mut cursor = Cursor::default();
    // for each new paragraph: the old one it keeps, or -1 for the next one built
    let mut plan: Vec<i32> = Vec::new();
    let mut kept = 0usize;
    while cursor.line < prep.lines.len() {
        let at = cursor.line;
        let line = prep.lines[at].clone();
        cursor.line += 1;
        while cursor.seg < n_segs && prep.segs[cursor.seg].range.start < line.start {
            cursor.seg += 1;
        }
        if line.is_empty() {
            continue;
        }
        let mark = para.b.mark();
        let pushed = out.els.pushed();
        let first_seg = cursor.seg;
        para.b.take_hash();
        para.line(prep, line, &mut cursor, &mut out);
        let hash = para.b.take_hash();
        let same = old
            .lines
            .get(at)
            .copied()
            .flatten()
            .filter(|o| reuse && o.hash == hash);
        if let Some(o) = same {
            para.b.rollback(mark);
            out.els.rollback(pushed);
            for k in 0..cursor.seg - first_seg {
                out.els
                    .copy_from(first_seg + k, &old.els, o.first_seg as usize + k);
            }
            plan.push(o.child as i32);
            kept += 1;
        } else {
            plan.push(-1);
        }
        out.lines[at] = Some(LineMemo {
            hash,
            first_seg: first_seg as u32,
            child: (plan.len() - 1) as u32,
        });
    }
    let old_children = old.lines.iter().flatten().count();
    if kept == 0 {
        super::dom::clear(article);
        para.b.flush(article, Some(&out.els))?;
    } else if kept == plan.len() && kept == old_children {
        // every paragraph kept, in order (lines are matched by position): nothing to do
    } else {
        let frag = doc.create_document_fragment();
        para.b.flush(&frag, Some(&out.els))?;
        let plan = js_sys::Int32Array::from(plan.as_slice());
        super::dom::patch_children(article, &frag, &plan)?;
    }
    Ok(out)
}

/// Queues one run, left open for the caller to keep and close: a `span` holding its
/// text as a text node, with data attributes naming the mention, entity, reference and
/// claims it belongs to.
fn seg_ops(
    b: &mut Batch,
    class: &mut String,
    text: &str,
    analysis: &Analysis,
    seg: &Segment,
    style: RunStyle,
) {
    b.open("span");
    class.clear();
    class.push('s');
    if let Some(m) = seg
        .mention
        .and_then(|m| analysis.mentions.get(m as usize).map(|x| (m, x)))
    {
        class.push_str(" m");
        if seg.mention_start {
            class.push_str(" ms");
        }
        if seg.mention_end {
            class.push_str(" me");
        }
        b.attr_num("data-m", m.0 as usize);
        b.attr_static("data-t", m.1.entity_type.as_str());
        b.attr_num("data-e", m.1.entity);
    }
    if let Some(e) = seg.reference {
        class.push_str(" r");
        b.attr_num("data-r", e as usize);
    }
    if style.low {
        class.push_str(" low");
    }
    if let Some((role, kind, low)) = style.line {
        b.attr_static("data-role", role.as_str());
        b.attr_static("data-kind", kind);
        if low {
            class.push_str(" low-c");
        }
    }
    if !seg.claims.is_empty() {
        b.attr_nums("data-cl", seg.claims.iter().map(|(c, _)| *c));
    }
    b.class_sym(class);
    b.text(&text[seg.range.clone()]);
}
