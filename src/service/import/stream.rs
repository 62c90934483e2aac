//! Reading an import file record by record instead of holding it whole: a
//! large file is validated in one pass that keeps only what the checks
//! need (the keys seen), then written in a second pass inside the
//! transaction. Memory stays flat however many rows the file has.

use super::csvfile;
use super::mapping::ColumnMap;
use super::{MAX_ROW_ERRORS, Record};
use crate::domain::error::{Invalid, Reason};
use crate::service::Error;
use crate::service::progress::{Progress, Stage};
use std::collections::HashMap;

/// How many records pass between two progress reports.
const REPORT_EVERY: usize = 1000;

/// A file's records mapped to the canonical columns, read on demand. Each
/// pass reads the bytes afresh, so a pass can run again (a write retried
/// when SQLite stays busy).
pub(crate) struct Source<'a> {
    bytes: &'a [u8],
    name: &'a str,
    map: &'a ColumnMap,
    known: &'static [&'static str],
    /// The canonical column of each of the file's columns (`None`: left out).
    columns: Vec<Option<String>>,
}

impl<'a> Source<'a> {
    /// Reads the header and lines it up with the canonical columns.
    pub fn new(
        bytes: &'a [u8],
        name: &'a str,
        map: &'a ColumnMap,
        known: &'static [&'static str],
    ) -> Result<Self, Error> {
        let (header, _) = csvfile::open(bytes, name)?;
        let columns = map.resolve(&header, known)?;
        Ok(Source {
            bytes,
            name,
            map,
            known,
            columns,
        })
    }

    /// Calls `each` with every record in file order, telling `progress` how
    /// far into the file it is (in bytes, the stage's total).
    pub fn each(
        &self,
        progress: &dyn Progress,
        mut each: impl FnMut(Record) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (_, mut rows) = csvfile::open(self.bytes, self.name)?;
        let (mut reported, mut since) = (0u64, 0usize);
        while let Some(row) = rows.next_row()? {
            each(self.record(row))?;
            since += 1;
            if since == REPORT_EVERY {
                let at = rows.position();
                progress.advance(at.saturating_sub(reported));
                (reported, since) = (at, 0);
            }
        }
        progress.advance((self.bytes.len() as u64).saturating_sub(reported));
        Ok(())
    }

    /// The file's size, the total of a pass's progress.
    pub fn size(&self) -> u64 {
        self.bytes.len() as u64
    }

    fn record(&self, row: csvfile::Row) -> Record {
        let mut values: HashMap<String, String> = self
            .known
            .iter()
            .filter_map(|c| self.map.default_for(c).map(|d| (c.to_string(), d.clone())))
            .collect();
        for (column, raw) in self.columns.iter().zip(row.fields) {
            if let Some(column) = column {
                values.insert(column.clone(), self.map.value(column, &raw));
            }
        }
        Record { line: row.line, values }
    }
}

/// Validates every record of `source` (the first pass): `Ok` with the
/// number of rows when all are good and no key repeats, else the first bad
/// rows, as [`super::validate_all`] then [`super::refuse_repeats`] report them.
pub(crate) fn check_all<T>(
    source: &Source,
    progress: &dyn Progress,
    parse: impl Fn(&Record) -> Result<T, Invalid>,
    field: &str,
    key: impl Fn(&T) -> Option<&str>,
) -> Result<usize, Error> {
    progress.stage(Stage::Reading, Some(source.size()));
    let mut rows = 0;
    let mut bad = Vec::new();
    let mut repeats = Vec::new();
    let mut first: HashMap<String, u64> = HashMap::new();
    source.each(progress, |record| {
        rows += 1;
        match parse(&record) {
            Ok(row) => {
                if let Some(k) = key(&row) {
                    match first.get(k) {
                        Some(earlier) if repeats.len() < MAX_ROW_ERRORS => repeats.push((
                            record.line,
                            Invalid::new(field, k, Reason::RepeatsLine { line: *earlier }),
                        )),
                        Some(_) => {}
                        None => {
                            first.insert(k.to_string(), record.line);
                        }
                    }
                }
            }
            Err(e) if bad.len() < MAX_ROW_ERRORS => bad.push((record.line, e)),
            Err(_) => {}
        }
        Ok(())
    })?;
    // Bad values first: a repeat among rows that are not all valid may be
    // the wrong row's fault.
    if !bad.is_empty() {
        return Err(Error::InvalidRows(bad));
    }
    if !repeats.is_empty() {
        return Err(Error::InvalidRows(repeats));
    }
    Ok(rows)
}
