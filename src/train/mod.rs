//! Model training (feature `train`; never compiled into the wasm or the default CLI).
//!
//! Reads only `../shared/data`, through the normalised sets that
//! `../shared/eval/build_sets.py --split train` writes (the same conventions the scorer
//! uses), and writes compact model files under `models/`.

pub mod attribution;
pub mod checkworthy;
pub mod corpus;
pub mod ner;

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A set line is not what build_sets.py writes.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// build_sets.py could not be run.
    #[error("could not build the training sets: {0}")]
    BuildSets(String),
    /// A trained model does not load back.
    #[error("the trained model does not load: {0}")]
    Model(#[from] crate::tagger::ModelError),
}
