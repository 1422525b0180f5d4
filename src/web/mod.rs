//! The explorer page (wasm32 only): renders an [`Analysis`](crate::Analysis) as an
//! article with inline highlights, a sidebar, filters, share links and exports.
//!
//! The page never re-implements extraction: it calls [`crate::analyze`] (on the main
//! thread for the built-in article, in a Web Worker running this same wasm for anything
//! the reader supplies) and renders from the result alone.
//!
//! Entry points called from JavaScript: [`start`] (`assets/boot.js`) and
//! [`analyze_json`] (`assets/worker.js`).

mod app;
pub mod dom;
pub mod render;
pub mod segments;

use wasm_bindgen::prelude::*;

/// Starts the explorer in the current page. Called once by `boot.js`.
#[wasm_bindgen]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        dom::log_error(&format!("claimlens panicked: {info}"));
        if let Ok(doc) = dom::document() {
            if let Some(e) = doc.get_element_by_id("fatal") {
                e.set_text_content(Some(
                    "claimlens hit an internal error. Your draft is kept in this browser; reload the page to continue.",
                ));
                let _ = e.remove_attribute("hidden");
            }
        }
    }));
    if let Err(e) = app::boot() {
        dom::log_error(&e.to_string());
        if let Ok(doc) = dom::document() {
            if let Some(el) = doc.get_element_by_id("fatal") {
                el.set_text_content(Some(&format!("claimlens could not start: {e}")));
                let _ = el.remove_attribute("hidden");
            }
        }
    }
}

/// Analyses `text` and returns the Analysis as JSON (the spec's schema). Used by the
/// worker, whose reply the page parses back with serde.
#[wasm_bindgen]
pub fn analyze_json(text: &str) -> Result<String, JsError> {
    serde_json::to_string(&crate::analyze(text)).map_err(|e| JsError::new(&e.to_string()))
}

/// Analyses `text` and returns how many mentions and claims were found. For
/// `scripts/bench-web`, which times the core in the page without JSON serialisation.
#[wasm_bindgen]
pub fn bench_analyze(text: &str) -> u32 {
    let a = crate::analyze(text);
    (a.mentions.len() + a.claims.len()) as u32
}
