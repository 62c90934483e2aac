//! Actions on records — new, edit, reply, note, log, assign, priority,
//! status — aimed at what is open or selected, and the form keys.

use crate::app::action::Action;
use crate::app::forms::{FieldKind, Form, FormKind, contact, customer, ticket};
use crate::app::help::keys_label;
use crate::app::keymap::Context;
use crate::app::model::{Detail, Model};
use crate::app::msg::Effect;
use crate::app::navigation::LineTarget;
use crate::app::panes::PaneId;
use crate::app::screens::Kind;
use crate::domain::ticket::Ticket;
use crate::i18n::fill;
use crate::service::triage::Seen;

/// A customer an action is aimed at: id, code and name.
pub(super) struct Target {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// The ticket on screen: the open ticket page, the queue's selection, or
/// the ticket of the selected timeline entry.
pub(super) fn target_ticket(model: &Model) -> Option<Ticket> {
    // A page opened over triage (its customer, one of their tickets) is
    // what is on screen, not the triage card under it.
    match model.screens.detail() {
        Some(Detail::Ticket { detail, .. }) => return detail.as_ref().map(|d| d.view.ticket.clone()),
        Some(Detail::Card { .. }) => return None,
        None => {}
    }
    if let Some(triage) = model.screens.triage() {
        return triage.card.as_ref().map(|c| c.view.ticket.clone());
    }
    // A reminder names a ticket by number only; its actions load it. The
    // Data quality view is about customers only.
    if model.screens.reminders().is_some() || model.screens.quality().is_some() {
        return None;
    }
    match model.focus {
        PaneId::Queue => model.queue.selected().map(|v| v.ticket.clone()),
        PaneId::Timeline => {
            let id = model.timeline.selected()?.ticket_id?;
            model.queue.ticket(id).map(|v| v.ticket.clone())
        }
        PaneId::Customers => None,
    }
}

/// The customer on screen: the open card or ticket's customer, else the
/// one the timeline follows (the last one selected in a pane), or the
/// selected reminder's.
pub(super) fn target_customer(model: &Model) -> Option<Target> {
    match model.screens.detail() {
        Some(Detail::Card { card: Some(card), .. }) => {
            let c = &card.customer;
            return Some(Target {
                id: c.id,
                code: c.code.clone(),
                name: c.name.clone(),
            });
        }
        Some(Detail::Ticket { detail: Some(d), .. }) => {
            let t = &d.view.ticket;
            return Some(Target {
                id: t.customer_id,
                code: t.customer_code.clone(),
                name: t.customer_name.clone(),
            });
        }
        Some(_) => return None,
        None => {}
    }
    if let Some(reminders) = model.screens.reminders() {
        let r = reminders.selected()?;
        return Some(Target {
            id: r.customer_id?,
            code: r.customer_code.clone(),
            name: r.customer_name.clone(),
        });
    }
    if let Some(quality) = model.screens.quality() {
        let c = quality.selected_customer()?;
        return Some(Target {
            id: c.id,
            code: c.code.clone(),
            name: c.name.clone(),
        });
    }
    // The timeline follows the last selection in either list, so outside
    // the customer list it names the customer in view.
    let id = match model.focus {
        PaneId::Customers => model.customers.selected().map(|c| c.id),
        PaneId::Queue | PaneId::Timeline => model
            .timeline
            .customer_id()
            .or_else(|| model.customers.selected().map(|c| c.id)),
    }?;
    let row = model.customers.list.by_id(id)?;
    Some(Target {
        id,
        code: row.code.clone(),
        name: row.name.clone(),
    })
}

pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    let form = match action {
        Action::New => return new(model),
        Action::Edit => return edit(model),
        Action::Log => target_customer(model).map(|c| {
            let ticket = target_ticket(model).filter(|t| t.customer_id == c.id).map(|t| t.id);
            let mut form = contact::log(s, &c.code, &c.name, ticket);
            if model.screens.view_kind() == Kind::Reminders {
                super::crm::outbound(&mut form);
            }
            form
        }),
        _ => {
            let Some(t) = target_ticket(model) else {
                model.warn(s.msg_select_ticket.to_string());
                return Vec::new();
            };
            // With marks in the queue, assign, priority and status change them all.
            let marked = &model.queue.marked;
            model.bulk = (model.screens.triage().is_none()
                && model.screens.detail().is_none()
                && model.focus == PaneId::Queue
                && !marked.is_empty()
                && matches!(action, Action::Assign | Action::Priority | Action::Status))
            .then(|| marked.iter().copied().collect());
            match action {
                Action::Reply => {
                    let mut form = contact::reply(s, &t);
                    crate::app::forms::send_choice::add(&mut form, super::mail::sends_by_default(model, &t));
                    Some(form)
                }
                Action::Note => Some(contact::note(s, &t)),
                Action::Assign => Some(ticket::edit_ticket(s, &t, ticket::Edit::Assignee)),
                Action::Priority => Some(ticket::edit_ticket(s, &t, ticket::Edit::Priority)),
                _ => Some(ticket::edit_ticket(s, &t, ticket::Edit::Status)),
            }
        }
    };
    match form {
        Some(mut form) => {
            if let Some(ids) = &model.bulk {
                form.title = s.triage.bulk_title.of(ids.len() as i64, &[("form", &form.title)]);
            }
            open_form(model, form)
        }
        None => model.warn(s.msg_select_customer.to_string()),
    }
    Vec::new()
}

