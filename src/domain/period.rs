//! Calendar months and weeks of the monthly review (月度复盘), counted in one time zone (the
//! config's `sla.timezone`, the team's own), so a complaint at 00:30 on 1 October in Shanghai
//! belongs to October although it is still 30 September in UTC.
//!
//! A month is `[first local midnight, first local midnight of the next month)`, a week runs
//! from Monday 00:00 local. Where a zone skips midnight (a DST change at 00:00) the period
//! starts at the first instant that exists on that date.

use super::error::Invalid;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;
use std::str::FromStr;

/// A calendar month, e.g. 2026-10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    /// 1..=12
    month: u32,
}

impl Month {
    /// `None` unless `month` is 1..=12 and the year is one the time parser accepts.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1970..=2200).contains(&year)).then_some(Month { year, month })
    }

    /// The month that contains `t` on the clocks of `tz`.
    pub fn containing(t: DateTime<Utc>, tz: Tz) -> Month {
        let local = t.with_timezone(&tz).date_naive();
        Month {
            year: local.year(),
            month: local.month(),
        }
    }

    pub fn previous(self) -> Month {
        match self.month {
            1 => Month {
                year: self.year - 1,
                month: 12,
            },
            m => Month { month: m - 1, ..self },
        }
    }

    pub fn next(self) -> Month {
        match self.month {
            12 => Month {
                year: self.year + 1,
                month: 1,
            },
            m => Month { month: m + 1, ..self },
        }
    }

    fn first_day(self) -> NaiveDate {
        // Month::new keeps year and month valid, so the 1st always exists.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first instant of the month in `tz`.
    pub fn start(self, tz: Tz) -> DateTime<Utc> {
        local_midnight(self.first_day(), tz)
    }

    /// The first instant of the next month in `tz` (exclusive end).
    pub fn end(self, tz: Tz) -> DateTime<Utc> {
        self.next().start(tz)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = Invalid;

    /// `YYYY-MM`, e.g. `2026-10`.
    fn from_str(s: &str) -> Result<Month, Invalid> {
        let bad = || {
            Invalid::new(
                "month",
                s,
                crate::domain::error::Reason::Format(crate::domain::error::Form::Month),
            )
        };
        let (year, month) = s.trim().split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

/// Midnight at the start of `date` in `tz`; the earlier instant when midnight happens twice,
/// the first existing instant of the day when the clocks jump over midnight.
pub fn local_midnight(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut time = NaiveTime::MIN;
    // DST jumps are at most a few hours; probe in 15-minute steps.
    for _ in 0..96 {
        if let Some(t) = tz.from_local_datetime(&date.and_time(time)).earliest() {
            return t.with_timezone(&Utc);
        }
        time += Duration::minutes(15);
    }
    Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN))
}

/// The Monday 00:00 (local) that starts the week containing `t`.
pub fn week_start(t: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let date = t.with_timezone(&tz).date_naive();
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    local_midnight(monday, tz)
}

/// The starts of the `weeks` weeks ending with the one that contains `now`, oldest first.
pub fn last_weeks(now: DateTime<Utc>, tz: Tz, weeks: usize) -> Vec<DateTime<Utc>> {
    let current = week_start(now, tz).with_timezone(&tz).date_naive();
    (0..weeks)
        .rev()
        .map(|back| local_midnight(current - Duration::weeks(back as i64), tz))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::{parse_instant, rfc3339};

    fn at(s: &str) -> DateTime<Utc> {
        parse_instant("at", s).unwrap()
    }

    #[test]
    fn parsing_months() {
        let cases = [
            ("2026-10", Some("2026-10")),
            (" 2026-01 ", Some("2026-01")),
            ("2026-13", None),
            ("2026-00", None),
            ("2026-1", None),
            ("26-10", None),
            ("2026/10", None),
            ("1969-12", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = input.parse::<Month>().ok().map(|m| m.to_string());
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
        assert_eq!("x".parse::<Month>().unwrap_err().field, "month");
    }

    #[test]
    fn neighbours_wrap_the_year() {
        let jan: Month = "2026-01".parse().unwrap();
        assert_eq!(jan.previous().to_string(), "2025-12");
        assert_eq!(jan.previous().next(), jan);
        let dec: Month = "2026-12".parse().unwrap();
        assert_eq!(dec.next().to_string(), "2027-01");
    }

    #[test]
    fn bounds_are_local_midnights() {
        let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let santiago: Tz = "America/Santiago".parse().unwrap();
        let oct: Month = "2026-10".parse().unwrap();
        // (zone, month, start, end)
        let cases = [
            (Tz::UTC, oct, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
            (shanghai, oct, "2026-09-30T16:00:00Z", "2026-10-31T16:00:00Z"),
            // Berlin leaves summer time on 25 October: +02:00 at the start, +01:00 at the end.
            (berlin, oct, "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z"),
            // Santiago starts summer time at 00:00 on 6 September 2026: that midnight does
            // not exist, but 1 September's does.
            (
                santiago,
                "2026-09".parse().unwrap(),
                "2026-09-01T04:00:00Z",
                "2026-10-01T03:00:00Z",
            ),
        ];
        for (tz, month, start, end) in cases {
            assert_eq!(rfc3339(month.start(tz)), start, "{tz} {month}");
            assert_eq!(rfc3339(month.end(tz)), end, "{tz} {month}");
        }
        // A midnight that is skipped starts the day at the first instant that exists.
        let skipped = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        assert_eq!(rfc3339(local_midnight(skipped, santiago)), "2026-09-06T04:00:00Z");
    }

    #[test]
    fn containing_month_follows_the_zone() {
        let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
        let t = at("2026-09-30T16:30:00Z");
        assert_eq!(Month::containing(t, Tz::UTC).to_string(), "2026-09");
        assert_eq!(Month::containing(t, shanghai).to_string(), "2026-10");
    }

    #[test]
    fn weeks_start_on_monday() {
        let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
        // Wednesday 2026-10-07 (local) → Monday 2026-10-05 00:00 +08:00.
        assert_eq!(
            rfc3339(week_start(at("2026-10-07T12:00:00Z"), shanghai)),
            "2026-10-04T16:00:00Z"
        );
        // A Monday morning is its own week.
        assert_eq!(
            rfc3339(week_start(at("2026-10-05T00:00:00Z"), Tz::UTC)),
            "2026-10-05T00:00:00Z"
        );
        let weeks: Vec<String> = last_weeks(at("2026-10-07T12:00:00Z"), Tz::UTC, 3)
            .into_iter()
            .map(rfc3339)
            .collect();
        assert_eq!(
            weeks,
            ["2026-09-21T00:00:00Z", "2026-09-28T00:00:00Z", "2026-10-05T00:00:00Z"]
        );
        assert!(last_weeks(at("2026-10-07T12:00:00Z"), Tz::UTC, 0).is_empty());
    }
}
