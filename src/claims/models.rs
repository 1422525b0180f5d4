//! The claim models, embedded in the binary (and the wasm) and decoded once on first use.
//! A model that fails to load never panics: the stage falls back to rules and
//! [`status`] reports why.

use std::sync::OnceLock;

use super::checkworthy::CheckModel;
use super::sequence::SeqModel;
use super::{checkworthy, cues, roles};
use crate::tagger::{ModelError, ModelFile};

/// The cue tagger (`models/cue.clm`).
pub const CUE_BYTES: &[u8] = include_bytes!("../../models/cue.clm");
/// The source/content tagger (`models/attr.clm`).
pub const ATTR_BYTES: &[u8] = include_bytes!("../../models/attr.clm");
/// The check-worthiness classifier (`models/checkworthy.clm`).
pub const CHECKWORTHY_BYTES: &[u8] = include_bytes!("../../models/checkworthy.clm");

fn load_seq(bytes: &[u8], feature_set: u32, types: &[&str]) -> Result<SeqModel, ModelError> {
    // owned: the tables move into the model instead of being copied (megabytes)
    SeqModel::from_model(ModelFile::from_bytes(bytes, feature_set)?, types)
}

/// The cue tagger, or why it could not be loaded.
pub fn cue() -> Result<&'static SeqModel, &'static ModelError> {
    static M: OnceLock<Result<SeqModel, ModelError>> = OnceLock::new();
    M.get_or_init(|| load_seq(CUE_BYTES, cues::FEATURE_SET, cues::TYPES))
        .as_ref()
}

/// The source/content tagger, or why it could not be loaded.
pub fn attr() -> Result<&'static SeqModel, &'static ModelError> {
    static M: OnceLock<Result<SeqModel, ModelError>> = OnceLock::new();
    M.get_or_init(|| load_seq(ATTR_BYTES, roles::FEATURE_SET, roles::TYPES))
        .as_ref()
}

/// The check-worthiness classifier, or why it could not be loaded.
pub fn checkworthy() -> Result<&'static CheckModel, &'static ModelError> {
    static M: OnceLock<Result<CheckModel, ModelError>> = OnceLock::new();
    M.get_or_init(|| {
        let file = ModelFile::from_bytes(CHECKWORTHY_BYTES, checkworthy::FEATURE_SET)?;
        CheckModel::from_model(file)
    })
    .as_ref()
}

/// Each claim model's name and load error (`None` = loaded), so a front end can say why
/// it runs on rules.
pub fn status() -> Vec<(&'static str, Option<String>)> {
    vec![
        ("cue", cue().err().map(ToString::to_string)),
        ("attr", attr().err().map(ToString::to_string)),
        ("checkworthy", checkworthy().err().map(ToString::to_string)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_models_load() {
        for (name, error) in status() {
            assert_eq!(error, None, "{name}");
        }
    }

    #[test]
    fn the_owned_loaders_build_what_the_borrowing_ones_build() {
        let file = ModelFile::from_bytes(ATTR_BYTES, roles::FEATURE_SET).unwrap();
        let borrowed = SeqModel::from_file(&file, roles::TYPES).unwrap();
        let owned = SeqModel::from_model(file, roles::TYPES).unwrap();
        assert_eq!(format!("{borrowed:?}"), format!("{owned:?}"));
        let file = ModelFile::from_bytes(CHECKWORTHY_BYTES, checkworthy::FEATURE_SET).unwrap();
        let borrowed = CheckModel::from_file(&file).unwrap();
        let owned = CheckModel::from_model(file).unwrap();
        assert_eq!(format!("{borrowed:?}"), format!("{owned:?}"));
    }

    #[test]
    fn a_model_without_its_table_is_an_error() {
        let mut file = ModelFile::from_bytes(CUE_BYTES, cues::FEATURE_SET).unwrap();
        assert!(file.take_table("emission").is_ok());
        assert!(SeqModel::from_model(file, cues::TYPES).is_err());
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        assert!(load_seq(b"", cues::FEATURE_SET, cues::TYPES).is_err());
        assert!(load_seq(b"CLMODEL\0\x01\x00garbage", cues::FEATURE_SET, cues::TYPES).is_err());
        // a model of other features is refused
        assert!(load_seq(CUE_BYTES, cues::FEATURE_SET + 1, cues::TYPES).is_err());
        // a model of another tag set is refused
        assert!(load_seq(CUE_BYTES, cues::FEATURE_SET, roles::TYPES).is_err());
    }
}
