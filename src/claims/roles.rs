//! Source and content of one cue: a BILOU sequence tagger over a window around the cue
//! (its paragraph, clipped), whose features say where each token stands relative to the
//! cue: direction and distance, punctuation, sentence and quotation boundaries and other
//! cues in between, entity mentions, pronouns, the cue word itself.

use std::ops::Range;

use super::cues::Cue;
use super::features::{mix, shape, TokenFacts};
use super::sequence::{Scratch, SeqFeatures, SeqModel};
use crate::text::Document;

/// Version of the role features; a model trained on other features is refused.
pub const FEATURE_SET: u32 = 5;
/// Span types of the role tagger: source, content.
pub const TYPES: &[&str] = &["SRC", "CON"];
/// Index of the source type in [`TYPES`].
pub const SRC: usize = 0;
/// Index of the content type in [`TYPES`].
pub const CON: usize = 1;

/// Tokens before the cue the window may reach.
const BEFORE: usize = 80;
/// Tokens after the cue the window may reach.
const AFTER: usize = 110;

/// The tokens the role tagger labels for `cue`: its sentence, reaching back to the opening
/// of a quotation the sentence starts in (and to the previous sentence when the cue opens
/// its sentence: "He said so."), and on to the close of a quotation it ends in (and to the
/// end of the paragraph when nothing follows the cue: "… reports:"), within its paragraph
/// and clipped. A cue that ends its paragraph also takes the next paragraph.
pub fn window(doc: &Document, f: &TokenFacts, cue: &Range<usize>) -> Range<usize> {
    let n = doc.tokens.len();
    if cue.start >= n || cue.is_empty() {
        return cue.clone();
    }
    let p = f.paragraph[cue.start] as usize;
    let para = &doc.segments.paragraphs[p];
    let mut para_end = para.tokens.end;
    if !(cue.end..para_end).any(|k| f.is_word(k)) {
        if let Some(next) = doc.segments.paragraphs.get(p + 1) {
            para_end = next.tokens.end;
        }
    }
    let quotes = &doc.segments.quotations;
    let si = doc.token_sentence[cue.start] as usize;
    let sentence = &doc.segments.sentences[si];
    let (mut start, mut end) = (sentence.tokens.start, sentence.tokens.end);
    if let Some(q) = f
        .quote
        .get(start)
        .and_then(|&q| quotes.get((q as usize).wrapping_sub(1)))
    {
        start = start.min(q.open);
    }
    if let Some(q) = f
        .quote
        .get(end.wrapping_sub(1))
        .and_then(|&q| quotes.get((q as usize).wrapping_sub(1)))
    {
        end = end.max(q.close.map_or(q.inner_tokens.end, |c| c + 1));
    }
    // a colon after the cue ("She added: …") announces content that follows
    let colon_after = f.shape[cue.end - 1] == shape::COLON
        || (cue.end..end)
            .find(|&j| f.is_word(j) || f.shape[j] == shape::COLON)
            .is_some_and(|j| f.shape[j] == shape::COLON);
    if (start..cue.start).filter(|&k| f.is_word(k)).count() <= 1 && si > 0 && !colon_after {
        start = start.min(doc.segments.sentences[si - 1].tokens.start);
    }
    // nothing (or only the source) follows the cue: the report's content comes next
    // ("… reports:"), unless it came before ("“…,” said Jarre."), when the sentence has
    // words before the cue and does not end in a colon
    let opens = |k: usize| {
        (cue.end..k)
            .rev()
            .find(|&j| f.is_word(j) || f.shape[j] == shape::COLON)
    };
    if (cue.end..end).filter(|&k| f.is_word(k)).count() <= 1
        && ((sentence.tokens.start..cue.start)
            .filter(|&k| f.is_word(k))
            .count()
            <= 2
            || opens(end).is_some_and(|j| f.shape[j] == shape::COLON))
    {
        end = para_end;
    }
    // quotations that follow in the paragraph continue the quoted speaker
    while end < para_end && f.shape[end] == shape::QUOTE_OPEN {
        let q = quotes.iter().find(|q| q.open == end);
        match q {
            Some(q) => end = q.close.map_or(q.inner_tokens.end, |c| c + 1).max(end + 1),
            None => break,
        }
    }
    let start = start
        .max(para.tokens.start)
        .max(cue.start.saturating_sub(BEFORE));
    let end = end.min(para_end).min(cue.end + AFTER).min(n);
    start.min(cue.start)..end.max(cue.end)
}

