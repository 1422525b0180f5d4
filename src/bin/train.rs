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
        #[arg(long, default_value_t = 8)]
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.model {
        Model::Sets => sets(),
        Model::Cue { epochs } => claimlens::train::attribution::train_cue(epochs),
        Model::Attr { epochs } => claimlens::train::attribution::train_attr(epochs),
        Model::Checkworthy { epochs } => claimlens::train::checkworthy::train(epochs),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
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
