//! The assignee rule from the shell: once the team has agents, a ticket
//! goes only to one of them (exit 2 naming the field, the value and the
//! nearest agent); before that, any name goes, and "" is always nobody.

use crate::common::{Desk, NOW, id, stdout};

/// A desk with one customer and one ticket; returns it and the ticket's id.
fn desk_with_ticket() -> (Desk, String) {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1"]);
    let ticket = id(&desk.ticket("C1", "complaint", "Broken kettle", &[])).to_string();
    (desk, ticket)
}

#[test]
fn any_assignee_goes_while_no_agents_are_listed() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["ticket", "set", &ticket, "--assignee", "li.nna"]);
    assert_eq!(desk.show_ticket(ticket.parse().unwrap())["assignee"], "li.nna");
    desk.ok(&["routing", "add", "--department", "service", "--assignee", "anyone"]);
}

#[test]
fn an_unknown_assignee_is_refused_once_the_team_has_agents() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    // Only an admin adds the second agent, and only a supervisor routes.
    stdout(
        desk.cmd_as("li.na", NOW)
            .args(["agent", "add", "wang.fang", "--role", "agent"]),
    );
    let err = desk.invalid(
        &["ticket", "set", &ticket, "--assignee", "li.nna"],
        "assignee",
        "li.nna",
    );
    assert!(err.contains("li.na?"), "the nearest agent is offered: {err}");
    let err = desk.invalid(
        &["ticket", "set", &ticket, "--assignee", "nobody.here"],
        "assignee",
        "nobody.here",
    );
    assert!(!err.contains("did you mean"), "no agent is near: {err}");
    let before = desk.dump();
    let out = desk
        .cmd_as("li.na", NOW)
        .args(["routing", "add", "--department", "service", "--assignee", "wang.fnag"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("assignee") && err.contains("wang.fnag") && err.contains("wang.fang?"),
        "{err}"
    );
    assert_eq!(before, desk.dump(), "a refused rule writes nothing");
    // A known agent and nobody are fine.
    desk.ok(&["ticket", "set", &ticket, "--assignee", "wang.fang"]);
    desk.ok(&["ticket", "set", &ticket, "--assignee", ""]);
    assert_eq!(desk.show_ticket(ticket.parse().unwrap())["assignee"], "");
}

#[test]
fn a_rule_from_before_the_team_was_listed_cannot_route_to_a_stranger() {
    let (desk, _) = desk_with_ticket();
    desk.ok(&["routing", "add", "--department", "service", "--assignee", "li.nna"]);
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    desk.invalid(
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "inquiry",
            "--subject",
            "Hello",
        ],
        "assignee",
        "li.nna",
    );
}

#[test]
fn the_refusal_is_worded_in_chinese_too() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    let out = desk
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["ticket", "set", &ticket, "--assignee", "li.nna"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("不是团队中的客服") && err.contains("li.na？"), "{err}");
}
