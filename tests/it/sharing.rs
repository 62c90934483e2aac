//! A team sharing one file through a Unix group: the database, its -wal and
//! -shm, backups and the folders frontdesk makes stay writable by the group
//! whatever each member's umask, and one member's open file never blocks
//! another's writes.

use crate::care_support;
use crate::skip;

use care_support::success as ok;
use frontdesk::store::sidecar;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_frontdesk");
const HOLD: &str = "FRONTDESK_TEST_HOLD";

/// Not a test of its own: run by the tests below as a separate process (as
/// another user, with umask 077) to keep the database open in a read
/// transaction until its standard input closes.
#[test]
fn hold_open_helper() {
    let Ok(db) = std::env::var(HOLD) else {
        return;
    };
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let _: i64 = conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    println!("holding");
    std::io::stdout().flush().unwrap();
    let _ = std::io::stdin().lines().count();
    conn.execute_batch("COMMIT").unwrap();
}

/// A process holding `db` open in a read transaction; ends when dropped.
struct Holder {
    child: Child,
    /// Kept open to the end: the test harness in the child reports on it.
    out: BufReader<std::process::ChildStdout>,
}

impl Holder {
    fn start(mut cmd: Command, db: &Path) -> Holder {
        cmd.args([
            "sharing::hold_open_helper",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HOLD, db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
        let mut child = cmd.spawn().expect("start the holder");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // The harness prints "test hold_open_helper ... " before the test's own line.
        while out.read_line(&mut line).expect("holder output") > 0 {
            if line.trim_end().ends_with("holding") {
                return Holder { child, out };
            }
            line.clear();
        }
        let status = child.wait();
        panic!("the holder ended ({status:?}) before opening {}", db.display());
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = std::io::copy(&mut self.out, &mut std::io::sink());
        let status = self.child.wait().unwrap();
        if !std::thread::panicking() {
            assert!(status.success(), "holder: {status}");
        }
    }
}

/// Runs with umask 077, the strictest a member may have.
fn strict_umask(cmd: &mut Command) {
    // SAFETY: umask is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o077);
            Ok(())
        });
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// One user, umask 077: everything frontdesk creates is still open to the
/// group, folders in a setgid folder stay setgid.
#[test]
fn files_and_folders_stay_group_writable_whatever_the_umask() {
    if crate::common::file_only("file and folder modes of a shared SQLite file") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let team = tmp.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = team.join("desk/fd.db");
    let config = tmp.path().join("config.toml");
    let daily = team.join("daily");
    std::fs::write(&config, format!("[backup]\ndir = {:?}\n", daily.to_str().unwrap())).unwrap();
    let frontdesk = |args: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.env_remove("FRONTDESK_NOW")
            .env("FRONTDESK_DB", &db)
            .env("FRONTDESK_CONFIG", &config)
            .env("FRONTDESK_AGENT", "li.na")
            .args(args);
        strict_umask(&mut cmd);
        ok(cmd.output().unwrap())
    };
    frontdesk(&["init"]);
    let mut hold = Command::new(std::env::current_exe().unwrap());
    strict_umask(&mut hold);
    let holder = Holder::start(hold, &db);
    frontdesk(&["customer", "add", "--name", "张三"]);
    let backup = team.join("copies/b.db");
    frontdesk(&["backup", backup.to_str().unwrap()]);
    for file in [db.clone(), sidecar(&db, "-wal"), sidecar(&db, "-shm"), backup.clone()] {
        assert_eq!(mode(&file), 0o660, "{}", file.display());
    }
    drop(holder);
    for folder in [team.join("desk"), team.join("copies"), daily.clone()] {
        assert_eq!(mode(&folder), 0o2770, "{}", folder.display());
    }
    let written: Vec<_> = std::fs::read_dir(&daily).unwrap().collect();
    assert_eq!(written.len(), 1);
    assert_eq!(mode(&written[0].as_ref().unwrap().path()), 0o660);
}

/// Two Unix users and their group, made for one test and removed after it.
struct Team {
    group: String,
    users: [String; 2],
}

