//! Results of effects, fed back in as messages.

use super::{follow, reload};
use crate::app::forms::customer;
use crate::app::model::{Detail, Model};
use crate::app::msg::{Effect, Msg, Saved};
use crate::app::panes::PaneId;
use crate::i18n::fill;

pub fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    match msg {
        Msg::Overview(overview) => {
            let overview = *overview;
            let height = model.list_height(PaneId::Customers);
            model.customers.load(overview.customers, overview.search, height);
            let mut effects = bell(model, &overview.queue);
            // While a view is selected the queue shows its tickets instead.
            if model.views.on_queue() {
                let height = model.list_height(PaneId::Queue);
                model.queue.load(overview.queue, height);
            }
            effects.push(super::views::after_queue_read(model));
            model.counts = overview.counts;
            model.known = crate::app::forms::picker::Known::new(overview.picks, s);
            super::pickers::reloaded(model);
            model.loaded = true;
            model.queue_loaded_at = model.now;
            select_saved(model);
            effects.extend(follow(model));
            return effects;
        }
        Msg::Queue(mut views, counts) => {
            let mut effects = bell(model, &views);
            // A view's tickets come with the views bar's read; a query's
            // tickets stay on screen: they are asked for again.
            if model.views.on_queue() && !model.queue.keep_aside(&mut views) {
                let height = model.list_height(PaneId::Queue);
                model.queue.load(views, height);
            }
            effects.extend(super::queue_query::again(model));
            model.counts = counts;
            effects.push(super::views::after_queue_read(model));
            return effects;
        }
        Msg::QueueHead(views) => {
            // Only until the whole queue arrives: a later head would show
            // less than the pane already has.
            if !model.loaded && model.views.on_queue() && model.queue.list.is_empty() {
                let height = model.list_height(PaneId::Queue);
                model.queue.load(views, height);
            }
        }
        Msg::Timeline(id, entries) => {
            let height = model.list_height(PaneId::Timeline);
            model.timeline.loaded(id, entries, height);
        }
        Msg::Card(loaded) => {
            if let Some(Detail::Card { id, card, .. }) = model.screens.detail_mut()
                && *id == loaded.customer.id
            {
                *card = Some(loaded);
            }
        }
        Msg::Ticket(loaded) => {
            if let Some(Detail::Ticket { id, detail, .. }) = model.screens.detail_mut()
                && *id == loaded.view.ticket.id
            {
                *detail = Some(loaded);
            }
        }
        Msg::CustomerForEdit(c) => {
            if model.screens.form().is_none() {
                super::records::open_form(model, customer::edit_customer(s, &c));
            }
        }
        Msg::Saved(saved) => return saved_one(model, saved),
        Msg::SaveFailed(failure) => return super::conflict::save_failed(model, failure),
        Msg::Current(current) => return super::conflict::loaded(model, current),
        Msg::LoadFailed(text) => {
            // A card or ticket that could not be read is not left empty.
            // Only that page goes: the ones under it stay to go back to.
            if model.screens.detail().is_some_and(Detail::is_empty) {
                model.screens.back_detail();
            }
            if let Some(reminders) = model.screens.reminders_mut() {
                reminders.failed();
            }
            model.warn(fill(s.msg_error, &[("why", &text)]));
        }
        Msg::EditorDone(Ok(text)) => {
            if let Some(form) = model.screens.form_mut() {
                form.set_focused(&text);
            }
        }
        Msg::EditorDone(Err(why)) => {
            if let Some(form) = model.screens.form_mut() {
                form.message = Some(fill(s.msg_editor_failed, &[("why", &why)]));
            }
        }
        Msg::DemoDone(Ok((customers, tickets))) => {
            model.say(fill(
                s.msg_demo_loaded,
                &[
                    ("customers", &s.customers_count.of(customers as i64, &[])),
                    ("tickets", &s.tickets_count.of(tickets as i64, &[])),
                ],
            ));
            return reload(model);
        }
        Msg::DemoDone(Err(why)) => model.warn(fill(s.msg_error, &[("why", &why)])),
        Msg::TriageCard(_) | Msg::TriageChanged(_) | Msg::TriageUndone(_) => {
            return super::triage::result(model, msg);
        }
        Msg::Reminders(_) | Msg::ReminderDone(_) => return super::reminders::result(model, msg),
        Msg::Macros(_) | Msg::MacroApplied(_) => return super::macros::result(model, msg),
        Msg::TagsInUse(_) => return super::tags::result(model, msg),
        Msg::Dashboard(..) | Msg::DashboardUnchanged(_) => return super::dashboard::result(model, msg),
        Msg::Quality(_)
        | Msg::MergeCounts(..)
        | Msg::Merged(_)
        | Msg::InactiveFound(..)
        | Msg::ArchivedInactive(..) => return super::quality::result(model, msg),
        Msg::Articles(..) => return super::knowledge::result(model, msg),
        Msg::Found { expr, all, result } => return super::queue_query::found(model, &expr, all, result),
        Msg::Views(_) => return super::views::result(model, msg),
        Msg::TicketMail(..)
        | Msg::OutboxCounts(_)
        | Msg::AttachmentSaved(_)
        | Msg::MailSent(_)
        | Msg::MailFetched(_) => {
            return super::mail::result(model, msg);
        }
        Msg::Key(_)
        | Msg::Paste(_)
        | Msg::Action(_)
        | Msg::Mouse(_)
        | Msg::Resize(..)
        | Msg::Tick(_)
        | Msg::ExternalChange
        | Msg::Continue
        | Msg::Redraw
        | Msg::Presence(..)
        | Msg::Reading(_)
        | Msg::Writing(_) => {}
    }
    Vec::new()
}

