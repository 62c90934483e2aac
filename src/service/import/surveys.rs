//! Importing surveys: scores, comment, time and agent as taken, on the
//! customer (and ticket) they name, keeping their `external_id` so a
//! second import adds nothing.

use super::{
    ImportReport, Record, check_references, customer_code, customer_exists, past_time, refuse_repeats, ticket_exists,
    validate_all, write_new,
};
use crate::domain::error::Invalid;
use crate::domain::survey::{Scores, Survey};
use crate::domain::validate::{self, TEXT_MAX};
use crate::service::{Ctx, Error};
use crate::store::{Keyed, Store, Tx};

pub const COLUMNS: &[&str] = &[
    "external_id",
    "customer_code",
    "ticket_external_id",
    "at",
    "quality",
    "response",
    "communication",
    "comment",
    "agent",
];

struct Row {
    external_id: Option<String>,
    customer_code: String,
    ticket_external_id: Option<String>,
    survey: Survey,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let score = |field: &str| r.get(field).unwrap_or("").to_string();
    Ok(Row {
        external_id: r.text("external_id"),
        customer_code: customer_code(r)?,
        ticket_external_id: r.text("ticket_external_id"),
        survey: Survey {
            id: 0,
            customer_id: 0,
            customer_code: String::new(),
            customer_name: String::new(),
            ticket_id: None,
            at: past_time(r, "at", ctx.now)?.unwrap_or(ctx.now),
            scores: Scores::parse(&score("quality"), &score("response"), &score("communication"))?,
            comment: validate::text("comment", r.get("comment").unwrap_or(""), TEXT_MAX)?,
            agent: validate::text("agent", r.get("agent").unwrap_or(&ctx.agent), 64)?,
        },
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
            |row: &Row| Some(row.customer_code.as_str()),
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
    let exists = |tx: &Tx, id: &String| Ok(tx.external_id_exists(Keyed::Surveys, id)?);
    write_new(
        store,
        &rows,
        dry_run,
        |row: &Row| row.external_id.clone(),
        exists,
        |tx, row, _| {
            let customer = tx.customer_by_key(&row.customer_code)?;
            let ticket_id = match &row.ticket_external_id {
                Some(external) => tx.ticket_id_by_external(external)?,
                None => None,
            };
            let mut survey = Survey {
                customer_id: customer.id,
                ticket_id,
                ..row.survey.clone()
            };
            survey.id = tx.insert_survey(&survey)?;
            tx.set_external_id(Keyed::Surveys, survey.id, row.external_id.as_deref())?;
            let s = survey.scores;
            let summary = format!("{}/{}/{}", s.quality, s.response, s.communication);
            ctx.audit(tx, "survey", survey.id, "imported", None, Some(summary))?;
            // Satisfaction feeds the rules behind tiers and stages.
            crate::service::segments::recompute(tx, ctx, customer.id)?;
            Ok(())
        },
    )
}
