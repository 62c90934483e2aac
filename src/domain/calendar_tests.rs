//! Tests of calendar.rs: table-driven cases, then round-trip properties.

use super::*;

/// The calendars the tables refer to by key.
fn cal(key: &str) -> Calendar {
    let (tz, specs, holidays, workdays): (&str, &[&str], &[&str], &[&str]) = match key {
        "berlin" => (
            "Europe/Berlin",
            &["mon-fri 09:00-17:00"],
            &["2026-04-03", "2026-04-06"],
            &[],
        ),
        "berlin24" => ("Europe/Berlin", &["daily 00:00-24:00"], &[], &[]),
        "berlin-night" => ("Europe/Berlin", &["sun 01:00-04:00"], &[], &[]),
        "ny" => ("America/New_York", &["mon-fri 09:00-17:00"], &[], &[]),
        "ny-night" => ("America/New_York", &["sun 00:30-01:30,02:30-04:00"], &[], &[]),
        // Illustrative National Day week: holidays Thu 10-01 .. Wed 10-07, Saturday 10-10 worked.
        "sh" | "sh-sat" => (
            "Asia/Shanghai",
            if key == "sh" {
                &["mon-fri 09:00-12:00,13:00-18:00"]
            } else {
                &["mon-fri 09:00-12:00,13:00-18:00", "sat 10:00-12:00"]
            },
            &[
                "2026-10-01",
                "2026-10-02",
                "2026-10-03",
                "2026-10-04",
                "2026-10-05",
                "2026-10-06",
                "2026-10-07",
            ],
            &["2026-10-10"],
        ),
        "none" => ("UTC", &[], &[], &[]),
        other => panic!("no test calendar {other}"),
    };
    let mut c = Calendar::new(key, Calendar::parse_tz(tz).unwrap());
    for spec in specs {
        c.add_hours(spec).unwrap();
    }
    c.holidays = holidays.iter().map(|d| d.parse().unwrap()).collect();
    c.workdays = workdays.iter().map(|d| d.parse().unwrap()).collect();
    c
}

/// `"2026-03-27 16:00[:SS]"` as local time of the calendar (first occurrence if ambiguous),
/// or as UTC when it ends in `Z`.
fn at(c: &Calendar, s: &str) -> DateTime<Utc> {
    let (text, utc) = match s.strip_suffix('Z') {
        Some(t) => (t, true),
        None => (s, false),
    };
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
        .unwrap();
    if utc {
        local.and_utc()
    } else {
        c.tz.from_local_datetime(&local).earliest().unwrap().with_timezone(&Utc)
    }
}

struct AddCase {
    why: &'static str,
    cal: &'static str,
    start: &'static str,
    minutes: i64,
    want: &'static str,
}