/// Per-window counts of punctuation, sentence ends and other cues, as
/// prefix sums, so "how many commas between this token and the cue" is O(1).
struct Between {
    start: usize,
    commas: Vec<u16>,
    terminals: Vec<u16>,
    cues: Vec<u16>,
}

impl Between {
    fn new(f: &TokenFacts, window: &Range<usize>, other_cue: &dyn Fn(usize) -> bool) -> Between {
        let len = window.len() + 1;
        let mut b = Between {
            start: window.start,
            commas: Vec::with_capacity(len),
            terminals: Vec::with_capacity(len),
            cues: Vec::with_capacity(len),
        };
        let (mut c, mut t, mut o) = (0u16, 0u16, 0u16);
        for k in window.clone() {
            b.commas.push(c);
            b.terminals.push(t);
            b.cues.push(o);
            let s = f.shape[k];
            c += matches!(s, shape::COMMA | shape::SEMI | shape::DASH | shape::COLON) as u16;
            t += (s == shape::TERMINAL) as u16;
            o += other_cue(k) as u16;
        }
        b.commas.push(c);
        b.terminals.push(t);
        b.cues.push(o);
        b
    }

    /// Counts over the tokens strictly between `a` and `b` (a < b).
    fn span(v: &[u16], start: usize, a: usize, b: usize) -> u64 {
        let (x, y) = (a + 1 - start, b - start);
        if y <= x {
            0
        } else {
            (v[y] - v[x]) as u64
        }
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        15..=24 => 8,
        25..=39 => 9,
        _ => 10,
    }
}

fn coarse(d: usize) -> u64 {
    match d {
        0..=1 => 0,
        2..=3 => 1,
        4..=8 => 2,
        9..=20 => 3,
        _ => 4,
    }
}

