//! The monthly review (月度复盘): every KPI of a month beside the month before, optionally
//! broken down by agent, department, kind or channel, and weekly series for charts.
//!
//! The KPI definitions are in `domain::kpi` (one doc comment per KPI). Met and missed come from
//! the SLA engine (`service::sla::clocks` over each ticket's events before the month's
//! cutoff). The reads stay proportional to the two months: one range scan of the events since
//! shortly before the previous month (covering index `ticket_events_at`) finds the tickets
//! that matter and most of their history; the earlier events of older tickets, the ticket
//! rows and the first outbound contacts are one query each; the SLA engine runs only where a
//! clock can count in a month, once per ticket when nothing changed between the two cutoffs;
//! tickets untouched since count in the backlog from their current status; the churn scan
//! runs beside the rest on a connection of its own. A month further back reads every event
//! since, so it takes longer. `tests/it/report_reference.rs` checks all of this against a
//! brute-force reading of every record.

use super::sla::{Rules, clocks};
use super::{Ctx, Error};
use crate::domain::enums::Tier;
use crate::domain::error::Invalid;
use crate::domain::kpi::{
    Breakdown, Kpi, Ratio, Tally, TicketFacts, Window, change, on_time, resolutions, resolved_at,
};
use crate::domain::period::{Month, last_weeks};
use crate::domain::sla::{SlaView, Targets, TicketEvent};
use crate::store::{EventRow, FirstTwo, ReportTicket, Store, TicketGroups, Tx};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

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
        return Err(Invalid::new(
            "month",
            month.to_string(),
            crate::domain::error::Reason::AfterCurrentMonth,
        )
        .into());
    }
    let windows = [
        Window::new(month.previous(), tz, ctx.now),
        Window::new(month, tz, ctx.now),
    ];
    // The churn scan is independent of the rest: it runs on a thread and connection of its
    // own, in the transaction of the rest if that cannot be done.
    // PostgreSQL has no file to open beside: there it is the store's own read.
    let spans = churn_spans(&windows);
    let file = store.file().map(Path::to_path_buf);
    let busy_timeout = store.options().busy_timeout;
    let (read, apart) = std::thread::scope(|scope| {
        let apart = scope.spawn(|| match &file {
            Some(path) => crate::store::activity_by_span(path, busy_timeout, &spans).ok(),
            None => None,
        });
        // A read may run again when SQLite is busy: each run starts from empty tallies.
        let read = store.read(|tx| {
            let mut c = Collector {
                windows,
                by,
                totals: Default::default(),
                groups: BTreeMap::new(),
            };
            let rules = Rules::load(tx)?;
            add_tickets(tx, ctx, &rules, &mut c)?;
            add_surveys(tx, &mut c)?;
            Ok::<_, Error>(c)
        });
        (read, apart.join())
    });
    let mut c = read?;
    let masks = match apart {
        Ok(Some(masks)) => masks,
        _ => store.read(|tx| tx.activity_by_span(&spans))?,
    };
    add_customers(&masks, &mut c);
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
        for s in tx.report_surveys(w.start, w.cutoff, false)? {
            tally.add_survey(&s.scores);
        }
        Ok(tally.distribution)
    })
}

/// The last `weeks` weeks up to now, oldest first: tickets opened and resolved, and
/// first-response compliance.
pub fn weekly(store: &mut Store, ctx: &Ctx, weeks: usize) -> Result<Vec<WeekPoint>, Error> {
    weekly_until(store, ctx, weeks, ctx.now)
}

/// The last `weeks` weeks up to `month`'s cutoff (now for the month in progress, else the
/// month's last second), as the dashboard charts and `report --weekly` show them. A month
/// after the current one is refused, as in [`monthly`].
pub fn weekly_of_month(store: &mut Store, ctx: &Ctx, month: Month, weeks: usize) -> Result<Vec<WeekPoint>, Error> {
    if month > current_month(ctx) {
        return Err(Invalid::new(
            "month",
            month.to_string(),
            crate::domain::error::Reason::AfterCurrentMonth,
        )
        .into());
    }
    let window = Window::new(month, ctx.settings.timezone, ctx.now);
    // The cutoff is exclusive and instants are whole seconds.
    weekly_until(store, ctx, weeks, window.cutoff - Duration::seconds(1))
}

