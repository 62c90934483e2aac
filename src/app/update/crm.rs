//! Relationship actions: an order, a callback then its survey, a survey on
//! its own, a manual reminder; and what their saves bring back.

use super::records::{open_form, target_customer, target_ticket};
use crate::app::action::Action;
use crate::app::forms::{Form, crm};
use crate::app::model::{Detail, Model};
use crate::app::msg::{Effect, Saved};
use crate::app::panes::PaneId;
use crate::app::screens::Kind;
use crate::domain::enums::Direction;
use crate::i18n::fill;

pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    match action {
        Action::Reminders => return super::reminders::enter(model),
        Action::ReminderDone => {
            if model.screens.view_kind() == Kind::Reminders {
                return super::reminders::done(model);
            }
            model.warn(fill(s.msg_not_in_this_view, &[("action", s.action(action.name()))]));
        }
        Action::Callback => callback(model),
        Action::CorrectOrder => {
            if model.screens.triage().is_some() {
                model.warn(fill(s.msg_not_in_this_view, &[("action", s.action(action.name()))]));
                return Vec::new();
            }
            open_form(model, crm::correct_order(s, order_in_view(model)));
        }
        Action::AddOrder | Action::Survey | Action::AddReminder => {
            if model.screens.triage().is_some() {
                model.warn(fill(s.msg_not_in_this_view, &[("action", s.action(action.name()))]));
                return Vec::new();
            }
            let Some(c) = target_customer(model) else {
                model.warn(s.msg_select_customer.to_string());
                return Vec::new();
            };
            let form = match action {
                Action::AddOrder => crm::order(s, &c.code, &c.name),
                Action::Survey => crm::survey(s, &c.code, &c.name, ticket_in_view(model, c.id)),
                _ => crm::reminder(s, &c.code, &c.name, ticket_in_view(model, c.id)),
            };
            open_form(model, form);
        }
        _ => {}
    }
    Vec::new()
}

/// The newest order on the customer card in view: the one a correction is
/// most likely about.
fn order_in_view(model: &Model) -> Option<i64> {
    match model.screens.detail() {
        Some(Detail::Card { card: Some(card), .. }) => card.orders.first().map(|o| o.order.id),
        _ => None,
    }
}

/// The ticket on screen when it is this customer's: a survey or reminder
/// is about it unless the user clears the field.
fn ticket_in_view(model: &Model, customer_id: i64) -> Option<i64> {
    if let (Some(r), None) = (
        model.screens.reminders().and_then(|v| v.selected()),
        model.screens.detail(),
    ) {
        return r.ticket_id;
    }
    match model.screens.detail() {
        Some(Detail::Ticket { detail: Some(d), .. }) if d.view.ticket.customer_id == customer_id => {
            Some(d.view.ticket.id)
        }
        Some(_) => None,
        None if model.focus == PaneId::Customers => None,
        None => target_ticket(model)
            .filter(|t| t.customer_id == customer_id)
            .map(|t| t.id),
    }
}

/// `c`: the callback form on a resolved or closed ticket. An open one is
/// refused here, saying why; a ticket known only by number (a timeline
/// entry, a reminder) is left to the service to check. In triage, the
/// card's ticket when its callback is due.
fn callback(model: &mut Model) {
    let s = model.strings;
    if let Some(triage) = model.screens.triage() {
        if let Some(id) = triage.ticket_id().filter(|_| triage.offers(Action::Callback)) {
            open_form(model, crm::callback(s, id));
        } else {
            super::triage::apply(model, Action::Callback);
        }
        return;
    }
    let id = if model.screens.view_kind() == Kind::Reminders {
        match super::reminders::callback_ticket(model) {
            Some(id) => id,
            None => return,
        }
    } else if let Some(t) = target_ticket(model) {
        if t.status.is_open() {
            model.warn(fill(
                s.crm.msg_callback_open,
                &[("ticket", &t.id.to_string()), ("status", s.status(t.status))],
            ));
            return;
        }
        t.id
    } else {
        let entry = (model.screens.detail().is_none() && model.focus == PaneId::Timeline)
            .then(|| model.timeline.selected().and_then(|e| e.ticket_id))
            .flatten();
        match entry {
            Some(id) => id,
            None => {
                model.warn(s.msg_select_ticket.to_string());
                return;
            }
        }
    };
    open_form(model, crm::callback(s, id));
}

/// The log form opened from the Reminders view is about reaching out: it
/// starts as an outbound contact, the kind that ends a keep-in-touch
/// reminder. It is what the form opens with, not a change the user typed.
pub fn outbound(form: &mut Form) {
    if let Some(field) = form.fields.iter_mut().find(|f| f.key == "direction") {
        field.input.set(Direction::Outbound.key());
        field.initial = Direction::Outbound.key().to_string();
    }
}

/// A relationship save came back: it is announced and everything is read
/// again; a callback leads straight to its survey.
pub fn saved(model: &mut Model, saved: Saved) -> Vec<Effect> {
    let s = model.strings;
    model.screens.take_form();
    match saved {
        Saved::OrderAdded { code, amount_cents } => {
            let amount = crate::app::format::money(amount_cents);
            model.say(fill(s.crm.msg_order_added, &[("amount", &amount), ("customer", &code)]));
        }
        Saved::OrderCorrected {
            order,
            kind,
            amount_cents,
            net_cents,
        } => {
            let (amount, net) = (
                crate::app::format::money(amount_cents),
                crate::app::format::money(net_cents),
            );
            model.say(fill(
                s.crm.msg_order_corrected,
                &[
                    ("order", &order.to_string()),
                    ("correction", s.crm.correction(kind.key()).unwrap_or(kind.key())),
                    ("amount", &amount),
                    ("net", &net),
                ],
            ));
        }
        Saved::CallbackDone { ticket, code, name } => {
            model.say(fill(s.crm.msg_callback_done, &[("ticket", &ticket.to_string())]));
            // In triage the callback is the card's decision: the run moves on.
            if model.screens.triage().is_some() {
                model.triage_run.pass(ticket, true);
            }

            open_form(model, crm::survey(s, &code, &name, Some(ticket)));
        }
        Saved::SurveyAdded { low } => {
            let text = if low {
                s.crm.msg_survey_low
            } else {
                s.crm.msg_survey_added
            };
            model.say(text.to_string());
        }
        Saved::ReminderAdded { .. } => model.say(s.crm.msg_reminder_added.to_string()),
        _ => {}
    }
    if let Some(message) = &mut model.message {
        message.text = crate::domain::text::sanitize_line(&message.text).into_owned();
    }
    super::reload(model)
}
