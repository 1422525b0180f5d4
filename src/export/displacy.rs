//! displaCy's "manual" input format, `{"text", "ents": [{"start", "end", "label"}]}`, so
//! an analysis can be rendered or compared with spaCy tools. Offsets are code points,
//! which is what Python's string indices (and displaCy) use.

use serde::Serialize;

use crate::Analysis;

/// One document in displaCy's manual format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisplacyDoc {
    /// The full text.
    pub text: String,
    /// Entity mentions in text order.
    pub ents: Vec<DisplacyEnt>,
}

/// One entity span in displaCy's manual format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisplacyEnt {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// OntoNotes type name.
    pub label: &'static str,
}

/// Builds the displaCy document for `text` and its analysis (serialise it with serde).
pub fn displacy(text: &str, analysis: &Analysis) -> DisplacyDoc {
    let mut ents: Vec<DisplacyEnt> = analysis
        .mentions
        .iter()
        .map(|m| DisplacyEnt {
            start: m.start,
            end: m.end,
            label: m.entity_type.as_str(),
        })
        .collect();
    ents.sort_by_key(|e| (e.start, e.end));
    DisplacyDoc {
        text: text.to_string(),
        ents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let text = "“Yes,” said Jane Okoro in Paris.";
        let doc = displacy(text, &crate::analyze(text));
        let chars: Vec<char> = text.chars().collect();
        assert!(!doc.ents.is_empty());
        for e in &doc.ents {
            let covered: String = chars[e.start..e.end].iter().collect();
            assert!(text.contains(&covered));
        }
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["text"], text);
        assert!(json["ents"][0]["label"].is_string());
    }
}
