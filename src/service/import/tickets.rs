//! Importing tickets with their history: the status and the given times
//! become the ticket's clock events, so SLA states and reports treat an
//! imported ticket like one worked here.

use super::customers::check_reference;
use super::stream::{Source, check_all};
use super::ticket_load::TicketLoad;
use super::{ImportReport, Record, past_time};
use crate::domain::enums::{CallbackOutcome, Channel, Priority, TicketKind, TicketStatus};
use crate::domain::error::Invalid;
use crate::domain::sla::TicketEvent;
use crate::domain::ticket::Ticket;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::service::progress::{Progress, Quiet, Stage};
use crate::service::{Ctx, Error};
use crate::store::Store;
use chrono::{DateTime, Utc};

pub const COLUMNS: &[&str] = &[
    "external_id",
    "customer_code",
    "customer_name",
    "kind",
    "category",
    "priority",
    "channel",
    "status",
    "subject",
    "body",
    "department",
    "assignee",
    "opened_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "callback_at",
    "callback_outcome",
    "reopen_count",
    // Written by export (who last decided on the ticket in triage); an
    // import accepts the columns so an export reads back, and ignores them:
    // a mark made in another desk is not a decision made here.
    "triaged_by",
    "triaged_at",
    "tags",
];

pub(super) struct Row {
    pub external_id: Option<String>,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub ticket: Ticket,
    pub events: Vec<(DateTime<Utc>, TicketEvent)>,
}

fn parse(r: &Record, now: DateTime<Utc>) -> Result<Row, Invalid> {
    check_reference(r)?;
    let kind: TicketKind = r
        .get("kind")
        .ok_or_else(|| Invalid::new("kind", "", crate::domain::error::Reason::Required))?
        .parse()?;
    let subject = validate::required("subject", r.get("subject").unwrap_or(""), LINE_MAX)?;
    let priority: Priority = r.get("priority").map_or(Ok(Priority::Normal), str::parse)?;
    let channel: Channel = r.get("channel").map_or(Ok(Channel::Other), str::parse)?;
    let status: TicketStatus = r.get("status").map_or(Ok(TicketStatus::New), str::parse)?;
    let first_response_at = past_time(r, "first_response_at", now)?;
    let resolved_at = past_time(r, "resolved_at", now)?;
    let closed_at = past_time(r, "closed_at", now)?;
    // Without an opening time, the earliest time the row gives (or now).
    let opened_at = match past_time(r, "opened_at", now)? {
        Some(t) => t,
        None => [first_response_at, resolved_at, closed_at]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(now),
    };
    for (field, t) in [
        ("first_response_at", first_response_at),
        ("resolved_at", resolved_at),
        ("closed_at", closed_at),
    ] {
        if let Some(t) = t
            && t < opened_at
        {
            return Err(Invalid::new(
                field,
                crate::domain::time::rfc3339(t),
                crate::domain::error::Reason::Before {
                    other: "opened_at".into(),
                },
            ));
        }
    }
    let mut events = vec![(opened_at, TicketEvent::Opened)];
    if let Some(t) = first_response_at {
        events.push((t, TicketEvent::Responded));
    }
    // A settled row without its times is taken as settled when last seen.
    let last_seen = [Some(opened_at), first_response_at, resolved_at]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(opened_at);
    let (resolved_at, closed_at) = match status {
        TicketStatus::Resolved => (Some(resolved_at.unwrap_or(last_seen)), None),
        TicketStatus::Closed => {
            let resolved = resolved_at.or(closed_at).unwrap_or(last_seen);
            (Some(resolved), Some(closed_at.unwrap_or(resolved)))
        }
        _ => (None, None),
    };
    if let Some(t) = resolved_at {
        events.push((t, TicketEvent::Resolved));
    }
    if let Some(t) = closed_at {
        events.push((t, TicketEvent::Closed));
    }
    if status == TicketStatus::Pending {
        events.push((last_seen, TicketEvent::Paused));
    }
    let callback_at = past_time(r, "callback_at", now)?;
    if let Some(t) = callback_at {
        events.push((t, TicketEvent::CallbackDone));
    }
    let callback_outcome: Option<CallbackOutcome> = r.get("callback_outcome").map(str::parse).transpose()?;
    let reopen_count = match r.get("reopen_count") {
        Some(n) => n.parse::<u16>().map_err(|_| {
            Invalid::new(
                "reopen_count",
                n,
                crate::domain::error::Reason::WholeNumber { min: 0, max: 65535 },
            )
        })?,
        None => 0,
    };
    let ticket = Ticket {
        id: 0,
        external_id: r.text("external_id"),
        customer_id: 0,
        customer_code: String::new(),
        customer_name: String::new(),
        customer_tier: crate::domain::enums::Tier::Standard,
        kind,
        category: validate::text("category", r.get("category").unwrap_or(""), 64)?,
        priority,
        channel,
        subject,
        description: validate::text("body", r.get("body").unwrap_or(""), TEXT_MAX)?,
        status,
        department: validate::text("department", r.get("department").unwrap_or(""), 64)?,
        assignee: validate::text("assignee", r.get("assignee").unwrap_or(""), 64)?,
        opened_at,
        first_response_at,
        resolved_at,
        closed_at,
        reopen_count: i64::from(reopen_count),
        callback_at,
        callback_outcome,
        updated_at: now,
        version: 1,
        triaged_by: None,
        triaged_at: None,
        tags: crate::domain::ticket_tags::split("tags", r.get("tags").unwrap_or(""))?,
    };
    Ok(Row {
        external_id: ticket.external_id.clone(),
        customer_code: r.text("customer_code"),
        customer_name: r.text("customer_name"),
        ticket,
        events,
    })
}

/// Validates the whole file first (nothing is written when a row is bad),
/// then writes it in one transaction, reading the file a second time rather
/// than holding every row.
pub(super) fn import(
    store: &mut Store,
    ctx: &Ctx,
    source: &Source,
    dry_run: bool,
    progress: &dyn Progress,
) -> Result<ImportReport, Error> {
    let parse = |r: &Record| parse(r, ctx.now);
    let rows = check_all(source, progress, parse, "external_id", |row: &Row| {
        row.external_id.as_deref()
    })?;
    if dry_run {
        return Ok(ImportReport {
            rows,
            dry_run,
            ..Default::default()
        });
    }
    store.write(|tx| {
        let mut load = TicketLoad::new(tx, rows)?;
        progress.stage(Stage::Tickets, Some(rows as u64));
        let mut done = 0u64;
        source.each(&Quiet, |record| {
            // Every row passed the first pass; a parse is a pure function of
            // the record and `now`, so this one cannot fail differently.
            let row = parse(&record).map_err(|e| Error::InvalidRows(vec![(record.line, e)]))?;
            load.add(tx, ctx, row)?;
            done += 1;
            if done.is_multiple_of(1000) {
                progress.advance(1000);
            }
            Ok(())
        })?;
        load.finish(tx, ctx, progress)
    })
}
