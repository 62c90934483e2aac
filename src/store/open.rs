//! Opening a file safely: a file that is not ours, or is newer than this
//! binary, is refused before anything is written to it.

use super::header::{self, HeaderCheck};
use super::migrations::{self, APPLICATION_ID, LATEST_VERSION};
use super::{Foreign, StoreError};
use crate::domain::error::Invalid;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// WAL lets readers work while one agent writes, but needs shared memory, so
/// a file on a network share must use the rollback journal (`delete`).
/// (The settings file has its own `config::JournalMode`; the service maps it.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JournalMode {
    #[default]
    Wal,
    Delete,
}

impl JournalMode {
    /// The name in the config file and in `PRAGMA journal_mode`.
    pub fn name(self) -> &'static str {
        match self {
            JournalMode::Wal => "wal",
            JournalMode::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub journal: JournalMode,
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            journal: JournalMode::Wal,
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// An open connection, and the journal mode the file was in before this
/// open set the configured one (for `doctor`: another agent's setting).
pub struct Opened {
    pub conn: Connection,
    pub journal_found: String,
}

/// What opening does when the file is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMissing {
    /// Create it, with its folders (`init`, `demo`, the TUI's first start).
    Create,
    /// Refuse with [`StoreError::Missing`], creating nothing: a typo in
    /// `--db` must not leave folders and an empty database behind. An empty
    /// file is refused too ([`StoreError::Empty`]).
    Refuse,
}

pub fn open(path: &Path, options: &OpenOptions, if_missing: IfMissing) -> Result<Opened, StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() == 0 && meta.is_file() && if_missing == IfMissing::Refuse => return Err(empty(path)),
        Ok(meta) => refuse_non_file(path, &meta)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match if_missing {
            IfMissing::Refuse => return Err(missing(path)),
            IfMissing::Create => {
                let io = |e| StoreError::io(path, e);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    create_private_dir(dir).map_err(io)?;
                }
                create_private(path).map_err(io)?;
            }
        },
        Err(e) => return Err(StoreError::io(path, e)),
    }
    let has_content = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
    // Every step below reads or writes the file, so each can meet another
    // agent's lock: the whole sequence is retried on busy. SQLite reads the
    // header under its locks and refuses a bad one (SQLITE_NOTADB); only
    // then is the header read here, to say what is wrong with it.
    super::retry::on_busy(super::retry::PATIENCE, || connect(path, has_content, options)).map_err(|e| explain(path, e))
}

/// Opens an existing file as it is — not migrated, not checked to be ours —
/// with every write switched off (`query_only`), so `doctor` can examine a
/// damaged or foreign file and still write nothing. It is not opened with
/// SQLITE_OPEN_READONLY: such a connection cannot remove the -wal and -shm
/// files it has to create for a WAL file, and would leave them behind.
pub fn open_query_only(path: &Path, options: &OpenOptions) -> Result<Connection, StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() == 0 && meta.is_file() => return Err(empty(path)),
        Ok(meta) => refuse_non_file(path, &meta)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing(path)),
        Err(e) => return Err(StoreError::io(path, e)),
    }
    // A file no one may write, or one in a read-only folder, cannot change
    // under us: opened immutable, SQLite needs no -shm beside it (which it
    // could neither create there nor remove afterwards). A -wal left beside
    // it still holds data, so then the file is opened as usual.
    let frozen = write_access(path).is_some() && !sidecar(path, "-wal").exists();
    let opened = if frozen {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(immutable_uri(path), flags)
    } else {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(path, flags)
    }
    .and_then(|conn| {
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(conn)
    });
    let mut conn = opened.map_err(|e| explain(path, e.into()))?;
    wait_when_busy(&mut conn, options.busy_timeout)?;
    Ok(conn)
}

/// `file:PATH?immutable=1`, with the characters URIs reserve escaped.
#[cfg(unix)]
fn immutable_uri(path: &Path) -> std::path::PathBuf {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let mut uri: Vec<u8> = if path.is_absolute() {
        b"file://".to_vec()
    } else {
        b"file:".to_vec()
    };
    for &byte in path.as_os_str().as_bytes() {
        match byte {
            b'%' | b'?' | b'#' => uri.extend_from_slice(format!("%{byte:02X}").as_bytes()),
            byte => uri.push(byte),
        }
    }
    uri.extend_from_slice(b"?immutable=1");
    std::path::PathBuf::from(std::ffi::OsString::from_vec(uri))
}

