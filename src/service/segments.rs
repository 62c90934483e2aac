//! Tiers, lifecycle stages and churn warnings where the rules of
//! `domain::segments` and `domain::churn` meet the data.
//!
//! Stored tiers and stages are recomputed whenever an input changes (an
//! order or its correction, a ticket opened or resolved, a contact, a
//! survey: those use cases call [`recompute`] in their transaction). Time
//! alone also moves some inputs (an order becomes overdue, a complaint
//! leaves its window); [`super::segments_as_of`] refreshes every customer
//! on the first read of a day, and `customer show` and the card evaluate
//! their one customer at `now`.
//!
//! An archived customer's tier and stage are frozen when they are archived:
//! nothing recomputes them afterwards (not a record added or imported for
//! them, not `customer recompute`, not a read), so they stay what they were
//! at archiving, here and after an export is imported elsewhere.

use super::customers;
use super::progress::{Progress, Quiet, Stage};
use super::{Ctx, Error};
use crate::domain::cadence::next_contact_due;
use crate::domain::churn::ChurnReason;
use crate::domain::customer::{Customer, CustomerInput};
use crate::domain::enums::{Lifecycle, Tier};
use crate::domain::segments::{Assessment, assess};
use crate::store::{FactsRow, Store, Tx};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A customer's standing now: the stored tier (pinned or not) and stage,
/// the warnings that hold now, and the next contact the cadence asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub tier: Tier,
    pub tier_pinned: bool,
    pub lifecycle: Lifecycle,
    pub warnings: Vec<ChurnReason>,
    pub next_contact: Option<DateTime<Utc>>,
}

/// A customer with at least one churn warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    pub customer: Customer,
    pub warnings: Vec<ChurnReason>,
}

/// What [`recompute_all`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Recomputed {
    pub customers: usize,
    pub tiers_changed: usize,
    pub lifecycles_changed: usize,
}

/// Re-derives one customer's tier (unless pinned) and lifecycle stage from
/// their data at `ctx.now`, inside the caller's transaction; changes are
/// audited. Every use case that changes an input calls this.
pub fn recompute(tx: &Tx, ctx: &Ctx, customer_id: i64) -> Result<Assessment, Error> {
    let windows = ctx.settings.segments.windows(ctx.now);
    let Some(row) = tx.customer_facts(&windows, Some(customer_id))?.into_iter().next() else {
        return Err(Error::NotFound {
            entity: crate::domain::error::Entity::Customer,
            key: customer_id.to_string(),
        });
    };
    Ok(apply(tx, ctx, &row, Audited::Yes)?.0)
}

/// Beyond this many customers, [`recompute_each`] reads every customer's
/// facts in one query (one pass over each table) rather than one query per
/// customer (a few index lookups each, but planned and run per customer).
const ONE_PASS_FROM: usize = 2000;

/// Recomputes the given customers (those a bulk write touched) once each,
/// as [`recompute`] would after each of their records, inside the caller's
/// transaction; returns those whose tier changed, with the new tier.
pub fn recompute_each(
    tx: &Tx,
    ctx: &Ctx,
    ids: &BTreeSet<i64>,
    progress: &dyn Progress,
) -> Result<BTreeMap<i64, Tier>, Error> {
    progress.stage(Stage::Segments, Some(ids.len() as u64));
    let windows = ctx.settings.segments.windows(ctx.now);
    let mut changed = BTreeMap::new();
    let mut apply_one = |row: &FactsRow| -> Result<(), Error> {
        let (a, tier_changed, _) = apply(tx, ctx, row, Audited::Yes)?;
        if tier_changed {
            changed.insert(row.customer_id, a.tier);
        }
        Ok(())
    };
    if ids.len() >= ONE_PASS_FROM {
        // Archived customers are not among the rows: nothing recomputes them.
        for (done, row) in tx
            .customer_facts(&windows, None)?
            .iter()
            .filter(|row| ids.contains(&row.customer_id))
            .enumerate()
        {
            apply_one(row)?;
            tick(progress, done);
        }
    } else {
        for (done, id) in ids.iter().enumerate() {
            for row in tx.customer_facts(&windows, Some(*id))? {
                apply_one(&row)?;
            }
            tick(progress, done);
        }
    }
    Ok(changed)
}

