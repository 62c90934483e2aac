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

/// A customer's timeline, newest first; `limit` 0 means all of it.
pub fn timeline(store: &mut Store, key: &str, limit: usize) -> Result<Vec<TimelineEntry>, Error> {
    store.read(|tx| {
        let customer = tx.customer_by_key(key)?;
        Ok(tx.timeline(customer.id, if limit == 0 { usize::MAX } else { limit })?)
    })
}
