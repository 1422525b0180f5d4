//! brat standoff (`.ann`), to open an analysis in the brat annotation tool next to the
//! text saved as `.txt`.
//!
//! - Entity mentions: `T<n>\t<TYPE> <start> <end>\t<text>`.
//! - Claims: a text-bound `Source`, `Cue` and a content annotation typed by the claim's
//!   kind (`Direct`, `Indirect`, `Mixed`, `Assertion`); discontinuous content is one
//!   annotation with fragments `start end;start end`; relations `HasSource` and `HasCue` link
//!   the content to them; `Negated` is an attribute of the content.
//!
//! Offsets are code points (brat counts characters as Python does). brat fragments may
//! not cross a line break, so a span with line breaks is split into fragments.

use std::fmt::Write as _;

use crate::{Analysis, ClaimKind, Polarity, Span};

/// The `.ann` file for an analysis.
pub fn brat_ann(analysis: &Analysis) -> String {
    let mut out = String::new();
    let mut t = 0usize;
    let mut next_t = || {
        t += 1;
        t
    };
    for m in &analysis.mentions {
        let id = next_t();
        let frags = fragments(m.start, &m.text);
        write_tb(&mut out, id, m.entity_type.as_str(), &frags);
    }
    let (mut r, mut a) = (0usize, 0usize);
    for c in &analysis.claims {
        let mut frags = Vec::new();
        for s in &c.content {
            frags.extend(fragments(s.start, &s.text));
        }
        if frags.is_empty() {
            continue;
        }
        let content = next_t();
        let kind = match c.kind {
            ClaimKind::Direct => "Direct",
            ClaimKind::Indirect => "Indirect",
            ClaimKind::Mixed => "Mixed",
            ClaimKind::Assertion => "Assertion",
        };
        write_tb(&mut out, content, kind, &frags);
        for (role, span) in [("Source", &c.source), ("Cue", &c.cue)] {
            let Some(span) = span else { continue };
            let frags = span_fragments(span);
            if frags.is_empty() {
                continue;
            }
            let id = next_t();
            write_tb(&mut out, id, role, &frags);
            r += 1;
            let _ = writeln!(out, "R{r}\tHas{role} Arg1:T{content} Arg2:T{id}");
        }
        if c.polarity == Polarity::Negated {
            a += 1;
            let _ = writeln!(out, "A{a}\tNegated T{content}");
        }
    }
    out
}

fn span_fragments(s: &Span) -> Vec<(usize, usize, String)> {
    fragments(s.start, &s.text)
}

/// Splits the text starting at code point `start` at line breaks into non-empty
/// `(start, end, text)` fragments.
fn fragments(start: usize, text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut pos = start;
    let mut cur = String::new();
    let mut cur_start = start;
    for ch in text.chars() {
        if ch == '\n' || ch == '\r' {
            if !cur.is_empty() {
                out.push((cur_start, pos, std::mem::take(&mut cur)));
            }
            pos += 1;
            cur_start = pos;
        } else {
            cur.push(ch);
            pos += 1;
        }
    }
    if !cur.is_empty() {
        out.push((cur_start, pos, cur));
    }
    out
}

fn write_tb(out: &mut String, id: usize, label: &str, frags: &[(usize, usize, String)]) {
    let offsets: Vec<String> = frags.iter().map(|(s, e, _)| format!("{s} {e}")).collect();
    let texts: Vec<&str> = frags.iter().map(|(_, _, t)| t.as_str()).collect();
    // tabs inside the text would break brat's column format
    let text = texts.join(" ").replace('\t', " ");
    let _ = writeln!(out, "T{id}\t{label} {}\t{text}", offsets.join(";"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SCHEMA_VERSION;
    use crate::{Claim, Mention};

    fn span(start: usize, text: &str) -> Span {
        Span {
            start,
            end: start + text.chars().count(),
            text: text.into(),
        }
    }

    #[test]
    fn discontinuous_content_and_code_point_offsets() {
        // "😀 The French, Okoro said, have agreed." — the emoji is one code point
        let analysis = Analysis {
            version: SCHEMA_VERSION.into(),
            length: 39,
            mentions: vec![Mention {
                start: 2,
                end: 12,
                text: "The French".into(),
                entity_type: crate::EntityType::NORP,
                entity: 0,
                title: None,
                confidence: 0.8,
            }],
            entities: vec![],
            claims: vec![Claim {
                id: 0,
                kind: ClaimKind::Indirect,
                span: span(2, "The French, Okoro said, have agreed."),
                source: Some(span(14, "Okoro")),
                cue: Some(span(20, "said")),
                content: vec![span(2, "The French"), span(26, "have agreed")],
                speaker: None,
                about: vec![],
                polarity: Polarity::Negated,
                confidence: 0.5,
                checkworthiness: None,
            }],
        };
        let ann = brat_ann(&analysis);
        let lines: Vec<&str> = ann.lines().collect();
        assert_eq!(lines[0], "T1\tNORP 2 12\tThe French");
        assert_eq!(lines[1], "T2\tIndirect 2 12;26 37\tThe French have agreed");
        assert_eq!(lines[2], "T3\tSource 14 19\tOkoro");
        assert_eq!(lines[3], "R1\tHasSource Arg1:T2 Arg2:T3");
        assert_eq!(lines[4], "T4\tCue 20 24\tsaid");
        assert_eq!(lines[5], "R2\tHasCue Arg1:T2 Arg2:T4");
        assert_eq!(lines[6], "A1\tNegated T2");
    }

    #[test]
    fn line_breaks_split_fragments() {
        assert_eq!(
            fragments(10, "ab\ncd"),
            vec![(10, 12, "ab".into()), (13, 15, "cd".into())]
        );
        assert_eq!(fragments(0, "\r\nx"), vec![(2, 3, "x".into())]);
    }

    #[test]
    fn real_analysis_offsets_match_text() {
        let text = "“That’s not even being raised,” Okoro said.\n“Never,” he said.";
        let chars: Vec<char> = text.chars().collect();
        let ann = brat_ann(&crate::analyze(text));
        assert!(!ann.is_empty());
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (_, offsets) = cols[1].split_once(' ').unwrap();
            let pieces: Vec<String> = offsets
                .split(';')
                .map(|p| {
                    let (s, e) = p.split_once(' ').unwrap();
                    chars[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()]
                        .iter()
                        .collect()
                })
                .collect();
            assert_eq!(pieces.join(" "), cols[2]);
        }
    }
}
