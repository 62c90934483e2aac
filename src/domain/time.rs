//! Instants as the CLI contract writes them: RFC 3339, or a bare date meaning
//! midnight UTC. Stored as unix seconds.

use super::error::{Form, Invalid, Reason};
use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone, Utc};

/// Instants outside these years are refused as typos (e.g. `0206-10-05`).
const YEARS: std::ops::RangeInclusive<i32> = 1970..=2200;

pub fn parse_instant(field: &str, value: &str) -> Result<DateTime<Utc>, Invalid> {
    let value = value.trim();
    let instant = contract_form(value).ok_or_else(|| Invalid::new(field, value, Reason::Format(Form::Instant)))?;
    // Checked after the form, so a well-formed 9999-12-31 is told its year
    // is out of range, not that it is no date.
    check_year(field, value, instant.date_naive())?;
    Ok(instant)
}

/// RFC 3339, or a bare date meaning midnight UTC; any year.
fn contract_form(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| NaiveDate::parse_from_str(value, "%Y-%m-%d").map(midnight))
        .ok()
}

/// Like [`parse_instant`], plus the forms other systems' exports use:
/// `2023-06-01 12:15:36` (taken as UTC), `06/01/2023`, and
/// `Tue Oct 31 22:10:47 +0000 2017`.
pub fn parse_instant_lenient(field: &str, value: &str) -> Result<DateTime<Utc>, Invalid> {
    let value = value.trim();
    let other_forms = || {
        chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M"))
            .map(|t| Utc.from_utc_datetime(&t))
            .or_else(|_| NaiveDate::parse_from_str(value, "%m/%d/%Y").map(midnight))
            .or_else(|_| DateTime::parse_from_str(value, "%a %b %d %H:%M:%S %z %Y").map(|t| t.with_timezone(&Utc)))
            .ok()
    };
    let instant = contract_form(value)
        .or_else(other_forms)
        .ok_or_else(|| Invalid::new(field, value, Reason::Format(Form::Time)))?;
    check_year(field, value, instant.date_naive())?;
    Ok(instant)
}

pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, Invalid> {
    let value = value.trim();
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Invalid::new(field, value, Reason::Format(Form::Date)))?;
    check_year(field, value, date)?;
    Ok(date)
}

pub(super) fn check_year(field: &str, value: &str, date: NaiveDate) -> Result<(), Invalid> {
    use chrono::Datelike;
    if YEARS.contains(&date.year()) {
        Ok(())
    } else {
        Err(Invalid::new(
            field,
            value,
            Reason::YearOutOfRange {
                min: *YEARS.start(),
                max: *YEARS.end(),
            },
        ))
    }
}

pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
}

/// RFC 3339 in UTC with a trailing `Z`, as the JSON contract requires.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An instant for people: `2026-12-06 17:35 +08:00`, in `zone`, the
/// offset written so the zone is never a guess (it changes with DST).
pub fn shown(t: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d %H:%M %:z").to_string()
}

pub fn from_unix(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants() {
        let cases = [
            ("2026-10-05T09:30:00Z", Some("2026-10-05T09:30:00Z")),
            ("2026-10-05T17:30:00+08:00", Some("2026-10-05T09:30:00Z")),
            ("2026-10-05", Some("2026-10-05T00:00:00Z")),
            (" 2026-10-05 ", Some("2026-10-05T00:00:00Z")),
            ("2026-13-01", None),
            ("yesterday", None),
            ("0206-10-05", None),
            ("9999-01-01T00:00:00Z", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = parse_instant("at", input).ok().map(rfc3339);
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn shown_in_the_zone_with_its_offset() {
        let t = parse_instant("at", "2026-12-06T09:35:00Z").unwrap();
        assert_eq!(shown(t, chrono_tz::Asia::Shanghai), "2026-12-06 17:35 +08:00");
        assert_eq!(shown(t, chrono_tz::Tz::UTC), "2026-12-06 09:35 +00:00");
        let summer = parse_instant("at", "2026-07-01T12:00:00Z").unwrap();
        assert_eq!(shown(summer, chrono_tz::America::New_York), "2026-07-01 08:00 -04:00");
        assert_eq!(shown(t, chrono_tz::America::New_York), "2026-12-06 04:35 -05:00");
    }

    /// A well-formed instant out of range is told so, not called no date.
    #[test]
    fn out_of_range_years_are_named_as_such() {
        for input in ["9999-12-31", "9999-01-01T00:00:00Z", "1969-12-31", "0206-10-05"] {
            let strict = parse_instant("due", input).unwrap_err();
            assert!(
                matches!(strict.reason, Reason::YearOutOfRange { .. }),
                "{input:?}: {strict}"
            );
            let lenient = parse_instant_lenient("at", input).unwrap_err();
            assert!(
                matches!(lenient.reason, Reason::YearOutOfRange { .. }),
                "{input:?}: {lenient}"
            );
        }
        assert!(matches!(
            parse_instant_lenient("at", "1850-01-01 00:00:00").unwrap_err().reason,
            Reason::YearOutOfRange { .. }
        ));
        assert_eq!(
            parse_instant("at", "2026-13-01").unwrap_err().reason,
            Reason::Format(Form::Instant)
        );
    }

    #[test]
    fn lenient_instants_from_other_systems() {
        let cases = [
            ("2023-06-01 12:15:36", Some("2023-06-01T12:15:36Z")),
            ("2023-06-01 12:15", Some("2023-06-01T12:15:00Z")),
            ("06/01/2023", Some("2023-06-01T00:00:00Z")),
            ("Tue Oct 31 22:10:47 +0000 2017", Some("2017-10-31T22:10:47Z")),
            ("2026-10-05T17:30:00+08:00", Some("2026-10-05T09:30:00Z")),
            ("31/12/2023", None),
            ("1850-01-01 00:00:00", None),
        ];
        for (input, want) in cases {
            let got = parse_instant_lenient("at", input).ok().map(rfc3339);
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
    }
}
