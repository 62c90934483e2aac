//! Importing surveys: scores, comment, time and agent as taken, on the
//! customer (and ticket) they name, keeping their `external_id` so a
//! second import adds nothing.

use super::keyed;
use super::{ImportReport, Record, past_time, validate_all};
use crate::domain::error::Invalid;
use crate::domain::survey::{Scores, Survey};
use crate::domain::validate::{self, TEXT_MAX};
use crate::service::{Ctx, Error};
use crate::store::{Keyed, Store};

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
    survey: Survey,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let score = |field: &str| r.get(field).unwrap_or("").to_string();
    Ok(Row {
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
    let rows = validate_all(records, |r| keyed::parse(r, true, |r| parse(r, ctx)))?;
    keyed::import(store, &rows, dry_run, Keyed::Surveys, |tx, row, named| {
        let customer_id = named.customer_id.unwrap_or_default();
        let mut survey = Survey {
            customer_id,
            ticket_id: named.ticket_id,
            ..row.survey.clone()
        };
        survey.id = tx.insert_survey(&survey)?;
        let s = survey.scores;
        let summary = format!("{}/{}/{}", s.quality, s.response, s.communication);
        ctx.audit(tx, "survey", survey.id, "imported", None, Some(summary))?;
        // Satisfaction feeds the rules behind tiers and stages.
        crate::service::segments::recompute(tx, ctx, customer_id)?;
        Ok(survey.id)
    })
}
