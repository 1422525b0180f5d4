//! Event listeners: mouse, keyboard, focus and page events routed to the app.

use super::*;

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

/// Listens for `event` on the page's element `id`, calling `f` with the app and the
/// element (a form control's value is read when the event fires).
fn on_el<T: JsCast + Clone + AsRef<web_sys::EventTarget> + 'static>(
    doc: &Document,
    id: &'static str,
    event: &str,
    f: impl Fn(&mut App, &T) -> Res<()> + 'static,
) -> Res<()> {
    let el: T = by_id(doc, id)?;
    let target = el.clone();
    dom::on(el.as_ref(), event, move |_| act(|app| f(app, &target)))
}

/// Closes the export menu if open; `refocus` puts the focus on the menu's button (after
/// Esc, so a keyboard user in the menu stays where they were).
fn close_menu(refocus: bool) {
    let menu = dom::document()
        .ok()
        .and_then(|d| d.get_element_by_id("export-menu"));
    if let Some(menu) = menu.filter(|m| m.has_attribute("open")) {
        let _ = menu.remove_attribute("open");
        if refocus {
            refocus_el("#export-menu summary");
        }
    }
}

/// Focuses the element `selector` finds: a toggle rebuilt by the filter change it made
/// replaces the focused element, which would drop a keyboard user's focus to the page.
fn refocus_el(selector: &str) {
    let el = dom::document()
        .ok()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Installs the page's listeners (once, at start-up).
pub(super) fn install_listeners() -> Res<()> {
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
    {
        let (side_el, article_el) = (side.clone(), article.clone());
        dom::on(&side, "focusin", move |e| {
            let item = dom::closest(&e, "[data-claim], [data-entity]");
            // Side by side, the sidebar scrolls on its own and the article can follow the
            // focused card; in one column, scrolling to the article would take the card
            // just focused (by j/k or Tab) off the screen.
            let beside = side_el.offset_left() > article_el.offset_left();
            act(|app| {
                let f = item.as_ref().and_then(focus_of);
                if let (Some(f), true) = (f, beside) {
                    app.scroll_to(f);
                }
                app.set_hover(f)
            });
        })?;
    }
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
            if let Some(t) = t {
                refocus_el(&format!("#legend [data-type=\"{}\"]", t.as_str()));
            }
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
            if let Some(k) = KINDS.iter().find(|x| **x == k) {
                refocus_el(&format!("#kinds [data-kind=\"{k}\"]"));
            }
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
            refocus_el(&format!(
                "#matrix button[data-cell-speaker=\"{}\"][data-cell-about=\"{}\"]",
                b.get_attribute("data-cell-speaker").unwrap_or_default(),
                b.get_attribute("data-cell-about").unwrap_or_default()
            ));
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
    on_el(&doc, "speaker", "change", |app, sel: &HtmlSelectElement| {
        app.filters.speaker = match sel.value().as_str() {
            "all" => None,
            "none" => Some(Speaker::Unattributed),
            n => n.parse().ok().map(Speaker::Entity),
        };
        app.filters_changed()
    })?;
    on_el(&doc, "conf", "input", |app, input: &HtmlInputElement| {
        let v: u8 = input.value().parse().unwrap_or(0);
        app.filters.min_conf = v.min(100);
        app.els.conf_out.set_text_content(Some(&format!("{v}%")));
        app.filters_changed()
    })?;
    on_el(&doc, "search", "input", |app, input: &HtmlInputElement| {
        app.filters.query = input.value().trim().to_string();
        app.filters_changed()
    })?;
    on_el(&doc, "labels", "change", |app, input: &HtmlInputElement| {
        let on = input.checked();
        app.els
            .article
            .class_list()
            .toggle_with_force("labels", on)?;
        Ok(())
    })?;
    on_el(&doc, "editor", "input", |app, _: &HtmlTextAreaElement| {
        app.on_editor_input()
    })?;
    on_el(&doc, "edit-btn", "click", |app, _: &HtmlElement| {
        app.toggle_edit(!app.editing)
    })?;
    on_el(&doc, "edit-done", "click", |app, _: &HtmlElement| {
        app.toggle_edit(false)
    })?;
    on_el(&doc, "load-default", "click", |app, _: &HtmlElement| {
        app.reset_to_default()
    })?;
    on_el(&doc, "editor-clear", "click", |app, _: &HtmlElement| {
        app.clear_editor()
    })?;
    on_el(&doc, "share-btn", "click", |app, _: &HtmlElement| {
        app.share()
    })?;
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
    // a click anywhere else closes the export menu, as a menu does
    dom::on(&doc, "click", |e| {
        if dom::closest(&e, "#export-menu").is_none() {
            close_menu(false);
        }
    })?;
    dom::on(&win, "hashchange", |_| act(|app| app.on_hash_change()))?;
    dom::on(&doc, "keydown", |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let key = k.key();
        if key == "Escape" {
            close_menu(true);
            act(|app| {
                app.els.share_box.set_hidden(true);
                app.clear_focus()
            });
            return;
        }
        if is_typing(&e) || k.ctrl_key() || k.meta_key() || k.alt_key() {
            return;
        }
        if key.starts_with("Arrow") {
            if let Some(cell) = dom::closest(&e, "#matrix button") {
                if let Some(Ok(true)) = with_app(|app| app.step_matrix(&cell, &key)) {
                    e.prevent_default();
                }
            }
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
