//! Importing interactions. One on a ticket that answers the customer (an
//! outbound contact) becomes the ticket's first response if it is earlier
//! than the one it has.

use super::customers::{check_reference, find_or_create};
use super::{ImportReport, Record, past_time, refuse_repeats, validate_all};
use crate::domain::enums::{Channel, Direction};
use crate::domain::error::Invalid;
use crate::domain::interaction::Interaction;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::service::sla::Rules;
use crate::service::{Ctx, Error};
use crate::store::Store;
use std::collections::{BTreeSet, HashSet};

pub const COLUMNS: &[&str] = &[
    "external_id",
    "customer_code",
    "customer_name",
    "ticket_external_id",
    "at",
    "channel",
    "direction",
    "agent",
    "summary",
    "body",
];

struct Row {
    external_id: Option<String>,
    customer_code: Option<String>,
    customer_name: Option<String>,
    ticket_external_id: Option<String>,
    interaction: Interaction,
}

/// The first line of a long body stands in for a missing summary.
fn summary_of(body: &str) -> String {
    body.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(LINE_MAX)
        .collect()
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    check_reference(r)?;
    let body = validate::text("body", r.get("body").unwrap_or(""), TEXT_MAX)?;
    let summary = match r.get("summary") {
        Some(s) => validate::required("summary", s, TEXT_MAX)?,
        None => validate::required("summary", &summary_of(&body), TEXT_MAX)?,
    };
    let channel: Channel = r
        .get("channel")
        .ok_or_else(|| Invalid::new("channel", "", crate::domain::error::Reason::Required))?
        .parse()?;
    Ok(Row {
        external_id: r.text("external_id"),
        customer_code: r.text("customer_code"),
        customer_name: r.text("customer_name"),
        ticket_external_id: r.text("ticket_external_id"),
        interaction: Interaction {
            id: 0,
            customer_id: 0,
            ticket_id: None,
            at: past_time(r, "at", ctx.now)?.unwrap_or(ctx.now),
            channel,
            direction: r.get("direction").map_or(Ok(Direction::Inbound), str::parse)?,
            agent: validate::text("agent", r.get("agent").unwrap_or(&ctx.agent), 64)?,
            summary,
            body,
        },
    })
}

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| parse(r, ctx))?;
    refuse_repeats(&rows, "external_id", |row: &Row| row.external_id.as_deref())?;
    if dry_run {
        // The tickets named must exist: checked here too, so a dry run finds it.
        store.read(|tx| ticket_references(tx, &rows))?;
        return Ok(ImportReport {
            rows: rows.len(),
            dry_run,
            ..Default::default()
        });
    }
    store.write(|tx| {
        ticket_references(tx, &rows)?;
        let mut out = ImportReport {
            rows: rows.len(),
            ..Default::default()
        };
        let mut seen = HashSet::new();
        let mut touched_tickets = BTreeSet::new();
        let mut touched_customers = BTreeSet::new();
        for (_, row) in &rows {
            if let Some(id) = &row.external_id
                && (!seen.insert(id.clone()) || tx.interaction_exists(id)?)
            {
                out.skipped += 1;
                continue;
            }
            let (customer_id, created) =
                find_or_create(tx, ctx, row.customer_code.as_deref(), row.customer_name.as_deref())?;
            out.customers_created += usize::from(created);
            let mut i = Interaction {
                customer_id,
                ..row.interaction.clone()
            };
            if let Some(external) = &row.ticket_external_id {
                let ticket_id = tx.ticket_id_by_external(external)?.unwrap_or_default();
                i.ticket_id = Some(ticket_id);
                if i.direction == Direction::Outbound {
                    answer(tx, ctx, ticket_id, &i)?;
                    touched_tickets.insert(ticket_id);
                }
            }
            tx.insert_interaction(&i, row.external_id.as_deref())?;
            if i.direction != Direction::Note {
                tx.touch_customer(customer_id, i.at)?;
                touched_customers.insert(customer_id);
            }
            out.added += 1;
        }
        let rules = Rules::load(tx)?;
        for id in touched_tickets {
            rules.refresh(tx, ctx, id)?;
        }
        // Contact counts feed the churn rules behind tiers and stages.
        for id in touched_customers {
            crate::service::segments::recompute(tx, ctx, id)?;
        }
        Ok(out)
    })
}

/// Every `ticket_external_id` must name an imported ticket.
fn ticket_references(tx: &crate::store::Tx, rows: &[(u64, Row)]) -> Result<(), Error> {
    let mut bad = Vec::new();
    for (line, row) in rows {
        if let Some(external) = &row.ticket_external_id
            && tx.ticket_id_by_external(external)?.is_none()
        {
            bad.push((
                *line,
                Invalid::new(
                    "ticket_external_id",
                    external,
                    crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::ImportedTicket),
                ),
            ));
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidRows(bad.into_iter().take(10).collect()))
    }
}

/// An outbound contact earlier than the ticket's first response becomes it.
fn answer(tx: &crate::store::Tx, ctx: &Ctx, ticket_id: i64, i: &Interaction) -> Result<(), Error> {
    let mut t = tx.ticket(ticket_id)?;
    if t.first_response_at.is_some_and(|first| first <= i.at) || i.at < t.opened_at {
        return Ok(());
    }
    t.first_response_at = Some(i.at);
    t.updated_at = ctx.now;
    tx.update_ticket(&t)?;
    tx.replace_first_response(ticket_id, i.at, &ctx.agent)?;
    Ok(())
}
