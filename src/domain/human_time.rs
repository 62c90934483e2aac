//! TIME as people type it (../shared/CLI.md, second wave): RFC 3339, a
//! date and time or a date in the display zone, `today`, `tomorrow 10:00`,
//! `mon 09:00`, `+2d`, `+3h30m`, `eom`; and for looking back (the filter
//! language's `opened:>=sow`): `now`, `-7d`, `-3h`, `sow`, `som`. Pure: the clock and the zone come in
//! as arguments, so the same text means the same instant in the CLI and the
//! TUI.
//!
//! Decisions, written in the README too:
//! - a weekday means the NEXT such day, never today (`mon` on a Monday is a
//!   week away), as "see you Monday" is said;
//! - a day without a time means its first minute (00:00), as a bare date does;
//! - `eom` is the last minute of the current month (23:59 on its last day);
//! - `sow` is the start of this week (Monday 00:00, today on a Monday) and
//!   `som` the start of this month (the 1st, 00:00): both look back, as a
//!   range "since" does;
//! - a local time the zone skips (a DST gap) is read with the offset before
//!   the gap, so it lands just after it; a local time the zone has twice (a
//!   DST overlap) is the earlier one.

use super::duration::parse_minutes;
use super::error::{Form, Invalid, Reason};
use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;

/// The instant `value` names, read at `now` in `zone`.
pub fn parse_time(field: &str, value: &str, now: DateTime<Utc>, zone: Tz) -> Result<DateTime<Utc>, Invalid> {
    let text = value.trim();
    let bad = || Invalid::new(field, text, Reason::Format(Form::HumanTime));
    let instant = match exact(text) {
        Some(instant) => instant,
        None => {
            let lower = text.to_lowercase();
            if lower == "now" {
                now
            } else if let Some(span) = lower.strip_prefix('+') {
                now + TimeDelta::minutes(parse_minutes(field, span).map_err(|_| bad())?)
            } else if let Some(span) = lower.strip_prefix('-') {
                now - TimeDelta::minutes(parse_minutes(field, span).map_err(|_| bad())?)
            } else {
                in_zone(local(&lower, now, zone).ok_or_else(bad)?, zone)
            }
        }
    };
    // The same years as every other instant (typos like `0206-10-05`).
    super::time::check_year(field, text, instant.date_naive())?;
    Ok(instant)
}

/// Whether `value` is one of the TIME forms, without a clock: for a form's
/// field, checked as it is typed; the service reads it at its own clock and
/// zone when saving (and refuses it there with the same words if its year
/// is out of range then).
pub fn check_form(field: &str, value: &str) -> Result<(), Invalid> {
    // Any instant well inside the accepted years: only the form is checked.
    let reference = DateTime::from_timestamp(4_102_444_800, 0).unwrap_or(DateTime::UNIX_EPOCH);
    parse_time(field, value, reference, Tz::UTC).map(drop)
}

/// RFC 3339 with an offset: exactly that instant, whatever the zone.
fn exact(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// The wall-clock time `text` names in `zone`, or `None` for no known form.
fn local(text: &str, now: DateTime<Utc>, zone: Tz) -> Option<NaiveDateTime> {
    let today = now.with_timezone(&zone).date_naive();
    if text == "eom" {
        let first_of_next =
            NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?.checked_add_months(chrono::Months::new(1))?;
        return first_of_next.pred_opt()?.and_hms_opt(23, 59, 0);
    }
    if text == "som" {
        return NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?.and_hms_opt(0, 0, 0);
    }
    if text == "sow" {
        let back = today.weekday().num_days_from_monday();
        return today.checked_sub_days(Days::new(back.into()))?.and_hms_opt(0, 0, 0);
    }
    // The text is lower-cased by now: `T` reads `t`.
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dt%H:%M",
        "%Y-%m-%dt%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t);
        }
    }
    // A day word, then an optional time of day.
    let mut words = text.split_whitespace();
    let day = day_named(words.next()?, today)?;
    let time = match words.next() {
        Some(time) => NaiveTime::parse_from_str(time, "%H:%M").ok()?,
        None => NaiveTime::MIN,
    };
    words.next().is_none().then(|| day.and_time(time))
}

/// The date a day word names: a date, today, tomorrow, or the next weekday.
fn day_named(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
        return Some(date);
    }
    match word {
        "today" | "今天" => return Some(today),
        "tomorrow" | "明天" => return today.checked_add_days(Days::new(1)),
        "后天" => return today.checked_add_days(Days::new(2)),
        _ => {}
    }
    let weekday = weekday(word)?;
    // 1..=7 days ahead: today never counts (see the module's decisions).
    let ahead = (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead.into() }))
}

fn weekday(word: &str) -> Option<Weekday> {
    // Chinese: 周一 / 星期一 … 周日 / 星期日 / 星期天.
    let chinese = word.strip_prefix("周").or_else(|| word.strip_prefix("星期"));
    if let Some(rest) = chinese {
        let days = ["一", "二", "三", "四", "五", "六"];
        return match days.iter().position(|d| *d == rest) {
            Some(i) => Weekday::try_from(i as u8).ok(),
            None => matches!(rest, "日" | "天").then_some(Weekday::Sun),
        };
    }
    // English: three letters or the whole name (`chrono` accepts both).
    word.parse::<Weekday>().ok()
}

/// The instant a wall-clock time names in `zone`; gaps and overlaps as the
/// module says.
pub fn in_zone(t: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&t) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // The offset in force a few hours before the gap (no zone skips
            // more than that at once) read from the same wall clock.
            let before = zone
                .from_local_datetime(&(t - TimeDelta::hours(6)))
                .earliest()
                .map(|b| b.offset().fix().local_minus_utc())
                .unwrap_or(0);
            Utc.from_utc_datetime(&(t - TimeDelta::seconds(before.into())))
        }
    }
}

#[cfg(test)]
#[path = "human_time_tests.rs"]
mod tests;
