//! Data output and the terminal: CSV and JSON written to a file or a pipe
//! carry the exact bytes (an export imports back unchanged), and written to
//! a terminal they cannot drive it. assert_cmd only gives pipes, so the
//! terminal cases run the binary under `script` (util-linux), which gives it
//! a pseudo-terminal; they are skipped with a message where it is missing.

use crate::common;
use crate::skip;

use common::{AGENT, Desk, NOW};
use std::process::Command;

/// A name that would retitle the window, clear the screen, start an 8-bit
/// CSI, reverse the line and break it, if a terminal were given it raw.
const HOSTILE: &str = "A\u{1b}]0;owned\u{7}B\u{1b}[2JC\u{9b}1mD\u{202e}E\u{2028}F";

fn initialised() -> Desk {
    let desk = Desk::new();
    desk.ok(&["init"]);
    desk
}

fn quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''"))
}

/// Standard output of `frontdesk ARGS` run on a pseudo-terminal, or `None`
/// (with a message) where `script` is not installed.
fn on_terminal(desk: &Desk, args: &[&str]) -> Option<String> {
    let probe = Command::new("script").arg("--version").output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skip::skip("`script` (util-linux) is not installed");
        return None;
    }
    let db = desk.target().to_string_lossy().into_owned();
    let mut line = vec![
        env!("CARGO_BIN_EXE_frontdesk"),
        "--db",
        &db,
        "--now",
        NOW,
        "--agent",
        AGENT,
    ];
    line.extend(args);
    let line: Vec<String> = line.iter().map(|a| quote(a)).collect();
    let out = Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .env("FRONTDESK_CONFIG", desk.dir().join("no-such-config.toml"))
        .env("HOME", desk.dir().join("home"))
        .env_remove("FRONTDESK_DB")
        .env_remove("FRONTDESK_AGENT")
        .env_remove("FRONTDESK_NOW")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run script");
    assert!(out.status.success(), "{args:?} failed on a terminal: {out:?}");
    Some(String::from_utf8(out.stdout).expect("UTF-8 on the terminal"))
}

/// Nothing a terminal would act on: C0 but line ends, C1, bidi, separators.
fn assert_inert(shown: &str) {
    let acts = |c: char| {
        (c.is_control() && c != '\n' && c != '\r')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    };
    assert!(!shown.chars().any(acts), "a terminal would act on: {shown:?}");
}

#[test]
fn csv_export_is_exact_through_a_pipe_and_inert_on_a_terminal() {
    let desk = initialised();
    desk.customer(HOSTILE, &["--code", "C1"]);
    let piped = desk.ok(&["export", "customers"]);
    assert!(piped.contains(HOSTILE), "{piped:?}");
    // The exact bytes import back into another file unchanged.
    let other = initialised();
    let file = other.dir().join("c.csv");
    std::fs::write(&file, &piped).unwrap();
    other.ok(&["import", "customers", &file.display().to_string()]);
    assert_eq!(other.show_customer("C1")["name"], HOSTILE);
    let Some(shown) = on_terminal(&desk, &["export", "customers"]) else {
        return;
    };
    assert_inert(&shown);
    assert!(shown.contains("C1,ABCDE F,"), "{shown:?}");
}

#[test]
fn report_csv_and_json_are_inert_on_a_terminal() {
    let desk = initialised();
    desk.customer("甲", &["--code", "C1"]);
    desk.ticket("C1", "inquiry", "hello", &[]);
    desk.ok(&["ticket", "set", "1", "--assignee", HOSTILE]);
    let report = ["report", "--format", "csv", "--by", "agent", "--month", "2026-03"];
    assert!(desk.ok(&report).contains(HOSTILE));
    // JSON escapes what a terminal acts on wherever it goes: the same value.
    let json = desk.ok(&["customer", "list", "--json"]);
    assert_inert(&json);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list[0]["name"], "甲");
    let tickets = desk.ok(&["ticket", "list", "--json"]);
    assert_inert(&tickets);
    assert_eq!(common::parse_json(&tickets)[0]["assignee"], HOSTILE);
    let Some(shown) = on_terminal(&desk, &report) else {
        return;
    };
    assert_inert(&shown);
    assert!(shown.contains("ABCDE F,"), "{shown:?}");
    let Some(shown) = on_terminal(&desk, &["export", "tickets", "--format", "json"]) else {
        return;
    };
    assert_inert(&shown);
}

/// Standard output that cannot be written (a full disk, here `/dev/full`)
/// fails the command with exit 1 and a message, for human tables as for
/// JSON, CSV and reports: never a panic, never exit 0 on cut-short output.
#[test]
fn output_that_cannot_be_written_fails_with_exit_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let desk = initialised();
    desk.ok(&["customer", "add", "--name", "张三"]);
    let commands: &[&[&str]] = &[
        &["customer", "list"],
        &["customer", "show", "1"],
        &["--json", "customer", "list"],
        &["--json", "doctor"],
        &["doctor"],
        &["report"],
        &["report", "--format", "csv"],
        &["export", "customers"],
        &["config", "show"],
    ];
    for args in commands {
        let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .env("FRONTDESK_CONFIG", desk.dir().join("no-such-config.toml"))
            .arg("--db")
            .arg(desk.target())
            .args(["--now", NOW, "--agent", AGENT])
            .args(*args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("frontdesk: cannot write the output"), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("cannot write JSON"),
            "{args:?}: {err}"
        );
    }
    // Standard error on a full disk too: the message is lost, the exit code stays.
    for (args, code) in [(&["customer", "show", "NOPE"][..], 4), (&["ticket", "show", "abc"], 2)] {
        let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .env("FRONTDESK_CONFIG", desk.dir().join("no-such-config.toml"))
            .arg("--db")
            .arg(desk.target())
            .args(args)
            .stderr(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}
