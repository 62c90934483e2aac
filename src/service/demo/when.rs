//! Instants of sample data: whole seconds (the database keeps no less), and
//! mostly inside local waking hours of the team's time zone.

use super::rng::Rng;
use crate::domain::time::from_unix;
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

pub fn instant(seconds: i64) -> DateTime<Utc> {
    from_unix(seconds)
}

/// Local hours in which customers usually get in touch.
fn waking(tz: Tz, seconds: i64) -> bool {
    let hour = instant(seconds).with_timezone(&tz).hour();
    (8..21).contains(&hour)
}

/// An instant in `[from, to)`, denser towards `to` when `growing` (a
/// business that grows), and three times in four inside waking hours.
pub fn sometime(rng: &mut Rng, tz: Tz, from: i64, to: i64, growing: bool) -> i64 {
    if to <= from {
        return from;
    }
    let span = (to - from) as f64;
    let mut candidate = from;
    for _ in 0..6 {
        let u = rng.unit();
        let share = if growing { u.sqrt() } else { u };
        candidate = (from + (span * share) as i64).min(to - 1);
        if waking(tz, candidate) || rng.chance(0.25) {
            break;
        }
    }
    candidate
}

/// `base + fraction × span`, in whole seconds.
pub fn after(base: i64, span: i64, fraction: f64) -> i64 {
    base + (span as f64 * fraction) as i64
}
