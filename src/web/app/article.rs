//! The article view: rendering it (at once with kept paragraphs, or in chunks for a long
//! text) and restyling its runs after a filter change.

use super::*;

impl App {
    /// Renders the article in chunks so a huge text never blocks the page for long.
    pub(super) fn start_render(&mut self) -> Res<()> {
        self.render_gen = self.render_gen.wrapping_add(1);
        self.render_started = dom::now();
        self.render_work = 0.0;
        self.render_complete = false;
        self.fragment = None;
        self.pending_bytes = 0;
        let t0 = dom::now();
        self.prep = render::prepare(&self.text, &self.analysis, render::HIGHLIGHT_CAP_BYTES);
        self.els
            .status
            .set_attribute("data-prepare-ms", &format!("{:.3}", dom::now() - t0))?;
        self.els
            .article
            .class_list()
            .toggle_with_force("dim", false)?;
        if self.text.len() <= render::REUSE_MAX_BYTES {
            // small enough to build at once, keeping the paragraphs that did not change
            let t0 = dom::now();
            let look = FilterLook {
                analysis: &self.analysis,
                filters: &self.filters,
                ok: &self.line_ok,
            };
            let old = std::mem::take(&mut self.runs);
            self.runs = render::render_reusing(
                &self.els.article,
                &self.doc,
                &self.text,
                &self.analysis,
                &self.prep,
                &look,
                old,
            )?;
            self.mark_first_highlight()?;
            self.render_work += dom::now() - t0;
            return self.render_done();
        }
        self.runs = Rendered::default();
        dom::clear(&self.els.article);
        self.render_step(self.render_gen, Cursor::default())
    }

    /// Time to first highlight (from navigation), for scripts/bench-web.
    fn mark_first_highlight(&self) -> Res<()> {
        if !self.els.status.has_attribute("data-first-highlight") {
            self.els
                .status
                .set_attribute("data-first-highlight", &format!("{:.1}", dom::now()))?;
        }
        Ok(())
    }

    fn render_step(&mut self, generation: u32, mut cursor: Cursor) -> Res<()> {
        if generation != self.render_gen {
            return Ok(()); // a newer text replaced this one
        }
        let t0 = dom::now();
        let first = cursor.line == 0;
        let look = FilterLook {
            analysis: &self.analysis,
            filters: &self.filters,
            ok: &self.line_ok,
        };
        // the first chunk goes straight into the page (first highlights at once)
        let target: web_sys::Node = if first {
            self.els.article.clone().into()
        } else {
            self.fragment
                .get_or_insert_with(|| self.doc.create_document_fragment())
                .clone()
                .into()
        };
        let line_before = cursor.line;
        let done = render::render_chunk(
            &target,
            &self.text,
            &self.analysis,
            &self.prep,
            &look,
            &mut cursor,
            &mut self.runs,
            CHUNK_MS,
        )?;
        if first {
            self.mark_first_highlight()?;
        }
        if let Some(frag) = &self.fragment {
            let from = self.prep.lines.get(line_before).map_or(0, |l| l.start);
            let to = self
                .prep
                .lines
                .get(cursor.line)
                .map_or(self.text.len(), |l| l.start);
            self.pending_bytes += to.saturating_sub(from);
            if done || self.pending_bytes >= ATTACH_BYTES {
                self.els.article.append_child(frag)?;
                self.pending_bytes = 0;
            }
        }
        self.render_work += dom::now() - t0;
        if done {
            self.render_done()
        } else {
            let total = self.prep.lines.len().max(1);
            self.show_progress(Some(cursor.line as f64 / total as f64))?;
            self.set_status(
                "rendering",
                &format!("Rendering… {}%", cursor.line * 100 / total),
            );
            dom::set_timeout(move || act(|app| app.render_step(generation, cursor)), 0)?;
            Ok(())
        }
    }

