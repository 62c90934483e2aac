//! `update(model, msg) -> effects`: the only place the model changes. It
//! never waits on the store or the terminal; what it needs from them it asks
//! for as effects, whose results come back as messages.

mod actions;
mod conflict;
mod crm;
mod dashboard;
mod drafts;
mod input;
mod knowledge;
mod macros;
mod mail;
mod navigation;
mod pickers;
mod quality;
mod queue_query;
mod records;
mod reminders;
mod results;
mod tags;
mod triage;
mod views;

use super::layout;
use super::model::Model;
use super::msg::{Effect, Msg};
use super::panes::PaneId;
use super::saves;
use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

/// How often the queue is re-evaluated so SLA states move on (the
/// countdowns themselves move every tick).
const QUEUE_REFRESH_SECONDS: i64 = 60;

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut effects = saves::handle(model, msg, dispatch);
    effects.extend(saves::reopen(model, dispatch));
    saves::sending(model, &mut effects);
    effects.extend(crate::app::presence::follow(model));
    effects
}

fn dispatch(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // Ticks and heartbeats come every second: they redraw only what moved.
    if !matches!(msg, Msg::Tick(_) | Msg::Presence(..)) {
        model.dirty = true;
    }
    match msg {
        Msg::Key(key) => input::key(model, key),
        Msg::Paste(text) => input::paste(model, &text),
        Msg::Action(action) => actions::apply(model, action),
        Msg::Mouse(mouse) => input::mouse(model, mouse),
        Msg::Resize(width, height) => {
            model.area = Rect::new(0, 0, width, height);
            clamp_cursors(model);
            Vec::new()
        }
        Msg::Tick(now) => tick(model, now),
        Msg::ExternalChange => reload(model),
        Msg::Continue => {
            navigation::step_palette(model, palette_height(model.area));
            if pickers::step(model) {
                return Vec::new();
            }
            let height = model.list_height(PaneId::Customers);
            if model.customers.step(height) {
                follow(model)
            } else {
                Vec::new()
            }
        }
        Msg::Redraw => Vec::new(),
        Msg::Presence(ticket, others) => {
            crate::app::presence::seen(model, ticket, others);
            Vec::new()
        }
        Msg::Reading(reading) => {
            model.reading = reading;
            Vec::new()
        }
        Msg::Writing(writing) => {
            model.saves.writing = writing;
            Vec::new()
        }
        other => results::handle(model, other),
    }
}

fn tick(model: &mut Model, now: DateTime<Utc>) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(message) = &mut model.message {
        message.ticks_left = message.ticks_left.saturating_sub(1);
        if message.ticks_left == 0 {
            model.message = None;
            model.dirty = true;
        }
    }
    // Heartbeats age with the ticks even when `--now` holds the clock.
    effects.extend(crate::app::presence::tick(model, now));
    // So does the mail timer: it counts real time, not the shown clock.
    effects.extend(mail::tick(model, now));
    if model.session.clock_fixed {
        return effects;
    }
    model.now = now;
    // Countdowns are on screen: they move every second.
    if !model.queue.list.is_empty() || matches!(model.screens.detail(), Some(super::model::Detail::Ticket { .. })) {
        model.dirty = true;
    }
    if model.loaded && (now - model.queue_loaded_at).num_seconds() >= QUEUE_REFRESH_SECONDS {
        model.queue_loaded_at = now;
        effects.push(Effect::LoadQueue);
    }
    effects.extend(dashboard::tick(model));
    effects
}

/// Back from a screen that only reads (the dashboard, the reminders) to the
/// panes as they were. Nothing under them is stale: another agent's write
/// reads them again wherever the agent is (`Msg::ExternalChange`), and so
/// does each save of this one. Only time moved: the queue's clocks are read
/// again. A whole reload here read every customer a second time while the
/// first copy was still held, the TUI's peak memory on a large file.
fn back_to_panes(model: &mut Model) -> Vec<Effect> {
    model.screens.leave_screen();
    vec![Effect::LoadQueue]
}

/// Everything shown is read again (another agent wrote, or `refresh`);
/// cursors, filters and an open form stay as they are. The dashboard's
/// slow figures wait their turn (see `dashboard::changed_elsewhere`).
fn reload(model: &mut Model) -> Vec<Effect> {
    // Before the first overview the queue's most urgent tickets are read
    // alone, first: its rows are what an agent starts on, and need not wait
    // for every active ticket's clocks and every customer (the worker reads
    // in the order asked; the overview brings the whole queue after).
    let mut effects = if model.loaded {
        Vec::new()
    } else {
        vec![Effect::LoadQueueHead]
    };
    effects.push(Effect::LoadOverview);
    if let Some(id) = model.timeline.customer_id() {
        effects.push(Effect::LoadTimeline(id));
    }
    match model.screens.detail() {
        Some(super::model::Detail::Card { id, .. }) => effects.push(Effect::LoadCard(*id)),
        Some(super::model::Detail::Ticket { id, .. }) => effects.push(Effect::LoadTicket(*id)),
        None => {}
    }
    // The card on screen stays on screen; it is only read again.
    if let Some(triage) = model.screens.triage() {
        effects.push(match triage.ticket_id() {
            Some(id) => Effect::ReloadTriage(id, model.triage_run.passed.clone()),
            None => Effect::LoadTriage(model.triage_run.passed.clone()),
        });
    }
    if let Some(reminders) = model.screens.reminders() {
        effects.push(Effect::LoadReminders(reminders.ask));
    }
    effects.extend(quality::reload_effects(model));
    effects.extend(knowledge::reload_effects(model));
    effects.extend(dashboard::changed_elsewhere(model));
    effects.push(Effect::LoadOutboxCounts);
    effects
}

/// Makes the timeline show the customer selected in the focused pane.
fn follow(model: &mut Model) -> Vec<Effect> {
    let target = match model.focus {
        PaneId::Customers => model.customers.selected().map(|c| (c.id, c.name.clone())),
        PaneId::Queue => model
            .queue
            .selected()
            .map(|v| (v.ticket.customer_id, v.ticket.customer_name.clone())),
        PaneId::Timeline => None,
    };
    match target {
        Some((id, name)) if model.timeline.customer_id() != Some(id) => {
            model.timeline.follow(id, &name);
            vec![Effect::LoadTimeline(id)]
        }
        _ => Vec::new(),
    }
}

fn clamp_cursors(model: &mut Model) {
    for pane in PaneId::ALL {
        let height = model.list_height(pane);
        let (cursor, len) = model.cursor_mut(pane);
        cursor.clamp(len, height);
    }
    if let Some(palette) = model.screens.palette_mut() {
        let len = palette.list.len();
        palette.list.cursor.clamp(len, palette_height(model.area));
    }
    knowledge::clamp(model);
}

/// Rows of the palette's list.
fn palette_height(area: Rect) -> usize {
    let body = layout::screen(area, PaneId::Customers, None).body;
    usize::from(layout::palette_area(body).height.saturating_sub(3))
}

#[cfg(test)]
pub(crate) mod tests;
