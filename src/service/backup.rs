//! Backups: `backup DEST` on demand, and the optional daily backup with
//! rotation (config `[backup] dir`, `keep`).

use super::{Ctx, Error};
use crate::store::{BackupInfo, Store};
use std::path::{Path, PathBuf};

/// A consistent copy of the live database at `dest`, taken through SQLite's
/// online backup API while other agents go on writing. The file is created
/// without access for others; an existing file that is not a frontdesk
/// database is never overwritten.
pub fn backup(store: &Store, dest: &Path) -> Result<BackupInfo, Error> {
    Ok(store.backup_to(dest)?)
}

/// What the daily backup did.
#[derive(Debug, Clone, Default)]
pub struct DailyBackup {
    /// The backup written, when this was the day's first run.
    pub written: Option<BackupInfo>,
    /// Old backups deleted by the rotation.
    pub removed: Vec<PathBuf>,
}

/// `frontdesk-YYYY-MM-DD.db` for the UTC date of `ctx.now`.
pub fn daily_name(ctx: &Ctx) -> String {
    format!("frontdesk-{}.db", ctx.now.format("%Y-%m-%d"))
}

/// Writes today's backup into `dir` unless it is there already, then keeps
/// only the newest `keep` daily backups. Only files named like daily
/// backups are ever deleted. Called by the CLI before each command and by
/// the TUI at start; cheap when today's backup exists.
pub fn daily(store: &Store, ctx: &Ctx, dir: &Path, keep: usize) -> Result<DailyBackup, Error> {
    let dest = dir.join(daily_name(ctx));
    if dest.exists() {
        return Ok(DailyBackup::default());
    }
    let written = store.backup_to(&dest)?;
    let removed = rotate(dir, keep).map_err(|e| {
        Error::Storage(crate::store::StoreError::Io {
            path: dir.display().to_string(),
            source: e,
        })
    })?;
    Ok(DailyBackup {
        written: Some(written),
        removed,
    })
}

fn is_daily_name(name: &str) -> bool {
    name.strip_prefix("frontdesk-")
        .and_then(|rest| rest.strip_suffix(".db"))
        .is_some_and(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
}

/// Deletes the oldest daily backups beyond `keep` (the names sort by date).
fn rotate(dir: &Path, keep: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut daily: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(is_daily_name))
        .map(|e| e.path())
        .collect();
    daily.sort();
    let excess = daily.len().saturating_sub(keep.max(1));
    let mut removed = Vec::with_capacity(excess);
    for path in daily.into_iter().take(excess) {
        std::fs::remove_file(&path)?;
        removed.push(path);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_daily_backup_names_count() {
        for (name, ok) in [
            ("frontdesk-2026-10-05.db", true),
            ("frontdesk-2026-13-05.db", false),
            ("frontdesk-2026-10-05.db.bak", false),
            ("frontdesk.db", false),
            ("notes-2026-10-05.db", false),
        ] {
            assert_eq!(is_daily_name(name), ok, "{name}");
        }
    }

    #[test]
    fn rotation_keeps_the_newest_and_leaves_other_files() {
        let dir = tempfile::tempdir().unwrap();
        for day in 1..=5 {
            std::fs::write(dir.path().join(format!("frontdesk-2026-10-0{day}.db")), "x").unwrap();
        }
        std::fs::write(dir.path().join("frontdesk.db"), "mine").unwrap();
        let removed = rotate(dir.path(), 2).unwrap();
        assert_eq!(removed.len(), 3);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["frontdesk-2026-10-04.db", "frontdesk-2026-10-05.db", "frontdesk.db"]
        );
    }
}
