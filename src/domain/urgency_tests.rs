//! Tests of urgency.rs: the triage order as a table of pairs and as one full queue.

use super::*;
use crate::domain::sla::ClockView;
use Priority as P;
use TicketKind as K;
use Tier as T;
use chrono::TimeDelta;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A live clock due `seconds` after now (negative = overdue) on a 24 h target.
fn live(seconds: i64) -> ClockView {
    let state = match seconds {
        s if s < 0 => SlaState::Breached,
        s if s < 6 * 3600 => SlaState::AtRisk,
        _ => SlaState::Running,
    };
    ClockView {
        due: Some(now() + TimeDelta::seconds(seconds)),
        state: Some(state),
        done_at: None,
        seconds_left: Some(seconds),
        target_seconds: Some(86_400),
    }
}

fn met() -> ClockView {
    ClockView {
        state: Some(SlaState::Met),
        due: Some(now()),
        done_at: Some(now()),
        ..live(0)
    }
}

/// The SLA shapes the tables use, by key.
fn sla(key: &str) -> SlaView {
    let resolution = |seconds| SlaView {
        first_response: met(),
        resolution: live(seconds),
        ..SlaView::default()
    };
    match key {
        "overdue 30m" => resolution(-30 * 60),
        "overdue 20m" => resolution(-20 * 60),
        "overdue 20m 59s" => resolution(-20 * 60 - 59),
        "overdue 30s" => resolution(-30),
        "overdue 24h" => resolution(-24 * 3600),
        "overdue 24h 59s" => resolution(-24 * 3600 - 59),
        "overdue 24h 1m" => resolution(-24 * 3600 - 60),
        "overdue 2d" => resolution(-2 * 86_400),
        "overdue 313d" => resolution(-313 * 86_400),
        "overdue 20y" => resolution(-20 * 365 * 86_400),
        "left 59m" => resolution(59 * 60),
        "left 40s" => resolution(40),
        "left 5m" => resolution(5 * 60),
        "left 5m 59s" => resolution(5 * 60 + 59),
        "left 6m" => resolution(6 * 60),
        "left 20y" => resolution(20 * 365 * 86_400),
        "left 5m + callback" => SlaView {
            resolution: met(),
            callback: live(5 * 60),
            ..resolution(0)
        },
        "left 5m, callback later" => SlaView {
            callback: live(10 * 3600),
            ..resolution(5 * 60)
        },
        "paused" => SlaView {
            resolution: ClockView {
                state: Some(SlaState::Paused),
                ..live(-3600)
            },
            ..resolution(0)
        },
        "done" => SlaView {
            first_response: met(),
            resolution: met(),
            callback: met(),
        },
        "none" => SlaView::default(),
        other => panic!("no sla shape {other}"),
    }
}

type Ticket = (&'static str, &'static str, Priority, Tier, TicketKind);

fn score(ticket: &Ticket) -> Urgency {
    let view = sla(ticket.1);
    urgency(&UrgencyInput {
        sla: &view,
        priority: ticket.2,
        tier: ticket.3,
        kind: ticket.4,
        now: now(),
    })
}

