//! Urgency and countdowns in the catalogue's words, for the ticket page and
//! `ticket show` alike.

use super::Strings;
use crate::domain::urgency::UrgencyFactor;
use crate::service::tickets::TicketView;
use chrono::{DateTime, Utc};

/// Why a factor counts, told from the ticket in the catalogue's words
/// (the domain's own text is English): the ticket page and `ticket show`.
pub fn reason(s: &Strings, view: &TicketView, factor: UrgencyFactor, now: DateTime<Utc>) -> String {
    let label = s.urgency_factor(factor);
    let t = &view.ticket;
    match factor {
        UrgencyFactor::Overdue | UrgencyFactor::TimeLeft => match view.sla.next() {
            Some((clock, c)) => {
                let left = c.due.map_or(0, |d| (d - now).num_seconds());
                let time = countdown(left.abs(), s);
                super::fill(
                    s.urgency_clock,
                    &[("clock", s.clock(clock)), ("time", &time), ("label", label)],
                )
            }
            None => s.clock_none_running.to_string(),
        },
        UrgencyFactor::TargetUsed => match view.sla.next() {
            Some((_, c)) => match (c.target_seconds, c.seconds_left) {
                (Some(target), Some(left)) if target > 0 => {
                    let percent = ((target - left).saturating_mul(100) / target).to_string();
                    super::fill(s.urgency_share, &[("percent", &percent), ("label", label)])
                }
                _ => label.to_string(),
            },
            None => label.to_string(),
        },
        UrgencyFactor::Priority => format!("{label} {}", s.priority(t.priority)),
        UrgencyFactor::Tier => format!("{label} {}", s.tier(t.customer_tier)),
        UrgencyFactor::Complaint | UrgencyFactor::CallbackDue | UrgencyFactor::LongOverdue => label.to_string(),
    }
}

/// A countdown in its two largest units: `2d04h`, `3h05m`, `42m10s`;
/// overdue ones are signed: `-1h20m`.
pub fn countdown(seconds: i64, s: &Strings) -> String {
    let sign = if seconds < 0 { s.overdue_sign } else { "" };
    let n = seconds.unsigned_abs();
    let (d, h, m, sec) = (n / 86_400, n / 3_600 % 24, n / 60 % 60, n % 60);
    // A hundred days or more: the hours no longer matter, and the width does.
    let body = if d >= 100 {
        format!("{d}{}", s.unit_day)
    } else if d > 0 {
        format!("{d}{}{h:02}{}", s.unit_day, s.unit_hour)
    } else if h > 0 {
        format!("{h}{}{m:02}{}", s.unit_hour, s.unit_minute)
    } else {
        format!("{m}{}{sec:02}{}", s.unit_minute, s.unit_second)
    };
    format!("{sign}{body}")
}
