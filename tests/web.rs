//! Browser tests for the explorer's DOM building (run by `scripts/test` in headless
//! Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use claimlens::web::dom::{Batch, Kept, Shown};
use claimlens::web::render::{prepare, render_chunk, render_reusing, Cursor, PlainLook, Rendered};
use claimlens::web::segments::{build_segments, lines, Interval, Layer, Role};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn iv(start: usize, end: usize, layer: Layer) -> Interval {
    Interval {
        range: start..end,
        layer,
    }
}

#[wasm_bindgen_test]
fn crossing_spans_become_flat_runs() {
    // a mention [0,5) crossing a claim content [3,8): neither nests in the other
    let runs = build_segments(
        10,
        &[
            iv(0, 5, Layer::Mention(0)),
            iv(3, 8, Layer::Claim(0, Role::Content)),
        ],
        &[],
    );
    let ranges: Vec<_> = runs.iter().map(|r| r.range.clone()).collect();
    assert_eq!(ranges, vec![0..3, 3..5, 5..8]);
    assert_eq!(runs[0].mention, Some(0));
    assert!(runs[0].mention_start && !runs[0].mention_end);
    assert!(runs[0].claims.is_empty());
    assert_eq!(runs[1].mention, Some(0));
    assert!(runs[1].mention_end);
    assert_eq!(runs[1].claims, vec![(0, Role::Content)]);
    assert_eq!(runs[2].mention, None);
    assert_eq!(runs[2].claims, vec![(0, Role::Content)]);
}

#[wasm_bindgen_test]
fn nested_claims_keep_every_claim_and_strongest_role() {
    let runs = build_segments(
        20,
        &[
            iv(0, 20, Layer::Claim(0, Role::Span)),
            iv(2, 12, Layer::Claim(0, Role::Content)),
            iv(4, 6, Layer::Claim(1, Role::Cue)),
            iv(4, 6, Layer::Reference(7)),
        ],
        &[10],
    );
    let ranges: Vec<_> = runs.iter().map(|r| r.range.clone()).collect();
    assert_eq!(ranges, vec![0..2, 2..4, 4..6, 6..10, 10..12, 12..20]);
    assert_eq!(runs[0].claims, vec![(0, Role::Span)]);
    assert_eq!(runs[2].claims, vec![(0, Role::Content), (1, Role::Cue)]);
    assert_eq!(runs[2].reference, Some(7));
    // the break at 10 cuts the content run
    assert_eq!(runs[3].claims, runs[4].claims);
}

#[wasm_bindgen_test]
fn shortest_mention_wins_and_empty_or_outside_spans_are_ignored() {
    let runs = build_segments(
        8,
        &[
            iv(0, 8, Layer::Mention(0)),
            iv(2, 4, Layer::Mention(1)),
            iv(5, 5, Layer::Mention(2)),
            iv(9, 12, Layer::Mention(3)),
        ],
        &[],
    );
    assert_eq!(runs.len(), 3);
    assert_eq!(runs[1].range, 2..4);
    assert_eq!(runs[1].mention, Some(1));
    assert!(runs[1].mention_start && runs[1].mention_end);
    assert_eq!(runs[2].mention, Some(0));
}

#[wasm_bindgen_test]
fn lines_drop_crlf() {
    assert_eq!(lines("a\r\nbc\n\nd"), vec![0..1, 3..5, 6..6, 7..8]);
}

fn render(text: &str) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let article = doc.create_element("article").unwrap();
    let analysis = claimlens::analyze(text);
    let prep = prepare(text, &analysis, usize::MAX);
    let mut out = Rendered::default();
    let mut cursor = Cursor::default();
    let done = render_chunk(
        article.as_ref(),
        text,
        &analysis,
        &prep,
        &PlainLook(&analysis),
        &mut cursor,
        &mut out,
        f64::INFINITY,
    )
    .unwrap();
    assert!(done);
    doc.body().unwrap().append_child(&article).unwrap();
    article
}

