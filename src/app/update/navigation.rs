//! Moving between records: opening the record a line names (on a card or
//! ticket page, a triage card, the dashboard's customers at risk, the
//! palette), going back page by page, and the cursor over a page's links.

use crate::app::action::Action;
use crate::app::model::{Detail, Model};
use crate::app::msg::Effect;
use crate::app::navigation::{self, LineTarget, Link};
use crate::app::palette::{PaletteItem, RecordSearch};
use crate::app::panes::customers::STEP;
use crate::domain::search::drop_scattered;
use crate::domain::text::{sanitize_line, width};
use crate::i18n::fill;

/// Customers a palette query offers at most, best first.
const PALETTE_CUSTOMERS: usize = 5;

/// The record's page on top of the pages open (or over the screen), read.
pub fn open(model: &mut Model, target: Link) -> Vec<Effect> {
    model.screens.open_detail(Detail::of(target));
    vec![load(target)]
}

fn load(target: Link) -> Effect {
    match target {
        Link::Customer(id) => Effect::LoadCard(id),
        Link::Ticket(id) => Effect::LoadTicket(id),
    }
}

/// Esc on a page: the page under it comes back where it was left (and is
/// read again, as what was done on top may have changed it); on the last
/// page, the screen under the overlay.
pub fn back(model: &mut Model) -> Vec<Effect> {
    model.bulk = None;
    if !model.screens.back_detail() {
        return Vec::new();
    }
    model
        .screens
        .detail()
        .map(|page| vec![load(page.target())])
        .unwrap_or_default()
}

/// What the selected line of the page on top names.
pub fn selected_target(model: &Model) -> Option<LineTarget> {
    let doc = model.detail_doc()?;
    let link = model.screens.detail().map_or(0, Detail::link);
    doc.links
        .get(link.min(doc.links.len().saturating_sub(1)))
        .map(|(_, t)| *t)
}

/// Enter on a page: the record its selected line names; an interaction of
/// a ticket's history, which has no page, opens in the form editing it.
pub fn open_selected(model: &mut Model) -> Vec<Effect> {
    match selected_target(model) {
        Some(LineTarget::Page(link)) => open(model, link),
        Some(LineTarget::Interaction(id)) => edit_interaction(model, id),
        Some(LineTarget::Attachment(id)) => super::mail::save_form(model, id),
        None => Vec::new(),
    }
}

/// The form editing interaction `id` of the ticket page on top, the same
/// form as `e` on its line in the timeline.
pub fn edit_interaction(model: &mut Model, id: i64) -> Vec<Effect> {
    let summary = match model.screens.detail() {
        Some(Detail::Ticket { detail: Some(d), .. }) => {
            d.interactions.iter().find(|i| i.id == id).map(|i| i.summary.clone())
        }
        _ => None,
    };
    if let Some(summary) = summary {
        let form = crate::app::forms::contact::edit_interaction(model.strings, id, &summary);
        super::records::open_form(model, form);
    }
    Vec::new()
}

/// `j`, `k` and paging on a page: see [`navigation::step`].
pub fn movement(model: &mut Model, action: Action) {
    let (lines, height) = super::actions::overlay_size(model);
    let links = model.detail_doc().map(|doc| doc.link_lines()).unwrap_or_default();
    if let Some(page) = model.screens.detail_mut() {
        navigation::step(&links, page.place_mut(), lines, height, action);
    }
}

/// Enter on a triage card: its customer's card, over the triage screen.
pub fn open_from_triage(model: &mut Model) -> Vec<Effect> {
    match model
        .screens
        .triage()
        .and_then(|t| t.card.as_ref())
        .map(|c| c.customer.id)
    {
        Some(id) => open(model, Link::Customer(id)),
        None => Vec::new(),
    }
}

/// Enter on the dashboard: the card of the customer at risk selected.
pub fn open_from_dashboard(model: &mut Model) -> Vec<Effect> {
    let id = model.screens.dashboard().and_then(|d| {
        let figures = d.figures()?;
        figures.at_risk.get(d.at_risk_selected).map(|r| r.customer.id)
    });
    match id {
        Some(id) => open(model, Link::Customer(id)),
        None => Vec::new(),
    }
}