#[test]
fn add_business_minutes_cases() {
    #[rustfmt::skip]
    let cases = [
        AddCase { why: "inside hours", cal: "berlin", start: "2026-03-25 10:00", minutes: 60, want: "2026-03-25 11:00" },
        AddCase { why: "ends exactly at closing", cal: "berlin", start: "2026-03-25 10:00", minutes: 420, want: "2026-03-25 17:00" },
        AddCase { why: "spills into next day", cal: "berlin", start: "2026-03-25 16:00", minutes: 120, want: "2026-03-26 10:00" },
        AddCase { why: "before opening", cal: "berlin", start: "2026-03-25 07:30", minutes: 30, want: "2026-03-25 09:30" },
        AddCase { why: "after closing", cal: "berlin", start: "2026-03-25 18:00", minutes: 30, want: "2026-03-26 09:30" },
        AddCase { why: "weekend start, DST on Sunday", cal: "berlin", start: "2026-03-28 12:00", minutes: 30, want: "2026-03-30 09:30" },
        AddCase { why: "Friday over spring-forward weekend", cal: "berlin", start: "2026-03-27 16:00", minutes: 120, want: "2026-03-30 10:00" },
        AddCase { why: "same in UTC: offset changed", cal: "berlin", start: "2026-03-27 15:00Z", minutes: 120, want: "2026-03-30 08:00Z" },
        AddCase { why: "Friday over fall-back weekend", cal: "berlin", start: "2026-10-23 16:00", minutes: 120, want: "2026-10-26 10:00" },
        AddCase { why: "zero minutes inside hours", cal: "berlin", start: "2026-03-25 10:00:07", minutes: 0, want: "2026-03-25 10:00:07" },
        AddCase { why: "zero minutes at closing", cal: "berlin", start: "2026-03-25 17:00", minutes: 0, want: "2026-03-26 09:00" },
        AddCase { why: "negative counts as zero", cal: "berlin", start: "2026-03-25 07:00", minutes: -5, want: "2026-03-25 09:00" },
        AddCase { why: "seconds kept", cal: "berlin", start: "2026-03-25 10:15:42", minutes: 90, want: "2026-03-25 11:45:42" },
        AddCase { why: "seconds kept over night", cal: "berlin", start: "2026-03-25 16:59:30", minutes: 1, want: "2026-03-26 09:00:30" },
        AddCase { why: "Easter holidays skipped", cal: "berlin", start: "2026-04-02 16:00", minutes: 120, want: "2026-04-07 10:00" },
        AddCase { why: "whole week", cal: "berlin", start: "2026-03-23 09:00", minutes: 5 * 480, want: "2026-03-27 17:00" },
        AddCase { why: "whole week and a minute", cal: "berlin", start: "2026-03-23 09:00", minutes: 5 * 480 + 1, want: "2026-03-30 09:01" },
        AddCase { why: "24h over a 23h day", cal: "berlin24", start: "2026-03-28 12:00", minutes: 24 * 60, want: "2026-03-29 13:00" },
        AddCase { why: "spring-forward day has 23h", cal: "berlin24", start: "2026-03-29 00:00", minutes: 23 * 60, want: "2026-03-30 00:00" },
        AddCase { why: "fall-back day has 25h", cal: "berlin24", start: "2026-10-25 00:00", minutes: 25 * 60, want: "2026-10-26 00:00" },
        AddCase { why: "01:00-04:00 over the gap is 2h", cal: "berlin-night", start: "2026-03-29 00:00", minutes: 120, want: "2026-03-29 04:00" },
        AddCase { why: "next Sunday after a 2h range", cal: "berlin-night", start: "2026-03-29 00:00", minutes: 121, want: "2026-04-05 01:01" },
        AddCase { why: "01:00-04:00 over fall-back is 4h", cal: "berlin-night", start: "2026-10-25 00:00", minutes: 240, want: "2026-10-25 04:00" },
        AddCase { why: "NY Friday over spring-forward", cal: "ny", start: "2026-03-06 16:00", minutes: 120, want: "2026-03-09 10:00" },
        AddCase { why: "NY Friday over fall-back", cal: "ny", start: "2026-10-30 16:00", minutes: 120, want: "2026-11-02 10:00" },
        AddCase { why: "NY range starting in the gap", cal: "ny-night", start: "2026-03-08 00:00", minutes: 90, want: "2026-03-08 03:30" },
        AddCase { why: "NY gap range ends 04:00", cal: "ny-night", start: "2026-03-08 00:00", minutes: 120, want: "2026-03-08 04:00" },
        AddCase { why: "NY ambiguous end: first 01:30", cal: "ny-night", start: "2026-11-01 00:00", minutes: 60, want: "2026-11-01 05:30Z" },
        AddCase { why: "NY ambiguous start: 02:30 EST", cal: "ny-night", start: "2026-11-01 00:00", minutes: 61, want: "2026-11-01 07:31Z" },
        AddCase { why: "lunch break skipped", cal: "sh", start: "2026-09-28 11:30", minutes: 60, want: "2026-09-28 13:30" },
        AddCase { why: "start in lunch break", cal: "sh", start: "2026-09-28 12:15", minutes: 0, want: "2026-09-28 13:00" },
        AddCase { why: "National Day week skipped", cal: "sh", start: "2026-09-30 17:00", minutes: 120, want: "2026-10-08 10:00" },
        AddCase { why: "make-up Saturday worked", cal: "sh", start: "2026-10-09 17:00", minutes: 120, want: "2026-10-10 10:00" },
        AddCase { why: "make-up Saturday has lunch", cal: "sh", start: "2026-10-10 11:30", minutes: 60, want: "2026-10-10 13:30" },
        AddCase { why: "after make-up day: Sunday off", cal: "sh", start: "2026-10-10 18:00", minutes: 60, want: "2026-10-12 10:00" },
        AddCase { why: "make-up uses weekday hours", cal: "sh-sat", start: "2026-10-10 09:00", minutes: 60, want: "2026-10-10 10:00" },
        AddCase { why: "ordinary Saturday own hours", cal: "sh-sat", start: "2026-10-17 09:00", minutes: 60, want: "2026-10-17 11:00" },
        AddCase { why: "no hours: capped", cal: "none", start: "2026-01-01 00:00", minutes: 60, want: "2036-01-09 00:00" },
    ];
    for case in &cases {
        let c = cal(case.cal);
        let got = c.add_business_minutes(at(&c, case.start), case.minutes);
        let want = at(&c, case.want);
        assert_eq!(
            got, want,
            "{}: {} + {} min on {}",
            case.why, case.start, case.minutes, case.cal
        );
    }
}

