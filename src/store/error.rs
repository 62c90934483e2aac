//! Storage errors. A missing or conflicting record is told apart from a
//! broken file, and a broken file says what is wrong with it (read-only,
//! full disk, truncated, damaged header), so callers can map them to the
//! CLI's exit codes and the user knows what to do.

use crate::domain::error::{Entity, Invalid};
use rusqlite::ErrorCode;

/// Why a file is not a frontdesk database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    NotSqlite,
    /// Another program's SQLite file, by its `PRAGMA application_id`.
    OtherApplication {
        id: i64,
    },
    /// No application id, but tables of someone else's.
    OtherTables,
}

/// The `#[error]` texts below are for logs only: users read these through
/// the catalogue (`crate::i18n::describe`), in their language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{entity:?} {key} not found")]
    NotFound { entity: Entity, key: String },
    /// The database file does not exist; only `init`, `demo` and the TUI's
    /// first start create one.
    #[error("no database at {path}")]
    Missing { path: String },
    /// The file exists but is empty: SQLite would take it for a new
    /// database, so a command other than `init` would quietly make an empty
    /// database of what may be a failed copy of the real one.
    #[error("{path} is an empty file")]
    Empty { path: String },
    #[error("{entity:?} {id} changed (version {expected}, now {actual})")]
    Conflict {
        entity: Entity,
        id: i64,
        expected: i64,
        actual: i64,
    },
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("{path}: newer schema {found} (known {known})")]
    NewerSchema { path: String, found: i64, known: i64 },
    #[error("{path} is not a frontdesk database ({why:?})")]
    NotFrontdesk { path: String, why: Foreign },
    /// The file, its folder or the file system cannot be written
    /// (SQLITE_READONLY, EROFS, EACCES).
    #[error("{path:?} cannot be written ({detail})")]
    ReadOnly { path: Option<String>, detail: String },
    /// SQLITE_FULL or ENOSPC.
    #[error("the disk holding {path:?} is full ({detail})")]
    DiskFull { path: Option<String>, detail: String },
    /// The file is shorter than its header says: a copy cut short.
    #[error("{path} is truncated: {bytes} bytes, header says {expected}")]
    Truncated { path: String, bytes: u64, expected: u64 },
    /// The first 100 bytes, which SQLite needs to read anything, are damaged.
    #[error("{path} has a damaged header ({why})")]
    BadHeader { path: String, why: String },
    /// SQLite found the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
    #[error("{path:?} is damaged ({detail})")]
    Damaged { path: Option<String>, detail: String },
    /// SQLITE_IOERR: a read or write of the file (or its -wal or -shm)
    /// failed. SQLite's code does not say why; [`StoreError::at`] looks at
    /// the file system and calls a full one full.
    #[error("{path:?} could not be read or written ({detail})")]
    DiskIo { path: Option<String>, detail: String },
    /// SQLITE_CANTOPEN: the file or its folder cannot be opened.
    #[error("cannot open {path:?} ({detail})")]
    CannotOpen { path: Option<String>, detail: String },
    #[error("cannot use {path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// Another agent held the lock past the busy timeout on every attempt.
    #[error("the database stayed busy ({0})")]
    Busy(String),
    /// `doctor` found problems (they are listed on standard output).
    #[error("{path}: doctor found {problems} problem(s)")]
    Unhealthy { path: String, problems: usize },
    #[error("database error: {0}")]
    Sqlite(String),
    /// A PostgreSQL server could not be reached or used (`pg_connect`).
    #[error("PostgreSQL: {0:?}")]
    Postgres(crate::store::PgFailure),
    /// The connection to the server broke after COMMIT was sent: the
    /// change may or may not have been saved, so it is not run again.
    #[error("the connection to {target} broke while committing")]
    LostAtCommit { target: String },
    /// On a server an agent is its login: `--agent` named somebody else
    /// for a login that is not the database's admin.
    #[error("the login {login} cannot act as {agent}")]
    AgentNotLogin { login: String, agent: String },
    /// The PostgreSQL server refused the session's login (SQLSTATE 42501):
    /// frontdesk's role checks (pg/0019) name the login, its role and the
    /// role needed; the server's own privileges (a login outside
    /// `frontdesk_agent`) leave them empty and say why in `detail`.
    #[error("{login} may not: {detail}")]
    NotPermitted {
        login: String,
        role: Option<crate::domain::enums::Role>,
        needed: Option<crate::domain::enums::Role>,
        detail: String,
    },
    /// `copy`'s destination already holds the team's data (`table` has
    /// rows): nothing was written.
    #[error("{target} is not empty ({table} has rows)")]
    NotEmpty { target: String, table: String },
    /// The user stopped the work (Ctrl-C): its transaction rolled back.
    #[error("cancelled")]
    Cancelled,
}

