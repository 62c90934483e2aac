//! The monthly review (月度复盘): every KPI of a month beside the month before, optionally
//! broken down by agent, department, kind or channel, and weekly series for charts.
//!
//! The KPI definitions are in `domain::kpi` (one doc comment per KPI). Met and missed come from
//! the SLA engine (`service::sla::clocks` over each ticket's events before the month's
//! cutoff). The reads stay proportional to the month: one range scan of the events since
//! shortly before the previous month (covering index `ticket_events_at`) finds the tickets
//! that matter and most of their history; the earlier events of older tickets, the ticket
//! rows and the outbound contacts are one query each; only tickets with events near a month
//! are run through the SLA engine; tickets untouched since count in the backlog from their
//! current status. A past month further back reads every event since, so it takes longer.

use super::sla::{Rules, clocks};
use super::{Ctx, Error};
use crate::domain::enums::Tier;
use crate::domain::error::Invalid;
use crate::domain::kpi::{
    Breakdown, Kpi, Ratio, Tally, TicketFacts, Window, change, on_time, resolutions, resolved_at,
};
use crate::domain::period::{Month, last_weeks};
use crate::domain::sla::{SlaView, Targets, TicketEvent};
use crate::store::{EventRow, ReportTicket, Store, TicketGroups, Tx};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How long before a month a resolution is looked at, because its callback may fall due in
/// the month: callback targets up to this long are counted exactly.
const CALLBACK_LOOKBACK_DAYS: i64 = 14;

type Events = Vec<(DateTime<Utc>, TicketEvent)>;

/// One KPI of the month beside the month before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KpiValue {
    pub kpi: Kpi,
    /// `None`: nothing was measured.
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// `value − previous`, `None` if either is unknown.
    pub change: Option<f64>,
    /// Surveys, tickets or customers measured this month (`None` for the backlog).
    pub measured: Option<u64>,
}

/// The KPIs of one group of a breakdown; `group` is `""` for tickets without an assignee or
/// department.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupReport {
    pub group: String,
    pub kpis: Vec<KpiValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    pub month: Month,
    pub timezone: Tz,
    pub window: Window,
    pub previous: Window,
    /// In the order of [`Kpi::ALL`].
    pub kpis: Vec<KpiValue>,
    /// Surveys of the month by rounded mean score, 1..=5.
    pub distribution: [u64; 5],
    pub by: Option<Breakdown>,
    /// Groups by name, the unnamed group last; empty without `by`.
    pub breakdown: Vec<GroupReport>,
}

impl MonthlyReport {
    pub fn kpi(&self, kpi: Kpi) -> Option<&KpiValue> {
        self.kpis.iter().find(|v| v.kpi == kpi)
    }
}

/// One week of the charts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekPoint {
    /// Monday 00:00 in the report time zone.
    pub start: DateTime<Utc>,
    /// Tickets opened in the week.
    pub opened: u64,
    /// Resolutions in the week (a ticket resolved again after a reopen counts again).
    pub resolved: u64,
    /// Tickets first responded to in the week, and how many met the target.
    pub first_response: Ratio,
}

/// The month `ctx.now` falls in, in the report time zone.
pub fn current_month(ctx: &Ctx) -> Month {
    Month::containing(ctx.now, ctx.settings.timezone)
}

/// The KPIs of `month` and of the month before.
pub fn monthly(store: &mut Store, ctx: &Ctx, month: Month) -> Result<MonthlyReport, Error> {
    monthly_by(store, ctx, month, None)
}

