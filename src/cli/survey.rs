//! `survey add|list`

use super::Env;
use super::output::{TIME_COLS, Table, print_json, short_time};
use crate::domain::survey::Survey;
use crate::service::Error;
use crate::service::surveys::{self, SurveyFilter, SurveyInput};
use clap::{Args, Subcommand};
use serde_json::{Value, json};

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum SurveyCommand {
    /// Record a satisfaction survey (scores 1–5), taken now
    Add(SurveyAddArgs),
    /// Surveys, newest first; --low: those with a score below 4, for follow-up
    List(SurveyListArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SurveyAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// The ticket the survey is about (must be the customer's)
    #[arg(long)]
    pub ticket: Option<i64>,
    /// Product quality, 1–5
    #[arg(long, allow_negative_numbers = true)]
    pub quality: String,
    /// Service response, 1–5
    #[arg(long, allow_negative_numbers = true)]
    pub response: String,
    /// Communication, 1–5
    #[arg(long, allow_negative_numbers = true)]
    pub communication: String,
    /// What the customer said
    #[arg(long)]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct SurveyListArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: Option<String>,
    /// YYYY-MM, in the report time zone (sla.timezone)
    #[arg(long)]
    pub month: Option<String>,
    /// Only surveys with a score below 4
    #[arg(long)]
    pub low: bool,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}

pub fn run(env: &mut Env, cmd: SurveyCommand) -> Result<(), Error> {
    match cmd {
        SurveyCommand::Add(a) => {
            let input = SurveyInput {
                customer: a.customer,
                ticket: a.ticket,
                quality: a.quality,
                response: a.response,
                communication: a.communication,
                comment: a.comment,
            };
            let survey = surveys::add(&mut env.store, &env.ctx, &input)?;
            if env.json {
                print_json(&survey_json(&survey));
            } else {
                outln!("{}", survey.id);
            }
        }
        SurveyCommand::List(a) => {
            let filter = SurveyFilter {
                customer: a.customer,
                month: a.month,
                low: a.low,
                limit: (a.limit > 0).then_some(a.limit),
            };
            let list = surveys::list(&mut env.store, &env.ctx, &filter)?;
            if env.json {
                print_json(&list.iter().map(survey_json).collect::<Vec<_>>());
            } else {
                print_table(&list);
            }
        }
    }
    Ok(())
}

/// The survey record plus its mean score and whether it needs a follow-up.
fn survey_json(s: &Survey) -> Value {
    let mut value = serde_json::to_value(s).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("mean".into(), json!((s.scores.mean() * 100.0).round() / 100.0));
        map.insert("low".into(), json!(s.scores.is_low()));
    }
    value
}

fn print_table(list: &[Survey]) {
    let r = crate::i18n::get().cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_when, TIME_COLS),
        (r.col_customer, super::output::WHOLE),
        (r.col_ticket, super::output::WHOLE),
        (r.col_score_quality, 1),
        (r.col_score_response, 1),
        (r.col_score_communication, 1),
        (r.col_mean, 4),
        (r.col_low, 3),
        (r.col_comment, 50),
    ]);
    for s in list {
        table.row(vec![
            s.id.to_string(),
            short_time(Some(s.at)),
            s.customer_code.clone(),
            s.ticket_id.map(|t| format!("#{t}")).unwrap_or_default(),
            s.scores.quality.to_string(),
            s.scores.response.to_string(),
            s.scores.communication.to_string(),
            format!("{:.2}", s.scores.mean()),
            if s.scores.is_low() { "*" } else { "" }.into(),
            s.comment.clone(),
        ]);
    }
    table.print();
}
