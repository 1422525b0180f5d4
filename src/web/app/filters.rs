//! Filters: which claims and mentions pass the type, kind, speaker, cell, confidence and
//! search filters.

use super::*;

impl App {
    /// Whether claim `c` passes the filters, leaving out `skip`.
    pub(super) fn claim_passes(&self, c: &Claim, skip: Skip) -> bool {
        let f = &self.filters;
        if skip != Skip::Kind {
            if f.hidden_kinds.contains(kind_name(c.kind)) {
                return false;
            }
            if c.polarity == Polarity::Negated && f.hidden_kinds.contains("negated") {
                return false;
            }
        }
        if skip != Skip::Speaker {
            if let Some(s) = f.speaker {
                if speaker_of(c) != s {
                    return false;
                }
            }
        }
        if skip != Skip::Cell {
            if let Some((s, about)) = f.cell {
                if speaker_of(c) != s || !c.about.contains(&about) {
                    return false;
                }
            }
        }
        if skip != Skip::Conf && !conf_ok(c.confidence, f.min_conf) {
            return false;
        }
        if !f.query.is_empty() {
            let q = f.query.to_lowercase();
            let who = self.claim_speaker_label(c).to_lowercase();
            if !c.span.text.to_lowercase().contains(&q) && !who.contains(&q) {
                return false;
            }
        }
        true
    }

    /// Recomputes which claims pass the filters (`claim_ok`) and which are drawn
    /// (`line_ok`).
    pub(super) fn compute_visibility(&mut self) {
        let claims = &self.analysis.claims;
        self.line_ok = claims
            .iter()
            .map(|c| self.claim_passes(c, Skip::Conf))
            .collect();
        let min = self.filters.min_conf;
        self.claim_ok = claims
            .iter()
            .zip(&self.line_ok)
            .map(|(c, &ok)| ok && conf_ok(c.confidence, min))
            .collect();
    }

    /// Whether an entity's label or an alias contains `q` (the query, lowercased).
    pub(super) fn entity_matches_query(e: &crate::Entity, q: &str) -> bool {
        q.is_empty()
            || e.label.to_lowercase().contains(q)
            || e.aliases.iter().any(|a| a.to_lowercase().contains(q))
    }

    /// Mentions of an entity that pass the confidence filter.
    pub(super) fn visible_mentions(&self, e: &crate::Entity) -> usize {
        e.mentions
            .iter()
            .filter(|&&m| {
                self.analysis
                    .mentions
                    .get(m)
                    .is_some_and(|x| conf_ok(x.confidence, self.filters.min_conf))
            })
            .count()
    }

    /// Call after any filter change: recompute, restyle, rebuild the sidebar.
    pub(super) fn filters_changed(&mut self) -> Res<()> {
        self.compute_visibility();
        if let Some(Focus::Claim(c)) = self.pinned {
            if !self.claim_ok.get(c).copied().unwrap_or(false) {
                self.pinned = None;
            }
        }
        self.restyle_runs()?;
        self.rebuild_sidebar(usize::MAX)?;
        self.refresh_highlight()
    }

    /// Resets every filter and its control.
    pub(super) fn clear_filters(&mut self) -> Res<()> {
        self.filters = Filters::default();
        self.els.conf.set_value("0");
        self.els.search.set_value("");
        self.filters_changed()
    }
}
