//! Business-time arithmetic over a working calendar (SPEC.md §2: a target counts either in
//! calendar time or in the business time of a calendar).
//!
//! Rules, in the order they apply to one local date of the calendar's time zone:
//! - a date in `holidays` has no working time (a holiday wins over a make-up day);
//! - a date in `workdays` (调休, a make-up working day) works the hours of its own weekday when
//!   that is Monday–Friday with hours, otherwise the hours of the first weekday Mon..Fri that
//!   has hours (so a worked Saturday gets ordinary weekday hours);
//! - any other date works the ranges of its weekday.
//!
//! Ranges are local wall-clock times. An end of `00:00` (written `24:00` in a spec) means the
//! midnight that ends the day; a range never crosses midnight. Each boundary becomes the first
//! instant at which the local clock shows it: on a fall-back day an ambiguous time takes its
//! first occurrence, and a time inside a spring-forward gap becomes the instant of the jump.
//! So 09:00-17:00 stays 09:00-17:00 local on a change day, and a range over the gap is
//! shorter (Berlin 2026-03-29 01:00-04:00 is two hours).
//!
//! Bounds, so that no call can hang: every computation looks at most [`HORIZON_DAYS`] days
//! ahead. `add_*` returns `start + HORIZON_DAYS days` when the target cannot be reached within
//! that window (a calendar without hours, or an absurd target); `business_seconds_between`
//! counts only the first `HORIZON_DAYS` days of a longer span. Instants more than 200 000
//! years from year 0 have no working time (chrono cannot convert them to local time safely).

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;

use crate::domain::error::{Hours, Invalid, Reason};

/// How many days ahead business-time arithmetic looks before giving up (about ten years).
pub const HORIZON_DAYS: i64 = 3660;

/// Seconds in a local day; also the encoded end of a range that runs until midnight.
const DAY_SECS: u32 = 86_400;

/// Past this year (either side of year 0) chrono's local-time conversion could overflow.
const MAX_ABS_YEAR: i32 = 200_000;

/// A working calendar: time zone, weekly hours, holidays and make-up working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub name: String,
    pub tz: Tz,
    /// Working ranges per weekday, index 0 = Monday .. 6 = Sunday; several ranges a day
    /// allowed. An end of 00:00 means the midnight that ends the day.
    pub hours: [Vec<(NaiveTime, NaiveTime)>; 7],
    /// No work on these dates.
    pub holidays: BTreeSet<NaiveDate>,
    /// Make-up working days (调休), e.g. a Saturday that is worked.
    pub workdays: BTreeSet<NaiveDate>,
}

/// A working range as seconds from local midnight, end exclusive (86 400 = end of day).
type Span = (u32, u32);

/// The calendar's weekly hours, cleaned once per computation: the public fields may be set
/// directly (e.g. loaded from a database), so they may be unsorted or contain empty ranges.
struct Week {
    days: [Vec<Span>; 7],
    /// Hours of a make-up day that has none of its own.
    makeup: Vec<Span>,
}

impl Calendar {
    /// A calendar with no working hours at all.
    pub fn new(name: impl Into<String>, tz: Tz) -> Self {
        Calendar {
            name: name.into(),
            tz,
            hours: Default::default(),
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
        }
    }