#[wasm_bindgen_test]
fn markup_in_the_text_stays_text() {
    let text = "<script>window.__pwned = 1</script> Kerry said <img src=x onerror=\"window.__pwned=2\">.\n“<b>Bold</b> claim,” John Kerry said.";
    let article = render(text);
    assert_eq!(
        article
            .query_selector_all("script, img, b")
            .unwrap()
            .length(),
        0
    );
    // every child of a paragraph is a text node or one of our runs
    let runs = article.query_selector_all("p > *").unwrap();
    for i in 0..runs.length() {
        let e: web_sys::Element = runs.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(e.tag_name(), "SPAN");
    }
    let expected: String = text.lines().collect();
    assert_eq!(article.text_content().unwrap(), expected);
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    article.remove();
}

#[wasm_bindgen_test]
fn mention_runs_spell_the_mention_text_with_multibyte_text() {
    let text = "😀 “That’s not even being raised,” Secretary of State John Kerry said in Ankara.\r\nKerry, 😀, met Turkish leaders.";
    let analysis = claimlens::analyze(text);
    let article = render(text);
    let runs = article.query_selector_all("[data-m]").unwrap();
    assert!(runs.length() > 0);
    let mut spelled = vec![String::new(); analysis.mentions.len()];
    for i in 0..runs.length() {
        let e: web_sys::Element = runs.item(i).unwrap().dyn_into().unwrap();
        let m: usize = e.get_attribute("data-m").unwrap().parse().unwrap();
        spelled[m].push_str(&e.text_content().unwrap());
    }
    for (m, s) in analysis.mentions.iter().zip(&spelled) {
        assert_eq!(&m.text, s);
    }
    assert!(analysis
        .mentions
        .iter()
        .any(|m| m.text == "John Kerry" && m.entity_type.as_str() == "PERSON"));
    // CRLF makes two paragraphs and no stray carriage return
    assert_eq!(article.query_selector_all("p").unwrap().length(), 2);
    assert!(!article.text_content().unwrap().contains('\r'));
    article.remove();
}

#[wasm_bindgen_test]
fn batch_builds_text_and_attributes_never_markup_and_keeps_elements() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    let mut kept = Kept::new(3);
    let mut b = Batch::new();
    let evil = "<img src=x onerror=\"window.__pwned=3\"> 😀 & é";
    b.open_class("ul", "list");
    for i in [2usize, 0] {
        b.open_class("li", "item")
            .attr_num("data-n", i)
            .attr("aria-label", evil)
            .attr_static("role", "button");
        b.keep(&mut kept, i);
        b.el_text("span", "label", evil);
        b.text_num(i).close();
    }
    b.close();
    b.flush(root.as_ref(), Some(&kept)).unwrap();
    assert!(b.is_empty());
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0);
    let items = root.query_selector_all("li.item").unwrap();
    assert_eq!(items.length(), 2);
    let first: web_sys::Element = items.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("aria-label").unwrap(), evil);
    assert_eq!(first.text_content().unwrap(), format!("{evil}2"));
    // kept by item index, whatever the build order
    assert_eq!(kept.get(2).unwrap().get_attribute("data-n").unwrap(), "2");
    assert_eq!(kept.get(0).unwrap().get_attribute("data-n").unwrap(), "0");
    assert!(kept.get(1).is_none());
    assert!(!kept.has(1) && kept.has(0));
    // a second batch appends after the first
    b.el_text("p", "", "end")
        .flush(root.as_ref(), None)
        .unwrap();
    assert_eq!(root.last_element_child().unwrap().tag_name(), "P");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

