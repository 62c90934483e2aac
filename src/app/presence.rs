//! Who else has the ticket on screen open. While a ticket page or a triage
//! card is open the driver beats for it on every tick (the service writes at
//! most once per `REFRESH`, as every commit wakes the other agents' screens)
//! and reads the other agents whose heartbeat has not expired; leaving the
//! ticket, moving on to another or quitting says so at once.

use super::doc::{Doc, piece};
use super::model::{Detail, Model};
use super::msg::Effect;
use crate::app::theme::Role;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct Presence {
    /// The ticket this agent is announced on.
    pub ticket: Option<i64>,
    /// The other agents with it open, as last read.
    pub others: Vec<String>,
    /// The time of the last tick: heartbeats are stamped with it, so a fixed
    /// `--now` (tests) still lets heartbeats age as ticks come.
    pub clock: DateTime<Utc>,
}

impl Presence {
    pub fn new(now: DateTime<Utc>) -> Presence {
        Presence {
            ticket: None,
            others: Vec::new(),
            clock: now,
        }
    }
}

/// The ticket this agent has open now: the triage card, or the ticket page.
pub fn watched(model: &Model) -> Option<i64> {
    if model.quit {
        return None;
    }
    if let Some(triage) = model.screens.triage() {
        return triage.ticket_id();
    }
    match model.screens.detail() {
        Some(Detail::Ticket { id, .. }) => Some(*id),
        _ => None,
    }
}

/// After every change of the model: leaving a ticket removes our heartbeat
/// and opening one beats for it at once, so others see us without waiting
/// for a tick.
pub fn follow(model: &mut Model) -> Vec<Effect> {
    let now = watched(model);
    if now == model.presence.ticket {
        return Vec::new();
    }
    let mut effects = Vec::new();
    if let Some(left) = model.presence.ticket {
        effects.push(Effect::LeaveTicket(left));
    }
    model.presence.ticket = now;
    if !model.presence.others.is_empty() {
        model.presence.others.clear();
        model.dirty = true;
    }
    if let Some(id) = now {
        effects.push(Effect::BeatTicket(id, model.presence.clock));
    }
    effects
}

/// On every tick: the heartbeat for the ticket open, and a fresh look at
/// who else is on it.
pub fn tick(model: &mut Model, now: DateTime<Utc>) -> Vec<Effect> {
    model.presence.clock = now;
    model
        .presence
        .ticket
        .map(|id| Effect::BeatTicket(id, now))
        .into_iter()
        .collect()
}

/// The others on `ticket` as read back; the screen is drawn again only when
/// the list changed.
pub fn seen(model: &mut Model, ticket: i64, others: Vec<String>) {
    if model.presence.ticket == Some(ticket) && model.presence.others != others {
        model.presence.others = others;
        model.dirty = true;
    }
}

/// "● Also open: li.na, wang" at the top of the ticket page or triage card,
/// in the at-risk colour so two agents do not answer the same customer.
pub fn banner(doc: &mut Doc, model: &Model, ticket: i64) {
    let p = &model.presence;
    if p.ticket != Some(ticket) || p.others.is_empty() {
        return;
    }
    let names = p.others.iter().map(|a| sanitize_line(a)).collect::<Vec<_>>().join(", ");
    doc.push(vec![piece(
        fill(model.strings.care.also_open, &[("agents", &names)]),
        Role::AtRisk,
    )]);
}
