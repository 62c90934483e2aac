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

use crate::i18n::{Strings, fill};
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

    /// Who holds a lock our write waits for, if anyone does.
    pub fn holder(&mut self) -> Option<Holder> {
        if self.files.is_none() {
            let db = File::open(&self.db).ok()?;
            let shm = File::open(crate::service::database::sidecar(&self.db, "-shm")).ok();
            self.files = Some((ManuallyDrop::new(db), shm.map(ManuallyDrop::new)));
        }
        let (db, shm) = self.files.as_ref()?;
        // A -shm file means WAL mode: only the write lock matters there
        // (readers hold shared locks on the database file all along).
        let pid = match shm {
            Some(shm) => conflicting(shm, WAL_WRITE_LOCK, 1),
            None => [(RESERVED_BYTE, 1), (PENDING_BYTE, 1), (SHARED_FIRST, SHARED_SIZE)]
                .into_iter()
                .find_map(|(start, len)| conflicting(db, start, len)),
        }?;
        Some(Holder::of(pid))
    }
}

/// A lock's holder: a process of this host, or one we cannot name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Process(i32),
    /// The lock is held, by no live local process (another host's, as the
    /// lock daemon of a network file system reports it).
    Unseen,
}

impl Holder {
    fn of(pid: i32) -> Holder {
        let proc_fs = Path::new("/proc/self").exists();
        if pid > 0 && (!proc_fs || Path::new(&format!("/proc/{pid}")).exists()) {
            Holder::Process(pid)
        } else {
            Holder::Unseen
        }
    }

    /// What the header calls it.
    pub fn describe(self, s: &Strings) -> String {
        describe(
            s,
            match self {
                Holder::Process(pid) => Some(pid),
                Holder::Unseen => None,
            },
        )
    }
}

/// The process holding a lock on these bytes that an exclusive lock would
/// conflict with (its pid as the kernel reports it: 0 or a stranger's for
/// a lock taken on another host).
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
    (rc == 0 && lock.l_type != libc::F_UNLCK as libc::c_short).then_some(lock.l_pid)
}

#[cfg(not(unix))]
fn conflicting(_: &File, _: i64, _: i64) -> Option<i32> {
    None
}

