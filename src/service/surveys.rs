//! Satisfaction surveys (满意度调研): recording one, and listing them — the low ones
//! (any score below 4) for follow-up.

use super::{Ctx, Error};
use crate::domain::error::Invalid;
use crate::domain::period::Month;
use crate::domain::survey::{Scores, Survey};
use crate::domain::validate::{self, TEXT_MAX};
use crate::store::{Store, SurveyQuery};

/// Raw input of a survey, as typed on the command line or in the TUI form.
#[derive(Debug, Clone, Default)]
pub struct SurveyInput {
    /// Customer id or code.
    pub customer: String,
    pub ticket: Option<i64>,
    pub quality: String,
    pub response: String,
    pub communication: String,
    pub comment: Option<String>,
}

/// What `survey list` shows.
#[derive(Debug, Clone, Default)]
pub struct SurveyFilter {
    /// Customer id or code.
    pub customer: Option<String>,
    /// `YYYY-MM`, counted in the report time zone.
    pub month: Option<String>,
    /// Only surveys with a score below 4.
    pub low: bool,
    pub limit: Option<usize>,
}

/// Checks the input without writing anything: the scores and the comment.
pub fn validate(input: &SurveyInput) -> Result<(Scores, String), Invalid> {
    let scores = Scores::parse(&input.quality, &input.response, &input.communication)?;
    let comment = validate::text("comment", input.comment.as_deref().unwrap_or(""), TEXT_MAX)?;
    Ok((scores, comment))
}

/// Records a survey taken now; the ticket, if given, must be the customer's.
pub fn add(store: &mut Store, ctx: &Ctx, input: &SurveyInput) -> Result<Survey, Error> {
    let (scores, comment) = validate(input)?;
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        if let Some(id) = input.ticket {
            let ticket = tx.ticket(id)?;
            if ticket.customer_id != customer.id {
                return Err(Invalid::new(
                    "ticket",
                    id.to_string(),
                    crate::domain::error::Reason::OtherCustomer {
                        owner: ticket.customer_code.clone(),
                        given: customer.code.clone(),
                    },
                )
                .into());
            }
        }
        let mut survey = Survey {
            id: 0,
            customer_id: customer.id,
            customer_code: customer.code.clone(),
            customer_name: customer.name.clone(),
            ticket_id: input.ticket,
            at: ctx.now,
            scores,
            comment: comment.clone(),
            agent: ctx.agent.clone(),
        };
        survey.id = tx.insert_survey(&survey)?;
        let summary = format!("{}/{}/{}", scores.quality, scores.response, scores.communication);
        ctx.audit(tx, "survey", survey.id, "created", None, Some(summary))?;
        // Satisfaction feeds the churn warnings behind tier and stage.
        super::segments::recompute(tx, ctx, customer.id)?;
        Ok(survey)
    })
}

/// Surveys newest first.
pub fn list(store: &mut Store, ctx: &Ctx, filter: &SurveyFilter) -> Result<Vec<Survey>, Error> {
    let month: Option<Month> = filter.month.as_deref().map(str::parse).transpose()?;
    let tz = ctx.settings.timezone;
    store.read(|tx| {
        let customer_id = match &filter.customer {
            Some(key) => Some(tx.customer_by_key(key)?.id),
            None => None,
        };
        Ok(tx.list_surveys(&SurveyQuery {
            customer_id,
            from: month.map(|m| m.start(tz)),
            to: month.map(|m| m.end(tz)),
            low: filter.low,
            limit: filter.limit,
        })?)
    })
}

pub fn get(store: &mut Store, id: i64) -> Result<Survey, Error> {
    store.read(|tx| Ok(tx.survey(id)?))
}