#[cfg(not(unix))]
fn immutable_uri(path: &Path) -> std::path::PathBuf {
    let escaped = path
        .to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3F")
        .replace('#', "%23");
    std::path::PathBuf::from(format!("file:{escaped}?immutable=1"))
}

fn missing(path: &Path) -> StoreError {
    StoreError::Missing {
        path: path.display().to_string(),
    }
}

/// An empty file is no database yet: only the commands that create one
/// (`init`, `demo`, the TUI's first start) may make it one.
fn empty(path: &Path) -> StoreError {
    StoreError::Empty {
        path: path.display().to_string(),
    }
}

/// A folder or a device given as the database is the caller's mistake.
fn refuse_non_file(path: &Path, meta: &std::fs::Metadata) -> Result<(), StoreError> {
    if meta.is_file() {
        return Ok(());
    }
    let kind = if meta.is_dir() {
        crate::domain::error::FileKind::Folder
    } else {
        crate::domain::error::FileKind::Special
    };
    Err(Invalid::new(
        "database",
        path.display().to_string(),
        crate::domain::error::Reason::DatabaseNotFile { kind },
    )
    .into())
}

/// Says what is wrong with the file when SQLite only says "not a database",
/// "malformed", "read-only" or "cannot open": not SQLite at all, a damaged
/// header, a copy cut short, a write-protected file or folder. What the
/// file holds comes first: a damaged file is damaged, writable or not.
fn explain(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Damaged { .. } => header_problem(path).unwrap_or(e).at(path),
        StoreError::ReadOnly { .. } | StoreError::CannotOpen { .. } => header_problem(path)
            .or_else(|| write_access(path))
            .unwrap_or(e)
            .at(path),
        e => e.at(path),
    }
}

/// What the file's own header says is wrong with it, if anything.
fn header_problem(path: &Path) -> Option<StoreError> {
    let shown = path.display().to_string();
    match header::check(path).ok()? {
        HeaderCheck::NotSqlite => Some(StoreError::NotFrontdesk {
            path: shown,
            why: Foreign::NotSqlite,
        }),
        HeaderCheck::Damaged { why } => Some(StoreError::BadHeader { path: shown, why }),
        HeaderCheck::Truncated { bytes, expected } => Some(StoreError::Truncated {
            path: shown,
            bytes,
            expected,
        }),
        HeaderCheck::Empty | HeaderCheck::Sound => None,
    }
}

/// Why the file cannot be written, when that is the reason: the file itself
/// or its folder (where SQLite keeps the -wal, -shm and -journal files).
fn write_access(path: &Path) -> Option<StoreError> {
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return Some(StoreError::io(path, e));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (!writable(dir)).then(|| StoreError::ReadOnly {
        path: Some(path.display().to_string()),
        detail: format!(
            "its folder {} is read-only, and SQLite keeps its -wal, -shm and -journal files there",
            dir.display()
        ),
    })
}

