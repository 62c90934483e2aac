//! Tests of sla.rs: one table of event histories, then view helpers and robustness.

use super::*;
use SlaClock as C;
use SlaState as S;
use TicketEvent as E;
use chrono::{NaiveDateTime, TimeZone};

/// `"2026-06-01 09:00[:SS]"` in Asia/Shanghai (UTC+8, no DST), as UTC.
fn t(s: &str) -> DateTime<Utc> {
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .unwrap();
    chrono_tz::Asia::Shanghai
        .from_local_datetime(&local)
        .unwrap()
        .with_timezone(&Utc)
}

/// Business hours Mon–Fri 09:00–18:00 in Asia/Shanghai.
fn office() -> &'static Calendar {
    static OFFICE: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    OFFICE.get_or_init(|| {
        let mut cal = Calendar::new("office", chrono_tz::Asia::Shanghai);
        cal.add_hours("mon-fri 09:00-18:00").unwrap();
        cal
    })
}

fn targets(key: &str) -> Targets<'static> {
    match key {
        // 24×7: first response 1 h, resolution 24 h, callback 24 h.
        "wall" => Targets {
            first_response: Some(Target::always(60)),
            resolution: Some(Target::always(24 * 60)),
            callback: Some(Target::always(24 * 60)),
        },
        // Business time Mon–Fri 09:00–18:00: first response 1 h, resolution 3 working days.
        "biz" => Targets {
            first_response: Some(Target::business(60, office())),
            resolution: Some(Target::business(3 * 9 * 60, office())),
            callback: Some(Target::always(24 * 60)),
        },
        _ => Targets::default(),
    }
}

/// Expected (state, due) of a clock; `None` = no state and no due.
type Want = Option<(SlaState, &'static str)>;

struct Case {
    why: &'static str,
    targets: &'static str,
    events: &'static [(&'static str, TicketEvent)],
    now: &'static str,
    first: Want,
    resolution: Want,
    callback: Want,
    /// Optional check of one clock's seconds_left.
    left: Option<(SlaClock, i64)>,
}

const OPEN: (&str, TicketEvent) = ("2026-06-01 09:00", E::Opened);
const RESOLVE: (&str, TicketEvent) = ("2026-06-01 15:00", E::Resolved);

