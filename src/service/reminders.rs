//! Reminders (提醒): what an agent should do next, and when.
//!
//! Three sources, listed together by due time:
//! - *cadence*: computed on the fly, never stored — a customer whose tier has
//!   a contact cadence is due `interval` days after the last outbound
//!   contact. Nothing needs clearing: logging an outbound contact, replying
//!   to a ticket or doing a callback moves the due date by itself, and a tier
//!   change applies at once.
//! - *callback*: computed from the tickets — a resolved or closed ticket
//!   whose callback (回访) is not done, due at its SLA callback due time;
//!   recording the callback (`ticket callback`) ends it.
//! - *stored*: rows of the `reminders` table — manual ones (`reminder add`)
//!   and the follow-ups a "follow-up" callback outcome creates; ended by
//!   `reminder done`.
//! - *birthday*, *anniversary* and low-*survey* follow-ups: computed too,
//!   in [`super::occasions`]; an outbound contact ends them.

use super::agenda::{Place, in_agenda_order};
use super::occasions::SurveysApart;
use super::segments_as_of::{self, Source};
use super::{Ctx, Error};
use crate::domain::agenda::{Filter, Section};
use crate::domain::cadence::{Due, DueWindows, When, next_contact_due};
use crate::domain::enums::{ReminderReason, Tier};
use crate::domain::validate::{self, TEXT_MAX};
use crate::store::{CadenceRow, ReminderRow, Store, Tx};
use chrono::{DateTime, Utc};
use serde::Serialize;

pub use super::reminder_note::NoteFacts;

/// One reminder as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReminderView {
    /// The stored reminder's id; `None` for computed ones (cadence, callback,
    /// birthday, anniversary, survey).
    pub id: Option<i64>,
    pub reason: ReminderReason,
    pub due_at: DateTime<Utc>,
    /// Which window `due_at` falls in at `ctx.now`: overdue, today, upcoming, later.
    pub when: Due,
    /// The agenda section that window is shown in: today, upcoming or overdue.
    pub section: Section,
    pub customer_id: Option<i64>,
    pub customer_code: String,
    pub customer_name: String,
    pub ticket_id: Option<i64>,
    /// In English for a computed reminder (see [`NoteFacts`]), as typed for a stored one.
    pub note: String,
    /// What a computed reminder is about, for the edges to word in their language.
    #[serde(skip)]
    pub facts: NoteFacts,
    pub done_at: Option<DateTime<Utc>>,
}

/// Raw input of `reminder add`.
#[derive(Debug, Clone, Default)]
pub struct ReminderInput {
    pub customer: String,
    pub ticket: Option<i64>,
    pub due: String,
    pub note: String,
}

/// Customers whose tier has a cadence, by the tier in force now: the stored
/// one when current, else the live one (see [`segments_as_of`]).
fn cadence_rows(tx: &Tx, ctx: &Ctx, source: Source) -> Result<Vec<CadenceRow>, Error> {
    let tiers = ctx.settings.cadence.tiers();
    if source == Source::Stored {
        return Ok(tx.cadence_rows(&tiers, ctx.now)?);
    }
    let now = segments_as_of::live(tx, ctx, None)?;
    let mut rows = tx.cadence_rows(Tier::ALL, ctx.now)?;
    for row in &mut rows {
        if let Some((tier, _)) = now.get(&row.customer_id) {
            row.tier = *tier;
        }
    }
    rows.retain(|row| tiers.contains(&row.tier));
    Ok(rows)
}

/// Every open reminder in the windows `when` asks for, soonest first.
pub fn list(store: &mut Store, ctx: &Ctx, when: When, filter: &Filter) -> Result<Vec<ReminderView>, Error> {
    let source = segments_as_of::ensure_current(store, ctx)?;
    let apart = surveys_apart(store, filter);
    std::thread::scope(|scope| {
        let mut surveys = SurveysApart::start(scope, apart, ctx.now);
        store.read(|tx| {
            let mut out = gather(tx, ctx, source, filter, None, None, &mut surveys)?.rows;
            out.retain(|r| when.includes(r.when));
            out.sort_by(soonest_first);
            Ok(out)
        })
    })
}

/// A reader apart for the low surveys, when the filter wants them.
pub(super) fn surveys_apart(store: &Store, filter: &Filter) -> Option<crate::store::Apart> {
    store
        .apart()
        .filter(|_| filter.reason.is_none_or(|r| r == ReminderReason::Survey))
}

/// The open reminders `filter` lets through, in no order.
pub(super) struct Gathered {
    pub rows: Vec<ReminderView>,
    /// How many of the section not wanted as rows there are.
    pub counted: usize,
    /// Contacts due that fall past the page asked for, by section: counted,
    /// not made into rows.
    pub cut: super::agenda::Counts,
}

