//! The explorer's state and behaviour: what is shown, filtered, hovered and pinned.
//!
//! One `App` lives in a thread-local for the page's lifetime; event listeners borrow it
//! briefly. A listener that finds it borrowed (an event fired synchronously by our own
//! DOM call, e.g. `focus()`) does nothing, which is always safe here.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    Window, Worker,
};

use super::dom::{self, by_id, el_text, thousands, Batch, Res};
use super::render::{self, Cursor, Look, Prepared, Rendered};
use super::segments::{Role, Segment};
use crate::export::csv::kind_name;
use crate::share::{self, Pinned, SpeakerRef, ViewState};
use crate::{Analysis, Claim, ClaimKind, EntityType, Polarity};

/// The article shown when there is no link and no draft.
pub const DEFAULT_ARTICLE: &str = include_str!("../../texts/default-article.txt");

/// Texts longer than this (bytes) are not analysed: the page says so and keeps the text.
pub const MAX_TEXT_BYTES: usize = 12 * 1024 * 1024;
/// Milliseconds of rendering before handing the main thread back to the browser; keeps
/// the page responsive while a huge text renders.
const CHUNK_MS: f64 = 40.0;
/// Paragraphs after the first screen are built in a detached fragment and attached in
/// batches of about this many bytes: the browser restyles and lays out a batch once
/// instead of re-checking the growing article every frame.
const ATTACH_BYTES: usize = 512 * 1024;
/// Sidebar lists stop after this many items (a note says how many more match).
const MAX_CLAIM_CARDS: usize = 300;
/// Claim cards built with a new analysis; the rest (below the fold: the filters and the
/// matrix sit above the list) are built right after the browser has drawn the first
/// frame (`build_rest_cards`).
const FIRST_CARDS: usize = 8;
const MAX_ENTITY_ITEMS: usize = 60;
const MATRIX_ROWS: usize = 10;
const MATRIX_COLS: usize = 10;
const DRAFT_KEY: &str = "claimlens.draft";

const KINDS: [&str; 5] = ["direct", "indirect", "mixed", "assertion", "negated"];

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the app unless it is missing or already borrowed.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|cell| match cell.try_borrow_mut() {
        Ok(mut guard) => guard.as_mut().map(f),
        Err(_) => None,
    })
}

/// Runs a fallible app action and reports a failure in the status line.
fn act(f: impl FnOnce(&mut App) -> Res<()>) {
    if let Some(Err(e)) = with_app(|app| {
        let r = f(app);
        if let Err(e) = &r {
            app.set_status("error", &format!("Something went wrong: {e}"));
        }
        r
    }) {
        dom::log_error(&e.to_string());
    }
}

/// What the reader points at: an entity or a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Entity(usize),
    Claim(usize),
}

/// Speaker selection: an entity, or claims without a resolved speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Speaker {
    Entity(usize),
    Unattributed,
}

#[derive(Debug, Clone, Default)]
struct Filters {
    hidden_types: BTreeSet<EntityType>,
    hidden_kinds: BTreeSet<&'static str>,
    speaker: Option<Speaker>,
    min_conf: u8,
    query: String,
    cell: Option<(Speaker, usize)>,
}

/// Which filter to leave out when counting (so a facet's counts show what it would add).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    Nothing,
    Kind,
    Speaker,
    Cell,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Entities,
    Claims,
}

/// Elements of index.html used often.
struct Els {
    article: HtmlElement,
    editor: HtmlTextAreaElement,
    editor_box: HtmlElement,
    status: HtmlElement,
    status_text: HtmlElement,
    progress: HtmlElement,
    legend: HtmlElement,
    kinds: HtmlElement,
    speaker: HtmlSelectElement,
    conf: HtmlInputElement,
    conf_out: HtmlElement,
    search: HtmlInputElement,
    entities: HtmlElement,
    claims: HtmlElement,
    matrix: HtmlElement,
    count_entities: HtmlElement,
    count_claims: HtmlElement,
    tab_entities: HtmlElement,
    tab_claims: HtmlElement,
    panel_entities: HtmlElement,
    panel_claims: HtmlElement,
    edit_btn: HtmlElement,
    notice: HtmlElement,
    notice_text: HtmlElement,
    notice_actions: HtmlElement,
    share_box: HtmlElement,
    share_url: HtmlInputElement,
    share_info: HtmlElement,
    editor_info: HtmlElement,
    labels: HtmlInputElement,
}

/// A request sent to the worker.
struct Pending {
    id: u32,
    text: String,
    started: f64,
}

/// The explorer.
pub struct App {
    win: Window,
    doc: Document,
    els: Els,
    text: String,
    is_default: bool,
    analysis: Analysis,
    prep: Prepared,
    runs: Rendered,
    filters: Filters,
    hover: Option<Focus>,
    pinned: Option<Focus>,
    lit_segs: Vec<u32>,
    lit_side: Vec<Element>,
    /// Sidebar items shown as pinned (`aria-pressed`), to unpin on the next change.
    pinned_side: Vec<Element>,
    entity_items: dom::Kept,
    claim_cards: dom::Kept,
    /// The tab's lists are out of date: built when the tab is next shown.
    entities_stale: bool,
    claims_stale: bool,
    card_order: Vec<usize>,
    claim_ok: Vec<bool>,
    tab: Tab,
    editing: bool,
    render_gen: u32,
    render_started: f64,
    render_work: f64,
    apply_started: f64,
    render_complete: bool,
    fragment: Option<web_sys::DocumentFragment>,
    pending_bytes: usize,
    worker: Option<Worker>,
    next_id: u32,
    pending: Option<Pending>,
    pending_view: Option<ViewState>,
    edit_timer: Option<i32>,
    tick_timer: Option<i32>,
    undo_text: Option<String>,
    analyze_ms: f64,
    analyzed_where: &'static str,
    /// This thread has decoded the embedded models (on its first analysis).
    models_decoded: bool,
    /// The article on screen shows its names only: its claims are being found
    /// (`finish_claims`), the status stays "analysing".
    names_only: bool,
    /// The first article's entity stage and its time, waiting for its claims.
    staged: Option<(crate::Staged, f64)>,
    /// Claim cards still to build after the first frame, and the token that a newer
    /// claim list invalidates.
    cards_rest: Option<CardsRest>,
    cards_token: u32,
    /// What the filter lists and the matrix hold, so an unchanged one is not rebuilt.
    shown: ShownLists,
}

/// See [`App::shown`].
#[derive(Default)]
struct ShownLists {
    legend: dom::Shown,
    kinds: dom::Shown,
    speakers: dom::Shown,
    matrix: dom::Shown,
    /// The whole Claims list, set once its last cards are built.
    claims: dom::Shown,
}

/// Where `build_claims` stopped: its groups, the next card, and how many it built.
struct CardsRest {
    groups: Vec<(String, Vec<usize>)>,
    group: usize,
    next: usize,
    shown: usize,
    total: usize,
    /// The whole list's hash, for `ShownLists::claims` once it is built.
    hash: u64,
}

/// Claim cards queued in a batch: the elements to keep and the cards' order.
struct Queued {
    b: Batch,
    kept: dom::Kept,
    order: Vec<usize>,
    /// Where the queue stopped (group, position in it), if before the end.
    stopped: Option<(usize, usize)>,
}

impl Queued {
    fn new(claims: usize) -> Queued {
        Queued {
            b: Batch::new(),
            kept: dom::Kept::new(claims),
            order: Vec::new(),
            stopped: None,
        }
    }
}

