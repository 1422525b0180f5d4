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
        // one Tab stop for the whole matrix (the active cell, else the first), arrow
        // keys move between cells (`step_matrix`): Tab goes on to the claim cards
        let active_shown = self
            .filters
            .cell
            .is_some_and(|(s, a)| rows.iter().any(|r| r.0 == s) && cols.iter().any(|c| c.0 == a));
        let mut stop_given = false;
        for (ri, (s, _)) in rows.iter().enumerate() {
            b.open("tr").attr_num("data-row", ri);
            let name = self.speaker_name(*s);
            b.open("th")
                .attr_static("scope", "row")
                .text(&excerpt(&name, 28))
                .close();
            for (ci, (a, _)) in cols.iter().enumerate() {
                b.open("td").attr_num("data-col", ci);
                let n = cells.get(&(*s, *a));
                if n > 0 {
                    let active = self.filters.cell == Some((*s, *a));
                    let stop = if active_shown { active } else { !stop_given };
                    stop_given |= stop;
                    b.open_class("button", if active { "active" } else { "" })
                        .attr_static("type", "button")
                        .attr_static("tabindex", if stop { "0" } else { "-1" });
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

    /// Moves the focus from matrix cell `from` to the nearest cell in the direction of
    /// arrow key `key`, carrying the matrix's one Tab stop along. Returns whether it moved.
    pub(super) fn step_matrix(&self, from: &Element, key: &str) -> Res<bool> {
        let cell_at = |e: &Element| -> Option<(i64, i64)> {
            let td = e.parent_element()?;
            let tr = td.parent_element()?;
            let num = |e: &Element, name| {
                e.get_attribute(name)
                    .and_then(|v| v.parse::<usize>().ok())
                    .map(|n| n as i64)
            };
            Some((num(&tr, "data-row")?, num(&td, "data-col")?))
        };
        let Some((r0, c0)) = cell_at(from) else {
            return Ok(false);
        };
        let (dr, dc) = match key {
            "ArrowUp" => (-1, 0),
            "ArrowDown" => (1, 0),
            "ArrowLeft" => (0, -1),
            "ArrowRight" => (0, 1),
            _ => return Ok(false),
        };
        // the nearest cell ahead: along the line first, then the closest off it
        let buttons = self.els.matrix.query_selector_all("button")?;
        let mut best: Option<(i64, Element)> = None;
        for i in 0..buttons.length() {
            let Some(e) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let Some((r, c)) = cell_at(&e) else {
                continue;
            };
            let ahead = (r - r0) * dr + (c - c0) * dc;
            if ahead <= 0 {
                continue;
            }
            let off = if dr != 0 {
                (c - c0).abs()
            } else {
                (r - r0).abs()
            };
            let d = ahead + 100 * off;
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, e));
            }
        }
        let Some((_, to)) = best else {
            return Ok(false);
        };
        from.set_attribute("tabindex", "-1")?;
        to.set_attribute("tabindex", "0")?;
        if let Some(h) = to.dyn_ref::<HtmlElement>() {
            h.focus()?;
        }
        Ok(true)
    }
}