impl StoreError {
    /// An I/O error on `path`, typed by its errno where the user can act on
    /// it: a full disk, a read-only file system, a missing permission.
    pub fn io(path: &std::path::Path, source: std::io::Error) -> StoreError {
        let shown = Some(path.display().to_string());
        match source.raw_os_error() {
            Some(libc::ENOSPC | libc::EDQUOT) => StoreError::DiskFull {
                path: shown,
                detail: source.to_string(),
            },
            Some(libc::EROFS | libc::EACCES | libc::EPERM) => StoreError::ReadOnly {
                path: shown,
                detail: source.to_string(),
            },
            _ => StoreError::Io {
                path: path.display().to_string(),
                source,
            },
        }
    }

    /// Names `path` in an error that SQLite reported without it.
    pub fn at(self, path: &std::path::Path) -> StoreError {
        let shown = Some(path.display().to_string());
        match self {
            StoreError::ReadOnly { path: None, detail } => StoreError::ReadOnly { path: shown, detail },
            StoreError::DiskFull { path: None, detail } => StoreError::DiskFull { path: shown, detail },
            StoreError::Damaged { path: None, detail } => StoreError::Damaged { path: shown, detail },
            StoreError::CannotOpen { path: None, detail } => StoreError::CannotOpen { path: shown, detail },
            StoreError::DiskIo { path: None, detail } if file_system_full(path) => StoreError::DiskFull {
                path: shown,
                detail: format!("{detail}: no space left"),
            },
            StoreError::DiskIo { path: None, detail } => StoreError::DiskIo { path: shown, detail },
            other => other,
        }
    }
}

/// Whether the file system holding `path` has (next to) no room left: less
/// than SQLite needs for a page and its journal, so a write there fails.
#[cfg(unix)]
fn file_system_full(path: &std::path::Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    const ROOM: u64 = 64 * 1024;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let Ok(name) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `name` is NUL-terminated and outlives the call; statvfs only
    // writes into `stats`, which is read only when it succeeded.
    if unsafe { libc::statvfs(name.as_ptr(), stats.as_mut_ptr()) } != 0 {
        return false;
    }
    let stats = unsafe { stats.assume_init() };
    // The field types differ between Unixes (u32 on some, u64 on Linux).
    #[allow(clippy::useless_conversion)]
    let room = u64::from(stats.f_bavail).saturating_mul(u64::from(stats.f_frsize));
    room < ROOM
}

#[cfg(not(unix))]
fn file_system_full(_path: &std::path::Path) -> bool {
    false
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy(detail),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Damaged { path: None, detail },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: None, detail },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: None, detail },
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen { path: None, detail },
            // A failed read(), write() or mmap(): the extended code does not
            // carry errno, so `at` tells a full disk from other failures.
            Some(ErrorCode::SystemIoFailure) => StoreError::DiskIo { path: None, detail },
            _ => StoreError::Sqlite(detail),
        }
    }
}

impl From<postgres::Error> for StoreError {
    /// A serialization failure or deadlock is PostgreSQL's busy: the whole
    /// transaction is run again (see `retry.rs`), as on SQLite.
    fn from(e: postgres::Error) -> Self {
        use postgres::error::SqlState;
        let detail = match e.as_db_error() {
            Some(db) => db.message().to_string(),
            None => e.to_string(),
        };
        match e.code() {
            Some(code) if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED => {
                StoreError::Busy(detail)
            }
            Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => not_permitted(&e, detail),
            Some(code) if *code == SqlState::DISK_FULL => StoreError::DiskFull { path: None, detail },
            Some(code) if *code == SqlState::READ_ONLY_SQL_TRANSACTION => StoreError::ReadOnly { path: None, detail },
            _ => StoreError::Sqlite(detail),
        }
    }
}

