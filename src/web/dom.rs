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

thread_local! {
    /// The page's `performance` object, looked up once: `now()` is called a few dozen
    /// times per render, and each lookup of `window.performance` crossed into JS twice.
    static PERF: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
}

/// Milliseconds since navigation (high resolution).
pub fn now() -> f64 {
    PERF.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
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

/// Caches, as JS strings, the fixed strings still sent per element through web-sys
/// (restyling runs after a filter change, hover and pin), so they are not decoded from
/// UTF-8 each time (wasm-bindgen's `enable-interning`). Lists are built by [`Batch`].
pub fn intern_ui_strings() {
    use wasm_bindgen::intern;
    for s in [
        "lit",
        "hit",
        "pinned",
        "dim",
        "low",
        "low-c",
        "data-role",
        "data-kind",
        "aria-pressed",
        "true",
        "false",
        "src",
        "cue",
        "con",
        "direct",
        "indirect",
        "mixed",
        "assertion",
    ] {
        intern(s);
    }
}

/// A count and its noun, singular for one ("1 claim", "2,000 claims").
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
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

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/web/build.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn build_batch(
        root: &Node,
        strs: &str,
        lens: &[u32],
        ops: &[u32],
        kept: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_name = patch_children)]
    fn patch_children_js(
        root: &Node,
        frag: &web_sys::DocumentFragment,
        plan: &js_sys::Int32Array,
    ) -> Result<(), JsValue>;
}

/// Replaces `root`'s children by the paragraphs of a plan (see `build.js`): for each,
/// the index of an old child to keep, or -1 for the next child of `frag`.
pub fn patch_children(
    root: &Node,
    frag: &web_sys::DocumentFragment,
    plan: &js_sys::Int32Array,
) -> Res<()> {
    patch_children_js(root, frag, plan).map_err(WebError::from)
}

const OP_OPEN: u32 = 0;
const OP_CLASS: u32 = 1;
const OP_ATTR: u32 = 2;
const OP_TEXT: u32 = 3;
const OP_CLOSE: u32 = 4;
const OP_KEEP: u32 = 5;

/// A DOM subtree described in Rust and built by one call into JavaScript
/// (`build.js`). Each web-sys call crosses into JavaScript and decodes its strings
/// separately; a list of hundreds of elements cost several milliseconds in those
/// crossings alone. Strings travel as one concatenation, so text still enters the DOM
/// only as text nodes and attribute values.
#[derive(Debug, Default)]
pub struct Batch {
    strs: String,
    lens: Vec<u32>,
    ops: Vec<u32>,
    /// Fixed strings (tags, names, classes) already in the table, sent once per batch.
    names: std::collections::HashMap<&'static str, u32>,
    /// Repeated computed strings (run classes), sent once per batch.
    syms: std::collections::HashMap<String, u32>,
    /// A hash of everything queued since the last [`Batch::take_hash`]: strings by
    /// content, not by table position, so equal hashes mean equal DOM.
    hash: u64,
}

/// Where a [`Batch`] stood, to go back to with [`Batch::rollback`].
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    ops: usize,
    strs: usize,
    lens: usize,
}