/// [`monthly`], with a breakdown of every ticket and survey KPI when `by` is given.
pub fn monthly_by(store: &mut Store, ctx: &Ctx, month: Month, by: Option<Breakdown>) -> Result<MonthlyReport, Error> {
    let tz = ctx.settings.timezone;
    if month > current_month(ctx) {
        return Err(Invalid::new("month", month.to_string(), "is after the current month").into());
    }
    let windows = [
        Window::new(month.previous(), tz, ctx.now),
        Window::new(month, tz, ctx.now),
    ];
    let mut c = Collector {
        windows,
        by,
        totals: Default::default(),
        groups: BTreeMap::new(),
    };
    store.read(|tx| {
        let rules = Rules::load(tx)?;
        add_tickets(tx, ctx, &rules, &mut c)?;
        add_surveys(tx, &mut c)?;
        add_customers(tx, &mut c)?;
        Ok::<_, Error>(())
    })?;
    let mut breakdown: Vec<GroupReport> = c
        .groups
        .iter()
        .map(|(group, tallies)| GroupReport {
            group: group.clone(),
            kpis: kpi_values(tallies),
        })
        .collect();
    breakdown.sort_by_key(|g| g.group.is_empty());
    Ok(MonthlyReport {
        month,
        timezone: tz,
        window: windows[1],
        previous: windows[0],
        kpis: kpi_values(&c.totals),
        distribution: c.totals[1].distribution,
        by,
        breakdown,
    })
}

/// Counts of the month's surveys by rounded mean score 1..=5.
pub fn satisfaction_distribution(store: &mut Store, ctx: &Ctx, month: Month) -> Result<[u64; 5], Error> {
    let w = Window::new(month, ctx.settings.timezone, ctx.now);
    store.read(|tx| {
        let mut tally = Tally::default();
        for s in tx.report_surveys(w.start, w.cutoff)? {
            tally.add_survey(&s.scores);
        }
        Ok(tally.distribution)
    })
}

/// The last `weeks` weeks up to now, oldest first: tickets opened and resolved, and
/// first-response compliance.
pub fn weekly(store: &mut Store, ctx: &Ctx, weeks: usize) -> Result<Vec<WeekPoint>, Error> {
    let starts = last_weeks(ctx.now, ctx.settings.timezone, weeks);
    let Some(&from) = starts.first() else {
        return Ok(vec![]);
    };
    let cutoff = ctx.now + Duration::seconds(1);
    let mut points: Vec<WeekPoint> = starts
        .iter()
        .map(|&start| WeekPoint {
            start,
            opened: 0,
            resolved: 0,
            first_response: Ratio::default(),
        })
        .collect();
    let week_of = |t: DateTime<Utc>| (from <= t && t < cutoff).then(|| starts.partition_point(|&s| s <= t) - 1);
    store.read(|tx| {
        let rules = Rules::load(tx)?;
        let in_weeks = |at: DateTime<Utc>, _| from <= at && at < cutoff;
        for (t, events) in relevant_tickets(tx, &rules, from, in_weeks)? {
            let before = events_before(&events, cutoff);
            if let Some(i) = week_of(t.opened_at) {
                points[i].opened += 1;
            }
            for i in resolutions(&before).into_iter().filter_map(week_of) {
                points[i].resolved += 1;
            }
            let sla = clocks(before, &targets(&rules, &t), ctx.now, ctx.settings.at_risk_share);
            let first = sla.first_response;
            if let (Some(i), Some(met)) = (first.done_at.and_then(week_of), on_time(first.state)) {
                points[i].first_response.add(met);
            }
        }
        Ok::<_, Error>(())
    })?;
    Ok(points)
}

/// The tallies of both months, overall and per group.
struct Collector {
    /// The previous month, then the month.
    windows: [Window; 2],
    by: Option<Breakdown>,
    totals: [Tally; 2],
    groups: BTreeMap<String, [Tally; 2]>,
}

impl Collector {
    /// Applies `f` to month `i`'s totals and, in a breakdown, to the tally of the group.
    fn apply(&mut self, i: usize, groups: Option<&TicketGroups>, f: impl Fn(&mut Tally)) {
        f(&mut self.totals[i]);
        if let (Some(by), Some(groups)) = (self.by, groups) {
            f(&mut self.groups.entry(group_key(by, groups)).or_default()[i]);
        }
    }
}

fn group_key(by: Breakdown, g: &TicketGroups) -> String {
    match by {
        Breakdown::Agent => g.assignee.clone(),
        Breakdown::Department => g.department.clone(),
        Breakdown::Kind => g.kind.key().into(),
        Breakdown::Channel => g.channel.key().into(),
    }
}

