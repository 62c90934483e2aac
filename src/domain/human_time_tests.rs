//! The TIME forms as a table: input, clock, zone, the instant expected.

use super::*;
use crate::domain::time::rfc3339;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Sunday 2026-12-06 17:35 in Shanghai (09:35 UTC).
const NOW: &str = "2026-12-06T09:35:00Z";

#[test]
fn forms_in_a_zone_without_dst() {
    let zone = chrono_tz::Asia::Shanghai;
    let cases = [
        // RFC 3339 with an offset: exactly that instant.
        ("2026-12-07T10:00:00+08:00", "2026-12-07T02:00:00Z"),
        ("2026-12-07T10:00:00Z", "2026-12-07T10:00:00Z"),
        // A date and time, or a date, in the display zone.
        ("2026-12-07 10:00", "2026-12-07T02:00:00Z"),
        ("2026-12-07 10:00:30", "2026-12-07T02:00:30Z"),
        ("2026-12-07T10:00", "2026-12-07T02:00:00Z"),
        ("2026-12-07", "2026-12-06T16:00:00Z"),
        (" 2026-12-07 ", "2026-12-06T16:00:00Z"),
        // Day words: the day's first minute unless a time follows.
        ("today", "2026-12-05T16:00:00Z"),
        ("today 18:00", "2026-12-06T10:00:00Z"),
        ("Tomorrow 10:00", "2026-12-07T02:00:00Z"),
        ("tomorrow", "2026-12-06T16:00:00Z"),
        ("明天 10:00", "2026-12-07T02:00:00Z"),
        ("今天", "2026-12-05T16:00:00Z"),
        ("后天 09:30", "2026-12-08T01:30:00Z"),
        // Weekdays: the next such day; today (a Sunday) never counts.
        ("mon 09:00", "2026-12-07T01:00:00Z"),
        ("monday 09:00", "2026-12-07T01:00:00Z"),
        ("sat", "2026-12-11T16:00:00Z"),
        ("sun 09:00", "2026-12-13T01:00:00Z"),
        ("周一 09:00", "2026-12-07T01:00:00Z"),
        ("星期日", "2026-12-12T16:00:00Z"),
        ("星期天 08:00", "2026-12-13T00:00:00Z"),
        // Spans from now: exact, whatever the zone.
        ("+2d", "2026-12-08T09:35:00Z"),
        ("+3h30m", "2026-12-06T13:05:00Z"),
        ("+45m", "2026-12-06T10:20:00Z"),
        ("+1w", "2026-12-13T09:35:00Z"),
        // End of month: 23:59 on its last day.
        ("eom", "2026-12-31T15:59:00Z"),
        ("EOM", "2026-12-31T15:59:00Z"),
        // Looking back: now, spans before now, start of week and month.
        ("now", "2026-12-06T09:35:00Z"),
        ("-7d", "2026-11-29T09:35:00Z"),
        ("-3h", "2026-12-06T06:35:00Z"),
        ("-1h30m", "2026-12-06T08:05:00Z"),
        // A Sunday: the week began on Monday 11-30.
        ("sow", "2026-11-29T16:00:00Z"),
        ("SOM", "2026-11-30T16:00:00Z"),
    ];
    for (input, want) in cases {
        let got = parse_time("due", input, at(NOW), zone).map(rfc3339);
        assert_eq!(got.as_deref(), Ok(want), "{input:?}");
    }
}

/// A month's end and "today" follow the zone's date, not UTC's.
#[test]
fn the_zone_decides_which_day_it_is() {
    let late = at("2026-11-30T17:00:00Z"); // 01:00 on 12-01 in Shanghai
    let shanghai = chrono_tz::Asia::Shanghai;
    let got = |input: &str, zone: Tz| parse_time("due", input, late, zone).map(rfc3339).unwrap();
    assert_eq!(got("eom", shanghai), "2026-12-31T15:59:00Z");
    assert_eq!(got("eom", Tz::UTC), "2026-11-30T23:59:00Z");
    assert_eq!(got("today", shanghai), "2026-11-30T16:00:00Z");
    assert_eq!(got("today", Tz::UTC), "2026-11-30T00:00:00Z");
}