    /// Parses one `--hours` spec and adds it: `"mon-fri 09:00-17:00"`, `"sat 10:00-14:00"`,
    /// `"mon,wed 09:00-12:00,13:00-18:00"`. Days are `mon`..`sun` (or full names), lists and
    /// ranges (`fri-mon` wraps), or `daily`. `24:00` may end a range. Ranges that overlap
    /// hours already present are merged with them.
    pub fn add_hours(&mut self, spec: &str) -> Result<(), Invalid> {
        let invalid = |problem: Hours| Invalid::new("hours", spec, Reason::Hours(problem));
        let trimmed = spec.trim();
        let (days_part, times_part) = trimmed
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid(Hours::NoTimes))?;
        let days = parse_days(days_part).map_err(invalid)?;
        // Spaces after commas ("09:00-12:00, 13:00-18:00") are harmless, so drop them.
        let times: String = times_part.chars().filter(|c| !c.is_whitespace()).collect();
        let spans = parse_spans(&times).map_err(invalid)?;
        for (day, selected) in days.iter().enumerate() {
            if !selected {
                continue;
            }
            let mut all = normalise(&self.hours[day]);
            all.extend_from_slice(&spans);
            self.hours[day] = merge(all).into_iter().map(span_to_times).collect();
        }
        Ok(())
    }

    /// Parses an IANA time zone name such as `Asia/Shanghai`.
    pub fn parse_tz(s: &str) -> Result<Tz, Invalid> {
        s.trim()
            .parse::<Tz>()
            .map_err(|_| Invalid::new("tz", s, Reason::TimeZone))
    }

    /// Whether any weekday has working time (holidays and make-up days aside).
    pub fn has_any_hours(&self) -> bool {
        self.week().days.iter().any(|d| !d.is_empty())
    }

    /// The instant `minutes` business minutes after `start`. A start outside working hours
    /// counts from the next opening; seconds of `start` are kept. `minutes <= 0` gives the
    /// next opening, or `start` itself when inside hours. A target reached exactly at a
    /// closing time gives that closing time. Capped at `start + HORIZON_DAYS` days.
    pub fn add_business_minutes(&self, start: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
        self.add_business_seconds(start, minutes.saturating_mul(60))
    }

    /// As [`Calendar::add_business_minutes`], in seconds.
    pub fn add_business_seconds(&self, start: DateTime<Utc>, seconds: i64) -> DateTime<Utc> {
        self.reach_business_seconds(start, seconds).unwrap_or_else(|| {
            start
                .checked_add_signed(TimeDelta::days(HORIZON_DAYS))
                .unwrap_or(DateTime::<Utc>::MAX_UTC)
        })
    }

    /// The instant `minutes` business minutes after `start`, or `None` when it lies beyond
    /// the horizon of [`HORIZON_DAYS`] days (a calendar without hours, an absurd target):
    /// for a caller that must say so rather than answer with the cap.
    pub fn reach_business_minutes(&self, start: DateTime<Utc>, minutes: i64) -> Option<DateTime<Utc>> {
        self.reach_business_seconds(start, minutes.saturating_mul(60))
    }

    fn reach_business_seconds(&self, start: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
        let cap = start
            .checked_add_signed(TimeDelta::days(HORIZON_DAYS))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        // Business time never runs faster than the clock, so more than the horizon in
        // seconds is beyond it; this also keeps TimeDelta in range.
        if seconds > HORIZON_DAYS * i64::from(DAY_SECS) {
            return None;
        }
        let mut remaining = TimeDelta::seconds(seconds.max(0));
        let mut found = None;
        self.walk(start, |open, close| {
            let length = close - open;
            if remaining <= length {
                found = Some(open + remaining);
                return ControlFlow::Break(());
            }
            remaining -= length;
            ControlFlow::Continue(())
        });
        found.filter(|due| *due <= cap)
    }

    /// Business seconds between two instants (0 if `to <= from`), floored to whole seconds.
    pub fn business_seconds_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = TimeDelta::zero();
        self.walk(from, |open, close| {
            if open >= to {
                return ControlFlow::Break(());
            }
            total += close.min(to) - open;
            if close >= to {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        total.num_seconds()
    }

    /// Whole business minutes between two instants (floor; 0 if `to <= from`).
    pub fn business_minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        self.business_seconds_between(from, to) / 60
    }

    fn week(&self) -> Week {
        let days: [Vec<Span>; 7] = std::array::from_fn(|d| normalise(&self.hours[d]));
        let makeup = days[..5].iter().find(|d| !d.is_empty()).cloned().unwrap_or_default();
        Week { days, makeup }
    }

    /// Calls `visit` with each working interval (as UTC instants) from `from` on, in order,
    /// clipped so that none starts before `from` or overlaps an earlier one, until `visit`
    /// breaks or the horizon is reached. Walks whole days, never minutes.
    fn walk(&self, from: DateTime<Utc>, mut visit: impl FnMut(DateTime<Utc>, DateTime<Utc>) -> ControlFlow<()>) {
        if from.year().abs() > MAX_ABS_YEAR {
            return;
        }
        let week = self.week();
        if week.days.iter().all(|d| d.is_empty()) {
            return;
        }
        let local_date = from.with_timezone(&self.tz).date_naive();
        // Start a day early: cheap, and safe against odd zones where a local date's ranges
        // map to instants before the next date begins.
        let mut date = local_date.pred_opt().unwrap_or(local_date);
        let mut cursor = from;
        for _ in 0..HORIZON_DAYS + 2 {
            for &span in week.for_date(self, date) {
                let Some((open, close)) = interval_utc(self.tz, date, span) else {
                    continue;
                };
                // The cursor clips intervals so that none is counted twice, even where a
                // time-zone jump (e.g. a skipped date) maps two dates onto the same instants.
                let open = open.max(cursor);
                if close <= open {
                    continue;
                }
                if visit(open, close).is_break() {
                    return;
                }
                cursor = close;
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => return,
            }
        }
    }
}

