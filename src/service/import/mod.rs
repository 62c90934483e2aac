//! `import customers|tickets|interactions|kb|orders|order-corrections|surveys|reminders FILE
//! [--map FILE] [--dry-run]`.
//!
//! A file is imported whole or not at all: every row is validated first, the
//! first bad rows are reported with their line numbers and nothing is
//! written; then one transaction writes it all. A row whose `external_id`
//! (for customers: `code`) is already present is skipped and counted, so
//! importing the same file twice adds nothing.

mod corrections;
mod csvfile;
mod customers;
mod interactions;
mod kb;
mod keyed;
mod mapping;
mod orders;
mod reminders;
mod stream;
mod surveys;
mod ticket_load;
mod tickets;

pub use customers::COLUMNS as CUSTOMER_COLUMNS;
pub use interactions::COLUMNS as INTERACTION_COLUMNS;
pub use mapping::ColumnMap;
pub use tickets::COLUMNS as TICKET_COLUMNS;

use super::progress::{Progress, Quiet};
use super::{Ctx, Error};
use crate::config::input::{self, InputKind};
use crate::domain::error::Invalid;
use crate::domain::time::parse_instant_lenient;
use crate::store::{Store, Tx};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Customers,
    Tickets,
    Interactions,
    Kb,
    Orders,
    OrderCorrections,
    Surveys,
    Reminders,
}

