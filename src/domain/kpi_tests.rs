use super::*;
use crate::domain::sla::ClockView;
use crate::domain::time::{parse_instant, rfc3339};
use TicketEvent as E;

fn at(s: &str) -> DateTime<Utc> {
    parse_instant("at", s).unwrap()
}

fn october() -> Window {
    // A closed month in UTC: cutoff and judgement at its end.
    Window::new("2026-10".parse().unwrap(), Tz::UTC, at("2026-11-15T00:00:00Z"))
}

fn events(list: &[(&str, TicketEvent)]) -> Vec<(DateTime<Utc>, TicketEvent)> {
    list.iter().map(|&(t, e)| (at(t), e)).collect()
}

#[test]
fn windows_of_closed_and_running_months() {
    let oct: Month = "2026-10".parse().unwrap();
    let closed = october();
    assert_eq!(rfc3339(closed.cutoff), "2026-11-01T00:00:00Z");
    assert_eq!(rfc3339(closed.as_of), "2026-11-01T00:00:00Z");
    let running = Window::new(oct, Tz::UTC, at("2026-10-20T09:00:00Z"));
    assert_eq!(rfc3339(running.cutoff), "2026-10-20T09:00:01Z");
    assert_eq!(rfc3339(running.as_of), "2026-10-20T09:00:00Z");
    // (instant, in the running month?)
    let cases = [
        ("2026-09-30T23:59:59Z", false),
        ("2026-10-01T00:00:00Z", true),
        ("2026-10-20T09:00:00Z", true),
        ("2026-10-20T09:00:01Z", false),
    ];
    for (t, want) in cases {
        assert_eq!(running.contains(at(t)), want, "{t}");
    }
    let (from, to) = running.activity_at_start();
    assert_eq!(
        (rfc3339(from), rfc3339(to)),
        ("2026-07-03T00:00:00Z".into(), "2026-10-01T00:00:00Z".into())
    );
    let (from, to) = running.activity_at_cutoff();
    assert_eq!(
        (rfc3339(from), rfc3339(to)),
        ("2026-07-22T09:00:01Z".into(), "2026-10-20T09:00:01Z".into())
    );
}