/// The last `weeks` weeks up to `as_of` (inclusive), oldest first, seen from then: only what
/// happened up to `as_of` counts and the SLA clocks are judged at it. A past month's charts
/// use the last second of the month, so they follow the month rules of [`monthly`].
pub fn weekly_until(store: &mut Store, ctx: &Ctx, weeks: usize, as_of: DateTime<Utc>) -> Result<Vec<WeekPoint>, Error> {
    let starts = last_weeks(as_of, ctx.settings.timezone, weeks);
    let Some(&from) = starts.first() else {
        return Ok(vec![]);
    };
    let cutoff = as_of + Duration::seconds(1);
    let week_of = |t: DateTime<Utc>| (from <= t && t < cutoff).then(|| starts.partition_point(|&s| s <= t) - 1);
    // A read may run again when SQLite is busy: each run starts from zero.
    store.read(|tx| {
        let mut points: Vec<WeekPoint> = starts
            .iter()
            .map(|&start| WeekPoint {
                start,
                opened: 0,
                resolved: 0,
                first_response: Ratio::default(),
            })
            .collect();
        let rules = Rules::load(tx)?;
        let in_weeks = |at: DateTime<Utc>, _| from <= at && at < cutoff;
        for (t, events) in relevant_tickets(tx, &rules, from, in_weeks)? {
            let before = events_before(&events, cutoff);
            if let Some(i) = week_of(t.opened_at) {
                points[i].opened += 1;
            }
            for i in resolutions(before).into_iter().filter_map(week_of) {
                points[i].resolved += 1;
            }
            let sla = clocks(before.to_vec(), &targets(&rules, &t), as_of, ctx.settings.at_risk_share);
            let first = sla.first_response;
            if let (Some(i), Some(met)) = (first.done_at.and_then(week_of), on_time(first.state)) {
                points[i].first_response.add(met);
            }
        }
        Ok::<_, Error>(points)
    })
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
/// the tickets opened before `from`. The rows are grouped by sorting them by ticket rather
/// than by hashing each of the hundreds of thousands a large month reads.
fn relevant_tickets(
    tx: &Tx,
    rules: &Rules,
    from: DateTime<Utc>,
    relevant: impl Fn(DateTime<Utc>, TicketEvent) -> bool,
) -> Result<Vec<(ReportTicket, Events)>, Error> {
    // By ticket, then by time, equal times in the order recorded (the scan returns them by time).
    let by_ticket = |r: &EventRow| (r.0, r.1, r.3);
    let mut rows = tx.events_since(from)?;
    rows.sort_unstable_by_key(by_ticket);
    let mut ids = Vec::new();
    // Of those, the tickets whose opening is before the scan.
    let mut older = Vec::new();
    let mut kept = Vec::with_capacity(rows.len());
    for group in rows.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().any(|r| relevant(r.1, r.2)) {
            ids.push(group[0].0);
            if !group.iter().any(|r| r.2 == TicketEvent::Opened) {
                older.push(group[0].0);
            }
            kept.extend_from_slice(group);
        }
    }
    // The earlier events come before the scan's in the same order.
    let mut history = tx.events_before(&older, from)?;
    history.extend(kept);
    history.sort_unstable_by_key(by_ticket);
    let mut tickets = tx.report_tickets(&ids, needs_tier(rules))?;
    // In ticket order, so sums come out the same on every run.
    tickets.sort_unstable_by_key(|t| t.id);
    let mut groups = history.chunk_by(|a, b| a.0 == b.0).peekable();
    let mut out = Vec::with_capacity(tickets.len());
    for t in tickets {
        while groups.next_if(|g| g[0].0 < t.id).is_some() {}
        let events = groups.next_if(|g| g[0].0 == t.id).unwrap_or_default();
        out.push((t, events.iter().map(|&(_, at, event, _)| (at, event)).collect()));
    }
    Ok(out)
}

/// The events before `cutoff`: a prefix, since they are in time order.
fn events_before(events: &[(DateTime<Utc>, TicketEvent)], cutoff: DateTime<Utc>) -> &[(DateTime<Utc>, TicketEvent)] {
    &events[..events.partition_point(|(at, _)| *at < cutoff)]
}

/// A ticket as seen from one month's cutoff.
#[derive(Clone)]
struct Judged {
    sla: SlaView,
    resolved_at: Option<DateTime<Utc>>,
    reopened: bool,
}

/// Whether one of the ticket's clocks can count in window `w`: only after a reply or a
/// resolution in it, or a resolution shortly before it (its callback may fall due inside).
fn needs_clocks(before: &[(DateTime<Utc>, TicketEvent)], w: &Window) -> bool {
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
fn judge(
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
    let later = if needs[1] || (unchanged && needs[0]) {
        evaluate(1)
    } else {
        SlaView::default()
    };
    let earlier = match (needs[0], unchanged) {
        (false, _) => SlaView::default(),
        (true, true) => later,
        (true, false) => evaluate(0),
    };
    let judged = |i: usize, sla: SlaView| {
        (t.opened_at < windows[i].cutoff).then(|| Judged {
            sla,
            resolved_at: resolved_at(before[i]),
            reopened: before[i].iter().any(|(_, e)| *e == TicketEvent::Reopened),
        })
    };
    [judged(0, earlier), judged(1, later)]
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
        .map(|(t, events)| judge(rules, share, t, events, &c.windows))
        .collect();

    // The first two outbound contacts of the tickets resolved in either month.
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
    let outbound: HashMap<i64, FirstTwo> = tx.first_outbound(&resolved)?.into_iter().collect();

    for (t, judged) in tickets.iter().zip(&judged) {
        for (i, j) in judged.iter().enumerate() {
            let Some(j) = j else { continue };
            let first_two = outbound.get(&t.id).copied().unwrap_or_default();
            let facts = TicketFacts {
                kind: t.groups.kind,
                opened_at: t.opened_at,
                sla: &j.sla,
                resolved_at: j.resolved_at,
                reopened: j.reopened,
                outbound_until_resolved: j
                    .resolved_at
                    .map_or(0, |r| first_two.iter().flatten().filter(|&&at| at <= r).count()),
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
    for s in tx.report_surveys(previous.start, month.cutoff, c.by.is_some())? {
        for i in 0..2 {
            if c.windows[i].contains(s.at) {
                c.apply(i, s.ticket.as_ref(), |tally| tally.add_survey(&s.scores));
            }
        }
    }
    Ok(())
}

/// The spans of the churn rate: before each month's start and before its cutoff.
fn churn_spans(windows: &[Window; 2]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    windows
        .iter()
        .flat_map(|w| [w.activity_at_start(), w.activity_at_cutoff()])
        .collect()
}

/// Churn, totals only, from which customers were active in the [`churn_spans`] (bits 2i and
/// 2i + 1 for window i).
fn add_customers(masks: &[u32], c: &mut Collector) {
    for bits in masks {
        for i in 0..2 {
            c.totals[i].add_customer(bits & 1 << (2 * i) != 0, bits & 1 << (2 * i + 1) != 0);
        }
    }
}