impl Week {
    fn for_date(&self, cal: &Calendar, date: NaiveDate) -> &[Span] {
        if cal.holidays.contains(&date) {
            return &[];
        }
        let weekday = date.weekday().num_days_from_monday() as usize;
        let own = &self.days[weekday];
        if cal.workdays.contains(&date) && (weekday >= 5 || own.is_empty()) {
            return &self.makeup;
        }
        own
    }
}

/// The UTC interval of one local working range on `date`.
type Interval = Option<(DateTime<Utc>, DateTime<Utc>)>;

/// A day range of a zone and its interval.
type Converted = ((Tz, NaiveDate, Span), Interval);

/// How many day ranges [`interval_utc`] keeps per thread.
const RECENT_INTERVALS: usize = 1024;

thread_local! {
    /// The day ranges converted last, by date and span: a month's report walks the same
    /// few weeks for each of its 90k tickets, and a conversion through the zone's rules
    /// costs more than the rest of the walk. Direct-mapped, so it never grows.
    static RECENT: std::cell::RefCell<Vec<Option<Converted>>> =
        std::cell::RefCell::new(vec![None; RECENT_INTERVALS]);
}

/// [`convert_interval`], remembered for the dates walked recently.
fn interval_utc(tz: Tz, date: NaiveDate, span: Span) -> Interval {
    let key = (tz, date, span);
    let slot = (date.num_days_from_ce() as usize)
        .wrapping_mul(7)
        .wrapping_add(span.0 as usize / 60)
        % RECENT_INTERVALS;
    RECENT.with_borrow_mut(|recent| match recent[slot] {
        Some((k, interval)) if k == key => interval,
        _ => {
            let interval = convert_interval(tz, date, span);
            recent[slot] = Some((key, interval));
            interval
        }
    })
}

fn convert_interval(tz: Tz, date: NaiveDate, span: Span) -> Interval {
    let midnight = date.and_time(NaiveTime::MIN);
    let open = midnight.checked_add_signed(TimeDelta::seconds(i64::from(span.0)))?;
    let close = midnight.checked_add_signed(TimeDelta::seconds(i64::from(span.1)))?;
    Some((local_to_utc(tz, open)?, local_to_utc(tz, close)?))
}

/// The first instant at which the local clock of `tz` shows `local` (see the module doc).
fn local_to_utc(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.with_timezone(&Utc).min(b.with_timezone(&Utc))),
        LocalResult::None => gap_end(tz, local),
    }
}

