//! Share links: the view (text, filters, pin) written to and read from the URL fragment.

use super::*;

impl App {
    fn view_state(&self) -> ViewState {
        let label = |e: usize| self.analysis.entities.get(e).map(|x| x.label.clone());
        let spk = |s: Speaker| match s {
            Speaker::Entity(e) => label(e).map(SpeakerRef::Label),
            Speaker::Unattributed => Some(SpeakerRef::Unattributed),
        };
        ViewState {
            text: (!self.is_default).then(|| self.text.clone()),
            hidden_types: self
                .filters
                .hidden_types
                .iter()
                .map(|t| t.as_str().to_string())
                .collect(),
            hidden_kinds: self
                .filters
                .hidden_kinds
                .iter()
                .map(|k| k.to_string())
                .collect(),
            speaker: self.filters.speaker.and_then(spk),
            min_confidence: self.filters.min_conf,
            query: self.filters.query.clone(),
            pinned: match self.pinned {
                Some(Focus::Entity(e)) => label(e).map(Pinned::Entity),
                Some(Focus::Claim(c)) => self
                    .analysis
                    .claims
                    .get(c)
                    .map(|x| Pinned::Claim(x.span.start)),
                None => None,
            },
            cell: self
                .filters
                .cell
                .and_then(|(s, a)| Some((spk(s)?, label(a)?))),
            tab: Some(match self.tab {
                Tab::Entities => "entities".to_string(),
                Tab::Claims => "claims".to_string(),
            }),
        }
    }

    fn entity_by_label(&self, label: &str) -> Option<usize> {
        self.analysis
            .entities
            .iter()
            .find(|e| e.label == label)
            .map(|e| e.id)
    }

    fn speaker_from_ref(&self, s: &SpeakerRef) -> Option<Speaker> {
        match s {
            SpeakerRef::Unattributed => Some(Speaker::Unattributed),
            SpeakerRef::Label(l) => self.entity_by_label(l).map(Speaker::Entity),
        }
    }

    /// Sets the filters and their controls from a share link's view.
    pub(super) fn apply_filters_from_view(&mut self, v: &ViewState) -> Res<()> {
        let f = &mut self.filters;
        f.hidden_types = v
            .hidden_types
            .iter()
            .filter_map(|t| EntityType::parse(t))
            .collect();
        f.hidden_kinds = v
            .hidden_kinds
            .iter()
            .filter_map(|k| KINDS.iter().find(|x| **x == k.as_str()).copied())
            .collect();
        f.min_conf = v.min_confidence.min(100);
        f.query = v.query.clone();
        self.els.conf.set_value(&f.min_conf.to_string());
        self.els
            .conf_out
            .set_text_content(Some(&format!("{}%", f.min_conf)));
        self.els.search.set_value(&f.query);
        self.filters.speaker = v.speaker.as_ref().and_then(|s| self.speaker_from_ref(s));
        self.filters.cell = v
            .cell
            .as_ref()
            .and_then(|(s, a)| Some((self.speaker_from_ref(s)?, self.entity_by_label(a)?)));
        self.tab = match v.tab.as_deref() {
            Some("entities") => Tab::Entities,
            _ => Tab::Claims,
        };
        self.restyle_runs()
    }

    /// Pins the item a share link's view names, if it is in this analysis.
    pub(super) fn apply_pin_from_view(&mut self, v: &ViewState) -> Res<()> {
        self.pinned = match &v.pinned {
            Some(Pinned::Entity(l)) => self.entity_by_label(l).map(Focus::Entity),
            Some(Pinned::Claim(start)) => self
                .analysis
                .claims
                .iter()
                .position(|c| c.span.start == *start)
                .map(Focus::Claim),
            None => None,
        };
        Ok(())
    }

    /// Writes the current view into a share link and shows it.
    pub(super) fn share(&mut self) -> Res<()> {
        let fragment = share::encode(&self.view_state());
        let loc = self.win.location();
        let url = format!("{}{}#{}", loc.origin()?, loc.pathname()?, fragment);
        // the address bar shows the link too, so a reload keeps this view
        let _ = self
            .win
            .history()?
            .replace_state_with_url(&JsValue::NULL, "", Some(&url));
        self.els.share_url.set_value(&url);
        self.els.share_box.set_hidden(false);
        self.els.share_url.select();
        let mut info = format!("{} characters.", thousands(url.len()));
        if fragment.len() > share::WARN_LENGTH {
            info.push_str(&format!(
                " Warning: links over {} kB may be cut by mail or chat apps; consider sending the exported JSON instead.",
                share::WARN_LENGTH / 1024
            ));
            self.els.share_box.class_list().add_1("warn")?;
        } else {
            self.els.share_box.class_list().remove_1("warn")?;
        }
        self.els.share_info.set_text_content(Some(&info));
        let clipboard = self.win.navigator().clipboard();
        let promise = clipboard.write_text(&url);
        let ok = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {
            if let Ok(doc) = dom::document() {
                if let Some(e) = doc.get_element_by_id("share-info") {
                    let t = e.text_content().unwrap_or_default();
                    e.set_text_content(Some(&format!("Copied to the clipboard. {t}")));
                }
            }
        });
        let fail = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {
            if let Ok(doc) = dom::document() {
                if let Some(e) = doc.get_element_by_id("share-info") {
                    let t = e.text_content().unwrap_or_default();
                    e.set_text_content(Some(&format!("Press Ctrl+C (⌘C) to copy. {t}")));
                }
            }
        });
        let _ = promise.then2(&ok, &fail);
        // one pair of small closures per click; they must outlive the promise
        ok.forget();
        fail.forget();
        Ok(())
    }

    /// The URL fragment changed: loads the link's text and view.
    pub(super) fn on_hash_change(&mut self) -> Res<()> {
        let hash = self.win.location().hash().unwrap_or_default();
        if hash.len() <= 1 {
            return Ok(());
        }
        // our own replaceState never fires this; a pasted link does
        match share::decode(&hash) {
            Ok(view) => {
                let text = view.text.clone();
                self.pending_view = Some(view);
                match text {
                    Some(t) => self.analyze_text(t, false),
                    None => self.load_default(),
                }
            }
            Err(e) => self.notice(
                &format!("This link could not be opened: {e}. The current text is kept."),
                &[],
                true,
            ),
        }
    }
}
