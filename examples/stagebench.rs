//! Where the pipeline's time goes, stage by stage, in thread CPU time (best of RUNS
//! passes over a JSONL file of {"text"} records; each stage runs over every document
//! before the next):
//!
//! ```text
//! cargo run --release --example stagebench [-- FILE]   # default ../shared/bench/news-1mb.jsonl
//! ```
mod common;
use claimlens::claims::{self, features::TokenFacts};
use claimlens::entities::{self, lexicon::Lexicon, tagger::NerTagger};
use claimlens::text::Document;
use common::{bench_texts, cpu_ns};

fn main() {
    let texts = bench_texts(usize::MAX);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(5);
    std::hint::black_box(claimlens::analyze(
        "Mayor Okafor said on Tuesday that it would.",
    ));
    let Ok(tagger) = NerTagger::embedded() else {
        eprintln!("no name model");
        return;
    };
    let lex = Lexicon::embedded();
    let options = claims::ClaimOptions::default();
    let names = [
        "Document::new",
        "DocContext",
        "NerTagger::tag",
        "entities::extract (all)",
        "TokenFacts",
        "claims::extract (all)",
        "analyze (all)",
    ];
    let mut best = [u64::MAX; 7];
    for _ in 0..runs.max(1) {
        let a = cpu_ns();
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let b = cpu_ns();
        let ctxs: Vec<_> = docs.iter().map(|d| tagger.context(d, lex)).collect();
        let c = cpu_ns();
        for (d, x) in docs.iter().zip(&ctxs) {
            std::hint::black_box(tagger.tag(d, x));
        }
        let d = cpu_ns();
        let ents: Vec<_> = docs.iter().map(entities::extract).collect();
        let e = cpu_ns();
        for (d, x) in docs.iter().zip(&ents) {
            std::hint::black_box(TokenFacts::new(d, x));
        }
        let f = cpu_ns();
        for (d, x) in docs.iter().zip(&ents) {
            std::hint::black_box(claims::extract(d, x, &options));
        }
        let g = cpu_ns();
        for t in &texts {
            std::hint::black_box(claimlens::analyze(t));
        }
        let h = cpu_ns();
        for (m, v) in best
            .iter_mut()
            .zip([b - a, c - b, d - c, e - d, f - e, g - f, h - g])
        {
            *m = (*m).min(v);
        }
    }
    for (n, v) in names.iter().zip(best) {
        println!("{n:>26} {:8.1} ms", v as f64 / 1e6);
    }
}