#[test]
fn evaluate_cases() {
    #[rustfmt::skip]
    let cases = [
        Case { why: "running", targets: "wall", events: &[OPEN], now: "2026-06-01 09:10",
            first: Some((S::Running, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: Some((C::FirstResponse, 50 * 60)) },
        Case { why: "first response at risk", targets: "wall", events: &[OPEN], now: "2026-06-01 09:50",
            first: Some((S::AtRisk, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: None },
        Case { why: "exactly 25% left is not at risk", targets: "wall", events: &[OPEN], now: "2026-06-01 09:45",
            first: Some((S::Running, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: None },
        Case { why: "due now: at risk, not breached", targets: "wall", events: &[OPEN], now: "2026-06-01 10:00",
            first: Some((S::AtRisk, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: Some((C::FirstResponse, 0)) },
        Case { why: "breached a second after due", targets: "wall", events: &[OPEN], now: "2026-06-01 10:00:01",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: Some((C::FirstResponse, -1)) },
        Case { why: "first response met", targets: "wall", events: &[OPEN, ("2026-06-01 09:30", E::Responded)], now: "2026-06-01 12:00",
            first: Some((S::Met, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: Some((C::FirstResponse, 30 * 60)) },
        Case { why: "met exactly at due", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Responded)], now: "2026-06-01 12:00",
            first: Some((S::Met, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: None },
        Case { why: "first response missed", targets: "wall", events: &[OPEN, ("2026-06-01 10:30", E::Responded)], now: "2026-06-01 12:00",
            first: Some((S::Missed, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: Some((C::FirstResponse, -30 * 60)) },
        Case { why: "first response never paused", targets: "wall", events: &[OPEN, ("2026-06-01 09:10", E::Paused)], now: "2026-06-01 10:30",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Paused, "2026-06-02 10:20")), callback: None, left: None },
        Case { why: "resolution at risk", targets: "wall", events: &[OPEN], now: "2026-06-02 04:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::AtRisk, "2026-06-02 09:00")), callback: None, left: Some((C::Resolution, 5 * 3600)) },
        Case { why: "resolution breached", targets: "wall", events: &[OPEN], now: "2026-06-02 09:01",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Breached, "2026-06-02 09:00")), callback: None, left: Some((C::Resolution, -60)) },
        Case { why: "8h pending moves due 8h", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Paused), ("2026-06-01 18:00", E::Resumed)], now: "2026-06-02 10:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 17:00")), callback: None, left: Some((C::Resolution, 7 * 3600)) },
        Case { why: "open pause: due as if resumed now", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Paused)], now: "2026-06-01 14:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Paused, "2026-06-02 13:00")), callback: None, left: Some((C::Resolution, 23 * 3600)) },
        Case { why: "paused after the due passed", targets: "wall", events: &[OPEN, ("2026-06-02 10:00", E::Paused)], now: "2026-06-02 12:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Paused, "2026-06-02 09:00")), callback: None, left: Some((C::Resolution, -3600)) },
        Case { why: "second pause adds up", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Paused), ("2026-06-01 12:00", E::Resumed), ("2026-06-01 13:00", E::Paused), ("2026-06-01 14:00", E::Resumed), ("2026-06-01 14:30", E::Paused)], now: "2026-06-01 16:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Paused, "2026-06-02 13:30")), callback: None, left: Some((C::Resolution, 22 * 3600 - 30 * 60)) },
        Case { why: "resolved while pending", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Paused), ("2026-06-03 09:00", E::Resolved)], now: "2026-06-03 10:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-04 08:00")), callback: Some((S::Running, "2026-06-04 09:00")), left: Some((C::Resolution, 23 * 3600)) },
        Case { why: "resolution met, callback starts", targets: "wall", events: &[OPEN, RESOLVE], now: "2026-06-01 16:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Running, "2026-06-02 15:00")), left: Some((C::Resolution, 18 * 3600)) },
        Case { why: "resolution missed", targets: "wall", events: &[OPEN, ("2026-06-02 10:00", E::Resolved)], now: "2026-06-02 11:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Missed, "2026-06-02 09:00")), callback: Some((S::Running, "2026-06-03 10:00")), left: Some((C::Resolution, -3600)) },
        Case { why: "closed satisfies resolution", targets: "wall", events: &[OPEN, ("2026-06-01 15:00", E::Closed)], now: "2026-06-01 16:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Running, "2026-06-02 15:00")), left: None },
        Case { why: "first of resolved/closed counts", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-02 12:00", E::Closed)], now: "2026-06-02 13:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::AtRisk, "2026-06-02 15:00")), left: None },
        Case { why: "pause after resolution ignored", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-01 16:00", E::Paused)], now: "2026-06-01 17:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Running, "2026-06-02 15:00")), left: None },
        Case { why: "reopen restarts resolution, first response stays met", targets: "wall", events: &[OPEN, ("2026-06-01 09:20", E::Responded), RESOLVE, ("2026-06-03 10:00", E::Reopened)], now: "2026-06-03 11:00",
            first: Some((S::Met, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-04 10:00")), callback: None, left: Some((C::Resolution, 23 * 3600)) },
        Case { why: "reopen forgets a missed resolution", targets: "wall", events: &[OPEN, ("2026-06-03 12:00", E::Resolved), ("2026-06-03 13:00", E::Reopened)], now: "2026-06-03 14:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-04 13:00")), callback: None, left: None },
        Case { why: "reopen forgets pauses and callback", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::Paused), RESOLVE, ("2026-06-01 16:00", E::CallbackDone), ("2026-06-02 09:00", E::Reopened)], now: "2026-06-02 10:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-03 09:00")), callback: None, left: None },
        Case { why: "second cycle resolved: new callback", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-02 09:00", E::Reopened), ("2026-06-02 12:00", E::Resolved)], now: "2026-06-02 13:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-03 09:00")), callback: Some((S::Running, "2026-06-03 12:00")), left: None },
        Case { why: "callback met", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-02 10:00", E::CallbackDone)], now: "2026-06-02 11:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Met, "2026-06-02 15:00")), left: Some((C::Callback, 5 * 3600)) },
        Case { why: "callback missed", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-02 16:00", E::CallbackDone)], now: "2026-06-02 17:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Missed, "2026-06-02 15:00")), left: None },
        Case { why: "callback breached", targets: "wall", events: &[OPEN, RESOLVE], now: "2026-06-02 15:01",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Breached, "2026-06-02 15:00")), left: None },
        Case { why: "callback before resolution ignored", targets: "wall", events: &[OPEN, ("2026-06-01 10:00", E::CallbackDone), RESOLVE], now: "2026-06-01 16:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Met, "2026-06-02 09:00")), callback: Some((S::Running, "2026-06-02 15:00")), left: None },
        Case { why: "unanswered first response keeps its due after reopen", targets: "wall", events: &[OPEN, RESOLVE, ("2026-06-02 09:00", E::Reopened)], now: "2026-06-02 10:00",
            first: Some((S::Breached, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-03 09:00")), callback: None, left: None },
        Case { why: "events before Opened ignored", targets: "wall", events: &[("2026-06-01 08:00", E::Responded), OPEN], now: "2026-06-01 09:30",
            first: Some((S::Running, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: None },
        Case { why: "unsorted input is sorted", targets: "wall", events: &[("2026-06-01 09:30", E::Responded), OPEN], now: "2026-06-01 09:40",
            first: Some((S::Met, "2026-06-01 10:00")), resolution: Some((S::Running, "2026-06-02 09:00")), callback: None, left: None },
        Case { why: "no Opened: nothing runs", targets: "wall", events: &[("2026-06-01 09:30", E::Responded)], now: "2026-06-01 09:40",
            first: None, resolution: None, callback: None, left: None },
        Case { why: "no targets", targets: "none", events: &[OPEN, RESOLVE], now: "2026-06-01 16:00",
            first: None, resolution: None, callback: None, left: None },
        Case { why: "business: 3 working days", targets: "biz", events: &[("2026-06-03 14:00", E::Opened)], now: "2026-06-03 14:10",
            first: Some((S::Running, "2026-06-03 15:00")), resolution: Some((S::Running, "2026-06-08 14:00")), callback: None, left: Some((C::Resolution, 27 * 3600 - 600)) },
        Case { why: "business: pause over the weekend", targets: "biz", events: &[("2026-06-03 14:00", E::Opened), ("2026-06-05 17:00", E::Paused), ("2026-06-08 10:00", E::Resumed)], now: "2026-06-08 11:00",
            first: Some((S::Breached, "2026-06-03 15:00")), resolution: Some((S::AtRisk, "2026-06-08 16:00")), callback: None, left: Some((C::Resolution, 5 * 3600)) },
        Case { why: "business: open pause over the weekend", targets: "biz", events: &[("2026-06-03 14:00", E::Opened), ("2026-06-05 17:00", E::Paused)], now: "2026-06-06 12:00",
            first: Some((S::Breached, "2026-06-03 15:00")), resolution: Some((S::Paused, "2026-06-08 15:00")), callback: None, left: Some((C::Resolution, 6 * 3600)) },
        Case { why: "business: at risk by business time left", targets: "biz", events: &[("2026-06-03 14:00", E::Opened)], now: "2026-06-05 17:00",
            first: Some((S::Breached, "2026-06-03 15:00")), resolution: Some((S::AtRisk, "2026-06-08 14:00")), callback: None, left: Some((C::Resolution, 6 * 3600)) },
        Case { why: "business: opened Friday evening", targets: "biz", events: &[("2026-06-05 17:30", E::Opened)], now: "2026-06-06 12:00",
            first: Some((S::Running, "2026-06-08 09:30")), resolution: Some((S::Running, "2026-06-10 17:30")), callback: None, left: Some((C::FirstResponse, 1800)) },
        Case { why: "business: breached over the weekend", targets: "biz", events: &[("2026-06-05 16:30", E::Opened)], now: "2026-06-06 10:00",
            first: Some((S::Breached, "2026-06-05 17:30")), resolution: Some((S::Running, "2026-06-10 16:30")), callback: None, left: Some((C::FirstResponse, -1800)) },
        Case { why: "business: 24×7 callback after business resolution", targets: "biz", events: &[("2026-06-05 16:30", E::Opened), ("2026-06-05 16:45", E::Responded), ("2026-06-05 17:00", E::Resolved)], now: "2026-06-06 10:00",
            first: Some((S::Met, "2026-06-05 17:30")), resolution: Some((S::Met, "2026-06-10 16:30")), callback: Some((S::Running, "2026-06-06 17:00")), left: None },
    ];
    for case in &cases {
        let events: Vec<_> = case.events.iter().map(|&(s, e)| (t(s), e)).collect();
        let view = evaluate(&events, &targets(case.targets), t(case.now), 0.25);
        for (clock, want) in [
            (C::FirstResponse, case.first),
            (C::Resolution, case.resolution),
            (C::Callback, case.callback),
        ] {
            let got = view.clocks()[clock as usize].1;
            let got_pair = got.state.zip(got.due);
            let want_pair = want.map(|(s, d)| (s, t(d)));
            assert_eq!(got_pair, want_pair, "{}: {}", case.why, clock.key());
            assert_eq!(got.state.is_some(), got.due.is_some(), "{}: {}", case.why, clock.key());
        }
        if let Some((clock, left)) = case.left {
            assert_eq!(
                view.clocks()[clock as usize].1.seconds_left,
                Some(left),
                "{}: left",
                case.why
            );
        }
    }
}

#[test]
fn done_at_and_target_seconds() {
    let events = [
        (t("2026-06-01 09:00"), E::Opened),
        (t("2026-06-01 09:30"), E::Responded),
    ];
    let view = evaluate(&events, &targets("wall"), t("2026-06-01 10:00"), 0.25);
    assert_eq!(view.first_response.done_at, Some(t("2026-06-01 09:30")));
    assert_eq!(view.first_response.target_seconds, Some(3600));
    assert_eq!(view.resolution.done_at, None);
    // The callback target is known before the callback clock starts.
    assert_eq!(
        view.callback,
        ClockView {
            target_seconds: Some(86_400),
            ..ClockView::default()
        }
    );
    let none = evaluate(&events, &Targets::default(), t("2026-06-01 10:00"), 0.25);
    assert_eq!(none, SlaView::default());
}

#[test]
fn next_due_and_worst_state() {
    let open = (t("2026-06-01 09:00"), E::Opened);
    let wall = targets("wall");
    // First response running (due 10:00) beats resolution (due next day).
    let view = evaluate(&[open], &wall, t("2026-06-01 09:10"), 0.25);
    assert_eq!(view.next().map(|(c, _)| c), Some(C::FirstResponse));
    assert_eq!(view.next_due(), Some(t("2026-06-01 10:00")));
    assert_eq!(view.worst_state(), Some(S::Running));
    // Answered and pending: nothing live, so no queue due; worst is paused.
    let pending = [
        open,
        (t("2026-06-01 09:20"), E::Responded),
        (t("2026-06-01 09:30"), E::Paused),
    ];
    let view = evaluate(&pending, &wall, t("2026-06-01 12:00"), 0.25);
    assert_eq!(view.next_due(), None);
    assert_eq!(view.worst_state(), Some(S::Paused));
    // Breached first response is the next due, and the worst state.
    let view = evaluate(&[open], &wall, t("2026-06-02 04:00"), 0.25);
    assert_eq!(view.next_due(), Some(t("2026-06-01 10:00")));
    assert_eq!(view.worst_state(), Some(S::Breached));
    // A missed first response outranks an at-risk resolution.
    let late = [open, (t("2026-06-01 11:00"), E::Responded)];
    let view = evaluate(&late, &wall, t("2026-06-02 04:00"), 0.25);
    assert_eq!(view.worst_state(), Some(S::Missed));
    assert_eq!(view.next_due(), Some(t("2026-06-02 09:00")));
    assert_eq!(SlaView::default().worst_state(), None);
    assert_eq!(SlaView::default().next_due(), None);
}

#[test]
fn at_risk_share_is_sanitised() {
    let open = [(t("2026-06-01 09:00"), E::Opened)];
    let state = |share: f64, now: &str| evaluate(&open, &targets("wall"), t(now), share).first_response.state;
    assert_eq!(state(f64::NAN, "2026-06-01 09:59"), Some(S::Running));
    assert_eq!(state(-1.0, "2026-06-01 09:59"), Some(S::Running));
    assert_eq!(state(5.0, "2026-06-01 09:01"), Some(S::AtRisk));
    assert_eq!(state(0.5, "2026-06-01 09:31"), Some(S::AtRisk));
    assert_eq!(state(0.5, "2026-06-01 09:30"), Some(S::Running));
}

#[test]
fn odd_inputs_do_not_panic() {
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    let mut huge = targets("biz");
    huge.first_response = Some(Target::always(i64::MAX));
    huge.callback = Some(Target::always(i64::MIN));
    let closed = Calendar::new("closed", chrono_tz::UTC);
    huge.resolution = Some(Target::business(60, &closed));
    let histories = [
        vec![(min, E::Opened), (max, E::Resolved), (max, E::CallbackDone)],
        vec![(max, E::Opened), (min, E::Paused)],
        vec![(t("2026-06-01 09:00"), E::Opened), (max, E::Paused), (min, E::Reopened)],
        vec![
            (t("2026-06-01 09:00"), E::Opened),
            (t("2026-06-01 09:00"), E::Resumed),
            (t("2026-06-01 09:00"), E::Opened),
        ],
    ];
    for events in &histories {
        for now in [min, max, t("2026-06-01 09:00")] {
            for share in [0.25, f64::INFINITY] {
                let view = evaluate(events, &huge, now, share);
                let _ = (view.next_due(), view.worst_state());
                let view = evaluate(events, &targets("wall"), now, share);
                let _ = (view.next_due(), view.worst_state());
            }
        }
    }
    // A negative target counts as zero: due at the opening.
    let view = evaluate(
        &[(t("2026-06-01 09:00"), E::Opened)],
        &huge,
        t("2026-06-01 09:00"),
        0.25,
    );
    assert_eq!(view.callback.target_seconds, Some(0));
    // A calendar without hours gives a due at the horizon, not a hang.
    let opened = t("2026-06-01 09:00");
    assert_eq!(view.resolution.due, Some(opened + TimeDelta::days(HORIZON_DAYS)));
}

#[test]
fn state_keys_match_serde_names() {
    let keys: Vec<&str> = SlaState::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["running", "at_risk", "breached", "paused", "met", "missed"]);
    assert_eq!(C::FirstResponse.key(), "first_response");
}
