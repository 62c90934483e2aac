//! Importing stored reminders (manual ones, and the follow-ups a callback
//! asks for), done or not. Computed reminders are never stored, so never
//! exported or imported: they follow from the other records.

use super::{
    ImportReport, Record, check_references, customer_exists, past_time, refuse_repeats, ticket_exists, validate_all,
    write_new,
};
use crate::domain::enums::ReminderReason;
use crate::domain::error::Invalid;
use crate::domain::time::parse_instant_lenient;
use crate::domain::validate::{self, TEXT_MAX};
use crate::service::{Ctx, Error};
use crate::store::{Keyed, Store, Tx};
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
    external_id: Option<String>,
    customer_code: Option<String>,
    ticket_external_id: Option<String>,
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
        .ok_or_else(|| Invalid::new("due_at", "", "is required"))?;
    let created_at = past_time(r, "created_at", ctx.now)?.unwrap_or(ctx.now);
    let done_at = past_time(r, "done_at", ctx.now)?;
    if let Some(done) = done_at
        && done < created_at
    {
        return Err(Invalid::new(
            "done_at",
            r.get("done_at").unwrap_or(""),
            "is before created_at",
        ));
    }
    Ok(Row {
        external_id: r.text("external_id"),
        customer_code: r.text("customer_code"),
        ticket_external_id: r.text("ticket_external_id"),
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
    let rows = validate_all(records, |r| parse(r, ctx))?;
    refuse_repeats(&rows, "external_id", |row: &Row| row.external_id.as_deref())?;
    store.read(|tx| {
        check_references(
            tx,
            &rows,
            "customer_code",
            |row: &Row| row.customer_code.as_deref(),
            customer_exists,
            "no customer has this code",
        )?;
        check_references(
            tx,
            &rows,
            "ticket_external_id",
            |row: &Row| row.ticket_external_id.as_deref(),
            ticket_exists,
            "no imported ticket has this id",
        )
    })?;
    let exists = |tx: &Tx, id: &String| Ok(tx.external_id_exists(Keyed::Reminders, id)?);
    write_new(
        store,
        &rows,
        dry_run,
        |row: &Row| row.external_id.clone(),
        exists,
        |tx, row, _| {
            let customer_id = match &row.customer_code {
                Some(code) => Some(tx.customer_by_key(code)?.id),
                None => None,
            };
            let ticket_id = match &row.ticket_external_id {
                Some(external) => tx.ticket_id_by_external(external)?,
                None => None,
            };
            let id = tx.insert_reminder(
                customer_id,
                ticket_id,
                row.due_at,
                row.reason.key(),
                &row.note,
                &row.created_by,
                row.created_at,
            )?;
            tx.set_reminder_done_at(id, row.done_at)?;
            tx.set_external_id(Keyed::Reminders, id, row.external_id.as_deref())?;
            ctx.audit(tx, "reminder", id, "imported", None, row.external_id.clone())?;
            Ok(())
        },
    )
}
