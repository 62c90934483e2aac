//! `import` and `export`

use super::Env;
use super::data_out::Records as Out;
use super::export_csv as rows;
use super::output::{print_json, ticket_json};
use crate::domain::error::Invalid;
use crate::i18n::fill;
use crate::service::import::{self, ImportKind};
use crate::service::progress::{Progress, Quiet};
use crate::service::tickets::TicketView;
use crate::service::{Error, export};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
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

/// Writes each record as the store reads it (see `service::export`), with
/// a progress bar on a terminal's standard error.
pub fn export(env: &mut Env, a: &ExportArgs) -> Result<(), Error> {
    let json = env.json || matches!(a.format, Format::Json);
    let columns = import::columns;
    let store = &mut env.store;
    // Records written to the terminal show their own progress, and a bar
    // redrawn between them would break their lines: a bar only while they
    // go to a file or a pipe.
    let bar = (!std::io::stdout().is_terminal()).then(super::progress::Bar::on_stderr);
    let bar: &dyn Progress = match &bar {
        Some(bar) => bar,
        None => &Quiet,
    };
    let out = match a.records {
        Records::Kb => {
            // The articles are few: read whole, as the knowledge base lists them.
            let list = crate::service::kb::list(store, usize::MAX)?;
            let mut out = Out::new(json, columns(ImportKind::Kb))?;
            for article in &list {
                out.put_serialized(article, |a| {
                    vec![a.title.clone(), a.body.clone(), a.kind.key().into(), a.tags.join(",")]
                })?;
            }
            out
        }
        Records::Customers => {
            let mut out = Out::new(json, columns(ImportKind::Customers))?;
            export::customers(store, bar, &mut |c| out.put_serialized(&c, rows::customer))?;
            out
        }
        Records::Tickets if json => {
            let mut out = Out::new(json, columns(ImportKind::Tickets))?;
            let each = &mut |v: TicketView| out.put(|| Ok(ticket_json(&v)), || rows::ticket(&v.ticket));
            export::tickets(store, &env.ctx, bar, each)?;
            out
        }
        Records::Tickets => {
            // The CSV columns carry no clock: the stored tickets are enough.
            let mut out = Out::new(json, columns(ImportKind::Tickets))?;
            export::ticket_records(store, bar, &mut |t| out.put_serialized(&t, rows::ticket))?;
            out
        }
        Records::Interactions => {
            let mut out = Out::new(json, columns(ImportKind::Interactions))?;
            export::interactions(store, bar, &mut |i| out.put_serialized(&i, rows::interaction))?;
            out
        }
        Records::Orders => {
            let mut out = Out::new(json, columns(ImportKind::Orders))?;
            export::orders(store, bar, &mut |o| out.put_serialized(&o, rows::order))?;
            out
        }
        Records::OrderCorrections => {
            let mut out = Out::new(json, columns(ImportKind::OrderCorrections))?;
            export::corrections(store, bar, &mut |c| out.put_serialized(&c, rows::correction))?;
            out
        }
        Records::Surveys => {
            let mut out = Out::new(json, columns(ImportKind::Surveys))?;
            export::surveys(store, bar, &mut |s| out.put_serialized(&s, rows::survey))?;
            out
        }
        Records::Reminders => {
            let mut out = Out::new(json, columns(ImportKind::Reminders))?;
            export::reminders(store, bar, &mut |r| out.put_serialized(&r, rows::reminder))?;
            out
        }
        Records::Audit => {
            let mut out = Out::new(json, rows::AUDIT_COLUMNS)?;
            export::audit(store, bar, &mut |e| out.put_serialized(&e, rows::audit))?;
            out
        }
    };
    // The bar (if any) is cleared when this returns, before any error is told.
    out.finish()
}
