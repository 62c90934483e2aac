//! The KPIs of the monthly review (月度复盘, SPEC.md §4) as pure formulas over plain facts.
//!
//! Every KPI of a month is measured over a [`Window`]: the calendar month in the team's time
//! zone (`[start, end)`), seen from its *cutoff* — the month's end, or for the month in
//! progress the present moment (inclusive). Only what happened before the cutoff counts, so a
//! closed month keeps its figures when a ticket is reopened later, and the SLA engine
//! (`domain::sla::evaluate`) judges each ticket's clocks from its events before the cutoff,
//! at the end of the month (or now). Each KPI's exact definition is the doc comment of its
//! [`Kpi`] variant; the arithmetic is in [`Tally`]. A rate is a fraction 0–1 and is `None`
//! ("null") when nothing was measured.

use super::enums::TicketKind;
use super::error::Invalid;
use super::period::Month;
use super::sla::{SlaState, SlaView, TicketEvent};
use super::survey::{SATISFIED_SCORE, Scores};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// A customer with no activity for this long is counted as churned.
pub const CHURN_SILENCE_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kpi {
    /// Mean of the three scores (quality, response, communication) over the surveys taken in
    /// the month, i.e. the sum of all scores / (3 × surveys). 1–5; null without surveys.
    SatisfactionAvg,
    /// Among the surveys taken in the month, the share whose mean score is at least 4.
    SatisfiedShare,
    /// 投诉处理及时率. Among complaints resolved in the month — their latest resolution as of
    /// the cutoff (resolved or closed) falls in the month — the share whose resolution target
    /// was met according to the SLA engine. Complaints without a resolution target are left
    /// out.
    ComplaintOnTimeRate,
    /// Among tickets first responded to in the month, the share whose first-response target
    /// was met (SLA engine). The first response is the first outbound reply; a ticket resolved
    /// without any reply counts as answered at its resolution (as everywhere in frontdesk).
    /// Tickets without a first-response target are left out.
    FirstResponseCompliance,
    /// 一次性解决率. Among tickets resolved in the month (as for the complaint rate, any kind),
    /// the share resolved with at most one outbound interaction up to that resolution and
    /// never reopened before the cutoff.
    FirstContactResolutionRate,
    /// 需求解决率. Among requests (kind `request`) opened in the month, the share resolved or
    /// closed at the cutoff (the month's end; now for the month in progress).
    RequestResolutionRate,
    /// Among tickets whose callback (回访) was due in the month and whose outcome is known at
    /// the cutoff, the share called back by the due time (SLA engine: met, against missed or
    /// still outstanding after the due time). Callbacks not yet due are left out.
    CallbackOnTimeRate,
    /// Mean wall-clock minutes from opening to resolution over the tickets resolved in the
    /// month (to the latest resolution, so time spent pending or after a reopen is included).
    AvgHandlingMinutes,
    /// 客户流失率. Among customers active at the start of the month — any activity (an inbound
    /// or outbound interaction, a ticket opened, an order) in the 90 days before it — the
    /// share with no activity in the 90 days before the cutoff. Totals only.
    ChurnRate,
    /// Tickets open at the cutoff: opened before it and not resolved or closed by then (a
    /// reopened ticket is open again), from the ticket events. Never null.
    Backlog,
}

/// How a KPI's value reads: it decides formatting and rounding only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction 0–1.
    Rate,
    /// A mean score 1–5.
    Score,
    Minutes,
    Count,
}

impl Kpi {
    pub const ALL: [Kpi; 10] = [
        Kpi::SatisfactionAvg,
        Kpi::SatisfiedShare,
        Kpi::ComplaintOnTimeRate,
        Kpi::FirstResponseCompliance,
        Kpi::FirstContactResolutionRate,
        Kpi::RequestResolutionRate,
        Kpi::CallbackOnTimeRate,
        Kpi::AvgHandlingMinutes,
        Kpi::ChurnRate,
        Kpi::Backlog,
    ];