/// On a Monday, `sow` is today's first minute; the zone decides the day.
#[test]
fn start_of_week_on_a_monday_and_across_the_date_line() {
    let monday_morning = at("2026-12-06T17:00:00Z"); // 01:00 Monday in Shanghai
    let shanghai = chrono_tz::Asia::Shanghai;
    let got = |input: &str, zone: Tz| parse_time("opened", input, monday_morning, zone).map(rfc3339).unwrap();
    assert_eq!(got("sow", shanghai), "2026-12-06T16:00:00Z");
    // Still Sunday in UTC: the week began on Monday 11-30.
    assert_eq!(got("sow", Tz::UTC), "2026-11-30T00:00:00Z");
    assert_eq!(got("som", Tz::UTC), "2026-12-01T00:00:00Z");
}

/// DST in New York: 2026-03-08 02:00 → 03:00 (gap), 2026-11-01 02:00 → 01:00 (overlap).
#[test]
fn dst_gaps_and_overlaps() {
    let zone = chrono_tz::America::New_York;
    let now = at("2026-03-01T12:00:00Z");
    let cases = [
        // In the gap: read with the offset before it (EST), so just after it.
        ("2026-03-08 02:30", "2026-03-08T07:30:00Z"),
        ("2026-03-08 01:59", "2026-03-08T06:59:00Z"),
        ("2026-03-08 03:00", "2026-03-08T07:00:00Z"),
        // In the overlap: the earlier of the two (still EDT).
        ("2026-11-01 01:30", "2026-11-01T05:30:00Z"),
        ("2026-11-01 02:30", "2026-11-01T07:30:00Z"),
        // A span counts real hours across the change.
        ("+1w", "2026-03-08T12:00:00Z"),
    ];
    for (input, want) in cases {
        let got = parse_time("at", input, now, zone).map(rfc3339);
        assert_eq!(got.as_deref(), Ok(want), "{input:?}");
    }
    // Santiago skips midnight itself (2026-09-06 00:00 → 01:00).
    let santiago = chrono_tz::America::Santiago;
    let got = parse_time("at", "2026-09-06", now, santiago).map(rfc3339);
    assert_eq!(got.as_deref(), Ok("2026-09-06T04:00:00Z"));
}

#[test]
fn anything_else_is_refused_naming_the_forms() {
    let zone = chrono_tz::Asia::Shanghai;
    let refused = [
        "",
        "yesterday",
        "next week",
        "tomorrow 25:00",
        "tomorrow 10:00 sharp",
        "mon9",
        "+",
        "+2x",
        "+0m",
        "2026-13-01",
        "2026-12-07 10",
        "07/12/2026",
        "周八",
        "eom 10:00",
        "-",
        "-2x",
        "-0m",
        "sow 10:00",
        "now 10:00",
    ];
    for input in refused {
        let err = parse_time("due", input, at(NOW), zone).unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.value.as_str()),
            ("due", input.trim()),
            "{input:?}"
        );
        assert_eq!(err.reason, Reason::Format(Form::HumanTime), "{input:?}");
    }
    // Well-formed but out of range: told so, as for every instant.
    for input in ["0206-10-05", "9999-01-01 10:00", "+99999w"] {
        let err = parse_time("due", input, at(NOW), zone).unwrap_err();
        assert!(
            matches!(err.reason, Reason::YearOutOfRange { .. } | Reason::Format(_)),
            "{input:?}: {err}"
        );
    }
    let err = parse_time("due", "0206-10-05", at(NOW), zone).unwrap_err();
    assert!(matches!(err.reason, Reason::YearOutOfRange { .. }));
}
