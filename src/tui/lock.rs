//! Who holds the database's write lock, for the header while a save waits.
//!
//! SQLite locks with POSIX record locks on fixed bytes, and `fcntl(F_GETLK)`
//! names the process holding a lock that conflicts with one we describe
//! (never a lock of our own process, which is what we want). In WAL mode
//! the writer holds byte 120 of the `-shm` file (`WAL_WRITE_LOCK`, after
//! the 120-byte wal-index header: `UNIX_SHM_BASE` in SQLite's os_unix.c).
//! In rollback-journal mode a writer holds `RESERVED_BYTE` (0x40000001) of
//! the database file, and one committing takes `PENDING_BYTE` (0x40000000)
//! and the `SHARED` range after them, which readers hold; any of them keeps
//! our write waiting. On a network file system the pid is another host's
//! (or made up by the lock daemon), so only a pid of a live local process
//! is named.
//!
//! The files are opened once and never closed: closing any descriptor of a
//! file drops every POSIX lock this process holds on it, SQLite's included.

use crate::strings::{Strings, fill};
use std::fs::File;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

const WAL_WRITE_LOCK: i64 = 120;
const PENDING_BYTE: i64 = 0x4000_0000;
const RESERVED_BYTE: i64 = PENDING_BYTE + 1;
const SHARED_FIRST: i64 = PENDING_BYTE + 2;
const SHARED_SIZE: i64 = 510;

pub struct LockProbe {
    db: PathBuf,
    /// Opened on first use; never closed (see the module's note).
    files: Option<(ManuallyDrop<File>, Option<ManuallyDrop<File>>)>,
}

impl LockProbe {
    pub fn new(db: &Path) -> LockProbe {
        LockProbe {
            db: db.to_path_buf(),
            files: None,
        }
    }

    /// The pid of a process holding a lock our write waits for, if seen.
    pub fn holder(&mut self) -> Option<i32> {
        if self.files.is_none() {
            let db = File::open(&self.db).ok()?;
            let shm = File::open(crate::store::sidecar(&self.db, "-shm")).ok();
            self.files = Some((ManuallyDrop::new(db), shm.map(ManuallyDrop::new)));
        }
        let (db, shm) = self.files.as_ref()?;
        // A -shm file means WAL mode: only the write lock matters there
        // (readers hold shared locks on the database file all along).
        match shm {
            Some(shm) => conflicting(shm, WAL_WRITE_LOCK, 1),
            None => [(RESERVED_BYTE, 1), (PENDING_BYTE, 1), (SHARED_FIRST, SHARED_SIZE)]
                .into_iter()
                .find_map(|(start, len)| conflicting(db, start, len)),
        }
    }
}

/// The process holding a lock on these bytes that an exclusive lock would
/// conflict with.
#[cfg(unix)]
fn conflicting(file: &File, start: i64, len: i64) -> Option<i32> {
    use std::os::fd::AsRawFd;
    // SAFETY: `flock` is plain data, zeroed is a valid value; F_GETLK only
    // writes into the struct we pass, on a descriptor we keep open.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_WRLCK as libc::c_short;
    lock.l_whence = libc::SEEK_SET as libc::c_short;
    lock.l_start = start as libc::off_t;
    lock.l_len = len as libc::off_t;
    let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) };
    (rc == 0 && lock.l_type != libc::F_UNLCK as libc::c_short && lock.l_pid > 0).then_some(lock.l_pid)
}

#[cfg(not(unix))]
fn conflicting(_: &File, _: i64, _: i64) -> Option<i32> {
    None
}

/// What the header names a holder by: the agent a frontdesk runs as when
/// its command line says (`--agent NAME`), else the program, else the pid.
/// The command line is read from /proc; where there is none (another host,
/// another system), the pid alone.
pub fn describe(s: &Strings, pid: Option<i32>) -> String {
    let b = s.background;
    let Some(pid) = pid else {
        return b.holder_unknown.to_string();
    };
    let pid_text = pid.to_string();
    let args: Vec<String> = std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|raw| {
            raw.split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect()
        })
        .unwrap_or_default();
    let agent = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--agent") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        });
    let program = args
        .first()
        .and_then(|a| Path::new(a).file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let text = match (agent, program) {
        (Some(agent), _) => fill(b.holder_agent, &[&agent, &pid_text]),
        (None, Some(program)) => fill(b.holder_program, &[&program, &pid_text]),
        (None, None) => fill(b.holder_pid, &[&pid_text]),
    };
    crate::domain::text::sanitize_line(&text).into_owned()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::store::{OpenOptions, Store};

    #[test]
    fn names_no_holder_while_the_file_is_free_and_another_process_while_it_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fd.db");
        let store = Store::open(&path, &OpenOptions::default()).unwrap();
        let mut probe = LockProbe::new(&path);
        assert_eq!(probe.holder(), None, "nobody writes");
        // A lock held by this process is not a holder to wait for.
        let mut own = Store::open(&path, &OpenOptions::default()).unwrap();
        own.write(|_| {
            assert_eq!(probe.holder(), None);
            Ok::<_, crate::store::StoreError>(())
        })
        .unwrap();
        drop(store);
        let s = crate::strings::get();
        assert_eq!(describe(s, None), "another agent's write");
        let me = describe(s, Some(std::process::id() as i32));
        assert!(me.starts_with("another process ("), "{me}");
        assert!(me.ends_with(&format!("pid {})", std::process::id())), "{me}");
    }
}
