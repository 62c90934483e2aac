//! `macro list|add|remove`, `ticket macro ID NAME` and ticket tags
//! (`ticket set --add-tag/--remove-tag`, JSON, export and import) on a
//! temporary database.

use crate::common;

use common::*;
use serde_json::Value;

/// A database with 张三 (C2026001) and their new ticket 1 (e-mail).
fn desk_with_ticket() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &["--channel", "email"]);
    desk
}

fn add_waiting(desk: &Desk) -> Value {
    desk.json(&[
        "macro",
        "add",
        "等待客户补充",
        "--reply",
        "您好，请补充订单号和照片。",
        "--status",
        "pending",
        "--add-tag",
        "待补充",
        "--add-tag",
        "Photo",
        "--assignee",
        "李娜",
    ])
}

#[test]
fn macros_are_added_listed_applied_and_removed() {
    let desk = desk_with_ticket();
    let added = add_waiting(&desk);
    assert_eq!(added["name"], "等待客户补充");
    assert_eq!(added["status"], "pending");
    assert_eq!(added["add_tags"], serde_json::json!(["待补充", "photo"]));
    assert_eq!(desk.ok(&["macro", "add", "close", "--status", "closed"]), "2\n");

    let list = desk.json(&["macro", "list"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["close", "等待客户补充"]);
    let text = desk.ok(&["macro", "list"]);
    assert!(
        text.contains("reply; status → pending; tag +待补充, photo; assign to 李娜"),
        "{text}"
    );

    let applied = desk.json(&["ticket", "macro", "1", "等待客户补充", "--if-version", "1"]);
    assert_eq!(applied["status"], "pending");
    assert_eq!(applied["assignee"], "李娜");
    assert_eq!(applied["tags"], serde_json::json!(["待补充", "photo"]));
    assert_eq!(applied["macro"]["name"], "等待客户补充");
    assert_eq!(applied["reply"]["direction"], "out");
    let shown = desk.show_ticket(1);
    assert!(shown["first_response_at"].is_string());
    assert_eq!(shown["interactions"].as_array().unwrap().len(), 1);
    let page = desk.ok(&["ticket", "show", "1"]);
    assert!(page.contains("待补充, photo"), "{page}");

    let said = desk.ok(&["ticket", "macro", "1", "CLOSE"]);
    assert!(
        said.starts_with("ticket #1: macro “close” applied; status closed"),
        "{said}"
    );
    assert_eq!(desk.ok(&["macro", "remove", "close"]), "macro “close” removed\n");
    assert_eq!(desk.json(&["macro", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn refusals_have_their_exit_codes_and_write_nothing() {
    let desk = desk_with_ticket();
    add_waiting(&desk);
    // Unknown macro or ticket: 4.
    desk.refused_unchanged(4, &["ticket", "macro", "1", "no such macro"]);
    desk.refused_unchanged(4, &["ticket", "macro", "99", "等待客户补充"]);
    desk.refused_unchanged(4, &["macro", "remove", "no such macro"]);
    // Stale version: 3, and not even the reply is written.
    desk.refused_unchanged(3, &["ticket", "macro", "1", "等待客户补充", "--if-version", "7"]);
    // Invalid macros: 2, naming the field and the value.
    desk.invalid(
        &["macro", "add", "等待客户补充", "--priority", "high"],
        "name",
        "等待客户补充",
    );
    desk.invalid(&["macro", "add", "empty"], "name", "empty");
    desk.invalid(&["macro", "add", "x", "--add-tag", " , "], "add-tag", " , ");
    desk.invalid(&["macro", "add", "   ", "--status", "open"], "name", "");
    let err = desk.refused_unchanged(2, &["macro", "add", "x", "--status", "done"]);
    assert!(err.contains("done"), "{err}");
}

#[test]
fn ticket_set_adds_and_removes_tags_normalized_and_audited() {
    let desk = desk_with_ticket();
    let t = desk.json(&["ticket", "set", "1", "--add-tag", " Refund ", "--add-tag", "VIP,物流"]);
    assert_eq!(t["tags"], serde_json::json!(["refund", "vip", "物流"]));
    let t = desk.json(&["ticket", "set", "1", "--remove-tag", "vip", "--if-version", "2"]);
    assert_eq!(t["tags"], serde_json::json!(["refund", "物流"]));
    desk.invalid(&["ticket", "set", "1", "--add-tag", ""], "add-tag", "");
    let long = "x".repeat(41);
    desk.invalid(&["ticket", "set", "1", "--remove-tag", &long], "remove-tag", "xxxx");
    let shown = desk.show_ticket(1);
    let tags: Vec<&Value> = shown["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["field"] == "tags")
        .collect();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[1]["old_value"], "refund,vip,物流");
    // A new ticket has an empty list, never a missing key.
    let other = desk.ticket("C2026001", "inquiry", "发票", &[]);
    assert_eq!(other["tags"], serde_json::json!([]));
}

#[test]
fn tags_go_through_export_and_import() {
    let desk = desk_with_ticket();
    desk.ok(&["ticket", "set", "1", "--add-tag", "refund,物流"]);
    let csv = desk.ok(&["export", "tickets"]);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",tags"), "{header}");
    assert!(csv.contains("\"refund,物流\""), "{csv}");
    let json = desk.json(&["export", "tickets", "--format", "json"]);
    assert_eq!(json[0]["tags"], serde_json::json!(["refund", "物流"]));

    let other = Desk::new();
    let file = other.dir().join("tickets.csv");
    std::fs::write(&file, &csv).unwrap();
    other.ok(&["import", "tickets", file.to_str().unwrap()]);
    let t = other.json(&["ticket", "list"])[0].clone();
    assert_eq!(t["tags"], serde_json::json!(["refund", "物流"]));
}

#[test]
fn chinese_output_speaks_chinese() {
    let desk = desk_with_ticket();
    add_waiting(&desk);
    let zh = |args: &[&str]| stdout(desk.cmd().env("LANG", "zh_CN.UTF-8").args(args));
    let list = zh(&["macro", "list"]);
    assert!(list.contains("回复客户；状态改为"), "{list}");
    let said = zh(&["ticket", "macro", "1", "等待客户补充"]);
    assert!(said.starts_with("工单 #1：已执行宏“等待客户补充”"), "{said}");
}
