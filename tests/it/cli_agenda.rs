//! `reminder list` as an agenda (issue #13): sections today, upcoming,
//! then the overdue count (listed by `--when overdue`), by the display
//! zone's day; `--reason` and `--owner`; JSON flat with a `section` key.

use crate::common;

use assert_cmd::Command;
use common::*;
use serde_json::Value;

/// 10:00 on Monday 2 March 2026 in New York (EST, -05:00).
const NY_MORNING: &str = "2026-03-02T15:00:00Z";

fn in_new_york(desk: &Desk, agent: &str, args: &[&str]) -> Command {
    let config = desk.dir().join("ny.toml");
    std::fs::write(
        &config,
        "[sla]\ntimezone = \"Asia/Shanghai\"\n[ui]\ntimezone = \"America/New_York\"\n",
    )
    .unwrap();
    let mut cmd = desk.cmd_as(agent, NY_MORNING);
    cmd.env("FRONTDESK_CONFIG", &config).args(args);
    cmd
}

fn remind(desk: &Desk, agent: &str, customer: &str, due: &str, note: &str) {
    let args = ["reminder", "add", "--customer", customer, "--due", due, "--note", note];
    in_new_york(desk, agent, &args).assert().success();
}

fn json(desk: &Desk, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json", "reminder", "list"];
    all.extend_from_slice(args);
    let out = stdout(&mut in_new_york(desk, AGENT, &all));
    parse_json(&out).as_array().cloned().unwrap_or_default()
}

fn field<'a>(list: &'a [Value], key: &str) -> Vec<&'a str> {
    list.iter().map(|r| r[key].as_str().unwrap_or_default()).collect()
}

/// A customer owned by `agent`, with reminders of `agent` on both sides of
/// New York's midnights.
fn desk() -> (Desk, String) {
    let desk = Desk::new();
    let code = text(&desk.customer("张三", &[]), "code").to_string();
    remind(&desk, AGENT, &code, "2026-03-02 23:30", "late today");
    remind(&desk, AGENT, &code, "2026-03-03 00:10", "just after midnight");
    remind(&desk, AGENT, &code, "2026-03-02 08:00", "earlier today");
    remind(&desk, AGENT, &code, "2026-03-01 23:59", "yesterday night");
    remind(&desk, "li", &code, "2026-02-20 09:00", "li's old one");
    (desk, code)
}

#[test]
fn sections_follow_the_display_zones_day_and_json_names_them() {
    let (desk, _) = desk();
    let list = json(&desk, &[]);
    let notes = field(&list, "note");
    let sections = field(&list, "section");
    let of = |note: &str| sections[notes.iter().position(|n| *n == note).unwrap()];
    // 23:30 in New York is already tomorrow in Shanghai, the SLA zone.
    assert_eq!(of("late today"), "today");
    assert_eq!(of("earlier today"), "today");
    assert_eq!(of("just after midnight"), "upcoming");
    assert_eq!(of("yesterday night"), "overdue");
    assert_eq!(of("li's old one"), "overdue");
    // The JSON list stays flat and soonest first.
    let dues = field(&list, "due_at");
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
    let today = json(&desk, &["--when", "today"]);
    assert_eq!(field(&today, "note"), ["earlier today", "late today"]);
}

#[test]
fn the_human_list_is_today_upcoming_then_the_overdue_count() {
    let (desk, _) = desk();
    let out = stdout(&mut in_new_york(&desk, AGENT, &["reminder", "list"]));
    let lines: Vec<&str> = out.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text} in\n{out}"))
    };
    assert!(lines[0].starts_with("Today · 2"), "{out}");
    assert!(at("earlier today") < at("late today"));
    assert!(at("late today") < at("Upcoming · 1"));
    assert!(at("Upcoming · 1") < at("just after midnight"));
    assert!(out.contains("Overdue · 2  (--when overdue lists them)"), "{out}");
    assert!(
        !out.contains("yesterday night"),
        "the backlog is counted, not listed:\n{out}"
    );

    let overdue = stdout(&mut in_new_york(
        &desk,
        AGENT,
        &["reminder", "list", "--when", "overdue"],
    ));
    assert!(overdue.starts_with("Overdue · 2\n"), "{overdue}");
    // The most recently missed first.
    assert!(
        overdue.find("yesterday night") < overdue.find("li's old one"),
        "{overdue}"
    );
    assert!(!overdue.contains("Today"), "{overdue}");

    // A limit lists today's first and says how many the cut section holds.
    let one = stdout(&mut in_new_york(&desk, AGENT, &["reminder", "list", "--limit", "1"]));
    assert!(one.contains("earlier today") && !one.contains("late today"), "{one}");
    assert!(one.contains("1 of 2 listed"), "{one}");

    // The overdue section alone has its own page: today's rows (first in
    // the agenda) do not fill it.
    let overdue_one = stdout(&mut in_new_york(
        &desk,
        AGENT,
        &["reminder", "list", "--when", "overdue", "--limit", "1"],
    ));
    assert!(overdue_one.contains("yesterday night"), "{overdue_one}");
    assert!(overdue_one.contains("1 of 2 listed"), "{overdue_one}");
}

#[test]
fn reason_and_owner_filter_the_list() {
    let (desk, code) = desk();
    let ticket = id(&desk.ticket(&code, "repair", "空调不制冷", &[])).to_string();
    desk.ok(&["ticket", "resolve", &ticket, "--summary", "已修好"]);
    let reasons = |args: &[&str]| {
        let list = json(&desk, args);
        let mut got: Vec<String> = field(&list, "reason").iter().map(|r| r.to_string()).collect();
        got.dedup();
        got
    };
    assert_eq!(reasons(&["--reason", "callback"]), ["callback"]);
    assert_eq!(reasons(&["--reason", "manual"]), ["manual"]);
    let notes = |args: &[&str]| {
        let list = json(&desk, args);
        field(&list, "note").iter().map(|n| n.to_string()).collect::<Vec<_>>()
    };
    // li's only: the reminder li added (the customer and the ticket are not li's).
    assert_eq!(notes(&["--owner", "li"]), ["li's old one"]);
    let mine = notes(&["--owner", "mine", "--reason", "manual"]);
    assert_eq!(mine.len(), 4, "{mine:?}");
    assert!(!mine.contains(&"li's old one".to_string()));
    assert_eq!(notes(&["--owner", "all", "--reason", "manual"]).len(), 5);
    assert!(notes(&["--owner", "nobody"]).is_empty());
    // The human list filters the same way.
    let out = stdout(&mut in_new_york(
        &desk,
        AGENT,
        &["reminder", "list", "--owner", "li", "--when", "overdue"],
    ));
    assert!(
        out.contains("li's old one") && !out.contains("yesterday night"),
        "{out}"
    );

    desk.invalid(&["reminder", "list", "--reason", "soon"], "reason", "soon");
    desk.invalid(&["reminder", "list", "--owner", " "], "owner", " ");
}

#[test]
fn the_sections_speak_chinese() {
    let (desk, _) = desk();
    let mut cmd = in_new_york(&desk, AGENT, &["reminder", "list"]);
    cmd.env_remove("LC_ALL").env("LANG", "zh_CN.UTF-8");
    let out = stdout(&mut cmd);
    assert!(out.starts_with("今天 · 2"), "{out}");
    assert!(out.contains("即将到期 · 1"), "{out}");
    assert!(out.contains("已逾期 · 2（加 --when overdue 可列出）"), "{out}");
}
