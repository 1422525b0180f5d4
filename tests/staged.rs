//! `Staged` (entities first, claims later: the explorer's first article) gives exactly
//! what `analyze` gives.

use claimlens::Staged;

fn same_as_analyze(text: &str) {
    let (names, staged) = Staged::entities(text);
    let whole = claimlens::analyze(text);
    assert!(names.claims.is_empty());
    assert_eq!(names.mentions, whole.mentions);
    assert_eq!(names.entities, whole.entities);
    assert_eq!(names.length, whole.length);
    assert_eq!(staged.claims(), whole);
}

#[test]
fn staged_default_article_equals_analyze() {
    let text =
        std::fs::read_to_string("texts/default-article.txt").expect("article is in the repo");
    same_as_analyze(&text);
}

#[test]
fn staged_small_texts_equal_analyze() {
    for text in [
        "",
        "“We will win,” Smith said.",
        "😀 “That’s not even being raised,” Secretary of State John Kerry said in Ankara.\r\nKerry met Turkish leaders on Monday.",
        "The minister declined to say whether 3,000 troops would leave by 2025.",
    ] {
        same_as_analyze(text);
    }
}