/// Every form opens here: on the field the view it was opened from is
/// about, or its draft if one was kept.
pub(super) fn open_form(model: &mut Model, form: Form) {
    let form = match view_field(model, &form) {
        Some(key) => form.about(key),
        None => form,
    };
    super::drafts::open(model, form);
}

/// The field the screen under the form is about, when the form edits the
/// record on screen: a Data quality row missing contact details is about
/// the phone.
fn view_field(model: &Model, form: &Form) -> Option<&'static str> {
    let FormKind::EditCustomer { id, .. } = form.kind else {
        return None;
    };
    if model.screens.detail().is_some() {
        return None;
    }
    let (row_customer, key) = model.screens.quality()?.selected_field()?;
    (row_customer == id).then_some(key)
}

/// `n`: a customer in the customer list, a ticket in the queue (or on a
/// card or ticket page), an interaction in the timeline.
fn new(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    let in_detail = model.screens.detail().is_some();
    let form = match (in_detail, model.focus) {
        (false, PaneId::Customers) => Some(customer::new_customer(s)),
        (false, PaneId::Timeline) => target_customer(model).map(|c| contact::log(s, &c.code, &c.name, None)),
        _ => {
            let code = target_customer(model).map(|c| c.code).unwrap_or_default();
            Some(ticket::new_ticket(s, &code))
        }
    };
    match form {
        Some(form) => open_form(model, form),
        None => model.warn(s.msg_select_customer.to_string()),
    }
    Vec::new()
}

/// `e`: the customer or the ticket on screen. A customer from the list is
/// read whole first; the form opens when it arrives.
fn edit(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    if model.screens.triage().is_some() && model.screens.detail().is_none() {
        if let Some(t) = target_ticket(model) {
            open_form(model, ticket::edit_ticket(s, &t, ticket::Edit::All));
        }
        return Vec::new();
    }
    match model.screens.detail() {
        Some(Detail::Card { card: Some(card), .. }) => {
            let form = customer::edit_customer(s, &card.customer);
            open_form(model, form);
            return Vec::new();
        }
        Some(Detail::Ticket { detail: Some(d), .. }) => {
            // On a line of its history, `e` edits that interaction's text;
            // anywhere else on the page, the ticket.
            if let Some(LineTarget::Interaction(id)) = super::navigation::selected_target(model) {
                return super::navigation::edit_interaction(model, id);
            }
            let form = ticket::edit_ticket(s, &d.view.ticket, ticket::Edit::All);
            open_form(model, form);
            return Vec::new();
        }
        Some(_) => return Vec::new(),
        None => {}
    }
    if model.focus == PaneId::Queue && model.screens.quality().is_none() {
        if let Some(t) = target_ticket(model) {
            open_form(model, ticket::edit_ticket(s, &t, ticket::Edit::All));
        }
        return Vec::new();
    }
    let on_timeline = model.screens.quality().is_none() && model.screens.reminders().is_none();
    if model.focus == PaneId::Timeline && on_timeline {
        // A line of the timeline is what `e` edits there: an interaction's
        // text; a ticket event is history.
        match model.timeline.selected() {
            Some(e) if e.source == "interaction" => {
                let form = contact::edit_interaction(s, e.id, &e.summary);
                open_form(model, form);
            }
            Some(_) => model.warn(s.editing.not_editable.to_string()),
            None => {}
        }
        return Vec::new();
    }
    match target_customer(model) {
        Some(c) => vec![Effect::LoadCustomerForEdit(c.id)],
        None => {
            model.warn(s.msg_select_customer.to_string());
            Vec::new()
        }
    }
}

