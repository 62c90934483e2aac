//! `T`: the tags form over the ticket on screen, or over every marked
//! ticket of the queue (one bulk change, undoable with `u`), and the tags
//! in use its pick lists offer.

use super::records::{open_form, target_ticket};
use crate::app::forms::ticket::{Edit, edit_ticket};
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::panes::PaneId;
use crate::i18n::fill;

/// Opens the form; the tags in use are read for its pick lists.
pub fn open(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    let Some(ticket) = target_ticket(model) else {
        model.warn(s.tags.no_ticket.to_string());
        return Vec::new();
    };
    // Marks count in the queue itself, as for `a`, `p` and `s`: on a
    // page or a triage card the form is about the ticket shown.
    let marked = &model.queue.marked;
    model.bulk = (model.screens.triage().is_none()
        && model.screens.detail().is_none()
        && model.focus == PaneId::Queue
        && !marked.is_empty())
    .then(|| marked.iter().copied().collect());
    let mut form = edit_ticket(s, &ticket, Edit::Tags);
    if let Some(ids) = &model.bulk {
        form.title = s.triage.bulk_title.of(ids.len() as i64, &[("form", &form.title)]);
    }
    open_form(model, form);
    vec![Effect::LoadTags]
}

/// The tags in use arrived: the open list, if any, matches them.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::TagsInUse(Ok(tags)) => {
            model.known.set_tags(tags);
            super::pickers::reloaded(model);
        }
        Msg::TagsInUse(Err(why)) => model.warn(fill(model.strings.msg_error, &[("why", &why)])),
        _ => {}
    }
    Vec::new()
}
