//! Hover and pin: lighting what the focused entity or claim covers in the article and the
//! sidebar, scrolling to it, and stepping through the claim cards.

use super::*;

impl App {
    /// The reader points at `f` (or at nothing).
    pub(super) fn set_hover(&mut self, f: Option<Focus>) -> Res<()> {
        if self.hover != f {
            self.hover = f;
            self.refresh_highlight()?;
        }
        Ok(())
    }

    /// Pins `f`, or unpins it if it is pinned.
    pub(super) fn toggle_pin(&mut self, f: Focus) -> Res<()> {
        self.pinned = if self.pinned == Some(f) {
            None
        } else {
            Some(f)
        };
        self.refresh_highlight()
    }

    /// Clears the pin and the hover.
    pub(super) fn clear_focus(&mut self) -> Res<()> {
        self.pinned = None;
        self.hover = None;
        self.refresh_highlight()
    }

    /// Lights up what the pinned (else hovered) item covers and dims the rest.
    pub(super) fn refresh_highlight(&mut self) -> Res<()> {
        self.unlight_runs()?;
        self.unlight_side()?;
        // items are built unpinned, so only the previous and the new pin change
        for e in self.pinned_side.drain(..) {
            e.class_list().remove_1("pinned")?;
            e.set_attribute("aria-pressed", "false")?;
        }
        let pinned_el = match self.pinned {
            Some(Focus::Claim(c)) => self.claim_cards.get(c),
            Some(Focus::Entity(e)) => self.entity_items.get(e),
            None => None,
        };
        if let Some(e) = pinned_el {
            e.class_list().add_1("pinned")?;
            e.set_attribute("aria-pressed", "true")?;
            self.pinned_side.push(e);
        }
        let focus = self.pinned.or(self.hover);
        let mut segs: Vec<u32> = Vec::new();
        // runs naming the focused entity itself (its mentions and references): "hit"
        let mut hits: Vec<u32> = Vec::new();
        let mut side: Vec<Element> = Vec::new();
        match focus {
            Some(Focus::Entity(e)) => {
                if let Some(ent) = self.analysis.entities.get(e) {
                    for &m in &ent.mentions {
                        if let Some(s) = self.prep.mention_segs.get(m) {
                            hits.extend(s);
                        }
                    }
                }
                if let Some(s) = self.prep.ref_segs.get(e) {
                    hits.extend(s);
                }
                for c in self.entity_claims(e) {
                    if let Some(s) = self.prep.claim_segs.get(c) {
                        segs.extend(s);
                    }
                    side.extend(self.claim_cards.get(c));
                }
                side.extend(self.entity_items.get(e));
            }
            Some(Focus::Claim(c)) => {
                if let Some(s) = self.prep.claim_segs.get(c) {
                    segs.extend(s);
                }
                side.extend(self.claim_cards.get(c));
                if let Some(sp) = self.analysis.claims.get(c).and_then(|x| x.speaker) {
                    side.extend(self.entity_items.get(sp));
                }
            }
            None => {}
        }
        for &i in &segs {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().add_1("lit")?;
            }
        }
        for &i in &hits {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().add_2("lit", "hit")?;
            }
        }
        segs.extend(hits);
        for e in &side {
            e.class_list().add_1("lit")?;
        }
        self.els
            .article
            .class_list()
            .toggle_with_force("dim", focus.is_some())?;
        self.lit_segs = segs;
        self.lit_side = side;
        Ok(())
    }

    /// Takes the highlight classes off the article's lit runs.
    pub(super) fn unlight_runs(&mut self) -> Res<()> {
        for &i in &self.lit_segs {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().remove_2("lit", "hit")?;
            }
        }
        self.lit_segs.clear();
        Ok(())
    }

    /// Takes the highlight class off the lit sidebar items.
    pub(super) fn unlight_side(&mut self) -> Res<()> {
        for e in &self.lit_side {
            e.class_list().remove_1("lit")?;
        }
        self.lit_side.clear();
        Ok(())
    }

    /// Scrolls the article to the first run of an item.
    pub(super) fn scroll_to(&self, f: Focus) {
        let first = match f {
            Focus::Claim(c) => self.prep.claim_segs.get(c).and_then(|s| s.first().copied()),
            Focus::Entity(e) => self
                .analysis
                .entities
                .get(e)
                .and_then(|x| x.mentions.first())
                .and_then(|&m| self.prep.mention_segs.get(m))
                .and_then(|s| s.first().copied()),
        };
        if let Some(el) = first.and_then(|i| self.runs.els.get(i as usize)) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }

    /// The claim card after (or before) the focused one, switching to the Claims tab.
    pub(super) fn step_card(&mut self, forward: bool) -> Res<Option<Element>> {
        // first, so a lazily built list is current before it is stepped through
        if self.tab != Tab::Claims || self.claims_stale {
            self.show_tab(Tab::Claims)?;
        }
        if self.cards_rest.is_some() {
            self.build_rest_cards(self.cards_token)?;
        }
        if self.card_order.is_empty() {
            return Ok(None);
        }
        let active = self
            .doc
            .active_element()
            .and_then(|e| e.get_attribute("data-claim"))
            .and_then(|v| v.parse::<usize>().ok())
            .and_then(|c| self.card_order.iter().position(|&x| x == c));
        let n = self.card_order.len();
        let next = match (active, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        let c = self.card_order[next];
        Ok(self.claim_cards.get(c))
    }
}
