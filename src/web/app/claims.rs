//! The Claims tab's list: claims grouped by speaker, the first cards built at once and the
//! rest after the first frame; a list equal to the one shown is kept.

use super::*;

impl App {
    /// Builds the Claims list, its first `first` cards now; if more remain, they are left
    /// in `cards_rest` for `build_rest_cards`. A list equal to the one on the page (the
    /// same cards, whole) is kept as it is.
    pub(super) fn build_claims(&mut self, first: usize) -> Res<()> {
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
    pub(super) fn drop_rest_cards(&mut self) {
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
    pub(super) fn build_rest_cards(&mut self, token: u32) -> Res<()> {
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
}

/// Where `build_claims` stopped: its groups, the next card, and how many it built.
pub(super) struct CardsRest {
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