/// Renders `text` with `render_reusing` into `article`, continuing from `old`.
fn render_again(article: &web_sys::Element, text: &str, old: Rendered) -> Rendered {
    let doc = web_sys::window().unwrap().document().unwrap();
    let analysis = claimlens::analyze(text);
    let prep = prepare(text, &analysis, usize::MAX);
    let out = render_reusing(
        article.as_ref(),
        &doc,
        text,
        &analysis,
        &prep,
        &PlainLook(&analysis),
        old,
    )
    .unwrap();
    // every kept run is in the article and spells its run's text
    for (i, seg) in prep.segs.iter().enumerate() {
        if let Some(e) = out.els.get(i) {
            assert!(
                article.contains(Some(e.as_ref())),
                "run {i} not in the article"
            );
            assert_eq!(e.text_content().unwrap(), text[seg.range.clone()]);
        }
    }
    out
}

#[wasm_bindgen_test]
fn reusing_render_keeps_unchanged_paragraphs_and_equals_a_fresh_render() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let article = doc.create_element("article").unwrap();
    doc.body().unwrap().append_child(&article).unwrap();
    let a = "Maria Lopez said the bridge would open in May.\n\nThe mayor of Springfield disagreed.\n\nNobody else spoke.";
    let b = "Maria Lopez said the bridge would open in May.\n\nThe council of Springfield disagreed, said Tom Baker.\n\nNobody else spoke.\n\nA new line.";
    let out = render_again(&article, a, Rendered::default());
    let first = article.first_element_child().unwrap();
    assert_eq!(article.inner_html(), render(a).inner_html());
    // the same text again: every paragraph kept
    let html = article.inner_html();
    let out = render_again(&article, a, out);
    assert_eq!(article.inner_html(), html);
    assert!(article
        .first_element_child()
        .unwrap()
        .is_same_node(Some(first.as_ref())));
    // a changed middle paragraph and a new last one: the first paragraph kept, the
    // whole equal to a fresh render
    let out = render_again(&article, b, out);
    assert_eq!(article.inner_html(), render(b).inner_html());
    assert!(article
        .first_element_child()
        .unwrap()
        .is_same_node(Some(first.as_ref())));
    // and back, with fewer paragraphs
    render_again(&article, a, out);
    assert_eq!(article.inner_html(), render(a).inner_html());
    article.remove();
}

#[wasm_bindgen_test]
fn batch_hash_tells_equal_lists_and_replace_skips_them() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    let shown = Shown::default();
    let list = |label: &str| {
        let mut b = Batch::new();
        b.open_class("ul", "list").el_text("li", "", label).close();
        b
    };
    list("one").replace(root.as_ref(), &shown).unwrap();
    let ul = root.first_element_child().unwrap();
    // equal: the page keeps its element
    list("one").replace(root.as_ref(), &shown).unwrap();
    assert!(root
        .first_element_child()
        .unwrap()
        .is_same_node(Some(ul.as_ref())));
    // different text: rebuilt
    list("two").replace(root.as_ref(), &shown).unwrap();
    assert_eq!(root.text_content().unwrap(), "two");
    assert_eq!(root.child_element_count(), 1);
    // forgotten: rebuilt even when equal
    let ul = root.first_element_child().unwrap();
    shown.forget();
    list("two").replace(root.as_ref(), &shown).unwrap();
    assert!(!root
        .first_element_child()
        .unwrap()
        .is_same_node(Some(ul.as_ref())));
    // a rolled-back part leaves neither ops nor strings behind
    let mut b = Batch::new();
    b.el_text("p", "", "kept");
    let mark = b.mark();
    b.el_text("p", "gone", "dropped");
    b.rollback(mark);
    b.el_text("p", "", "after");
    let out = doc.create_element("div").unwrap();
    b.flush(out.as_ref(), None).unwrap();
    assert_eq!(out.inner_html(), "<p>kept</p><p>after</p>");
    // equal content hashes equal, whatever the string table held before
    let mut x = Batch::new();
    x.el_text("p", "c", "same");
    let mut y = Batch::new();
    y.el_text("p", "", "other");
    y.take_hash();
    y.el_text("p", "c", "same");
    assert_eq!(x.take_hash(), y.take_hash());
}