    /// The stable key of the JSON contract.
    pub fn key(self) -> &'static str {
        match self {
            Kpi::SatisfactionAvg => "satisfaction_avg",
            Kpi::SatisfiedShare => "satisfied_share",
            Kpi::ComplaintOnTimeRate => "complaint_on_time_rate",
            Kpi::FirstResponseCompliance => "first_response_compliance",
            Kpi::FirstContactResolutionRate => "first_contact_resolution_rate",
            Kpi::RequestResolutionRate => "request_resolution_rate",
            Kpi::CallbackOnTimeRate => "callback_on_time_rate",
            Kpi::AvgHandlingMinutes => "avg_handling_minutes",
            Kpi::ChurnRate => "churn_rate",
            Kpi::Backlog => "backlog",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Kpi::SatisfactionAvg => Unit::Score,
            Kpi::AvgHandlingMinutes => Unit::Minutes,
            Kpi::Backlog => Unit::Count,
            _ => Unit::Rate,
        }
    }
}

/// `hits` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hits: u64,
    pub total: u64,
}

impl Ratio {
    pub fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += u64::from(hit);
    }

    /// `None` when nothing was measured.
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }

    pub fn absorb(&mut self, other: &Ratio) {
        self.hits += other.hits;
        self.total += other.total;
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Mean {
    pub sum: f64,
    pub count: u64,
}

impl Mean {
    pub fn add(&mut self, x: f64) {
        self.sum += x;
        self.count += 1;
    }

    pub fn value(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }

    pub fn absorb(&mut self, other: &Mean) {
        self.sum += other.sum;
        self.count += other.count;
    }
}

/// A mean of durations, summed in whole seconds and told in minutes. Integer sums come out
/// the same in any order, so tallies counted in parts (see `service::report_share`) add up
/// to exactly the figures of one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MeanMinutes {
    pub seconds: i64,
    pub count: u64,
}

impl MeanMinutes {
    pub fn add(&mut self, d: Duration) {
        self.seconds += d.num_seconds();
        self.count += 1;
    }

    /// The mean in minutes.
    pub fn value(&self) -> Option<f64> {
        (self.count > 0).then(|| self.seconds as f64 / 60.0 / self.count as f64)
    }

    pub fn absorb(&mut self, other: &MeanMinutes) {
        self.seconds += other.seconds;
        self.count += other.count;
    }
}

/// `value − previous`, or `None` when either is unknown.
pub fn change(value: Option<f64>, previous: Option<f64>) -> Option<f64> {
    Some(value? - previous?)
}

/// One month as the report measures it; see the module doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub month: Month,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Exclusive: facts at or after it are not seen. `end`, or one second after `now` for the
    /// month in progress (instants are stored in whole seconds).
    pub cutoff: DateTime<Utc>,
    /// When the SLA clocks are judged: `end`, or `now` for the month in progress.
    pub as_of: DateTime<Utc>,
}

impl Window {
    pub fn new(month: Month, tz: Tz, now: DateTime<Utc>) -> Window {
        let end = month.end(tz);
        Window {
            month,
            start: month.start(tz),
            end,
            cutoff: end.min(now + Duration::seconds(1)),
            as_of: end.min(now),
        }
    }

    /// In the month and before the cutoff.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end && t < self.cutoff
    }

    /// The span in which a customer must have been active to count as active at the cutoff.
    pub fn activity_at_cutoff(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.cutoff - Duration::days(CHURN_SILENCE_DAYS), self.cutoff)
    }

    /// The span in which a customer must have been active to count as active at the start.
    pub fn activity_at_start(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.start - Duration::days(CHURN_SILENCE_DAYS), self.start)
    }
}

/// When the ticket's latest resolution cycle was resolved or closed, from its events (sorted
/// by time); `None` if it is open (never resolved, or reopened since). Events before the first
/// `Opened` are ignored, as the SLA engine does.
pub fn resolved_at(events: &[(DateTime<Utc>, TicketEvent)]) -> Option<DateTime<Utc>> {
    let (resolutions, open) = cycles(events);
    resolutions.last().copied().filter(|_| !open)
}

/// Every resolution of the ticket: the first `Resolved` or `Closed` after the opening and
/// after each reopening (a `Closed` following a `Resolved` is the same resolution).
pub fn resolutions(events: &[(DateTime<Utc>, TicketEvent)]) -> Vec<DateTime<Utc>> {
    cycles(events).0
}

