//! The explorer's state and behaviour: what is shown, filtered, hovered and pinned.
//!
//! One `App` lives in a thread-local for the page's lifetime; event listeners borrow it
//! briefly. A listener that finds it borrowed (an event fired synchronously by our own
//! DOM call, e.g. `focus()`) does nothing, which is always safe here.
//!
//! This file holds the state (`App`, its filters and page elements) and start-up; the
//! behaviour is split by concern, each file adding an `impl App` block:
//!
//! | file | what |
//! |---|---|
//! | `load.rs` | the first text, the default article's analysis, a new analysis put on screen |
//! | `worker.rs` | the Web Worker analysing reader-supplied text |
//! | `article.rs` | rendering the article, restyling its runs |
//! | `filters.rs` | which claims and mentions pass the filters |
//! | `sidebar.rs` | filter lists, tab counts, the Entities tab, switching tabs |
//! | `claims.rs` | the Claims tab's list of cards |
//! | `matrix.rs` | the speaker × entity matrix |
//! | `highlight.rs` | hover, pin, scrolling to and stepping through items |
//! | `editor.rs` | edit mode and the saved draft |
//! | `links.rs` | share links (the view in the URL fragment) |
//! | `export.rs` | file downloads of the analysis |
//! | `status.rs` | status line, progress bar, notices |
//! | `events.rs` | the page's event listeners |

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

mod article;
mod claims;
mod editor;
mod events;
mod export;
mod filters;
mod highlight;
mod links;
mod load;
mod matrix;
mod sidebar;
mod status;
mod worker;

use claims::CardsRest;

/// The article shown when there is no link and no draft.
pub const DEFAULT_ARTICLE: &str = include_str!("../../../texts/default-article.txt");

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

impl App {
    /// Runs `f(app, arg)` once the browser has drawn the next frame: the next frame,
    /// then a task. A hidden page draws no frames, hence a 200 ms timer too: `f` may be
    /// called twice and must do its work once (it checks `arg`, a generation or token).
    fn after_next_frame(&self, f: fn(&mut App, u32) -> Res<()>, arg: u32) -> Res<()> {
        let after_frame = Closure::once_into_js(move || {
            let _ = dom::set_timeout(move || act(|app| f(app, arg)), 0);
        });
        self.win
            .request_animation_frame(after_frame.unchecked_ref())?;
        dom::set_timeout(move || act(|app| f(app, arg)), 200)?;
        Ok(())
    }
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

/// Which filter to leave out when counting (so a facet's counts show what it would add),
/// or when drawing (`Conf`: lines below the threshold are drawn faded).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    Kind,
    Speaker,
    Cell,
    Conf,
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
    /// Claims whose lines the article draws: those passing every filter but the
    /// confidence threshold (the ones below it are drawn faded, not dropped).
    line_ok: Vec<bool>,
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
        line_ok: Vec::new(),
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
    events::install_listeners()?;
    act(|app| app.load_initial());
    Ok(())
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
