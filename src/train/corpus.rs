//! The normalised training sets (JSONL, code-point offsets) and their conversion to the
//! byte offsets the pipeline works in.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::TrainError;

/// Where the training sets are built (git-ignored: the texts are licence-restricted).
pub const SETS_DIR: &str = "target/train-sets";

/// A span as build_sets.py writes it: `[start, end]` in code points.
pub type CharSpan = [usize; 2];

/// One document of an `ner-*.jsonl` set.
#[derive(Debug, Clone, Deserialize)]
pub struct NerDoc {
    /// Document id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Gold mentions.
    pub entities: Vec<NerMention>,
    /// Names the corpus annotates but cannot type (neither reward nor punish).
    #[serde(default)]
    pub ignore: Vec<IgnoreSpan>,
}

/// A gold mention: code-point span and scored class (PERSON, ORG, PLACE, NUM, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct NerMention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The set's class.
    pub label: String,
}

/// A region to ignore.
#[derive(Debug, Clone, Deserialize)]
pub struct IgnoreSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One document of an `attr-*.jsonl` set.
#[derive(Debug, Clone, Deserialize)]
pub struct AttrDoc {
    /// Document id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Gold attributions.
    pub attributions: Vec<GoldAttribution>,
    /// Regions whose predictions are not scored (PolNeAR Discard).
    #[serde(default)]
    pub ignore: Vec<CharSpan>,
}

/// A gold attribution relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    /// Source span, if any.
    pub source: Option<CharSpan>,
    /// Cue span.
    pub cue: CharSpan,
    /// Content spans.
    pub content: Vec<CharSpan>,
    /// direct / indirect / mixed.
    #[serde(default)]
    pub kind: Option<String>,
    /// Discontinuous source parts, when the set has them.
    #[serde(default)]
    pub source_parts: Option<Vec<CharSpan>>,
    /// Discontinuous cue parts, when the set has them.
    #[serde(default)]
    pub cue_parts: Option<Vec<CharSpan>>,
}

/// One item of a `claims-*.jsonl` set: a whole sentence (ClaimBuster) or a transcript
/// with labelled sentences (CLEF).
#[derive(Debug, Clone, Deserialize)]
pub struct ClaimsDoc {
    /// Item id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Whole-item label (ClaimBuster).
    #[serde(default)]
    pub checkworthy: Option<u8>,
    /// Sentence labels (CLEF).
    #[serde(default)]
    pub sentences: Vec<ClaimsSentence>,
}

/// A labelled sentence of a transcript.
#[derive(Debug, Clone, Deserialize)]
pub struct ClaimsSentence {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// 1 = check-worthy.
    pub checkworthy: u8,
}

/// Path of a set (`split` = "train" or "dev"), building the sets first if missing.
pub fn set_path(split: &str, name: &str) -> Result<PathBuf, TrainError> {
    let dir = Path::new(SETS_DIR).join(split);
    let path = dir.join(format!("{name}.jsonl"));
    if !path.exists() {
        let script = Path::new("../shared/eval/build_sets.py");
        let status = Command::new("python3")
            .arg(script)
            .args(["--split", split, "--out", SETS_DIR])
            .status()
            .map_err(|e| TrainError::BuildSets(format!("python3 {}: {e}", script.display())))?;
        if !status.success() || !path.exists() {
            return Err(TrainError::BuildSets(format!(
                "python3 {} --split {split} did not write {}",
                script.display(),
                path.display()
            )));
        }
    }
    Ok(path)
}

/// Reads a JSONL file of `T`.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, TrainError> {
    let text = std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, l)| {
            serde_json::from_str(l).map_err(|e| TrainError::Format {
                path: path.display().to_string(),
                line: k + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Byte offset of every code-point offset of `text` (one extra entry for the end), so a
/// set's spans convert to the pipeline's byte ranges in O(1).
pub fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    table.push(text.len());
    table
}
