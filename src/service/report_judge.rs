//! A ticket as the monthly review judges it at a month's cutoff: its SLA targets, the events
//! before the cutoff, and the SLA engine run only where one of its clocks can count in the
//! month (`service::report` tallies what this judges).

use super::sla::{Rules, clocks};
use crate::domain::enums::Tier;
use crate::domain::kpi::{Window, resolved_at};
use crate::domain::sla::{SlaView, Targets, TicketEvent};
use crate::store::ReportTicket;
use chrono::{DateTime, Duration, Utc};

/// How long before a month a resolution is looked at, because its callback may fall due in
/// the month: callback targets up to this long are counted exactly.
pub(super) const CALLBACK_LOOKBACK_DAYS: i64 = 14;

pub(super) fn targets<'r>(rules: &'r Rules, t: &ReportTicket) -> Targets<'r> {
    // The tier is only loaded when a policy matches on it; otherwise any tier will do.
    let tier = t.tier.unwrap_or(Tier::Standard);
    rules.targets_matching(t.groups.kind, t.priority, t.groups.channel, tier)
}

/// Whether some policy matches on the customer's tier.
pub(super) fn needs_tier(rules: &Rules) -> bool {
    rules.policies.iter().any(|p| p.tier.is_some())
}

/// The events before `cutoff`: a prefix, since they are in time order.
pub(super) fn events_before(
    events: &[(DateTime<Utc>, TicketEvent)],
    cutoff: DateTime<Utc>,
) -> &[(DateTime<Utc>, TicketEvent)] {
    &events[..events.partition_point(|(at, _)| *at < cutoff)]
}

/// A ticket as seen from one month's cutoff.
#[derive(Clone)]
pub(super) struct Judged {
    pub(super) sla: SlaView,
    /// Whether `sla` is the engine's view at the window's `as_of`, rather than left empty
    /// because no clock can count in the window.
    pub(super) evaluated: bool,
    pub(super) resolved_at: Option<DateTime<Utc>>,
    pub(super) reopened: bool,
}

/// Whether one of the ticket's clocks can count in window `w`: only after a reply or a
/// resolution in it, or a resolution shortly before it (its callback may fall due inside).
pub(super) fn needs_clocks(before: &[(DateTime<Utc>, TicketEvent)], w: &Window) -> bool {
    let near_from = w.start - Duration::days(CALLBACK_LOOKBACK_DAYS);
    before
        .iter()
        .rev()
        .take_while(|(at, _)| *at >= near_from)
        .any(|(_, e)| matches!(e, TicketEvent::Responded | TicketEvent::Resolved | TicketEvent::Closed))
}

/// Judges a ticket at both windows (`None` where it was opened after the cutoff), running the
/// SLA engine only where a clock can count. When nothing happened to the ticket between the
/// two cutoffs, the later evaluation serves both: a clock done by then has the same due and
/// outcome, and one overdue at the earlier cutoff is still overdue at the later.
pub(super) fn judge(
    rules: &Rules,
    share: f64,
    t: &ReportTicket,
    events: &[(DateTime<Utc>, TicketEvent)],
    windows: &[Window; 2],
) -> [Option<Judged>; 2] {
    let before = windows.map(|w| events_before(events, w.cutoff));
    let needs = [
        needs_clocks(before[0], &windows[0]),
        needs_clocks(before[1], &windows[1]),
    ];
    let unchanged = before[0].len() == before[1].len();
    let evaluate = |i: usize| clocks(before[i].to_vec(), &targets(rules, t), windows[i].as_of, share);
    let later_evaluated = needs[1] || (unchanged && needs[0]);
    let later = if later_evaluated {
        evaluate(1)
    } else {
        SlaView::default()
    };
    let (earlier, earlier_evaluated) = match (needs[0], unchanged) {
        (false, _) => (SlaView::default(), false),
        (true, true) => (later, true),
        (true, false) => (evaluate(0), true),
    };
    let judged = |i: usize, sla: SlaView, evaluated: bool| {
        (t.opened_at < windows[i].cutoff).then(|| Judged {
            sla,
            evaluated,
            resolved_at: resolved_at(before[i]),
            reopened: before[i].iter().any(|(_, e)| *e == TicketEvent::Reopened),
        })
    };
    [judged(0, earlier, earlier_evaluated), judged(1, later, later_evaluated)]
}