pub fn form_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(form) = model.screens.form_mut() else {
        return Vec::new();
    };
    // Only Submit saves: Enter, Tab and ↓ move on and stop at the last
    // field, so no run of movement keys sends a reply by accident.
    match action {
        Action::NextField if form.is_last() => {
            // Checked as if left, so a bad value shows before the save.
            form.move_focus(0);
            let s = model.strings;
            let keys = model.keymap.binding_for(&[Context::Form], Action::Submit).map_or_else(
                || s.action(Action::Submit.name()).to_string(),
                |b| keys_label(&b.keys, s),
            );
            model.say(fill(s.forms.last_field, &[("key", &keys)]));

            return Vec::new();
        }
        Action::NextField => form.move_focus(1),
        Action::PrevField => form.move_focus(-1),
        Action::Editor => {
            return match form.focused() {
                Some(field) if !matches!(field.kind, FieldKind::Choice(_)) => {
                    vec![Effect::OpenEditor(field.value().to_string())]
                }
                _ => Vec::new(),
            };
        }
        Action::Submit => return submit(model),
        _ => {}
    }
    Vec::new()
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    // A form from a page over the triage card saves as usual: only the
    // card's own edits are triage decisions.
    let in_triage = model.screens.triage().is_some() && model.screens.detail().is_none();
    let Some(form) = model.screens.form_mut() else {
        return Vec::new();
    };
    if !form.validate_all() {
        form.message = Some(s.msg_fix_fields.to_string());
        return Vec::new();
    }
    if let Some(effect) = crate::app::forms::attachment::effect(form) {
        return vec![effect];
    }
    if let (Some(ids), crate::app::forms::FormKind::EditTicket { .. }) = (&model.bulk, form.kind) {
        // Every marked ticket gets what the form shows, changed from the
        // selected one's values or not.
        let shown = |key: &str| {
            form.fields
                .iter()
                .any(|f| f.key == key)
                .then(|| form.value(key).to_string())
        };
        let changes = crate::service::tickets::TicketChanges {
            priority: shown("priority"),
            status: shown("status"),
            assignee: shown("assignee"),
            department: shown("department"),
            category: shown("category"),
            subject: shown("subject"),
            kind: shown("kind"),
            description: shown("description"),
            resolution: shown("resolution"),
            add_tags: ticket::typed_tags(form, "add-tag"),
            remove_tags: ticket::typed_tags(form, "remove-tag"),
        };
        // An empty tags form changes nothing: no step to undo, no marks.
        if changes == crate::service::tickets::TicketChanges::default() {
            model.screens.take_form();
            model.bulk = None;
            model.say(s.msg_nothing_changed.to_string());
            return Vec::new();
        }
        let text = s.triage.bulk_changed.of(ids.len() as i64, &[]);
        // Each at the version the queue showed it: marks are dropped when a
        // ticket leaves the queue, so every marked ticket is there.
        let seen = ids
            .iter()
            .filter_map(|id| model.queue.ticket(*id))
            .map(|v| Seen {
                id: v.ticket.id,
                version: v.ticket.version,
            })
            .collect();
        return vec![Effect::TriageChange(seen, Box::new(changes), text)];
    }
    match form.submission() {
        // On the triage screen an edit is a decision: undoable, and it moves on.
        Some(crate::app::forms::Submission::EditTicket { id, version, changes }) if in_triage => {
            let text = fill(
                s.triage.decided,
                &[("ticket", &id.to_string()), ("decision", &form.title)],
            );
            super::triage::sent_from_form(model);
            vec![Effect::TriageChange(
                vec![Seen { id, version }],
                Box::new(changes),
                text,
            )]
        }
        Some(submission) => vec![Effect::Save(Box::new(submission))],
        None => {
            model.screens.take_form();
            model.bulk = None;
            model.say(s.msg_nothing_changed.to_string());
            Vec::new()
        }
    }
}