#[test]
fn pairs_rank_in_triage_order() {
    // (ranks higher, ranks lower, why)
    #[rustfmt::skip]
    let cases: [(Ticket, Ticket, &str); 13] = [
        (("low inquiry", "overdue 30m", P::Low, T::Standard, K::Inquiry), ("urgent complaint", "overdue 20m", P::Urgent, T::HighValue, K::Complaint), "most overdue wins over priority"),
        (("urgent complaint", "overdue 20m", P::Urgent, T::Standard, K::Complaint), ("low inquiry", "overdue 20m", P::Low, T::Standard, K::Inquiry), "equal minutes: priority breaks the tie"),
        (("urgent", "overdue 20m", P::Urgent, T::Standard, K::Inquiry), ("low, seconds more", "overdue 20m 59s", P::Low, T::HighValue, K::Complaint), "whole minutes: 59 s more is the same minute"),
        (("breached 30s", "overdue 30s", P::Low, T::Standard, K::Inquiry), ("due in 40s", "left 40s", P::Urgent, T::HighValue, K::Complaint), "breached first, even by 0 whole minutes"),
        (("5m left", "left 5m", P::Low, T::Standard, K::Inquiry), ("6m left", "left 6m", P::Urgent, T::HighValue, K::Complaint), "a minute less left beats all tie-breakers"),
        (("high, standard", "left 5m", P::High, T::Standard, K::Inquiry), ("normal, high-value", "left 5m", P::Normal, T::HighValue, K::Complaint), "priority before tier"),
        (("high-value inquiry", "left 5m", P::Normal, T::HighValue, K::Inquiry), ("at-risk complaint", "left 5m", P::Normal, T::AtRisk, K::Complaint), "tier before complaint"),
        (("complaint", "left 5m", P::Normal, T::Potential, K::Complaint), ("inquiry with callback", "left 5m, callback later", P::Normal, T::Potential, K::Inquiry), "complaint before callback"),
        (("with callback", "left 5m, callback later", P::Normal, T::Potential, K::Repair), ("no callback", "left 5m 59s", P::Normal, T::Potential, K::Repair), "callback breaks the last tie"),
        (("20 years left", "left 20y", P::Low, T::Standard, K::Other), ("paused urgent", "paused", P::Urgent, T::HighValue, K::Complaint), "any live clock before a paused one"),
        (("paused urgent", "paused", P::Urgent, T::Standard, K::Inquiry), ("paused low", "paused", P::Low, T::Standard, K::Inquiry), "tie-breakers among paused"),
        (("done high", "done", P::High, T::Standard, K::Inquiry), ("done normal", "none", P::Normal, T::HighValue, K::Complaint), "tie-breakers without clocks"),
        (("callback clock only", "left 5m + callback", P::Low, T::Standard, K::Inquiry), ("paused", "paused", P::Urgent, T::HighValue, K::Complaint), "a live callback is a live clock"),
    ];
    for (higher, lower, why) in &cases {
        let (a, b) = (score(higher), score(lower));
        assert!(
            a.score > b.score,
            "{why}: {} ({}) vs {} ({})",
            higher.0,
            a.summary(),
            lower.0,
            b.summary()
        );
    }
}

#[test]
fn full_queue_order() {
    #[rustfmt::skip]
    let queue: [Ticket; 14] = [
        ("Q done", "done", P::Low, T::Standard, K::Inquiry),
        ("D", "left 5m", P::Low, T::Standard, K::Inquiry),
        ("P paused", "paused", P::Urgent, T::HighValue, K::Complaint),
        ("C", "overdue 20m", P::Low, T::Standard, K::Inquiry),
        ("I", "left 6m", P::Urgent, T::HighValue, K::Complaint),
        ("A", "overdue 30m", P::Low, T::Standard, K::Inquiry),
        ("E", "left 5m", P::Normal, T::Standard, K::Inquiry),
        ("R0", "left 40s", P::Urgent, T::HighValue, K::Complaint),
        ("far", "left 20y", P::Low, T::Standard, K::Inquiry),
        ("G", "left 5m", P::Normal, T::HighValue, K::Complaint),
        ("B", "overdue 20m", P::Urgent, T::HighValue, K::Complaint),
        ("H", "left 5m, callback later", P::Normal, T::HighValue, K::Complaint),
        ("Z", "overdue 30s", P::Low, T::Standard, K::Inquiry),
        ("F", "left 5m", P::Normal, T::HighValue, K::Inquiry),
    ];
    let mut ranked: Vec<(i64, &str)> = queue.iter().map(|t| (score(t).score, t.0)).collect();
    ranked.sort_by_key(|&(s, _)| std::cmp::Reverse(s));
    let names: Vec<&str> = ranked.iter().map(|&(_, n)| n).collect();
    assert_eq!(
        names,
        [
            "A", "B", "C", "Z", "R0", "H", "G", "F", "E", "D", "I", "far", "P paused", "Q done"
        ]
    );
    let breached: Vec<&str> = queue.iter().filter(|t| score(t).breached).map(|t| t.0).collect();
    assert_eq!(breached, ["C", "A", "B", "Z"]);
}

