//! Bad input of every class — overlong fields, NUL bytes, invalid UTF-8,
//! absurd dates, negative and huge numbers, unknown values — is refused with
//! a clear message and exit 2, and nothing is written.

mod care_support;

use care_support::{Desk, stderr};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// Runs `args`, which must fail with exit 2, a message naming `mentions`,
/// no panic, and no change to any table.
fn refused<S: AsRef<OsStr>>(desk: &Desk, args: &[S], mentions: &str) {
    let before = desk.counts();
    let out = desk.run(args);
    // The arguments, shortened for the failure messages.
    let args: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().chars().take(40).collect())
        .collect();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(mentions), "{args:?}: expected {mentions:?} in {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(desk.counts(), before, "{args:?} wrote something");
}

fn desk_with_ticket() -> (Desk, String) {
    let desk = Desk::new();
    let ticket = desk.ticket();
    (desk, ticket)
}

#[test]
fn overlong_fields() {
    let (desk, t) = desk_with_ticket();
    let line = "长".repeat(201);
    let limit = frontdesk::domain::validate::TEXT_MAX;
    let text = "x".repeat(limit + 1);
    let short = "x".repeat(65);
    refused(&desk, &["customer", "add", "--name", &line], "at most 200");
    refused(
        &desk,
        &["customer", "add", "--name", "ok", "--notes", &text],
        &format!("at most {limit}"),
    );
    refused(&desk, &["customer", "edit", "1", "--owner", &short], "owner");
    refused(
        &desk,
        &["customer", "add", "--name", "ok", "--tags", &"t".repeat(41)],
        "tags",
    );
    refused(
        &desk,
        &[
            "ticket",
            "add",
            "--customer",
            "1",
            "--kind",
            "inquiry",
            "--subject",
            &line,
        ],
        "subject",
    );
    refused(&desk, &["ticket", "note", &t, "--summary", &text], "summary");
    refused(&desk, &["ticket", "set", &t, "--assignee", &short], "assignee");
    refused(
        &desk,
        &["log", "--customer", "1", "--channel", "phone", "--summary", &text],
        "summary",
    );
    refused(
        &desk,
        &["routing", "add", "--department", "ok", "--keyword", &short],
        "keyword",
    );
    refused(
        &desk,
        &["routing", "add", "--department", "ok", "--category", &short],
        "category",
    );
    refused(&desk, &["agent", "add", &short], "name");
    refused(&desk, &["--agent", &short, "customer", "add", "--name", "ok"], "agent");
}

#[test]
fn nul_bytes() {
    // No command line can carry a NUL byte, so it comes in through a file.
    let desk = Desk::new();
    let csv = desk.path("nul.csv");
    std::fs::write(&csv, "name,phone\nok,13812345678\nbad\0name,13812345679\n").unwrap();
    refused(&desk, &["import", "customers", csv.to_str().unwrap()], "NUL");
    refused(&desk, &["import", "customers", csv.to_str().unwrap()], "line 3");
}

