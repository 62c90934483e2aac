//! Consistent copies of a live database through SQLite's online backup API.
//!
//! The copy is made into a private temporary file beside the destination,
//! synced, and renamed over it only when complete, so a crash or a full disk
//! never leaves a half-written backup under the real name, and a reader of
//! the backup folder only ever sees whole files. The temporary files of
//! killed backups are removed by the next backup into the folder.

mod files;

use super::open::{create_private, create_private_dir, sidecar};
use super::{Store, StoreError};
use files::{check_destination, remove_abandoned_temps, temp_name};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::{Duration, Instant};

/// Whether `path` is a regular file holding a frontdesk database (its
/// header says so). Only the header is read; nothing blocks on a FIFO.
pub fn is_frontdesk_file(path: &Path) -> bool {
    files::is_frontdesk_file(path).unwrap_or(false)
}

/// What a backup wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BackupInfo {
    pub path: String,
    pub bytes: u64,
    pub pages: i64,
    pub millis: u128,
}

/// How long a backup keeps trying while a writer holds the file (only in
/// rollback-journal mode; in WAL mode readers never wait).
const BACKUP_PATIENCE: Duration = Duration::from_secs(60);

impl Store {
    /// Copies the database to `dest`. Only a missing file, an empty one or
    /// an older frontdesk backup of the caller's is replaced (atomically);
    /// anything else there is refused (see [`files::check_destination`]).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo, StoreError> {
        write_backup(&self.path, dest, |tmp| self.copy_into(tmp))
    }

    /// `backup` of a database on a PostgreSQL server: a frontdesk SQLite
    /// file, written as [`Store::copy_database`] copies (one snapshot of
    /// the server, every table), under the same rules for `dest` as a
    /// file's backup.
    pub fn backup_postgres_to(
        &mut self,
        dest: &Path,
        progress: &dyn super::CopyProgress,
    ) -> Result<BackupInfo, StoreError> {
        let options = self.options.clone();
        write_backup(Path::new(""), dest, |tmp| {
            let mut file = Store::create(tmp, &options)?;
            self.copy_database(&mut file, progress)?;
            let conn = file.sqlite()?;
            // Self-contained, as a file's backup is: no -wal beside it.
            conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
            Ok(conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
        })
    }
}

/// Writes a backup of `live` (a file; empty for a server) to `dest` through
/// a private temporary file `fill` writes, renamed over `dest` only when whole.
fn write_backup(
    live: &Path,
    dest: &Path,
    fill: impl FnOnce(&Path) -> Result<i64, StoreError>,
) -> Result<BackupInfo, StoreError> {
    let started = Instant::now();
    check_destination(live, dest)?;
    let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => {
            create_private_dir(dir).map_err(|e| io(dir, e))?;
            dir
        }
        None => Path::new("."),
    };
    remove_abandoned_temps(dir);
    let tmp = temp_name(dest);
    let result = fill(&tmp).and_then(|pages| {
        std::fs::rename(&tmp, dest).map_err(|e| io(dest, e))?;
        sync_dir(dest);
        Ok(pages)
    });
    let pages = match result {
        Ok(pages) => pages,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            for suffix in ["-journal", "-wal", "-shm"] {
                let _ = std::fs::remove_file(sidecar(&tmp, suffix));
            }
            return Err(e);
        }
    };
    let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        path: dest.display().to_string(),
        bytes,
        pages,
        millis: started.elapsed().as_millis(),
    })
}

impl Store {
    /// Runs the backup into `tmp` (created private) and makes it a
    /// self-contained file in rollback-journal mode.
    fn copy_into(&self, tmp: &Path) -> Result<i64, StoreError> {
        // A leftover from a killed backup with the same name is ours to replace.
        let _ = std::fs::remove_file(tmp);
        // The temporary name is ours, not the user's: a refusal here is about
        // the destination's folder, and is named so.
        let folder = tmp
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        create_private(tmp).map_err(|e| io(folder, e))?;
        let mut to = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        {
            let backup = Backup::new(self.sqlite()?, &mut to)?;
            let deadline = Instant::now() + BACKUP_PATIENCE;
            // All pages in one step: the copy is one read transaction on the
            // source, a consistent snapshot however much others write meanwhile.
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More | StepResult::Busy | StepResult::Locked if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    _ => {
                        return Err(StoreError::Busy(
                            "the database stayed locked while taking the backup".into(),
                        ));
                    }
                }
            }
        }
        // The copy carries the source's WAL flag; a backup should be one file.
        to.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        let pages: i64 = to.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        to.close().map_err(|(_, e)| StoreError::from(e))?;
        std::fs::File::open(tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io(tmp, e))?;
        Ok(pages)
    }
}

/// Makes the rename durable; best effort (not every platform can open a folder).
fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// An I/O error typed by its errno (a read-only folder, a full disk).
fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::io(path, source)
}