#[test]
fn breakdown_is_readable_and_adds_up() {
    let mut view = sla("overdue 20m");
    view.resolution.due = Some(now() - TimeDelta::minutes(125));
    view.resolution.seconds_left = Some(-125 * 60);
    view.resolution.target_seconds = Some(100 * 60);
    let u = urgency(&UrgencyInput {
        sla: &view,
        priority: P::Urgent,
        tier: T::HighValue,
        kind: K::Complaint,
        now: now(),
    });
    let got: Vec<(UrgencyFactor, String, i64)> = u
        .parts
        .iter()
        .map(|p| (p.factor, p.detail.to_string(), p.points))
        .collect();
    assert_eq!(
        got,
        [
            (UrgencyFactor::Overdue, "resolution 2h 05m overdue".into(), 126_000),
            (UrgencyFactor::TargetUsed, "225% of target used".into(), 0),
            (UrgencyFactor::Priority, "priority urgent".into(), 300),
            (UrgencyFactor::Tier, "tier high-value".into(), 30),
            (UrgencyFactor::Complaint, "complaint".into(), 5),
        ]
    );
    assert_eq!(u.score, u.parts.iter().map(|p| p.points).sum::<i64>());
    assert!(u.breached);
    assert_eq!(
        u.summary(),
        "resolution 2h 05m overdue +126000 · 225% of target used +0 · priority urgent +300 · tier high-value +30 · complaint +5"
    );

    let left = score(&("x", "left 5m, callback later", P::Low, T::Standard, K::Inquiry));
    let details: Vec<String> = left.parts.iter().map(|p| p.detail.to_string()).collect();
    assert_eq!(
        details,
        [
            "resolution 5m left",
            "99% of target used",
            "priority low",
            "tier standard",
            "callback due"
        ]
    );
    assert!(!left.breached);
    let paused = score(&("x", "paused", P::Normal, T::Standard, K::Inquiry));
    assert_eq!(
        paused.parts[0].detail.to_string(),
        "no SLA clock running (paused or done)"
    );
}

#[test]
fn human_minutes_cases() {
    let cases = [
        (0, "0m"),
        (45, "45m"),
        (60, "1h 00m"),
        (125, "2h 05m"),
        (1440, "1d 00h 00m"),
        (1440 * 3 + 250, "3d 04h 10m"),
    ];
    for (minutes, want) in cases {
        let overdue = Detail::Overdue {
            clock: crate::domain::sla::SlaClock::Resolution,
            minutes,
        };
        assert_eq!(overdue.to_string(), format!("resolution {want} overdue"));
    }
}

#[test]
fn extreme_instants_do_not_panic() {
    for due in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let mut view = sla("left 5m");
            view.resolution.due = Some(due);
            view.resolution.seconds_left = Some(i64::MIN);
            view.resolution.target_seconds = Some(i64::MAX);
            let u = urgency(&UrgencyInput {
                sla: &view,
                priority: P::Urgent,
                tier: T::HighValue,
                kind: K::Complaint,
                now,
            });
            assert!(u.score.abs() <= (MAX_MINUTES + 2) * MINUTE_POINTS + 1000);
        }
    }
}

