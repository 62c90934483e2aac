//! The monthly review (月度复盘): every KPI of a month beside the month before, optionally
//! broken down by agent, department, kind or channel, and weekly series for charts.
//!
//! The KPI definitions are in `domain::kpi` (one doc comment per KPI). Met and missed come from
//! the SLA engine (`service::sla::clocks` over each ticket's events before the month's
//! cutoff). The reads stay proportional to the tickets that matter: one range scan of the
//! stored ticket histories (`ticket_history`, kept by triggers) gives every ticket with an
//! event since shortly before the previous month, with its whole history and its first two
//! outbound contacts, and each is judged and tallied as it is read, so a month is never
//! gathered in memory; the SLA engine runs only where a clock can count in a month, once per
//! ticket when nothing changed between the two cutoffs; tickets untouched since count in the
//! backlog from their current status; the churn scan runs beside the rest on a connection of
//! its own, which then takes its share of the tickets (`report_share`).
//! `tests/it/report_reference.rs` checks all of this against a brute-force reading of every
//! record.

use super::report_judge::{CALLBACK_LOOKBACK_DAYS, events_before, judge, needs_tier, targets};
use super::report_share;
use super::sla::{Rules, clocks};
use super::{Ctx, Error};
use crate::domain::error::Invalid;
use crate::domain::kpi::{Breakdown, Kpi, Ratio, Tally, TicketFacts, Window, change, on_time, resolutions};
use crate::domain::period::{Month, last_weeks};
use crate::domain::sla::{SlaView, TicketEvent};
use crate::store::{ReportHistory, ReportSurvey, ReportTicket, Store, StoreError, TicketGroups, Tx};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use report_share::{SharedRuns, Sum};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{OnceLock, mpsc};

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
    Ok(read_months(store, ctx, month, by, None)?.0)
}

/// [`monthly`] and [`weekly_of_month`] together, as the dashboard shows them: the tickets
/// are read once for both.
pub fn monthly_with_weeks(
    store: &mut Store,
    ctx: &Ctx,
    month: Month,
    weeks: usize,
) -> Result<(MonthlyReport, Vec<WeekPoint>), Error> {
    let weeks = Weeks::of_month(ctx, weeks, month);
    let (report, points) = read_months(store, ctx, month, None, Some(weeks))?;
    Ok((report, points.unwrap_or_default()))
}

/// A month after the current one has no figures yet.
fn refuse_future(ctx: &Ctx, month: Month) -> Result<(), Error> {
    if month > current_month(ctx) {
        return Err(Invalid::new(
            "month",
            month.to_string(),
            crate::domain::error::Reason::AfterCurrentMonth,
        )
        .into());
    }
    Ok(())
}

