//! A generic, fast linear tagger: hashed features, an averaged perceptron (training), a
//! compact quantised model format (embedded in the binary and the wasm), and constrained
//! Viterbi decoding over BILOU tags. The entity tagger and the claim classifiers share it.

pub mod bilou;
pub mod compact;
pub mod features;
pub mod linear;
pub mod model;
pub mod viterbi;

pub use bilou::Bilou;
pub use compact::CompactLinear;
pub use features::FeatureHasher;
pub use linear::{LinearModel, Perceptron, Soup};
pub use model::{recompress, CompactModelFile, ModelError, ModelFile, WriteOptions};
