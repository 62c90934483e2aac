//! The queue's views bar: `F1`…`F9` select a view, `[` `]` the previous
//! and next; the view's tickets and every view's count are read on the
//! background worker, after each reload of the queue (the same trigger)
//! and when the selection changes.

use crate::app::action::Action;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::panes::PaneId;

/// The views bar's actions; `None` for any other.
pub fn action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let bar = &mut model.views;
    let changed = match action {
        Action::NextView => bar.select_next(),
        Action::PrevView => bar.select_prev(),
        a => bar.select(a.view_number()?),
    };
    if !changed {
        return Some(Vec::new());
    }
    model.dirty = true;
    // The marks belong to the tickets shown: another view shows others.
    model.queue.marked.clear();
    model.queue.query.view = model.views.expression().to_string();
    let mut effects = vec![load(model)];
    // What `/` holds now narrows the view selected instead.
    effects.extend(super::queue_query::typed(model));
    Some(effects)
}

/// What shows the entry selected: the queue's own read, or the view's.
fn load(model: &Model) -> Effect {
    match model.views.selected_view() {
        Some(view) => Effect::LoadViews(Some(view.position)),
        None => Effect::LoadQueue,
    }
}

/// The queue was read again (its own read or the overview's): the counts
/// follow, with the selected view's tickets.
pub fn after_queue_read(model: &Model) -> Effect {
    Effect::LoadViews(model.views.selected_view().map(|v| v.position))
}

pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let Msg::Views(result) = msg else {
        return Vec::new();
    };
    model.dirty = true;
    let read = match result {
        Ok(read) => read,
        Err(why) => {
            model.warn(why);
            return Vec::new();
        }
    };
    if model.views.loaded(&read) {
        // The view shown was removed elsewhere: back to the queue.
        model.queue.query.view.clear();
        let mut effects = vec![Effect::LoadQueue];
        effects.extend(super::queue_query::again(model));
        return effects;
    }
    // Tickets of a view no longer selected (keys pressed meanwhile) wait
    // for the read the new selection asked for.
    if let (Some((position, mut tickets)), Some(view)) = (read.tickets, model.views.selected_view())
        && view.position == position
    {
        // Tickets found for what `/` holds stay on screen: asked for again.
        if !model.queue.keep_aside(&mut tickets) {
            let height = model.list_height(PaneId::Queue);
            model.queue.load(tickets, height);
        }
        return super::queue_query::again(model);
    }
    Vec::new()
}