    fn render_done(&mut self) -> Res<()> {
        let render_ms = dom::now() - self.render_started;
        if self.names_only {
            // the names of the first article, drawn while its claims are still to come
            self.set_status("analysing", "Finding claims…");
            return Ok(());
        }
        // a render done in one go never showed the bar: leave the element untouched
        if !self.els.progress.hidden() {
            self.els.progress.set_hidden(true);
        }
        self.refresh_highlight()?;
        let a = &self.analysis;
        let chars = a.length;
        let mut msg = format!(
            "{} · {}, {}, {} · analysed in {:.1} ms ({}) · rendered in {:.1} ms",
            dom::count(chars, "character", "characters"),
            dom::count(a.mentions.len(), "mention", "mentions"),
            dom::count(a.entities.len(), "entity", "entities"),
            dom::count(a.claims.len(), "claim", "claims"),
            self.analyze_ms,
            self.analyzed_where,
            render_ms
        );
        if self.prep.capped(self.text.len()) {
            msg.push_str(&format!(
                " · highlights shown for the first {} of the text; the sidebar and exports cover all of it",
                size_label(self.prep.cap)
            ));
        }
        let status = &self.els.status;
        status.set_attribute("data-analyze-ms", &format!("{:.3}", self.analyze_ms))?;
        status.set_attribute("data-render-ms", &format!("{render_ms:.3}"))?;
        status.set_attribute("data-render-work-ms", &format!("{:.3}", self.render_work))?;
        self.render_complete = true;
        self.record_total()?;
        status.set_attribute("data-bytes", &self.text.len().to_string())?;
        status.set_attribute("data-where", self.analyzed_where)?;
        // "ready" once the claim cards left for after the first frame are built too
        let state = if self.cards_rest.is_some() {
            "sidebar"
        } else {
            "ready"
        };
        self.set_status(state, &msg);
        Ok(())
    }

    /// Records analysis plus everything after it (article, sidebar, highlights) for
    /// scripts/bench-web; called when the last of the article and the sidebar is done.
    pub(super) fn record_total(&self) -> Res<()> {
        let total = self.analyze_ms + (dom::now() - self.apply_started);
        self.els
            .status
            .set_attribute("data-total-ms", &format!("{total:.3}"))?;
        Ok(())
    }

    /// Re-applies claim lines and faded marks to every rendered run after a filter change.
    pub(super) fn restyle_runs(&mut self) -> Res<()> {
        let look = FilterLook {
            analysis: &self.analysis,
            filters: &self.filters,
            ok: &self.line_ok,
        };
        let mut changed = false;
        for (i, seg) in self.prep.segs.iter().enumerate() {
            let Some(old) = self.runs.styles.get_mut(i) else {
                continue;
            };
            let new = render::run_style(seg, &look);
            // the element crosses into wasm only when its look changes
            if new != *old {
                if let Some(e) = self.runs.els.get(i) {
                    render::apply_style(&e, new, *old)?;
                    *old = new;
                    changed = true;
                }
            }
        }
        if changed {
            // the paragraphs no longer match what they were built from
            self.runs.lines.clear();
        }
        let list = self.els.article.class_list();
        for t in EntityType::ALL {
            list.toggle_with_force(
                &format!("hide-{}", t.as_str()),
                self.filters.hidden_types.contains(&t),
            )?;
        }
        Ok(())
    }
}

/// Look of runs under the app's filters.
struct FilterLook<'a> {
    analysis: &'a Analysis,
    filters: &'a Filters,
    /// Claims whose lines are drawn (`App::line_ok`).
    ok: &'a [bool],
}

impl Look for FilterLook<'_> {
    fn claim_line(&self, seg: &Segment) -> Option<(Role, &'static str, bool)> {
        // the strongest role among drawn claims, those above the threshold first (a
        // listed claim's line is never hidden under a faded one); ties go to the
        // shorter claim
        let mut best: Option<(bool, Role, usize, u32)> = None;
        for &(c, role) in &seg.claims {
            if !self.ok.get(c as usize).copied().unwrap_or(false) {
                continue;
            }
            let Some(claim) = self.analysis.claims.get(c as usize) else {
                continue;
            };
            let len = claim.span.end - claim.span.start;
            // (a listed claim's bare sentence, drawn as nothing, hides no faded line)
            let full = role != Role::Span && conf_ok(claim.confidence, self.filters.min_conf);
            let better = match best {
                None => true,
                Some((f, r, l, _)) => (full, role) > (f, r) || ((full, role) == (f, r) && len < l),
            };
            if better {
                best = Some((full, role, len, c));
            }
        }
        let (full, role, _, c) = best?;
        let claim = self.analysis.claims.get(c as usize)?;
        Some((role, kind_name(claim.kind), !full))
    }

    fn mention_low(&self, mention: u32) -> bool {
        self.analysis
            .mentions
            .get(mention as usize)
            .is_some_and(|m| !conf_ok(m.confidence, self.filters.min_conf))
    }
}
