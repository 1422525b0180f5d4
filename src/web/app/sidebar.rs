//! The sidebar: the filter lists (legend, kinds, speakers), the tab counts, the Entities
//! tab and switching tabs (the hidden tab is built when first opened).

use super::*;

impl App {
    /// The name shown for a claim's speaker.
    pub(super) fn claim_speaker_label(&self, c: &Claim) -> String {
        match c.speaker.and_then(|s| self.analysis.entities.get(s)) {
            Some(e) => e.label.clone(),
            None if c.kind == ClaimKind::Assertion => "The author".to_string(),
            None => match &c.source {
                Some(s) => format!("{} (unresolved)", s.text),
                None => "Unattributed".to_string(),
            },
        }
    }

    /// The name shown for a speaker filter value.
    pub(super) fn speaker_name(&self, s: Speaker) -> String {
        match s {
            Speaker::Entity(e) => self
                .analysis
                .entities
                .get(e)
                .map_or_else(|| format!("entity {e}"), |x| x.label.clone()),
            Speaker::Unattributed => "Author / unattributed".to_string(),
        }
    }

    /// Rebuilds the filters and the visible tab; the hidden tab is only counted here
    /// and built when the reader opens it (`open_tab`).
    /// `first_cards`: how many claim cards to build now, the rest after the next frame.
    pub(super) fn rebuild_sidebar(&mut self, first_cards: usize) -> Res<()> {
        // each part's time goes to the status element for scripts/bench-web
        let mut parts = String::new();
        let mut lap = |name: &str, t0: f64| {
            parts.push_str(&format!("{name}:{:.2} ", dom::now() - t0));
            dom::now()
        };
        let t = dom::now();
        self.build_legend()?;
        let t = lap("legend", t);
        self.build_kinds()?;
        let t = lap("kinds", t);
        self.build_speakers()?;
        let t = lap("speakers", t);
        // the tab labels show both counts whichever tab is built
        let shown = self.entity_count();
        self.els
            .count_entities
            .set_text_content(Some(&shown.to_string()));
        let total = self.claim_ok.iter().filter(|ok| **ok).count();
        self.els
            .count_claims
            .set_text_content(Some(&total.to_string()));
        self.entities_stale = true;
        self.claims_stale = true;
        self.entity_items = dom::Kept::default();
        let t = lap("counts", t);
        match self.tab {
            Tab::Entities => {
                let groups = self.entity_groups();
                self.build_entities(groups)?;
                lap("entities", t);
                // emptied so a stale list never shows when the tab is opened
                dom::clear(&self.els.matrix);
                self.shown.matrix.forget();
                self.drop_rest_cards();
                dom::clear(&self.els.claims);
                self.shown.claims.forget();
                self.claim_cards = dom::Kept::default();
                self.card_order.clear();
            }
            Tab::Claims => {
                self.build_matrix()?;
                let t = lap("matrix", t);
                self.build_claims(first_cards)?;
                lap("claims", t);
                dom::clear(&self.els.entities);
            }
        }
        self.els
            .status
            .set_attribute("data-sidebar-parts", parts.trim_end())?;
        self.show_tab(self.tab)
    }

    fn build_legend(&self) -> Res<()> {
        let mut counts = [0usize; 18];
        let mut present = [false; 18];
        for m in &self.analysis.mentions {
            let k = type_index(m.entity_type);
            present[k] = true;
            if conf_ok(m.confidence, self.filters.min_conf) {
                counts[k] += 1;
            }
        }
        let mut b = Batch::new();
        for (k, t) in EntityType::ALL.into_iter().enumerate() {
            if !present[k] && !self.filters.hidden_types.contains(&t) {
                continue;
            }
            let on = !self.filters.hidden_types.contains(&t);
            b.open_class("button", "chip")
                .attr_static("type", "button")
                .attr_static("data-type", t.as_str())
                .attr_static("data-t", t.as_str())
                .attr_static("aria-pressed", if on { "true" } else { "false" })
                .attr(
                    "aria-label",
                    &format!(
                        "{}: {}, {}",
                        type_name(t),
                        dom::count(counts[k], "mention", "mentions"),
                        if on { "shown" } else { "hidden" }
                    ),
                )
                .attr_static("title", type_name(t));
            b.open_class("span", "swatch").close();
            b.text_static(t.as_str());
            b.open_class("span", "count").text_num(counts[k]).close();
            b.close();
        }
        b.replace(&self.els.legend, &self.shown.legend)
    }

