//! The speaker × entity matrix above the Claims list.

use super::*;

impl App {
    /// Builds the matrix: claims by speaker (rows) about named entities (columns).
    pub(super) fn build_matrix(&self) -> Res<()> {
        // counts over claims passing every filter but the cell itself
        let mut rows = Counter::new();
        let mut cols = Counter::new();
        let mut cells = Counter::new();
        let mut seen = Vec::new();
        for c in &self.analysis.claims {
            if !self.claim_passes(c, Skip::Cell) || c.about.is_empty() {
                continue;
            }
            let s = speaker_of(c);
            seen.clear();
            for &a in &c.about {
                // "about whom": named things only, not the dates and numbers in the content
                let named = self
                    .analysis
                    .entities
                    .get(a)
                    .is_some_and(|e| e.entity_type.is_name());
                if !named || Speaker::Entity(a) == s || seen.contains(&a) {
                    continue;
                }
                seen.push(a);
                cols.bump(a);
                cells.bump((s, a));
            }
            // a row only for a speaker with a cell: claims about dates alone, or about
            // the speaker only, would leave an empty row
            if !seen.is_empty() {
                rows.bump(s);
            }
        }
        let mut b = Batch::new();
        if cells.items.is_empty() {
            b.el_text(
                "p",
                "muted",
                "No claims about named entities match the filters.",
            );
            return b.replace(&self.els.matrix, &self.shown.matrix);
        }
        let mut rows = rows.items;
        let mut cols = cols.items;
        cols.sort_by_key(|c| std::cmp::Reverse(c.1));
        cols.truncate(MATRIX_COLS);
        // rows whose cells all fell in the columns left out would be empty too
        rows.retain(|(s, _)| cols.iter().any(|(a, _)| cells.get(&(*s, *a)) > 0));
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        rows.truncate(MATRIX_ROWS);
        let label_of = |a: usize| {
            self.analysis
                .entities
                .get(a)
                .map_or("", |e| e.label.as_str())
        };
        b.open("table");
        b.open_class("caption", "visually-hidden")
            .text_static("Claims by speaker (rows) about entities (columns)")
            .close();
        b.open("thead").open("tr");
        b.open("td").close();
        for (a, _) in &cols {
            let label = label_of(*a);
            b.open("th")
                .attr_static("scope", "col")
                .attr("title", label)
                .text(&excerpt(label, 24))
                .close();
        }
        b.close().close();
        b.open("tbody");
        for (s, _) in &rows {
            b.open("tr");
            let name = self.speaker_name(*s);
            b.open("th")
                .attr_static("scope", "row")
                .text(&excerpt(&name, 28))
                .close();
            for (a, _) in &cols {
                b.open("td");
                let n = cells.get(&(*s, *a));
                if n > 0 {
                    let active = self.filters.cell == Some((*s, *a));
                    b.open_class("button", if active { "active" } else { "" })
                        .attr_static("type", "button");
                    match s {
                        Speaker::Entity(e) => b.attr_num("data-cell-speaker", *e),
                        Speaker::Unattributed => b.attr_static("data-cell-speaker", "none"),
                    };
                    b.attr_num("data-cell-about", *a)
                        .attr_static("aria-pressed", if active { "true" } else { "false" })
                        .attr(
                            "aria-label",
                            &format!(
                                "{} by {name} about {}",
                                dom::count(n, "claim", "claims"),
                                label_of(*a)
                            ),
                        )
                        .text_num(n)
                        .close();
                }
                b.close();
            }
            b.close();
        }
        b.close().close();
        b.replace(&self.els.matrix, &self.shown.matrix)
    }
}
