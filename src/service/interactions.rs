//! Logging contacts with a customer, and the customer's timeline.

use super::{Ctx, Error, tickets};
use crate::domain::enums::{Channel, Direction};
use crate::domain::error::Invalid;
use crate::domain::interaction::{Interaction, TimelineEntry};
use crate::domain::validate::{self, TEXT_MAX};
use crate::store::Store;

/// Raw input of `log`.
#[derive(Debug, Clone, Default)]
pub struct LogInput {
    pub customer: String,
    pub channel: String,
    pub direction: Option<String>,
    pub summary: String,
    pub ticket: Option<i64>,
    pub at: Option<String>,
}

pub fn log(store: &mut Store, ctx: &Ctx, input: &LogInput) -> Result<Interaction, Error> {
    let channel: Channel = input.channel.parse()?;
    let direction: Direction = input.direction.as_deref().map_or(Ok(Direction::Inbound), str::parse)?;
    let summary = validate::required("summary", &input.summary, TEXT_MAX)?;
    let at = match &input.at {
        Some(t) => ctx.parse_time("at", t)?,
        None => ctx.now,
    };
    // A contact logged ahead would answer a ticket before it happened and pin
    // the customer to the top of "last contact".
    if at > ctx.now {
        return Err(Invalid::new(
            "at",
            input.at.clone().unwrap_or_default(),
            crate::domain::error::Reason::InFuture { today: None },
        )
        .into());
    }
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        if let Some(ticket_id) = input.ticket {
            let ticket = tickets::ticket_of(tx, &customer, ticket_id)?;
            return tickets::record_contact(tx, ctx, &ticket, channel, direction, &summary, at);
        }
        let mut i = Interaction {
            id: 0,
            customer_id: customer.id,
            ticket_id: None,
            at,
            channel,
            direction,
            agent: ctx.agent.clone(),
            summary: summary.clone(),
            body: String::new(),
        };
        i.id = tx.insert_interaction(&i, None)?;
        if direction != Direction::Note {
            tx.touch_customer(customer.id, at)?;
            // Contacts feed the churn warnings and the "churned" stage.
            super::segments::recompute(tx, ctx, customer.id)?;
        }
        Ok(i)
    })
}

/// New text for a recorded interaction; `None` keeps that part.
#[derive(Debug, Clone, Default)]
pub struct InteractionEdit {
    pub summary: Option<String>,
    pub body: Option<String>,
}

/// Corrects what an interaction says (a typo, a wrong figure): only its
/// text changes, each changed part audited with its old value, so the
/// record of what was said stays traceable.
pub fn edit(store: &mut Store, ctx: &Ctx, id: i64, edit: &InteractionEdit) -> Result<Interaction, Error> {
    let summary = edit
        .summary
        .as_deref()
        .map(|v| validate::required("summary", v, TEXT_MAX))
        .transpose()?;
    let body = edit
        .body
        .as_deref()
        .map(|v| validate::text("body", v, TEXT_MAX))
        .transpose()?;
    store.write(|tx| {
        let mut i = tx.interaction(id)?;
        let mut changed = false;
        for (field, slot, new) in [("summary", &mut i.summary, &summary), ("body", &mut i.body, &body)] {
            if let Some(new) = new
                && slot != new
            {
                ctx.audit(tx, "interaction", id, field, Some(slot.clone()), Some(new.clone()))?;
                *slot = new.clone();
                changed = true;
            }
        }
        if changed {
            tx.update_interaction_text(id, &i.summary, &i.body)?;
        }
        Ok(i)
    })
}

/// An interaction with its audit trail, oldest change first.
pub fn get(store: &mut Store, id: i64) -> Result<(Interaction, Vec<crate::domain::audit::AuditEntry>), Error> {
    store.read(|tx| Ok((tx.interaction(id)?, tx.audit_for("interaction", id)?)))
}

/// A customer's timeline, newest first; `limit` 0 means all of it.
pub fn timeline(store: &mut Store, key: &str, limit: usize) -> Result<Vec<TimelineEntry>, Error> {
    store.read(|tx| {
        let customer = tx.customer_by_key(key)?;
        Ok(tx.timeline(customer.id, if limit == 0 { usize::MAX } else { limit })?)
    })
}
