//! `import` and `export`

use super::Env;
use super::export_csv as rows;
use super::output::{print_json, ticket_json};
use crate::domain::error::Invalid;
use crate::i18n::fill;
use crate::service::import::{self, ImportKind};
use crate::service::{Error, export};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Records {
    Customers,
    Tickets,
    Interactions,
    Kb,
    Orders,
    /// Refunds and cancellations, keyed to their order's external_id.
    OrderCorrections,
    Surveys,
    Reminders,
    /// Exported only: an import writes its own audit entries.
    Audit,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Which records the file holds
    pub records: Records,
    /// The CSV file, with a header row
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
    /// Which records to export
    pub records: Records,
    /// CSV with the import's columns, or JSON
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

pub fn import(env: &mut Env, a: &ImportArgs) -> Result<(), Error> {
    let kind = match a.records {
        Records::Customers => ImportKind::Customers,
        Records::Tickets => ImportKind::Tickets,
        Records::Interactions => ImportKind::Interactions,
        Records::Kb => ImportKind::Kb,
        Records::Orders => ImportKind::Orders,
        Records::OrderCorrections => ImportKind::OrderCorrections,
        Records::Surveys => ImportKind::Surveys,
        Records::Reminders => ImportKind::Reminders,
        Records::Audit => {
            return Err(Invalid::new("records", "audit", crate::domain::error::Reason::ExportOnly).into());
        }
    };
    let progress = super::progress::Bar::on_stderr();
    let report = import::run_with(
        &mut env.store,
        &env.ctx,
        kind,
        &a.file,
        a.map.as_deref(),
        a.dry_run,
        &progress,
    )?;
    drop(progress);
    if env.json {
        print_json(&report);
    } else if report.dry_run {
        let rows = report.rows.to_string();
        outln!(
            "{}",
            fill(crate::i18n::get().cli_admin.import_dry_run, &[("rows", &rows)])
        );
    } else {
        let [rows, added, skipped, created] =
            [report.rows, report.added, report.skipped, report.customers_created].map(|n| n.to_string());
        let args = [
            ("rows", &*rows),
            ("added", &added),
            ("skipped", &skipped),
            ("created", &created),
        ];
        outln!("{}", fill(crate::i18n::get().cli_admin.import_done, &args));
    }
    Ok(())
}

pub fn export(env: &mut Env, a: &ExportArgs) -> Result<(), Error> {
    let json = env.json || matches!(a.format, Format::Json);
    let columns = import::columns;
    match a.records {
        Records::Kb => {
            let list = crate::service::kb::list(&mut env.store, usize::MAX)?;
            emit(json, &list, columns(ImportKind::Kb), |a| {
                vec![a.title.clone(), a.body.clone(), a.kind.key().into(), a.tags.join(",")]
            })
        }
        Records::Customers => {
            let list = export::customers(&mut env.store)?;
            emit(json, &list, columns(ImportKind::Customers), rows::customer)
        }
        Records::Tickets => {
            let list = export::tickets(&mut env.store, &env.ctx)?;
            if json {
                print_json(&list.iter().map(ticket_json).collect::<Vec<_>>());
                return Ok(());
            }
            write_csv(&list, columns(ImportKind::Tickets), rows::ticket)
        }
        Records::Interactions => {
            let list = export::interactions(&mut env.store)?;
            emit(json, &list, columns(ImportKind::Interactions), rows::interaction)
        }
        Records::Orders => {
            let list = export::orders(&mut env.store)?;
            emit(json, &list, columns(ImportKind::Orders), rows::order)
        }
        Records::OrderCorrections => {
            let list = export::corrections(&mut env.store)?;
            emit(json, &list, columns(ImportKind::OrderCorrections), rows::correction)
        }
        Records::Surveys => {
            let list = export::surveys(&mut env.store)?;
            emit(json, &list, columns(ImportKind::Surveys), rows::survey)
        }
        Records::Reminders => {
            let list = export::reminders(&mut env.store)?;
            emit(json, &list, columns(ImportKind::Reminders), rows::reminder)
        }
        Records::Audit => {
            let list = export::audit(&mut env.store)?;
            emit(json, &list, rows::AUDIT_COLUMNS, rows::audit)
        }
    }
}

/// Prints the records as JSON, or as CSV with `header` and a `row` each,
/// through the data output (exact to a file or pipe, inert on a terminal).
fn emit<T: serde::Serialize>(
    json: bool,
    list: &[T],
    header: &[&str],
    row: impl Fn(&T) -> Vec<String>,
) -> Result<(), Error> {
    if json {
        print_json(list);
        return Ok(());
    }
    write_csv(list, header, row)
}

fn write_csv<T>(list: &[T], header: &[&str], row: impl Fn(&T) -> Vec<String>) -> Result<(), Error> {
    let out = |e: std::io::Error| Error::Output(e.to_string());
    let mut csv = csv::Writer::from_writer(super::data_out::stdout());
    rows::write(&mut csv, header, list, row).map_err(|e| Error::Output(e.to_string()))?;
    let data = csv.into_inner().map_err(|e| out(e.into_error()))?;
    data.finish().map_err(out)?;
    Ok(())
}
