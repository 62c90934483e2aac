//! `doctor`: is the file sound, is it ours, is it current, and what is in it.

use super::Error;
/// frontdesk's mark in a database header, which a finding compares against.
pub use crate::store::APPLICATION_ID;
use crate::store::header::{self, HeaderCheck};
use crate::store::{ForeignKeyProblem, JournalMode, LATEST_VERSION, Store, StoreError, sidecar};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The findings; `ok` is false when any problem was found.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub path: String,
    pub ok: bool,
    /// Things that are wrong with the data or the file (exit 1).
    pub problems: Vec<Finding>,
    /// Things worth fixing that do not endanger the data.
    pub warnings: Vec<Finding>,
    /// The file's own header, read directly: sound, damaged, truncated, or
    /// not an SQLite file at all.
    pub header: HeaderCheck,
    /// `PRAGMA integrity_check`; `["ok"]` when sound.
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check`; null when it could not run.
    pub foreign_key_problems: Option<Vec<ForeignKeyProblem>>,
    /// This and the other facts SQLite reports are null where it could not
    /// read them (a damaged file; `problems` says why).
    pub schema_version: Option<i64>,
    pub latest_schema_version: i64,
    /// `PRAGMA application_id`, in hex (`0x4644534b` is frontdesk's).
    pub application_id: Option<String>,
    pub journal_mode: Option<String>,
    /// The mode the file was in before this open set the configured one.
    pub journal_mode_found: Option<String>,
    pub file_bytes: u64,
    /// Size of the write-ahead log not yet checkpointed into the file.
    pub wal_bytes: u64,
    pub page_size: Option<i64>,
    pub page_count: Option<i64>,
    pub freelist_count: Option<i64>,
    /// Rows per table.
    pub counts: BTreeMap<String, i64>,
}

/// One thing doctor found, as a value: the CLI tells it in the user's
/// language; JSON and `Display` give it in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The header lacks SQLite's signature.
    NotSqlite,
    /// The header is damaged (`why`: which field, in English).
    HeaderDamaged {
        why: String,
    },
    /// The file is shorter than its header says.
    Truncated {
        bytes: u64,
        expected: u64,
    },
    /// SQLite cannot read past a broken header (its own message).
    Unreadable {
        error: String,
    },
    /// An error SQLite reported (its own message).
    Sqlite {
        error: String,
    },
    /// A line of `PRAGMA integrity_check`.
    Integrity {
        line: String,
    },
    /// A row pointing to a missing parent.
    ForeignKey {
        table: String,
        rowid: Option<i64>,
        parent: String,
    },
    ApplicationId {
        found: i64,
    },
    SchemaVersion {
        found: i64,
        expected: i64,
    },
    /// Another agent left the file in another journal mode.
    JournalMode {
        found: String,
        wanted: String,
    },
    /// The file (or a sidecar) is readable by other users.
    LoosePermissions {
        file: String,
        mode: u32,
    },
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::NotSqlite => write!(f, "header: not an SQLite file (no \"SQLite format 3\" signature)"),
            Finding::HeaderDamaged { why } => write!(f, "header: damaged: {why}"),
            Finding::Truncated { bytes, expected } => write!(
                f,
                "truncated: the file has {bytes} bytes but its header says {expected}; it was cut short"
            ),
            Finding::Unreadable { error } => write!(f, "SQLite cannot read the file: {error}"),
            Finding::Sqlite { error } => write!(f, "{error}"),
            Finding::Integrity { line } => write!(f, "integrity: {line}"),
            Finding::ForeignKey { table, rowid, parent } => {
                let row = rowid.map_or_else(|| "a row".to_string(), |id| format!("row {id}"));
                write!(f, "foreign key: {row} of {table} points to a missing {parent}")
            }
            Finding::ApplicationId { found } => {
                write!(f, "application id is {found:#x}, not frontdesk's {APPLICATION_ID:#x}")
            }
            Finding::SchemaVersion { found, expected } => {
                write!(f, "schema version {found} but this frontdesk expects {expected}")
            }
            Finding::JournalMode { found, wanted } => write!(
                f,
                "the file was in journal mode {found} but the config asks for {wanted}; \
                 an agent sharing the file is configured differently, and every agent should use the same setting"
            ),
            Finding::LoosePermissions { file, mode } => write!(
                f,
                "{file} can be read by other users (mode {mode:o}); run: chmod o-rwx {file}"
            ),
        }
    }
}

/// JSON keeps the English lines of before.
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Checks the open database. `configured` is the journal mode the config
/// asks for; a file in another mode is a warning (another agent may be
/// configured differently).
pub fn doctor(store: &mut Store, configured: JournalMode) -> Result<DoctorReport, Error> {
    let health = store.health()?;
    let path = store.path().to_path_buf();
    let header = header::check(&path).map_err(|e| StoreError::io(&path, e))?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let sqlite_failed = !health.errors.is_empty() || health.integrity != ["ok"];
    // A file shorter than its header says counts only when SQLite's own
    // checks failed too: while another agent checkpoints, the header can
    // briefly run ahead of the file's length.
    let header = match header {
        HeaderCheck::Truncated { .. } if !sqlite_failed => HeaderCheck::Sound,
        other => other,
    };
    match header_problem(&header) {
        // SQLite cannot read past a broken header: every check fails alike,
        // so one line says so instead of ten.
        Some(problem) if !health.errors.is_empty() => {
            problems.push(problem);
            problems.push(Finding::Unreadable {
                error: health.errors[0].clone(),
            });
        }
        found => {
            problems.extend(found);
            problems.extend(
                health
                    .errors
                    .iter()
                    .map(|error| Finding::Sqlite { error: error.clone() }),
            );
            if health.integrity != ["ok"] {
                problems.extend(
                    health
                        .integrity
                        .iter()
                        .map(|line| Finding::Integrity { line: line.clone() }),
                );
            }
        }
    }
    for fk in health.foreign_keys.iter().flatten() {
        problems.push(Finding::ForeignKey {
            table: fk.table.clone(),
            rowid: fk.rowid,
            parent: fk.parent.clone(),
        });
    }
    // None: the pragma could not run, and `errors` already says why.
    if let Some(found) = health.application_id.filter(|id| *id != APPLICATION_ID) {
        problems.push(Finding::ApplicationId { found });
    }
    if let Some(found) = health.schema_version.filter(|v| *v != LATEST_VERSION) {
        problems.push(Finding::SchemaVersion {
            found,
            expected: LATEST_VERSION,
        });
    }
    // doctor opens the file as it is, so this is the mode another agent
    // left it in. The header tells it even where SQLite cannot (a read-only
    // file opened immutable always says "delete").
    let journal_found = header::journal_mode(&path)
        .ok()
        .flatten()
        .map(str::to_string)
        .or_else(|| health.journal_mode.clone());
    let wanted = configured.name();
    if let Some(journal_found) = journal_found.as_deref().filter(|found| *found != wanted) {
        warnings.push(Finding::JournalMode {
            found: journal_found.to_string(),
            wanted: wanted.to_string(),
        });
    }
    warnings.extend(loose_permissions(&path));
    Ok(DoctorReport {
        path: path.display().to_string(),
        ok: problems.is_empty(),
        problems,
        warnings,
        header,
        integrity: health.integrity,
        foreign_key_problems: health.foreign_keys,
        schema_version: health.schema_version,
        latest_schema_version: LATEST_VERSION,
        application_id: health.application_id.map(|id| format!("{id:#x}")),
        journal_mode: journal_found.clone(),
        journal_mode_found: journal_found,
        file_bytes: size(&path),
        wal_bytes: size(&sidecar(&path, "-wal")),
        page_size: health.page_size,
        page_count: health.page_count,
        freelist_count: health.freelist_count,
        counts: health.counts.into_iter().collect(),
    })
}

/// The header's finding as a problem.
fn header_problem(header: &HeaderCheck) -> Option<Finding> {
    match header {
        HeaderCheck::Empty | HeaderCheck::Sound => None,
        HeaderCheck::NotSqlite => Some(Finding::NotSqlite),
        HeaderCheck::Damaged { why } => Some(Finding::HeaderDamaged { why: why.clone() }),
        HeaderCheck::Truncated { bytes, expected } => Some(Finding::Truncated {
            bytes: *bytes,
            expected: *expected,
        }),
    }
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The database and its -wal/-shm/-journal files must not be open to others:
/// they hold customers' personal data.
#[cfg(unix)]
fn loose_permissions(path: &Path) -> Vec<Finding> {
    use std::os::unix::fs::PermissionsExt;
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| sidecar(path, suffix))
        .filter_map(|file| {
            let mode = std::fs::metadata(&file).ok()?.permissions().mode() & 0o777;
            (mode & 0o007 != 0).then(|| Finding::LoosePermissions {
                file: file.display().to_string(),
                mode,
            })
        })
        .collect()
}

#[cfg(not(unix))]
fn loose_permissions(_path: &Path) -> Vec<Finding> {
    Vec::new()
}
