//! Birthday, anniversary and low-survey follow-up reminders: computed from
//! the customers and surveys on every list, never stored (see
//! `domain::occasions` for the rules). [`super::reminders::list`] merges
//! them with the others.

use super::Ctx;
use super::reminders::{NoteFacts, ReminderView, view};
use crate::domain::enums::ReminderReason;
use crate::domain::occasions::{
    due_at, follow_up_due, local_day, next_anniversary, next_occurrence, occasion_window, period_start,
    window_month_days,
};
use crate::store::{Apart, LowSurveyRow, OccasionRow, StoreError, SurveyNote, Tx};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;
use std::thread::{Scope, ScopedJoinHandle};

/// How much of a survey comment the note quotes.
const COMMENT_CHARS: usize = 40;

/// This year's birthday and anniversary reminders in the today and
/// upcoming windows, unless an outbound contact in their period ended them.
pub fn occasions(tx: &Tx, ctx: &Ctx) -> Result<Vec<ReminderView>, StoreError> {
    let rules = &ctx.settings.cadence;
    let zone = ctx.settings.display_zone;
    let today = local_day(ctx.now, zone);
    let month_days = window_month_days(today, rules.upcoming_days);
    let mut out = Vec::new();
    for row in tx.occasion_rows(&month_days, ctx.now, rules.birthdays, rules.anniversaries)? {
        if let Some(born) = row.birthday
            && let Some(day) = next_occurrence(born, today)
        {
            let facts = NoteFacts::Birthday {
                day,
                turns: day.year() - born.year(),
            };
            push(&mut out, ctx, &row, ReminderReason::Birthday, day, today, facts);
        }
        if let Some(since) = row.since
            && let Some((day, years)) = next_anniversary(since, today)
        {
            let facts = NoteFacts::Anniversary { years, since };
            push(&mut out, ctx, &row, ReminderReason::Anniversary, day, today, facts);
        }
    }
    Ok(out)
}

fn push(
    out: &mut Vec<ReminderView>,
    ctx: &Ctx,
    row: &OccasionRow,
    reason: ReminderReason,
    day: NaiveDate,
    today: NaiveDate,
    facts: NoteFacts,
) {
    let rules = &ctx.settings.cadence;
    let zone = ctx.settings.display_zone;
    let Some(when) = occasion_window(day, today, rules.upcoming_days) else {
        return;
    };
    let start = period_start(day, rules.upcoming_days, zone);
    if row.last_outbound.is_some_and(|at| at >= start) {
        return;
    }
    let mut r = view(
        &super::reminders::windows(ctx),
        None,
        reason,
        due_at(day, zone),
        row.customer_id,
        &row.code,
        &row.name,
        None,
        facts,
    );
    // Listed by its day, never as overdue: 10:00 on a birthday is still "today".
    r.when = when;
    out.push(r);
}

/// The low surveys unanswered, read on a thread and connection of their own
/// ([`crate::store::Store::apart`]) while the agenda gathers the rest on the
/// store's: half its time went into this one read. Taken once, when the
/// gathering comes to the surveys; without a reader apart (a server, a read
/// run again after a busy file) [`low_surveys`] reads them itself.
pub struct SurveysApart<'scope> {
    reader: Option<ScopedJoinHandle<'scope, Option<Vec<LowSurveyRow>>>>,
}

impl<'scope> SurveysApart<'scope> {
    /// Starts the read on `scope` when there is a reader apart.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, apart: Option<Apart>, now: DateTime<Utc>) -> Self {
        let reader = apart.map(|apart| scope.spawn(move || apart.read(|tx| tx.low_surveys_unanswered(now)).ok()));
        SurveysApart { reader }
    }

    fn take(&mut self) -> Option<Vec<LowSurveyRow>> {
        self.reader.take().and_then(|reader| reader.join().ok().flatten())
    }
}

/// A follow-up per customer with low surveys not yet answered by an outbound contact: one
/// call answers them all, so a customer with several is one row, due from the first and
/// showing the latest (`+N earlier`). Those `skip` says (by customer and due
/// time) are not made into rows: the overdue backlog is only counted, and
/// making its thousands of rows (notes and all) was most of this work.
pub fn low_surveys(
    tx: &Tx,
    ctx: &Ctx,
    apart: &mut SurveysApart,
    skip: impl Fn(i64, DateTime<Utc>) -> bool,
) -> Result<Vec<ReminderView>, StoreError> {
    let windows = super::reminders::windows(ctx);
    let hours = ctx.settings.cadence.survey_follow_up_hours;
    let rows = match apart.take() {
        Some(rows) => rows,
        None => tx.low_surveys_unanswered(ctx.now)?,
    };
    // Per customer: the first unanswered survey's time, the latest survey, how many.
    let mut by_customer: HashMap<i64, (DateTime<Utc>, LowSurveyRow, usize)> = HashMap::new();
    for s in rows {
        match by_customer.get_mut(&s.customer_id) {
            Some((first, latest, count)) => {
                *first = (*first).min(s.at);
                *count += 1;
                if (s.at, s.survey_id) > (latest.at, latest.survey_id) {
                    *latest = s;
                }
            }
            None => {
                by_customer.insert(s.customer_id, (s.at, s, 1));
            }
        }
    }
    let kept: Vec<(DateTime<Utc>, LowSurveyRow, usize)> = by_customer
        .into_values()
        .map(|(first, s, count)| (follow_up_due(first, hours), s, count))
        .filter(|(due, s, _)| !skip(s.customer_id, *due))
        .collect();
    let ids: Vec<i64> = kept.iter().map(|(_, s, _)| s.survey_id).collect();
    let notes: HashMap<i64, SurveyNote> = tx
        .survey_notes(&ids)?
        .into_iter()
        .map(|note| (note.survey_id, note))
        .collect();
    Ok(kept
        .into_iter()
        .filter_map(|(due, s, count)| {
            // Read apart, a survey may have gone since it was listed.
            let note = notes.get(&s.survey_id)?;
            let comment = note.comment.trim();
            let comment = (!comment.is_empty()).then(|| {
                let mut quoted: String = comment.chars().take(COMMENT_CHARS).collect();
                if comment.chars().count() > COMMENT_CHARS {
                    quoted.push('…');
                }
                quoted
            });
            let facts = NoteFacts::Survey {
                scores: s.scores,
                earlier: count - 1,
                comment,
            };
            Some(view(
                &windows,
                None,
                ReminderReason::Survey,
                due,
                s.customer_id,
                &note.code,
                &note.name,
                s.ticket_id,
                facts,
            ))
        })
        .collect())
}
