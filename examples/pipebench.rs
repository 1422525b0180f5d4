//! Speed of the whole pipeline (`claimlens::analyze`, article by article) in thread CPU
//! time, best of RUNS passes over a JSONL file of {"text"} records. Unlike
//! `claimlens bench` (wall clock, medians), thread CPU time is not inflated when the
//! machine's cores are busy with other work, so before/after comparisons stay readable:
//!
//! ```text
//! cargo run --release --example pipebench [-- FILE]   # default ../shared/bench/news-1mb.jsonl
//! ```
mod common;
use common::{bench_texts, cpu_ns};

fn main() {
    let texts = bench_texts(usize::MAX);
    let bytes: usize = texts.iter().map(String::len).sum();
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(5);
    let t = cpu_ns();
    std::hint::black_box(claimlens::analyze(
        "Mayor Okafor said on Tuesday that the city would act.",
    ));
    let load = cpu_ns() - t;
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let a = cpu_ns();
        for t in &texts {
            std::hint::black_box(claimlens::analyze(t));
        }
        times.push(cpu_ns() - a);
    }
    times.sort_unstable();
    println!(
        "{} articles, {:.2} MB; first analysis {:.1} ms; CPU time over {} runs: best {:.1} ms, median {:.1} ms = {:.2} MB/s (best)",
        texts.len(),
        bytes as f64 / 1e6,
        load as f64 / 1e6,
        times.len(),
        times[0] as f64 / 1e6,
        times[times.len() / 2] as f64 / 1e6,
        bytes as f64 / (times[0] as f64 / 1e3)
    );
}
