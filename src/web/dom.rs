//! Small typed wrappers over web-sys: element lookup and creation, text nodes, event
//! listeners and timers. Text only ever reaches the DOM through text nodes and
//! attributes set by API, never through HTML parsing.

use std::fmt;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, HtmlElement, Node, Window};

/// Why a DOM operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebError {
    /// A required element of index.html is missing.
    Missing(&'static str),
    /// No `window` or `document` (not running in a page).
    NoWindow,
    /// A JavaScript exception, as text.
    Js(String),
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebError::Missing(id) => write!(f, "the page is missing element #{id}"),
            WebError::NoWindow => write!(f, "not running in a browser window"),
            WebError::Js(msg) => write!(f, "browser error: {msg}"),
        }
    }
}

impl std::error::Error for WebError {}

impl From<JsValue> for WebError {
    fn from(v: JsValue) -> Self {
        let msg = v
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| v.as_string())
            .unwrap_or_else(|| format!("{v:?}"));
        WebError::Js(msg)
    }
}

/// Results of DOM work.
pub type Res<T> = Result<T, WebError>;

/// The page's window.
pub fn window() -> Res<Window> {
    web_sys::window().ok_or(WebError::NoWindow)
}

/// The page's document.
pub fn document() -> Res<Document> {
    window()?.document().ok_or(WebError::NoWindow)
}

/// An element of index.html by id.
pub fn by_id<T: JsCast>(doc: &Document, id: &'static str) -> Res<T> {
    doc.get_element_by_id(id)
        .and_then(|e| e.dyn_into::<T>().ok())
        .ok_or(WebError::Missing(id))
}

/// A new element with a class (empty = none).
pub fn el(doc: &Document, tag: &str, class: &str) -> Res<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// Appends `text` as a text node (never parsed as HTML).
pub fn add_text(doc: &Document, parent: &Node, text: &str) -> Res<()> {
    parent.append_child(&doc.create_text_node(text))?;
    Ok(())
}

/// A new element holding `text`.
pub fn el_text(doc: &Document, tag: &str, class: &str, text: &str) -> Res<Element> {
    let e = el(doc, tag, class)?;
    add_text(doc, &e, text)?;
    Ok(e)
}

/// Removes every child of `node` (one DOM call, not one per child).
pub fn clear(node: &Node) {
    node.set_text_content(None);
}

/// Registers a listener for the page's lifetime (the closure is intentionally leaked:
/// listeners are installed once at start-up).
pub fn on(target: &EventTarget, name: &str, f: impl FnMut(web_sys::Event) + 'static) -> Res<()> {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())?;
    cb.forget();
    Ok(())
}

/// Runs `f` once after `ms` milliseconds; returns the timer handle.
pub fn set_timeout(f: impl FnOnce() + 'static, ms: i32) -> Res<i32> {
    let cb = Closure::once_into_js(f);
    Ok(window()?.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms)?)
}

/// Cancels a timer from [`set_timeout`].
pub fn clear_timeout(handle: i32) {
    if let Ok(w) = window() {
        w.clear_timeout_with_handle(handle);
    }
}

/// Milliseconds since navigation (high resolution).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The closest ancestor-or-self of an event's target matching `selector`.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<HtmlElement> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Writes an error to the console (the page shows its own message).
pub fn log_error(msg: &str) {
    web_sys::console::error_1(&JsValue::from_str(msg));
}

/// Caches, as JS strings, the fixed strings the sidebar sends for every item (tags,
/// classes, attribute names and values) and small numbers, so rebuilding lists does
/// not decode each one from UTF-8 again (wasm-bindgen's `enable-interning`).
pub fn intern_ui_strings() {
    use wasm_bindgen::intern;
    for s in [
        "li",
        "ul",
        "span",
        "div",
        "section",
        "h3",
        "p",
        "button",
        "option",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "item",
        "card",
        "swatch",
        "label",
        "count",
        "who",
        "cue",
        "content",
        "meta",
        "badge",
        "badge neg",
        "aliases muted",
        "group",
        "list",
        "chip",
        "kind-swatch",
        "more muted",
        "muted",
        "active",
        "lit",
        "pinned",
        "dim",
        "low",
        "low-c",
        "data-entity",
        "data-t",
        "data-mentions",
        "data-refs",
        "data-claims",
        "data-claim",
        "data-speaker",
        "data-kind",
        "data-type",
        "data-cell-speaker",
        "data-cell-about",
        "aria-label",
        "aria-pressed",
        "aria-selected",
        "tabindex",
        "role",
        "type",
        "title",
        "value",
        "scope",
        "row",
        "col",
        "true",
        "false",
        "0",
        "all",
        "none",
        "negated",
        "direct",
        "indirect",
        "mixed",
        "assertion",
        "data-role",
        "data-state",
        "max",
        "hidden",
    ] {
        intern(s);
    }
    for n in 0..256 {
        intern(&n.to_string());
    }
}

/// Formats a count with thousands separators ("5,000,000").
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