#[test]
fn resolution_cycles_from_events() {
    // (events, every resolution, the latest one if the ticket is resolved now)
    type Case<'a> = (&'a [(&'a str, TicketEvent)], &'a [&'a str], Option<&'a str>);
    let cases: &[Case] = &[
        (&[("2026-10-01", E::Opened)], &[], None),
        (
            &[("2026-10-01", E::Opened), ("2026-10-02", E::Resolved)],
            &["2026-10-02"],
            Some("2026-10-02"),
        ),
        // Closing after resolving is the same resolution.
        (
            &[
                ("2026-10-01", E::Opened),
                ("2026-10-02", E::Resolved),
                ("2026-10-03", E::Closed),
            ],
            &["2026-10-02"],
            Some("2026-10-02"),
        ),
        // Closed straight from open.
        (
            &[("2026-10-01", E::Opened), ("2026-10-04", E::Closed)],
            &["2026-10-04"],
            Some("2026-10-04"),
        ),
        // Reopened: open again until the next resolution.
        (
            &[
                ("2026-10-01", E::Opened),
                ("2026-10-02", E::Resolved),
                ("2026-10-05", E::Reopened),
            ],
            &["2026-10-02"],
            None,
        ),
        (
            &[
                ("2026-10-01", E::Opened),
                ("2026-10-02", E::Resolved),
                ("2026-10-05", E::Reopened),
                ("2026-10-06", E::Paused),
                ("2026-10-07", E::Resolved),
                ("2026-10-08", E::CallbackDone),
            ],
            &["2026-10-02", "2026-10-07"],
            Some("2026-10-07"),
        ),
        // Nothing counts before the opening.
        (&[("2026-09-30", E::Resolved), ("2026-10-01", E::Opened)], &[], None),
    ];
    for (list, want_all, want_latest) in cases {
        let ev = events(list);
        let all: Vec<DateTime<Utc>> = want_all.iter().map(|t| at(t)).collect();
        assert_eq!(resolutions(&ev), all, "{list:?}");
        assert_eq!(resolved_at(&ev), want_latest.map(at), "{list:?}");
    }
}

#[test]
fn judged_states() {
    let cases = [
        (None, None),
        (Some(SlaState::Met), Some(true)),
        (Some(SlaState::Missed), Some(false)),
        (Some(SlaState::Breached), Some(false)),
        (Some(SlaState::Running), None),
        (Some(SlaState::AtRisk), None),
        (Some(SlaState::Paused), None),
    ];
    for (state, want) in cases {
        assert_eq!(on_time(state), want, "{state:?}");
    }
}

#[test]
fn first_contact_resolution() {
    // (outbound contacts up to the resolution, reopened, first-contact?)
    let cases = [
        (0, false, true),
        (1, false, true),
        (2, false, false),
        (0, true, false),
        (1, true, false),
    ];
    for (outbound, reopened, want) in cases {
        assert_eq!(
            is_first_contact_resolution(outbound, reopened),
            want,
            "{outbound} {reopened}"
        );
    }
}

#[test]
fn ratios_means_and_changes() {
    // (hits, total, rate)
    let cases = [
        (0, 0, None),
        (0, 3, Some(0.0)),
        (2, 3, Some(2.0 / 3.0)),
        (4, 4, Some(1.0)),
    ];
    for (hits, total, want) in cases {
        assert_eq!(Ratio { hits, total }.rate(), want);
    }
    let mut mean = Mean::default();
    assert_eq!(mean.value(), None);
    mean.add(30.0);
    mean.add(90.0);
    assert_eq!(mean.value(), Some(60.0));
    // (value, previous, change)
    let cases = [
        (Some(0.75), Some(0.5), Some(0.25)),
        (Some(3.0), Some(5.0), Some(-2.0)),
        (None, Some(0.5), None),
        (Some(0.5), None, None),
        (None, None, None),
    ];
    for (value, previous, want) in cases {
        assert_eq!(change(value, previous), want, "{value:?} {previous:?}");
    }
}

#[test]
fn surveys_make_satisfaction() {
    let s = |quality, response, communication| Scores {
        quality,
        response,
        communication,
    };
    // (scores, bucket of the rounded mean)
    let buckets = [
        (s(1, 1, 1), 1),
        (s(1, 1, 2), 1), // 1.33
        (s(1, 2, 2), 2), // 1.67
        (s(3, 4, 4), 4), // 3.67
        (s(4, 4, 3), 4), // 3.67
        (s(5, 5, 4), 5), // 4.67
        (s(5, 5, 5), 5),
    ];
    for (scores, want) in buckets {
        assert_eq!(satisfaction_bucket(&scores), want, "{scores:?}");
    }

    let mut tally = Tally::default();
    assert_eq!(tally.value(Kpi::SatisfactionAvg), None);
    assert_eq!(tally.value(Kpi::SatisfiedShare), None);
    // Means 5, 4, 11/3 ≈ 3.67 and 2: average (5 + 4 + 11/3 + 2) / 4 = 14.67 / 4 = 3.6667;
    // satisfied (mean ≥ 4): the first two → 2 / 4 = 0.5.
    for scores in [s(5, 5, 5), s(4, 4, 4), s(3, 4, 4), s(2, 2, 2)] {
        tally.add_survey(&scores);
    }
    let avg = tally.value(Kpi::SatisfactionAvg).unwrap();
    assert!((avg - 44.0 / 12.0).abs() < 1e-12, "{avg}");
    assert_eq!(tally.value(Kpi::SatisfiedShare), Some(0.5));
    assert_eq!(tally.measured(Kpi::SatisfiedShare), Some(4));
    assert_eq!(tally.distribution, [0, 1, 0, 2, 1]);

    // Surveys and customers counted apart and absorbed: the sums of one pass (whole means,
    // so the float sums are exact in any order).
    let mut parts = [Tally::default(), Tally::default()];
    parts[0].add_survey(&s(5, 5, 5));
    parts[1].add_survey(&s(2, 2, 2));
    parts[1].add_survey(&s(4, 4, 4));
    parts[0].add_customer(true, false);
    parts[1].add_customer(true, true);
    let [mut first, second] = parts;
    first.absorb(&second);
    let mut whole = Tally::default();
    for scores in [s(5, 5, 5), s(2, 2, 2), s(4, 4, 4)] {
        whole.add_survey(&scores);
    }
    whole.add_customer(true, false);
    whole.add_customer(true, true);
    assert_eq!(first, whole);
    assert_eq!(whole.churn, Ratio { hits: 1, total: 2 });
}

fn clock(due: Option<&str>, state: Option<SlaState>, done: Option<&str>) -> ClockView {
    ClockView {
        due: due.map(at),
        state,
        done_at: done.map(at),
        ..ClockView::default()
    }
}

/// One row of the ticket table: the facts, and what each ticket KPI of October gains.
struct Case {
    name: &'static str,
    kind: TicketKind,
    opened: &'static str,
    sla: SlaView,
    resolved: Option<&'static str>,
    reopened: bool,
    outbound: usize,
    /// (first response, complaint on time, first contact, request resolved, callback on
    /// time): `None` = not measured, `Some(hit)`.
    want: [Option<bool>; 5],
    /// Minutes added to the handling mean.
    handling: Option<f64>,
    backlog: u64,
}

#[test]
fn tickets_feed_each_kpi() {
    use SlaState::*;
    let none = SlaView::default();
    let cases = [
        Case {
            name: "complaint answered and resolved on time in October, one reply",
            kind: TicketKind::Complaint,
            opened: "2026-10-01T08:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-10-01T09:00:00Z"), Some(Met), Some("2026-10-01T08:30:00Z")),
                resolution: clock(Some("2026-10-02T08:00:00Z"), Some(Met), Some("2026-10-01T20:00:00Z")),
                callback: clock(Some("2026-10-02T20:00:00Z"), Some(Breached), None),
            },
            resolved: Some("2026-10-01T20:00:00Z"),
            reopened: false,
            outbound: 1,
            want: [Some(true), Some(true), Some(true), None, Some(false)],
            handling: Some(720.0),
            backlog: 0,
        },
        Case {
            name: "complaint resolved late after a reopen, three replies",
            kind: TicketKind::Complaint,
            opened: "2026-10-03T00:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-10-03T01:00:00Z"), Some(Missed), Some("2026-10-03T02:00:00Z")),
                resolution: clock(Some("2026-10-06T00:00:00Z"), Some(Missed), Some("2026-10-07T00:00:00Z")),
                callback: clock(Some("2026-10-08T00:00:00Z"), Some(Met), Some("2026-10-07T12:00:00Z")),
            },
            resolved: Some("2026-10-07T00:00:00Z"),
            reopened: true,
            outbound: 3,
            want: [Some(false), Some(false), Some(false), None, Some(true)],
            handling: Some(4.0 * 1440.0),
            backlog: 0,
        },
        Case {
            name: "request opened in October, still open: unresolved and in the backlog",
            kind: TicketKind::Request,
            opened: "2026-10-10T00:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-10-11T00:00:00Z"), Some(Breached), None),
                resolution: clock(Some("2026-10-14T00:00:00Z"), Some(Breached), None),
                callback: ClockView::default(),
            },
            resolved: None,
            reopened: false,
            outbound: 0,
            want: [None, None, None, Some(false), None],
            handling: None,
            backlog: 1,
        },
        Case {
            name: "request opened in September, resolved in October: not a request of October",
            kind: TicketKind::Request,
            opened: "2026-09-29T00:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-09-30T00:00:00Z"), Some(Met), Some("2026-09-29T01:00:00Z")),
                resolution: clock(Some("2026-10-02T00:00:00Z"), Some(Met), Some("2026-10-01T00:00:00Z")),
                callback: clock(Some("2026-10-02T00:00:00Z"), Some(Running), None),
            },
            resolved: Some("2026-10-01T00:00:00Z"),
            reopened: false,
            outbound: 0,
            want: [None, None, Some(true), None, None],
            handling: Some(2.0 * 1440.0),
            backlog: 0,
        },
        Case {
            name: "inquiry without any targets resolved in October",
            kind: TicketKind::Inquiry,
            opened: "2026-10-05T00:00:00Z",
            sla: none,
            resolved: Some("2026-10-05T00:30:00Z"),
            reopened: false,
            outbound: 2,
            want: [None, None, Some(false), None, None],
            handling: Some(30.0),
            backlog: 0,
        },
        Case {
            name: "callback due in November is not October's",
            kind: TicketKind::Repair,
            opened: "2026-10-30T00:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-10-30T04:00:00Z"), Some(Met), Some("2026-10-30T01:00:00Z")),
                resolution: clock(Some("2026-11-02T00:00:00Z"), Some(Met), Some("2026-10-31T12:00:00Z")),
                callback: clock(Some("2026-11-01T12:00:00Z"), Some(Running), None),
            },
            resolved: Some("2026-10-31T12:00:00Z"),
            reopened: false,
            outbound: 1,
            want: [Some(true), None, Some(true), None, None],
            handling: Some(36.0 * 60.0),
            backlog: 0,
        },
        Case {
            name: "opened after the cutoff: nothing",
            kind: TicketKind::Request,
            opened: "2026-11-02T00:00:00Z",
            sla: none,
            resolved: None,
            reopened: false,
            outbound: 0,
            want: [None; 5],
            handling: None,
            backlog: 0,
        },
        Case {
            name: "old ticket still open: backlog only",
            kind: TicketKind::Other,
            opened: "2026-01-01T00:00:00Z",
            sla: SlaView {
                first_response: clock(Some("2026-01-01T04:00:00Z"), Some(Met), Some("2026-01-01T01:00:00Z")),
                resolution: clock(Some("2026-01-04T00:00:00Z"), Some(Breached), None),
                callback: ClockView::default(),
            },
            resolved: None,
            reopened: false,
            outbound: 1,
            want: [None; 5],
            handling: None,
            backlog: 1,
        },
    ];
    let window = october();
    let add = |tally: &mut Tally, case: &Case| {
        tally.add_ticket(
            &TicketFacts {
                kind: case.kind,
                opened_at: at(case.opened),
                sla: &case.sla,
                resolved_at: case.resolved.map(at),
                reopened: case.reopened,
                outbound_until_resolved: case.outbound,
            },
            &window,
        )
    };
    for case in &cases {
        let mut tally = Tally::default();
        add(&mut tally, case);
        let ratios = [
            tally.first_response,
            tally.complaint_on_time,
            tally.first_contact,
            tally.request_resolution,
            tally.callback_on_time,
        ];
        let got: Vec<Option<bool>> = ratios.iter().map(|r| (r.total > 0).then_some(r.hits > 0)).collect();
        assert_eq!(got, case.want, "{}", case.name);
        assert_eq!(tally.handling.value(), case.handling, "{}", case.name);
        assert_eq!(tally.backlog, case.backlog, "{}", case.name);
    }
    // Counted in two parts split anywhere, the parts absorbed add up to one pass, to the bit.
    let mut whole = Tally::default();
    cases.iter().for_each(|case| add(&mut whole, case));
    assert!(whole.handling.count > 2 && whole.backlog > 0);
    for split in 0..=cases.len() {
        let (mut first, mut second) = (Tally::default(), Tally::default());
        cases[..split].iter().for_each(|case| add(&mut first, case));
        cases[split..].iter().rev().for_each(|case| add(&mut second, case));
        second.absorb(&first);
        assert_eq!(second, whole, "split at {split}");
    }
}