/// Every open reminder `filter` lets through, in no order; those of
/// `count_only` counted but not made into rows (the overdue backlog runs to
/// tens of thousands on a large file: the first screen shows its count).
pub(super) fn gather(
    tx: &Tx,
    ctx: &Ctx,
    source: Source,
    filter: &Filter,
    count_only: Option<Section>,
    page: Option<usize>,
    surveys: &mut SurveysApart,
) -> Result<Gathered, Error> {
    let owner = filter.owner.name(&ctx.agent);
    let windows = windows(ctx);
    let wanted = |reason: ReminderReason| filter.reason.is_none_or(|r| r == reason);
    // The customer-bound ones (cadence, birthday, anniversary, survey) are
    // the customer's owner's.
    let theirs = owner.map(|name| tx.customers_owned_by(name)).transpose()?;
    let owned = |customer: Option<i64>| match &theirs {
        Some(ids) => customer.is_some_and(|id| ids.contains(&id)),
        None => true,
    };
    // A cell: the sources below count into it, some through `only_counted`.
    let counted = std::cell::Cell::new(0);
    // Whether a reminder due then is only counted.
    let only_counted = |due_at: DateTime<Utc>| {
        let skip = count_only == Some(Section::of(windows.of(due_at)));
        counted.set(counted.get() + usize::from(skip));
        skip
    };
    let mut out: Vec<ReminderView> = Vec::new();
    let cadence = &ctx.settings.cadence;
    let mut cut = super::agenda::Counts::default();
    if wanted(ReminderReason::Cadence) {
        // Every customer with a cadence is due some day: their places first
        // (indices into the rows as read: a second copy of tens of thousands
        // was the agenda's peak memory), and only those on the page made
        // into reminders.
        let rows = cadence_rows(tx, ctx, source)?;
        let mut due = Vec::new();
        for (at, row) in rows.iter().enumerate() {
            if !owned(Some(row.customer_id)) {
                continue;
            }
            if let Some(due_at) = next_contact_due(cadence, row.tier, row.last_outbound, row.created_at)
                && !only_counted(due_at)
            {
                due.push((Section::of(windows.of(due_at)), due_at, at));
            }
        }
        let place = |&(section, due_at, at): &(Section, DateTime<Utc>, usize)| Place {
            section,
            due_at,
            code: &rows[at].code,
            id: None,
        };
        if let Some(page) = page.filter(|page| *page < due.len()) {
            // Which are on the page, not their order (the agenda sorts its
            // rows): a partition, not a sort of tens of thousands.
            due.select_nth_unstable_by(page, |a, b| in_agenda_order(&place(a), &place(b)));
            for (section, ..) in due.drain(page..) {
                cut.add(section);
            }
        }
        let listed: Vec<i64> = due.iter().map(|&(.., at)| rows[at].customer_id).collect();
        let names = tx.customer_names(&listed)?;
        for (_, due_at, at) in due {
            let row = &rows[at];
            let facts = NoteFacts::Cadence {
                tier: row.tier,
                // The day as people read it: in the display zone, not UTC's.
                last_outbound: row
                    .last_outbound
                    .map(|at| at.with_timezone(&ctx.settings.display_zone).date_naive()),
            };
            out.push(view(
                &windows,
                None,
                ReminderReason::Cadence,
                due_at,
                row.customer_id,
                &row.code,
                names.get(&row.customer_id).map_or("", String::as_str),
                None,
                facts,
            ));
        }
    }
    if wanted(ReminderReason::Callback) {
        // The backlog only counted: its callbacks are counted in SQL, the rest read.
        let from = if count_only == Some(Section::Overdue) {
            let start_of_today = windows.today_start();
            counted.set(counted.get() + tx.count_callbacks_owed_before(start_of_today, owner)?);
            Some(start_of_today)
        } else {
            None
        };
        for row in tx.callbacks_owed(from)? {
            // A callback is owed by whoever has the ticket.
            if owner.is_some_and(|name| row.assignee != name) || only_counted(row.due) {
                continue;
            }
            let facts = NoteFacts::Callback {
                ticket: row.ticket_id,
                subject: row.subject,
            };
            out.push(view(
                &windows,
                None,
                ReminderReason::Callback,
                row.due,
                row.customer_id,
                &row.code,
                &row.name,
                Some(row.ticket_id),
                facts,
            ));
        }
    }
    let stored_rows = tx.open_reminders()?.into_iter();
    // A stored reminder is its creator's.
    let stored_rows = stored_rows.filter(|r| wanted(r.reason) && owner.is_none_or(|name| r.created_by == name));
    out.extend(stored_rows.map(|r| stored(&windows, r)));
    if wanted(ReminderReason::Birthday) || wanted(ReminderReason::Anniversary) {
        out.extend(
            super::occasions::occasions(tx, ctx)?
                .into_iter()
                .filter(|r| wanted(r.reason)),
        );
    }
    if wanted(ReminderReason::Survey) {
        // Not the owner's: dropped below anyway; only counted: counted here.
        let skip = |customer: i64, due: DateTime<Utc>| !owned(Some(customer)) || only_counted(due);
        out.extend(super::occasions::low_surveys(tx, ctx, surveys, skip)?);
    }
    // Occasions and surveys come as rows: few, and theirs is the customer's owner's.
    out.retain(|r| r.id.is_some() || r.reason == ReminderReason::Callback || owned(r.customer_id));
    for r in &mut out {
        // One place decides the section, after the windows are final
        // (occasions set theirs by the day, not the hour).
        r.section = Section::of(r.when);
    }
    // The computed rows of that section are counted above; these (stored,
    // occasions, surveys: a few) here.
    let before = out.len();
    out.retain(|r| count_only != Some(r.section));
    Ok(Gathered {
        counted: counted.get() + before - out.len(),
        rows: out,
        cut,
    })
}

