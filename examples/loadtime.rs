//! Load times of the embedded model and lexicon: `cargo run --release --example loadtime`.
fn main() {
    let t = std::time::Instant::now();
    let lex = claimlens::entities::lexicon::Lexicon::embedded();
    let a = t.elapsed();
    let t = std::time::Instant::now();
    let tagger = claimlens::entities::tagger::NerTagger::embedded();
    let b = t.elapsed();
    println!(
        "lexicon {:.1} ms, model {:.1} ms ({})",
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        tagger.is_ok()
    );
    std::hint::black_box(lex);
}
#[allow(dead_code)]
fn unused() {}
