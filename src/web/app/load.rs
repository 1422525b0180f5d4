//! Loading and analysing: the first text (link, draft or default article), the default
//! article analysed on this thread in two steps, and a new analysis put on screen.

use super::*;

impl App {
    /// Picks the first text: a share link, else the saved draft, else the default.
    pub(super) fn load_initial(&mut self) -> Res<()> {
        let hash = self.win.location().hash().unwrap_or_default();
        let draft = self.load_draft();
        if hash.len() > 1 {
            match share::decode(&hash) {
                Ok(view) => {
                    let text = view.text.clone();
                    self.pending_view = Some(view);
                    match text {
                        Some(t) => self.analyze_text(t, false)?,
                        None => self.load_default()?,
                    }
                    return Ok(());
                }
                Err(e) => {
                    self.load_default()?;
                    let msg = format!(
                        "This link could not be opened: {e}. Showing the default article instead."
                    );
                    let restore = draft.filter(|d| d != DEFAULT_ARTICLE);
                    self.notice_with_draft(&msg, restore, true)?;
                    return Ok(());
                }
            }
        }
        match draft.filter(|d| d != DEFAULT_ARTICLE && !d.is_empty()) {
            Some(d) => {
                let n = d.chars().count();
                self.analyze_text(d, false)?;
                self.notice(
                    &format!(
                        "Restored the text you were working on ({} characters).",
                        thousands(n)
                    ),
                    &[("Show the default article", "load-default")],
                    false,
                )
            }
            None => self.load_default(),
        }
    }

    /// Shows the default article, analysed on the main thread (it is small and fixed).
    pub(super) fn load_default(&mut self) -> Res<()> {
        if !self.models_decoded {
            if self.pending_view.is_none() {
                return self.load_default_first();
            }
            // a link's view (filters, pin) applies to the finished analysis: one step
            let t0 = dom::now();
            let _ = crate::analyze("");
            self.models_decoded = true;
            self.els
                .status
                .set_attribute("data-model-ms", &format!("{:.1}", dom::now() - t0))?;
        }
        let t0 = dom::now();
        let analysis = crate::analyze(DEFAULT_ARTICLE);
        let ms = dom::now() - t0;
        self.staged = None;
        self.pending = None;
        self.analyzed_where = "main thread";
        self.set_analysis(DEFAULT_ARTICLE.to_string(), analysis, ms, true)
    }

    /// The page's first analysis on this thread, in two steps: the entity models are
    /// decoded and the article drawn with its names (the first highlights), then, in the
    /// next task (after the browser has painted them), the claim models are decoded and
    /// the claims and sidebar added (`finish_claims`). The finished view is the same as
    /// in one step; the names just show without waiting for the claim models.
    fn load_default_first(&mut self) -> Res<()> {
        // Decoding the entity models (hundreds of ms) is timed apart so the article's
        // own analysis time stays comparable; scripts/bench-web reports both.
        // each embedded table timed on its own (the lexicons, the name model, then the
        // rest of the entity stage's first call), for scripts/bench-web's breakdown
        let t0 = dom::now();
        let _ = crate::entities::lexicon::Lexicon::embedded();
        let t1 = dom::now();
        let _ = crate::entities::tagger::NerTagger::embedded();
        let t2 = dom::now();
        let _ = crate::Staged::entities("");
        let t3 = dom::now();
        self.models_decoded = true;
        self.els
            .status
            .set_attribute("data-model-ms", &format!("{:.1}", t3 - t0))?;
        self.els.status.set_attribute(
            "data-phases",
            &format!(
                "lexicons:{:.1} name-model:{:.1} entity-rest:{:.1}",
                t1 - t0,
                t2 - t1,
                t3 - t2
            ),
        )?;
        let t0 = dom::now();
        let (names, staged) = crate::Staged::entities(DEFAULT_ARTICLE);
        let ms = dom::now() - t0;
        self.pending = None;
        self.analyzed_where = "main thread";
        self.text = DEFAULT_ARTICLE.to_string();
        self.is_default = true;
        self.analysis = names;
        self.hover = None;
        self.pinned = None;
        // the article's paragraphs and the claim cards may be kept: unlit first
        self.unlight_runs()?;
        self.unlight_side()?;
        self.compute_visibility();
        self.names_only = true;
        self.start_render()?;
        self.names_only = false;
        self.staged = Some((staged, ms));
        // after the browser has drawn the names (finish_claims runs once)
        self.after_next_frame(App::finish_claims, self.render_gen)
    }

