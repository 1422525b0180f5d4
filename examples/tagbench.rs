//! Speed of the name tagger alone (per-document context, features, scores, Viterbi) in
//! thread CPU time, best of RUNS passes over a JSONL file of {"text"} records:
//!
//! ```text
//! cargo run --release --example tagbench [-- FILE]   # default ../shared/bench/news-1mb.jsonl
//! ```
//!
//! MODEL=path scores another model file; LIMIT=n reads the first n records (with valgrind's
//! cachegrind, for instruction counts that a busy machine does not blur).
use claimlens::entities::features::DocContext;
use claimlens::entities::lexicon::Lexicon;
use claimlens::entities::tagger::NerTagger;
use claimlens::text::Document;
mod common;
use common::{bench_texts, cpu_ns};

fn main() {
    let limit: usize = std::env::var("LIMIT")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(usize::MAX);
    let texts = bench_texts(limit);
    let lex = Lexicon::embedded();
    let bytes = std::fs::read(std::env::var("MODEL").unwrap_or("models/ner.clm".into())).unwrap();
    let tagger = NerTagger::from_bytes(&bytes).unwrap();
    eprintln!(
        "meta: {:?}",
        tagger
            .meta()
            .iter()
            .filter(|(k, _)| k != "history")
            .collect::<Vec<_>>()
    );
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    let ntok: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(5);
    let (mut best_ctx, mut best_tag) = (u64::MAX, u64::MAX);
    for _ in 0..runs {
        let a = cpu_ns();
        let ctxs: Vec<DocContext> = docs.iter().map(|d| tagger.context(d, lex)).collect();
        let b = cpu_ns();
        let mut n = 0;
        for (d, c) in docs.iter().zip(&ctxs) {
            n += tagger.tag(d, c).len();
        }
        let c = cpu_ns();
        std::hint::black_box(n);
        best_ctx = best_ctx.min(b - a);
        best_tag = best_tag.min(c - b);
    }
    let mut stages = [u64::MAX; 3];
    for _ in 0..runs {
        let ctxs: Vec<DocContext> = docs.iter().map(|d| tagger.context(d, lex)).collect();
        for (st, best) in stages.iter_mut().enumerate() {
            let a = cpu_ns();
            let mut sum = 0.0;
            for (d, c) in docs.iter().zip(&ctxs) {
                sum += tagger.bench_stage(d, c, st as u8);
            }
            std::hint::black_box(sum);
            *best = (*best).min(cpu_ns() - a);
        }
    }
    println!(
        "stages ns/token: features {:.0}, + scores {:.0}, + Viterbi {:.0}",
        stages[0] as f64 / ntok as f64,
        stages[1] as f64 / ntok as f64,
        stages[2] as f64 / ntok as f64
    );
    println!("{ntok} tokens; best of {runs}: context {:.0} ns/token, tag {:.0} ns/token, total {:.2} M tokens/s",
        best_ctx as f64 / ntok as f64, best_tag as f64 / ntok as f64, ntok as f64 / (best_ctx + best_tag) as f64 * 1e3);
}