    fn build_kinds(&self) -> Res<()> {
        let mut counts = [0usize; 5];
        for c in &self.analysis.claims {
            if self.claim_passes(c, Skip::Kind) {
                if let Some(k) = KINDS.iter().position(|k| *k == kind_name(c.kind)) {
                    counts[k] += 1;
                }
                if c.polarity == Polarity::Negated {
                    counts[4] += 1;
                }
            }
        }
        let mut b = Batch::new();
        for (k, name) in KINDS.iter().enumerate() {
            let on = !self.filters.hidden_kinds.contains(name);
            b.open_class("button", "chip")
                .attr_static("type", "button")
                .attr_static("data-kind", name)
                .attr_static("aria-pressed", if on { "true" } else { "false" })
                .attr(
                    "aria-label",
                    &format!(
                        "{name} claims: {}, {}",
                        counts[k],
                        if on { "shown" } else { "hidden" }
                    ),
                );
            b.open_class("span", "kind-swatch").close();
            b.text_static(name);
            b.open_class("span", "count").text_num(counts[k]).close();
            b.close();
        }
        b.replace(&self.els.kinds, &self.shown.kinds)
    }

    fn build_speakers(&self) -> Res<()> {
        let sel = &self.els.speaker;
        let mut counter = Counter::new();
        for c in &self.analysis.claims {
            if self.claim_passes(c, Skip::Speaker) {
                counter.bump(speaker_of(c));
            }
        }
        let mut counts = counter.items;
        if let Some(s) = self.filters.speaker {
            if !counts.iter().any(|(x, _)| *x == s) {
                counts.push((s, 0));
            }
        }
        // names computed once, not twice per comparison
        let mut rows: Vec<(usize, String, Speaker)> = counts
            .into_iter()
            .map(|(s, n)| (n, self.speaker_name(s), s))
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut b = Batch::new();
        b.open("option")
            .attr_static("value", "all")
            .text_static("All speakers")
            .close();
        for (n, name, s) in rows {
            b.open("option");
            match s {
                Speaker::Entity(e) => b.attr_num("value", e),
                Speaker::Unattributed => b.attr_static("value", "none"),
            };
            b.text(&format!("{name} ({n})")).close();
        }
        b.replace(sel, &self.shown.speakers)?;
        sel.set_value(&match self.filters.speaker {
            None => "all".to_string(),
            Some(Speaker::Entity(e)) => e.to_string(),
            Some(Speaker::Unattributed) => "none".to_string(),
        });
        Ok(())
    }

    /// The Entities tab's contents under the filters: for each shown type, its entities
    /// with their visible mention counts, most salient first.
    fn entity_groups(&self) -> Vec<(EntityType, Vec<(usize, usize)>)> {
        // one pass over the entities, bucketed by type
        let mut by_type: Vec<Vec<(usize, usize)>> = vec![Vec::new(); EntityType::ALL.len()];
        self.for_each_shown_entity(|e, n| {
            if let Some(items) = by_type.get_mut(type_index(e.entity_type)) {
                items.push((e.id, n));
            }
        });
        let mut groups: Vec<(EntityType, Vec<(usize, usize)>)> = Vec::new();
        for (t, mut items) in EntityType::ALL.into_iter().zip(by_type) {
            if items.is_empty() {
                continue;
            }
            let salience = |id: usize| self.analysis.entities.get(id).map_or(0.0, |e| e.salience);
            items.sort_by(|a, b| salience(b.0).total_cmp(&salience(a.0)).then(b.1.cmp(&a.1)));
            groups.push((t, items));
        }
        groups
    }

    /// Calls `f` with each entity the Entities tab lists under the filters (type shown,
    /// matching the search, with visible mentions) and its visible mention count.
    fn for_each_shown_entity(&self, mut f: impl FnMut(&crate::Entity, usize)) {
        let q = self.filters.query.to_lowercase();
        for e in &self.analysis.entities {
            if self.filters.hidden_types.contains(&e.entity_type)
                || !Self::entity_matches_query(e, &q)
            {
                continue;
            }
            let n = self.visible_mentions(e);
            if n > 0 {
                f(e, n);
            }
        }
    }

    /// How many entities the Entities tab lists (its label's count) without building it.
    fn entity_count(&self) -> usize {
        let mut n = 0;
        self.for_each_shown_entity(|_, _| n += 1);
        n
    }