    /// Second step of `load_default_first`: the claims, then the whole view.
    pub(super) fn finish_claims(&mut self, generation: u32) -> Res<()> {
        let Some((staged, names_ms)) = self.staged.take() else {
            return Ok(());
        };
        if generation != self.render_gen {
            return Ok(()); // another text replaced the article meanwhile
        }
        let t0 = dom::now();
        // the claim models decoded apart from the claims, for the breakdown
        let _ = crate::claims::models::cue();
        let _ = crate::claims::models::attr();
        let _ = crate::claims::models::checkworthy();
        let t1 = dom::now();
        let analysis = staged.claims();
        let t2 = dom::now();
        let claims_ms = t2 - t0;
        self.els.status.set_attribute(
            "data-staged",
            &format!("names:{names_ms:.2} claims:{claims_ms:.2}"),
        )?;
        if let Some(phases) = self.els.status.get_attribute("data-phases") {
            self.els.status.set_attribute(
                "data-phases",
                &format!(
                    "{phases} names:{names_ms:.1} claim-models:{:.1} claims:{:.1}",
                    t1 - t0,
                    t2 - t1
                ),
            )?;
        }
        self.set_analysis(
            DEFAULT_ARTICLE.to_string(),
            analysis,
            names_ms + claims_ms,
            true,
        )?;
        // navigation to the finished first view, for scripts/bench-web
        self.els
            .status
            .set_attribute("data-first-complete", &format!("{:.1}", dom::now()))?;
        Ok(())
    }

    /// Analyses reader-supplied text in the worker (crash-isolated, off the main thread).
    pub(super) fn analyze_text(&mut self, text: String, from_editor: bool) -> Res<()> {
        // the first article's claims, if still to come, are for a text being replaced
        self.staged = None;
        if text.len() > MAX_TEXT_BYTES {
            self.set_status(
                "error",
                &format!(
                    "This text is {:.1} MB; claimlens analyses up to {} MB. Your text is kept in the editor.",
                    text.len() as f64 / 1e6,
                    MAX_TEXT_BYTES / (1024 * 1024)
                ),
            );
            return Ok(());
        }
        if text == DEFAULT_ARTICLE && !from_editor {
            return self.load_default();
        }
        if self.pending.take().is_some() {
            // the worker is busy with text the reader has since replaced: start afresh
            // rather than queue behind a long analysis
            self.restart_worker();
        }
        let worker = self.worker()?;
        self.next_id += 1;
        let id = self.next_id;
        let msg = js_sys::Object::new();
        js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id))?;
        js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text))?;
        worker.post_message(&msg)?;
        let bytes = text.len();
        self.pending = Some(Pending {
            id,
            text,
            started: dom::now(),
        });
        self.show_progress(None)?;
        self.set_status("analysing", &format!("Analysing {}…", size_label(bytes)));
        self.start_ticker()?;
        Ok(())
    }

    /// Replaces the shown text and analysis and renders them.
    pub(super) fn set_analysis(
        &mut self,
        text: String,
        analysis: Analysis,
        ms: f64,
        is_default: bool,
    ) -> Res<()> {
        self.apply_started = dom::now();
        // the old list's cards left for later are for the old analysis
        self.drop_rest_cards();
        self.text = text;
        self.is_default = is_default;
        self.analysis = analysis;
        self.analyze_ms = ms;
        // entity ids belong to one analysis: filters naming entities are re-resolved
        let view = self.pending_view.take();
        self.filters.speaker = None;
        self.filters.cell = None;
        self.hover = None;
        self.pinned = None;
        // the article's paragraphs and the claim cards may be kept: unlit first
        self.unlight_runs()?;
        self.unlight_side()?;
        if let Some(v) = &view {
            self.apply_filters_from_view(v)?;
        }
        self.compute_visibility();
        if let Some(v) = &view {
            self.apply_pin_from_view(v)?;
        }
        // the article first, so the first highlights show before the sidebar is built
        self.entity_items = dom::Kept::default();
        self.start_render()?;
        let t0 = dom::now();
        self.rebuild_sidebar(FIRST_CARDS)?;
        self.els
            .status
            .set_attribute("data-sidebar-ms", &format!("{:.3}", dom::now() - t0))?;
        self.refresh_highlight()?;
        if self.render_complete {
            self.record_total()?;
        }
        if self.cards_rest.is_some() {
            // "ready" once the last cards are built too (tests and bench-web wait for it)
            let status = &self.els.status;
            if status.get_attribute("data-state").as_deref() == Some("ready") {
                status.set_attribute("data-state", "sidebar")?;
            }
            self.after_next_frame(App::build_rest_cards, self.cards_token)?;
        }
        Ok(())
    }
}
