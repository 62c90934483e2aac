//! `frontdesk mail fetch` from a real dovecot (tests/it/dovecot.rs) through
//! the binary and the real ingest: tickets made once, messages flagged
//! \Seen, and a fetch killed between the commit and the flag (the
//! `FRONTDESK_FAILPOINT` of `service::mail::imap`) that the next fetch
//! completes with nothing repeated and nothing lost.

use crate::common::*;
use crate::dovecot::{Dovecot, PASSWORD, messages};
use std::path::PathBuf;

const AT: &str = "2026-12-06T12:00:00Z";

fn config(desk: &Desk, server: &Dovecot, source: &str) -> PathBuf {
    let path = desk.dir().join("config.toml");
    let text = format!(
        "[mail]\naddress = \"support@example.com\"\nsources = [\"{source}\"]\n\
         password_command = \"printf '%s\\\\n' '{PASSWORD}'\"\nca_file = \"{}\"\n",
        server.ca_pem().display()
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn fetch(desk: &Desk, config: &PathBuf) -> assert_cmd::Command {
    let mut cmd = desk.cmd_at(AT);
    cmd.arg("--config").arg(config).args(["--json", "mail", "fetch"]);
    cmd
}

#[test]
fn mail_fetch_over_imaps_and_starttls_makes_each_ticket_once_and_flags_the_mail_seen() {
    let Some(server) = Dovecot::start(&messages(2), true) else {
        return;
    };
    for (n, source) in [server.imaps_url(), server.starttls_url()].into_iter().enumerate() {
        let desk = Desk::new();
        let config = config(&desk, &server, &source);
        let out = fetch(&desk, &config).assert().success().get_output().clone();
        let report = parse_json(&String::from_utf8(out.stdout).unwrap());
        // The second source meets the messages the first one flagged: it
        // is a first fetch of that desk, which takes what is unread.
        let want = if n == 0 { 2 } else { 0 };
        assert_eq!(report["new_tickets"], want, "{source}: {report}\n{}", server.log());
        assert_eq!(server.seen(), 2, "{:?}", server.flags());
        if n == 0 {
            assert_eq!(desk.show_ticket(1)["channel"], "email");
            assert_eq!(desk.show_ticket(2)["subject"], "Question 2");
        }
        let out = fetch(&desk, &config).assert().success().get_output().clone();
        let report = parse_json(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(
            (report["read"].clone(), report["new_tickets"].clone()),
            (0.into(), 0.into())
        );
    }
}

#[test]
fn a_fetch_killed_after_the_commit_and_before_the_flag_repeats_nothing_and_loses_nothing() {
    let Some(server) = Dovecot::start(&messages(1), true) else {
        return;
    };
    let desk = Desk::new();
    let config = config(&desk, &server, &server.imaps_url());
    let out = fetch(&desk, &config)
        .env("FRONTDESK_FAILPOINT", "imap-after-commit")
        .assert()
        .failure()
        .get_output()
        .clone();
    assert_eq!(out.status.code(), None, "aborted by the failpoint, not an exit");
    // Committed, not flagged: the crash the promise is about.
    assert_eq!(desk.show_ticket(1)["subject"], "Question 1");
    assert_eq!(server.seen(), 0, "{:?}", server.flags());

    let out = fetch(&desk, &config).assert().success().get_output().clone();
    let report = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(report["read"], 1, "{report}");
    assert_eq!(report["duplicates"], 1, "read again and found stored: {report}");
    assert_eq!(report["new_tickets"], 0, "{report}");
    desk.fails(4, &["ticket", "show", "2"]);
    assert_eq!(server.seen(), 1, "flagged now: {:?}", server.flags());
}

#[test]
fn mail_fetch_names_the_source_a_server_without_starttls_was_refused_for() {
    let Some(server) = Dovecot::start(&messages(1), false) else {
        return;
    };
    let desk = Desk::new();
    let source = server.starttls_url();
    let config = config(&desk, &server, &source);
    let out = fetch(&desk, &config).assert().code(1).get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("does not offer STARTTLS"), "{err}");
    assert_eq!(err.matches(source.as_str()).count(), 1, "named once: {err}");
    assert!(!err.contains(PASSWORD), "{err}");
    assert_eq!(server.seen(), 0);
}