/// FNV-1a's prime and offset basis (64-bit): a fast hash, ample for telling whether a
/// paragraph or a list came out the same as last time.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// Length of `s` in UTF-16 code units (how JavaScript slices the concatenation).
fn utf16_len(s: &str) -> u32 {
    let n = if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    };
    n as u32
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch {
            hash: FNV_BASIS,
            ..Batch::default()
        }
    }

    /// Ops queued so far (a measure of how much DOM the next flush builds).
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    fn mix(&mut self, x: u64) {
        self.hash = (self.hash ^ x).wrapping_mul(FNV_PRIME);
    }

    // not inlined: every queuing method calls it, and inlined copies grew the wasm
    #[inline(never)]
    fn mix_str(&mut self, s: &str) {
        for &byte in s.as_bytes() {
            self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
        // the length too, so "ab"+"c" and "a"+"bc" differ
        self.mix(s.len() as u64);
    }

    /// Hashes an op and its fixed name, and returns the name's place in the table.
    fn begin(&mut self, op: u32, name: &'static str) -> u32 {
        self.mix(u64::from(op));
        self.mix_str(name);
        self.name(name)
    }

    /// The hash of what was queued since the last call, and starts a new one.
    pub fn take_hash(&mut self) -> u64 {
        std::mem::replace(&mut self.hash, FNV_BASIS)
    }

    /// The current position, for [`Batch::rollback`].
    pub fn mark(&self) -> Mark {
        Mark {
            ops: self.ops.len(),
            strs: self.strs.len(),
            lens: self.lens.len(),
        }
    }

    /// Forgets everything queued since `mark` (an element found unchanged).
    pub fn rollback(&mut self, mark: Mark) {
        self.ops.truncate(mark.ops);
        self.strs.truncate(mark.strs);
        self.lens.truncate(mark.lens);
        let keep = mark.lens as u32;
        self.names.retain(|_, id| *id < keep);
        self.syms.retain(|_, id| *id < keep);
    }

    fn push_str(&mut self, s: &str) -> u32 {
        let id = self.lens.len() as u32;
        self.strs.push_str(s);
        self.lens.push(utf16_len(s));
        id
    }

    fn name(&mut self, s: &'static str) -> u32 {
        if let Some(&id) = self.names.get(s) {
            return id;
        }
        let id = self.push_str(s);
        self.names.insert(s, id);
        id
    }

    fn sym(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.syms.get(s) {
            return id;
        }
        let id = self.push_str(s);
        self.syms.insert(s.to_string(), id);
        id
    }

    /// Opens a child element of the current one.
    pub fn open(&mut self, tag: &'static str) -> &mut Self {
        let t = self.begin(OP_OPEN, tag);
        self.ops.extend([OP_OPEN, t]);
        self
    }

    /// Opens a child element with a fixed class.
    pub fn open_class(&mut self, tag: &'static str, class: &'static str) -> &mut Self {
        self.open(tag);
        if !class.is_empty() {
            self.mix(u64::from(OP_CLASS));
            self.mix_str(class);
            let c = self.name(class);
            self.ops.extend([OP_CLASS, c]);
        }
        self
    }

    /// Sets the open element's class from a computed string that repeats often.
    pub fn class_sym(&mut self, class: &str) -> &mut Self {
        self.mix(u64::from(OP_CLASS));
        self.mix_str(class);
        let c = self.sym(class);
        self.ops.extend([OP_CLASS, c]);
        self
    }

    /// Sets an attribute to a fixed value.
    pub fn attr_static(&mut self, name: &'static str, value: &'static str) -> &mut Self {
        let n = self.begin(OP_ATTR, name);
        self.mix_str(value);
        let v = self.name(value);
        self.ops.extend([OP_ATTR, n, v]);
        self
    }

    /// Sets an attribute (the value is sent as-is: an attribute, never markup).
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        let n = self.begin(OP_ATTR, name);
        self.mix_str(value);
        let v = self.push_str(value);
        self.ops.extend([OP_ATTR, n, v]);
        self
    }

    /// Sets an attribute to a number, written straight into the table.
    pub fn attr_num(&mut self, name: &'static str, value: usize) -> &mut Self {
        use std::fmt::Write;
        let n = self.begin(OP_ATTR, name);
        self.mix(value as u64);
        let id = self.lens.len() as u32;
        let before = self.strs.len();
        let _ = write!(self.strs, "{value}");
        self.lens.push((self.strs.len() - before) as u32); // ASCII digits
        self.ops.extend([OP_ATTR, n, id]);
        self
    }

    /// Sets an attribute to the space-separated numbers of `values`.
    pub fn attr_nums(
        &mut self,
        name: &'static str,
        values: impl Iterator<Item = u32>,
    ) -> &mut Self {
        use std::fmt::Write;
        let n = self.begin(OP_ATTR, name);
        let id = self.lens.len() as u32;
        let before = self.strs.len();
        for (k, v) in values.enumerate() {
            self.mix(u64::from(v));
            if k > 0 {
                self.strs.push(' ');
            }
            let _ = write!(self.strs, "{v}");
        }
        // a terminator, so the list's end is part of the hash
        self.mix(u64::MAX);
        self.lens.push((self.strs.len() - before) as u32); // ASCII
        self.ops.extend([OP_ATTR, n, id]);
        self
    }

    /// Appends `text` as a text node of the open element.
    pub fn text(&mut self, text: &str) -> &mut Self {
        if !text.is_empty() {
            self.mix(u64::from(OP_TEXT));
            self.mix_str(text);
            let s = self.push_str(text);
            self.ops.extend([OP_TEXT, s]);
        }
        self
    }

    /// Appends a fixed text as a text node of the open element.
    pub fn text_static(&mut self, text: &'static str) -> &mut Self {
        self.mix(u64::from(OP_TEXT));
        self.mix_str(text);
        let s = self.name(text);
        self.ops.extend([OP_TEXT, s]);
        self
    }

    /// Closes the open element.
    pub fn close(&mut self) -> &mut Self {
        self.mix(u64::from(OP_CLOSE));
        self.ops.push(OP_CLOSE);
        self
    }

    /// A whole element holding one text: `<tag class>text</tag>`.
    pub fn el_text(&mut self, tag: &'static str, class: &'static str, text: &str) -> &mut Self {
        self.open_class(tag, class).text(text).close()
    }

    /// Records the open element in `kept` as item `item` (see [`Kept`]).
    pub fn keep(&mut self, kept: &mut Kept, item: usize) -> &mut Self {
        if let Some(slot) = kept.slots.get_mut(item) {
            *slot = kept.len;
            kept.len += 1;
            self.ops.push(OP_KEEP);
        }
        self
    }

    /// Appends the decimal digits of `n` as a text node of the open element.
    pub fn text_num(&mut self, n: usize) -> &mut Self {
        use std::fmt::Write;
        self.mix(u64::from(OP_TEXT));
        self.mix(n as u64);
        let id = self.lens.len() as u32;
        let before = self.strs.len();
        let _ = write!(self.strs, "{n}");
        self.lens.push((self.strs.len() - before) as u32); // ASCII digits
        self.ops.extend([OP_TEXT, id]);
        self
    }

    /// Replaces `root`'s children by what was queued, unless `shown` says that `root`
    /// already holds the same (built by this method from an equal batch, and not
    /// changed since): then nothing is built and the page keeps its elements.
    pub fn replace(&mut self, root: &Node, shown: &Shown) -> Res<()> {
        let hash = self.take_hash();
        if shown.0.get() == Some(hash) {
            self.rollback(Mark {
                ops: 0,
                strs: 0,
                lens: 0,
            });
            return Ok(());
        }
        shown.0.set(None);
        clear(root);
        self.flush(root, None)?;
        shown.0.set(Some(hash));
        Ok(())
    }

    /// Builds everything queued and appends it to `root` in one insertion; kept
    /// elements are pushed onto `kept`'s array. The batch is empty afterwards.
    pub fn flush(&mut self, root: &Node, kept: Option<&Kept>) -> Res<()> {
        if self.ops.is_empty() {
            return Ok(());
        }
        let none = JsValue::UNDEFINED;
        let kept = kept.map_or(&none, |k| k.arr.as_ref());
        let r = build_batch(root, &self.strs, &self.lens, &self.ops, kept);
        self.strs.clear();
        self.lens.clear();
        self.ops.clear();
        self.names.clear();
        self.syms.clear();
        r.map_err(WebError::from)
    }
}