impl Team {
    /// None (with the reason) where users cannot be made: not root, or no
    /// useradd/runuser.
    fn create() -> Result<Team, String> {
        // SAFETY: no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return Err("not running as root".into());
        }
        for tool in ["useradd", "groupadd", "userdel", "groupdel", "runuser"] {
            let found = Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !found {
                return Err(format!("{tool} is missing"));
            }
        }
        let id = std::process::id();
        let team = Team {
            group: format!("fdsg{id}"),
            users: [format!("fdsa{id}"), format!("fdsb{id}")],
        };
        run("groupadd", &[team.group.as_str()])?;
        // Each member's own primary group, the team as a supplementary one:
        // files take the team's group only through the setgid folder.
        for user in &team.users {
            run("useradd", &["-M", "-s", "/bin/sh", "-G", &team.group, user])?;
        }
        Ok(team)
    }

    fn gid(&self) -> u32 {
        let out = Command::new("getent").args(["group", &self.group]).output().unwrap();
        let line = String::from_utf8(out.stdout).unwrap();
        line.split(':').nth(2).unwrap().trim().parse().unwrap()
    }

    /// `program args…` as `user` with umask 077.
    fn as_user(&self, user: &str, program: &Path) -> Command {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", user, "--", "sh", "-c", "umask 077; exec \"$0\" \"$@\""])
            .arg(program);
        cmd
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        for user in &self.users {
            let _ = run("userdel", &[user.as_str()]);
        }
        let _ = run("groupdel", &[self.group.as_str()]);
    }
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program).args(args).output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

#[test]
fn two_users_of_one_group_share_a_file() {
    if crate::common::file_only("Unix users sharing one SQLite file (on a server: tests/it/pg_sharing.rs)") {
        return;
    }
    let team = match Team::create() {
        Ok(team) => team,
        Err(why) => {
            skip::skip(&format!("cannot make Unix users here ({why})"));
            return;
        }
    };
    let gid = team.gid();
    // A fresh folder under /tmp the members can reach, holding copies of
    // the binaries (target/ may sit where they cannot traverse).
    let tmp = tempfile::Builder::new()
        .prefix("fd-sharing")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let bin = tmp.path().join("frontdesk");
    let holder_bin = tmp.path().join("holder");
    std::fs::copy(BIN, &bin).unwrap();
    std::fs::copy(std::env::current_exe().unwrap(), &holder_bin).unwrap();
    let shared = tmp.path().join("team");
    std::fs::create_dir(&shared).unwrap();
    std::os::unix::fs::chown(&shared, None, Some(gid)).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = shared.join("fd.db");
    let config = tmp.path().join("config.toml");
    let daily = shared.join("daily");
    std::fs::write(&config, format!("[backup]\ndir = {:?}\n", daily.to_str().unwrap())).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();

    let [anna, bo] = &team.users;
    let frontdesk = |user: &str, args: &[&str]| {
        let mut cmd = team.as_user(user, &bin);
        cmd.env("FRONTDESK_DB", &db)
            .env("FRONTDESK_CONFIG", &config)
            .env("FRONTDESK_AGENT", user)
            .env_remove("FRONTDESK_NOW")
            .args(args);
        ok(cmd.output().unwrap())
    };
    let group_writable = |path: &Path| {
        let meta = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(meta.gid(), gid, "{} has the wrong group", path.display());
        let needed = if meta.is_dir() { 0o070 } else { 0o060 };
        assert_eq!(
            meta.mode() & needed,
            needed,
            "{} mode {:o}",
            path.display(),
            meta.mode()
        );
    };

    frontdesk(anna, &["init"]);
    frontdesk(anna, &["customer", "add", "--name", "anna's first"]);
    group_writable(&db);
    {
        // Anna keeps it open (a TUI, a long report); Bo writes meanwhile.
        let _anna_reads = Holder::start(team.as_user(anna, &holder_bin), &db);
        frontdesk(bo, &["customer", "add", "--name", "bo's first"]);
        frontdesk(bo, &["backup", shared.join("copies/bo.db").to_str().unwrap()]);
        for suffix in ["-wal", "-shm"] {
            group_writable(&sidecar(&db, suffix));
        }
    }
    {
        // And the other way round, Bo's process creating the -wal and -shm.
        let _bo_reads = Holder::start(team.as_user(bo, &holder_bin), &db);
        frontdesk(anna, &["customer", "add", "--name", "anna's second"]);
        for suffix in ["-wal", "-shm"] {
            group_writable(&sidecar(&db, suffix));
        }
    }
    let listed = frontdesk(bo, &["--json", "customer", "list"]);
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(3), "{listed}");
    group_writable(&shared.join("copies"));
    group_writable(&shared.join("copies/bo.db"));
    group_writable(&daily);
    for entry in std::fs::read_dir(&daily).unwrap() {
        group_writable(&entry.unwrap().path());
    }
}