fn kpi_values(tallies: &[Tally; 2]) -> Vec<KpiValue> {
    Kpi::ALL
        .iter()
        .map(|&kpi| {
            let value = tallies[1].value(kpi);
            let previous = tallies[0].value(kpi);
            KpiValue {
                kpi,
                value,
                previous,
                change: change(value, previous),
                measured: tallies[1].measured(kpi),
            }
        })
        .collect()
}

fn targets<'r>(rules: &'r Rules, t: &ReportTicket) -> Targets<'r> {
    // The tier is only loaded when a policy matches on it; otherwise any tier will do.
    let tier = t.tier.unwrap_or(Tier::Standard);
    rules.targets_matching(t.groups.kind, t.priority, t.groups.channel, tier)
}

/// Whether some policy matches on the customer's tier.
fn needs_tier(rules: &Rules) -> bool {
    rules.policies.iter().any(|p| p.tier.is_some())
}

/// The tickets with an event since `from` for which `relevant(at, event)` holds, each with
/// its whole history in order: one range scan of the recent events, and the earlier events of
/// the tickets opened before `from`.
fn relevant_tickets(
    tx: &Tx,
    rules: &Rules,
    from: DateTime<Utc>,
    relevant: impl Fn(DateTime<Utc>, TicketEvent) -> bool,
) -> Result<Vec<(ReportTicket, Events)>, Error> {
    let mut by_ticket: HashMap<i64, Vec<EventRow>> = HashMap::new();
    let mut wanted: HashSet<i64> = HashSet::new();
    for row in tx.events_since(from)? {
        if relevant(row.1, row.2) {
            wanted.insert(row.0);
        }
        by_ticket.entry(row.0).or_default().push(row);
    }
    by_ticket.retain(|id, _| wanted.contains(id));
    let mut ids: Vec<i64> = wanted.into_iter().collect();
    ids.sort_unstable();
    let older: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| {
            by_ticket
                .get(id)
                .is_some_and(|rows| !rows.iter().any(|r| r.2 == TicketEvent::Opened))
        })
        .collect();
    for row in tx.events_before(&older, from)? {
        by_ticket.entry(row.0).or_default().push(row);
    }
    Ok(tx
        .report_tickets(&ids, needs_tier(rules))?
        .into_iter()
        .map(|t| {
            let mut rows = by_ticket.remove(&t.id).unwrap_or_default();
            // Equal times keep the order they were recorded in.
            rows.sort_unstable_by_key(|r| (r.1, r.3));
            let events = rows.into_iter().map(|(_, at, event, _)| (at, event)).collect();
            (t, events)
        })
        .collect())
}

fn events_before(events: &[(DateTime<Utc>, TicketEvent)], cutoff: DateTime<Utc>) -> Events {
    events.iter().filter(|(at, _)| *at < cutoff).copied().collect()
}

/// A ticket as seen from one month's cutoff.
struct Judged {
    sla: SlaView,
    resolved_at: Option<DateTime<Utc>>,
    reopened: bool,
}

/// Judges a ticket at window `w`: `None` if it was opened after the cutoff. The SLA engine
/// runs only if the ticket has events near the month; otherwise only its backlog state counts.
fn judge(
    rules: &Rules,
    share: f64,
    t: &ReportTicket,
    events: &[(DateTime<Utc>, TicketEvent)],
    w: &Window,
) -> Option<Judged> {
    if t.opened_at >= w.cutoff {
        return None;
    }
    let before = events_before(events, w.cutoff);
    let near_from = w.start - Duration::days(CALLBACK_LOOKBACK_DAYS);
    let near = before.iter().any(|(at, _)| *at >= near_from);
    Some(Judged {
        resolved_at: resolved_at(&before),
        reopened: before.iter().any(|(_, e)| *e == TicketEvent::Reopened),
        sla: if near {
            clocks(before, &targets(rules, t), w.as_of, share)
        } else {
            SlaView::default()
        },
    })
}

