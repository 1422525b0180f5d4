//! The status line, the progress bar and notices.

use super::*;

impl App {
    /// Sets the status line's state (`data-state`) and message.
    pub(super) fn set_status(&self, state: &str, msg: &str) {
        let _ = self.els.status.set_attribute("data-state", state);
        self.els.status_text.set_text_content(Some(msg));
    }

    /// Shows the progress bar at `value` (0 to 1), or indeterminate.
    pub(super) fn show_progress(&self, value: Option<f64>) -> Res<()> {
        let p = &self.els.progress;
        p.set_hidden(false);
        match value {
            Some(v) => {
                p.set_attribute("max", "1")?;
                p.set_attribute("value", &format!("{v:.3}"))?;
            }
            None => p.remove_attribute("value")?, // indeterminate while the worker runs
        }
        Ok(())
    }

    /// Starts updating the elapsed time while the worker analyses.
    pub(super) fn start_ticker(&mut self) -> Res<()> {
        self.stop_ticker();
        self.tick_timer = Some(dom::set_timeout(|| act(|app| app.tick()), 250)?);
        Ok(())
    }

    /// Stops the elapsed-time updates.
    pub(super) fn stop_ticker(&mut self) {
        if let Some(t) = self.tick_timer.take() {
            dom::clear_timeout(t);
        }
    }

    /// Elapsed time while the worker analyses, so a long wait visibly progresses.
    fn tick(&mut self) -> Res<()> {
        self.tick_timer = None;
        if let Some(p) = &self.pending {
            let secs = (dom::now() - p.started) / 1000.0;
            self.set_status(
                "analysing",
                &format!(
                    "Analysing {} in the background… {secs:.1} s (the page stays usable)",
                    size_label(p.text.len())
                ),
            );
            self.start_ticker()?;
        }
        Ok(())
    }

    /// Shows a notice with action buttons (`data-action` values).
    pub(super) fn notice(&self, msg: &str, actions: &[(&str, &str)], error: bool) -> Res<()> {
        self.els.notice_text.set_text_content(Some(msg));
        dom::clear(&self.els.notice_actions);
        for (label, action) in actions {
            let b = el_text(&self.doc, "button", "link", label)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-action", action)?;
            self.els.notice_actions.append_child(&b)?;
        }
        self.els
            .notice
            .class_list()
            .toggle_with_force("error", error)?;
        self.els.notice.set_hidden(false);
        Ok(())
    }

    /// Shows a notice, offering the saved draft back if there is one.
    pub(super) fn notice_with_draft(
        &mut self,
        msg: &str,
        draft: Option<String>,
        error: bool,
    ) -> Res<()> {
        match draft {
            Some(d) => {
                self.undo_text = Some(d);
                self.notice(msg, &[("Restore your draft", "undo-default")], error)
            }
            None => self.notice(msg, &[], error),
        }
    }

    /// Hides the notice.
    pub(super) fn hide_notice(&self) {
        self.els.notice.set_hidden(true);
    }
}
