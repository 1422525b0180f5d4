//! Exports of the analysis and the text as file downloads.

use super::*;

impl App {
    /// Downloads the analysis or the text in the format `what` (a `data-export` value).
    pub(super) fn export(&mut self, what: &str) -> Res<()> {
        // the first article's claims, if still to come, are found now: an export is whole
        if self.staged.is_some() {
            self.finish_claims(self.render_gen)?;
        }
        let (name, mime, body) = match what {
            "json" => (
                "claimlens-analysis.json",
                "application/json",
                serde_json::to_string_pretty(&self.analysis)
                    .map_err(|e| dom::WebError::Js(e.to_string()))?,
            ),
            "entities-csv" => (
                "claimlens-entities.csv",
                "text/csv",
                crate::export::entities_csv(&self.analysis),
            ),
            "claims-csv" => (
                "claimlens-claims.csv",
                "text/csv",
                crate::export::claims_csv(&self.analysis),
            ),
            "displacy" => (
                "claimlens-displacy.json",
                "application/json",
                serde_json::to_string(&[crate::export::displacy(&self.text, &self.analysis)])
                    .map_err(|e| dom::WebError::Js(e.to_string()))?,
            ),
            "brat" => (
                "claimlens.ann",
                "text/plain",
                crate::export::brat_ann(&self.analysis),
            ),
            "text" => ("claimlens.txt", "text/plain", self.text.clone()),
            _ => return Ok(()),
        };
        download(&self.doc, name, mime, &body)
    }
}

/// Offers `body` as a file download (Blob + object URL; nothing leaves the machine).
fn download(doc: &Document, name: &str, mime: &str, body: &str) -> Res<()> {
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(body));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body_el) = doc.body() {
        body_el.append_child(&a)?;
        a.click();
        body_el.remove_child(&a)?;
    }
    // revoke later: the download reads the blob asynchronously
    dom::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        10_000,
    )?;
    Ok(())
}
