//! SLA clocks derived from a ticket's event history (SPEC.md §2). Pure: no I/O, and `now` is
//! always a parameter, so a view can be recomputed on every refresh.
//!
//! Three clocks, each with an optional [`Target`] counted on its own [`Clock`] (24×7 or the
//! business time of a calendar):
//!
//! - **First response** starts at the first `Opened`; the first `Responded` (an outbound reply
//!   or outbound contact; the caller leaves internal notes out) satisfies it: met if at or
//!   before due, else missed. It is never paused. It belongs to the ticket, not to a cycle:
//!   once met it stays met after a reopen, and if still unanswered it keeps its first due.
//! - **Resolution** starts at `Opened`. Time between `Paused` (entered pending) and `Resumed`
//!   (left pending), or from an open `Paused` until now, does not count, so eight hours
//!   pending on a 24×7 clock move the due time eight hours later; on a business clock only
//!   the business time inside the pause moves it. The first `Resolved` or `Closed` of the
//!   cycle satisfies it. `Reopened` starts a new cycle at the reopen time with the full
//!   target: the previous resolution, pauses and callback are forgotten. (Reopened always
//!   starts a new cycle, even if the ticket was not resolved.)
//! - **Callback** (回访) starts at the cycle's resolution, i.e. its first `Resolved` or
//!   `Closed`; a `CallbackDone` at or after it satisfies it (met/missed). Before resolution
//!   its due and state are `None`. It is never paused, and it keeps running on a closed
//!   ticket until a `CallbackDone`.
//!
//! State of a clock, first match wins:
//! 1. `Met` / `Missed` once satisfied (done at or before due / after due);
//! 2. `Paused` while pending (resolution only);
//! 3. `Breached` when `now > due`;
//! 4. `AtRisk` when the time left is less than `at_risk_share × target`;
//! 5. `Running` otherwise.
//!
//! Time left is measured on the target's own clock: business seconds for a calendar, so a
//! business clock on a Friday evening can be at risk although its due is on Monday, and a
//! breached one shows 0 seconds overdue until business time moves again.
//!
//! [`ClockView`] fields: `due` is the instant the target is (or was) reached. While paused it
//! is the due time if the clock resumed at `now`; for a clock satisfied while paused it is
//! the due as if resumed at that moment. `seconds_left` is target minus counted time, at
//! `now` for a running clock, frozen while paused, and at completion for a met/missed clock
//! (the margin; negative = late). `target_seconds` is present whenever a target is set.
//!
//! Edge rules: a `None` target gives an empty view; without an `Opened` event nothing runs;
//! events before the first `Opened` and later `Opened`s are ignored; events are sorted by time
//! here (stably, so equal times keep the caller's order: put `Opened` first); future-dated
//! events (clock skew between machines) are taken as they are. Negative targets count as
//! zero; targets longer than [`HORIZON_DAYS`] are capped there. A non-finite
//! `at_risk_share` counts as 0 (never at risk); others are clamped to 0..=1.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Calendar, HORIZON_DAYS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    Running,
    AtRisk,
    Breached,
    Paused,
    Met,
    Missed,
}

impl SlaState {
    pub const ALL: &'static [SlaState] = &[
        SlaState::Running,
        SlaState::AtRisk,
        SlaState::Breached,
        SlaState::Paused,
        SlaState::Met,
        SlaState::Missed,
    ];

    /// Stable key, as in JSON.
    pub fn key(self) -> &'static str {
        match self {
            SlaState::Running => "running",
            SlaState::AtRisk => "at_risk",
            SlaState::Breached => "breached",
            SlaState::Paused => "paused",
            SlaState::Met => "met",
            SlaState::Missed => "missed",
        }
    }

    /// Higher is worse: a failure (breached now, missed earlier) outranks a warning, and a
    /// clock still counting outranks one that is not.
    pub fn severity(self) -> u8 {
        match self {
            SlaState::Breached => 5,
            SlaState::Missed => 4,
            SlaState::AtRisk => 3,
            SlaState::Running => 2,
            SlaState::Paused => 1,
            SlaState::Met => 0,
        }
    }

    /// Still counting down (not paused, not done).
    pub fn is_live(self) -> bool {
        matches!(self, SlaState::Running | SlaState::AtRisk | SlaState::Breached)
    }
}

/// What a target counts in: calendar time (24×7) or a calendar's business time. It borrows
/// the calendar: targets are built per evaluation from calendars loaded once per use case.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Clock<'a> {
    Always,
    Business(&'a Calendar),
}