/// `j`/`k` on the dashboard move over the customers at risk.
pub fn dashboard_movement(model: &mut Model, action: Action) {
    let Some(screen) = model.screens.dashboard_mut() else {
        return;
    };
    let count = screen.figures().map_or(0, |f| f.at_risk.len());
    let last = count.saturating_sub(1);
    let at = &mut screen.at_risk_selected;
    *at = match action {
        Action::Up | Action::PageUp => at.saturating_sub(1),
        Action::Down | Action::PageDown => (*at + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => *at,
    };
}

/// The palette's query changed: its actions, under the records it names.
/// Customers are searched a slice at a time, as the customer list does
/// (matching 100,000 of them takes longer than a frame): the first slice
/// now, the rest on `Msg::Continue` between keystrokes.
pub fn refilter_palette(model: &mut Model, height: usize) {
    let query = match model.screens.palette() {
        Some(palette) => palette.list.filter.text().trim().to_string(),
        None => return,
    };
    let ticket = palette_ticket(model, &query);
    // From two columns typed (one Chinese character): one letter matches
    // nearly everyone. `#` asks for a ticket only.
    let customers = width(&query) >= 2 && !query.starts_with('#') && model.customers.index().is_some();
    if let Some(palette) = model.screens.palette_mut() {
        palette.search = Some(RecordSearch {
            query: customers.then_some(query),
            ticket,
            next: 0,
            found: Vec::new(),
        });
    }
    step_palette(model, height);
}

/// One more slice of the palette's customer search; the rows shown so far.
pub fn step_palette(model: &mut Model, height: usize) {
    let Some(mut search) = model.screens.palette_mut().and_then(|p| p.search.take()) else {
        return;
    };
    if let (Some(query), Some(index)) = (&search.query, model.customers.index()) {
        let end = (search.next + STEP).min(index.len());
        search.found.extend(index.find_among(query, search.next..end));
        search
            .found
            .sort_by(|a, b| b.0.score.cmp(&a.0.score).then(a.1.cmp(&b.1)));
        drop_scattered(&mut search.found, |(hit, _)| hit.score);
        search.found.truncate(PALETTE_CUSTOMERS);
        search.next = end;
    }
    let done = search.query.is_none() || model.customers.index().is_none_or(|index| search.next >= index.len());
    let records = palette_records(model, &search);
    if let Some(palette) = model.screens.palette_mut() {
        palette.refilter(height, records);
        palette.search = (!done).then_some(search);
    }
}

/// A palette query naming a ticket by number (`#123` or `123`).
fn palette_ticket(model: &Model, query: &str) -> Option<PaletteItem> {
    let number = query.strip_prefix('#').unwrap_or(query).trim();
    let id = number.parse::<i64>().ok().filter(|id| *id > 0)?;
    let mut label = fill(model.strings.navigation.palette_ticket, &[("ticket", &id.to_string())]);
    if let Some(v) = model.queue.ticket(id) {
        label.push_str("  ");
        label.push_str(&sanitize_line(&v.ticket.subject));
    }
    Some(PaletteItem::record(Link::Ticket(id), label))
}

/// The rows of what a search found so far: the ticket, then the best
/// customers (positions in the index are rows of the customer list).
fn palette_records(model: &Model, search: &RecordSearch) -> Vec<PaletteItem> {
    let s = model.strings.navigation;
    let rows = model.customers.list.rows();
    let customers = search
        .found
        .iter()
        .filter_map(|(_, position)| rows.get(*position))
        .map(|row| {
            let label = fill(
                s.palette_customer,
                &[("code", &sanitize_line(&row.code)), ("name", &sanitize_line(&row.name))],
            );
            PaletteItem::record(Link::Customer(row.id), label)
        });
    search.ticket.iter().cloned().chain(customers).collect()
}
