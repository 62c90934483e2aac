//! Importing stored reminders (manual ones, and the follow-ups a callback
//! asks for), done or not. Computed reminders are never stored, so never
//! exported or imported: they follow from the other records.

use super::keyed;
use super::{ImportReport, Record, past_time, validate_all};
use crate::domain::enums::ReminderReason;
use crate::domain::error::Invalid;
use crate::domain::time::parse_instant_lenient;
use crate::domain::validate::{self, TEXT_MAX};
use crate::service::{Ctx, Error};
use crate::store::{Keyed, Store};
use chrono::{DateTime, Utc};

pub const COLUMNS: &[&str] = &[
    "external_id",
    "customer_code",
    "ticket_external_id",
    "due_at",
    "reason",
    "note",
    "done_at",
    "created_by",
    "created_at",
];

struct Row {
    due_at: DateTime<Utc>,
    reason: ReminderReason,
    note: String,
    done_at: Option<DateTime<Utc>>,
    created_by: String,
    created_at: DateTime<Utc>,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let due = r
        .get("due_at")
        .ok_or_else(|| Invalid::new("due_at", "", crate::domain::error::Reason::Required))?;
    let done_at = past_time(r, "done_at", ctx.now)?;
    // Without its creation time, a done reminder was made by the time it was done.
    let created_at = past_time(r, "created_at", ctx.now)?.unwrap_or(done_at.unwrap_or(ctx.now));
    if let Some(done) = done_at
        && done < created_at
    {
        return Err(Invalid::new(
            "done_at",
            r.get("done_at").unwrap_or(""),
            crate::domain::error::Reason::Before {
                other: "created_at".into(),
            },
        ));
    }
    Ok(Row {
        // A reminder may be due in the future: that is what it is for.
        due_at: parse_instant_lenient("due_at", due)?,
        reason: r.get("reason").map_or(Ok(ReminderReason::Manual), str::parse)?,
        note: validate::text("note", r.get("note").unwrap_or(""), TEXT_MAX)?,
        done_at,
        created_by: validate::text("created_by", r.get("created_by").unwrap_or(&ctx.agent), 64)?,
        created_at,
    })
}

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| keyed::parse(r, false, |r| parse(r, ctx)))?;
    keyed::import(store, &rows, dry_run, Keyed::Reminders, |tx, row, named| {
        let id = tx.insert_reminder(
            named.customer_id,
            named.ticket_id,
            row.due_at,
            row.reason.key(),
            &row.note,
            &row.created_by,
            row.created_at,
        )?;
        tx.set_reminder_done_at(id, row.done_at)?;
        ctx.audit(
            tx,
            "reminder",
            id,
            "imported",
            None,
            named.external_id.map(str::to_string),
        )?;
        Ok(id)
    })
}
