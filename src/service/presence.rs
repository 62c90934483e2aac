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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerInput;
    use crate::service::{customers, tickets};
    use crate::store::OpenOptions;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
    }

    fn ctx(agent: &str, seconds: i64) -> Ctx {
        Ctx::new(agent, at(seconds))
    }

    fn desk() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
        let input = CustomerInput {
            name: Some("张三".into()),
            ..Default::default()
        };
        let c = customers::add(&mut store, &ctx("li.na", 0), &input).unwrap();
        let ticket = tickets::TicketInput {
            customer: c.id.to_string(),
            kind: "inquiry".into(),
            subject: "price".into(),
            ..Default::default()
        };
        let t = tickets::add(&mut store, &ctx("li.na", 0), &ticket).unwrap();
        (dir, store, t.ticket.id)
    }

    #[test]
    fn agents_see_each_other_until_they_leave_or_their_heartbeat_expires() {
        let (_dir, mut store, id) = desk();
        beat(&mut store, &ctx("li.na", 0), id).unwrap();
        beat(&mut store, &ctx("wang.wu", 5), id).unwrap();
        assert_eq!(others_on(&mut store, &ctx("li.na", 6), id).unwrap(), ["wang.wu"]);
        assert_eq!(others_on(&mut store, &ctx("wang.wu", 6), id).unwrap(), ["li.na"]);
        assert_eq!(
            others_on(&mut store, &ctx("zhao", 6), id).unwrap(),
            ["li.na", "wang.wu"]
        );
        // li.na stopped beating 31 s ago; wang.wu beat 26 s ago.
        assert_eq!(others_on(&mut store, &ctx("zhao", 31), id).unwrap(), ["wang.wu"]);
        leave(&mut store, &ctx("wang.wu", 32), id).unwrap();
        assert!(others_on(&mut store, &ctx("zhao", 32), id).unwrap().is_empty());
    }

    #[test]
    fn frequent_beats_write_only_every_ten_seconds() {
        let (dir, mut store, id) = desk();
        let mut other = Store::open(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
        beat(&mut store, &ctx("li.na", 0), id).unwrap();
        let seen = other.data_version().unwrap();
        for second in 1..10 {
            beat(&mut store, &ctx("li.na", second), id).unwrap();
        }
        assert_eq!(other.data_version().unwrap(), seen, "a beat within 10 s wrote");
        beat(&mut store, &ctx("li.na", 10), id).unwrap();
        assert_ne!(other.data_version().unwrap(), seen);
        // The refreshed beat keeps li.na present past the first expiry.
        assert_eq!(others_on(&mut store, &ctx("zhao", 35), id).unwrap(), ["li.na"]);
    }

    #[test]
    fn a_beat_on_a_missing_ticket_is_not_found() {
        let (_dir, mut store, id) = desk();
        let err = beat(&mut store, &ctx("li.na", 0), id + 100).unwrap_err();
        assert_eq!(err.exit_code(), 4);
    }
}
