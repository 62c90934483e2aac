//! Triage order with a visible breakdown (SPEC.md §2: "breached first (most overdue first),
//! then by time left, with priority and customer tier as tie-breakers — and shows why").
//!
//! Sorting tickets by [`Urgency::score`] descending gives exactly this lexicographic order:
//! 1. the band: current work first, then the long-overdue band, then tickets without a live
//!    SLA clock (all clocks paused, done or absent). A ticket is *long overdue* when its
//!    earliest live due passed more than [`LONG_OVERDUE_MINUTES`] (24 h) ago. Why a band:
//!    a backlog of tickets that breached weeks ago would otherwise sit above every new
//!    complaint, and an agent who starts at the top would never reach work that can still
//!    be saved. Within the band the same rules apply, so the backlog is worked oldest first;
//! 2. within current work, breached before not breached;
//! 3. among breached, most overdue first; among the others, least time left first. Time is
//!    whole wall-clock minutes to the next due ([`SlaView::next_due`]), so tickets on
//!    different calendars compare fairly: what breaches sooner in real time comes first;
//! 4. then priority, then customer tier, then complaint before other kinds, then a live
//!    callback clock, as tie-breakers.
//!
//! How the score encodes it: the time term is a whole number of minutes times
//! [`MINUTE_POINTS`] (1 000), more than the 336 that all tie-breakers together can add
//! (priority 0–300, tier 0–30, complaint 5, callback 1 — each step larger than everything
//! after it). A breach adds one minute's worth so that 0 minutes overdue still beats 0
//! minutes left. Minutes are clamped to [`HORIZON_DAYS`] so the arithmetic stays bounded.
//! A long-overdue ticket's time term is moved down by [`LONG_OVERDUE_OFFSET`], below any
//! current one; a ticket without a live clock gets a time term below any long-overdue one.
//! Equal scores are true ties: the caller may break them by ticket number.
//!
//! `score` is the sum of the parts' points; `TargetUsed` is shown for the reader with 0 points.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use crate::domain::calendar::HORIZON_DAYS;
use crate::domain::enums::{Priority, TicketKind, Tier};
use crate::domain::sla::{SlaState, SlaView};
pub use crate::domain::urgency_detail::Detail;

/// Points per whole minute of the time term.
pub const MINUTE_POINTS: i64 = 1000;
/// Points per step of [`Priority::weight`] (0..=3).
pub const PRIORITY_POINTS: i64 = 100;
/// Points per step of [`Tier::weight`] (0..=3).
pub const TIER_POINTS: i64 = 10;
pub const COMPLAINT_POINTS: i64 = 5;
pub const CALLBACK_POINTS: i64 = 1;

/// The most all tie-breakers together can add (priority, tier, complaint,
/// callback): the time term of a ticket decides its place unless another's
/// is within this many points.
pub const MAX_TIE_BREAK_POINTS: i64 = 3 * PRIORITY_POINTS + 3 * TIER_POINTS + COMPLAINT_POINTS + CALLBACK_POINTS;

/// Longest time the score distinguishes, in minutes.
const MAX_MINUTES: i64 = HORIZON_DAYS * 1440;

/// Overdue by more whole minutes than this (24 h), a ticket leaves current work for the
/// long-overdue band.
pub const LONG_OVERDUE_MINUTES: i64 = 24 * 60;

/// Moves a long-overdue ticket's time term below the lowest current one
/// (`-MAX_MINUTES` minutes left, plus every tie-breaker).
const LONG_OVERDUE_OFFSET: i64 = (2 * MAX_MINUTES + 2) * MINUTE_POINTS;

/// The time term of a ticket without a live clock: below the lowest long-overdue one.
const NO_CLOCK_POINTS: i64 = -(2 * MAX_MINUTES + 3) * MINUTE_POINTS;

/// Which part of the queue a ticket is in, in queue order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// A live clock, not due or overdue by at most [`LONG_OVERDUE_MINUTES`].
    Current,
    /// A live clock overdue by more than [`LONG_OVERDUE_MINUTES`].
    LongOverdue,
    /// No live clock: paused (pending), done, or no target.
    NoClock,
}

/// A ticket whose earliest live due is at or before this instant is long overdue at `now`:
/// more than [`LONG_OVERDUE_MINUTES`] whole minutes late. The store selects the bands with
/// it, so the queue's candidates and the score agree on the edge.
pub fn long_overdue_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - TimeDelta::minutes(LONG_OVERDUE_MINUTES + 1)
}

