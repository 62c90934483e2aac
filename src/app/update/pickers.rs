//! The pick lists of form fields: matching what was typed against the
//! known values, and the keys of an open list (see `app::forms::picker`).

use crate::app::action::Action;
use crate::app::forms::picker::{Choice, Picker, SHOWN, Search, Source};
use crate::app::model::Model;
use crate::app::msg::Effect;
use crate::app::panes::customers::{CustomersPane, STEP, narrows};
use crate::domain::search::{Tier, drop_scattered};

/// The focused field was typed in: its list follows the text.
pub fn typed(model: &mut Model) {
    match_text(model, false);
}

/// `C-n` on a field with a list to offer and none showing: every known
/// value (matching the text, if any), so they can be seen before typing.
/// Customers are too many to list: their field lists only what matches.
fn show_all(model: &mut Model) -> Option<Vec<Effect>> {
    let form = model.screens.form_mut()?;
    let (text, picker) = form.focused_picker_mut()?;
    if picker.source == Source::Customers && text.is_empty() {
        return Some(Vec::new());
    }
    picker.open = true;
    match_text(model, true);
    Some(Vec::new())
}

/// Matches the focused field's text against its list: when the text
/// changed since the last match, or `again`.
fn match_text(model: &mut Model, again: bool) {
    let Model {
        screens,
        customers,
        known,
        ..
    } = model;
    let Some((text, picker)) = screens.form_mut().and_then(|f| f.focused_picker_mut()) else {
        return;
    };
    if !picker.open || (text == picker.query && !again) {
        return;
    }
    // New text, new matches: the best of them is highlighted.
    picker.offer(Vec::new(), 0);
    match picker.source {
        // Any name goes while the team lists no agents: nothing to offer.
        Source::Agents if !known.has_agents => picker.close(),
        Source::Customers => {
            start_search(picker, &text);
            step_search(picker, &text, customers);
        }
        source => {
            let (choices, total) = known.find(source, &text);
            picker.offer(choices, total);
        }
    }
    picker.query = text;
}

/// The customer list was read again: an open customer search starts over
/// on the new rows, and the short lists are matched again.
pub fn reloaded(model: &mut Model) {
    if let Some(form) = model.screens.form_mut()
        && let Some((_, picker)) = form.focused_picker_mut()
    {
        picker.search = Search::default();
    }
    match_text(model, true);
}

/// Idle time: one more slice of a customer search; true when it moved.
pub fn step(model: &mut Model) -> bool {
    let Model { screens, customers, .. } = model;
    let Some((text, picker)) = screens.form_mut().and_then(|f| f.focused_picker_mut()) else {
        return false;
    };
    if picker.source != Source::Customers || !picker.open || picker.search.done {
        return false;
    }
    step_search(picker, &text, customers);
    true
}

/// A new customer query: among the matches of the one before when it
/// only grew (every match of "zs" is a match of "z"), else among all.
fn start_search(picker: &mut Picker, query: &str) {
    let previous = &picker.search;
    let pool = (previous.done && !picker.query.is_empty() && narrows(&picker.query, query)).then(|| {
        let mut rows = previous.rows.clone();
        rows.sort_unstable();
        rows
    });
    picker.search = Search {
        pool,
        ..Search::default()
    };
}

/// Matches one slice of customers and offers the best so far.
fn step_search(picker: &mut Picker, query: &str, customers: &CustomersPane) {
    let Some(index) = customers.index() else {
        picker.search.done = true;
        return;
    };
    let search = &mut picker.search;
    let total = search.pool.as_ref().map_or(index.len(), Vec::len);
    let end = (search.next + STEP).min(total);
    let hits = match &search.pool {
        Some(pool) => index.find_among(query, pool[search.next..end].iter().copied()),
        None => index.find_among(query, search.next..end),
    };
    search.next = end;
    search.done = end >= total;
    search.rows.extend(hits.iter().map(|(_, row)| *row));
    search.better += hits.iter().filter(|(hit, _)| hit.tier() < Tier::Scattered).count();
    let rows = customers.list.rows();
    let is_code = |row: &usize| rows.get(*row).is_some_and(|c| c.code.eq_ignore_ascii_case(query));
    if search.exact.is_none() {
        search.exact = hits.iter().map(|(_, row)| *row).find(is_code);
    }
    // Best first; at equal scores the earlier row, the more recently
    // active customer, as the customer filter orders them.
    search
        .top
        .extend(hits.into_iter().take(SHOWN).map(|(hit, row)| (hit.score, row)));
    search.top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    drop_scattered(&mut search.top, |(score, _)| *score);
    search.top.truncate(SHOWN);
    let exact = search.exact;
    let best = search.top.iter().map(|(_, row)| *row).filter(|row| Some(*row) != exact);
    let choices = exact
        .into_iter()
        .chain(best)
        .take(SHOWN)
        .filter_map(|row| rows.get(row))
        .map(|c| Choice {
            value: c.code.clone(),
            label: c.name.clone(),
        })
        .collect();
    // Scattered matches count only when nothing better was found, as
    // only then are they offered.
    let found = if search.better > 0 {
        search.better
    } else {
        search.rows.len()
    };
    picker.offer(choices, found);
}

/// The keys of an open pick list; `None` for the keys it leaves to the form.
pub fn action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let form = model.screens.form_mut()?;
    if form.pick_list().is_none() {
        return if action == Action::Down { show_all(model) } else { None };
    }
    if action == Action::Accept {
        form.take_choice();
        return Some(Vec::new());
    }
    let (_, picker) = form.focused_picker_mut()?;
    match action {
        Action::Up => picker.shift(-1),
        Action::Down => picker.shift(1),
        Action::Close => picker.close(),
        _ => return None,
    }
    Some(Vec::new())
}
