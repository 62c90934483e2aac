//! Backups: `backup DEST` on demand, and the optional daily backup with
//! rotation (config `[backup] dir`, `keep`).
//!
//! The daily backup follows the real calendar, never `--now`: a backup is a
//! file on disk in the real world, and a "what if" run must not leave
//! future-dated files that later push real backups out.

use super::Error;
use crate::store::{BackupInfo, Store, StoreError};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A consistent copy of the live database at `dest`, taken through SQLite's
/// online backup API while other agents go on writing. Only a missing file,
/// an empty one or an older frontdesk backup of the caller's is replaced.
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
    /// Daily backups dated after today, left alone and not counted.
    pub future: Vec<PathBuf>,
}

/// `frontdesk-YYYY-MM-DD.db` for `day`.
pub fn daily_name(day: NaiveDate) -> String {
    format!("frontdesk-{}.db", day.format("%Y-%m-%d"))
}

/// Writes `today`'s backup into `dir` unless it is there already, then keeps
/// only the newest `keep` daily backups (see [`rotation`]). Only frontdesk
/// databases named like daily backups are ever deleted. Called by the CLI before each command
/// and by the TUI at start, with the real UTC date; cheap when today's backup
/// exists. A database on a PostgreSQL server is backed up as `backup`
/// backs it up: into a frontdesk SQLite file, one snapshot of every table.
pub fn daily(store: &mut Store, today: NaiveDate, dir: &Path, keep: usize) -> Result<DailyBackup, Error> {
    let dest = dir.join(daily_name(today));
    if dest.exists() {
        return Ok(DailyBackup::default());
    }
    let written = match store.file() {
        Some(_) => store.backup_to(&dest)?,
        None => store.backup_postgres_to(&dest, &Unseen)?,
    };
    let (removed, future) = rotate(dir, today, keep).map_err(|source| StoreError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    Ok(DailyBackup {
        written: Some(written),
        removed,
        future,
    })
}

/// The daily backup of a server runs before the command, unseen: no
/// progress to show, and nothing stops it half-way.
struct Unseen;

impl crate::store::CopyProgress for Unseen {
    fn total(&self, _rows: u64) {}
    fn copied(&self, _rows: u64) {}
    fn cancelled(&self) -> bool {
        false
    }
}

/// The date of a daily backup's file name.
fn daily_date(name: &str) -> Option<NaiveDate> {
    let date = name.strip_prefix("frontdesk-")?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// What the rotation does with the daily backups found.
#[derive(Debug, PartialEq, Eq)]
struct Rotation {
    remove: Vec<NaiveDate>,
    future: Vec<NaiveDate>,
}

/// The rule: among the backups dated up to `today`, the newest `keep` (at
/// least 1) stay and older ones go. Today's backup, the one just written, is
/// never removed. Backups dated after today (from a wrong clock or an older
/// frontdesk's `--now` run) are neither counted nor removed: they say nothing
/// about which real backups are recent, and deleting them is the user's call.
fn rotation(dates: &[NaiveDate], today: NaiveDate, keep: usize) -> Rotation {
    let (mut future, mut past): (Vec<NaiveDate>, Vec<NaiveDate>) = dates.iter().partition(|d| **d > today);
    past.sort_unstable_by(|a, b| b.cmp(a));
    past.dedup();
    let remove = past.into_iter().skip(keep.max(1)).filter(|d| *d != today).collect();
    future.sort_unstable();
    Rotation { remove, future }
}

/// Applies [`rotation`] to the daily backups in `dir`: the removed ones and
/// the future-dated ones left alone.
fn rotate(dir: &Path, today: NaiveDate, keep: usize) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let dates: Vec<NaiveDate> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let date = e.file_name().to_str().and_then(daily_date)?;
            // A file that only looks like a backup (someone's own file of that
            // name) is neither counted nor deleted.
            crate::store::is_frontdesk_file(&e.path()).then_some(date)
        })
        .collect();
    let plan = rotation(&dates, today, keep);
    let mut removed = Vec::with_capacity(plan.remove.len());
    for day in plan.remove {
        let path = dir.join(daily_name(day));
        std::fs::remove_file(&path)?;
        removed.push(path);
    }
    let future = plan.future.into_iter().map(|d| dir.join(daily_name(d))).collect();
    Ok((removed, future))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn days(list: &[&str]) -> Vec<NaiveDate> {
        list.iter().map(|s| day(s)).collect()
    }

    #[test]
    fn only_daily_backup_names_count() {
        for (name, date) in [
            ("frontdesk-2026-10-05.db", Some("2026-10-05")),
            ("frontdesk-2026-13-05.db", None),
            ("frontdesk-2026-10-05.db.bak", None),
            ("frontdesk.db", None),
            ("notes-2026-10-05.db", None),
            (".frontdesk-2026-10-05.db.frontdesk-tmp.host.12", None),
        ] {
            assert_eq!(daily_date(name), date.map(day), "{name}");
        }
    }

    #[test]
    fn the_rotation_rule() {
        let today = "2026-10-05";
        // (found, keep, removed, future)
        type Case<'a> = (&'a [&'a str], usize, &'a [&'a str], &'a [&'a str]);
        let cases: &[Case] = &[
            // The newest `keep` stay.
            (
                &["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"],
                2,
                &["2026-10-03", "2026-10-02", "2026-10-01"],
                &[],
            ),
            // Fewer than `keep`: nothing goes.
            (&["2026-10-04", "2026-10-05"], 7, &[], &[]),
            // The 2030 trap: future-dated files neither count nor push
            // today's backup or the real ones out.
            (
                &["2030-01-01", "2030-01-02", "2026-10-04", "2026-10-05"],
                2,
                &[],
                &["2030-01-01", "2030-01-02"],
            ),
            (
                &["2030-01-02", "2026-10-03", "2026-10-04", "2026-10-05", "2030-01-01"],
                1,
                &["2026-10-04", "2026-10-03"],
                &["2030-01-01", "2030-01-02"],
            ),
            // keep = 0 never removes today's backup.
            (&["2026-10-04", "2026-10-05"], 0, &["2026-10-04"], &[]),
            // Tomorrow is the future too (a clock ahead by a day).
            (&["2026-10-06", "2026-10-05"], 1, &[], &["2026-10-06"]),
        ];
        for (found, keep, removed, future) in cases {
            let plan = rotation(&days(found), day(today), *keep);
            assert_eq!(plan.remove, days(removed), "{found:?} keep {keep}");
            assert_eq!(plan.future, days(future), "{found:?} keep {keep}");
        }
    }

    /// The first 100 bytes of a frontdesk database: what the rotation checks.
    fn frontdesk_header() -> Vec<u8> {
        let mut header = vec![0u8; 100];
        header[..16].copy_from_slice(b"SQLite format 3\0");
        let id = i32::try_from(crate::store::APPLICATION_ID).unwrap();
        header[68..72].copy_from_slice(&id.to_be_bytes());
        header
    }

    #[test]
    fn rotation_deletes_only_old_daily_backups() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "frontdesk-2026-10-01.db",
            "frontdesk-2026-10-02.db",
            "frontdesk-2026-10-03.db",
            "frontdesk-2030-01-01.db",
            "frontdesk.db",
        ] {
            std::fs::write(dir.path().join(name), frontdesk_header()).unwrap();
        }
        // Named like the oldest backup, but not one: neither counted nor deleted.
        std::fs::write(dir.path().join("frontdesk-2026-09-30.db"), "my notes").unwrap();
        let (removed, future) = rotate(dir.path(), day("2026-10-03"), 2).unwrap();
        assert_eq!(removed, [dir.path().join("frontdesk-2026-10-01.db")]);
        assert_eq!(future, [dir.path().join("frontdesk-2030-01-01.db")]);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "frontdesk-2026-09-30.db",
                "frontdesk-2026-10-02.db",
                "frontdesk-2026-10-03.db",
                "frontdesk-2030-01-01.db",
                "frontdesk.db"
            ]
        );
    }
}
