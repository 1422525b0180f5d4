//! Golden test: the whole `Analysis` JSON of the default article. Regenerate deliberately
//! with `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::Path;

fn check(article: &str, golden: &str) {
    let text = std::fs::read_to_string(article).expect("article is in the repo");
    let analysis = claimlens::analyze(&text);
    let actual = serde_json::to_string_pretty(&analysis).expect("analysis serialises") + "\n";
    let path = Path::new(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let first_diff = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let show = |s: &str| {
            s.lines()
                .skip(first_diff.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{golden} differs from the analysis of {article} at line {}.\n--- expected\n{}\n--- actual\n{}\n\
             If the change is intended, regenerate with UPDATE_GOLDEN=1 cargo test --test golden",
            first_diff + 1,
            show(&expected),
            show(&actual)
        );
    }
}

#[test]
fn default_article() {
    check(
        "texts/default-article.txt",
        "tests/golden/default-article.json",
    );
}