#[test]
fn churn_counts_customers_active_at_the_start() {
    // (active at start, active at cutoff) per customer
    let customers = [
        (true, true),
        (true, false),
        (true, false),
        (false, true),
        (false, false),
    ];
    let mut tally = Tally::default();
    for (start, cutoff) in customers {
        tally.add_customer(start, cutoff);
    }
    // 2 of the 3 active at the start went silent.
    assert_eq!(tally.churn, Ratio { hits: 2, total: 3 });
    assert_eq!(tally.value(Kpi::ChurnRate), Some(2.0 / 3.0));
    assert_eq!(Tally::default().value(Kpi::ChurnRate), None);
    assert_eq!(Tally::default().value(Kpi::Backlog), Some(0.0));
}

#[test]
fn breakdown_keys() {
    let cases = [
        ("agent", Some(Breakdown::Agent)),
        ("Department", Some(Breakdown::Department)),
        ("kind", Some(Breakdown::Kind)),
        ("channel", Some(Breakdown::Channel)),
        ("tier", None),
    ];
    for (input, want) in cases {
        assert_eq!(input.parse::<Breakdown>().ok(), want, "{input}");
    }
    assert_eq!("x".parse::<Breakdown>().unwrap_err().field, "by");
    let keys: Vec<&str> = Kpi::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(keys.len(), 10);
}