/// For a local time skipped by a jump forward: the instant of the jump, i.e. the first
/// instant whose local time is at or after `local`. Found by bisection over whole seconds
/// (about 17 steps), as chrono-tz does not expose transitions.
fn gap_end(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let base = local.and_utc();
    // UTC offsets lie within ±18 h, so `lo` reads earlier than `local` and `hi` later.
    let mut lo = base.checked_sub_signed(TimeDelta::hours(18))?;
    let mut hi = base.checked_add_signed(TimeDelta::hours(18))?;
    let reads = |t: DateTime<Utc>| t.with_timezone(&tz).naive_local();
    while (hi - lo).num_seconds() > 1 {
        let mid = lo + TimeDelta::seconds((hi - lo).num_seconds() / 2);
        if reads(mid) >= local {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// Valid ranges of one weekday as sorted, merged spans; ranges with end <= start (other
/// than an end of 00:00, which means midnight) are ignored.
fn normalise(ranges: &[(NaiveTime, NaiveTime)]) -> Vec<Span> {
    let spans = ranges
        .iter()
        .map(|&(start, end)| {
            let end = match end.num_seconds_from_midnight() {
                0 => DAY_SECS,
                secs => secs,
            };
            (start.num_seconds_from_midnight(), end)
        })
        .filter(|&(start, end)| end > start)
        .collect();
    merge(spans)
}

/// Sorts spans and merges those that overlap or touch.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn span_to_times((start, end): Span) -> (NaiveTime, NaiveTime) {
    // 86 400 (end of day) has no NaiveTime; it is stored as 00:00, read back as midnight.
    let time = |secs: u32| NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or(NaiveTime::MIN);
    (time(start), time(end))
}

const DAY_NAMES: [[&str; 2]; 7] = [
    ["mon", "monday"],
    ["tue", "tuesday"],
    ["wed", "wednesday"],
    ["thu", "thursday"],
    ["fri", "friday"],
    ["sat", "saturday"],
    ["sun", "sunday"],
];

fn parse_day(s: &str) -> Result<usize, Hours> {
    let wanted = s.trim().to_ascii_lowercase();
    DAY_NAMES
        .iter()
        .position(|names| names.contains(&wanted.as_str()))
        .ok_or_else(|| Hours::UnknownDay { day: s.to_string() })
}

/// `mon-fri`, `mon,wed`, `fri-mon` (wraps over the weekend), `sat`, `daily`.
fn parse_days(s: &str) -> Result<[bool; 7], Hours> {
    let mut days = [false; 7];
    if matches!(s.to_ascii_lowercase().as_str(), "daily" | "everyday" | "all") {
        return Ok([true; 7]);
    }
    for item in s.split(',') {
        match item.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (parse_day(first)?, parse_day(last)?);
                let mut day = first;
                // At most seven steps: `day` reaches `last` within a week.
                loop {
                    days[day] = true;
                    if day == last {
                        break;
                    }
                    day = (day + 1) % 7;
                }
            }
            None => days[parse_day(item)?] = true,
        }
    }
    Ok(days)
}

/// `09:00-12:00,13:00-18:00`
fn parse_spans(s: &str) -> Result<Vec<Span>, Hours> {
    if s.is_empty() {
        return Err(Hours::MissingTimes);
    }
    let mut spans = Vec::new();
    for item in s.split(',') {
        let (start, end) = item
            .split_once('-')
            .ok_or_else(|| Hours::NotARange { item: item.to_string() })?;
        let (start, end) = (parse_clock(start, false)?, parse_clock(end, true)?);
        if end == start {
            return Err(Hours::EmptyRange { item: item.to_string() });
        }
        if end < start {
            return Err(Hours::Backwards { item: item.to_string() });
        }
        spans.push((start, end));
    }
    Ok(spans)
}

/// `HH:MM` as seconds from midnight; `24:00` only where `allow_end_of_day`.
fn parse_clock(s: &str, allow_end_of_day: bool) -> Result<u32, Hours> {
    let bad = || Hours::BadTime { time: s.to_string() };
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    let digits = |p: &str, max_len: usize| !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match (h, m) {
        (24, 0) if allow_end_of_day => Ok(DAY_SECS),
        (0..=23, 0..=59) => Ok(h * 3600 + m * 60),
        _ => Err(bad()),
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
