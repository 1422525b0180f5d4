//! First-use cost of the entity stage's embedded data: the lexicons and the name model.
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
    std::hint::black_box(lex);
}