/// Starts the explorer: finds the page's elements, installs listeners, loads the text
/// from the link, the saved draft or the default article.
pub fn boot() -> Res<()> {
    dom::intern_ui_strings();
    let win = dom::window()?;
    let doc = dom::document()?;
    let els = Els {
        article: by_id(&doc, "article")?,
        editor: by_id(&doc, "editor")?,
        editor_box: by_id(&doc, "editor-box")?,
        status: by_id(&doc, "status")?,
        status_text: by_id(&doc, "status-text")?,
        progress: by_id(&doc, "progress")?,
        legend: by_id(&doc, "legend")?,
        kinds: by_id(&doc, "kinds")?,
        speaker: by_id(&doc, "speaker")?,
        conf: by_id(&doc, "conf")?,
        conf_out: by_id(&doc, "conf-out")?,
        search: by_id(&doc, "search")?,
        entities: by_id(&doc, "entities")?,
        claims: by_id(&doc, "claims")?,
        matrix: by_id(&doc, "matrix")?,
        count_entities: by_id(&doc, "count-entities")?,
        count_claims: by_id(&doc, "count-claims")?,
        tab_entities: by_id(&doc, "tab-entities")?,
        tab_claims: by_id(&doc, "tab-claims")?,
        panel_entities: by_id(&doc, "panel-entities")?,
        panel_claims: by_id(&doc, "panel-claims")?,
        edit_btn: by_id(&doc, "edit-btn")?,
        notice: by_id(&doc, "notice")?,
        notice_text: by_id(&doc, "notice-text")?,
        notice_actions: by_id(&doc, "notice-actions")?,
        share_box: by_id(&doc, "share-box")?,
        share_url: by_id(&doc, "share-url")?,
        share_info: by_id(&doc, "share-info")?,
        editor_info: by_id(&doc, "editor-info")?,
        labels: by_id(&doc, "labels")?,
    };
    // what `analyze("")` returns, without decoding the models: a text from a link or a
    // draft is analysed by the worker, so this thread decodes them only when it first
    // analyses (load_default)
    let empty = Analysis {
        version: crate::schema::SCHEMA_VERSION.to_string(),
        length: 0,
        mentions: Vec::new(),
        entities: Vec::new(),
        claims: Vec::new(),
    };
    let app = App {
        win,
        doc,
        els,
        text: String::new(),
        is_default: true,
        analysis: empty,
        prep: Prepared::default(),
        runs: Rendered::default(),
        filters: Filters::default(),
        hover: None,
        pinned: None,
        lit_segs: Vec::new(),
        lit_side: Vec::new(),
        pinned_side: Vec::new(),
        entity_items: dom::Kept::default(),
        claim_cards: dom::Kept::default(),
        entities_stale: true,
        claims_stale: true,
        card_order: Vec::new(),
        claim_ok: Vec::new(),
        tab: Tab::Claims,
        editing: false,
        render_gen: 0,
        render_started: 0.0,
        render_work: 0.0,
        apply_started: 0.0,
        render_complete: false,
        fragment: None,
        pending_bytes: 0,
        worker: None,
        next_id: 0,
        pending: None,
        pending_view: None,
        edit_timer: None,
        tick_timer: None,
        undo_text: None,
        analyze_ms: 0.0,
        analyzed_where: "main thread",
        models_decoded: false,
        names_only: false,
        staged: None,
        cards_rest: None,
        cards_token: 0,
        shown: ShownLists::default(),
    };
    let labels_on = app.els.labels.checked();
    app.els
        .article
        .class_list()
        .toggle_with_force("labels", labels_on)?;
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    install_listeners()?;
    act(|app| app.load_initial());
    Ok(())
}

impl App {
    // ----- loading and analysing ---------------------------------------------------

