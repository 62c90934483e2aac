//! The queue's `/` as the filter language: a keystroke parses the text and
//! asks the worker for the tickets; their arrival replaces the list. See
//! `app::panes::queue_query` for the state.

use crate::app::model::Model;
use crate::app::msg::Effect;
use crate::app::panes::PaneId;
use crate::app::panes::queue_query::Wanted;
use crate::domain::error::Invalid;
use crate::domain::query::{self, Query};
use crate::service::find::Found;

/// Reads the `/` text: a bad term is told (the list stays as it was),
/// otherwise the list follows what the text asks for.
pub fn typed(model: &mut Model) -> Vec<Effect> {
    let height = model.list_height(PaneId::Queue);
    let Some(query) = read(model) else {
        return Vec::new();
    };
    if !query.terms.is_empty() && typing_a_key(model.queue.list.filter.text()) {
        return Vec::new();
    }
    match model.queue.wanted(&query) {
        Wanted::Queue => {
            model.queue.show_queue(height);
            model.queue.refilter(height);
            Vec::new()
        }
        Wanted::Words { expr, all } => {
            model.queue.show_queue(height);
            model.queue.refilter(height);
            vec![Effect::FindTickets { expr, all }]
        }
        Wanted::Tickets { expr, all } => vec![Effect::FindTickets { expr, all }],
    }
}

/// The last word is still being typed and may become a key (`s` of
/// `sla:`): searching for it as text would empty the list for a keystroke.
fn typing_a_key(text: &str) -> bool {
    if text.ends_with(char::is_whitespace) {
        return false;
    }
    let last = text.split_whitespace().last().unwrap_or("");
    let word = last.strip_prefix('-').unwrap_or(last).to_lowercase();
    !word.is_empty() && !word.contains([':', '：']) && query::KEYS.iter().any(|k| k.starts_with(&word))
}

/// The query read from the `/` text, or `None` with the error set.
fn read(model: &mut Model) -> Option<Query> {
    let expr = model.queue.queue_expression();
    match query::parse(&expr, model.now, model.session.timezone) {
        Ok(query) => {
            model.queue.query.error = None;
            Some(query)
        }
        Err(e) => {
            // Only the reason: the term is in the input just below, and the
            // reason names it, so the nearest key fits on a narrow pane.
            let invalid = Invalid::from(e);
            model.queue.query.error = Some(crate::i18n::describe_reason(&invalid.reason, model.strings));
            None
        }
    }
}

/// The query asked again (the queue was read anew), when one is in force.
pub fn again(model: &mut Model) -> Vec<Effect> {
    let expr = model.queue.queue_expression();
    let Ok(query) = query::parse(&expr, model.now, model.session.timezone) else {
        return Vec::new();
    };
    match model.queue.wanted(&query) {
        Wanted::Queue => Vec::new(),
        Wanted::Words { expr, all } => vec![Effect::FindTickets { expr, all }],
        Wanted::Tickets { expr, all } => vec![Effect::FindTickets { expr, all }],
    }
}

/// `<C-t>` in the filter: every ticket, or the queue again.
pub fn toggle_all(model: &mut Model) -> Vec<Effect> {
    model.queue.query.all_tickets = !model.queue.query.all_tickets;
    typed(model)
}

/// `Esc`: the query and every-ticket go; the queue shows again.
pub fn cleared(model: &mut Model, height: usize) {
    model.queue.query.error = None;
    model.queue.query.all_tickets = false;
    model.queue.show_queue(height);
}

/// Tickets found for `expr`: shown if the text still asks for them (a
/// later keystroke's answer is on its way otherwise).
pub fn found(model: &mut Model, expr: &str, all: bool, result: Result<Box<Found>, String>) -> Vec<Effect> {
    let height = model.list_height(PaneId::Queue);
    let Ok(query) = query::parse(&model.queue.queue_expression(), model.now, model.session.timezone) else {
        return Vec::new();
    };
    let wanted = model.queue.wanted(&query);
    let found = match result {
        Ok(found) => *found,
        Err(why) => {
            model.queue.query.error = Some(why);
            return Vec::new();
        }
    };
    match wanted {
        Wanted::Words {
            expr: now,
            all: now_all,
        } if now == expr && now_all == all => model.queue.add_text_matches(found),
        Wanted::Tickets {
            expr: now,
            all: now_all,
        } if now == expr && now_all == all => model.queue.show_found(expr, found, height),
        _ => {}
    }
    Vec::new()
}
