//! Speed of the claim stages alone (cue tagging, then attribution drafts, then the whole
//! claim extraction) in thread CPU time, best of RUNS passes, on documents whose entities
//! are found beforehand. Narrower than `pipebench`, so a change to one claim stage shows
//! above the noise of a busy machine:
//!
//! ```text
//! cargo run --release --example claimbench [-- FILE]   # default ../shared/bench/news-1mb.jsonl
//! ```
mod common;
use claimlens::claims::{attribution, cues, features::TokenFacts, models};
use claimlens::text::Document;
use common::{bench_texts, cpu_ns};

fn main() {
    let texts = bench_texts(usize::MAX);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(10);
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    let ents: Vec<_> = docs.iter().map(claimlens::entities::extract).collect();
    let facts: Vec<TokenFacts> = docs
        .iter()
        .zip(&ents)
        .map(|(d, e)| TokenFacts::new(d, e))
        .collect();
    let Ok(cue) = models::cue() else {
        eprintln!("no cue model");
        return;
    };
    let options = claimlens::claims::ClaimOptions::default();
    let mut best = [u64::MAX; 3];
    for _ in 0..runs.max(1) {
        let a = cpu_ns();
        for (d, f) in docs.iter().zip(&facts) {
            std::hint::black_box(cues::tag(d, f, cue));
        }
        let b = cpu_ns();
        for ((d, e), f) in docs.iter().zip(&ents).zip(&facts) {
            std::hint::black_box(attribution::find_drafts(d, e, f));
        }
        let c = cpu_ns();
        for (d, e) in docs.iter().zip(&ents) {
            std::hint::black_box(claimlens::claims::extract(d, e, &options));
        }
        let z = cpu_ns();
        for (m, t) in best.iter_mut().zip([b - a, c - b, z - c]) {
            *m = (*m).min(t);
        }
    }
    println!(
        "best of {runs} runs, ms: cues {:.1}  drafts (cues + roles) {:.1}  claims::extract {:.1}",
        best[0] as f64 / 1e6,
        best[1] as f64 / 1e6,
        best[2] as f64 / 1e6
    );
}