/// Pushes the role features of every token of `window` for `cue` into `out`.
/// `other_cue(k)`: token `k` belongs to another cue.
pub fn features(
    doc: &Document,
    f: &TokenFacts,
    cue: &Cue,
    window: Range<usize>,
    other_cue: &dyn Fn(usize) -> bool,
    bits: u32,
    out: &mut SeqFeatures,
) {
    out.clear();
    let (cs, ce) = (cue.tokens.start, cue.tokens.end);
    let n = f.len();
    let between = Between::new(f, &window, other_cue);
    let head_word = f.word[cue.head.min(n - 1)];
    let head_lex = f.lex[cue.head.min(n - 1)] as u64;
    let before_word = if cs > window.start { f.word[cs - 1] } else { 1 };
    let after_word = if ce < window.end { f.word[ce] } else { 2 };
    let before_shape = if cs > window.start {
        f.shape[cs - 1] as u64
    } else {
        0
    };
    let after_shape = if ce < window.end {
        f.shape[ce] as u64
    } else {
        0
    };
    let cue_ctx = before_shape | after_shape << 8;
    let cue_sentence = doc.token_sentence.get(cue.head).copied();
    let cue_par = f.paragraph.get(cue.head).copied();
    // the quotation next to the cue: `“…,” he said` or `he said: “…”`
    let near_quote = {
        let mut q = 0u32;
        let mut k = cs;
        let mut steps = 0;
        while k > window.start && steps < 3 {
            k -= 1;
            steps += 1;
            if f.quote[k] != 0 {
                q = f.quote[k];
                break;
            }
        }
        if q == 0 {
            let mut k = ce;
            let mut steps = 0;
            while k < window.end && steps < 3 {
                if f.quote[k] != 0 {
                    q = f.quote[k];
                    break;
                }
                k += 1;
                steps += 1;
            }
        }
        q
    };
    let w = |k: usize| -> u64 {
        if k < window.start || k >= window.end {
            3
        } else {
            f.word[k]
        }
    };
    let sh = |k: usize| -> u64 {
        if k < window.start || k >= window.end {
            0
        } else {
            f.shape[k] as u64
        }
    };
    for i in window.clone() {
        let (dir, d) = if i < cs {
            (0u64, cs - i)
        } else if i >= ce {
            (2u64, i + 1 - ce)
        } else {
            (1u64, 0)
        };
        let (a, b) = if i < cs {
            (i, cs)
        } else {
            (ce.saturating_sub(1), i)
        };
        let commas = if dir == 1 {
            0
        } else {
            Between::span(&between.commas, between.start, a, b)
        };
        let terms = if dir == 1 {
            0
        } else {
            Between::span(&between.terminals, between.start, a, b)
        };
        let cues = if dir == 1 {
            0
        } else {
            Between::span(&between.cues, between.start, a, b)
        };
        let db = bucket(d);
        let cb = coarse(d);
        let inq = (f.quote[i] != 0) as u64;
        let sameq = (f.quote[i] != 0 && f.quote[i] == near_quote) as u64;
        let same_sent = (doc.token_sentence.get(i).copied() == cue_sentence) as u64;
        let same_par = (f.paragraph.get(i).copied() == cue_par) as u64;
        let prev = i.wrapping_sub(1);
        let first_of_sentence =
            (i == 0 || doc.token_sentence.get(prev) != doc.token_sentence.get(i)) as u64;
        let push = |out: &mut SeqFeatures, t: u16, a: u64, b: u64| {
            out.feats.push(mix(t, a, b, bits));
        };
        push(out, 0, dir, db);
        push(out, 1, dir | cb << 2, f.word[i]);
        push(out, 2, dir, f.word[i]);
        push(
            out,
            3,
            dir | cb << 2,
            sh(i) | sh(prev) << 8 | sh(i + 1) << 16,
        );
        push(out, 4, dir, w(prev));
        push(out, 5, dir, w(i + 1));
        push(out, 8, dir | inq << 2 | sameq << 3, cb);
        push(out, 9, dir | same_sent << 2, inq | terms.min(3) << 1);
        push(out, 12, dir, cues.min(2) | cb << 2);
        push(out, 13, dir | (other_cue(i) as u64) << 2, cb);
        push(out, 14, dir | cb << 2, head_word);
        push(out, 15, dir | inq << 2, head_word);
        push(out, 16, dir | cb << 2, after_word);
        push(out, 17, dir | cb << 2, before_word);
        push(out, 18, dir | cb << 2, cue_ctx);
        push(out, 19, dir, head_lex | sh(i) << 8);
        push(out, 20, dir | first_of_sentence << 2, cb);
        push(out, 21, dir | same_par << 2, cb);
        push(out, 26, dir, f.word[i] ^ head_word.rotate_left(23));
        push(out, 27, dir | sameq << 2, cue_ctx | cb << 16);
        push(
            out,
            28,
            dir | cb << 2,
            commas.min(3) | terms.min(2) << 2 | cues.min(1) << 4,
        );
        out.end_token();
    }
}

/// The spans the role model finds for `cue`: (token range, type) in text order.
pub fn tag(
    doc: &Document,
    f: &TokenFacts,
    cue: &Cue,
    other_cue: &dyn Fn(usize) -> bool,
    model: &SeqModel,
    feats: &mut SeqFeatures,
    scratch: &mut Scratch,
) -> Vec<(Range<usize>, usize)> {
    let win = window(doc, f, &cue.tokens);
    if win.is_empty() {
        return Vec::new();
    }
    features(doc, f, cue, win.clone(), other_cue, model.bits, feats);
    let tags = model.decode(feats, scratch);
    model
        .bilou
        .decode(&tags)
        .into_iter()
        .map(|(r, t)| (win.start + r.start..win.start + r.end, t))
        // the cue's own tokens are never its source or content
        .filter(|(r, _)| r.end <= cue.tokens.start || r.start >= cue.tokens.end)
        .collect()
}
