//! First-use cost of the embedded data: the lexicons and the name model (the entity
//! stage), then the claim models (the claim stage).
//!
//! ```text
//! cargo run --release --example loadtime
//! ```

fn main() {
    let t = std::time::Instant::now();
    let lex = claimlens::entities::lexicon::Lexicon::embedded();
    let a = t.elapsed();
    let t = std::time::Instant::now();
    let tagger = claimlens::entities::tagger::NerTagger::embedded();
    let b = t.elapsed();
    println!(
        "lexicons {:.1} ms, name model {:.1} ms ({})",
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        if tagger.is_ok() { "loaded" } else { "FAILED" }
    );
    let t = std::time::Instant::now();
    let status = claimlens::claims::models::status();
    let c = t.elapsed();
    println!(
        "claim models {:.1} ms ({})",
        c.as_secs_f64() * 1e3,
        if status.iter().all(|(_, e)| e.is_none()) {
            "loaded"
        } else {
            "FAILED"
        }
    );
    std::hint::black_box(lex);
}
