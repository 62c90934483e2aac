//! Stored tiers and lifecycle stages kept current as time passes.
//!
//! Every write that changes an input recomputes its customer at once, but
//! time alone moves some inputs too (an order turns 180 days old, a
//! complaint leaves its window). So the file remembers the instant its
//! segments were last computed for everyone (`meta` `segments_as_of`), and
//! a reading use case that lists tiers (customer list, the TUI's lists,
//! reminders) first calls [`ensure_current`]: when that instant is not from
//! the current day in the team's zone (`sla.timezone`), every customer is
//! recomputed in one short write transaction before the read.
//!
//! A "what if" run (`--now`) never stores a refresh: what holds at an
//! invented time must not be written over what holds now. It, and a run
//! that cannot write (a read-only file), get [`Source::Live`] instead and
//! overlay the live values on what they show ([`live`]). A marker written
//! by an explicit write at an invented time (`customer recompute --now …`)
//! is trusted only on its own day and never before it was set, so a real
//! run never trusts segments computed for another day.

use super::segments::{Audited, assessed, refresh_all};
use super::{Ctx, Error};
use crate::domain::customer::Customer;
use crate::domain::enums::{Lifecycle, Tier};
use crate::domain::time::{parse_instant, rfc3339};
use crate::store::{CustomerQuery, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

const AS_OF_KEY: &str = "segments_as_of";

/// Where the tiers a read shows must come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The stored columns are current for today.
    Stored,
    /// They are not and could not be refreshed: compute what is shown.
    Live,
}

/// Records that every stored tier and stage holds at `ctx.now`.
pub fn mark(tx: &Tx, ctx: &Ctx) -> Result<(), StoreError> {
    tx.set_meta(AS_OF_KEY, &rfc3339(ctx.now))
}

fn stored_as_of(tx: &Tx) -> Result<Option<DateTime<Utc>>, StoreError> {
    Ok(tx.meta(AS_OF_KEY)?.and_then(|v| parse_instant(AS_OF_KEY, &v).ok()))
}

/// Segments computed at `as_of` hold at `ctx.now` when they were computed
/// earlier on the same day in the team's zone.
pub fn trusted(as_of: Option<DateTime<Utc>>, ctx: &Ctx) -> bool {
    as_of.is_some_and(|t| t <= ctx.now && t.with_timezone(&ctx.settings.timezone).date_naive() == ctx.today())
}

/// Makes the stored tiers current for `ctx.now` if they are not, or says
/// they must be computed live (a "what if" clock, a file that cannot be
/// written). The check is one `meta` read; the refresh happens at most once
/// a day per file, and a second process finding it done skips it.
pub fn ensure_current(store: &mut Store, ctx: &Ctx) -> Result<Source, Error> {
    if store.read(stored_as_of).map(|as_of| trusted(as_of, ctx))? {
        return Ok(Source::Stored);
    }
    if ctx.clock_fixed {
        return Ok(Source::Live);
    }
    let refreshed = store.write(|tx| {
        if !trusted(stored_as_of(tx)?, ctx) {
            refresh_all(tx, ctx, Audited::Yes)?;
        }
        Ok::<_, Error>(())
    });
    match refreshed {
        Ok(()) => Ok(Source::Stored),
        // A read must not fail because the file cannot take the refresh:
        // it shows live values instead.
        Err(Error::Storage(_)) => Ok(Source::Live),
        Err(e) => Err(e),
    }
}

/// The tier (pinned as pinned) and stage the rules give at `ctx.now`, for
/// one customer or for every live one.
pub fn live(tx: &Tx, ctx: &Ctx, customer_id: Option<i64>) -> Result<HashMap<i64, (Tier, Lifecycle)>, Error> {
    let windows = ctx.settings.segments.windows(ctx.now);
    Ok(tx
        .customer_facts(&windows, customer_id)?
        .iter()
        .map(|row| {
            let a = assessed(ctx, row);
            (row.customer_id, (a.tier, a.lifecycle))
        })
        .collect())
}

/// Shows at most this many customers one by one when computing live;
/// beyond it one pass over everyone is cheaper.
const LIVE_ONE_BY_ONE: usize = 500;

/// `customer list` with current tiers: the stored ones once they are
/// current, else live values (a `--tier` filter then applies to those).
pub fn customers(
    store: &mut Store,
    ctx: &Ctx,
    query: &CustomerQuery,
    filter: Option<&str>,
) -> Result<Vec<Customer>, Error> {
    if ensure_current(store, ctx)? == Source::Stored {
        return super::customers::list(store, query, filter);
    }
    let one_by_one = query.tier.is_none() && query.limit.is_some_and(|l| l <= LIVE_ONE_BY_ONE);
    let wide = CustomerQuery {
        tier: None,
        limit: if one_by_one { query.limit } else { None },
        ..query.clone()
    };
    let mut list = super::customers::list(store, &wide, filter)?;
    store.read(|tx| {
        let everyone = if one_by_one {
            HashMap::new()
        } else {
            live(tx, ctx, None)?
        };
        for c in &mut list {
            let now = match everyone.get(&c.id) {
                Some(now) => Some(*now),
                None if one_by_one => live(tx, ctx, Some(c.id))?.get(&c.id).copied(),
                None => None,
            };
            if let Some((tier, lifecycle)) = now {
                c.tier = tier;
                c.lifecycle = lifecycle.key().to_string();
            }
        }
        Ok::<_, Error>(())
    })?;
    list.retain(|c| query.tier.as_deref().is_none_or(|t| c.tier.key() == t));
    if let Some(limit) = query.limit {
        list.truncate(limit);
    }
    Ok(list)
}
