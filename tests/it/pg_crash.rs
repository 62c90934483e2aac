//! Crash safety on a PostgreSQL server: the real binary killed with
//! SIGKILL in the middle of a write leaves nothing half written — the
//! server rolls back a transaction whose client died before `COMMIT` —
//! `doctor` stays clean, the counts are those of before, and the next
//! command works (the dead writer's lock goes with its session).
//!
//! To catch the process inside its transaction every time, the test holds
//! a lock the write needs: the write lock every write takes first (the
//! process is killed waiting inside its `BEGIN`), or a table lock on
//! `mail_messages`, which a `mail import` reaches after it has written the
//! customer, ticket and interaction of its first message (killed with rows
//! written, as the server's own `backend_xid` shows).

use crate::mail_support::{mbox, numbered_mail};
use crate::pg_server::TestDb;
use postgres::Client;
use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

/// The advisory lock every write takes first (`pg_engine::WRITE_LOCK`, "FDWR").
const WRITE_LOCK: i64 = 0x4644_5752;

/// A migrated database on the test server; `None` (after saying why)
/// where none is configured.
fn server() -> Option<TestDb> {
    if std::env::var_os("FRONTDESK_TEST_PG").is_none() {
        crate::skip::skip("FRONTDESK_TEST_PG is unset (export FRONTDESK_TEST_PG=$(.ci/pg-start))");
        return None;
    }
    Some(TestDb::migrated())
}

/// The binary on `db` as the superuser naming agent 王五, with no config
/// file and English messages.
fn frontdesk(db: &TestDb, dir: &Path) -> Command {
    let mut cmd = crate::pg_server::frontdesk_on(&db.url, dir);
    cmd.args(["--agent", "王五"]);
    cmd
}

fn ok(db: &TestDb, dir: &Path, args: &[&str]) -> String {
    let out = frontdesk(db, dir).args(args).output().expect("run frontdesk");
    assert!(out.status.success(), "{args:?}: {}", told(&out));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn told(out: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `doctor --json`, which must find nothing wrong: every table's rows.
fn clean_counts(db: &TestDb, dir: &Path) -> Value {
    let report: Value = serde_json::from_str(&ok(db, dir, &["--json", "doctor"])).expect("doctor JSON");
    assert_eq!(report["missing_tables"], Value::Array(vec![]), "{report}");
    assert_eq!(report["unvalidated"], Value::Array(vec![]), "{report}");
    report["counts"].clone()
}

/// The server process of another session of this database waiting for a
/// lock, and whether its transaction has written rows yet (an xid is
/// given at the first write).
fn waiting_backend(watch: &mut Client) -> Option<(i32, bool)> {
    watch
        .query_opt(
            "SELECT pid, backend_xid IS NOT NULL FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
            &[],
        )
        .expect("read pg_stat_activity")
        .map(|row| (row.get(0), row.get(1)))
}

/// Waits until `child`'s session waits for a lock having written (`wrote`)
/// or not yet; kills `child` with SIGKILL there; its server process id.
fn kill_while_waiting(watch: &mut Client, child: &mut Child, wrote: bool) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(60);
    let pid = loop {
        if let Some((pid, written)) = waiting_backend(watch) {
            assert_eq!(written, wrote, "the killed write has written rows: {written}");
            break pid;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the command ended ({status}) before it reached the lock");
        }
        assert!(Instant::now() < deadline, "the command never waited for the lock");
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal, not an exit");
    pid
}

/// Waits until the server process of the killed client is gone: it ends
/// when it next hears from its client and finds the connection closed.
fn gone(watch: &mut Client, pid: i32) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left: i64 = watch
            .query_one("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", &[&pid])
            .unwrap()
            .get(0);
        if left == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "the dead client's session stayed");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_writer_killed_while_it_waits_for_the_write_lock_leaves_nothing_and_blocks_no_one() {
    let Some(db) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let code = ok(&db, dir.path(), &["customer", "add", "--name", "李雷"]);
    ok(
        &db,
        dir.path(),
        &[
            "ticket",
            "add",
            "--customer",
            code.trim(),
            "--kind",
            "inquiry",
            "--subject",
            "退款",
        ],
    );
    let before = clean_counts(&db, dir.path());

    // Another writer holds the write lock: the note waits inside its BEGIN.
    let mut holder = db.admin();
    let mut held = holder.transaction().unwrap();
    held.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .unwrap();
    let mut watch = db.admin();
    let mut child = frontdesk(&db, dir.path())
        .args(["ticket", "note", "1", "--summary", "never written"])
        .spawn()
        .expect("start frontdesk");
    let pid = kill_while_waiting(&mut watch, &mut child, false);
    held.rollback().unwrap();
    gone(&mut watch, pid);

    assert_eq!(clean_counts(&db, dir.path()), before);
    // The killed writer's lock went with it: the next write goes through.
    ok(&db, dir.path(), &["ticket", "note", "1", "--summary", "written"]);
    let shown: Value = serde_json::from_str(&ok(&db, dir.path(), &["--json", "ticket", "show", "1"])).unwrap();
    let notes: Vec<&str> = shown["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["summary"].as_str())
        .collect();
    assert_eq!(notes, ["written"]);
}

#[test]
fn a_mail_import_killed_after_it_began_writing_leaves_nothing_half_written() {
    let Some(db) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Committed before: one ticket opened by mail.
    let first = dir.path().join("first.mbox");
    std::fs::write(&first, mbox(&[numbered_mail(1000, "Ann")])).unwrap();
    ok(&db, dir.path(), &["mail", "import", first.to_str().unwrap()]);
    let before = clean_counts(&db, dir.path());
    let big = dir.path().join("big.mbox");
    std::fs::write(
        &big,
        mbox(&(0..300).map(|n| numbered_mail(n, "客户")).collect::<Vec<_>>()),
    )
    .unwrap();

    // No one may add a message now: the import writes its first customer,
    // ticket and interaction, then waits at its first message row.
    let mut holder = db.admin();
    let mut held = holder.transaction().unwrap();
    held.batch_execute("LOCK TABLE mail_messages IN SHARE MODE").unwrap();
    let mut watch = db.admin();
    let mut child = frontdesk(&db, dir.path())
        .args(["mail", "import", big.to_str().unwrap()])
        .spawn()
        .expect("start frontdesk");
    let pid = kill_while_waiting(&mut watch, &mut child, true);
    // Let the dead client's statement finish: its transaction still never commits.
    held.rollback().unwrap();
    gone(&mut watch, pid);

    assert_eq!(clean_counts(&db, dir.path()), before, "the killed import left rows");
    // And work goes on: the same import now goes through whole.
    let report: Value = serde_json::from_str(&ok(
        &db,
        dir.path(),
        &["--json", "mail", "import", big.to_str().unwrap()],
    ))
    .unwrap();
    assert_eq!(report["new_tickets"], 300, "{report}");
    let after = clean_counts(&db, dir.path());
    let tickets = |counts: &Value| {
        counts
            .as_array()
            .unwrap()
            .iter()
            .find(|pair| pair[0] == "tickets")
            .map(|pair| pair[1].as_i64().unwrap())
            .unwrap()
    };
    assert_eq!(tickets(&after), tickets(&before) + 300);
}