struct BetweenCase {
    why: &'static str,
    cal: &'static str,
    from: &'static str,
    to: &'static str,
    seconds: i64,
}

#[test]
fn business_seconds_between_cases() {
    #[rustfmt::skip]
    let cases = [
        BetweenCase { why: "inside one day", cal: "berlin", from: "2026-03-25 10:00", to: "2026-03-25 11:30", seconds: 90 * 60 },
        BetweenCase { why: "over spring-forward weekend", cal: "berlin", from: "2026-03-27 16:00", to: "2026-03-30 10:00", seconds: 120 * 60 },
        BetweenCase { why: "reversed is zero", cal: "berlin", from: "2026-03-25 11:00", to: "2026-03-25 10:00", seconds: 0 },
        BetweenCase { why: "outside hours only", cal: "berlin", from: "2026-03-25 17:00", to: "2026-03-26 09:00", seconds: 0 },
        BetweenCase { why: "over Easter", cal: "berlin", from: "2026-04-02 16:00", to: "2026-04-07 10:00", seconds: 120 * 60 },
        BetweenCase { why: "fractional seconds floored", cal: "berlin", from: "2026-03-25 10:00:00", to: "2026-03-25 10:00:59", seconds: 59 },
        BetweenCase { why: "23h spring-forward day", cal: "berlin24", from: "2026-03-29 00:00", to: "2026-03-30 00:00", seconds: 23 * 3600 },
        BetweenCase { why: "25h fall-back day", cal: "berlin24", from: "2026-10-25 00:00", to: "2026-10-26 00:00", seconds: 25 * 3600 },
        BetweenCase { why: "range over gap", cal: "berlin-night", from: "2026-03-29 00:00", to: "2026-03-30 00:00", seconds: 2 * 3600 },
        BetweenCase { why: "range over repeated hour", cal: "berlin-night", from: "2026-10-25 00:00", to: "2026-10-26 00:00", seconds: 4 * 3600 },
        BetweenCase { why: "NY gap", cal: "ny-night", from: "2026-03-08 00:00", to: "2026-03-09 00:00", seconds: 120 * 60 },
        BetweenCase { why: "NY repeated hour", cal: "ny-night", from: "2026-11-01 00:00", to: "2026-11-02 00:00", seconds: 150 * 60 },
        BetweenCase { why: "day with lunch break", cal: "sh", from: "2026-09-28 09:00", to: "2026-09-29 09:00", seconds: 8 * 3600 },
        BetweenCase { why: "National Day fortnight", cal: "sh", from: "2026-09-28 00:00", to: "2026-10-12 00:00", seconds: 6 * 8 * 3600 },
        BetweenCase { why: "no hours", cal: "none", from: "2026-01-01 00:00", to: "2027-01-01 00:00", seconds: 0 },
    ];
    for case in &cases {
        let c = cal(case.cal);
        let (from, to) = (at(&c, case.from), at(&c, case.to));
        assert_eq!(c.business_seconds_between(from, to), case.seconds, "{}", case.why);
        assert_eq!(c.business_minutes_between(from, to), case.seconds / 60, "{}", case.why);
    }
}

/// business_minutes_between(start, add_business_minutes(start, n)) == n, over both DST
/// changes of each zone, starts with odd seconds, and results never go backwards.
#[test]
fn round_trip_properties() {
    let keys = ["berlin", "berlin24", "berlin-night", "ny", "ny-night", "sh", "sh-sat"];
    let ns = [0, 1, 59, 60, 61, 179, 479, 480, 481, 1439, 2000, 9000];
    let windows = [("2026-03-04 00:00Z", 9), ("2026-09-26 00:00Z", 40)];
    for key in keys {
        let c = cal(key);
        for (first, days) in windows {
            let mut start = at(&c, first);
            let end = start + TimeDelta::days(days);
            while start < end {
                let mut previous = start;
                for n in ns {
                    let due = c.add_business_minutes(start, n);
                    assert!(due >= previous, "{key}: not monotone at {start} + {n}");
                    assert_eq!(c.business_minutes_between(start, due), n, "{key}: {start} + {n}");
                    assert_eq!(c.business_seconds_between(start, due), n * 60, "{key}: {start} + {n}");
                    previous = due;
                }
                start += TimeDelta::seconds(173 * 60 + 7);
            }
        }
    }
}