impl Clock<'_> {
    /// The instant `seconds` of this clock's time after `start` (capped like the calendar).
    pub fn add_seconds(&self, start: DateTime<Utc>, seconds: i64) -> DateTime<Utc> {
        match self {
            Clock::Always => {
                let seconds = seconds.clamp(0, HORIZON_DAYS * 86_400);
                start
                    .checked_add_signed(TimeDelta::seconds(seconds))
                    .unwrap_or(DateTime::<Utc>::MAX_UTC)
            }
            Clock::Business(cal) => cal.add_business_seconds(start, seconds),
        }
    }

    /// Seconds of this clock's time from `from` to `to` (0 if `to <= from`).
    pub fn seconds_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        match self {
            Clock::Always => (to - from).num_seconds().max(0),
            Clock::Business(cal) => cal.business_seconds_between(from, to),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target<'a> {
    pub minutes: i64,
    pub clock: Clock<'a>,
}

impl<'a> Target<'a> {
    /// A target in calendar time (24×7).
    pub fn always(minutes: i64) -> Self {
        Target {
            minutes,
            clock: Clock::Always,
        }
    }

    /// A target in the business time of `calendar`.
    pub fn business(minutes: i64, calendar: &'a Calendar) -> Self {
        Target {
            minutes,
            clock: Clock::Business(calendar),
        }
    }

    /// The target in seconds, clamped to 0..=HORIZON_DAYS.
    pub fn seconds(&self) -> i64 {
        self.minutes.clamp(0, HORIZON_DAYS * 1440) * 60
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Targets<'a> {
    pub first_response: Option<Target<'a>>,
    pub resolution: Option<Target<'a>>,
    pub callback: Option<Target<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketEvent {
    Opened,
    /// An outbound reply or outbound contact (not an internal note).
    Responded,
    /// Entered pending (waiting on the customer).
    Paused,
    /// Left pending.
    Resumed,
    Resolved,
    Closed,
    Reopened,
    CallbackDone,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClockView {
    pub due: Option<DateTime<Utc>>,
    pub state: Option<SlaState>,
    pub done_at: Option<DateTime<Utc>>,
    /// Business or wall seconds left (negative = overdue); see the module doc.
    pub seconds_left: Option<i64>,
    pub target_seconds: Option<i64>,
}

impl ClockView {
    /// Running, at risk or breached: counting down now.
    pub fn is_live(&self) -> bool {
        self.state.is_some_and(SlaState::is_live)
    }
}

/// Names the three clocks, e.g. for a breakdown line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaClock {
    FirstResponse,
    Resolution,
    Callback,
}

impl SlaClock {
    pub fn key(self) -> &'static str {
        match self {
            SlaClock::FirstResponse => "first_response",
            SlaClock::Resolution => "resolution",
            SlaClock::Callback => "callback",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SlaView {
    pub first_response: ClockView,
    pub resolution: ClockView,
    pub callback: ClockView,
}

impl SlaView {
    pub fn clocks(&self) -> [(SlaClock, &ClockView); 3] {
        [
            (SlaClock::FirstResponse, &self.first_response),
            (SlaClock::Resolution, &self.resolution),
            (SlaClock::Callback, &self.callback),
        ]
    }

    /// The live clock (running / at risk / breached) with the earliest due; on equal dues
    /// the first in the order first response, resolution, callback.
    pub fn next(&self) -> Option<(SlaClock, &ClockView)> {
        let live = self.clocks().into_iter().filter(|(_, v)| v.is_live());
        live.filter_map(|(c, v)| v.due.map(|d| (d, c, v)))
            .min_by_key(|&(d, c, _)| (d, c as u8))
            .map(|(_, c, v)| (c, v))
    }

    /// Earliest due among clocks that are still running, at risk or breached (not paused,
    /// not done): the queue sort key.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.next().and_then(|(_, v)| v.due)
    }

    /// The worst state of the three clocks by [`SlaState::severity`].
    pub fn worst_state(&self) -> Option<SlaState> {
        self.clocks()
            .iter()
            .filter_map(|(_, v)| v.state)
            .max_by_key(|s| s.severity())
    }
}

/// One run of a clock: its start, its pauses (start, end if resumed), and when it was done.
#[derive(Debug)]
struct Run {
    start: DateTime<Utc>,
    pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    done: Option<DateTime<Utc>>,
}

impl Run {
    fn new(start: DateTime<Utc>) -> Self {
        Run {
            start,
            pauses: Vec::new(),
            done: None,
        }
    }

    fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|(_, end)| end.is_none())
    }
}

/// A resolution cycle: from Opened or a Reopened to the next Reopened.
struct Cycle {
    resolution: Run,
    callback_done: Option<DateTime<Utc>>,
}

impl Cycle {
    fn new(start: DateTime<Utc>) -> Self {
        Cycle {
            resolution: Run::new(start),
            callback_done: None,
        }
    }

