//! Segmentation (客户分层) and lifecycle stages: pure rules over what is known
//! about a customer at `now`. The thresholds are `[segments]` in the config.
//!
//! **Tier** — the first rule that holds. A tier an agent set by hand is
//! pinned and never changed by these rules (the service keeps it).
//! 1. *at-risk*: the customer has at least one churn warning ([`super::churn`]).
//! 2. *high-value*: lifetime order value ≥ `high_value_lifetime`, or orders in
//!    the last `recent_days` worth ≥ `high_value_recent_value`.
//! 3. *potential*: a customer for at most `potential_max_tenure_days` with at
//!    least `potential_recent_orders` orders, or orders worth at least
//!    `potential_recent_value`, in the last `recent_days`.
//! 4. *standard*: everyone else.
//!
//! **Lifecycle** — the first rule that holds:
//! 1. *prospect*: has never ordered.
//! 2. *churned*: no order, contact or ticket for more than `churned_after_days`.
//! 3. *at-risk*: at least one churn warning.
//! 4. *new*: the first order was less than `new_days` ago.
//! 5. *loyal*: a customer for at least `loyal_min_tenure_days` with at least
//!    `loyal_min_orders` orders, the last one within `recent_days`.
//! 6. *active*: everyone else who has ordered.
//!
//! Tenure counts from the customer's `since` date, or from when the record
//! was created when that is unknown.

use super::churn::{self, ChurnReason};
use super::enums::{Lifecycle, Tier};
use chrono::{DateTime, TimeDelta, Utc};

// The rules and the facts they read live apart, so that the churn warnings
// can read them too without a cycle between this module and `churn`.
pub use super::segment_rules::{Facts, SegmentRules, Windows, cents, days};

/// A customer's tier, lifecycle stage and churn warnings at one `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub tier: Tier,
    pub lifecycle: Lifecycle,
    pub warnings: Vec<ChurnReason>,
}

/// Tier, lifecycle and churn warnings of a customer with these facts.
pub fn assess(f: &Facts, rules: &SegmentRules, now: DateTime<Utc>) -> Assessment {
    let warnings = churn::warnings(f, rules, now);
    Assessment {
        tier: tier(f, !warnings.is_empty(), rules, now),
        lifecycle: lifecycle(f, !warnings.is_empty(), rules, now),
        warnings,
    }
}

fn tenure(f: &Facts, now: DateTime<Utc>) -> TimeDelta {
    f.tenure_start.map_or(TimeDelta::zero(), |start| now - start)
}

pub fn tier(f: &Facts, warned: bool, rules: &SegmentRules, now: DateTime<Utc>) -> Tier {
    if warned {
        return Tier::AtRisk;
    }
    if f.lifetime_value_cents >= cents(rules.high_value_lifetime)
        || f.recent_order_cents >= cents(rules.high_value_recent_value)
    {
        return Tier::HighValue;
    }
    let young = tenure(f, now) <= days(rules.potential_max_tenure_days);
    let buying = f.recent_orders >= rules.potential_recent_orders
        || (f.recent_orders > 0 && f.recent_order_cents >= cents(rules.potential_recent_value));
    if young && buying {
        return Tier::Potential;
    }
    Tier::Standard
}

pub fn lifecycle(f: &Facts, warned: bool, rules: &SegmentRules, now: DateTime<Utc>) -> Lifecycle {
    let (Some(first_order), Some(last_order)) = (f.first_order_at, f.last_order_at) else {
        return Lifecycle::Prospect;
    };
    let last_seen = f.last_activity_at.map_or(last_order, |a| a.max(last_order));
    if now - last_seen > days(rules.churned_after_days) {
        return Lifecycle::Churned;
    }
    if warned {
        return Lifecycle::AtRisk;
    }
    if now - first_order < days(rules.new_days) {
        return Lifecycle::New;
    }
    if tenure(f, now) >= days(rules.loyal_min_tenure_days)
        && f.orders >= rules.loyal_min_orders
        && now - last_order <= days(rules.recent_days)
    {
        return Lifecycle::Loyal;
    }
    Lifecycle::Active
}

#[cfg(test)]
#[path = "segments_tests.rs"]
pub(crate) mod tests;