/// The resolutions, and whether the latest cycle is still open.
fn cycles(events: &[(DateTime<Utc>, TicketEvent)]) -> (Vec<DateTime<Utc>>, bool) {
    let mut resolutions = Vec::new();
    let mut opened = false;
    let mut open = false;
    for &(t, event) in events {
        match event {
            TicketEvent::Opened if !opened => (opened, open) = (true, true),
            TicketEvent::Reopened if opened => open = true,
            TicketEvent::Resolved | TicketEvent::Closed if open => {
                resolutions.push(t);
                open = false;
            }
            _ => {}
        }
    }
    (resolutions, open)
}

/// A judged clock: `Some(true)` met, `Some(false)` missed or overdue (breached), `None` still
/// running, paused or without a target.
pub fn on_time(state: Option<SlaState>) -> Option<bool> {
    match state? {
        SlaState::Met => Some(true),
        SlaState::Missed | SlaState::Breached => Some(false),
        SlaState::Running | SlaState::AtRisk | SlaState::Paused => None,
    }
}

/// 一次性解决: at most one outbound contact up to the resolution, and never reopened.
pub fn is_first_contact_resolution(outbound_until_resolved: usize, reopened: bool) -> bool {
    outbound_until_resolved <= 1 && !reopened
}

/// The bucket 1..=5 of a survey's mean score, rounded to the nearest whole score (a mean of
/// three whole scores is never exactly half-way).
pub fn satisfaction_bucket(scores: &Scores) -> usize {
    (scores.mean().round() as usize).clamp(1, 5)
}

/// What the report knows about one ticket as of a window's cutoff.
#[derive(Debug, Clone, Copy)]
pub struct TicketFacts<'a> {
    pub kind: TicketKind,
    pub opened_at: DateTime<Utc>,
    /// The SLA engine's clocks, judged at the window's `as_of` from the events before its
    /// cutoff.
    pub sla: &'a SlaView,
    /// [`resolved_at`] of the events before the cutoff.
    pub resolved_at: Option<DateTime<Utc>>,
    /// A `Reopened` event before the cutoff.
    pub reopened: bool,
    /// Outbound interactions on the ticket at or before `resolved_at` (2 may mean more: no
    /// more is needed to tell a first-contact resolution).
    pub outbound_until_resolved: usize,
}

/// The running sums of one month (and one group of a breakdown).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub satisfaction: Mean,
    pub satisfied: Ratio,
    /// Counts of surveys by rounded mean score 1..=5.
    pub distribution: [u64; 5],
    pub complaint_on_time: Ratio,
    pub first_response: Ratio,
    pub first_contact: Ratio,
    pub request_resolution: Ratio,
    pub callback_on_time: Ratio,
    pub handling: MeanMinutes,
    /// hits = churned, total = active at the start.
    pub churn: Ratio,
    pub backlog: u64,
}

impl Tally {
    /// A survey taken in the month.
    pub fn add_survey(&mut self, scores: &Scores) {
        let mean = scores.mean();
        self.satisfaction.add(mean);
        self.satisfied.add(mean >= f64::from(SATISFIED_SCORE));
        self.distribution[satisfaction_bucket(scores) - 1] += 1;
    }

    /// A ticket's contribution to every ticket KPI of window `w`.
    pub fn add_ticket(&mut self, t: &TicketFacts, w: &Window) {
        if t.opened_at >= w.cutoff {
            return;
        }
        let resolved_in_month = t.resolved_at.filter(|&r| w.contains(r));
        if t.sla.first_response.done_at.is_some_and(|d| w.contains(d))
            && let Some(met) = on_time(t.sla.first_response.state)
        {
            self.first_response.add(met);
        }
        if t.kind == TicketKind::Complaint
            && resolved_in_month.is_some()
            && let Some(met) = on_time(t.sla.resolution.state)
        {
            self.complaint_on_time.add(met);
        }
        if let Some(resolved) = resolved_in_month {
            self.first_contact
                .add(is_first_contact_resolution(t.outbound_until_resolved, t.reopened));
            self.handling.add(resolved - t.opened_at);
        }
        if t.kind == TicketKind::Request && w.contains(t.opened_at) {
            self.request_resolution.add(t.resolved_at.is_some());
        }
        if t.sla.callback.due.is_some_and(|d| w.start <= d && d < w.end)
            && let Some(met) = on_time(t.sla.callback.state)
        {
            self.callback_on_time.add(met);
        }
        if t.resolved_at.is_none() {
            self.backlog += 1;
        }
    }