/// What a container built by [`Batch::replace`] holds (its batch's hash), so an equal
/// rebuild can be skipped. [`Shown::forget`] it when the container changes otherwise.
#[derive(Debug, Default)]
pub struct Shown(std::cell::Cell<Option<u64>>);

impl Shown {
    /// Whether the container holds what a batch of hash `hash` builds.
    pub fn holds(&self, hash: u64) -> bool {
        self.0.get() == Some(hash)
    }

    /// The container now holds what a batch of hash `hash` builds.
    pub fn set(&self, hash: u64) {
        self.0.set(Some(hash));
    }

    /// The container was changed by other means: build it next time.
    pub fn forget(&self) {
        self.0.set(None);
    }
}

/// Elements built by a [`Batch`] that the page needs again (article runs, sidebar
/// items), by item index. They stay in one JavaScript array and cross into wasm only
/// when used: most are never touched after they are built.
#[derive(Debug, Clone)]
pub struct Kept {
    arr: js_sys::Array,
    /// Position in `arr` of each item's element, or [`Kept::NONE`].
    slots: Vec<u32>,
    /// Elements pushed or queued so far.
    len: u32,
}

impl Default for Kept {
    fn default() -> Self {
        Kept::new(0)
    }
}

impl Kept {
    const NONE: u32 = u32::MAX;

    /// Room for `items` items, none built yet.
    pub fn new(items: usize) -> Kept {
        Kept {
            arr: js_sys::Array::new(),
            slots: vec![Kept::NONE; items],
            len: 0,
        }
    }

    /// Room for `items` items, none built yet, adding to `old`'s elements: items found
    /// unchanged take their element from `old` ([`Kept::copy_from`]).
    pub fn continuing(old: &Kept, items: usize) -> Kept {
        Kept {
            arr: old.arr.clone(),
            slots: vec![Kept::NONE; items],
            len: old.len,
        }
    }

    /// Item `item` takes the element that `old` (which this continues) has for `old_item`.
    pub fn copy_from(&mut self, item: usize, old: &Kept, old_item: usize) {
        if let (Some(slot), Some(&k)) = (self.slots.get_mut(item), old.slots.get(old_item)) {
            *slot = k;
        }
    }

    /// Elements pushed or queued so far, over all the batches that built them.
    pub fn pushed(&self) -> usize {
        self.len as usize
    }

    /// Forgets the elements queued since `pushed` was [`Kept::pushed`] (their batch
    /// was rolled back); their items' slots are set again by the caller.
    pub fn rollback(&mut self, pushed: usize) {
        self.len = pushed as u32;
    }

    /// Makes room for at least `items` items.
    pub fn grow(&mut self, items: usize) {
        if self.slots.len() < items {
            self.slots.resize(items, Kept::NONE);
        }
    }

    /// Number of item slots.
    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// Whether item `item` has an element.
    pub fn has(&self, item: usize) -> bool {
        self.slots.get(item).is_some_and(|&k| k != Kept::NONE)
    }

    /// The element of item `item`, if it was built.
    pub fn get(&self, item: usize) -> Option<Element> {
        let k = *self.slots.get(item)?;
        if k == Kept::NONE {
            return None;
        }
        let v = self.arr.get(k);
        // undefined only if the batch holding it failed to build
        if v.is_undefined() {
            return None;
        }
        // only Batch::keep puts values here, and it keeps elements
        Some(v.unchecked_into())
    }
}