/// A form was saved: it closes, the change is announced, everything is read
/// again and the record saved is selected once it arrives.
fn saved_one(model: &mut Model, saved: Saved) -> Vec<Effect> {
    let s = model.strings;
    model.screens.take_form();
    let (text, select) = match &saved {
        Saved::CustomerAdded { id, code, name } => (
            fill(s.msg_customer_added, &[("code", code), ("name", name)]),
            Some((PaneId::Customers, *id)),
        ),
        Saved::CustomerSaved { code, .. } => (fill(s.msg_customer_saved, &[("code", code)]), None),
        Saved::TicketOpened { id } => (
            fill(s.msg_ticket_opened, &[("ticket", &id.to_string())]),
            Some((PaneId::Queue, *id)),
        ),
        Saved::TicketSaved { id } => (fill(s.msg_ticket_saved, &[("ticket", &id.to_string())]), None),
        Saved::Replied { ticket, by_mail } => {
            if *by_mail {
                let mut effects = super::mail::replied_by_mail(model, *ticket);
                effects.extend(reload(model));
                return effects;
            }
            (fill(s.msg_reply_recorded, &[("ticket", &ticket.to_string())]), None)
        }
        Saved::Noted { ticket } => (fill(s.msg_note_added, &[("ticket", &ticket.to_string())]), None),
        Saved::Logged { .. } => (s.msg_logged.to_string(), None),
        Saved::InteractionEdited { id } => (fill(s.editing.interaction_saved, &[("id", &id.to_string())]), None),
        Saved::OrderAdded { .. }
        | Saved::OrderCorrected { .. }
        | Saved::CallbackDone { .. }
        | Saved::SurveyAdded { .. }
        | Saved::ReminderAdded { .. } => return super::crm::saved(model, saved),
        Saved::ArticleAdded { .. } => return super::knowledge::saved(model, saved),
    };
    model.say(crate::domain::text::sanitize_line(&text).into_owned());
    if let Some((pane, id)) = select {
        model.select_after_load = Some((pane, id));
        if model.screens.detail().is_none() {
            model.focus = pane;
        }
    }
    reload(model)
}

/// After a save, selects the saved record once a reload shows it. A reload
/// already under way when the save was made (background reads overlap
/// saves) predates the record and cannot show it: the wish then waits for
/// the reload the save asked for. Ids only grow, so rows whose newest id is
/// below the record's were read before it existed.
fn select_saved(model: &mut Model) {
    let Some((pane, id)) = model.select_after_load else {
        return;
    };
    let height = model.list_height(pane);
    let (found, newest) = match pane {
        PaneId::Customers => (
            model.customers.list.select_id(id, height),
            model.customers.list.newest_id(),
        ),
        PaneId::Queue => (model.queue.list.select_id(id, height), model.queue.list.newest_id()),
        PaneId::Timeline => (false, Some(id)),
    };
    let predates = newest.is_none_or(|newest| newest < id);
    if found || !predates {
        model.select_after_load = None;
    }
}

/// Notes tickets newly at risk or breached; the bell rings for them when
/// the config asks for it.
fn bell(model: &mut Model, views: &[crate::service::tickets::TicketView]) -> Vec<Effect> {
    if model.alerts.observe(views) && model.bell {
        vec![Effect::Bell]
    } else {
        Vec::new()
    }
}
