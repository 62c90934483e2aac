//! Found trying the command line of issue #12 as a new user: a macro's
//! assignee follows the assignee rule when the macro is written, and a
//! name already taken says which kind of record holds it.

use crate::common;

use common::*;

/// What a command refused with exit 2 (invalid input) says.
fn invalid_input(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().code(2).get_output().clone();
    String::from_utf8(out.stderr).expect("UTF-8 message")
}

#[test]
fn a_macro_with_an_unknown_assignee_is_refused_once_the_team_has_agents() {
    let desk = Desk::new();
    // No agents listed: any name goes, as for `ticket set`.
    desk.ok(&["macro", "add", "solo", "--assignee", "whoever"]);
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    let err = desk.invalid(
        &[
            "macro",
            "add",
            "escalate",
            "--priority",
            "urgent",
            "--assignee",
            "li.nna",
        ],
        "assignee",
        "li.nna",
    );
    assert!(err.contains("li.na?"), "the nearest agent is offered: {err}");
    // A listed agent and nobody ("" unassigns) are fine.
    desk.ok(&["macro", "add", "escalate", "--assignee", "li.na"]);
    desk.ok(&["macro", "add", "release", "--assignee", ""]);
}

#[test]
fn a_taken_name_names_the_kind_of_record_that_has_it() {
    let desk = Desk::new();
    desk.ok(&["macro", "add", "wait", "--status", "pending"]);
    let err = desk.invalid(&["macro", "add", "WAIT", "--status", "open"], "name", "WAIT");
    assert!(err.contains("another macro"), "{err}");
    assert!(!err.contains("customer"), "{err}");
    let err = invalid_input(
        desk.cmd()
            .env("LANG", "zh_CN.UTF-8")
            .args(["macro", "add", "Wait", "--status", "open"]),
    );
    assert!(err.contains("已被其他宏使用"), "{err}");

    desk.customer("张三", &[]);
    let err = desk.invalid(
        &["customer", "add", "--name", "李四", "--code", "C2026001"],
        "code",
        "C2026001",
    );
    assert!(err.contains("another customer"), "{err}");
}

#[test]
fn a_body_file_the_text_checks_refuse_is_named_as_the_file() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let t = desk.ticket("C2026001", "complaint", "屏幕坏点", &[])["id"].to_string();
    let nul = desk.dir().join("nul.txt");
    std::fs::write(&nul, "a\0b").unwrap();
    let long = desk.dir().join("long.txt");
    std::fs::write(&long, "字".repeat(70_000)).unwrap();
    for path in [&nul, &long] {
        let path = path.to_str().unwrap();
        let err = desk.invalid(&["ticket", "note", &t, "--body-file", path], "body-file", path);
        assert!(!err.contains("summary"), "{err}");
    }
    let err = invalid_input(
        desk.cmd()
            .args(["ticket", "reply", &t, "--body-file", "-"])
            .write_stdin("a\0b"),
    );
    assert!(err.contains("body-file \"-\""), "{err}");
}

#[test]
fn the_queue_note_gives_the_whole_band_even_past_the_limit() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    // Two tickets whose targets passed days before NOW (long overdue), one fresh.
    for subject in ["旧工单一", "旧工单二"] {
        desk.ticket("C2026001", "inquiry", subject, &["--opened-at", "2026-02-20"]);
    }
    desk.ticket("C2026001", "complaint", "新投诉", &[]);
    let all = desk.ok(&["ticket", "list", "--queue"]);
    assert!(
        all.contains("2 long-overdue tickets (more than 24 h past due) are listed after current work, from #1."),
        "{all}"
    );
    // The band starts past the first row, and is cut after its first ticket.
    for limit in ["1", "2"] {
        let page = desk.ok(&["ticket", "list", "--queue", "--limit", limit]);
        assert!(
            page.contains("2 long-overdue tickets (more than 24 h past due) come after current work")
                && page.contains("--limit 0"),
            "--limit {limit}: {page}"
        );
    }
    let page = desk.ok(&["ticket", "list", "--queue", "--limit", "3"]);
    assert!(page.contains("from #1."), "{page}");
}
