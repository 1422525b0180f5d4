//! Properties over arbitrary Unicode input: `analyze` never panics, every span lies in
//! bounds on grapheme boundaries, its text is what the offsets cover, and byte, code-point
//! and UTF-16 offsets agree.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::text::OffsetMap;
use proptest::prelude::*;
use unicode_segmentation::GraphemeCursor;

/// Pieces that stress the text layer: quotes, apostrophes, dashes, CRLF, combining marks,
/// emoji with joiners, right-to-left text, abbreviations, numbers.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "—",
    "–",
    "-",
    "…",
    "...",
    ".",
    ",",
    "e\u{301}",
    "\u{301}",
    "👩\u{200d}👩\u{200d}👧",
    "👍🏽",
    "مرحبا",
    "שלום",
    "U.S.",
    "Mr.",
    "Kerry",
    "said",
    "he",
    "The",
    "Islamic State",
    "ISIS",
    "anti-ISIS",
    "40",
    "3.5%",
    "$1.13bn",
    "Friday",
    "\u{a0}",
    "\t",
    "\u{200b}",
    "a",
    "Z",
    "1,000",
    "’s",
    "n’t",
];

fn check_span(text: &str, map: &OffsetMap, start: usize, end: usize, covered: &str) {
    assert!(start <= end, "span [{start}, {end}) is reversed");
    let (b0, b1) = (map.char_to_byte(start), map.char_to_byte(end));
    assert!(b1 <= text.len(), "span [{start}, {end}) is out of bounds");
    assert_eq!(
        &text[b0..b1],
        covered,
        "span text does not match its offsets"
    );
    assert_eq!(map.to_char(b0), start);
    assert_eq!(map.to_char(b1), end);
    assert_eq!(map.utf16_to_byte(map.to_utf16(b0)), b0);
    assert_eq!(map.utf16_to_byte(map.to_utf16(b1)), b1);
    for b in [b0, b1] {
        let mut cursor = GraphemeCursor::new(b, text.len(), true);
        assert_eq!(
            cursor.is_boundary(text, 0),
            Ok(true),
            "offset {b} cuts a grapheme in {text:?}"
        );
    }
}

fn check_text(text: &str) {
    let analysis = claimlens::analyze(text);
    let map = OffsetMap::new(text);
    assert_eq!(analysis.length, text.chars().count());
    for m in &analysis.mentions {
        check_span(text, &map, m.start, m.end, &m.text);
        assert!(m.entity < analysis.entities.len());
    }
    for e in &analysis.entities {
        for r in &e.references {
            check_span(text, &map, r.start, r.end, &r.text);
        }
        assert!(e.mentions.iter().all(|&k| k < analysis.mentions.len()));
        assert!((0.0..=1.0).contains(&e.salience));
    }
    for c in &analysis.claims {
        let spans = std::iter::once(&c.span)
            .chain(&c.source)
            .chain(&c.cue)
            .chain(&c.content);
        for s in spans {
            check_span(text, &map, s.start, s.end, &s.text);
        }
        assert!(c.speaker.is_none_or(|s| s < analysis.entities.len()));
        assert!(c.about.iter().all(|&a| a < analysis.entities.len()));
        assert!((0.0..=1.0).contains(&c.confidence));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_safe(text in "\\PC{0,200}") {
        check_text(&text);
    }

    #[test]
    fn news_like_pieces_are_safe(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)) {
        let text: String = pieces.concat();
        check_text(&text);
    }
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "\"\"\"",
        "“unclosed quotation that never ends, he said",
        "\u{301}",
        "e\u{301}\u{301}\u{301}",
        "\r\n\r\n“A,” he said.\r\n",
        "said said said",
        "According to",
        "\u{feff}Kerry said.",
        // a prepended mark (U+11D46) joins the following space into one grapheme
        "A\u{11d46} \u{1f300}",
        // a combining mark after digits stays in the number's grapheme (found by proptest)
        "%2\u{c47}\"\u{11d08} B",
    ] {
        check_text(text);
    }
}