    /// Builds the Entities tab from [`App::entity_groups`].
    fn build_entities(&mut self, groups: Vec<(EntityType, Vec<(usize, usize)>)>) -> Res<()> {
        self.entity_items = dom::Kept::new(self.analysis.entities.len());
        // visible claims each entity makes or is about, in one pass over the claims
        let mut claim_counts = vec![0usize; self.analysis.entities.len()];
        let mut seen: Vec<usize> = Vec::new();
        for (i, c) in self.analysis.claims.iter().enumerate() {
            if !self.claim_ok.get(i).copied().unwrap_or(false) {
                continue;
            }
            seen.clear();
            seen.extend(c.speaker);
            seen.extend(&c.about);
            seen.sort_unstable();
            seen.dedup();
            for &e in &seen {
                if let Some(n) = claim_counts.get_mut(e) {
                    *n += 1;
                }
            }
        }
        let mut b = Batch::new();
        for (t, items) in &groups {
            let t = *t;
            b.open_class("section", "group");
            b.open("h3").attr_static("data-t", t.as_str());
            b.open_class("span", "swatch").close();
            b.text(&format!("{} · {}", type_name(t), items.len()))
                .close();
            b.open_class("ul", "list");
            for &(id, n) in items.iter().take(MAX_ENTITY_ITEMS) {
                let Some(e) = self.analysis.entities.get(id) else {
                    continue;
                };
                let claims = claim_counts.get(id).copied().unwrap_or(0);
                b.open_class("li", "item")
                    .attr_static("tabindex", "0")
                    .attr_static("role", "button")
                    .attr_num("data-entity", id)
                    .attr_static("data-t", t.as_str())
                    .attr_num("data-mentions", n)
                    .attr_num("data-refs", e.references.len())
                    .attr_num("data-claims", claims)
                    .attr(
                        "aria-label",
                        &format!(
                            "{}, {}, {}, {}, {}",
                            e.label,
                            type_name(t),
                            dom::count(n, "mention", "mentions"),
                            dom::count(e.references.len(), "reference", "references"),
                            dom::count(claims, "claim", "claims"),
                        ),
                    )
                    .attr_static("aria-pressed", "false");
                b.keep(&mut self.entity_items, id);
                b.open_class("span", "swatch").close();
                b.el_text("span", "label", &e.label);
                let mut counts = format!("{n}×");
                if !e.references.is_empty() {
                    let refs = dom::count(e.references.len(), "ref", "refs");
                    counts.push_str(&format!(" +{refs}"));
                }
                if claims > 0 {
                    counts.push_str(&format!(" · {}", dom::count(claims, "claim", "claims")));
                }
                b.el_text("span", "count", &counts);
                let others: Vec<&str> = e
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .filter(|a| *a != e.label)
                    .collect();
                if !others.is_empty() {
                    b.el_text(
                        "span",
                        "aliases muted",
                        &format!("also: {}", others.join(", ")),
                    );
                }
                b.close();
            }
            b.close();
            if items.len() > MAX_ENTITY_ITEMS {
                b.el_text(
                    "p",
                    "more muted",
                    &format!(
                        "…and {} more; search to narrow the list.",
                        items.len() - MAX_ENTITY_ITEMS
                    ),
                );
            }
            b.close();
        }
        if groups.is_empty() {
            b.el_text("p", "muted", "No entities match the filters.");
        }
        dom::clear(&self.els.entities);
        b.flush(&self.els.entities, Some(&self.entity_items))?;
        self.entities_stale = false;
        Ok(())
    }

    /// Visible claims an entity makes or is about.
    pub(super) fn entity_claims(&self, e: usize) -> Vec<usize> {
        self.analysis
            .claims
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                self.claim_ok.get(*i).copied().unwrap_or(false)
                    && (c.speaker == Some(e) || c.about.contains(&e))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Shows a tab, building its contents first if they are stale.
    pub(super) fn show_tab(&mut self, tab: Tab) -> Res<()> {
        self.tab = tab;
        let t0 = dom::now();
        let built = match tab {
            Tab::Entities if self.entities_stale => {
                let groups = self.entity_groups();
                self.build_entities(groups)?;
                true
            }
            Tab::Claims if self.claims_stale => {
                self.build_matrix()?;
                self.build_claims(usize::MAX)?;
                true
            }
            _ => false,
        };
        let ent = tab == Tab::Entities;
        self.els
            .tab_entities
            .set_attribute("aria-selected", if ent { "true" } else { "false" })?;
        self.els
            .tab_claims
            .set_attribute("aria-selected", if ent { "false" } else { "true" })?;
        self.els.panel_entities.set_hidden(!ent);
        self.els.panel_claims.set_hidden(ent);
        if built {
            // the new items take on the current hover and pin
            self.refresh_highlight()?;
            // time to build a tab on its first opening, for scripts/bench-web
            let status = &self.els.status;
            status.set_attribute("data-tab-ms", &format!("{:.3}", dom::now() - t0))?;
            status.set_attribute("data-tab-built", if ent { "entities" } else { "claims" })?;
        }
        Ok(())
    }
}
