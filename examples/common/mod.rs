//! Helpers shared by the benchmark examples: thread CPU time and the bench file's texts.

/// CPU time this thread has run, in nanoseconds (Linux; 0 elsewhere). Unlike wall clock,
/// it is not inflated when other work keeps the machine's cores busy.
pub fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

/// The `"text"` of the first `limit` records of the JSONL file given as the first
/// argument (default: the shared 1 MB bench file). Exits with a message when it is
/// unreadable.
pub fn bench_texts(limit: usize) -> Vec<String> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/bench/news-1mb.jsonl".to_string());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e} (expected a JSONL file of {{\"text\"}} records)");
        std::process::exit(2)
    });
    data.lines()
        .take(limit)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}
