//! The Web Worker that analyses reader-supplied text off the main thread: its start,
//! warm-up, requests and replies.

use super::*;

impl App {
    /// A worker reply: the Analysis as JSON, or an error.
    fn on_worker_message(&mut self, data: JsValue) -> Res<()> {
        let id = js_sys::Reflect::get(&data, &"id".into())?
            .as_f64()
            .unwrap_or(-1.0);
        if id == 0.0 {
            // the warm-up's reply (warm_worker): the worker is ready for the reader's
            // text; marked for scripts/bench-web, which measures with an idle page
            let state = if js_sys::Reflect::get(&data, &"error".into())?.is_undefined() {
                "ready"
            } else {
                "error"
            };
            self.els.status.set_attribute("data-worker", state)?;
            return Ok(());
        }
        let current = match &self.pending {
            Some(p) if f64::from(p.id) == id => p,
            _ => return Ok(()), // a reply to text the reader has since changed
        };
        let started = current.started;
        self.stop_ticker();
        let error = js_sys::Reflect::get(&data, &"error".into())?;
        if let Some(err) = error.as_string() {
            self.pending = None;
            self.restart_worker();
            self.show_progress(Some(1.0))?;
            self.set_status(
                "error",
                &format!(
                    "The analyser failed on this text ({err}). Your text is kept; try editing it."
                ),
            );
            return Ok(());
        }
        let json = js_sys::Reflect::get(&data, &"json".into())?
            .as_string()
            .unwrap_or_default();
        let ms = js_sys::Reflect::get(&data, &"ms".into())?
            .as_f64()
            .unwrap_or(dom::now() - started);
        let Some(p) = self.pending.take() else {
            return Ok(());
        };
        let t0 = dom::now();
        let parsed = serde_json::from_str::<Analysis>(&json);
        self.els
            .status
            .set_attribute("data-parse-ms", &format!("{:.3}", dom::now() - t0))?;
        match parsed {
            Ok(analysis) => {
                self.analyzed_where = "worker";
                self.set_analysis(p.text, analysis, ms, false)
            }
            Err(e) => {
                self.set_status("error", &format!("The analysis could not be read: {e}"));
                Ok(())
            }
        }
    }

    /// The running worker, started if there is none.
    pub(super) fn worker(&mut self) -> Res<Worker> {
        match &self.worker {
            Some(w) => Ok(w.clone()),
            None => {
                let w = spawn_worker()?;
                self.worker = Some(w.clone());
                Ok(w)
            }
        }
    }

    /// Starts the worker ahead of the first pasted text, when the reader opens the
    /// editor: its wasm compile and model decode (about half a second) then happen while
    /// the reader pastes or types, not after. The empty text's reply has id 0, which no
    /// request uses, so it is ignored.
    pub(super) fn warm_worker(&mut self) -> Res<()> {
        if self.worker.is_some() {
            return Ok(());
        }
        let worker = self.worker()?;
        let msg = js_sys::Object::new();
        js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(0))?;
        js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(""))?;
        worker.post_message(&msg)?;
        Ok(())
    }

    /// Ends the worker (a new one starts with the next request).
    pub(super) fn restart_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        let _ = self.els.status.remove_attribute("data-worker");
    }
}

fn spawn_worker() -> Res<Worker> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = Worker::new_with_options("worker.js", &opts)?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            act(|app| app.on_worker_message(data));
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_e: web_sys::Event| {
        act(|app| {
            app.stop_ticker();
            app.restart_worker();
            if app.pending.take().is_some() {
                app.set_status(
                    "error",
                    "The background analyser could not run this text. Your text is kept.",
                );
            }
            Ok(())
        });
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(worker)
}
