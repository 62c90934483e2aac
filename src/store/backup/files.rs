//! The files around a backup: what may stand at the destination, and the
//! temporary copy written beside it.
//!
//! The copy is written to `.NAME.frontdesk-tmp.HOST.PID` in the destination's
//! folder and renamed over NAME when whole. A backup killed meanwhile (kill
//! -9, power loss) leaves that file behind; the next backup into the folder
//! removes it once its writer is known to be gone: a dead process on this
//! host, or, for any host (a shared network folder), no change for an hour.

use super::super::StoreError;
use super::super::migrations::APPLICATION_ID;
use crate::domain::error::Invalid;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What marks a temporary backup copy in its name.
const MARKER: &str = ".frontdesk-tmp.";

/// A temporary copy untouched this long is abandoned, whoever wrote it: a
/// running backup writes to it continuously until it is renamed.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// Refuses a destination that is not a missing file, an empty file or an
/// older frontdesk backup owned by the caller: a folder, a symbolic link, a
/// FIFO, a device or socket, the live database itself, another user's file
/// or any other content. Only metadata and the header are read.
pub(super) fn check_destination(live: &Path, dest: &Path) -> Result<(), StoreError> {
    let refuse = |problem: crate::domain::error::DestinationProblem| {
        StoreError::Invalid(Invalid::new(
            "destination",
            dest.display().to_string(),
            crate::domain::error::Reason::Destination(problem),
        ))
    };
    if let Some(suffix) = sidecar_of(live, dest) {
        return Err(refuse(crate::domain::error::DestinationProblem::Sidecar {
            suffix: suffix.to_string(),
        }));
    }
    let meta = match std::fs::symlink_metadata(dest) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(dest, e)),
    };
    if !meta.file_type().is_file() {
        return Err(refuse(crate::domain::error::DestinationProblem::NotRegular {
            kind: kind_of(&meta.file_type()),
        }));
    }
    if let Ok(live_meta) = std::fs::metadata(live)
        && same_file(&live_meta, &meta)
    {
        return Err(refuse(crate::domain::error::DestinationProblem::Live));
    }
    if let Some(owner) = foreign_owner(&meta) {
        return Err(refuse(crate::domain::error::DestinationProblem::Foreign { uid: owner }));
    }
    if meta.len() == 0 || is_frontdesk_file(dest).map_err(|e| io(dest, e))? {
        Ok(())
    } else {
        Err(refuse(crate::domain::error::DestinationProblem::NotFrontdesk))
    }
}

/// Which of the live database's -wal, -shm or -journal names `dest` is, if
/// any (whether or not that file exists now). Compared through the real
/// folders, so `./x`, `dir/../x` and a linked folder are seen through.
fn sidecar_of(live: &Path, dest: &Path) -> Option<&'static str> {
    let real = |path: &Path| -> Option<PathBuf> {
        let folder = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(folder) => folder.canonicalize().ok()?,
            None => std::env::current_dir().ok()?,
        };
        Some(folder.join(path.file_name()?))
    };
    let (live, dest) = (real(live)?, real(dest)?);
    ["-wal", "-shm", "-journal"]
        .into_iter()
        .find(|suffix| super::super::open::sidecar(&live, suffix) == dest)
}

/// "a folder", "a FIFO (named pipe)"… for a file that is not a regular file.
fn kind_of(kind: &std::fs::FileType) -> crate::domain::error::FileKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return crate::domain::error::FileKind::Fifo;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return crate::domain::error::FileKind::Device;
        }
        if kind.is_socket() {
            return crate::domain::error::FileKind::Socket;
        }
    }
    if kind.is_dir() {
        crate::domain::error::FileKind::Folder
    } else if kind.is_symlink() {
        crate::domain::error::FileKind::Symlink
    } else {
        crate::domain::error::FileKind::Special
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// The owner of a file that is not the running user's.
#[cfg(unix)]
fn foreign_owner(meta: &std::fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    (meta.uid() != me).then_some(meta.uid())
}

#[cfg(not(unix))]
fn foreign_owner(_: &std::fs::Metadata) -> Option<u32> {
    None
}

/// Whether the file's SQLite header carries frontdesk's application id.
/// Opened without following a link and without blocking, so a file swapped
/// for a FIFO since the check is never waited on.
pub(super) fn is_frontdesk_file(path: &Path) -> std::io::Result<bool> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Ok(false);
    }
    let mut header = Vec::with_capacity(100);
    file.take(100).read_to_end(&mut header)?;
    Ok(header_is_frontdesk(&header))
}

/// SQLite's magic string, then the application id at offset 68 (big-endian).
fn header_is_frontdesk(header: &[u8]) -> bool {
    header.len() >= 72
        && header.starts_with(b"SQLite format 3\0")
        && i64::from(i32::from_be_bytes([header[68], header[69], header[70], header[71]])) == APPLICATION_ID
}

