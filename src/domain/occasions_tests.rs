//! Tests of occasions.rs: tables of cases per rule.

use super::*;
use crate::domain::time::parse_instant;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    parse_instant("at", s).unwrap()
}

fn shanghai() -> Tz {
    "Asia/Shanghai".parse().unwrap()
}

#[test]
fn birthdays_as_typed() {
    let today = d("2026-12-06");
    let cases: [(&str, Result<Option<&str>, &str>); 9] = [
        ("1990-05-17", Ok(Some("1990-05-17"))),
        (" 2000-02-29 ", Ok(Some("2000-02-29"))),
        ("", Ok(None)),
        ("  ", Ok(None)),
        ("1900-01-01", Ok(Some("1900-01-01"))),
        ("2026-12-06", Ok(Some("2026-12-06"))),
        ("1899-12-31", Err("BeforeDate")),
        ("2026-12-07", Err("AfterToday")),
        ("1990-02-30", Err("Birthday")),
    ];
    for (typed, want) in cases {
        match (parse_birthday(typed, today), want) {
            (Ok(got), Ok(want)) => assert_eq!(got, want.map(d), "{typed:?}"),
            (Err(e), Err(why)) => {
                assert_eq!(e.field, "birthday", "{typed:?}");
                assert!(format!("{:?}", e.reason).contains(why), "{typed:?}: {e}");
            }
            (got, want) => panic!("{typed:?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn next_birthday() {
    let cases = [
        // Later this year, earlier this year (so next year), on the day.
        ("1990-12-20", "2026-12-06", "2026-12-20"),
        ("1990-03-01", "2026-12-06", "2027-03-01"),
        ("1990-12-06", "2026-12-06", "2026-12-06"),
        ("1990-12-05", "2026-12-06", "2027-12-05"),
        // 29 February: kept in a leap year, 28 February in other years.
        ("2000-02-29", "2028-01-10", "2028-02-29"),
        ("2000-02-29", "2026-01-10", "2026-02-28"),
        ("2000-02-29", "2027-03-01", "2028-02-29"),
        ("2000-02-29", "2026-02-28", "2026-02-28"),
    ];
    for (born, today, want) in cases {
        assert_eq!(next_occurrence(d(born), d(today)), Some(d(want)), "{born} on {today}");
    }
}

#[test]
fn the_team_zone_decides_which_day_it_is() {
    // 20:00 UTC on 1 June is 04:00 on 2 June in Shanghai.
    let now = at("2026-06-01T20:00:00Z");
    let born = d("1990-06-02");
    let today = local_day(now, shanghai());
    assert_eq!(today, d("2026-06-02"));
    assert_eq!(
        occasion_window(next_occurrence(born, today).unwrap(), today, 7),
        Some(Due::Today)
    );
    let utc_today = local_day(now, Tz::UTC);
    assert_eq!(
        occasion_window(next_occurrence(born, utc_today).unwrap(), utc_today, 7),
        Some(Due::Upcoming)
    );
    // Due at 09:00 in Shanghai, which is 01:00 UTC.
    assert_eq!(due_at(d("2026-06-02"), shanghai()), at("2026-06-02T01:00:00Z"));
    assert_eq!(due_at(d("2026-06-02"), Tz::UTC), at("2026-06-02T09:00:00Z"));
}

#[test]
fn anniversaries() {
    let cases = [
        // The first one comes a year after the start, not on the day itself.
        ("2026-12-06", "2026-12-06", "2027-12-06", 1),
        ("2025-12-10", "2026-12-06", "2026-12-10", 1),
        ("2023-12-06", "2026-12-06", "2026-12-06", 3),
        ("2023-12-01", "2026-12-06", "2027-12-01", 4),
        ("2024-02-29", "2027-02-20", "2027-02-28", 3),
    ];
    for (since, today, day, years) in cases {
        assert_eq!(
            next_anniversary(d(since), d(today)),
            Some((d(day), years)),
            "{since} on {today}"
        );
    }
}

#[test]
fn listing_window() {
    let today = d("2026-12-06");
    let cases = [
        ("2026-12-05", None),
        ("2026-12-06", Some(Due::Today)),
        ("2026-12-07", Some(Due::Upcoming)),
        ("2026-12-13", Some(Due::Upcoming)),
        ("2026-12-14", None),
        ("2027-06-01", None),
    ];
    for (day, want) in cases {
        assert_eq!(occasion_window(d(day), today, 7), want, "{day}");
    }
    assert_eq!(occasion_window(d("2026-12-07"), today, 0), None);
    // The period an outbound contact ends it in starts at local midnight.
    assert_eq!(period_start(d("2026-12-13"), 7, shanghai()), at("2026-12-05T16:00:00Z"));
    assert_eq!(period_start(d("2026-12-13"), 0, Tz::UTC), at("2026-12-13T00:00:00Z"));
}

#[test]
fn month_days_of_the_window() {
    let cases: [(&str, i64, &[&str]); 4] = [
        ("2026-12-30", 3, &["01-01", "01-02", "12-30", "12-31"]),
        ("2026-12-06", 0, &["12-06"]),
        // 28 February of a common year also stands for 29 February.
        ("2026-02-27", 1, &["02-27", "02-28", "02-29"]),
        ("2028-02-27", 1, &["02-27", "02-28"]),
    ];
    for (today, ahead, want) in cases {
        assert_eq!(window_month_days(d(today), ahead), want, "{today} +{ahead}");
    }
}

#[test]
fn survey_follow_ups() {
    let cases = [
        ([2, 3, 4], true),
        ([4, 4, 5], false),
        ([5, 5, 3], true),
        ([4, 4, 4], false),
        ([1, 5, 5], true),
    ];
    for (scores, low) in cases {
        assert_eq!(is_low(scores), low, "{scores:?}");
    }
    let cases = [
        ("2026-12-01T10:00:00Z", 24, "2026-12-02T10:00:00Z"),
        ("2026-12-01T10:00:00Z", 0, "2026-12-01T10:00:00Z"),
        ("2026-12-01T10:00:00Z", 72, "2026-12-04T10:00:00Z"),
    ];
    for (survey, hours, want) in cases {
        assert_eq!(follow_up_due(at(survey), hours), at(want), "{survey} +{hours}h");
    }
}
