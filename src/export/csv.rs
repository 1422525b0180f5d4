//! CSV tables (RFC 4180): one row per entity, one row per claim.

use crate::{Analysis, ClaimKind, Polarity};

/// Entities: id, label, type, salience, mention and reference counts, aliases, related.
pub fn entities_csv(analysis: &Analysis) -> String {
    let mut out = String::from("id,label,type,salience,mentions,references,aliases,related\n");
    for e in &analysis.entities {
        let related: Vec<&str> = e
            .related
            .iter()
            .filter_map(|&r| analysis.entities.get(r).map(|x| x.label.as_str()))
            .collect();
        row(
            &mut out,
            &[
                e.id.to_string(),
                text_cell(&e.label),
                e.entity_type.as_str().to_string(),
                format!("{:.3}", e.salience),
                e.mentions.len().to_string(),
                e.references.len().to_string(),
                text_cell(&e.aliases.join("; ")),
                text_cell(&related.join("; ")),
            ],
        );
    }
    out
}

/// Claims: id, kind, polarity, confidence, check-worthiness, speaker, source, cue,
/// content (discontinuous pieces joined by " … "), about, and the claim's span.
pub fn claims_csv(analysis: &Analysis) -> String {
    let mut out = String::from(
        "id,kind,polarity,confidence,checkworthiness,speaker_id,speaker,source,cue,content,about,start,end\n",
    );
    let label = |id: usize| analysis.entities.get(id).map_or("", |e| e.label.as_str());
    for c in &analysis.claims {
        let content: Vec<&str> = c.content.iter().map(|s| s.text.as_str()).collect();
        let about: Vec<&str> = c.about.iter().map(|&a| label(a)).collect();
        row(
            &mut out,
            &[
                c.id.to_string(),
                kind_name(c.kind).to_string(),
                match c.polarity {
                    Polarity::Asserted => "asserted",
                    Polarity::Negated => "negated",
                }
                .to_string(),
                format!("{:.3}", c.confidence),
                c.checkworthiness
                    .map_or(String::new(), |w| format!("{w:.3}")),
                c.speaker.map_or(String::new(), |s| s.to_string()),
                text_cell(c.speaker.map_or("", label)),
                text_cell(c.source.as_ref().map_or("", |s| s.text.as_str())),
                text_cell(c.cue.as_ref().map_or("", |s| s.text.as_str())),
                text_cell(&content.join(" … ")),
                text_cell(&about.join("; ")),
                c.span.start.to_string(),
                c.span.end.to_string(),
            ],
        );
    }
    out
}

/// The lower-case name of a claim kind, as in the JSON.
pub fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
        ClaimKind::Assertion => "assertion",
    }
}

/// A text cell: a leading `= + - @` (or tab, CR) is prefixed with `'` so a spreadsheet
/// shows article text instead of running it as a formula (OWASP "CSV injection").
fn text_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        quote(out, cell);
    }
    out.push('\n');
}

/// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
fn quote(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let mut s = String::new();
        row(
            &mut s,
            &[
                "plain".into(),
                "a,b".into(),
                "say \"hi\"".into(),
                "two\nlines".into(),
                String::new(),
            ],
        );
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("Okoro"), "Okoro");
    }

    #[test]
    fn tables_from_an_analysis() {
        let a =
            crate::analyze("“That’s not even being raised,” Okoro said, adding, \"Yes, really.\"");
        let entities = entities_csv(&a);
        assert!(entities.starts_with("id,label,type,"));
        assert_eq!(entities.lines().count(), a.entities.len() + 1);
        let claims = claims_csv(&a);
        assert!(claims.starts_with("id,kind,polarity,"));
        // quoted commas and quotes survive: every data row has the header's 13 columns
        for line in claims.lines().skip(1) {
            let mut cols = 1;
            let mut in_quotes = false;
            for ch in line.chars() {
                match ch {
                    '"' => in_quotes = !in_quotes,
                    ',' if !in_quotes => cols += 1,
                    _ => {}
                }
            }
            assert_eq!(cols, 13, "{line}");
        }
    }
}
