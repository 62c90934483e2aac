//! Data quality: customers missing contact details, likely duplicates, and
//! archiving customers inactive for long (supervisors and admins).

use super::{Ctx, Error, customers, roles};
use crate::domain::customer::Customer;
use crate::domain::duplicates::{self, Evidence};
use crate::domain::enums::Role;
use crate::domain::error::Invalid;
use crate::domain::segments::days;
use crate::store::{Store, Tx};
use serde::Serialize;
use std::collections::HashMap;

/// Two customers that are probably one, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateView {
    pub first: Customer,
    pub second: Customer,
    pub evidence: Vec<Evidence>,
}

/// Live customers with neither a phone number nor an e-mail address.
pub fn missing_contact(store: &mut Store, limit: Option<usize>) -> Result<Vec<Customer>, Error> {
    store.read(|tx| Ok(tx.customers_missing_contact(limit)?))
}

/// The Data quality view's two lists, read in one transaction so they
/// agree with each other.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Review {
    /// The strongest [`REVIEW_PAIRS`] pairs at most.
    pub duplicates: Vec<DuplicateView>,
    /// How many pairs there are in all.
    pub duplicates_total: usize,
    pub missing_contact: Vec<Customer>,
}

/// The Data quality view lists at most this many pairs, strongest evidence first: reading
/// every pair's two customers is most of the work, and a large file can hold a hundred
/// thousand weak pairs (the 100k-customer demo does) that nobody scrolls through.
pub const REVIEW_PAIRS: usize = 500;

/// How many days without activity `customer archive-inactive` and the
/// Data quality view start from: a year covers every seasonal customer.
pub const DEFAULT_INACTIVE_DAYS: i64 = 365;

/// The strongest likely duplicates (with how many there are) and every customer missing
/// contact details.
pub fn review(store: &mut Store) -> Result<Review, Error> {
    store.read(|tx| {
        let pairs = duplicates::find(&tx.duplicate_candidates()?);
        Ok(Review {
            duplicates_total: pairs.len(),
            duplicates: views(tx, pairs, Some(REVIEW_PAIRS))?,
            missing_contact: tx.customers_missing_contact(None)?,
        })
    })
}

/// Likely duplicate pairs among live customers, strongest evidence first.
pub fn duplicates(store: &mut Store, limit: Option<usize>) -> Result<Vec<DuplicateView>, Error> {
    store.read(|tx| duplicates_in(tx, limit))
}

fn duplicates_in(tx: &Tx, limit: Option<usize>) -> Result<Vec<DuplicateView>, Error> {
    views(tx, duplicates::find(&tx.duplicate_candidates()?), limit)
}

/// The first `limit` pairs with their two customers.
fn views(
    tx: &Tx,
    mut pairs: Vec<duplicates::DuplicatePair>,
    limit: Option<usize>,
) -> Result<Vec<DuplicateView>, Error> {
    if let Some(limit) = limit {
        pairs.truncate(limit);
    }
    let mut cache: HashMap<i64, Customer> = HashMap::new();
    let mut customer = |id: i64| -> Result<Customer, Error> {
        if let Some(c) = cache.get(&id) {
            return Ok(c.clone());
        }
        let c = tx.customer(id)?;
        cache.insert(id, c.clone());
        Ok(c)
    };
    pairs
        .into_iter()
        .map(|p| {
            Ok(DuplicateView {
                first: customer(p.first)?,
                second: customer(p.second)?,
                evidence: p.evidence,
            })
        })
        .collect()
}

/// Archives, in one transaction, every live customer with no contact,
/// ticket, order or survey in the last `days` days and no open ticket;
/// with `dry_run` only lists them. Returns them, longest inactive first.
pub fn archive_inactive(
    store: &mut Store,
    ctx: &Ctx,
    inactive_days: i64,
    dry_run: bool,
) -> Result<Vec<Customer>, Error> {
    if !(1..=36_500).contains(&inactive_days) {
        return Err(Invalid::new(
            "days",
            inactive_days.to_string(),
            crate::domain::error::Reason::Between { min: 1, max: 36500 },
        )
        .into());
    }
    let cutoff = ctx.now - days(inactive_days);
    if dry_run {
        return store.read(|tx| Ok(tx.inactive_customers(cutoff)?));
    }
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        let mut list = tx.inactive_customers(cutoff)?;
        for c in &mut list {
            customers::archive_in(tx, ctx, c)?;
        }
        Ok(list)
    })
}
