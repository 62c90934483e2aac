//! Occasions and survey follow-ups: reminders computed from the customer
//! record and the surveys, never stored (like the contact cadence).
//!
//! - *birthday*: the next occurrence of a person's birthday (29 February is
//!   kept on 28 February in other years), due at 09:00 in the team's zone;
//! - *anniversary*: each anniversary of the "customer since" date, from the
//!   first one;
//! - *survey follow-up*: a survey with any score below 4, due
//!   `survey_follow_up_hours` after it.
//!
//! An occasion is listed only from `upcoming_days` before its day until the
//! end of the day: it is *today* or *upcoming*, never overdue or "later", so
//! a year of birthdays does not flood the lists. An outbound contact in that
//! period ends it for the year, as an outbound contact ends a cadence
//! reminder.

use super::cadence::Due;
use super::error::{Form, Invalid, Reason};
use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// The local hour an occasion is due at.
const DUE_HOUR: u32 = 9;

/// Scores below this one ask for a follow-up (SPEC §4).
pub const LOW_SCORE: i64 = 4;

/// The earliest birthday accepted: older dates are typos.
fn earliest_birthday() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// A birthday as typed: empty clears it; otherwise a real date from
/// 1900-01-01 up to `today`.
pub fn parse_birthday(value: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Invalid> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Invalid::new("birthday", value, Reason::Format(Form::Birthday)))?;
    if date < earliest_birthday() {
        return Err(Invalid::new(
            "birthday",
            value,
            Reason::BeforeDate {
                earliest: earliest_birthday().to_string(),
            },
        ));
    }
    if date > today {
        return Err(Invalid::new("birthday", value, Reason::AfterToday));
    }
    Ok(Some(date))
}

/// The month and day of `date` in `year`; 29 February becomes 28 February
/// in a year without it.
pub fn in_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

/// The first day on or after `today` with the month and day of `date`.
pub fn next_occurrence(date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    match in_year(date, today.year()) {
        Some(day) if day >= today => Some(day),
        _ => in_year(date, today.year() + 1),
    }
}

/// The next anniversary of a customer since `since`, on or after `today`,
/// and how many years it marks (at least 1).
pub fn next_anniversary(since: NaiveDate, today: NaiveDate) -> Option<(NaiveDate, i32)> {
    let mut day = next_occurrence(since, today)?;
    if day.year() <= since.year() {
        day = in_year(since, since.year() + 1)?;
    }
    Some((day, day.year() - since.year()))
}

/// Where an occasion on `day` stands on `today`: today, upcoming within
/// `upcoming_days`, or not listed.
pub fn occasion_window(day: NaiveDate, today: NaiveDate, upcoming_days: i64) -> Option<Due> {
    let ahead = (day - today).num_days();
    match ahead {
        0 => Some(Due::Today),
        n if n > 0 && n <= upcoming_days => Some(Due::Upcoming),
        _ => None,
    }
}

/// The local day in `zone` at `now`.
pub fn local_day(now: DateTime<Utc>, zone: Tz) -> NaiveDate {
    now.with_timezone(&zone).date_naive()
}

/// 09:00 on `day` in `zone`, as an instant (the first valid instant after
/// it when a clock change skips it).
pub fn due_at(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    local_instant(day, DUE_HOUR, zone)
}

/// When the listing period of an occasion on `day` starts: local midnight
/// `upcoming_days` before it. An outbound contact from then on ends it.
pub fn period_start(day: NaiveDate, upcoming_days: i64, zone: Tz) -> DateTime<Utc> {
    let first = day
        .checked_sub_days(Days::new(upcoming_days.max(0) as u64))
        .unwrap_or(day);
    local_instant(first, 0, zone)
}

fn local_instant(day: NaiveDate, hour: u32, zone: Tz) -> DateTime<Utc> {
    let at = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    zone.from_local_datetime(&at)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(at + TimeDelta::hours(1))).earliest())
        .map_or_else(|| Utc.from_utc_datetime(&at), |t| t.with_timezone(&Utc))
}

/// Whether a survey's scores ask for a follow-up.
pub fn is_low(scores: [i64; 3]) -> bool {
    scores.iter().any(|s| *s < LOW_SCORE)
}

/// When a low survey's follow-up is due.
pub fn follow_up_due(survey_at: DateTime<Utc>, hours: i64) -> DateTime<Utc> {
    survey_at
        .checked_add_signed(TimeDelta::try_hours(hours).unwrap_or(TimeDelta::MAX))
        .unwrap_or(survey_at)
}

/// The month-day keys (`MM-DD`, as in a `YYYY-MM-DD` date) of the days from `today` to `upcoming_days` after it. 28 February
/// also matches 29 February dates in a year without that day.
pub fn window_month_days(today: NaiveDate, upcoming_days: i64) -> Vec<String> {
    let mut keys = Vec::new();
    for n in 0..=upcoming_days.clamp(0, 366) as u64 {
        let Some(day) = today.checked_add_days(Days::new(n)) else {
            break;
        };
        keys.push(day.format("%m-%d").to_string());
        if day.month() == 2 && day.day() == 28 && NaiveDate::from_ymd_opt(day.year(), 2, 29).is_none() {
            keys.push("02-29".into());
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
#[path = "occasions_tests.rs"]
mod tests;