    fn apply(&mut self, t: DateTime<Utc>, event: TicketEvent) {
        let run = &mut self.resolution;
        match event {
            // Pauses only matter while the cycle is unresolved.
            TicketEvent::Paused if run.done.is_none() && !run.is_paused() => {
                run.pauses.push((t, None));
            }
            TicketEvent::Resumed if run.is_paused() => {
                if let Some(last) = run.pauses.last_mut() {
                    last.1 = Some(t);
                }
            }
            TicketEvent::Resolved | TicketEvent::Closed if run.done.is_none() => {
                // Resolving while pending ends the pause at the same moment.
                if let Some(last) = run.pauses.last_mut() {
                    last.1.get_or_insert(t);
                }
                run.done = Some(t);
            }
            TicketEvent::CallbackDone if run.done.is_some() && self.callback_done.is_none() => {
                self.callback_done = Some(t);
            }
            _ => {}
        }
    }
}

/// Computes the three clocks of a ticket as of `now`; see the module doc for the rules.
/// `events` should be sorted by time (stable for equal times); `at_risk_share` e.g. 0.25.
pub fn evaluate(
    events: &[(DateTime<Utc>, TicketEvent)],
    targets: &Targets,
    now: DateTime<Utc>,
    at_risk_share: f64,
) -> SlaView {
    let mut events = events.to_vec();
    // Stable, so the caller's order of equal times is kept.
    events.sort_by_key(|&(t, _)| t);

    let mut opened: Option<DateTime<Utc>> = None;
    let mut first_response: Option<DateTime<Utc>> = None;
    let mut cycle: Option<Cycle> = None;
    for (t, event) in events {
        match (event, opened) {
            (TicketEvent::Opened, None) => {
                opened = Some(t);
                cycle = Some(Cycle::new(t));
            }
            // Nothing counts before the ticket is opened, and it opens once.
            (_, None) | (TicketEvent::Opened, Some(_)) => {}
            (TicketEvent::Responded, Some(_)) => {
                first_response.get_or_insert(t);
            }
            (TicketEvent::Reopened, Some(_)) => cycle = Some(Cycle::new(t)),
            (_, Some(_)) => {
                if let Some(c) = cycle.as_mut() {
                    c.apply(t, event);
                }
            }
        }
    }

    let share = if at_risk_share.is_finite() {
        at_risk_share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let first_run = opened.map(|start| Run {
        done: first_response,
        ..Run::new(start)
    });
    let callback_run = cycle.as_ref().and_then(|c| {
        c.resolution.done.map(|start| Run {
            done: c.callback_done,
            ..Run::new(start)
        })
    });
    SlaView {
        first_response: view(first_run.as_ref(), targets.first_response.as_ref(), now, share),
        resolution: view(
            cycle.as_ref().map(|c| &c.resolution),
            targets.resolution.as_ref(),
            now,
            share,
        ),
        callback: view(callback_run.as_ref(), targets.callback.as_ref(), now, share),
    }
}

/// The view of one clock run against its target.
fn view(run: Option<&Run>, target: Option<&Target>, now: DateTime<Utc>, share: f64) -> ClockView {
    let Some(target) = target else {
        return ClockView::default();
    };
    let target_seconds = target.seconds();
    let empty = ClockView {
        target_seconds: Some(target_seconds),
        ..ClockView::default()
    };
    let Some(run) = run else {
        return empty;
    };
    let clock = &target.clock;

    // Walk the active stretches between pauses, counting clock time; the due is where the
    // count reaches the target.
    let mut counted: i64 = 0;
    let mut due = None;
    let mut active_from = run.start;
    let mut paused = false;
    for &(pause_start, pause_end) in &run.pauses {
        let length = clock.seconds_between(active_from, pause_start);
        if due.is_none() && counted.saturating_add(length) >= target_seconds {
            due = Some(clock.add_seconds(active_from, target_seconds - counted));
        }
        counted = counted.saturating_add(length);
        match pause_end {
            Some(end) => active_from = end,
            None => {
                paused = true;
                break;
            }
        }
    }
    let due = match due {
        Some(due) => due,
        // Paused: the due if the clock resumed now.
        None if paused => clock.add_seconds(now, target_seconds - counted),
        None => clock.add_seconds(active_from, target_seconds - counted),
    };
    if !paused {
        let until = run.done.unwrap_or(now);
        counted = counted.saturating_add(clock.seconds_between(active_from, until));
    }
    let seconds_left = target_seconds.saturating_sub(counted);

    let state = match run.done {
        Some(done) if done <= due => SlaState::Met,
        Some(_) => SlaState::Missed,
        None if paused => SlaState::Paused,
        None if now > due => SlaState::Breached,
        // f64 is exact for any seconds count below 2^53, far beyond the horizon.
        None if (seconds_left as f64) < share * target_seconds as f64 => SlaState::AtRisk,
        None => SlaState::Running,
    };
    ClockView {
        due: Some(due),
        state: Some(state),
        done_at: run.done,
        seconds_left: Some(seconds_left),
        ..empty
    }
}

#[cfg(test)]
#[path = "sla_tests.rs"]
mod tests;