/// Tells `progress` of every thousandth step (`done` counts from 0).
fn tick(progress: &dyn Progress, done: usize) {
    if (done + 1).is_multiple_of(1000) {
        progress.advance(1000);
    }
}

/// Recomputes every live customer in one transaction (`customer recompute`).
pub fn recompute_all(store: &mut Store, ctx: &Ctx) -> Result<Recomputed, Error> {
    recompute_all_with(store, ctx, &Quiet)
}

/// [`recompute_all`], telling `progress` how many customers are done.
pub fn recompute_all_with(store: &mut Store, ctx: &Ctx, progress: &dyn Progress) -> Result<Recomputed, Error> {
    store.write(|tx| refresh_all_with(tx, ctx, Audited::Yes, progress))
}

/// Whether tier and stage changes go into the audit trail: they do, except
/// where the record is being created (the demo's customers get the tier the
/// rules give them, not a "change" from a placeholder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audited {
    Yes,
    No,
}

/// Recomputes every live customer inside the caller's transaction and
/// records `ctx.now` as the instant the stored segments hold for.
pub fn refresh_all(tx: &Tx, ctx: &Ctx, audited: Audited) -> Result<Recomputed, Error> {
    refresh_all_with(tx, ctx, audited, &Quiet)
}

/// [`refresh_all`], telling `progress` how many customers are done.
pub fn refresh_all_with(tx: &Tx, ctx: &Ctx, audited: Audited, progress: &dyn Progress) -> Result<Recomputed, Error> {
    let windows = ctx.settings.segments.windows(ctx.now);
    let mut out = Recomputed::default();
    let rows = tx.customer_facts(&windows, None)?;
    progress.stage(Stage::Segments, Some(rows.len() as u64));
    for (done, row) in rows.iter().enumerate() {
        let (_, tier_changed, stage_changed) = apply(tx, ctx, row, audited)?;
        out.customers += 1;
        out.tiers_changed += usize::from(tier_changed);
        out.lifecycles_changed += usize::from(stage_changed);
        tick(progress, done);
    }
    super::segments_as_of::mark(tx, ctx)?;
    Ok(out)
}

/// What the rules say for `row` at `ctx.now`, with a pinned tier kept and
/// an archived customer's tier and stage as stored (frozen at archiving).
/// Every recompute and every live read goes through here.
pub fn assessed(ctx: &Ctx, row: &FactsRow) -> Assessment {
    let mut a = assess(&row.facts, &ctx.settings.segments, ctx.now);
    if row.tier_pinned || row.archived {
        a.tier = row.tier;
    }
    if row.archived
        && let Ok(stage) = row.lifecycle.parse()
    {
        a.lifecycle = stage;
    }
    a
}

/// Stores what the rules say for `row`; returns the assessment (with the
/// tier in force) and whether the tier and the stage changed.
fn apply(tx: &Tx, ctx: &Ctx, row: &FactsRow, audited: Audited) -> Result<(Assessment, bool, bool), Error> {
    let a = assessed(ctx, row);
    if row.archived {
        // Frozen, even where the stored stage is a key this binary does not know.
        return Ok((a, false, false));
    }
    let tier_changed = a.tier != row.tier;
    let stage_changed = a.lifecycle.key() != row.lifecycle;
    if tier_changed || stage_changed {
        tx.set_customer_segment(row.customer_id, a.tier, a.lifecycle)?;
    }
    // No warning is stored as '' (a new customer's too): most customers have none.
    let warnings = if a.warnings.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&a.warnings).unwrap_or_default()
    };
    if warnings != row.warnings {
        tx.set_churn_warnings(row.customer_id, &warnings)?;
    }
    if audited == Audited::No {
        return Ok((a, tier_changed, stage_changed));
    }
    if tier_changed {
        let (old, new) = (row.tier.key().to_string(), a.tier.key().to_string());
        ctx.audit(tx, "customer", row.customer_id, "tier", Some(old), Some(new))?;
    }
    if stage_changed {
        let (old, new) = (row.lifecycle.clone(), a.lifecycle.key().to_string());
        ctx.audit(tx, "customer", row.customer_id, "lifecycle", Some(old), Some(new))?;
    }
    Ok((a, tier_changed, stage_changed))
}

