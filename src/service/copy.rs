//! `copy --from SRC --to DEST`: the whole database into an empty one, on
//! either engine, with progress and a way to stop (see `store::copy`).

use super::Error;
use super::database::Database;
use super::progress::{Progress, Stage};
use crate::store::CopyProgress;

pub use crate::store::{BackupInfo, Copied};

/// The store's progress told to the service's listener, one stage of rows.
struct Told<'a> {
    progress: &'a dyn Progress,
    cancelled: &'a dyn Fn() -> bool,
}

impl CopyProgress for Told<'_> {
    fn total(&self, rows: u64) {
        self.progress.stage(Stage::Rows, Some(rows));
    }

    fn copied(&self, rows: u64) {
        self.progress.advance(rows);
    }

    fn cancelled(&self) -> bool {
        (self.cancelled)()
    }
}

/// `backup` of a database on a PostgreSQL server: a new SQLite file at
/// `dest` (see [`Database::backup_postgres_to`]).
pub fn backup_postgres(
    server: &mut Database,
    dest: &std::path::Path,
    progress: &dyn Progress,
    cancelled: &dyn Fn() -> bool,
) -> Result<BackupInfo, Error> {
    Ok(server.backup_postgres_to(dest, &Told { progress, cancelled })?)
}

pub use crate::store::{LATEST_VERSION, ServerHealth};

/// `doctor` on a PostgreSQL database (see `store::pg_doctor`).
pub fn server_health(server: &mut Database) -> Result<ServerHealth, Error> {
    Ok(server.server_health()?)
}

/// Copies `from` into `to`, which must hold no data; all or nothing.
/// `cancelled` is asked between batches (Ctrl-C): when it says so the
/// destination's transaction rolls back.
pub fn copy(
    from: &mut Database,
    to: &mut Database,
    progress: &dyn Progress,
    cancelled: &dyn Fn() -> bool,
) -> Result<Copied, Error> {
    Ok(from.copy_database(to, &Told { progress, cancelled })?)
}