#[cfg(unix)]
fn writable(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(name) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `name` is a NUL-terminated string that outlives the call;
    // access() only reads it.
    unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(_dir: &Path) -> bool {
    true
}

fn connect(path: &Path, has_content: bool, options: &OpenOptions) -> Result<Opened, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    // SQLite quietly falls back to read-only on a write-protected file; every
    // command may write (defaults, presence), so say so now, before a read
    // leaves -wal and -shm files that this connection could not remove.
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnly {
            path: None,
            detail: "the file is write-protected".into(),
        });
    }
    wait_when_busy(&mut conn, options.busy_timeout)?;
    if has_content {
        check_is_ours(&conn, path)?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let journal_found: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    let wanted = options.journal.name();
    // SQLite answers with the mode in force, which is not always the one
    // asked for; working on in another mode than configured would be silent
    // (and WAL on a network share unsafe), so it is an error.
    let got: String = conn.pragma_update_and_check(None, "journal_mode", wanted, |r| r.get(0))?;
    if !got.eq_ignore_ascii_case(wanted) {
        return Err(StoreError::Sqlite(format!(
            "{} stays in journal mode {got} although the config asks for {wanted}",
            path.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    tune(&conn)?;
    migrations::migrate(&mut conn)?;
    Ok(Opened { conn, journal_found })
}

/// Statements kept prepared per connection.
const STATEMENT_CACHE: usize = 128;

/// Settings for the work every command does, on every connection. (SQLite's
/// page cache stays at its 2 MiB default: the TUI holds three connections,
/// and 16 MiB each raised its peak memory by 40 MB for no gain the queue
/// showed once it stopped reading every active ticket.)
///
/// The query planner's stability guarantee (QPSG) keeps a cached statement's
/// plan when new values are bound. Without it the bundled SQLite (built with
/// STAT4) re-plans statements such as "the events of ticket ?1" at every
/// new id: a quarter of `ticket list --queue` went into preparing the same
/// statement 250 times. Every hot query is written to take its index
/// whatever the values (the plan snapshot tests hold them to it).
///
/// The statement cache holds more than rusqlite's 16: one ticket written
/// (a mail message taken, say) runs some 40 distinct statements, so with 16
/// they pushed each other out and a fifth of the time went into preparing
/// them again.
fn tune(conn: &Connection) -> Result<(), StoreError> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// While another agent holds a lock, polls for it every millisecond for up
/// to `timeout`. SQLite's own busy timeout backs off to 100 ms between
/// polls, so an agent that has waited long polls least often and newcomers
/// overtake it: with eight writers some waited 20 s (see benches/writers.rs).
/// Polling at a steady pace keeps the worst wait close to the queue length.
fn wait_when_busy(conn: &mut Connection, timeout: Duration) -> Result<(), StoreError> {
    let mut waiting_since = std::time::Instant::now();
    conn.busy_handler(Some(move |count: i32| {
        if count == 0 {
            waiting_since = std::time::Instant::now();
        }
        if waiting_since.elapsed() >= timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
        true
    }))?;
    Ok(())
}

/// Creates the file readable and writable by its owner and group only: it
/// holds customers' personal data, and a team shares it through a group.
/// The mode is set explicitly after creating, as the umask (077 for many)
/// would otherwise take the group's access away. SQLite gives the -wal, -shm
/// and -journal files the database file's mode (tests check it).
pub(super) fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o660);
    match options.open(path) {
        #[cfg(unix)]
        Ok(file) => file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o660)),
        #[cfg(not(unix))]
        Ok(_) => Ok(()),
        // Another agent created it first: fine, it is the same file.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// A file SQLite keeps beside the database: `frontdesk.db` + `-wal` →
/// `frontdesk.db-wal` (also `-shm`, `-journal`).
pub fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// Creates missing folders without access for others (owner and group only,
/// as the files in them, whatever the umask); folders that exist are left
/// as they are. A folder made inside a setgid folder (a team's shared
/// folder) stays setgid, so the files in it keep taking the team's group.
pub(super) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        create_private_dir(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o770);
    match builder.create(dir) {
        Ok(()) => {}
        // Another agent made it meanwhile.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let parent = parent.unwrap_or(Path::new("."));
        let setgid = std::fs::metadata(parent).map_or(0, |m| m.permissions().mode() & 0o2000);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o770 | setgid))?;
    }
    Ok(())
}

/// Reads only the header fields; nothing here writes to the file.
fn check_is_ours(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let not_ours = |why: Foreign| StoreError::NotFrontdesk {
        path: path.display().to_string(),
        why,
    };
    // A damaged file fails here; `open` then says how it is damaged.
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app_id == APPLICATION_ID {
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.display().to_string(),
                found: version,
                known: LATEST_VERSION,
            });
        }
        return Ok(());
    }
    if app_id != 0 {
        return Err(not_ours(Foreign::OtherApplication { id: app_id }));
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if objects > 0 {
        return Err(not_ours(Foreign::OtherTables));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::StatementStatus;

    fn opened() -> (tempfile::TempDir, Opened) {
        let dir = tempfile::tempdir().unwrap();
        let opened = open(&dir.path().join("t.db"), &OpenOptions::default(), IfMissing::Create).unwrap();
        (dir, opened)
    }

    /// A cached statement run for one id after another keeps its plan:
    /// re-preparing it per id cost a quarter of the queue command.
    #[test]
    fn a_cached_statement_is_not_prepared_again_per_bound_value() {
        let (_dir, Opened { conn, .. }) = opened();
        conn.execute_batch("ANALYZE").unwrap();
        let mut stmt = conn
            .prepare_cached("SELECT at, event FROM ticket_events WHERE ticket_id = ?1 ORDER BY at, id")
            .unwrap();
        for id in 1..=20 {
            stmt.query_map([id], |r| r.get::<_, i64>(0)).unwrap().for_each(drop);
        }
        assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0);
    }

    #[test]
    fn every_connection_keeps_its_plans() {
        let (_dir, Opened { conn, .. }) = opened();
        let qpsg = conn
            .db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG)
            .unwrap();
        assert!(qpsg);
    }
}