/// The standing of one customer at `ctx.now` (read-only): tier and stage
/// are what the rules say now (a pinned tier as pinned), whatever is stored,
/// so a customer shown is never shown stale.
pub fn standing(store: &mut Store, ctx: &Ctx, customer_id: i64) -> Result<Standing, Error> {
    store.read(|tx| {
        let c = tx.customer(customer_id)?;
        let windows = ctx.settings.segments.windows(ctx.now);
        let (tier, lifecycle, warnings) = match tx.customer_facts(&windows, Some(customer_id))?.into_iter().next() {
            Some(row) => {
                let a = assessed(ctx, &row);
                (a.tier, a.lifecycle, a.warnings)
            }
            None => (c.tier, c.lifecycle.parse().unwrap_or(Lifecycle::Prospect), Vec::new()),
        };
        let last_outbound = tx.last_outbound_contact(customer_id, ctx.now)?;
        Ok(Standing {
            tier,
            tier_pinned: c.tier_pinned,
            lifecycle,
            warnings,
            next_contact: next_contact_due(&ctx.settings.cadence, tier, last_outbound, c.created_at),
        })
    })
}

/// Live customers with churn warnings at `ctx.now`: most warnings first,
/// then the most valuable. The warnings stored with the tiers are read once
/// they are current for today (see `segments_as_of`; a write recomputes its
/// customer at once); otherwise every customer is worked out live.
pub fn risk(store: &mut Store, ctx: &Ctx, limit: Option<usize>) -> Result<Vec<Risk>, Error> {
    if super::segments_as_of::ensure_current(store, ctx)? == super::segments_as_of::Source::Stored {
        return store.read(|tx| {
            let mut out = Vec::new();
            for (id, stored) in tx.stored_risks(limit)? {
                // Warnings this binary cannot read (a newer one wrote them) are left out.
                let warnings: Vec<ChurnReason> = serde_json::from_str(&stored).unwrap_or_default();
                if !warnings.is_empty() {
                    out.push(Risk {
                        customer: tx.customer(id)?,
                        warnings,
                    });
                }
            }
            Ok(out)
        });
    }
    live_risk(store, ctx, limit)
}

/// [`risk`] worked out from every live customer's facts at `ctx.now`.
pub fn live_risk(store: &mut Store, ctx: &Ctx, limit: Option<usize>) -> Result<Vec<Risk>, Error> {
    store.read(|tx| {
        let windows = ctx.settings.segments.windows(ctx.now);
        let mut warned: Vec<(i64, i64, Vec<ChurnReason>)> = tx
            .customer_facts(&windows, None)?
            .into_iter()
            .filter_map(|row| {
                let warnings = assess(&row.facts, &ctx.settings.segments, ctx.now).warnings;
                (!warnings.is_empty()).then_some((row.customer_id, row.facts.lifetime_value_cents, warnings))
            })
            .collect();
        warned.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        if let Some(limit) = limit {
            warned.truncate(limit);
        }
        warned
            .into_iter()
            .map(|(id, _, warnings)| {
                Ok(Risk {
                    customer: tx.customer(id)?,
                    warnings,
                })
            })
            .collect()
    })
}

/// `customer edit --unpin-tier`: the given field changes and the release of
/// a hand-set tier, in one transaction; the rules then set the tier.
pub fn edit_unpinning(
    store: &mut Store,
    ctx: &Ctx,
    key: &str,
    input: &CustomerInput,
    if_version: Option<i64>,
) -> Result<Customer, Error> {
    let fields = input.validate_on(ctx.today())?;
    store.write(|tx| {
        let mut c = customers::edit_in(tx, ctx, key, &fields, if_version)?;
        if c.tier_pinned {
            c.tier_pinned = false;
            c.updated_at = ctx.now;
            c.version = tx.update_customer(&c)?;
            ctx.audit(
                tx,
                "customer",
                c.id,
                "tier_pinned",
                Some("true".into()),
                Some("false".into()),
            )?;
        }
        recompute(tx, ctx, c.id)?;
        Ok(tx.customer(c.id)?)
    })
}