pub struct UrgencyInput<'a> {
    pub sla: &'a SlaView,
    pub priority: Priority,
    pub tier: Tier,
    pub kind: TicketKind,
    pub now: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Urgency {
    pub score: i64,
    pub breached: bool,
    pub band: Band,
    pub parts: Vec<UrgencyPart>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UrgencyFactor {
    Overdue,
    /// Overdue by more than a day: placed after current work.
    LongOverdue,
    TimeLeft,
    TargetUsed,
    Priority,
    Tier,
    Complaint,
    CallbackDue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrgencyPart {
    pub factor: UrgencyFactor,
    /// For a person, e.g. "resolution 2h 05m overdue", "62% of target used".
    pub detail: Detail,
    pub points: i64,
}

impl Urgency {
    /// One line for a person: `resolution 2h 05m overdue +126000 · priority urgent +300 · …`.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{} {:+}", p.detail, p.points))
            .collect();
        parts.join(" · ")
    }
}

/// The highest score a ticket can have at `now` when the earliest due of its
/// live clocks is `next_due` (`None`: no live clock). Later dues give lower
/// ceilings, so a reader going through tickets in due order can stop at the
/// first whose ceiling is below the page it is filling (see `service::sla::queue`).
pub fn score_ceiling(next_due: Option<DateTime<Utc>>, now: DateTime<Utc>) -> i64 {
    let time_term = match next_due {
        None => NO_CLOCK_POINTS,
        Some(due) => {
            // Past its due the clock may be breached (the time term counts
            // the minutes over), before it it cannot be; at the very instant
            // either form may apply, so the larger one bounds it.
            let overdue = (whole_minutes(now, due) + 1) * MINUTE_POINTS;
            let left = -whole_minutes(due, now) * MINUTE_POINTS;
            let term = match due.cmp(&now) {
                std::cmp::Ordering::Less => overdue,
                std::cmp::Ordering::Equal => overdue.max(left),
                std::cmp::Ordering::Greater => left,
            };
            if due <= long_overdue_cutoff(now) {
                term - LONG_OVERDUE_OFFSET
            } else {
                term
            }
        }
    };
    time_term + MAX_TIE_BREAK_POINTS
}

/// Scores one ticket; sort by `score` descending for the triage order (see the module doc).
pub fn urgency(input: &UrgencyInput) -> Urgency {
    let mut parts = Vec::new();
    let breached = input
        .sla
        .clocks()
        .iter()
        .any(|(_, v)| v.state == Some(SlaState::Breached));

    let mut band = Band::Current;
    match input.sla.next() {
        Some((clock, view)) => {
            // `next` only returns clocks with a due; the default keeps this total anyway.
            let due = view.due.unwrap_or(input.now);
            if breached {
                let overdue = whole_minutes(input.now, due);
                parts.push(UrgencyPart {
                    factor: UrgencyFactor::Overdue,
                    detail: Detail::Overdue {
                        clock,
                        minutes: overdue,
                    },
                    points: (overdue + 1) * MINUTE_POINTS,
                });
                if due <= long_overdue_cutoff(input.now) {
                    band = Band::LongOverdue;
                    parts.push(UrgencyPart {
                        factor: UrgencyFactor::LongOverdue,
                        detail: Detail::LongOverdue,
                        points: -LONG_OVERDUE_OFFSET,
                    });
                }
            } else {
                let left = whole_minutes(due, input.now);
                parts.push(UrgencyPart {
                    factor: UrgencyFactor::TimeLeft,
                    detail: Detail::Left { clock, minutes: left },
                    points: -left * MINUTE_POINTS,
                });
            }
            if let (Some(target), Some(left)) = (view.target_seconds, view.seconds_left)
                && target > 0
            {
                // i128: a clamped target times 100 fits i64, but this costs nothing.
                let used = (i128::from(target) - i128::from(left)) * 100 / i128::from(target);
                parts.push(UrgencyPart {
                    factor: UrgencyFactor::TargetUsed,
                    detail: Detail::TargetUsed {
                        percent: i64::try_from(used).unwrap_or(i64::MAX),
                    },
                    points: 0,
                });
            }
        }
        None => {
            band = Band::NoClock;
            parts.push(UrgencyPart {
                factor: UrgencyFactor::TimeLeft,
                detail: Detail::NoClock,
                points: NO_CLOCK_POINTS,
            });
        }
    }

    parts.push(UrgencyPart {
        factor: UrgencyFactor::Priority,
        detail: Detail::Priority(input.priority),
        points: input.priority.weight() * PRIORITY_POINTS,
    });
    parts.push(UrgencyPart {
        factor: UrgencyFactor::Tier,
        detail: Detail::Tier(input.tier),
        points: input.tier.weight() * TIER_POINTS,
    });
    if input.kind == TicketKind::Complaint {
        parts.push(UrgencyPart {
            factor: UrgencyFactor::Complaint,
            detail: Detail::Complaint,
            points: COMPLAINT_POINTS,
        });
    }
    if input.sla.callback.is_live() {
        parts.push(UrgencyPart {
            factor: UrgencyFactor::CallbackDue,
            detail: Detail::CallbackDue,
            points: CALLBACK_POINTS,
        });
    }

    let score = parts.iter().map(|p| p.points).sum();
    Urgency {
        score,
        breached,
        band,
        parts,
    }
}

/// Whole minutes from `earlier` to `later`, floored, clamped to 0..=MAX_MINUTES.
fn whole_minutes(later: DateTime<Utc>, earlier: DateTime<Utc>) -> i64 {
    (later - earlier).num_seconds().div_euclid(60).clamp(0, MAX_MINUTES)
}

#[cfg(test)]
#[path = "urgency_tests.rs"]
mod tests;