/// What the header names a holder by: for a frontdesk, the agent it runs
/// as — `--agent NAME` on its command line, else `FRONTDESK_AGENT` in its
/// environment (readable for one's own processes), else its owner's login
/// name, as the CLI decides it; for any other program its name; else the
/// pid alone (no /proc: another system). Never guessed from a row a killed
/// process may have left behind.
fn describe(s: &Strings, pid: Option<i32>) -> String {
    let b = s.background;
    let Some(pid) = pid else {
        return b.holder_unknown.to_string();
    };
    let pid_text = pid.to_string();
    let args = nul_separated(&format!("/proc/{pid}/cmdline"));
    let program = args
        .first()
        .and_then(|a| Path::new(a).file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let agent = program
        .as_deref()
        .filter(|p| p.starts_with("frontdesk"))
        .and_then(|_| agent_of(pid, &args));
    let text = match (agent, program) {
        (Some(agent), _) => fill(b.holder_agent, &[("agent", &agent), ("pid", &pid_text)]),
        (None, Some(program)) => fill(b.holder_program, &[("program", &program), ("pid", &pid_text)]),
        (None, None) => fill(b.holder_pid, &[("pid", &pid_text)]),
    };
    crate::domain::text::sanitize_line(&text).into_owned()
}

/// The agent a frontdesk process acts as (see `describe`).
fn agent_of(pid: i32, args: &[String]) -> Option<String> {
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--agent") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        });
    let from_env = || {
        nul_separated(&format!("/proc/{pid}/environ"))
            .into_iter()
            .find_map(|v| v.strip_prefix("FRONTDESK_AGENT=").map(str::to_string))
    };
    given.or_else(from_env).or_else(|| owner_name(pid))
}

/// A /proc file of NUL-separated strings; empty when unreadable.
fn nul_separated(path: &str) -> Vec<String> {
    std::fs::read(path)
        .map(|raw| {
            raw.split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The login name of the user a process runs as.
#[cfg(unix)]
fn owner_name(pid: i32) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata(format!("/proc/{pid}")).ok()?.uid();
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; 4096];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes only into `entry` and `buffer`, whose
    // sizes it is given; `found` points at `entry` or is null.
    let rc = unsafe { libc::getpwuid_r(uid, &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found) };
    if rc != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points into `buffer`, NUL-terminated by getpwuid_r.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(not(unix))]
fn owner_name(_: i32) -> Option<String> {
    None
}

// /proc and the sqlite3 shell: Linux, where the names come from /proc.
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use crate::service::database::{Database as Store, OpenOptions};

    #[test]
    fn names_no_holder_while_the_file_is_free_and_another_process_while_it_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fd.db");
        let store = Store::create(&path, &OpenOptions::default()).unwrap();
        let mut probe = LockProbe::new(&path);
        assert_eq!(probe.holder(), None, "nobody writes");
        // A lock held by this process is not a holder to wait for.
        let mut own = Store::open(&path, &OpenOptions::default()).unwrap();
        own.write(|_| {
            assert_eq!(probe.holder(), None);
            Ok::<_, crate::service::database::StoreError>(())
        })
        .unwrap();
        drop(store);
        let s = crate::i18n::get();
        assert_eq!(describe(s, None), "another agent's write");
        assert_eq!(Holder::of(0), Holder::Unseen, "no local process");
        assert_eq!(Holder::Unseen.describe(s), "another agent's write");
        let mut sleeper = started(std::process::Command::new("sleep").arg("60"), "60");
        let pid = sleeper.id() as i32;
        let named = describe(s, Some(pid));
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        assert_eq!(named, format!("another process (sleep, pid {pid})"));
    }

    /// The sqlite3 shell holding the write lock is seen, in WAL mode (the
    /// -shm's write lock) and in rollback-journal mode (RESERVED_BYTE).
    #[test]
    fn the_holder_of_the_write_lock_is_found_in_either_journal_mode() {
        use std::io::Write;
        if std::process::Command::new("sqlite3").arg("-version").output().is_err() {
            // .ci/run installs it: missing there is a broken set-up.
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true and no sqlite3 shell"
            );
            println!("skipped: the sqlite3 shell is not installed");
            return;
        }
        for journal in [
            crate::service::database::JournalMode::Wal,
            crate::service::database::JournalMode::Delete,
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("fd.db");
            let options = OpenOptions {
                journal,
                ..OpenOptions::default()
            };
            let store = Store::create(&path, &options).unwrap();
            let mut probe = LockProbe::new(&path);
            let mut shell = std::process::Command::new("sqlite3")
                .arg(&path)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap();
            let mut input = shell.stdin.take().unwrap();
            input.write_all(b"BEGIN IMMEDIATE;\n").unwrap();
            input.flush().unwrap();
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            let mut seen = None;
            while seen.is_none() && std::time::Instant::now() < deadline {
                seen = probe.holder();
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            drop(input);
            let _ = shell.wait();
            assert_eq!(seen, Some(Holder::Process(shell.id() as i32)), "{journal:?}");
            assert_eq!(probe.holder(), None, "{journal:?}: released");
            drop(store);
        }
    }

    /// Spawns the command and waits until it runs its own program (its
    /// command line shows `marker`), not the copy of ours before exec.
    fn started(command: &mut std::process::Command, marker: &str) -> std::process::Child {
        let child = command.spawn().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !nul_separated(&format!("/proc/{}/cmdline", child.id()))
            .iter()
            .any(|a| a == marker)
        {
            assert!(std::time::Instant::now() < deadline, "the child never started");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        child
    }

    /// A process named `frontdesk` with these arguments and environment,
    /// alive until killed (`; true` keeps the shell from exec'ing sleep).
    fn frontdesk(args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
        use std::os::unix::process::CommandExt;
        let mut command = std::process::Command::new("sh");
        command
            .arg0("frontdesk")
            .args(["-c", "sleep 60; true", "frontdesk"])
            .args(args)
            .env_remove("FRONTDESK_AGENT")
            .envs(env.iter().copied());
        started(&mut command, "sleep 60; true")
    }

    #[test]
    fn a_frontdesk_holding_the_lock_is_named_by_its_agent() {
        let s = crate::i18n::get();
        // Arguments, environment, and the agent named.
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
        let cases: [Case; 3] = [
            (&["--agent", "wang"], &[], "wang"),
            (
                &["--agent=li.na", "ticket", "add"],
                &[("FRONTDESK_AGENT", "zhao")],
                "li.na",
            ),
            (&["customer", "add"], &[("FRONTDESK_AGENT", "zhao")], "zhao"),
        ];
        for (args, env, agent) in cases {
            let mut child = frontdesk(args, env);
            let pid = child.id() as i32;
            let named = describe(s, Some(pid));
            let _ = child.kill();
            let _ = child.wait();
            assert_eq!(named, format!("{agent}'s write (pid {pid})"), "{args:?}");
        }
    }
}