/// The canonical columns of a kind: what `import` reads and `export` writes.
pub fn columns(kind: ImportKind) -> &'static [&'static str] {
    match kind {
        ImportKind::Customers => customers::COLUMNS,
        ImportKind::Tickets => tickets::COLUMNS,
        ImportKind::Interactions => interactions::COLUMNS,
        ImportKind::Kb => kb::COLUMNS,
        ImportKind::Orders => orders::COLUMNS,
        ImportKind::OrderCorrections => corrections::COLUMNS,
        ImportKind::Surveys => surveys::COLUMNS,
        ImportKind::Reminders => reminders::COLUMNS,
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub added: usize,
    /// Rows already present (same external id or code), left as they were.
    pub skipped: usize,
    /// Customers created because a ticket or interaction named an unknown one.
    pub customers_created: usize,
    pub dry_run: bool,
}

/// How many bad rows one report lists.
pub(crate) const MAX_ROW_ERRORS: usize = 10;

/// One row's canonical values after mapping, with its line number.
pub(crate) struct Record {
    pub line: u64,
    values: HashMap<String, String>,
}

impl Record {
    /// The trimmed value of a canonical column, `None` when absent or empty.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.values.get(column).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// The raw value (for optional text fields the validators trim).
    pub fn text(&self, column: &str) -> Option<String> {
        self.get(column).map(str::to_string)
    }
}

pub fn run(
    store: &mut Store,
    ctx: &Ctx,
    kind: ImportKind,
    file: &Path,
    map: Option<&Path>,
    dry_run: bool,
) -> Result<ImportReport, Error> {
    run_with(store, ctx, kind, file, map, dry_run, &Quiet)
}

/// [`run`], telling `progress` how far it has got.
pub fn run_with(
    store: &mut Store,
    ctx: &Ctx,
    kind: ImportKind,
    file: &Path,
    map: Option<&Path>,
    dry_run: bool,
    progress: &dyn Progress,
) -> Result<ImportReport, Error> {
    let name = file.display().to_string();
    let known = columns(kind);
    let map = match map {
        Some(path) => {
            let text = String::from_utf8(input::read(path, InputKind::Map)?).map_err(|_| {
                Invalid::new(
                    "map",
                    path.display().to_string(),
                    crate::domain::error::Reason::File(crate::domain::error::FileProblem::NotUtf8),
                )
            })?;
            ColumnMap::parse(&text, &path.display().to_string(), known)?
        }
        None => ColumnMap::default(),
    };
    let bytes = input::read(file, InputKind::Import)?;
    let source = stream::Source::new(&bytes, &name, &map, known)?;
    // Every kind but tickets still takes its records whole (files of a few
    // thousand rows); tickets, the largest, stream: validated in one pass,
    // written in a second.
    let records = || -> Result<Vec<Record>, Error> {
        let mut records = Vec::new();
        source.each(&Quiet, |record| {
            records.push(record);
            Ok(())
        })?;
        Ok(records)
    };
    match kind {
        ImportKind::Customers => customers::import(store, ctx, &records()?, dry_run),
        ImportKind::Tickets => tickets::import(store, ctx, &source, dry_run, progress),
        ImportKind::Interactions => interactions::import(store, ctx, &records()?, dry_run),
        ImportKind::Kb => kb::import(store, ctx, &records()?, dry_run),
        ImportKind::Orders => orders::import(store, ctx, &records()?, dry_run),
        ImportKind::OrderCorrections => corrections::import(store, ctx, &records()?, dry_run),
        ImportKind::Surveys => surveys::import(store, ctx, &records()?, dry_run),
        ImportKind::Reminders => reminders::import(store, ctx, &records()?, dry_run),
    }
}

/// Validates every record; all good → the parsed rows, else the first bad ones.
pub(crate) fn validate_all<T>(
    records: &[Record],
    parse: impl Fn(&Record) -> Result<T, Invalid>,
) -> Result<Vec<(u64, T)>, Error> {
    let mut good = Vec::with_capacity(records.len());
    let mut bad = Vec::new();
    for record in records {
        match parse(record) {
            Ok(row) => good.push((record.line, row)),
            Err(e) if bad.len() < MAX_ROW_ERRORS => bad.push((record.line, e)),
            Err(_) => {}
        }
    }
    if bad.is_empty() {
        Ok(good)
    } else {
        Err(Error::InvalidRows(bad))
    }
}

/// A time column of a record, refused when it lies after `now` as `add`
/// refuses it: an import must not record what has not happened yet.
pub(crate) fn past_time(r: &Record, field: &str, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, Invalid> {
    let Some(value) = r.get(field) else {
        return Ok(None);
    };
    let t = parse_instant_lenient(field, value)?;
    if t > now {
        return Err(Invalid::new(
            field,
            value,
            crate::domain::error::Reason::InFuture { today: None },
        ));
    }
    Ok(Some(t))
}

/// Refuses a file that gives one key (a customer code, an external id) to
/// two rows: they would become one record, and which one wins would depend
/// on the order of the rows. Every repeat is named with both its lines.
pub(crate) fn refuse_repeats<T>(rows: &[(u64, T)], field: &str, key: impl Fn(&T) -> Option<&str>) -> Result<(), Error> {
    let mut first: HashMap<&str, u64> = HashMap::new();
    let mut bad = Vec::new();
    for (line, row) in rows {
        let Some(k) = key(row) else { continue };
        match first.get(k) {
            Some(earlier) if bad.len() < MAX_ROW_ERRORS => bad.push((
                *line,
                Invalid::new(field, k, crate::domain::error::Reason::RepeatsLine { line: *earlier }),
            )),
            Some(_) => {}
            None => {
                first.insert(k, *line);
            }
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidRows(bad))
    }
}

/// A yes/no column (`true`/`false`, `yes`/`no`, `1`/`0`); `None` when empty.
pub(crate) fn flag(r: &Record, field: &str) -> Result<Option<bool>, Invalid> {
    let Some(value) = r.get(field) else {
        return Ok(None);
    };
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(Some(true)),
        "false" | "no" | "0" => Ok(Some(false)),
        _ => Err(Invalid::new(
            field,
            value,
            crate::domain::error::Reason::Either {
                first: "true".into(),
                second: "false".into(),
            },
        )),
    }
}

/// Writes validated rows in one transaction, skipping (and counting) those
/// whose key is already present, in the database or earlier in the file.
pub(crate) fn write_new<T, K: Eq + Hash>(
    store: &mut Store,
    rows: &[(u64, T)],
    dry_run: bool,
    key: impl Fn(&T) -> Option<K>,
    exists: impl Fn(&Tx, &K) -> Result<bool, Error>,
    mut insert: impl FnMut(&Tx, &T, &mut ImportReport) -> Result<(), Error>,
) -> Result<ImportReport, Error> {
    let blank = ImportReport {
        rows: rows.len(),
        dry_run,
        ..Default::default()
    };
    if dry_run {
        return Ok(blank);
    }
    store.write(|tx| {
        let mut report = blank.clone();
        let mut seen = HashSet::new();
        for (_, row) in rows {
            if let Some(key) = key(row)
                && (exists(tx, &key)? || !seen.insert(key))
            {
                report.skipped += 1;
                continue;
            }
            insert(tx, row, &mut report)?;
            report.added += 1;
        }
        Ok(report)
    })
}
