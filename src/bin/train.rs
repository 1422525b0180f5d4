//! Trains claimlens' models from `../shared/data` (run from the repository root):
//!
//! ```text
//! cargo run --release --features train --bin train -- <model>
//! ```

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "train", about = "Train claimlens models from ../shared/data")]
struct Cli {
    #[command(subcommand)]
    model: Model,
}

#[derive(Subcommand)]
enum Model {
    /// Build the normalised training sets (if missing) and print what they hold.
    Sets,
    /// The cue tagger (models/cue.clm) from PolNeAR train.
    Cue {
        /// Training epochs.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
    },
    /// The source/content tagger (models/attr.clm) from PolNeAR train.
    Attr {
        /// Training epochs.
        #[arg(long, default_value_t = 6)]
        epochs: usize,
    },
    /// The check-worthiness classifier (models/checkworthy.clm) from ClaimBuster and
    /// CLEF-2019 train.
    Checkworthy {
        /// Training epochs.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
    },
    /// Score a name-tagger model file on the dev sets (and the default article).
    NerEval {
        /// The model file.
        #[arg(default_value = "models/ner.clm")]
        model: std::path::PathBuf,
        /// Also score the train split.
        #[arg(long)]
        train: bool,
    },
    /// Rewrite a model file with its payload deflated at another level (0 = stored, as
    /// the name tagger is written), weights unchanged.
    Recompress {
        /// The model file (rewritten in place).
        model: std::path::PathBuf,
        /// Deflate level, 0 (stored) to 10.
        #[arg(long, default_value_t = 0)]
        level: u8,
    },
    /// Train the name tagger (models/ner.clm) and score it on the dev and train splits.
    Ner {
        /// Passes over the training data.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Feature buckets: 2^bits.
        #[arg(long, default_value_t = 20)]
        bits: u32,
        /// Shuffle seed.
        #[arg(long, default_value_t = 0x5eed)]
        seed: u64,
        /// Independent runs (seeds seed, seed+1, ...) whose averaged weights are averaged.
        #[arg(long, default_value_t = 5)]
        soup: usize,
        /// Span types, comma-separated (PLACE = GPE|LOC).
        #[arg(long, default_value = "PERSON,NORP,ORG,PLACE,FAC")]
        types: String,
        /// Sets and how often each is visited per epoch: name[xN],...
        #[arg(
            long,
            default_value = "ner-en-worldwide-newswire,ner-gum,ner-meantime-en,ner-re3d"
        )]
        sets: String,
        /// Where to write the model.
        #[arg(long, default_value = "models/ner.clm")]
        out: std::path::PathBuf,
        /// Also score these intermediate epochs on dev (comma-separated).
        #[arg(long, default_value = "")]
        eval_epochs: String,
        /// Drop quantised weights smaller than this (model size).
        #[arg(long, default_value_t = 300)]
        prune: i16,
        /// Evenly spaced magnitudes the emission weights are stored with (128: 8-bit
        /// weights; 0: exact 16-bit weights).
        #[arg(long, default_value_t = 128)]
        levels: usize,
        /// Skip scoring the final model on the train split.
        #[arg(long)]
        no_train_score: bool,
        /// GUM genres to train on.
        #[arg(long, default_value = claimlens::train::ner::DEFAULT_GUM_GENRES)]
        gum_genres: String,
        /// Treat re3d's low-confidence entities as unknown (default: as re3d's gold does,
        /// not names).
        #[arg(long)]
        re3d_uncertain: bool,
        /// Sets (comma-separated) whose capitalised words outside any annotation are
        /// unknown rather than not-a-name.
        #[arg(long, default_value = "")]
        open_caps: String,
        /// Fine word clusters learned from the train texts (0: no cluster features).
        #[arg(long, default_value_t = 512)]
        clusters: usize,
        /// Coarse word clusters.
        #[arg(long, default_value_t = 64)]
        coarse_clusters: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.model {
        Model::Sets => sets(),
        Model::Cue { epochs } => claimlens::train::attribution::train_cue(epochs),
        Model::Attr { epochs } => claimlens::train::attribution::train_attr(epochs),
        Model::Checkworthy { epochs } => claimlens::train::checkworthy::train(epochs),
        Model::NerEval { model, train } => ner_eval(&model, train),
        Model::Recompress { model, level } => recompress(&model, level),
        Model::Ner {
            epochs,
            bits,
            seed,
            soup,
            types,
            sets,
            out,
            eval_epochs,
            prune,
            levels,
            no_train_score,
            gum_genres,
            re3d_uncertain,
            open_caps,
            clusters,
            coarse_clusters,
        } => ner(
            claimlens::train::ner::NerOptions {
                epochs,
                bits,
                seed,
                soup,
                types: types.split(',').map(str::to_string).collect(),
                sets: sets
                    .split(',')
                    .map(|s| match s.rsplit_once('x') {
                        Some((name, n)) if n.parse::<usize>().is_ok() => {
                            (name.to_string(), n.parse().unwrap_or(1))
                        }
                        _ => (s.to_string(), 1),
                    })
                    .collect(),
                out,
                eval_epochs: eval_epochs
                    .split(',')
                    .filter_map(|e| e.trim().parse().ok())
                    .collect(),
                prune,
                levels,
                gum_genres: Some(gum_genres),
                re3d_uncertain,
                open_caps: open_caps
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                clusters: (clusters > 0).then(|| {
                    claimlens::train::ner::wordclusters::ClusterOptions {
                        fine: clusters,
                        coarse: coarse_clusters,
                        ..Default::default()
                    }
                }),
            },
            !no_train_score,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn ner(
    opts: claimlens::train::ner::NerOptions,
    train_score: bool,
) -> Result<(), claimlens::train::TrainError> {
    use claimlens::train::ner;
    let command = format!(
        "cargo run --release --features train --bin train -- {}",
        std::env::args().skip(1).collect::<Vec<_>>().join(" ")
    );
    let report = ner::train(&opts, &command)?;
    println!(
        "trained in {:.1}s (+{:.1}s loading); {} bytes -> {}",
        report.train_seconds,
        report.load_seconds,
        report.model_bytes,
        opts.out.display()
    );
    let bytes = std::fs::read(&opts.out).map_err(|source| claimlens::train::TrainError::Io {
        path: opts.out.display().to_string(),
        source,
    })?;
    let t = std::time::Instant::now();
    let tagger = claimlens::entities::tagger::NerTagger::from_bytes(&bytes)?;
    println!(
        "model loads in {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    ner::evaluate(&tagger, "dev", "final")?;
    ner::evaluate(&tagger, "seed", "final")?;
    if train_score {
        ner::evaluate(&tagger, "train", "final")?;
    }
    Ok(())
}

fn ner_eval(model: &std::path::Path, train: bool) -> Result<(), claimlens::train::TrainError> {
    use claimlens::train::ner;
    let bytes = std::fs::read(model).map_err(|source| claimlens::train::TrainError::Io {
        path: model.display().to_string(),
        source,
    })?;
    let tagger = claimlens::entities::tagger::NerTagger::from_bytes(&bytes)?;
    ner::evaluate(&tagger, "dev", "final")?;
    ner::evaluate(&tagger, "seed", "final")?;
    if train {
        ner::evaluate(&tagger, "train", "final")?;
    }
    Ok(())
}

/// Rewrites `model` with its payload deflated at `level`; the weights stay the same bytes.
fn recompress(model: &std::path::Path, level: u8) -> Result<(), claimlens::train::TrainError> {
    let io = |source| claimlens::train::TrainError::Io {
        path: model.display().to_string(),
        source,
    };
    let bytes = std::fs::read(model).map_err(io)?;
    let out = claimlens::tagger::recompress(&bytes, level)?;
    std::fs::write(model, &out).map_err(io)?;
    println!(
        "{}: {} -> {} bytes (deflate level {level})",
        model.display(),
        bytes.len(),
        out.len()
    );
    Ok(())
}

fn sets() -> Result<(), claimlens::train::TrainError> {
    use claimlens::train::corpus::{read_jsonl, set_path, AttrDoc, ClaimsDoc, NerDoc};
    for name in [
        "ner-en-worldwide-newswire",
        "ner-gum",
        "ner-meantime-en",
        "ner-re3d",
    ] {
        let docs: Vec<NerDoc> = read_jsonl(&set_path("train", name)?)?;
        let mentions: usize = docs.iter().map(|d| d.entities.len()).sum();
        println!("{name:28} {:5} docs {mentions:6} mentions", docs.len());
    }
    let docs: Vec<AttrDoc> = read_jsonl(&set_path("train", "attr-polnear")?)?;
    let n: usize = docs.iter().map(|d| d.attributions.len()).sum();
    println!(
        "{:28} {:5} docs {n:6} attributions",
        "attr-polnear",
        docs.len()
    );
    for name in ["claims-claimbuster", "claims-clef2019"] {
        let docs: Vec<ClaimsDoc> = read_jsonl(&set_path("train", name)?)?;
        let positives: usize = docs
            .iter()
            .map(|d| {
                d.checkworthy.unwrap_or(0) as usize
                    + d.sentences.iter().filter(|s| s.checkworthy == 1).count()
            })
            .sum();
        println!("{name:28} {:5} docs {positives:6} check-worthy", docs.len());
    }
    Ok(())
}
