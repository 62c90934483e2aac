//! Churn warnings (流失预警): each names its reason and the numbers behind it.
//! Thresholds are `[segments]` in the config; the defaults in brackets.
//!
//! - *fewer contacts*: inbound and outbound contacts (internal notes do not
//!   count) in the last `contact_window_days` [90] are `contact_drop_share`
//!   [half] or less of those in the window before, which had at least
//!   `contact_min_before` [2].
//! - *complaints*: `complaints_at_risk` [2] or more complaint tickets opened
//!   in the last `complaint_window_days` [30].
//! - *low satisfaction*: the mean survey score (product quality, service
//!   response and communication together) over the last
//!   `satisfaction_window_days` [180] is below `satisfaction_below` [3].
//! - *orders overdue*: no order for more than `order_gap_factor` [twice] the
//!   customer's usual interval, the mean gap between their first and last
//!   order (at least a day), once they have `order_gap_min_orders` [3] orders.

use super::segment_rules::{Facts, SegmentRules};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ChurnReason {
    FewerContacts { recent: i64, before: i64, window_days: i64 },
    Complaints { count: i64, window_days: i64 },
    LowSatisfaction { average: f64, below: f64 },
    OrdersOverdue { days_since_last: i64, usual_days: i64 },
}

impl ChurnReason {
    /// The stable key JSON uses for the reason.
    pub fn key(&self) -> &'static str {
        match self {
            ChurnReason::FewerContacts { .. } => "fewer_contacts",
            ChurnReason::Complaints { .. } => "complaints",
            ChurnReason::LowSatisfaction { .. } => "low_satisfaction",
            ChurnReason::OrdersOverdue { .. } => "orders_overdue",
        }
    }
}

impl fmt::Display for ChurnReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChurnReason::FewerContacts {
                recent,
                before,
                window_days,
            } => write!(
                f,
                "contacts fell to {recent} in the last {} from {before} in the {window_days} before",
                count(*window_days, "day")
            ),
            ChurnReason::Complaints { count: n, window_days } => {
                write!(
                    f,
                    "{} in the last {}",
                    count(*n, "complaint"),
                    count(*window_days, "day")
                )
            }
            ChurnReason::LowSatisfaction { average, below } => {
                write!(f, "average satisfaction {average:.1} (below {below})")
            }
            ChurnReason::OrdersOverdue {
                days_since_last,
                usual_days,
            } if *usual_days <= 1 => write!(f, "no order for {}; usually one a day", count(*days_since_last, "day")),
            ChurnReason::OrdersOverdue {
                days_since_last,
                usual_days,
            } => write!(
                f,
                "no order for {}; usually one every {usual_days} days",
                count(*days_since_last, "day")
            ),
        }
    }
}

/// "1 day", "2 days".
fn count(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Every warning that holds for these facts at `now`, in the order above.
pub fn warnings(f: &Facts, rules: &SegmentRules, now: DateTime<Utc>) -> Vec<ChurnReason> {
    let mut out = Vec::new();
    if f.contacts_before >= rules.contact_min_before
        && (f.contacts_recent as f64) <= (f.contacts_before as f64) * rules.contact_drop_share
    {
        out.push(ChurnReason::FewerContacts {
            recent: f.contacts_recent,
            before: f.contacts_before,
            window_days: rules.contact_window_days,
        });
    }
    if f.complaints_recent >= rules.complaints_at_risk {
        out.push(ChurnReason::Complaints {
            count: f.complaints_recent,
            window_days: rules.complaint_window_days,
        });
    }
    if let Some(average) = f.satisfaction.filter(|a| *a < rules.satisfaction_below) {
        out.push(ChurnReason::LowSatisfaction {
            average,
            below: rules.satisfaction_below,
        });
    }
    if let Some(reason) = orders_overdue(f, rules, now) {
        out.push(reason);
    }
    out
}

fn orders_overdue(f: &Facts, rules: &SegmentRules, now: DateTime<Utc>) -> Option<ChurnReason> {
    let (first, last) = (f.first_order_at?, f.last_order_at?);
    if f.orders < rules.order_gap_min_orders.max(2) {
        return None;
    }
    const DAY: f64 = 86_400.0;
    let usual = ((last - first).num_seconds() as f64 / (f.orders - 1) as f64).max(DAY);
    let since = (now - last).num_seconds() as f64;
    (since > rules.order_gap_factor * usual).then(|| ChurnReason::OrdersOverdue {
        days_since_last: (now - last).num_days(),
        usual_days: (usual / DAY).round() as i64,
    })
}

#[cfg(test)]
#[path = "churn_tests.rs"]
mod tests;
