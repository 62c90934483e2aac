//! The thresholds of `[segments]` and the facts about a customer they are
//! applied to: shared by the tier and lifecycle rules (`segments`) and the
//! churn warnings (`churn`), which both read them.

use crate::domain::setting_rule::{Rule, RuleBreach};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Deserialize;

/// The thresholds of `[segments]`. Money is in currency units (yuan), as
/// people write it; days are whole days.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SegmentRules {
    pub high_value_lifetime: f64,
    pub high_value_recent_value: f64,
    pub recent_days: i64,
    pub potential_max_tenure_days: i64,
    pub potential_recent_orders: i64,
    pub potential_recent_value: f64,
    pub new_days: i64,
    pub loyal_min_tenure_days: i64,
    pub loyal_min_orders: i64,
    pub churned_after_days: i64,
    /// Churn warning: contacts in the last window fell to this share (or less)
    /// of the window before…
    pub contact_window_days: i64,
    pub contact_drop_share: f64,
    /// …which had at least this many contacts (fewer is not a trend).
    pub contact_min_before: i64,
    pub complaint_window_days: i64,
    pub complaints_at_risk: i64,
    pub satisfaction_window_days: i64,
    pub satisfaction_below: f64,
    /// Churn warning: no order for more than this many usual intervals…
    pub order_gap_factor: f64,
    /// …counted once the customer has at least this many orders.
    pub order_gap_min_orders: i64,
}

/// The instants the windows of the rules start at, for one `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub now: DateTime<Utc>,
    pub recent_from: DateTime<Utc>,
    /// Contacts from `contacts_from` up to `contacts_split` are "the window
    /// before"; from `contacts_split` up to `now` "the last window".
    pub contacts_from: DateTime<Utc>,
    pub contacts_split: DateTime<Utc>,
    pub complaints_from: DateTime<Utc>,
    pub satisfaction_from: DateTime<Utc>,
}

/// What the rules look at, gathered for one customer at one `now`. Counts
/// and sums cover records dated up to `now` only.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    pub tenure_start: Option<DateTime<Utc>>,
    pub lifetime_value_cents: i64,
    pub orders: i64,
    pub first_order_at: Option<DateTime<Utc>>,
    pub last_order_at: Option<DateTime<Utc>>,
    /// Orders since [`Windows::recent_from`], and their value.
    pub recent_orders: i64,
    pub recent_order_cents: i64,
    /// Inbound and outbound contacts (not internal notes) in the last contact
    /// window and in the one before it.
    pub contacts_recent: i64,
    pub contacts_before: i64,
    /// Complaint tickets opened since [`Windows::complaints_from`].
    pub complaints_recent: i64,
    /// Mean of the three survey scores over the surveys since
    /// [`Windows::satisfaction_from`]; `None` without surveys.
    pub satisfaction: Option<f64>,
    /// The last contact, ticket or order.
    pub last_activity_at: Option<DateTime<Utc>>,
}

pub fn days(n: i64) -> TimeDelta {
    TimeDelta::try_days(n).unwrap_or(TimeDelta::MAX)
}

/// Currency units as whole cents.
pub fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

impl SegmentRules {
    pub fn windows(&self, now: DateTime<Utc>) -> Windows {
        let back = |n: i64| now.checked_sub_signed(days(n)).unwrap_or(DateTime::UNIX_EPOCH);
        Windows {
            now,
            recent_from: back(self.recent_days),
            contacts_from: back(self.contact_window_days.saturating_mul(2)),
            contacts_split: back(self.contact_window_days),
            complaints_from: back(self.complaint_window_days),
            satisfaction_from: back(self.satisfaction_window_days),
        }
    }

    /// Why these thresholds cannot work, naming the first bad key.
    pub fn check(&self) -> Result<(), RuleBreach> {
        let whole_numbers = [
            ("recent_days", self.recent_days),
            ("potential_max_tenure_days", self.potential_max_tenure_days),
            ("new_days", self.new_days),
            ("loyal_min_tenure_days", self.loyal_min_tenure_days),
            ("churned_after_days", self.churned_after_days),
            ("contact_window_days", self.contact_window_days),
            ("complaint_window_days", self.complaint_window_days),
            ("satisfaction_window_days", self.satisfaction_window_days),
            ("potential_recent_orders", self.potential_recent_orders),
            ("loyal_min_orders", self.loyal_min_orders),
            ("contact_min_before", self.contact_min_before),
            ("complaints_at_risk", self.complaints_at_risk),
            ("order_gap_min_orders", self.order_gap_min_orders),
        ];
        for (key, value) in whole_numbers {
            if !(1..=36_500).contains(&value) {
                return Err(RuleBreach::between(format!("segments.{key}"), value, 1, 36_500));
            }
        }
        let money = [
            ("high_value_lifetime", self.high_value_lifetime),
            ("high_value_recent_value", self.high_value_recent_value),
            ("potential_recent_value", self.potential_recent_value),
        ];
        for (key, value) in money {
            if !(0.0..1e10).contains(&value) {
                return Err(RuleBreach::new(format!("segments.{key}"), value, Rule::ZeroOrMore));
            }
        }
        if !(self.contact_drop_share > 0.0 && self.contact_drop_share < 1.0) {
            let share = self.contact_drop_share;
            return Err(RuleBreach::new("segments.contact_drop_share", share, Rule::ShareInside));
        }
        if !(1.0..=100.0).contains(&self.order_gap_factor) {
            return Err(RuleBreach::between(
                "segments.order_gap_factor",
                self.order_gap_factor,
                1,
                100,
            ));
        }
        if !(1.0..=5.0).contains(&self.satisfaction_below) {
            return Err(RuleBreach::between(
                "segments.satisfaction_below",
                self.satisfaction_below,
                1,
                5,
            ));
        }
        Ok(())
    }
}