    /// Picks the first text: a share link, else the saved draft, else the default.
    fn load_initial(&mut self) -> Res<()> {
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
    fn load_default(&mut self) -> Res<()> {
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
        // after the browser has drawn the names: the next frame, then a task; a hidden
        // page draws no frames, hence the timer too (finish_claims runs once)
        let generation = self.render_gen;
        let after_frame = Closure::once_into_js(move || {
            let _ = dom::set_timeout(move || act(|app| app.finish_claims(generation)), 0);
        });
        self.win
            .request_animation_frame(after_frame.unchecked_ref())?;
        dom::set_timeout(move || act(|app| app.finish_claims(generation)), 200)?;
        Ok(())
    }

    /// Second step of `load_default_first`: the claims, then the whole view.
    fn finish_claims(&mut self, generation: u32) -> Res<()> {
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
    fn analyze_text(&mut self, text: String, from_editor: bool) -> Res<()> {
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
    fn worker(&mut self) -> Res<Worker> {
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
    fn warm_worker(&mut self) -> Res<()> {
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

    fn restart_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        let _ = self.els.status.remove_attribute("data-worker");
    }

    /// Replaces the shown text and analysis and renders them.
    fn set_analysis(
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
            let token = self.cards_token;
            // after the next frame; a hidden page draws no frames, hence the timer too
            let after_frame = Closure::once_into_js(move || {
                let _ = dom::set_timeout(move || act(|app| app.build_rest_cards(token)), 0);
            });
            self.win
                .request_animation_frame(after_frame.unchecked_ref())?;
            dom::set_timeout(move || act(|app| app.build_rest_cards(token)), 200)?;
        }
        Ok(())
    }

    // ----- rendering ---------------------------------------------------------------

    /// Renders the article in chunks so a huge text never blocks the page for long.
    fn start_render(&mut self) -> Res<()> {
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
                ok: &self.claim_ok,
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
            ok: &self.claim_ok,
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
            "{} characters · {} mentions, {} entities, {} claims · analysed in {:.1} ms ({}) · rendered in {:.1} ms",
            thousands(chars),
            thousands(a.mentions.len()),
            thousands(a.entities.len()),
            thousands(a.claims.len()),
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
    fn record_total(&self) -> Res<()> {
        let total = self.analyze_ms + (dom::now() - self.apply_started);
        self.els
            .status
            .set_attribute("data-total-ms", &format!("{total:.3}"))?;
        Ok(())
    }

    /// Re-applies claim lines and faded marks to every rendered run after a filter change.
    fn restyle_runs(&mut self) -> Res<()> {
        let look = FilterLook {
            analysis: &self.analysis,
            filters: &self.filters,
            ok: &self.claim_ok,
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

    // ----- filters -----------------------------------------------------------------

    fn claim_passes(&self, c: &Claim, skip: Skip) -> bool {
        let f = &self.filters;
        if skip != Skip::Kind {
            if f.hidden_kinds.contains(kind_name(c.kind)) {
                return false;
            }
            if c.polarity == Polarity::Negated && f.hidden_kinds.contains("negated") {
                return false;
            }
        }
        if skip != Skip::Speaker {
            if let Some(s) = f.speaker {
                if speaker_of(c) != s {
                    return false;
                }
            }
        }
        if skip != Skip::Cell {
            if let Some((s, about)) = f.cell {
                if speaker_of(c) != s || !c.about.contains(&about) {
                    return false;
                }
            }
        }
        if !conf_ok(c.confidence, f.min_conf) {
            return false;
        }
        if !f.query.is_empty() {
            let q = f.query.to_lowercase();
            let who = self.claim_speaker_label(c).to_lowercase();
            if !c.span.text.to_lowercase().contains(&q) && !who.contains(&q) {
                return false;
            }
        }
        true
    }

    fn compute_visibility(&mut self) {
        self.claim_ok = self
            .analysis
            .claims
            .iter()
            .map(|c| self.claim_passes(c, Skip::Nothing))
            .collect();
    }

    /// Whether an entity's label or an alias contains `q` (the query, lowercased).
    fn entity_matches_query(e: &crate::Entity, q: &str) -> bool {
        q.is_empty()
            || e.label.to_lowercase().contains(q)
            || e.aliases.iter().any(|a| a.to_lowercase().contains(q))
    }

    /// Mentions of an entity that pass the confidence filter.
    fn visible_mentions(&self, e: &crate::Entity) -> usize {
        e.mentions
            .iter()
            .filter(|&&m| {
                self.analysis
                    .mentions
                    .get(m)
                    .is_some_and(|x| conf_ok(x.confidence, self.filters.min_conf))
            })
            .count()
    }

    /// Call after any filter change: recompute, restyle, rebuild the sidebar.
    fn filters_changed(&mut self) -> Res<()> {
        self.compute_visibility();
        if let Some(Focus::Claim(c)) = self.pinned {
            if !self.claim_ok.get(c).copied().unwrap_or(false) {
                self.pinned = None;
            }
        }
        self.restyle_runs()?;
        self.rebuild_sidebar(usize::MAX)?;
        self.refresh_highlight()
    }

    fn clear_filters(&mut self) -> Res<()> {
        self.filters = Filters::default();
        self.els.conf.set_value("0");
        self.els.search.set_value("");
        self.filters_changed()
    }

    // ----- sidebar -----------------------------------------------------------------

    fn claim_speaker_label(&self, c: &Claim) -> String {
        match c.speaker.and_then(|s| self.analysis.entities.get(s)) {
            Some(e) => e.label.clone(),
            None if c.kind == ClaimKind::Assertion => "The author".to_string(),
            None => match &c.source {
                Some(s) => format!("{} (unresolved)", s.text),
                None => "Unattributed".to_string(),
            },
        }
    }

    fn speaker_name(&self, s: Speaker) -> String {
        match s {
            Speaker::Entity(e) => self
                .analysis
                .entities
                .get(e)
                .map_or_else(|| format!("entity {e}"), |x| x.label.clone()),
            Speaker::Unattributed => "Author / unattributed".to_string(),
        }
    }

    /// Rebuilds the filters and the visible tab; the hidden tab is only counted here
    /// and built when the reader opens it (`open_tab`).
    /// `first_cards`: how many claim cards to build now, the rest after the next frame.
    fn rebuild_sidebar(&mut self, first_cards: usize) -> Res<()> {
        // each part's time goes to the status element for scripts/bench-web
        let mut parts = String::new();
        let mut lap = |name: &str, t0: f64| {
            parts.push_str(&format!("{name}:{:.2} ", dom::now() - t0));
            dom::now()
        };
        let t = dom::now();
        self.build_legend()?;
        let t = lap("legend", t);
        self.build_kinds()?;
        let t = lap("kinds", t);
        self.build_speakers()?;
        let t = lap("speakers", t);
        // the tab labels show both counts whichever tab is built
        let shown = self.entity_count();
        self.els
            .count_entities
            .set_text_content(Some(&shown.to_string()));
        let total = self.claim_ok.iter().filter(|ok| **ok).count();
        self.els
            .count_claims
            .set_text_content(Some(&total.to_string()));
        self.entities_stale = true;
        self.claims_stale = true;
        self.entity_items = dom::Kept::default();
        let t = lap("counts", t);
        match self.tab {
            Tab::Entities => {
                let groups = self.entity_groups();
                self.build_entities(groups)?;
                lap("entities", t);
                // emptied so a stale list never shows when the tab is opened
                dom::clear(&self.els.matrix);
                self.shown.matrix.forget();
                self.drop_rest_cards();
                dom::clear(&self.els.claims);
                self.shown.claims.forget();
                self.claim_cards = dom::Kept::default();
                self.card_order.clear();
            }
            Tab::Claims => {
                self.build_matrix()?;
                let t = lap("matrix", t);
                self.build_claims(first_cards)?;
                lap("claims", t);
                dom::clear(&self.els.entities);
            }
        }
        self.els
            .status
            .set_attribute("data-sidebar-parts", parts.trim_end())?;
        self.show_tab(self.tab)
    }

    fn build_legend(&self) -> Res<()> {
        let mut counts = [0usize; 18];
        let mut present = [false; 18];
        for m in &self.analysis.mentions {
            let k = type_index(m.entity_type);
            present[k] = true;
            if conf_ok(m.confidence, self.filters.min_conf) {
                counts[k] += 1;
            }
        }
        let mut b = Batch::new();
        for (k, t) in EntityType::ALL.into_iter().enumerate() {
            if !present[k] && !self.filters.hidden_types.contains(&t) {
                continue;
            }
            let on = !self.filters.hidden_types.contains(&t);
            b.open_class("button", "chip")
                .attr_static("type", "button")
                .attr_static("data-type", t.as_str())
                .attr_static("data-t", t.as_str())
                .attr_static("aria-pressed", if on { "true" } else { "false" })
                .attr(
                    "aria-label",
                    &format!(
                        "{}: {} mentions, {}",
                        type_name(t),
                        counts[k],
                        if on { "shown" } else { "hidden" }
                    ),
                )
                .attr_static("title", type_name(t));
            b.open_class("span", "swatch").close();
            b.text_static(t.as_str());
            b.open_class("span", "count").text_num(counts[k]).close();
            b.close();
        }
        b.replace(&self.els.legend, &self.shown.legend)
    }

    fn build_kinds(&self) -> Res<()> {
        let mut counts = [0usize; 5];
        for c in &self.analysis.claims {
            if self.claim_passes(c, Skip::Kind) {
                if let Some(k) = KINDS.iter().position(|k| *k == kind_name(c.kind)) {
                    counts[k] += 1;
                }
                if c.polarity == Polarity::Negated {
                    counts[4] += 1;
                }
            }
        }
        let mut b = Batch::new();
        for (k, name) in KINDS.iter().enumerate() {
            let on = !self.filters.hidden_kinds.contains(name);
            b.open_class("button", "chip")
                .attr_static("type", "button")
                .attr_static("data-kind", name)
                .attr_static("aria-pressed", if on { "true" } else { "false" })
                .attr(
                    "aria-label",
                    &format!(
                        "{name} claims: {}, {}",
                        counts[k],
                        if on { "shown" } else { "hidden" }
                    ),
                );
            b.open_class("span", "kind-swatch").close();
            b.text_static(name);
            b.open_class("span", "count").text_num(counts[k]).close();
            b.close();
        }
        b.replace(&self.els.kinds, &self.shown.kinds)
    }

    fn build_speakers(&self) -> Res<()> {
        let sel = &self.els.speaker;
        let mut counter = Counter::new();
        for c in &self.analysis.claims {
            if self.claim_passes(c, Skip::Speaker) {
                counter.bump(speaker_of(c));
            }
        }
        let mut counts = counter.items;
        if let Some(s) = self.filters.speaker {
            if !counts.iter().any(|(x, _)| *x == s) {
                counts.push((s, 0));
            }
        }
        // names computed once, not twice per comparison
        let mut rows: Vec<(usize, String, Speaker)> = counts
            .into_iter()
            .map(|(s, n)| (n, self.speaker_name(s), s))
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut b = Batch::new();
        b.open("option")
            .attr_static("value", "all")
            .text_static("All speakers")
            .close();
        for (n, name, s) in rows {
            b.open("option");
            match s {
                Speaker::Entity(e) => b.attr_num("value", e),
                Speaker::Unattributed => b.attr_static("value", "none"),
            };
            b.text(&format!("{name} ({n})")).close();
        }
        b.replace(sel, &self.shown.speakers)?;
        sel.set_value(&match self.filters.speaker {
            None => "all".to_string(),
            Some(Speaker::Entity(e)) => e.to_string(),
            Some(Speaker::Unattributed) => "none".to_string(),
        });
        Ok(())
    }

    /// The Entities tab's contents under the filters: for each shown type, its entities
    /// with their visible mention counts, most salient first.
    fn entity_groups(&self) -> Vec<(EntityType, Vec<(usize, usize)>)> {
        // one pass over the entities, bucketed by type
        let mut by_type: Vec<Vec<(usize, usize)>> = vec![Vec::new(); EntityType::ALL.len()];
        self.for_each_shown_entity(|e, n| {
            if let Some(items) = by_type.get_mut(type_index(e.entity_type)) {
                items.push((e.id, n));
            }
        });
        let mut groups: Vec<(EntityType, Vec<(usize, usize)>)> = Vec::new();
        for (t, mut items) in EntityType::ALL.into_iter().zip(by_type) {
            if items.is_empty() {
                continue;
            }
            let salience = |id: usize| self.analysis.entities.get(id).map_or(0.0, |e| e.salience);
            items.sort_by(|a, b| salience(b.0).total_cmp(&salience(a.0)).then(b.1.cmp(&a.1)));
            groups.push((t, items));
        }
        groups
    }

    /// Calls `f` with each entity the Entities tab lists under the filters (type shown,
    /// matching the search, with visible mentions) and its visible mention count.
    fn for_each_shown_entity(&self, mut f: impl FnMut(&crate::Entity, usize)) {
        let q = self.filters.query.to_lowercase();
        for e in &self.analysis.entities {
            if self.filters.hidden_types.contains(&e.entity_type)
                || !Self::entity_matches_query(e, &q)
            {
                continue;
            }
            let n = self.visible_mentions(e);
            if n > 0 {
                f(e, n);
            }
        }
    }

    /// How many entities the Entities tab lists (its label's count) without building it.
    fn entity_count(&self) -> usize {
        let mut n = 0;
        self.for_each_shown_entity(|_, _| n += 1);
        n
    }

    /// Builds the Entities tab from [`App::entity_groups`].
    fn build_entities(&mut self, groups: Vec<(EntityType, Vec<(usize, usize)>)>) -> Res<()> {
        self.entity_items = dom::Kept::new(self.analysis.entities.len());
        // visible claims each entity makes or is about, in one pass over the claims
        let mut claim_counts = vec![0usize; self.analysis.entities.len()];
        let mut seen: Vec<usize> = Vec::new();
        for (i, c) in self.analysis.claims.iter().enumerate() {
            if !self.claim_ok.get(i).copied().unwrap_or(false) {
                continue;
            }
            seen.clear();
            seen.extend(c.speaker);
            seen.extend(&c.about);
            seen.sort_unstable();
            seen.dedup();
            for &e in &seen {
                if let Some(n) = claim_counts.get_mut(e) {
                    *n += 1;
                }
            }
        }
        let mut b = Batch::new();
        for (t, items) in &groups {
            let t = *t;
            b.open_class("section", "group");
            b.open("h3").attr_static("data-t", t.as_str());
            b.open_class("span", "swatch").close();
            b.text(&format!("{} · {}", type_name(t), items.len()))
                .close();
            b.open_class("ul", "list");
            for &(id, n) in items.iter().take(MAX_ENTITY_ITEMS) {
                let Some(e) = self.analysis.entities.get(id) else {
                    continue;
                };
                let claims = claim_counts.get(id).copied().unwrap_or(0);
                b.open_class("li", "item")
                    .attr_static("tabindex", "0")
                    .attr_static("role", "button")
                    .attr_num("data-entity", id)
                    .attr_static("data-t", t.as_str())
                    .attr_num("data-mentions", n)
                    .attr_num("data-refs", e.references.len())
                    .attr_num("data-claims", claims)
                    .attr(
                        "aria-label",
                        &format!(
                            "{}, {}, {n} mentions, {} references, {claims} claims",
                            e.label,
                            type_name(t),
                            e.references.len()
                        ),
                    )
                    .attr_static("aria-pressed", "false");
                b.keep(&mut self.entity_items, id);
                b.open_class("span", "swatch").close();
                b.el_text("span", "label", &e.label);
                let mut counts = format!("{n}×");
                if !e.references.is_empty() {
                    counts.push_str(&format!(" +{} refs", e.references.len()));
                }
                if claims > 0 {
                    counts.push_str(&format!(" · {claims} claims"));
                }
                b.el_text("span", "count", &counts);
                let others: Vec<&str> = e
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .filter(|a| *a != e.label)
                    .collect();
                if !others.is_empty() {
                    b.el_text(
                        "span",
                        "aliases muted",
                        &format!("also: {}", others.join(", ")),
                    );
                }
                b.close();
            }
            b.close();
            if items.len() > MAX_ENTITY_ITEMS {
                b.el_text(
                    "p",
                    "more muted",
                    &format!(
                        "…and {} more; search to narrow the list.",
                        items.len() - MAX_ENTITY_ITEMS
                    ),
                );
            }
            b.close();
        }
        if groups.is_empty() {
            b.el_text("p", "muted", "No entities match the filters.");
        }
        dom::clear(&self.els.entities);
        b.flush(&self.els.entities, Some(&self.entity_items))?;
        self.entities_stale = false;
        Ok(())
    }

    /// Visible claims an entity makes or is about.
    fn entity_claims(&self, e: usize) -> Vec<usize> {
        self.analysis
            .claims
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                self.claim_ok.get(*i).copied().unwrap_or(false)
                    && (c.speaker == Some(e) || c.about.contains(&e))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Builds the Claims list, its first `first` cards now; if more remain, they are left
    /// in `cards_rest` for `build_rest_cards`. A list equal to the one on the page (the
    /// same cards, whole) is kept as it is.
    fn build_claims(&mut self, first: usize) -> Res<()> {
        self.drop_rest_cards();
        let groups = self.claim_groups();
        let total: usize = groups.iter().map(|g| g.1.len()).sum();
        let n = self.analysis.claims.len();
        // the whole list, queued only: if the page shows it already, nothing is built
        let mut whole = Queued::new(n);
        self.queue_claims(&mut whole, &groups, usize::MAX, total);
        let hash = whole.b.take_hash();
        self.claims_stale = false;
        if self.shown.claims.holds(hash) {
            // no cards left for after the frame: no time for them to report
            let _ = self.els.status.remove_attribute("data-cards-rest-ms");
            return Ok(());
        }
        self.shown.claims.forget();
        let stop = first.min(MAX_CLAIM_CARDS);
        let mut now = if stop >= total.min(MAX_CLAIM_CARDS) {
            whole
        } else {
            let mut part = Queued::new(n);
            part.stopped = self.queue_claims(&mut part, &groups, stop, total);
            part
        };
        dom::clear(&self.els.claims);
        now.b.flush(&self.els.claims, Some(&now.kept))?;
        self.claim_cards = now.kept;
        self.card_order = now.order;
        match now.stopped {
            Some((group, next)) => {
                self.cards_rest = Some(CardsRest {
                    groups,
                    group,
                    next,
                    shown: self.card_order.len(),
                    total,
                    hash,
                });
            }
            None => self.shown.claims.set(hash),
        }
        Ok(())
    }

    /// The visible claims grouped by speaker, biggest groups first, claims in text order
    /// inside a group.
    fn claim_groups(&self) -> Vec<(String, Vec<usize>)> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for (i, c) in self.analysis.claims.iter().enumerate() {
            if !self.claim_ok.get(i).copied().unwrap_or(false) {
                continue;
            }
            let who = match c.speaker {
                Some(_) => self.claim_speaker_label(c),
                None if c.kind == ClaimKind::Assertion => "The author".to_string(),
                None => "Unattributed".to_string(),
            };
            match group_of.get(&who) {
                Some(&g) => groups[g].1.push(i),
                None => {
                    group_of.insert(who.clone(), groups.len());
                    groups.push((who, vec![i]));
                }
            }
        }
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        groups
    }

    /// Queues the Claims list's groups and cards into `q`, stopping before the card
    /// `stop` (returned as group and position in it) or after the last one, then with
    /// the note under the list.
    fn queue_claims(
        &self,
        q: &mut Queued,
        groups: &[(String, Vec<usize>)],
        stop: usize,
        total: usize,
    ) -> Option<(usize, usize)> {
        let b = &mut q.b;
        for (g, (who, ids)) in groups.iter().enumerate() {
            if q.order.len() >= MAX_CLAIM_CARDS {
                break;
            }
            b.open_class("section", "group");
            b.el_text("h3", "", &format!("{who} · {}", ids.len()));
            b.open_class("ul", "list");
            for (k, &i) in ids.iter().enumerate() {
                if q.order.len() >= MAX_CLAIM_CARDS {
                    break;
                }
                if q.order.len() >= stop {
                    b.close();
                    b.close();
                    return Some((g, k));
                }
                self.claim_card(b, &mut q.kept, i);
                q.order.push(i);
            }
            b.close();
            b.close();
        }
        self.claims_note(b, q.order.len(), total);
        None
    }

    /// The note under the Claims list: how many are not shown, or that none match.
    fn claims_note(&self, b: &mut Batch, shown: usize, total: usize) {
        if total > shown {
            b.el_text(
                "p",
                "more muted",
                &format!("Showing {shown} of {total} claims; narrow the filters to see the rest."),
            );
        }
        if total == 0 {
            b.el_text("p", "muted", "No claims match the filters.");
        }
    }

    /// Forgets the cards `build_claims` left for later (their list is being replaced).
    fn drop_rest_cards(&mut self) {
        if self.cards_rest.take().is_some() {
            self.settle_ready();
        }
        self.cards_token = self.cards_token.wrapping_add(1);
    }

    /// Marks the page ready if it only waited for the cards left for later.
    fn settle_ready(&self) {
        let status = &self.els.status;
        if self.render_complete
            && self.cards_rest.is_none()
            && status.get_attribute("data-state").as_deref() == Some("sidebar")
        {
            let _ = status.set_attribute("data-state", "ready");
        }
    }

    /// Builds the claim cards `build_claims` left for after the first frame, unless a
    /// newer list (`token`) replaced them; then marks the page ready.
    fn build_rest_cards(&mut self, token: u32) -> Res<()> {
        if token != self.cards_token {
            return Ok(());
        }
        let Some(rest) = self.cards_rest.take() else {
            return Ok(());
        };
        let t0 = dom::now();
        let mut kept = std::mem::take(&mut self.claim_cards);
        let mut order = std::mem::take(&mut self.card_order);
        let built = self.queue_rest_cards(&rest, &mut kept, &mut order);
        self.claim_cards = kept;
        self.card_order = order;
        built?;
        self.shown.claims.set(rest.hash);
        // the new cards take on the current hover and pin
        self.refresh_highlight()?;
        let status = &self.els.status;
        status.set_attribute("data-cards-rest-ms", &format!("{:.3}", dom::now() - t0))?;
        self.settle_ready();
        Ok(())
    }

    /// Builds the cards of `rest` into the Claims list, keeping them in `kept` and
    /// their order in `order`.
    fn queue_rest_cards(
        &self,
        rest: &CardsRest,
        kept: &mut dom::Kept,
        order: &mut Vec<usize>,
    ) -> Res<()> {
        let mut shown = rest.shown;
        // the rest of the group it stopped in go into that group's list: the last
        // section built so far, whose last child is its list
        if let Some((_, ids)) = rest.groups.get(rest.group) {
            let list = self
                .els
                .claims
                .last_element_child()
                .and_then(|section| section.last_element_child());
            if let Some(list) = list {
                let mut b = Batch::new();
                for &i in ids.iter().skip(rest.next) {
                    if shown >= MAX_CLAIM_CARDS {
                        break;
                    }
                    self.claim_card(&mut b, kept, i);
                    order.push(i);
                    shown += 1;
                }
                b.flush(&list, Some(kept))?;
            }
        }
        let mut b = Batch::new();
        for (who, ids) in rest.groups.iter().skip(rest.group + 1) {
            if shown >= MAX_CLAIM_CARDS {
                break;
            }
            b.open_class("section", "group");
            b.el_text("h3", "", &format!("{who} · {}", ids.len()));
            b.open_class("ul", "list");
            for &i in ids {
                if shown >= MAX_CLAIM_CARDS {
                    break;
                }
                self.claim_card(&mut b, kept, i);
                order.push(i);
                shown += 1;
            }
            b.close();
            b.close();
        }
        self.claims_note(&mut b, shown, rest.total);
        b.flush(&self.els.claims, Some(kept))
    }

    /// Queues claim `i`'s card and keeps it in `claim_cards`.
    fn claim_card(&self, b: &mut Batch, kept: &mut dom::Kept, i: usize) {
        let Some(c) = self.analysis.claims.get(i) else {
            return;
        };
        let kind = kind_name(c.kind);
        b.open_class("li", "card")
            .attr_static("tabindex", "0")
            .attr_static("role", "button")
            .attr_static("aria-pressed", "false")
            .attr_num("data-claim", i)
            .attr_static("data-kind", kind);
        if let Some(s) = c.speaker {
            b.attr_num("data-speaker", s);
        }
        let who = self.claim_speaker_label(c);
        let negated = c.polarity == Polarity::Negated;
        let content: Vec<&str> = c.content.iter().map(|s| s.text.as_str()).collect();
        let content = excerpt(&content.join(" … "), 240);
        let label = if c.kind == ClaimKind::Assertion {
            format!(
                "assertion by the author, confidence {}%: {}",
                pct(c.confidence),
                excerpt(&content, 90)
            )
        } else {
            format!(
                "claim by {who}, {kind}{}, confidence {}%: {}",
                if negated { ", negated" } else { "" },
                pct(c.confidence),
                excerpt(&content, 90)
            )
        };
        b.attr("aria-label", &label);
        b.keep(kept, i);
        b.open("div");
        b.el_text("span", "who", &who);
        if let Some(cue) = &c.cue {
            b.text_static(" ");
            b.el_text("span", "cue", &cue.text);
        }
        b.close();
        b.el_text("div", "content", &content);
        b.open_class("div", "meta");
        b.open_class("span", "badge").text_static(kind).close();
        if negated {
            b.open_class("span", "badge neg")
                .text_static("negated")
                .close();
        }
        b.el_text("span", "", &format!("confidence {}%", pct(c.confidence)));
        if let Some(w) = c.checkworthiness {
            b.el_text("span", "", &format!("check-worthiness {}%", pct(w)));
        }
        let about: Vec<&str> = c
            .about
            .iter()
            .filter_map(|&a| self.analysis.entities.get(a).map(|e| e.label.as_str()))
            .take(4)
            .collect();
        if !about.is_empty() {
            b.el_text("span", "", &format!("about {}", about.join(", ")));
        }
        b.close();
        b.close();
    }

    fn build_matrix(&self) -> Res<()> {
        // counts over claims passing every filter but the cell itself
        let mut rows = Counter::new();
        let mut cols = Counter::new();
        let mut cells = Counter::new();
        let mut seen = Vec::new();
        for c in &self.analysis.claims {
            if !self.claim_passes(c, Skip::Cell) || c.about.is_empty() {
                continue;
            }
            let s = speaker_of(c);
            rows.bump(s);
            seen.clear();
            for &a in &c.about {
                // "about whom": named things only, not the dates and numbers in the content
                let named = self
                    .analysis
                    .entities
                    .get(a)
                    .is_some_and(|e| e.entity_type.is_name());
                if !named || Speaker::Entity(a) == s || seen.contains(&a) {
                    continue;
                }
                seen.push(a);
                cols.bump(a);
                cells.bump((s, a));
            }
        }
        let mut b = Batch::new();
        if cells.items.is_empty() {
            b.el_text(
                "p",
                "muted",
                "No claims about named entities match the filters.",
            );
            return b.replace(&self.els.matrix, &self.shown.matrix);
        }
        let mut rows = rows.items;
        let mut cols = cols.items;
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        cols.sort_by_key(|c| std::cmp::Reverse(c.1));
        rows.truncate(MATRIX_ROWS);
        cols.truncate(MATRIX_COLS);
        let label_of = |a: usize| {
            self.analysis
                .entities
                .get(a)
                .map_or("", |e| e.label.as_str())
        };
        b.open("table");
        b.open_class("caption", "visually-hidden")
            .text_static("Claims by speaker (rows) about entities (columns)")
            .close();
        b.open("thead").open("tr");
        b.open("td").close();
        for (a, _) in &cols {
            let label = label_of(*a);
            b.open("th")
                .attr_static("scope", "col")
                .attr("title", label)
                .text(&excerpt(label, 24))
                .close();
        }
        b.close().close();
        b.open("tbody");
        for (s, _) in &rows {
            b.open("tr");
            let name = self.speaker_name(*s);
            b.open("th")
                .attr_static("scope", "row")
                .text(&excerpt(&name, 28))
                .close();
            for (a, _) in &cols {
                b.open("td");
                let n = cells.get(&(*s, *a));
                if n > 0 {
                    let active = self.filters.cell == Some((*s, *a));
                    b.open_class("button", if active { "active" } else { "" })
                        .attr_static("type", "button");
                    match s {
                        Speaker::Entity(e) => b.attr_num("data-cell-speaker", *e),
                        Speaker::Unattributed => b.attr_static("data-cell-speaker", "none"),
                    };
                    b.attr_num("data-cell-about", *a)
                        .attr_static("aria-pressed", if active { "true" } else { "false" })
                        .attr(
                            "aria-label",
                            &format!("{n} claims by {name} about {}", label_of(*a)),
                        )
                        .text_num(n)
                        .close();
                }
                b.close();
            }
            b.close();
        }
        b.close().close();
        b.replace(&self.els.matrix, &self.shown.matrix)
    }

    /// Shows a tab, building its contents first if they are stale.
    fn show_tab(&mut self, tab: Tab) -> Res<()> {
        self.tab = tab;
        let t0 = dom::now();
        let built = match tab {
            Tab::Entities if self.entities_stale => {
                let groups = self.entity_groups();
                self.build_entities(groups)?;
                true
            }
            Tab::Claims if self.claims_stale => {
                self.build_matrix()?;
                self.build_claims(usize::MAX)?;
                true
            }
            _ => false,
        };
        let ent = tab == Tab::Entities;
        self.els
            .tab_entities
            .set_attribute("aria-selected", if ent { "true" } else { "false" })?;
        self.els
            .tab_claims
            .set_attribute("aria-selected", if ent { "false" } else { "true" })?;
        self.els.panel_entities.set_hidden(!ent);
        self.els.panel_claims.set_hidden(ent);
        if built {
            // the new items take on the current hover and pin
            self.refresh_highlight()?;
            // time to build a tab on its first opening, for scripts/bench-web
            let status = &self.els.status;
            status.set_attribute("data-tab-ms", &format!("{:.3}", dom::now() - t0))?;
            status.set_attribute("data-tab-built", if ent { "entities" } else { "claims" })?;
        }
        Ok(())
    }

    // ----- hover, pin, keyboard ----------------------------------------------------

    fn set_hover(&mut self, f: Option<Focus>) -> Res<()> {
        if self.hover != f {
            self.hover = f;
            self.refresh_highlight()?;
        }
        Ok(())
    }

    fn toggle_pin(&mut self, f: Focus) -> Res<()> {
        self.pinned = if self.pinned == Some(f) {
            None
        } else {
            Some(f)
        };
        self.refresh_highlight()
    }

    fn clear_focus(&mut self) -> Res<()> {
        self.pinned = None;
        self.hover = None;
        self.refresh_highlight()
    }

    /// Lights up what the pinned (else hovered) item covers and dims the rest.
    fn refresh_highlight(&mut self) -> Res<()> {
        self.unlight_runs()?;
        self.unlight_side()?;
        // items are built unpinned, so only the previous and the new pin change
        for e in self.pinned_side.drain(..) {
            e.class_list().remove_1("pinned")?;
            e.set_attribute("aria-pressed", "false")?;
        }
        let pinned_el = match self.pinned {
            Some(Focus::Claim(c)) => self.claim_cards.get(c),
            Some(Focus::Entity(e)) => self.entity_items.get(e),
            None => None,
        };
        if let Some(e) = pinned_el {
            e.class_list().add_1("pinned")?;
            e.set_attribute("aria-pressed", "true")?;
            self.pinned_side.push(e);
        }
        let focus = self.pinned.or(self.hover);
        let mut segs: Vec<u32> = Vec::new();
        // runs naming the focused entity itself (its mentions and references): "hit"
        let mut hits: Vec<u32> = Vec::new();
        let mut side: Vec<Element> = Vec::new();
        match focus {
            Some(Focus::Entity(e)) => {
                if let Some(ent) = self.analysis.entities.get(e) {
                    for &m in &ent.mentions {
                        if let Some(s) = self.prep.mention_segs.get(m) {
                            hits.extend(s);
                        }
                    }
                }
                if let Some(s) = self.prep.ref_segs.get(e) {
                    hits.extend(s);
                }
                for c in self.entity_claims(e) {
                    if let Some(s) = self.prep.claim_segs.get(c) {
                        segs.extend(s);
                    }
                    side.extend(self.claim_cards.get(c));
                }
                side.extend(self.entity_items.get(e));
            }
            Some(Focus::Claim(c)) => {
                if let Some(s) = self.prep.claim_segs.get(c) {
                    segs.extend(s);
                }
                side.extend(self.claim_cards.get(c));
                if let Some(sp) = self.analysis.claims.get(c).and_then(|x| x.speaker) {
                    side.extend(self.entity_items.get(sp));
                }
            }
            None => {}
        }
        for &i in &segs {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().add_1("lit")?;
            }
        }
        for &i in &hits {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().add_2("lit", "hit")?;
            }
        }
        segs.extend(hits);
        for e in &side {
            e.class_list().add_1("lit")?;
        }
        self.els
            .article
            .class_list()
            .toggle_with_force("dim", focus.is_some())?;
        self.lit_segs = segs;
        self.lit_side = side;
        Ok(())
    }

    /// Takes the highlight classes off the article's lit runs.
    fn unlight_runs(&mut self) -> Res<()> {
        for &i in &self.lit_segs {
            if let Some(e) = self.runs.els.get(i as usize) {
                e.class_list().remove_2("lit", "hit")?;
            }
        }
        self.lit_segs.clear();
        Ok(())
    }

    /// Takes the highlight class off the lit sidebar items.
    fn unlight_side(&mut self) -> Res<()> {
        for e in &self.lit_side {
            e.class_list().remove_1("lit")?;
        }
        self.lit_side.clear();
        Ok(())
    }

    /// Scrolls the article to the first run of an item.
    fn scroll_to(&self, f: Focus) {
        let first = match f {
            Focus::Claim(c) => self.prep.claim_segs.get(c).and_then(|s| s.first().copied()),
            Focus::Entity(e) => self
                .analysis
                .entities
                .get(e)
                .and_then(|x| x.mentions.first())
                .and_then(|&m| self.prep.mention_segs.get(m))
                .and_then(|s| s.first().copied()),
        };
        if let Some(el) = first.and_then(|i| self.runs.els.get(i as usize)) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }

    /// The claim card after (or before) the focused one, switching to the Claims tab.
    fn step_card(&mut self, forward: bool) -> Res<Option<Element>> {
        // first, so a lazily built list is current before it is stepped through
        if self.tab != Tab::Claims || self.claims_stale {
            self.show_tab(Tab::Claims)?;
        }
        if self.cards_rest.is_some() {
            self.build_rest_cards(self.cards_token)?;
        }
        if self.card_order.is_empty() {
            return Ok(None);
        }
        let active = self
            .doc
            .active_element()
            .and_then(|e| e.get_attribute("data-claim"))
            .and_then(|v| v.parse::<usize>().ok())
            .and_then(|c| self.card_order.iter().position(|&x| x == c));
        let n = self.card_order.len();
        let next = match (active, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        let c = self.card_order[next];
        Ok(self.claim_cards.get(c))
    }

    // ----- editing -----------------------------------------------------------------

    fn toggle_edit(&mut self, on: bool) -> Res<()> {
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

    fn on_editor_input(&mut self) -> Res<()> {
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

    fn load_draft(&self) -> Option<String> {
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

    fn reset_to_default(&mut self) -> Res<()> {
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
    fn clear_editor(&mut self) -> Res<()> {
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

    fn undo_default(&mut self) -> Res<()> {
        if let Some(t) = self.undo_text.take() {
            self.save_draft(&t);
            self.els.editor.set_value(&t);
            self.analyze_text(t, true)?;
        }
        self.hide_notice();
        Ok(())
    }

    // ----- share links -------------------------------------------------------------

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

    fn apply_filters_from_view(&mut self, v: &ViewState) -> Res<()> {
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

    fn apply_pin_from_view(&mut self, v: &ViewState) -> Res<()> {
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

    fn share(&mut self) -> Res<()> {
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

    fn on_hash_change(&mut self) -> Res<()> {
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

    // ----- export ------------------------------------------------------------------

    fn export(&mut self, what: &str) -> Res<()> {
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

    // ----- status and notices ------------------------------------------------------

    fn set_status(&self, state: &str, msg: &str) {
        let _ = self.els.status.set_attribute("data-state", state);
        self.els.status_text.set_text_content(Some(msg));
    }

    fn show_progress(&self, value: Option<f64>) -> Res<()> {
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

    fn start_ticker(&mut self) -> Res<()> {
        self.stop_ticker();
        self.tick_timer = Some(dom::set_timeout(|| act(|app| app.tick()), 250)?);
        Ok(())
    }

    fn stop_ticker(&mut self) {
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

    fn notice(&self, msg: &str, actions: &[(&str, &str)], error: bool) -> Res<()> {
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

    fn notice_with_draft(&mut self, msg: &str, draft: Option<String>, error: bool) -> Res<()> {
        match draft {
            Some(d) => {
                self.undo_text = Some(d);
                self.notice(msg, &[("Restore your draft", "undo-default")], error)
            }
            None => self.notice(msg, &[], error),
        }
    }

    fn hide_notice(&self) {
        self.els.notice.set_hidden(true);
    }
}

/// Look of runs under the app's filters.
struct FilterLook<'a> {
    analysis: &'a Analysis,
    filters: &'a Filters,
    ok: &'a [bool],
}

impl Look for FilterLook<'_> {
    fn claim_line(&self, seg: &Segment) -> Option<(Role, &'static str, bool)> {
        // the strongest role among visible claims; ties go to the shorter claim
        let mut best: Option<(Role, usize, u32)> = None;
        for &(c, role) in &seg.claims {
            if !self.ok.get(c as usize).copied().unwrap_or(false) {
                continue;
            }
            let len = self
                .analysis
                .claims
                .get(c as usize)
                .map_or(usize::MAX, |x| x.span.end - x.span.start);
            let better = match best {
                None => true,
                Some((r, l, _)) => role > r || (role == r && len < l),
            };
            if better {
                best = Some((role, len, c));
            }
        }
        let (role, _, c) = best?;
        let claim = self.analysis.claims.get(c as usize)?;
        Some((
            role,
            kind_name(claim.kind),
            !conf_ok(claim.confidence, self.filters.min_conf),
        ))
    }

    fn mention_low(&self, mention: u32) -> bool {
        self.analysis
            .mentions
            .get(mention as usize)
            .is_some_and(|m| !conf_ok(m.confidence, self.filters.min_conf))
    }
}

fn conf_ok(confidence: f32, min_pct: u8) -> bool {
    confidence * 100.0 + 1e-3 >= f32::from(min_pct)
}

fn speaker_of(c: &Claim) -> Speaker {
    c.speaker.map_or(Speaker::Unattributed, Speaker::Entity)
}

/// Counts keys in first-seen order with constant-time lookups (lists of thousands of
/// speakers or cells on long texts made linear lookups quadratic).
struct Counter<K> {
    index: HashMap<K, usize>,
    items: Vec<(K, usize)>,
}

impl<K: Hash + Eq + Copy> Counter<K> {
    fn new() -> Self {
        Counter {
            index: HashMap::new(),
            items: Vec::new(),
        }
    }

    fn bump(&mut self, k: K) {
        match self.index.get(&k) {
            Some(&i) => self.items[i].1 += 1,
            None => {
                self.index.insert(k, self.items.len());
                self.items.push((k, 1));
            }
        }
    }

    fn get(&self, k: &K) -> usize {
        self.index.get(k).map_or(0, |&i| self.items[i].1)
    }
}

fn pct(x: f32) -> u32 {
    (x.clamp(0.0, 1.0) * 100.0).round() as u32
}

fn type_index(t: EntityType) -> usize {
    EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

/// A reader-facing name for a type.
fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::PERSON => "People",
        EntityType::NORP => "Nationalities & groups",
        EntityType::ORG => "Organisations",
        EntityType::GPE => "Countries & cities",
        EntityType::LOC => "Places",
        EntityType::FAC => "Facilities",
        EntityType::EVENT => "Events",
        EntityType::DATE => "Dates",
        EntityType::TIME => "Times",
        EntityType::CARDINAL => "Numbers",
        EntityType::ORDINAL => "Ordinals",
        EntityType::PERCENT => "Percentages",
        EntityType::MONEY => "Money",
        EntityType::QUANTITY => "Quantities",
        EntityType::LAW => "Laws",
        EntityType::PRODUCT => "Products",
        EntityType::WORK_OF_ART => "Works",
        EntityType::LANGUAGE => "Languages",
    }
}

fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.0} kB", bytes as f64 / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

/// The first `max` characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
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

fn focus_of(e: &HtmlElement) -> Option<Focus> {
    if let Some(c) = e.get_attribute("data-claim").and_then(|v| v.parse().ok()) {
        return Some(Focus::Claim(c));
    }
    e.get_attribute("data-entity")
        .and_then(|v| v.parse().ok())
        .map(Focus::Entity)
}

/// What a run in the article points at: its entity, else its innermost visible claim.
/// Read from the run's own attributes (`render::seg_ops` writes them from its segment).
fn focus_of_run(app: &App, e: &HtmlElement) -> Option<Focus> {
    let num = |name: &str| e.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
    if let Some(m) = num("data-m").and_then(|m| app.analysis.mentions.get(m)) {
        return Some(Focus::Entity(m.entity));
    }
    if let Some(r) = num("data-r") {
        return Some(Focus::Entity(r));
    }
    e.get_attribute("data-cl")?
        .split(' ')
        .filter_map(|c| c.parse::<usize>().ok())
        .filter(|&c| app.claim_ok.get(c).copied().unwrap_or(false))
        .min_by_key(|&c| {
            app.analysis
                .claims
                .get(c)
                .map_or(usize::MAX, |x| x.span.end - x.span.start)
        })
        .map(Focus::Claim)
}

fn is_typing(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn install_listeners() -> Res<()> {
    let doc = dom::document()?;
    let win = dom::window()?;
    let article: HtmlElement = by_id(&doc, "article")?;
    dom::on(&article, "mouseover", |e| {
        let Some(run) = dom::closest(&e, ".s") else {
            act(|app| app.set_hover(None));
            return;
        };
        act(|app| {
            let f = focus_of_run(app, &run);
            app.set_hover(f)
        });
    })?;
    dom::on(&article, "mouseleave", |_| act(|app| app.set_hover(None)))?;
    dom::on(&article, "click", |e| {
        let run = dom::closest(&e, ".s");
        act(|app| match run.and_then(|r| focus_of_run(app, &r)) {
            Some(f) => app.toggle_pin(f),
            None => app.clear_focus(),
        });
    })?;
    let side: HtmlElement = doc
        .query_selector("aside.side")?
        .and_then(|e| e.dyn_into().ok())
        .ok_or(dom::WebError::Missing("aside.side"))?;
    dom::on(&side, "mouseover", |e| {
        let item = dom::closest(&e, "[data-claim], [data-entity]");
        act(|app| app.set_hover(item.as_ref().and_then(focus_of)));
    })?;
    dom::on(&side, "mouseleave", |_| act(|app| app.set_hover(None)))?;
    dom::on(&side, "focusin", |e| {
        let item = dom::closest(&e, "[data-claim], [data-entity]");
        act(|app| {
            let f = item.as_ref().and_then(focus_of);
            if let Some(f) = f {
                app.scroll_to(f);
            }
            app.set_hover(f)
        });
    })?;
    dom::on(&side, "click", |e| {
        if let Some(b) = dom::closest(&e, "[data-type]") {
            let t = b
                .get_attribute("data-type")
                .and_then(|t| EntityType::parse(&t));
            act(|app| {
                if let Some(t) = t {
                    if !app.filters.hidden_types.remove(&t) {
                        app.filters.hidden_types.insert(t);
                    }
                }
                app.filters_changed()
            });
        } else if let Some(b) = dom::closest(&e, "#kinds [data-kind]") {
            let k = b.get_attribute("data-kind").unwrap_or_default();
            act(|app| {
                if let Some(k) = KINDS.iter().find(|x| **x == k) {
                    if !app.filters.hidden_kinds.remove(k) {
                        app.filters.hidden_kinds.insert(k);
                    }
                }
                app.filters_changed()
            });
        } else if let Some(b) = dom::closest(&e, "[data-cell-about]") {
            let s = b.get_attribute("data-cell-speaker").unwrap_or_default();
            let a = b
                .get_attribute("data-cell-about")
                .and_then(|v| v.parse().ok());
            act(|app| {
                let s = if s == "none" {
                    Some(Speaker::Unattributed)
                } else {
                    s.parse().ok().map(Speaker::Entity)
                };
                if let (Some(s), Some(a)) = (s, a) {
                    app.filters.cell = if app.filters.cell == Some((s, a)) {
                        None
                    } else {
                        Some((s, a))
                    };
                }
                app.filters_changed()
            });
        } else if let Some(item) = dom::closest(&e, "[data-claim], [data-entity]") {
            act(|app| match focus_of(&item) {
                Some(f) => {
                    app.scroll_to(f);
                    app.toggle_pin(f)
                }
                None => Ok(()),
            });
        } else if dom::closest(&e, "#tab-entities").is_some() {
            act(|app| app.show_tab(Tab::Entities));
        } else if dom::closest(&e, "#tab-claims").is_some() {
            act(|app| app.show_tab(Tab::Claims));
        } else if dom::closest(&e, "#clear-filters").is_some() {
            act(|app| app.clear_filters());
        }
    })?;
    let speaker: HtmlSelectElement = by_id(&doc, "speaker")?;
    {
        let sel = speaker.clone();
        dom::on(&speaker, "change", move |_| {
            let v = sel.value();
            act(|app| {
                app.filters.speaker = match v.as_str() {
                    "all" => None,
                    "none" => Some(Speaker::Unattributed),
                    n => n.parse().ok().map(Speaker::Entity),
                };
                app.filters_changed()
            });
        })?;
    }
    let conf: HtmlInputElement = by_id(&doc, "conf")?;
    {
        let input = conf.clone();
        dom::on(&conf, "input", move |_| {
            let v: u8 = input.value().parse().unwrap_or(0);
            act(|app| {
                app.filters.min_conf = v.min(100);
                app.els.conf_out.set_text_content(Some(&format!("{v}%")));
                app.filters_changed()
            });
        })?;
    }
    let search: HtmlInputElement = by_id(&doc, "search")?;
    {
        let input = search.clone();
        dom::on(&search, "input", move |_| {
            let v = input.value();
            act(|app| {
                app.filters.query = v.trim().to_string();
                app.filters_changed()
            });
        })?;
    }
    let labels: HtmlInputElement = by_id(&doc, "labels")?;
    {
        let input = labels.clone();
        dom::on(&labels, "change", move |_| {
            let on = input.checked();
            act(|app| {
                app.els
                    .article
                    .class_list()
                    .toggle_with_force("labels", on)?;
                Ok(())
            });
        })?;
    }
    let editor: HtmlTextAreaElement = by_id(&doc, "editor")?;
    dom::on(&editor, "input", |_| act(|app| app.on_editor_input()))?;
    let edit_btn: HtmlElement = by_id(&doc, "edit-btn")?;
    dom::on(&edit_btn, "click", |_| {
        act(|app| app.toggle_edit(!app.editing))
    })?;
    let done: HtmlElement = by_id(&doc, "edit-done")?;
    dom::on(&done, "click", |_| act(|app| app.toggle_edit(false)))?;
    let load_default: HtmlElement = by_id(&doc, "load-default")?;
    dom::on(&load_default, "click", |_| {
        act(|app| app.reset_to_default())
    })?;
    let clear: HtmlElement = by_id(&doc, "editor-clear")?;
    dom::on(&clear, "click", |_| act(|app| app.clear_editor()))?;
    let share_btn: HtmlElement = by_id(&doc, "share-btn")?;
    dom::on(&share_btn, "click", |_| act(|app| app.share()))?;
    let notice: HtmlElement = by_id(&doc, "notice")?;
    dom::on(&notice, "click", |e| {
        if dom::closest(&e, "#notice-close").is_some() {
            act(|app| {
                app.hide_notice();
                Ok(())
            });
        } else if let Some(b) = dom::closest(&e, "[data-action]") {
            match b.get_attribute("data-action").as_deref() {
                Some("load-default") => act(|app| app.reset_to_default()),
                Some("undo-default") => act(|app| app.undo_default()),
                _ => {}
            }
        }
    })?;
    let menu: HtmlElement = by_id(&doc, "export-menu")?;
    {
        let menu_el = menu.clone();
        dom::on(&menu, "click", move |e| {
            if let Some(b) = dom::closest(&e, "[data-export]") {
                let what = b.get_attribute("data-export").unwrap_or_default();
                act(|app| app.export(&what));
                let _ = menu_el.remove_attribute("open");
            }
        })?;
    }
    dom::on(&win, "hashchange", |_| act(|app| app.on_hash_change()))?;
    dom::on(&doc, "keydown", |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let key = k.key();
        if key == "Escape" {
            act(|app| {
                app.els.share_box.set_hidden(true);
                app.clear_focus()
            });
            return;
        }
        if is_typing(&e) || k.ctrl_key() || k.meta_key() || k.alt_key() {
            return;
        }
        match key.as_str() {
            "j" | "k" => {
                e.prevent_default();
                if let Some(Ok(Some(card))) = with_app(|app| app.step_card(key == "j")) {
                    if let Some(h) = card.dyn_ref::<HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
            "/" => {
                e.prevent_default();
                if let Ok(doc) = dom::document() {
                    if let Ok(s) = by_id::<HtmlInputElement>(&doc, "search") {
                        let _ = s.focus();
                    }
                }
            }
            "Enter" | " " => {
                if let Some(item) = dom::closest(&e, "[data-claim], [data-entity]") {
                    e.prevent_default();
                    act(|app| match focus_of(&item) {
                        Some(f) => app.toggle_pin(f),
                        None => Ok(()),
                    });
                }
            }
            _ => {}
        }
    })?;
    Ok(())
}
