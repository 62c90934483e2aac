//! The Reminders view: entering and leaving it, moving, opening the
//! customer or ticket of a row, marking a stored reminder done, and the
//! list coming back.

use crate::app::action::Action;
use crate::app::help::keys_label;
use crate::app::keymap::Context;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::reminders::{Reminders, reason_label};
use crate::app::screens::Screen;
use crate::domain::agenda::{Filter, Section};
use crate::domain::enums::ReminderReason;
use crate::i18n::fill;

/// `m`: the full-screen list of reminders. The one place that turns the
/// view on, so other full-screen modes can be made to give way here.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    let view = Reminders {
        loading: true,
        ..Reminders::default()
    };
    let ask = view.ask;
    model.screens.enter(Screen::Reminders(view));
    vec![Effect::LoadReminders(ask)]
}

/// The agenda's own keys: Tab / S-Tab jump between sections; `b` lists or
/// hides the overdue rows, `f` cycles the reason, `O` mine or everyone's —
/// those three read the list again, as the service lists only what they ask.
pub fn agenda_key(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(view) = model.screens.reminders_mut() else {
        let s = model.strings;
        model.warn(fill(s.msg_not_in_this_view, &[("action", s.action(action.name()))]));
        return Vec::new();
    };
    match action {
        Action::NextSection | Action::PrevSection => {
            view.jump(action == Action::NextSection);
            return Vec::new();
        }
        Action::ToggleOverdue => {
            view.ask.overdue = !view.ask.overdue;
            view.jump_to = view.ask.overdue.then_some(Section::Overdue);
        }
        Action::CycleReason => view.ask.reason = Filter::next_reason(view.ask.reason),
        Action::ToggleMine => view.ask.mine = !view.ask.mine,
        _ => return Vec::new(),
    }
    view.loading = true;
    vec![Effect::LoadReminders(view.ask)]
}

/// Esc or `q`: back to the panes (see `back_to_panes`; the contacts made
/// here read them again as each was saved).
pub fn leave(model: &mut Model) -> Vec<Effect> {
    super::back_to_panes(model)
}

/// Rows of the list on screen (its box, less the column titles).
pub fn list_height(model: &Model) -> usize {
    let (_, height) = crate::app::layout::inner_size(model.screen().body);
    height.saturating_sub(1)
}

pub fn movement(model: &mut Model, action: Action) {
    let height = list_height(model);
    if let Some(reminders) = model.screens.reminders_mut() {
        reminders.apply(action, height);
    }
}

/// The mouse wheel over the list.
pub fn shift(model: &mut Model, delta: isize) {
    if let Some(reminders) = model.screens.reminders_mut() {
        reminders.shift(delta);
    }
}

/// Enter: the ticket page for a reminder about a ticket, else the
/// customer card, over the list; the ticket page's customer line leads on
/// to the card.
pub fn open(model: &mut Model) -> Vec<Effect> {
    let Some(r) = model.screens.reminders().and_then(|v| v.selected()) else {
        return Vec::new();
    };
    match (r.ticket_id, r.customer_id) {
        (Some(id), _) => super::actions::open_ticket(model, id),
        (None, Some(id)) => super::actions::open_card(model, id),
        (None, None) => Vec::new(),
    }
}

/// `x`: a stored reminder is marked done; a computed one cannot be, and
/// the footer says what ends it.
pub fn done(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    let Some(r) = model.screens.reminders().and_then(|v| v.selected()) else {
        model.warn(s.crm.msg_no_reminder.to_string());
        return Vec::new();
    };
    match (r.id, r.reason) {
        (Some(id), _) => vec![Effect::ReminderDone(id)],
        (None, ReminderReason::Callback) => {
            let key = key_for(model, Action::Callback);
            model.warn(fill(s.crm.msg_callback_not_done, &[("key", &key)]));
            Vec::new()
        }
        (None, reason) => {
            let key = key_for(model, Action::Log);
            let why = match reason {
                ReminderReason::Birthday | ReminderReason::Anniversary => s.occasions.msg_occasion_not_done,
                ReminderReason::Survey => s.occasions.msg_survey_not_done,
                _ => s.crm.msg_cadence_not_done,
            };
            model.warn(fill(why, &[("key", &key)]));
            Vec::new()
        }
    }
}

/// The key that runs `action` in this view, as the footer writes it.
fn key_for(model: &Model, action: Action) -> String {
    model
        .keymap
        .binding_for(&[Context::Reminders, Context::Global], action)
        .map(|b| keys_label(&b.keys, model.strings))
        .unwrap_or_else(|| model.strings.action(action.name()).to_string())
}

/// `c` on a row: the ticket of a callback reminder, or why not.
pub fn callback_ticket(model: &mut Model) -> Option<i64> {
    let s = model.strings;
    let Some(r) = model.screens.reminders().and_then(|v| v.selected()) else {
        model.warn(s.crm.msg_no_reminder.to_string());
        return None;
    };
    match (r.reason, r.ticket_id) {
        (ReminderReason::Callback, Some(id)) => Some(id),
        (reason, _) => {
            let label = reason_label(s, reason).to_lowercase();
            model.warn(fill(s.crm.msg_not_a_callback, &[("reason", &label)]));
            None
        }
    }
}

/// The list, or a reminder done, coming back.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    match msg {
        Msg::Reminders(agenda) => {
            if let Some(reminders) = model.screens.reminders_mut() {
                reminders.load(*agenda);
            }
            Vec::new()
        }
        Msg::ReminderDone(Ok(_)) => {
            model.say(s.crm.msg_reminder_done.to_string());
            super::reload(model)
        }
        Msg::ReminderDone(Err(why)) => {
            model.warn(fill(s.crm.msg_done_failed, &[("reason", &why)]));

            Vec::new()
        }
        _ => Vec::new(),
    }
}
