//! Where a short text's analysis time goes, per call (wall clock, `RUNS` calls each):
//! the text with cold caches (64 MB written between calls, as the page's render and
//! other processes do between two analyses), the same text right after another call,
//! and one short sentence (what a call costs whatever the text's length).
//!
//! ```text
//! cargo run --release --example coldbench [-- FILE]   # default texts/default-article.txt
//! ```
use std::time::Instant;

/// Median and best of `xs` (ms), sorted in place.
fn summary(xs: &mut [f64]) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[xs.len() / 2], xs[0])
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "texts/default-article.txt".into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(40)
        .max(1);
    let time = |t: &str| {
        let start = Instant::now();
        std::hint::black_box(claimlens::analyze(std::hint::black_box(t)));
        start.elapsed().as_secs_f64() * 1e3
    };
    time(&text); // the models are decoded on first use
    let mut junk = vec![0u8; 64 << 20];
    let (mut cold, mut warm, mut short) = (Vec::new(), Vec::new(), Vec::new());
    for r in 0..runs {
        for (i, b) in junk.iter_mut().enumerate().step_by(64) {
            *b = (i + r) as u8;
        }
        std::hint::black_box(&junk);
        cold.push(time(&text));
        warm.push(time(&text));
        short.push(time("Smith said it would rain."));
    }
    for (name, xs) in [
        ("cold caches", &mut cold),
        ("right after another call", &mut warm),
        ("one sentence (25 bytes)", &mut short),
    ] {
        let (median, best) = summary(xs);
        println!("{name:>26}: median {median:.3} ms, best {best:.3} ms ({runs} calls)");
    }
}
