//! Edit mode: the editor, its draft kept in local storage, and going back to the default
//! article.

use super::*;

impl App {
    /// Opens (`on`) or closes the editor; closing analyses the edited text if it changed.
    pub(super) fn toggle_edit(&mut self, on: bool) -> Res<()> {
        self.editing = on;
        self.els.editor_box.set_hidden(!on);
        self.els.article.set_hidden(on);
        self.els
            .edit_btn
            .set_attribute("aria-pressed", if on { "true" } else { "false" })?;
        if on {
            // the newest text is the one being analysed, if any: reopening the editor
            // mid-analysis must not bring back the older text
            let newest = self.pending.as_ref().map_or(&self.text, |p| &p.text);
            if self.els.editor.value() != *newest {
                self.els.editor.set_value(newest);
            }
            self.update_editor_info();
            self.els.editor.focus()?;
            self.warm_worker()?;
        } else {
            // A selection left inside the hidden textarea makes Chromium re-check every
            // `content-visibility: auto` paragraph against it on each style pass: with a
            // multi-megabyte text that froze the page for tens of seconds.
            let _ = self.els.editor.set_selection_range(0, 0);
            let _ = self.els.editor.blur();
            if let Ok(Some(sel)) = self.win.get_selection() {
                let _ = sel.remove_all_ranges();
            }
            let _ = self.els.edit_btn.focus();
            // analyse what is in the editor now rather than wait for the debounce
            let value = self.els.editor.value();
            if value != self.text && self.pending.as_ref().is_none_or(|p| p.text != value) {
                self.commit_text(value)?;
            }
        }
        Ok(())
    }

    /// The editor's text changed: shows its size and schedules its analysis (debounced).
    pub(super) fn on_editor_input(&mut self) -> Res<()> {
        if let Some(t) = self.edit_timer.take() {
            dom::clear_timeout(t);
        }
        // one copy of the editor's text out of the page (megabytes when pasted)
        let value = self.els.editor.value();
        self.show_editor_info(&value);
        let len = value.len();
        drop(value);
        // longer texts wait longer so typing is not interrupted by re-analysis
        let delay = if len > 200_000 { 900 } else { 350 };
        self.edit_timer = Some(dom::set_timeout(
            || {
                act(|app| {
                    app.edit_timer = None;
                    app.commit_editor()
                })
            },
            delay,
        )?);
        Ok(())
    }

    fn commit_editor(&mut self) -> Res<()> {
        let value = self.els.editor.value();
        self.commit_text(value)
    }

    /// Saves and analyses `value`, the editor's current text.
    fn commit_text(&mut self, value: String) -> Res<()> {
        if let Some(t) = self.edit_timer.take() {
            dom::clear_timeout(t);
        }
        self.save_draft(&value);
        self.analyze_text(value, true)
    }

    fn update_editor_info(&self) {
        self.show_editor_info(&self.els.editor.value());
    }

    /// Shows the default article in the editor (its info from the constant, not from a
    /// copy of the editor's text).
    fn editor_to_default(&self) {
        self.els.editor.set_value(DEFAULT_ARTICLE);
        self.show_editor_info(DEFAULT_ARTICLE);
    }

    fn show_editor_info(&self, v: &str) {
        let info = format!("{} characters", thousands(v.chars().count()));
        self.els.editor_info.set_text_content(Some(&info));
    }

    /// The draft saved in local storage, if any.
    pub(super) fn load_draft(&self) -> Option<String> {
        let storage = self.win.local_storage().ok().flatten()?;
        storage.get_item(DRAFT_KEY).ok().flatten()
    }

    fn save_draft(&self, text: &str) {
        let Some(storage) = self.win.local_storage().ok().flatten() else {
            return;
        };
        if storage.set_item(DRAFT_KEY, text).is_err() {
            // quota exceeded: say so rather than pretend the draft is safe
            self.els.editor_info.set_text_content(Some(
                "This text is too large to keep in the browser's storage; it stays only in this tab.",
            ));
        }
    }

    /// Shows the default article again and drops the draft; the replaced text is one Undo away.
    pub(super) fn reset_to_default(&mut self) -> Res<()> {
        if !self.is_default {
            self.undo_text = Some(self.text.clone());
        }
        if let Some(storage) = self.win.local_storage().ok().flatten() {
            let _ = storage.remove_item(DRAFT_KEY);
        }
        self.editor_to_default();
        self.load_default()?;
        if self.undo_text.is_some() {
            self.notice(
                "Loaded the default article.",
                &[("Undo", "undo-default")],
                false,
            )?;
        } else {
            self.hide_notice();
        }
        Ok(())
    }

    /// Empties the editor at once (selecting and deleting megabytes in a textarea
    /// takes the browser's editing engine minutes); the old text stays one Undo away.
    pub(super) fn clear_editor(&mut self) -> Res<()> {
        let old = self.els.editor.value();
        if old.is_empty() {
            return Ok(());
        }
        self.undo_text = Some(old);
        self.els.editor.set_value("");
        self.update_editor_info();
        self.els.editor.focus()?;
        self.notice("Cleared the editor.", &[("Undo", "undo-default")], false)
    }

    /// Brings back the text replaced by the default article.
    pub(super) fn undo_default(&mut self) -> Res<()> {
        if let Some(t) = self.undo_text.take() {
            self.save_draft(&t);
            self.els.editor.set_value(&t);
            self.analyze_text(t, true)?;
        }
        self.hide_notice();
        Ok(())
    }
}