/// A refusal of the server, with the login and roles when frontdesk's own
/// check raised it (its DETAIL is `login=… role=… needed=…`, see
/// assets/migrations/pg/0019_server_roles.sql).
fn not_permitted(e: &postgres::Error, detail: String) -> StoreError {
    let fields: Vec<(&str, &str)> = e
        .as_db_error()
        .and_then(|db| db.detail())
        .map(|d| d.split(' ').filter_map(|kv| kv.split_once('=')).collect())
        .unwrap_or_default();
    let field = |name: &str| fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    StoreError::NotPermitted {
        login: field("login").unwrap_or_default(),
        role: field("role").and_then(|r| r.parse().ok()),
        needed: field("needed").and_then(|r| r.parse().ok()),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> StoreError {
        StoreError::from(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn sqlite_result_codes_become_typed_errors() {
        assert!(matches!(sqlite(ffi::SQLITE_BUSY), StoreError::Busy(_)));
        assert!(matches!(sqlite(ffi::SQLITE_CORRUPT), StoreError::Damaged { .. }));
        assert!(matches!(sqlite(ffi::SQLITE_NOTADB), StoreError::Damaged { .. }));
        assert!(matches!(sqlite(ffi::SQLITE_READONLY), StoreError::ReadOnly { .. }));
        assert!(matches!(
            sqlite(ffi::SQLITE_READONLY_DIRECTORY),
            StoreError::ReadOnly { .. }
        ));
        assert!(matches!(sqlite(ffi::SQLITE_FULL), StoreError::DiskFull { .. }));
        assert!(matches!(sqlite(ffi::SQLITE_IOERR_WRITE), StoreError::DiskIo { .. }));
        let named = sqlite(ffi::SQLITE_FULL).at(std::path::Path::new("/srv/fd.db"));
        assert!(named.to_string().contains("/srv/fd.db"), "{named}");
    }

    /// A failed read or write is a disk I/O error naming the file, and a full
    /// disk only where the file system really has no room (see
    /// tests/it/backup_doctor.rs for a real full one).
    #[test]
    fn an_io_failure_names_the_file_and_is_full_only_on_a_full_disk() {
        let dir = tempfile::tempdir().unwrap();
        let named = sqlite(ffi::SQLITE_IOERR_WRITE).at(&dir.path().join("fd.db"));
        match named {
            StoreError::DiskIo { path: Some(path), .. } => assert!(path.ends_with("fd.db")),
            other => panic!("{other:?}"),
        }
    }

    /// SQLite's own refusals, not hand-made codes: a write through a
    /// read-only connection, and a file that may not grow (SQLite answers
    /// SQLITE_FULL exactly as when the disk is full).
    #[test]
    fn sqlite_refusals_become_typed_errors() {
        use rusqlite::{Connection, OpenFlags};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x BLOB)").unwrap();
        let read_only = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let err = read_only.execute("INSERT INTO t VALUES (1)", []).unwrap_err();
        assert!(matches!(StoreError::from(err), StoreError::ReadOnly { .. }));
        let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        conn.pragma_update(None, "max_page_count", pages).unwrap();
        let err = conn.execute("INSERT INTO t VALUES (zeroblob(100000))", []).unwrap_err();
        let full = StoreError::from(err);
        assert!(matches!(full, StoreError::DiskFull { .. }), "{full:?}");
        assert!(full.to_string().contains("is full"), "{full}");
    }

    #[test]
    fn errno_becomes_typed_errors() {
        let path = std::path::Path::new("/srv/fd.db");
        let os = std::io::Error::from_raw_os_error;
        let cases = [
            (libc::ENOSPC, "is full"),
            (libc::EROFS, "cannot be written"),
            (libc::EACCES, "cannot be written"),
            (libc::EIO, "cannot use"),
        ];
        for (errno, says) in cases {
            let message = StoreError::io(path, os(errno)).to_string();
            assert!(
                message.contains(says) && message.contains("/srv/fd.db"),
                "{errno}: {message}"
            );
        }
    }
}
