//! Who else has a ticket open, by heartbeat (for the TUI's "also viewing").
//!
//! A TUI calls [`beat`] on every tick while a ticket is open and [`leave`]
//! when it closes it; [`others_on`] lists the other agents whose heartbeat
//! is younger than [`EXPIRY`]. A killed terminal never leaves, so its row
//! simply expires. `ctx.now` is the heartbeat time: pass a fresh one.

use super::{Ctx, Error};
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};

/// A heartbeat older than this means the agent has gone.
pub const EXPIRY: Duration = Duration::seconds(30);
/// A heartbeat younger than this is not rewritten: every commit wakes the
/// other agents' TUIs (`PRAGMA data_version`), so calling [`beat`] on every
/// tick must not write on every tick.
pub const REFRESH: Duration = Duration::seconds(10);

const TICKET: &str = "ticket";

/// Records that `ctx.agent` has ticket `ticket_id` open. Cheap to call often:
/// it writes at most once per [`REFRESH`].
pub fn beat(store: &mut Store, ctx: &Ctx, ticket_id: i64) -> Result<(), Error> {
    let fresh = |last: Option<DateTime<Utc>>| last.is_some_and(|t| t <= ctx.now && ctx.now - t < REFRESH);
    if fresh(store.read(|tx| tx.presence_beat(TICKET, ticket_id, &ctx.agent))?) {
        return Ok(());
    }
    store.write(|tx| {
        // Fails with NotFound for a ticket that does not exist.
        tx.ticket(ticket_id)?;
        tx.prune_presence(ctx.now - EXPIRY)?;
        tx.put_presence(TICKET, ticket_id, &ctx.agent, ctx.now)?;
        Ok(())
    })
}

/// The other agents with ticket `ticket_id` open, by name.
pub fn others_on(store: &mut Store, ctx: &Ctx, ticket_id: i64) -> Result<Vec<String>, Error> {
    let mut agents = store.read(|tx| tx.present_since(TICKET, ticket_id, ctx.now - EXPIRY))?;
    agents.retain(|a| *a != ctx.agent);
    Ok(agents)
}

/// Records that `ctx.agent` closed ticket `ticket_id`.
pub fn leave(store: &mut Store, ctx: &Ctx, ticket_id: i64) -> Result<(), Error> {
    store.write(|tx| Ok(tx.remove_presence(TICKET, ticket_id, &ctx.agent)?))
}
