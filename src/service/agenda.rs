//! The agenda (`m` in the TUI, `reminder list` on a terminal): the open
//! reminders in sections — today, upcoming, overdue — with every section's
//! count, and the overdue rows only when asked for: the backlog is counted,
//! not listed, so a long one neither slows nor buries today's work.

use super::occasions::SurveysApart;
use super::reminders::{ReminderView, gather, surveys_apart};
use super::segments_as_of;
use super::{Ctx, Error};
use crate::domain::agenda::{Filter, Section};
use crate::store::{Store, Tx};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::cmp::Ordering;

/// How much of the agenda to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Page {
    /// At most this many rows over all sections (today's first); `None` for all.
    pub limit: Option<usize>,
    /// List the overdue rows too (otherwise only their count).
    pub overdue: bool,
}

/// How many reminders each section holds, listed or not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub today: usize,
    pub upcoming: usize,
    pub overdue: usize,
}

impl Counts {
    pub fn of(&self, section: Section) -> usize {
        match section {
            Section::Today => self.today,
            Section::Upcoming => self.upcoming,
            Section::Overdue => self.overdue,
        }
    }

    pub(super) fn add(&mut self, section: Section) {
        match section {
            Section::Today => self.today += 1,
            Section::Upcoming => self.upcoming += 1,
            Section::Overdue => self.overdue += 1,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agenda {
    /// The rows listed, section after section in the agenda order.
    pub rows: Vec<ReminderView>,
    pub counts: Counts,
    /// Whether the overdue rows were asked for (and so are in `rows`).
    pub overdue_listed: bool,
}

/// The agenda `filter` lets through, as much of it as `page` asks for.
pub fn agenda(store: &mut Store, ctx: &Ctx, filter: &Filter, page: Page) -> Result<Agenda, Error> {
    let source = segments_as_of::ensure_current(store, ctx)?;
    let apart = surveys_apart(store, filter);
    std::thread::scope(|scope| {
        let mut surveys = SurveysApart::start(scope, apart, ctx.now);
        store.read(|tx| agenda_in(tx, ctx, source, filter, page, &mut surveys))
    })
}

fn agenda_in(
    tx: &Tx,
    ctx: &Ctx,
    source: segments_as_of::Source,
    filter: &Filter,
    page: Page,
    surveys: &mut SurveysApart,
) -> Result<Agenda, Error> {
    let count_only = (!page.overdue).then_some(Section::Overdue);
    // Only the page's rows are made (the rest of each section counted):
    // a large file has tens of thousands of contacts due.
    let gathered = gather(tx, ctx, source, filter, count_only, page.limit, surveys)?;
    let mut counts = gathered.cut;
    counts.overdue += gathered.counted;
    let mut rows = gathered.rows;
    for r in &rows {
        counts.add(r.section);
    }
    rows.sort_by(agenda_order);
    if let Some(limit) = page.limit {
        rows.truncate(limit);
    }
    Ok(Agenda {
        rows,
        counts,
        overdue_listed: page.overdue,
    })
}

/// By section; today and upcoming soonest first, overdue the most recently
/// missed first (yesterday's call before last month's).
fn agenda_order(a: &ReminderView, b: &ReminderView) -> Ordering {
    in_agenda_order(&Place::of(a), &Place::of(b))
}

/// Where a reminder stands in the agenda: what orders it, before the
/// reminder itself is made.
pub(super) struct Place<'a> {
    pub section: Section,
    pub due_at: DateTime<Utc>,
    pub code: &'a str,
    pub id: Option<i64>,
}

impl Place<'_> {
    fn of(r: &ReminderView) -> Place<'_> {
        Place {
            section: r.section,
            due_at: r.due_at,
            code: &r.customer_code,
            id: r.id,
        }
    }
}

pub(super) fn in_agenda_order(a: &Place, b: &Place) -> Ordering {
    // Due time, then customer, then id: the same order on every read.
    let soonest_first = || a.due_at.cmp(&b.due_at).then(a.code.cmp(b.code)).then(a.id.cmp(&b.id));
    a.section.cmp(&b.section).then_with(|| match a.section {
        Section::Overdue => b.due_at.cmp(&a.due_at).then_with(soonest_first),
        Section::Today | Section::Upcoming => soonest_first(),
    })
}
