//! `report [--month YYYY-MM] [--format text|json|csv|md] [--by agent|department|kind|channel]`
//! and `report --weekly [--weeks N]` (see `report_weekly`).
//!
//! JSON and CSV carry the values as computed, rounded to 4 decimals (rates are fractions 0–1,
//! counts are integers, null/empty where nothing was measured); text and Markdown show them
//! for people (percentages, arrows).

use super::Env;
use super::output::{print_data, print_json};
use super::report_text;
use super::report_weekly;
use crate::domain::error::Invalid;
use crate::domain::kpi::{Breakdown, Kpi, Unit};
use crate::domain::period::Month;
use crate::domain::time::rfc3339;
use crate::service::Error;
use crate::service::report::{self, KpiValue, MonthlyReport};
use clap::Args;
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The month, YYYY-MM, in the time zone sla.timezone [default: the month of --now]
    #[arg(long)]
    pub month: Option<String>,
    /// How to print it [default: text; --json means json]
    #[arg(long, value_parser = super::values::report_format())]
    pub format: Option<String>,
    /// Break the KPIs down by agent, department, ticket kind or channel
    #[arg(long, value_parser = super::values::one_of::<crate::domain::kpi::Breakdown>())]
    pub by: Option<String>,
    /// Instead of the KPIs: tickets opened and resolved and first responses on time per
    /// week, up to the month's cutoff (the dashboard's charts)
    #[arg(long)]
    pub weekly: bool,
    /// With --weekly: how many weeks, 1–104 [default: 8]
    #[arg(long)]
    pub weeks: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

fn format(a: &ReportArgs, json: bool) -> Result<Format, Invalid> {
    let Some(name) = &a.format else {
        return Ok(if json { Format::Json } else { Format::Text });
    };
    let format = match name.trim().to_ascii_lowercase().as_str() {
        "text" => Format::Text,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "md" | "markdown" => Format::Markdown,
        _ => {
            return Err(Invalid::new(
                "format",
                name,
                crate::domain::error::Reason::NotOneOf {
                    allowed: ["text", "json", "csv", "md"].map(String::from).to_vec(),
                },
            ));
        }
    };
    if json && format != Format::Json {
        return Err(Invalid::new("format", name, crate::domain::error::Reason::JsonFormat));
    }
    Ok(format)
}

pub fn run(env: &mut Env, a: &ReportArgs) -> Result<(), Error> {
    let format = format(a, env.json)?;
    let by: Option<Breakdown> = a.by.as_deref().map(str::parse).transpose()?;
    let month: Month = match &a.month {
        Some(m) => m.parse()?,
        None => report::current_month(&env.ctx),
    };
    if a.weekly {
        return weekly(env, a, format, month);
    }
    if a.weeks.is_some() {
        return Err(Invalid::new(
            "weeks",
            a.weeks.as_deref().unwrap_or(""),
            crate::domain::error::Reason::GoesWith {
                option: "--weekly".into(),
            },
        )
        .into());
    }
    let r = report::monthly_by(&mut env.store, &env.ctx, month, by)?;
    match format {
        Format::Json => print_json(&report_json(&r)),
        Format::Csv => print_data(&csv(&r))?,
        Format::Text => out!("{}", report_text::text(&r, crate::i18n::get())),
        Format::Markdown => out!("{}", report_text::markdown(&r, crate::i18n::get())),
    }
    Ok(())
}

/// `--weekly`: the series of the dashboard's charts.
fn weekly(env: &mut Env, a: &ReportArgs, format: Format, month: Month) -> Result<(), Error> {
    if let Some(by) = &a.by {
        return Err(Invalid::new(
            "by",
            by,
            crate::domain::error::Reason::NotWith {
                option: "--weekly".into(),
            },
        )
        .into());
    }
    let weeks = match &a.weeks {
        None => report_weekly::DEFAULT_WEEKS,
        Some(text) => match text.trim().parse::<usize>() {
            Ok(n) if (1..=report_weekly::MAX_WEEKS).contains(&n) => n,
            _ => {
                return Err(Invalid::new(
                    "weeks",
                    text,
                    crate::domain::error::Reason::WholeNumber {
                        min: 1,
                        max: report_weekly::MAX_WEEKS as i64,
                    },
                )
                .into());
            }
        },
    };
    let points = report::weekly_of_month(&mut env.store, &env.ctx, month, weeks)?;
    let tz = env.ctx.settings.timezone;
    let as_of = crate::domain::kpi::Window::new(month, tz, env.ctx.now).as_of;
    match format {
        Format::Json => print_json(&report_weekly::json(&points, tz, as_of)),
        Format::Csv => print_data(&report_weekly::csv(&points, tz))?,
        Format::Text => out!("{}", report_weekly::text(&points, tz, crate::i18n::get())),
        Format::Markdown => out!("{}", report_weekly::markdown(&points, tz, crate::i18n::get())),
    }
    Ok(())
}