/// `.NAME.frontdesk-tmp.HOST.PID` beside `dest`: same folder, so the rename
/// is atomic; host and process tell a later run whether the writer is gone.
pub(super) fn temp_name(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}{MARKER}{}.{}", host_name(), std::process::id()))
}

/// Who wrote a temporary copy, read back from its name (SQLite's -journal,
/// -wal and -shm files beside it count as part of it).
#[derive(Debug, PartialEq, Eq)]
struct TempOwner {
    host: String,
    pid: u32,
}

fn temp_owner(name: &str) -> Option<TempOwner> {
    let name = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name);
    if !name.starts_with('.') {
        return None;
    }
    let (_, writer) = name.rsplit_once(MARKER)?;
    let (host, pid) = writer.split_once('.')?;
    let pid: u32 = pid.parse().ok()?;
    // 0 and values beyond i32 are no process; never signal them.
    (pid > 0 && i32::try_from(pid).is_ok() && !host.is_empty()).then(|| TempOwner {
        host: host.to_string(),
        pid,
    })
}

/// Whether a temporary copy's writer is gone: abandoned for an hour, or a
/// process of this host that no longer runs. A writer on another host is
/// only judged by age: its process cannot be seen from here.
fn writer_gone(owner: &TempOwner, this_host: &str, idle: Duration, alive: impl Fn(u32) -> bool) -> bool {
    idle >= ABANDONED_AFTER || (owner.host == this_host && !alive(owner.pid))
}

/// Removes the temporary copies in `dir` left by killed backups. Best
/// effort: a copy that cannot be removed now is tried again next time.
pub(super) fn remove_abandoned_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let this_host = host_name();
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let Some(owner) = entry.file_name().to_str().and_then(temp_owner) else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let idle = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if writer_gone(&owner, &this_host, idle, process_alive) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    // EPERM: it exists but belongs to someone else.
    found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

/// This machine's name, reduced to letters, digits and '-' so it can sit
/// in a file name between dots.
fn host_name() -> String {
    let mut buf = [0u8; 256];
    #[cfg(unix)]
    // SAFETY: the buffer is valid for its length; the name is NUL-terminated
    // or cut at the length, and we stop at the first NUL either way.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    #[cfg(not(unix))]
    let ok = false;
    let raw = if ok {
        let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        String::new()
    };
    let name: String = raw
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .take(64)
        .collect();
    if name.is_empty() { "host".into() } else { name }
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temp_name_tells_its_writer() {
        let temp = temp_name(Path::new("/x/b.db"));
        let name = temp.file_name().unwrap().to_str().unwrap();
        let owner = temp_owner(name).unwrap();
        assert_eq!(owner.pid, std::process::id());
        assert_eq!(owner.host, host_name());
        assert_eq!(temp.parent(), Some(Path::new("/x")));
        for (name, expected) in [
            (".b.db.frontdesk-tmp.desk1.42", Some(("desk1", 42))),
            (".b.db.frontdesk-tmp.desk1.42-journal", Some(("desk1", 42))),
            (".b.db.frontdesk-tmp.desk1.42-wal", Some(("desk1", 42))),
            // Only a hidden file with the marker is ours.
            ("b.db.frontdesk-tmp.desk1.42", None),
            (".b.db.tmp-42", None),
            (".b.db.frontdesk-tmp.desk1.0", None),
            (".b.db.frontdesk-tmp.desk1.99999999999", None),
            (".b.db.frontdesk-tmp..42", None),
            (".b.db.frontdesk-tmp.desk1.x42", None),
            ("frontdesk-2026-10-05.db", None),
        ] {
            let found = temp_owner(name);
            let expected = expected.map(|(host, pid)| TempOwner { host: host.into(), pid });
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn a_temp_copy_is_removed_only_when_its_writer_is_gone() {
        let here = TempOwner {
            host: "desk1".into(),
            pid: 42,
        };
        let elsewhere = TempOwner {
            host: "desk2".into(),
            pid: 42,
        };
        let minute = Duration::from_secs(60);
        // (writer, idle, writer's process alive here, removed)
        for (owner, idle, alive, gone) in [
            (&here, minute, false, true),
            (&here, minute, true, false),
            (&here, ABANDONED_AFTER, true, true),
            (&elsewhere, minute, false, false),
            (&elsewhere, ABANDONED_AFTER, true, true),
        ] {
            assert_eq!(
                writer_gone(owner, "desk1", idle, |_| alive),
                gone,
                "{owner:?} idle {idle:?} alive {alive}"
            );
        }
    }

    #[test]
    fn only_a_frontdesk_header_counts() {
        let mut header = b"SQLite format 3\0".to_vec();
        header.resize(100, 0);
        assert!(!header_is_frontdesk(&header));
        header[68..72].copy_from_slice(&(APPLICATION_ID as i32).to_be_bytes());
        assert!(header_is_frontdesk(&header));
        assert!(!header_is_frontdesk(&header[..60]));
        let mut other = header.clone();
        other[0] = b's';
        assert!(!header_is_frontdesk(&other));
    }
}
