//! `backup DEST`: what may stand at DEST, atomic replacement, and the
//! temporary copies a killed backup leaves behind.

use crate::care_support;
use crate::skip;

use care_support::{Desk, file_names, stderr};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Runs `backup DEST`, which must be refused with exit 2 naming DEST and `what`.
fn refused(desk: &Desk, dest: &Path, what: &str) {
    let out = desk.run(&["backup".as_ref(), dest.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{}: {err}", dest.display());
    assert!(err.contains(&format!("{:?}", dest.display().to_string())), "{err}");
    assert!(err.contains(what), "{what}: {err}");
}

#[test]
fn a_fifo_device_folder_or_symlink_as_dest_is_refused_with_exit_2() {
    let desk = Desk::new();
    let dir = desk.path("out");
    std::fs::create_dir(&dir).unwrap();

    let fifo = dir.join("pipe.db");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    refused(&desk, &fifo, "is a FIFO");
    // SQLite's own files beside the live database: a copy there would be
    // taken for the WAL or a hot journal (and deleted when the file closes).
    for suffix in ["-wal", "-shm", "-journal"] {
        let beside = frontdesk::store::sidecar(&desk.db, suffix);
        refused(&desk, &beside, "the live database's");
        assert!(!beside.exists() || suffix != "-journal", "{}", beside.display());
    }
    refused(&desk, Path::new("/dev/null"), "is a device");
    refused(&desk, &dir, "is a folder");

    // A link is refused even when it points at a frontdesk backup.
    let real = dir.join("real.db");
    desk.ok(&["backup", real.to_str().unwrap()]);
    let before = std::fs::read(&real).unwrap();
    let link = dir.join("link.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    desk.ticket();
    refused(&desk, &link, "is a symbolic link");
    assert_eq!(std::fs::read(&real).unwrap(), before);

    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // Nothing was written beside them: no temporary copy, no new file.
    assert_eq!(file_names(&dir), ["link.db", "pipe.db", "real.db"]);
}

#[test]
fn another_users_file_is_refused() {
    // SAFETY: no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        skip::skip("only root can give a file to another user here");
        return;
    }
    let desk = Desk::new();
    let theirs = desk.path("theirs.db");
    desk.ok(&["backup", theirs.to_str().unwrap()]);
    std::os::unix::fs::chown(&theirs, Some(65534), None).unwrap();
    let before = std::fs::read(&theirs).unwrap();
    refused(&desk, &theirs, "belongs to another user");
    assert_eq!(std::fs::read(&theirs).unwrap(), before);
}

#[test]
fn a_replaced_backup_is_whole_and_no_temporary_copy_is_left() {
    let desk = Desk::new();
    let dir = desk.path("out");
    std::fs::create_dir(&dir).unwrap();
    let dest = dir.join("b.db");
    let dest_s = dest.to_str().unwrap();
    desk.ok(&["backup", dest_s]);
    let first_inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&dest).unwrap());
    for _ in 0..3 {
        desk.ticket();
    }
    desk.ok(&["backup", dest_s]);
    // Renamed over, not written in place: a reader of the old file keeps a whole file.
    let second_inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&dest).unwrap());
    assert_ne!(first_inode, second_inode);
    let report = desk.json(&["--db", dest_s, "doctor"]);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["counts"]["tickets"], 3);
    assert_eq!(file_names(&dir), ["b.db"]);
}

/// The machine's name as frontdesk writes it into a temporary copy's name.
fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length.
    assert_eq!(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) }, 0);
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end])
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .take(64)
        .collect()
}

/// The process id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    child.id()
}

#[test]
fn the_next_backup_removes_the_temporary_copies_of_killed_backups() {
    let desk = Desk::new();
    let dir = desk.path("out");
    std::fs::create_dir(&dir).unwrap();
    let host = host_name();
    // What a backup killed with -9 leaves: the half copy and its journal.
    let killed = format!(".b.db.frontdesk-tmp.{host}.{}", dead_pid());
    let killed_journal = format!("{killed}-journal");
    // A copy still being written here, and a fresh one from another host.
    let running = format!(".b.db.frontdesk-tmp.{host}.{}", std::process::id());
    let other_host = ".b.db.frontdesk-tmp.another-desk.4242".to_string();
    // One from another host untouched for two hours: abandoned.
    let abandoned = ".old.db.frontdesk-tmp.another-desk.4243".to_string();
    for name in [&killed, &killed_journal, &running, &other_host, &abandoned] {
        std::fs::write(dir.join(name), vec![0x5a; 64 * 1024]).unwrap();
    }
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(dir.join(&abandoned))
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();

    desk.ok(&["backup", dir.join("c.db").to_str().unwrap()]);
    let mut expected = vec![other_host, running, "c.db".to_string(), "notes.txt".to_string()];
    expected.sort();
    assert_eq!(file_names(&dir), expected);
}