#[test]
fn never_hangs_or_panics() {
    let c = cal("berlin");
    let start = at(&c, "2026-01-01 00:00Z");
    let cap = start + TimeDelta::days(HORIZON_DAYS);
    assert_eq!(c.add_business_minutes(start, i64::MAX), cap);
    // Every date a holiday for eleven years: the walk gives up at the horizon.
    let mut closed = c.clone();
    let mut day = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    for _ in 0..4100 {
        closed.holidays.insert(day);
        day = day.succ_opt().unwrap();
    }
    assert!(closed.has_any_hours());
    assert_eq!(closed.add_business_minutes(start, 1), cap);
    // Extreme instants: no panic, sensible answers.
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    assert_eq!(c.add_business_minutes(max, 60), max);
    assert_eq!(c.business_seconds_between(min, max), 0);
    let _ = c.add_business_minutes(min, 60);
    // A span longer than the horizon counts only the horizon.
    let long = c.business_seconds_between(start, start + TimeDelta::days(HORIZON_DAYS * 3));
    assert!(long > 0 && long <= HORIZON_DAYS * 8 * 3600);
    // Junk set directly in the public fields is ignored, not trusted.
    let mut junk = Calendar::new("junk", chrono_tz::UTC);
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    junk.hours[0] = vec![(t(13), t(18)), (t(17), t(9)), (t(9), t(12)), (t(10), t(11))];
    let monday = at(&junk, "2026-03-23 08:00");
    assert_eq!(junk.add_business_minutes(monday, 240), at(&junk, "2026-03-23 14:00"));
}

