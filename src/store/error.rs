//! Storage errors. A missing or conflicting record is told apart from a
//! broken file, so callers can map them to the CLI's exit codes.

use crate::domain::error::Invalid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{entity} {key} not found")]
    NotFound { entity: &'static str, key: String },
    #[error("{entity} {id} was changed by someone else (your version {expected}, now {actual}); reload and try again")]
    Conflict {
        entity: &'static str,
        id: i64,
        expected: i64,
        actual: i64,
    },
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(
        "{path} was written by a newer frontdesk (schema version {found}; this one knows up to {known}); upgrade frontdesk to open it"
    )]
    NewerSchema { path: String, found: i64, known: i64 },
    #[error("{path} is not a frontdesk database ({why}); it was left untouched")]
    NotFrontdesk { path: String, why: String },
    #[error("cannot use {path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// Another agent held the lock past the busy timeout on every attempt.
    #[error("the database stayed busy: other agents held it for too long ({0}); try again")]
    Busy(String),
    /// `doctor` found problems (they are listed on standard output).
    #[error("{path}: doctor found {problems} problem(s)")]
    Unhealthy { path: String, problems: usize },
    /// SQLite found the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
    #[error("the database file is damaged ({0}); run `frontdesk doctor`, and restore a backup if it finds problems")]
    Damaged(String),
    #[error("database error: {0}")]
    Sqlite(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if is_busy(&e) {
            StoreError::Busy(e.to_string())
        } else if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        ) {
            StoreError::Damaged(e.to_string())
        } else {
            StoreError::Sqlite(e.to_string())
        }
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