/// Rounded to 4 decimals; -0 shows as 0.
fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 { 0.0 } else { r }
}

/// A KPI number for JSON: a count as an integer, anything else rounded.
fn number(kpi: Kpi, x: Option<f64>) -> Value {
    match (x, kpi.unit()) {
        (None, _) => Value::Null,
        (Some(x), Unit::Count) => json!(x.round() as i64),
        (Some(x), _) => json!(round4(x)),
    }
}

fn kpi_object(v: &KpiValue) -> Value {
    let mut object = json!({
        "value": number(v.kpi, v.value),
        "previous": number(v.kpi, v.previous),
        "change": number(v.kpi, v.change),
    });
    if let Some(measured) = v.measured {
        object["measured"] = json!(measured);
    }
    object
}

fn kpi_map(kpis: &[KpiValue]) -> Map<String, Value> {
    kpis.iter().map(|v| (v.kpi.key().to_string(), kpi_object(v))).collect()
}

/// The `report` object of the JSON contract, plus the month's bounds, the survey
/// distribution and, with `--by`, the breakdown.
pub fn report_json(r: &MonthlyReport) -> Value {
    let mut map = Map::new();
    map.insert("month".into(), json!(r.month.to_string()));
    map.insert("previous_month".into(), json!(r.previous.month.to_string()));
    map.insert("timezone".into(), json!(r.timezone.name()));
    map.insert("from".into(), json!(rfc3339(r.window.start)));
    map.insert("to".into(), json!(rfc3339(r.window.end)));
    map.insert("as_of".into(), json!(rfc3339(r.window.as_of)));
    map.extend(kpi_map(&r.kpis));
    let distribution: Map<String, Value> = (1..=5)
        .zip(r.distribution)
        .map(|(score, n)| (score.to_string(), json!(n)))
        .collect();
    map.insert("satisfaction_distribution".into(), Value::Object(distribution));
    if let Some(by) = r.by {
        map.insert("by".into(), json!(by.key()));
        let groups = r.breakdown.iter().map(|g| {
            let mut object = Map::new();
            let name = (!g.group.is_empty()).then(|| g.group.clone());
            object.insert("group".into(), json!(name));
            object.extend(kpi_map(&g.kpis));
            Value::Object(object)
        });
        map.insert("breakdown".into(), Value::Array(groups.collect()));
    }
    Value::Object(map)
}

/// A CSV cell for a KPI number (empty when unknown).
fn cell(kpi: Kpi, x: Option<f64>) -> String {
    match number(kpi, x) {
        Value::Null => String::new(),
        n => n.to_string(),
    }
}

/// `kpi,value,previous,change` rows; with `--by X`, a first column `X` that is `(all)` for
/// the totals and `(none)` for tickets without an assignee or department.
pub fn csv(r: &MonthlyReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let row = |group: Option<&str>, v: &KpiValue| {
        let mut cells: Vec<String> = group.map(str::to_string).into_iter().collect();
        cells.push(v.kpi.key().into());
        cells.extend([cell(v.kpi, v.value), cell(v.kpi, v.previous), cell(v.kpi, v.change)]);
        cells
    };
    let header = ["kpi", "value", "previous", "change"].map(String::from).to_vec();
    match r.by {
        None => {
            rows.push(header);
            rows.extend(r.kpis.iter().map(|v| row(None, v)));
        }
        Some(by) => {
            rows.push([vec![by.key().to_string()], header].concat());
            rows.extend(r.kpis.iter().map(|v| row(Some("(all)"), v)));
            for g in &r.breakdown {
                let name = if g.group.is_empty() { "(none)" } else { g.group.as_str() };
                rows.extend(g.kpis.iter().map(|v| row(Some(name), v)));
            }
        }
    }
    for cells in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&cells);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