/// Renders the week as `mon 09:00-17:00 | sat 10:00-14:00` (24:00 for an end of day).
fn render(c: &Calendar) -> String {
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let clock = |t: NaiveTime, end: bool| match (t == NaiveTime::MIN, end) {
        (true, true) => "24:00".to_string(),
        _ => t.format("%H:%M").to_string(),
    };
    (0..7)
        .filter(|&d| !c.hours[d].is_empty())
        .map(|d| {
            let ranges: Vec<String> = c.hours[d]
                .iter()
                .map(|&(s, e)| format!("{}-{}", clock(s, false), clock(e, true)))
                .collect();
            format!("{} {}", names[d], ranges.join(","))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

struct ParseCase {
    specs: &'static [&'static str],
    /// Ok(rendered week) or Err(the reason's variant, as `Debug` names it)
    want: Result<&'static str, &'static str>,
}

#[test]
fn add_hours_cases() {
    #[rustfmt::skip]
    let wk = "mon 09:00-17:00 | tue 09:00-17:00 | wed 09:00-17:00 | thu 09:00-17:00 | fri 09:00-17:00";
    #[rustfmt::skip]
    let cases = [
        ParseCase { specs: &["mon-fri 09:00-17:00"], want: Ok(wk) },
        ParseCase { specs: &["  MON-Fri   09:00-17:00 "], want: Ok(wk) },
        ParseCase { specs: &["sat 10:00-14:00"], want: Ok("sat 10:00-14:00") },
        ParseCase { specs: &["mon,wed 09:00-12:00,13:00-18:00"], want: Ok("mon 09:00-12:00,13:00-18:00 | wed 09:00-12:00,13:00-18:00") },
        ParseCase { specs: &["mon 13:00-18:00, 09:00-12:00"], want: Ok("mon 09:00-12:00,13:00-18:00") },
        ParseCase { specs: &["fri-mon 8:00-9:30"], want: Ok("mon 08:00-09:30 | fri 08:00-09:30 | sat 08:00-09:30 | sun 08:00-09:30") },
        ParseCase { specs: &["saturday 00:00-24:00"], want: Ok("sat 00:00-24:00") },
        ParseCase { specs: &["mon 09:00-12:00", "mon 11:00-14:00", "mon 14:00-15:00"], want: Ok("mon 09:00-15:00") },
        ParseCase { specs: &[""], want: Err("NoTimes") },
        ParseCase { specs: &["mon-fri"], want: Err("NoTimes") },
        ParseCase { specs: &["funday 09:00-17:00"], want: Err("UnknownDay") },
        ParseCase { specs: &["mon,,tue 09:00-17:00"], want: Err("UnknownDay") },
        ParseCase { specs: &["mon 9-17"], want: Err("BadTime") },
        ParseCase { specs: &["mon 09:00"], want: Err("NotARange") },
        ParseCase { specs: &["mon 09:00-25:00"], want: Err("BadTime") },
        ParseCase { specs: &["mon 09:60-10:00"], want: Err("BadTime") },
        ParseCase { specs: &["mon 24:00-24:00"], want: Err("BadTime") },
        ParseCase { specs: &["mon +9:00-10:00"], want: Err("BadTime") },
        ParseCase { specs: &["mon 17:00-09:00"], want: Err("Backwards") },
        ParseCase { specs: &["mon 09:00-09:00"], want: Err("EmptyRange") },
        ParseCase { specs: &["mon 17:00-09:00"], want: Err("Backwards") },
        ParseCase { specs: &["mon 09:00-10:00,"], want: Err("NotARange") },
        ParseCase { specs: &["mon 09:00-10:00 extra"], want: Err("BadTime") },
    ];
    for case in &cases {
        let mut c = Calendar::new("t", chrono_tz::UTC);
        let result = case.specs.iter().try_for_each(|s| c.add_hours(s));
        match (result, case.want) {
            (Ok(()), Ok(week)) => assert_eq!(render(&c), week, "{:?}", case.specs),
            (Err(e), Err(part)) => {
                assert_eq!(e.field, "hours");
                assert_eq!(&e.value, case.specs.last().unwrap());
                let reason = format!("{:?}", e.reason);
                assert!(reason.contains(part), "{:?}: {reason}", case.specs);
            }
            (got, want) => panic!("{:?}: got {got:?}, want {want:?}", case.specs),
        }
    }
}

#[test]
fn parse_tz_and_has_hours() {
    assert_eq!(
        Calendar::parse_tz(" Asia/Shanghai ").unwrap(),
        chrono_tz::Asia::Shanghai
    );
    let e = Calendar::parse_tz("Mars/Olympus").unwrap_err();
    assert_eq!((e.field.as_str(), e.value.as_str()), ("tz", "Mars/Olympus"));
    assert!(!cal("none").has_any_hours());
    assert!(cal("berlin-night").has_any_hours());
}

/// `reach_*` tells a target past the horizon from one reached exactly at the cap, where
/// `add_*` answers both with the cap (so `sla due` can refuse instead of answering it).
#[test]
fn reach_is_none_past_the_horizon() {
    let start = at(&cal("berlin24"), "2026-01-01 00:00Z");
    let horizon_minutes = HORIZON_DAYS * 24 * 60;
    let cases = [
        ("berlin24", 90, Some("2026-01-01 01:30Z")),
        ("berlin24", horizon_minutes, Some("cap")),
        ("berlin24", horizon_minutes + 1, None),
        ("berlin", horizon_minutes, None),
        ("berlin", i64::MAX, None),
        ("none", 0, None),
        ("none", 1, None),
    ];
    for (key, minutes, want) in cases {
        let c = cal(key);
        let cap = start + TimeDelta::days(HORIZON_DAYS);
        let want = want.map(|w| if w == "cap" { cap } else { at(&c, w) });
        assert_eq!(c.reach_business_minutes(start, minutes), want, "{key} {minutes}");
        assert_eq!(
            c.add_business_minutes(start, minutes),
            want.unwrap_or(cap),
            "{key} {minutes}"
        );
    }
}

#[test]
fn remembered_day_ranges_are_the_conversions_of_their_own_zone() {
    // Zones with and without clock changes take turns on the same dates and spans (the
    // same slots of the table), over three years, so entries collide and are replaced;
    // each answer must still be the conversion of its own zone, date and span.
    let zones = ["Europe/Berlin", "America/New_York", "Asia/Shanghai"].map(|z| Calendar::parse_tz(z).unwrap());
    let spans: [Span; 3] = [(9 * 3600, 17 * 3600), (2 * 3600 + 1800, 3 * 3600), (0, DAY_SECS)];
    let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for round in 0..2 {
        for day in 0..3 * 366 {
            let date = first + TimeDelta::days(day);
            for &span in &spans {
                for &tz in &zones {
                    assert_eq!(
                        interval_utc(tz, date, span),
                        convert_interval(tz, date, span),
                        "round {round}, {tz} {date} {span:?}"
                    );
                }
            }
        }
    }
}