/// The queue a person would choose: current work (fresh breaches, then least time left)
/// above the tickets that breached more than a day ago, and those above pending tickets.
#[test]
fn long_overdue_tickets_form_a_band_under_current_work() {
    #[rustfmt::skip]
    let queue: [Ticket; 12] = [
        ("313 days late", "overdue 313d", P::Urgent, T::HighValue, K::Complaint),
        ("two days late", "overdue 2d", P::Low, T::Standard, K::Inquiry),
        ("new urgent complaint", "left 59m", P::Urgent, T::Standard, K::Complaint),
        ("pending", "paused", P::Urgent, T::HighValue, K::Complaint),
        ("a day late, to the minute", "overdue 24h", P::Low, T::Standard, K::Inquiry),
        ("a day and a minute late", "overdue 24h 1m", P::Low, T::Standard, K::Inquiry),
        ("a day late, 59 s more", "overdue 24h 59s", P::Low, T::Standard, K::Inquiry),
        ("twenty years late", "overdue 20y", P::Low, T::Standard, K::Inquiry),
        ("due in 5m", "left 5m", P::Normal, T::Standard, K::Inquiry),
        ("far away", "left 20y", P::Low, T::Standard, K::Inquiry),
        ("late 20m", "overdue 20m", P::Low, T::Standard, K::Inquiry),
        ("done", "done", P::High, T::Standard, K::Inquiry),
    ];
    let mut ranked: Vec<(i64, &str, Band)> = queue
        .iter()
        .map(|t| {
            let u = score(t);
            (u.score, t.0, u.band)
        })
        .collect();
    ranked.sort_by_key(|&(s, name, _)| (std::cmp::Reverse(s), name));
    let got: Vec<(&str, Band)> = ranked.iter().map(|&(_, n, b)| (n, b)).collect();
    assert_eq!(
        got,
        [
            // Whole minutes: 24 h and 59 s late is still 1 440 minutes, current work.
            ("a day late, 59 s more", Band::Current),
            ("a day late, to the minute", Band::Current),
            ("late 20m", Band::Current),
            ("due in 5m", Band::Current),
            ("new urgent complaint", Band::Current),
            ("far away", Band::Current),
            // The backlog keeps its own order: most overdue first, clamped at the horizon.
            ("twenty years late", Band::LongOverdue),
            ("313 days late", Band::LongOverdue),
            ("two days late", Band::LongOverdue),
            ("a day and a minute late", Band::LongOverdue),
            ("pending", Band::NoClock),
            ("done", Band::NoClock),
        ]
    );
}

#[test]
fn the_band_edge_is_the_cutoff_the_store_uses() {
    for (key, long) in [
        ("overdue 24h", false),
        ("overdue 24h 59s", false),
        ("overdue 24h 1m", true),
        ("overdue 2d", true),
        ("left 5m", false),
    ] {
        let u = score(&("x", key, P::Normal, T::Standard, K::Inquiry));
        let due = sla(key).next_due().unwrap();
        assert_eq!(u.band == Band::LongOverdue, long, "{key}");
        assert_eq!(due <= long_overdue_cutoff(now()), long, "{key}");
        let explained = u.parts.iter().any(|p| p.factor == UrgencyFactor::LongOverdue);
        assert_eq!(explained, long, "{key}: the breakdown says why");
    }
}

/// The queue stops reading at the first ticket whose ceiling is below its
/// page: every shape's score, with the most tie-breakers, must stay within
/// the ceiling of its next due, and ceilings fall as dues come later.
#[test]
fn no_score_rises_above_the_ceiling_of_its_due_and_ceilings_fall_with_later_dues() {
    // In the order the queue reads them: current work by due, then the
    // long-overdue band by due, then no clock.
    let shapes = [
        "overdue 24h 59s",
        "overdue 24h",
        "overdue 30m",
        "overdue 20m 59s",
        "overdue 20m",
        "overdue 30s",
        "left 40s",
        "left 5m",
        "left 5m 59s",
        "left 6m",
        "left 59m",
        "left 20y",
        "overdue 20y",
        "overdue 313d",
        "overdue 2d",
        "overdue 24h 1m",
        "none",
    ];
    let mut previous: Option<i64> = None;
    for shape in shapes {
        let view = sla(shape);
        let next_due = view.next().and_then(|(_, clock)| clock.due);
        let ceiling = score_ceiling(next_due, now());
        let most = score(&("t", shape, P::Urgent, T::HighValue, K::Complaint)).score;
        let least = score(&("t", shape, P::Low, T::Standard, K::Inquiry)).score;
        assert!(most <= ceiling, "{shape}: {most} above its ceiling {ceiling}");
        assert!(
            least + MAX_TIE_BREAK_POINTS >= ceiling - CALLBACK_POINTS,
            "{shape}: the ceiling is loose"
        );
        if let Some(previous) = previous {
            assert!(ceiling <= previous, "{shape}: a later due has a higher ceiling");
        }
        previous = Some(ceiling);
    }
}
