//! Opening a file safely: a file that is not ours, or is newer than this
//! binary, is refused before anything is written to it.

use super::StoreError;
use super::migrations::{self, APPLICATION_ID, LATEST_VERSION};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// WAL lets readers work while one agent writes, but needs shared memory, so
/// a file on a network share must use the rollback journal (`delete`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JournalMode {
    #[default]
    Wal,
    Delete,
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

pub fn open(path: &Path, options: &OpenOptions) -> Result<Connection, StoreError> {
    let io = |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    };
    let has_content = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
    if !path.exists() {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(io)?;
        }
        create_private(path).map_err(io)?;
    }
    // Every step below reads or writes the file, so each can meet another
    // agent's lock: the whole sequence is retried on busy.
    super::retry::on_busy(super::retry::PATIENCE, || connect(path, has_content, options))
}

fn connect(path: &Path, has_content: bool, options: &OpenOptions) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    wait_when_busy(&mut conn, options.busy_timeout)?;
    if has_content {
        check_is_ours(&conn, path)?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let mode = match options.journal {
        JournalMode::Wal => "WAL",
        JournalMode::Delete => "DELETE",
    };
    conn.pragma_update_and_check(None, "journal_mode", mode, |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
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
    let not_ours = |why: String| StoreError::NotFrontdesk {
        path: path.display().to_string(),
        why,
    };
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| match e {
            // Locked by another agent is not "not ours": the caller retries.
            e if super::error::is_busy(&e) => StoreError::from(e),
            e => not_ours(format!("not an SQLite database: {e}")),
        })?;
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
        return Err(not_ours(format!(
            "it belongs to another program (application id {app_id:#x})"
        )));
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if objects > 0 {
        return Err(not_ours("it holds another program's tables".into()));
    }
    Ok(())
}
