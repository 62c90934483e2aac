//! `import` and `export`

use super::Env;
use super::output::{print_json, ticket_json};
use crate::domain::time::rfc3339;
use crate::service::import::{self, ImportKind};
use crate::service::{Error, export};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Records {
    Customers,
    Tickets,
    Interactions,
    Kb,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    pub records: Records,
    pub file: PathBuf,
    /// TOML: canonical = "Their Column", ignore = [...], [values.FIELD], [defaults]
    #[arg(long)]
    pub map: Option<PathBuf>,
    /// Only validate; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    pub records: Records,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

pub fn import(env: &mut Env, a: &ImportArgs) -> Result<(), Error> {
    let kind = match a.records {
        Records::Customers => ImportKind::Customers,
        Records::Tickets => ImportKind::Tickets,
        Records::Interactions => ImportKind::Interactions,
        Records::Kb => ImportKind::Kb,
    };
    let report = import::run(&mut env.store, &env.ctx, kind, &a.file, a.map.as_deref(), a.dry_run)?;
    if env.json {
        print_json(&report);
    } else if report.dry_run {
        println!("{} rows valid; nothing written (dry run)", report.rows);
    } else {
        println!(
            "{} rows: {} added, {} already present, {} customers created",
            report.rows, report.added, report.skipped, report.customers_created
        );
    }
    Ok(())
}

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(rfc3339).unwrap_or_default()
}

pub fn export(env: &mut Env, a: &ExportArgs) -> Result<(), Error> {
    let json = env.json || matches!(a.format, Format::Json);
    let mut csv = csv::Writer::from_writer(super::data_out::stdout());
    let io = |e: csv::Error| Error::Output(e.to_string());
    match a.records {
        Records::Kb => {
            let list = crate::service::kb::list(&mut env.store, usize::MAX)?;
            if json {
                print_json(&list);
                return Ok(());
            }
            csv.write_record(["title", "body", "kind", "tags"]).map_err(io)?;
            for a in &list {
                csv.write_record([&a.title, &a.body, a.kind.key(), &a.tags.join(",")])
                    .map_err(io)?;
            }
        }
        Records::Customers => {
            let list = export::customers(&mut env.store)?;
            if json {
                print_json(&list);
                return Ok(());
            }
            csv.write_record(crate::service::import::CUSTOMER_COLUMNS).map_err(io)?;
            for c in &list {
                let since = c.since.map(|d| d.to_string()).unwrap_or_default();
                let channel = c.channel.map(|ch| ch.key()).unwrap_or_default();
                csv.write_record([
                    &c.code,
                    &c.name,
                    c.kind.key(),
                    &c.contact,
                    &c.phone,
                    &c.email,
                    &c.address,
                    &c.industry,
                    &since,
                    c.tier.key(),
                    &c.tags.join(","),
                    channel,
                    &c.owner,
                    &c.notes,
                    &c.birthday.map(|d| d.to_string()).unwrap_or_default(),
                ])
                .map_err(io)?;
            }
        }
        Records::Tickets => {
            let list = export::tickets(&mut env.store, &env.ctx)?;
            if json {
                print_json(&list.iter().map(ticket_json).collect::<Vec<_>>());
                return Ok(());
            }
            csv.write_record(crate::service::import::TICKET_COLUMNS).map_err(io)?;
            for v in &list {
                let t = &v.ticket;
                // Tickets made here export their number as the external id, so
                // interactions exported beside them can refer to them.
                let external = t.external_id.clone().unwrap_or_else(|| t.id.to_string());
                csv.write_record([
                    &external,
                    &t.customer_code,
                    &t.customer_name,
                    t.kind.key(),
                    &t.category,
                    t.priority.key(),
                    t.channel.key(),
                    t.status.key(),
                    &t.subject,
                    &t.description,
                    &t.department,
                    &t.assignee,
                    &rfc3339(t.opened_at),
                    &time(t.first_response_at),
                    &time(t.resolved_at),
                    &time(t.closed_at),
                ])
                .map_err(io)?;
            }
        }
        Records::Interactions => {
            let list = export::interactions(&mut env.store)?;
            if json {
                print_json(&list);
                return Ok(());
            }
            csv.write_record(crate::service::import::INTERACTION_COLUMNS)
                .map_err(io)?;
            for e in &list {
                let i = &e.interaction;
                let external = e.external_id.clone().unwrap_or_else(|| format!("i{}", i.id));
                let ticket = e
                    .ticket_external_id
                    .clone()
                    .or(i.ticket_id.map(|t| t.to_string()))
                    .unwrap_or_default();
                csv.write_record([
                    &external,
                    &e.customer_code,
                    &e.customer_name,
                    &ticket,
                    &rfc3339(i.at),
                    i.channel.key(),
                    i.direction.key(),
                    &i.agent,
                    &i.summary,
                    &i.body,
                ])
                .map_err(io)?;
            }
        }
    }
    let out = csv.into_inner().map_err(|e| Error::Output(e.to_string()))?;
    out.finish().map_err(|e| Error::Output(e.to_string()))?;
    Ok(())
}