    /// Adds the sums of `other`, counted over other surveys, tickets and customers.
    pub fn absorb(&mut self, other: &Tally) {
        self.satisfaction.absorb(&other.satisfaction);
        self.satisfied.absorb(&other.satisfied);
        for (mine, theirs) in self.distribution.iter_mut().zip(other.distribution) {
            *mine += theirs;
        }
        self.complaint_on_time.absorb(&other.complaint_on_time);
        self.first_response.absorb(&other.first_response);
        self.first_contact.absorb(&other.first_contact);
        self.request_resolution.absorb(&other.request_resolution);
        self.callback_on_time.absorb(&other.callback_on_time);
        self.handling.absorb(&other.handling);
        self.churn.absorb(&other.churn);
        self.backlog += other.backlog;
    }

    /// A customer seen active (or not) at the start and at the cutoff of the month.
    pub fn add_customer(&mut self, active_at_start: bool, active_at_cutoff: bool) {
        if active_at_start {
            self.churn.add(!active_at_cutoff);
        }
    }

    pub fn value(&self, kpi: Kpi) -> Option<f64> {
        match kpi {
            Kpi::SatisfactionAvg => self.satisfaction.value(),
            Kpi::Backlog => Some(self.backlog as f64),
            Kpi::AvgHandlingMinutes => self.handling.value(),
            rate => self.ratio(rate).and_then(|r| r.rate()),
        }
    }

    /// How many surveys, tickets or customers the KPI was measured over (None for backlog).
    pub fn measured(&self, kpi: Kpi) -> Option<u64> {
        match kpi {
            Kpi::SatisfactionAvg => Some(self.satisfaction.count),
            Kpi::AvgHandlingMinutes => Some(self.handling.count),
            Kpi::Backlog => None,
            rate => self.ratio(rate).map(|r| r.total),
        }
    }

    fn ratio(&self, kpi: Kpi) -> Option<&Ratio> {
        Some(match kpi {
            Kpi::SatisfiedShare => &self.satisfied,
            Kpi::ComplaintOnTimeRate => &self.complaint_on_time,
            Kpi::FirstResponseCompliance => &self.first_response,
            Kpi::FirstContactResolutionRate => &self.first_contact,
            Kpi::RequestResolutionRate => &self.request_resolution,
            Kpi::CallbackOnTimeRate => &self.callback_on_time,
            Kpi::ChurnRate => &self.churn,
            Kpi::SatisfactionAvg | Kpi::AvgHandlingMinutes | Kpi::Backlog => return None,
        })
    }
}

/// How `report --by` groups tickets (and surveys, through their ticket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Breakdown {
    /// The ticket's assignee.
    Agent,
    Department,
    Kind,
    /// The ticket's origin channel.
    Channel,
}

impl Breakdown {
    pub const ALL: [Breakdown; 4] = [
        Breakdown::Agent,
        Breakdown::Department,
        Breakdown::Kind,
        Breakdown::Channel,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Agent => "agent",
            Breakdown::Department => "department",
            Breakdown::Kind => "kind",
            Breakdown::Channel => "channel",
        }
    }
}

impl std::str::FromStr for Breakdown {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Invalid> {
        let wanted = s.trim().to_ascii_lowercase();
        Breakdown::ALL.into_iter().find(|b| b.key() == wanted).ok_or_else(|| {
            Invalid::new(
                "by",
                s,
                crate::domain::error::Reason::NotOneOf {
                    allowed: ["agent", "department", "kind", "channel"].map(String::from).to_vec(),
                },
            )
        })
    }
}

#[cfg(test)]
#[path = "kpi_tests.rs"]
mod tests;