fn add_tickets(tx: &Tx, ctx: &Ctx, rules: &Rules, c: &mut Collector) -> Result<(), Error> {
    let [previous, month] = c.windows;
    let lookback = previous.start - Duration::days(CALLBACK_LOOKBACK_DAYS);
    let settled = |e: TicketEvent| matches!(e, TicketEvent::Resolved | TicketEvent::Closed);
    let relevant = |at: DateTime<Utc>, e: TicketEvent| {
        // Anything in the two months; a resolution just before them (its callback may fall
        // due inside); a status change after the earlier cutoff (the state then differs).
        (previous.start <= at && at < month.cutoff)
            || (at < previous.start && settled(e))
            || (at >= previous.cutoff && (settled(e) || e == TicketEvent::Reopened))
    };
    let (tickets, events): (Vec<ReportTicket>, Vec<Events>) =
        relevant_tickets(tx, rules, lookback, relevant)?.into_iter().unzip();
    let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
    let share = ctx.settings.at_risk_share;
    let judged: Vec<[Option<Judged>; 2]> = tickets
        .iter()
        .zip(&events)
        .map(|(t, events)| c.windows.map(|w| judge(rules, share, t, events, &w)))
        .collect();

    // Outbound contacts only matter for the tickets resolved in either month.
    let resolved: Vec<i64> = tickets
        .iter()
        .zip(&judged)
        .filter(|(_, j)| {
            j.iter()
                .zip(&c.windows)
                .any(|(j, w)| j.as_ref().and_then(|j| j.resolved_at).is_some_and(|r| w.contains(r)))
        })
        .map(|(t, _)| t.id)
        .collect();
    let mut outbound: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for (id, at) in tx.outbound_times(&resolved)? {
        outbound.entry(id).or_default().push(at);
    }

    for (t, judged) in tickets.iter().zip(&judged) {
        for (i, j) in judged.iter().enumerate() {
            let Some(j) = j else { continue };
            let contacts = outbound.get(&t.id).map(Vec::as_slice).unwrap_or_default();
            let facts = TicketFacts {
                kind: t.groups.kind,
                opened_at: t.opened_at,
                sla: &j.sla,
                resolved_at: j.resolved_at,
                reopened: j.reopened,
                outbound_until_resolved: j
                    .resolved_at
                    .map_or(0, |r| contacts.iter().filter(|&&at| at <= r).count()),
            };
            let w = c.windows[i];
            c.apply(i, Some(&t.groups), |tally| tally.add_ticket(&facts, &w));
        }
    }

    // Open now and without a status change since the earlier cutoff: open at both cutoffs.
    let loaded: HashSet<i64> = ids.into_iter().collect();
    for t in tx.open_report_tickets(month.cutoff)? {
        if loaded.contains(&t.id) {
            continue;
        }
        for i in 0..2 {
            if t.opened_at < c.windows[i].cutoff {
                c.apply(i, Some(&t.groups), |tally| tally.backlog += 1);
            }
        }
    }
    Ok(())
}

fn add_surveys(tx: &Tx, c: &mut Collector) -> Result<(), Error> {
    let [previous, month] = c.windows;
    for s in tx.report_surveys(previous.start, month.cutoff)? {
        for i in 0..2 {
            if c.windows[i].contains(s.at) {
                c.apply(i, s.ticket.as_ref(), |tally| tally.add_survey(&s.scores));
            }
        }
    }
    Ok(())
}

/// Churn, totals only: which customers were active in the spans before each month's start
/// and before its cutoff (bits 2i and 2i + 1 for window i).
fn add_customers(tx: &Tx, c: &mut Collector) -> Result<(), Error> {
    let spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = c
        .windows
        .iter()
        .flat_map(|w| [w.activity_at_start(), w.activity_at_cutoff()])
        .collect();
    let seen = tx.activity_by_span(&spans)?;
    for bits in seen {
        for i in 0..2 {
            c.totals[i].add_customer(bits & 1 << (2 * i) != 0, bits & 1 << (2 * i + 1) != 0);
        }
    }
    Ok(())
}