/// The KPIs of `month` and the month before, and the weekly series of `weeks` counted from
/// the same read of the tickets when given.
fn read_months(
    store: &mut Store,
    ctx: &Ctx,
    month: Month,
    by: Option<Breakdown>,
    weeks: Option<Weeks>,
) -> Result<(MonthlyReport, Option<Vec<WeekPoint>>), Error> {
    let tz = ctx.settings.timezone;
    refuse_future(ctx, month)?;
    let windows = [
        Window::new(month.previous(), tz, ctx.now),
        Window::new(month, tz, ctx.now),
    ];
    // The churn scan and the surveys are independent of the tickets: they are read on a
    // thread and connection of their own (`Store::apart`), which then helps with the tickets
    // (`report_share`); where there is none (a server) the store reads them after the rest.
    let spans = churn_spans(&windows);
    let with_groups = by.is_some();
    let empty = Collector {
        windows,
        by,
        totals: Default::default(),
        groups: BTreeMap::new(),
        weeks,
        loaded: Vec::new(),
    };
    let from = empty.tickets_from();
    let apart = store.apart();
    let tickets: OnceLock<Tickets> = OnceLock::new();
    let (ready, wait) = mpsc::channel::<()>();
    let (open, beside) = std::thread::scope(|scope| {
        let beside = apart.as_ref().map(|apart| {
            let (tickets, empty, spans) = (&tickets, &empty, &spans);
            scope.spawn(move || {
                apart
                    .read(|tx| {
                        let beside = read_beside(tx, &windows, spans, with_groups)?;
                        // Nothing comes when the store's read failed before it knew the tickets.
                        if wait.recv().is_ok()
                            && let Some(t) = tickets.get()
                        {
                            t.runs.read(|run| tally_run(tx, ctx, &t.rules, empty, from, run))?;
                        }
                        Ok(beside)
                    })
                    .ok()
            })
        });
        // A read may run again when SQLite is busy: the runs it counted stay counted.
        let open = store.read(|tx| {
            if tickets.get().is_none() {
                let ids = tx.report_history_ids(from)?.unwrap_or(0..0);
                let rules = Rules::load(tx)?;
                let _ = tickets.set(Tickets {
                    runs: SharedRuns::new(ids, empty.clone()),
                    rules,
                });
                let _ = ready.send(());
            }
            let t = tickets.get().expect("set above");
            t.runs.read(|run| tally_run(tx, ctx, &t.rules, &empty, from, run))?;
            Ok::<_, Error>(tx.open_report_tickets(windows[1].cutoff)?)
        });
        drop(ready);
        (open, beside.and_then(|reader| reader.join().ok().flatten()))
    });
    let open = open?;
    let Tickets { runs, rules } = tickets.into_inner().expect("set by the store's read");
    if runs.leftover() {
        // A run the reader apart gave back when its read failed.
        store.read(|tx| runs.read(|run| tally_run(tx, ctx, &rules, &empty, from, run)))?;
    }
    let mut c = runs.into_sum();
    c.add_backlog(&open);
    let beside = match beside {
        Some(beside) => beside,
        None => store.read(|tx| read_beside(tx, &windows, &spans, with_groups))?,
    };
    add_surveys(&beside.surveys, &mut c);
    add_customers(&beside.masks, &mut c);
    let mut breakdown: Vec<GroupReport> = c
        .groups
        .iter()
        .map(|(group, tallies)| GroupReport {
            group: group.clone(),
            kpis: kpi_values(tallies),
        })
        .collect();
    breakdown.sort_by_key(|g| g.group.is_empty());
    let report = MonthlyReport {
        month,
        timezone: tz,
        window: windows[1],
        previous: windows[0],
        kpis: kpi_values(&c.totals),
        distribution: c.totals[1].distribution,
        by,
        breakdown,
    };
    Ok((report, c.weeks.map(|w| w.points)))
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
/// month's end), seen as the month's KPIs are (see [`Weeks::of_month`]), as the dashboard
/// charts and `report --weekly` show them. A month after the current one is refused, as in
/// [`monthly`].
pub fn weekly_of_month(store: &mut Store, ctx: &Ctx, month: Month, weeks: usize) -> Result<Vec<WeekPoint>, Error> {
    refuse_future(ctx, month)?;
    count_weeks(store, Weeks::of_month(ctx, weeks, month))
}

/// The last `weeks` weeks up to `as_of` (inclusive), oldest first, seen from then: only what
/// happened up to `as_of` counts and the SLA clocks are judged at it.
pub fn weekly_until(store: &mut Store, ctx: &Ctx, weeks: usize, as_of: DateTime<Utc>) -> Result<Vec<WeekPoint>, Error> {
    count_weeks(store, Weeks::new(ctx, weeks, as_of))
}

fn count_weeks(store: &mut Store, weeks: Weeks) -> Result<Vec<WeekPoint>, Error> {
    if weeks.points.is_empty() {
        return Ok(vec![]);
    }
    // A read may run again when SQLite is busy: each run starts from zero.
    store.read(|tx| {
        let mut weeks = weeks.clone();
        let rules = Rules::load(tx)?;
        let ids = tx.report_history_ids(weeks.from)?.unwrap_or(0..0);
        tx.each_report_history(weeks.from, ids, needs_tier(&rules), false, |h| {
            if weeks.counts(&h) {
                weeks.add(&rules, &h, None);
            }
        })?;
        Ok::<_, Error>(weeks.points)
    })
}

/// The weekly series being counted: tickets opened and resolved, and first responses met,
/// in each week from `from` up to `as_of`, the clocks judged at `as_of`.
#[derive(Clone)]
struct Weeks {
    starts: Vec<DateTime<Utc>>,
    from: DateTime<Utc>,
    as_of: DateTime<Utc>,
    /// Just after `as_of`: instants are whole seconds.
    cutoff: DateTime<Utc>,
    share: f64,
    points: Vec<WeekPoint>,
}

impl Weeks {
    fn new(ctx: &Ctx, weeks: usize, as_of: DateTime<Utc>) -> Weeks {
        let starts = last_weeks(as_of, ctx.settings.timezone, weeks);
        let points = starts
            .iter()
            .map(|&start| WeekPoint {
                start,
                opened: 0,
                resolved: 0,
                first_response: Ratio::default(),
            })
            .collect();
        Weeks {
            from: starts.first().copied().unwrap_or(as_of),
            starts,
            as_of,
            cutoff: as_of + Duration::seconds(1),
            share: ctx.settings.at_risk_share,
            points,
        }
    }

    /// The weeks up to `month`'s cutoff, seen as the month is: what happened before the
    /// month's cutoff, the clocks judged at its `as_of` (now for the month in progress, the
    /// month's end for a past one), so one run of the SLA engine serves the month's KPIs
    /// and its weeks (see [`Weeks::sees_as`]). The weeks are those up to the cutoff's last
    /// second, so a month ending on a Sunday has no empty week of the next month.
    fn of_month(ctx: &Ctx, weeks: usize, month: Month) -> Weeks {
        let window = Window::new(month, ctx.settings.timezone, ctx.now);
        Weeks {
            as_of: window.as_of,
            ..Weeks::new(ctx, weeks, window.cutoff - Duration::seconds(1))
        }
    }

    fn week_of(&self, t: DateTime<Utc>) -> Option<usize> {
        (self.from <= t && t < self.cutoff).then(|| self.starts.partition_point(|&s| s <= t) - 1)
    }

    /// Whether the ticket had an event in the weeks: only those can count in them.
    fn counts(&self, h: &ReportHistory) -> bool {
        let first = h.events.partition_point(|(at, _)| *at < self.from);
        h.events.get(first).is_some_and(|(at, _)| *at < self.cutoff)
    }

    /// Whether a month's view of a ticket (at `w.as_of`, from its events before `w.cutoff`)
    /// is the one these weeks take: so for weeks made by [`Weeks::of_month`] of that month.
    fn sees_as(&self, w: &Window) -> bool {
        self.as_of == w.as_of && self.cutoff == w.cutoff
    }

    /// Counts the ticket in its weeks; `seen` is its SLA view at `as_of` when the month's
    /// judging has worked it out already (see [`Weeks::sees_as`]).
    fn add(&mut self, rules: &Rules, h: &ReportHistory, seen: Option<&SlaView>) {
        let (t, before) = (&h.ticket, events_before(&h.events, self.cutoff));
        if let Some(i) = self.week_of(t.opened_at) {
            self.points[i].opened += 1;
        }
        for at in resolutions(before) {
            if let Some(i) = self.week_of(at) {
                self.points[i].resolved += 1;
            }
        }
        let first = match seen {
            Some(sla) => sla.first_response,
            None => clocks(before.to_vec(), &targets(rules, t), self.as_of, self.share).first_response,
        };
        if let (Some(i), Some(met)) = (first.done_at.and_then(|d| self.week_of(d)), on_time(first.state)) {
            self.points[i].first_response.add(met);
        }
    }
}

/// The tallies of both months, overall and per group, and of the weeks when counted.
#[derive(Clone)]
struct Collector {
    /// The previous month, then the month.
    windows: [Window; 2],
    by: Option<Breakdown>,
    totals: [Tally; 2],
    groups: BTreeMap<String, [Tally; 2]>,
    weeks: Option<Weeks>,
    /// The tickets judged from their histories, in no particular order (the other open
    /// tickets count in the backlog alone).
    loaded: Vec<i64>,
}

impl Sum for Collector {
    fn absorb(&mut self, part: Collector) {
        for (mine, theirs) in self.totals.iter_mut().zip(&part.totals) {
            mine.absorb(theirs);
        }
        for (group, tallies) in part.groups {
            let mine = self.groups.entry(group).or_default();
            mine[0].absorb(&tallies[0]);
            mine[1].absorb(&tallies[1]);
        }
        if let (Some(mine), Some(theirs)) = (self.weeks.as_mut(), part.weeks) {
            for (mine, theirs) in mine.points.iter_mut().zip(theirs.points) {
                mine.opened += theirs.opened;
                mine.resolved += theirs.resolved;
                mine.first_response.absorb(&theirs.first_response);
            }
        }
        self.loaded.extend(part.loaded);
    }
}

impl Collector {
    /// The tickets with an event since then are read: those can count in the months (a
    /// resolution shortly before them has its callback due inside) or in the weeks.
    fn tickets_from(&self) -> DateTime<Utc> {
        let lookback = self.windows[0].start - Duration::days(CALLBACK_LOOKBACK_DAYS);
        self.weeks.as_ref().map_or(lookback, |w| w.from.min(lookback))
    }

    /// Counts in the backlog of each month the tickets open now that were not read with
    /// their histories: untouched since the earlier cutoff, so open at both cutoffs.
    fn add_backlog(&mut self, open: &[ReportTicket]) {
        self.loaded.sort_unstable();
        for t in open {
            if self.loaded.binary_search(&t.id).is_ok() {
                continue;
            }
            for i in 0..2 {
                if t.opened_at < self.windows[i].cutoff {
                    self.apply(i, Some(&t.groups), |tally| tally.backlog += 1);
                }
            }
        }
    }

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

/// What the store's read sets up for the readers of the tickets: the runs of ids still to
/// read and the SLA rules they are judged by.
struct Tickets {
    runs: SharedRuns<Collector>,
    rules: Rules,
}

/// Judges and tallies, into a copy of `empty`, every ticket of the run of ids `run` that can
/// count in the two months, and counts those that can count in the weeks there too, from one
/// range scan of the stored ticket histories (each with its whole history and first two
/// outbound contacts).
fn tally_run(
    tx: &Tx,
    ctx: &Ctx,
    rules: &Rules,
    empty: &Collector,
    from: DateTime<Utc>,
    run: Range<i64>,
) -> Result<Collector, StoreError> {
    let mut c = empty.clone();
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
    let share = ctx.settings.at_risk_share;
    let with_names = matches!(c.by, Some(Breakdown::Agent | Breakdown::Department));
    let mut weeks = c.weeks.take();
    tx.each_report_history(from, run, needs_tier(rules), with_names, |h| {
        let weeks = weeks.as_mut().filter(|w| w.counts(&h));
        let recent = &h.events[h.events.partition_point(|(at, _)| *at < lookback)..];
        if !recent.iter().any(|&(at, e)| relevant(at, e)) {
            if let Some(weeks) = weeks {
                weeks.add(rules, &h, None);
            }
            return;
        }
        let t = &h.ticket;
        c.loaded.push(t.id);
        let judged = judge(rules, share, t, &h.events, &c.windows);
        if let Some(weeks) = weeks {
            // The month's view is the weeks' own: one run of the SLA engine serves both.
            let seen = judged[1]
                .as_ref()
                .filter(|j| j.evaluated && weeks.sees_as(&month))
                .map(|j| &j.sla);
            weeks.add(rules, &h, seen);
        }
        for (i, j) in judged.iter().enumerate() {
            let Some(j) = j else { continue };
            let facts = TicketFacts {
                kind: t.groups.kind,
                opened_at: t.opened_at,
                sla: &j.sla,
                resolved_at: j.resolved_at,
                reopened: j.reopened,
                outbound_until_resolved: j
                    .resolved_at
                    .map_or(0, |r| h.first_two.iter().flatten().filter(|&&at| at <= r).count()),
            };
            let w = c.windows[i];
            c.apply(i, Some(&t.groups), |tally| tally.add_ticket(&facts, &w));
        }
    })?;
    c.weeks = weeks;
    Ok(c)
}

/// What the report reads beside its tickets: which customers were active in the churn
/// spans, and the surveys of both months (with their tickets' groups when grouped).
struct Beside {
    masks: Vec<u32>,
    surveys: Vec<ReportSurvey>,
}

fn read_beside(
    tx: &Tx,
    windows: &[Window; 2],
    spans: &[(DateTime<Utc>, DateTime<Utc>)],
    with_groups: bool,
) -> Result<Beside, StoreError> {
    Ok(Beside {
        masks: tx.activity_by_span(spans)?,
        surveys: tx.report_surveys(windows[0].start, windows[1].cutoff, with_groups)?,
    })
}

fn add_surveys(surveys: &[ReportSurvey], c: &mut Collector) {
    for s in surveys {
        for i in 0..2 {
            if c.windows[i].contains(s.at) {
                c.apply(i, s.ticket.as_ref(), |tally| tally.add_survey(&s.scores));
            }
        }
    }
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