#[test]
fn invalid_utf8() {
    let (desk, t) = desk_with_ticket();
    let bad = OsStr::from_bytes(b"\xff\xfe\xe5\x90");
    let args = |list: &[&OsStr]| list.iter().map(|s| s.to_os_string()).collect::<Vec<OsString>>();
    let o = |s: &str| OsString::from(s);
    refused(
        &desk,
        &args(&[&o("customer"), &o("add"), &o("--name"), bad]),
        "invalid UTF-8",
    );
    refused(
        &desk,
        &args(&[
            &o("--agent"),
            bad,
            &o("ticket"),
            &o("note"),
            &o(&t),
            &o("--summary"),
            &o("x"),
        ]),
        "invalid UTF-8",
    );
    refused(
        &desk,
        &args(&[&o("ticket"), &o("note"), &o(&t), &o("--summary"), bad]),
        "invalid UTF-8",
    );
    let out = desk
        .cmd()
        .env("FRONTDESK_AGENT", bad)
        .args(["ticket", "note", &t, "--summary", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // A file with invalid UTF-8 names its line and imports nothing.
    let csv = desk.path("latin1.csv");
    std::fs::write(&csv, b"name,phone\nok,13812345678\nZ\xfcrich,13812345679\n").unwrap();
    refused(&desk, &["import", "customers", csv.to_str().unwrap()], "UTF-8");
    // A path is not text: a database under a non-UTF-8 name is fine.
    let path = desk.dir().join(OsStr::from_bytes(b"caf\xe9.db"));
    let out = desk.cmd().arg("--db").arg(&path).arg("init").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn absurd_dates() {
    let (desk, t) = desk_with_ticket();
    refused(
        &desk,
        &["--now", "9999-01-01", "customer", "add", "--name", "ok"],
        "now",
    );
    refused(&desk, &["--now", "yesterday", "customer", "add", "--name", "ok"], "now");
    refused(
        &desk,
        &["customer", "add", "--name", "ok", "--since", "2026-02-30"],
        "since",
    );
    refused(
        &desk,
        &["customer", "add", "--name", "ok", "--since", "0206-10-05"],
        "since",
    );
    refused(
        &desk,
        &[
            "ticket",
            "add",
            "--customer",
            "1",
            "--kind",
            "inquiry",
            "--subject",
            "s",
            "--opened-at",
            "0001-01-01",
        ],
        "opened-at",
    );
    refused(
        &desk,
        &[
            "ticket",
            "add",
            "--customer",
            "1",
            "--kind",
            "inquiry",
            "--subject",
            "s",
            "--opened-at",
            "2030-01-01",
        ],
        "future",
    );
    refused(
        &desk,
        &[
            "log",
            "--customer",
            "1",
            "--channel",
            "phone",
            "--summary",
            "x",
            "--at",
            "2026-10-05T25:00:00Z",
        ],
        "at",
    );
    refused(
        &desk,
        &[
            "sla",
            "calendar",
            "add",
            "c",
            "--tz",
            "UTC",
            "--hours",
            "mon-fri 09:00-17:00",
            "--holiday",
            "2026-13-01",
        ],
        "holiday",
    );
    refused(
        &desk,
        &[
            "sla",
            "due",
            "--calendar",
            "default",
            "--start",
            "99999-01-01",
            "--minutes",
            "5",
        ],
        "start",
    );
    let _ = t;
}

#[test]
fn negative_and_huge_numbers() {
    let (desk, t) = desk_with_ticket();
    refused(
        &desk,
        &[
            "sla",
            "due",
            "--calendar",
            "default",
            "--start",
            "2026-10-05",
            "--minutes",
            "-5",
        ],
        "negative",
    );
    refused(
        &desk,
        &["sla", "policy", "add", "--name", "p", "--first-response", "-5h"],
        "unexpected argument",
    );
    refused(
        &desk,
        &["sla", "policy", "add", "--name", "p", "--first-response=-5h"],
        "-5h",
    );
    refused(
        &desk,
        &[
            "sla",
            "policy",
            "add",
            "--name",
            "p",
            "--first-response",
            "99999999999h",
        ],
        "first-response",
    );
    refused(&desk, &["customer", "list", "--limit", "-1"], "-1");
    refused(&desk, &["demo", "--customers", "-5"], "-5");
    refused(&desk, &["ticket", "show", "99999999999999999999"], "too large");
    refused(&desk, &["ticket", "set", &t, "--if-version", "-3"], "-3");
    refused(&desk, &["customer", "add", "--name", "ok", "--phone=-138"], "phone");
}

#[test]
fn unknown_values() {
    let (desk, t) = desk_with_ticket();
    refused(
        &desk,
        &["ticket", "add", "--customer", "1", "--kind", "rant", "--subject", "s"],
        "kind",
    );
    refused(&desk, &["ticket", "set", &t, "--priority", "asap"], "priority");
    refused(&desk, &["ticket", "set", &t, "--status", "\x1b[31mdone"], "status");
    refused(
        &desk,
        &["customer", "add", "--name", "ok", "--email", "not-an-address"],
        "email",
    );
    refused(&desk, &["customer", "add", "--name", "ok", "--tier", "gold"], "tier");
    refused(&desk, &["agent", "add", "x", "--role", "owner"], "role");
    refused(
        &desk,
        &[
            "sla",
            "calendar",
            "add",
            "c",
            "--tz",
            "Mars/Olympus",
            "--hours",
            "mon-fri 09:00-17:00",
        ],
        "tz",
    );
    // The hostile value is quoted escaped, never raw.
    let out = desk.run(&["ticket", "set", &t, "--status", "\x1b[31mdone"]);
    assert!(!out.stderr.contains(&0x1b));
}