/// Due time, then customer, then id: the same order on every read.
pub(super) fn soonest_first(a: &ReminderView, b: &ReminderView) -> std::cmp::Ordering {
    a.due_at
        .cmp(&b.due_at)
        .then(a.customer_code.cmp(&b.customer_code))
        .then(a.id.cmp(&b.id))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn view(
    windows: &DueWindows,
    id: Option<i64>,
    reason: ReminderReason,
    due_at: DateTime<Utc>,
    customer_id: i64,
    code: &str,
    name: &str,
    ticket_id: Option<i64>,
    facts: NoteFacts,
) -> ReminderView {
    let when = windows.of(due_at);
    ReminderView {
        id,
        reason,
        due_at,
        when,
        section: Section::of(when),
        customer_id: Some(customer_id),
        customer_code: code.to_string(),
        customer_name: name.to_string(),
        ticket_id,
        note: facts.english(),
        facts,
        done_at: None,
    }
}

/// The windows at `ctx.now`: computed once per list, then asked per reminder.
pub(super) fn windows(ctx: &Ctx) -> DueWindows {
    DueWindows::at(ctx.now, ctx.settings.display_zone, ctx.settings.cadence.upcoming_days)
}

fn stored(windows: &DueWindows, r: ReminderRow) -> ReminderView {
    let when = windows.of(r.due_at);
    ReminderView {
        id: Some(r.id),
        reason: r.reason,
        due_at: r.due_at,
        when,
        section: Section::of(when),
        customer_id: r.customer_id,
        customer_code: r.customer_code,
        customer_name: r.customer_name,
        ticket_id: r.ticket_id,
        note: r.note,
        facts: NoteFacts::Typed,
        done_at: r.done_at,
    }
}

/// A manual reminder about a customer (and optionally one of their tickets).
pub fn add(store: &mut Store, ctx: &Ctx, input: &ReminderInput) -> Result<ReminderView, Error> {
    let due_at = ctx.parse_time("due", &input.due)?;
    let note = validate::required("note", &input.note, TEXT_MAX)?;
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        if let Some(ticket_id) = input.ticket {
            super::tickets::ticket_of(tx, &customer, ticket_id)?;
        }
        let id = tx.insert_reminder(
            Some(customer.id),
            input.ticket,
            due_at,
            ReminderReason::Manual.key(),
            &note,
            &ctx.agent,
            ctx.now,
        )?;
        ctx.audit(tx, "reminder", id, "created", None, Some(note.clone()))?;
        get_in(tx, ctx, id)
    })
}

/// Marks a stored reminder done. Doing it again changes nothing.
pub fn done(store: &mut Store, ctx: &Ctx, id: i64) -> Result<ReminderView, Error> {
    store.write(|tx| {
        let r = tx.reminder(id)?;
        if r.done_at.is_none() {
            tx.set_reminder_done(id, ctx.now)?;
            ctx.audit(
                tx,
                "reminder",
                id,
                "done",
                None,
                Some(crate::domain::time::rfc3339(ctx.now)),
            )?;
        }
        get_in(tx, ctx, id)
    })
}

fn get_in(tx: &Tx, ctx: &Ctx, id: i64) -> Result<ReminderView, Error> {
    Ok(stored(&windows(ctx), tx.reminder(id)?))
}
