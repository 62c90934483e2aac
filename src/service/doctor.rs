//! `doctor`: is the file sound, is it ours, is it current, and what is in it.

use super::Error;
use crate::store::{APPLICATION_ID, ForeignKeyProblem, JournalMode, LATEST_VERSION, Store, sidecar};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The findings; `ok` is false when any problem was found.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub path: String,
    pub ok: bool,
    /// Things that are wrong with the data or the file (exit 1).
    pub problems: Vec<String>,
    /// Things worth fixing that do not endanger the data.
    pub warnings: Vec<String>,
    /// `PRAGMA integrity_check`; `["ok"]` when sound.
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check`; null when it could not run.
    pub foreign_key_problems: Option<Vec<ForeignKeyProblem>>,
    pub schema_version: i64,
    pub latest_schema_version: i64,
    /// `PRAGMA application_id`, in hex (`0x4644534b` is frontdesk's).
    pub application_id: String,
    pub journal_mode: String,
    /// The mode the file was in before this open set the configured one.
    pub journal_mode_found: String,
    pub file_bytes: u64,
    /// Size of the write-ahead log not yet checkpointed into the file.
    pub wal_bytes: u64,
    pub page_size: i64,
    pub page_count: i64,
    pub freelist_count: i64,
    /// Rows per table.
    pub counts: BTreeMap<String, i64>,
}

/// Checks the open database. `configured` is the journal mode the config
/// asks for; a file in another mode is a warning (another agent may be
/// configured differently).
pub fn doctor(store: &mut Store, configured: JournalMode) -> Result<DoctorReport, Error> {
    let health = store.health()?;
    let path = store.path().to_path_buf();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    problems.extend(health.errors.iter().cloned());
    if health.integrity != ["ok"] {
        problems.extend(health.integrity.iter().map(|line| format!("integrity: {line}")));
    }
    for fk in health.foreign_keys.iter().flatten() {
        let row = fk.rowid.map_or_else(|| "a row".to_string(), |id| format!("row {id}"));
        problems.push(format!(
            "foreign key: {row} of {} points to a missing {}",
            fk.table, fk.parent
        ));
    }
    if health.application_id != APPLICATION_ID {
        problems.push(format!(
            "application id is {:#x}, not frontdesk's {APPLICATION_ID:#x}",
            health.application_id
        ));
    }
    if health.schema_version != LATEST_VERSION {
        problems.push(format!(
            "schema version {} but this frontdesk expects {LATEST_VERSION}",
            health.schema_version
        ));
    }
    // Opening the store set the configured mode, so the file's own mode is
    // the one it was found in: another agent's, if it differs.
    let journal_found = store.journal_found().to_ascii_lowercase();
    let wanted = configured.name();
    if journal_found != wanted {
        warnings.push(format!(
            "the file was in journal mode {journal_found} but the config asks for {wanted} (switched on this open); \
             an agent sharing the file is configured differently, and every agent should use the same setting"
        ));
    }
    warnings.extend(loose_permissions(&path));
    Ok(DoctorReport {
        path: path.display().to_string(),
        ok: problems.is_empty(),
        problems,
        warnings,
        integrity: health.integrity,
        foreign_key_problems: health.foreign_keys,
        schema_version: health.schema_version,
        latest_schema_version: LATEST_VERSION,
        application_id: format!("{:#x}", health.application_id),
        journal_mode: health.journal_mode.to_ascii_lowercase(),
        journal_mode_found: journal_found,
        file_bytes: size(&path),
        wal_bytes: size(&sidecar(&path, "-wal")),
        page_size: health.page_size,
        page_count: health.page_count,
        freelist_count: health.freelist_count,
        counts: health.counts.into_iter().collect(),
    })
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The database and its -wal/-shm/-journal files must not be open to others:
/// they hold customers' personal data.
#[cfg(unix)]
fn loose_permissions(path: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| sidecar(path, suffix))
        .filter_map(|file| {
            let mode = std::fs::metadata(&file).ok()?.permissions().mode() & 0o777;
            (mode & 0o007 != 0).then(|| {
                format!(
                    "{} can be read by other users (mode {mode:o}); run: chmod o-rwx {}",
                    file.display(),
                    file.display()
                )
            })
        })
        .collect()
}

#[cfg(not(unix))]
fn loose_permissions(_path: &Path) -> Vec<String> {
    Vec::new()
}
