//! `view list|add|remove` on a temporary database: the shipped views, names
//! in either language, exit codes, and nothing written on a refusal.

use crate::common;

use common::*;

fn zh(desk: &Desk, args: &[&str]) -> String {
    stdout(desk.cmd().env("LANG", "zh_CN.UTF-8").args(args))
}

#[test]
fn shipped_views_are_listed_by_display_name_key_and_query() {
    let desk = Desk::new();
    let list = desk.json(&["view", "list"]);
    let rows: Vec<(&str, &str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (text(v, "name"), text(v, "key"), text(v, "query")))
        .collect();
    assert_eq!(
        rows,
        [
            ("My queue", "mine", "assignee:me status:active sort:due"),
            ("Unassigned", "unassigned", "assignee:none status:active sort:due"),
            ("Breached", "breached", "sla:breached sort:due"),
            ("Waiting on customer", "waiting", "status:pending sort:updated"),
            (
                "Complaints this week",
                "complaints-week",
                "kind:complaint opened:>=sow sort:opened"
            ),
        ]
    );
    let text = desk.ok(&["view", "list"]);
    assert_line(&text, 1, &["My queue", "mine", "assignee:me status:active sort:due"]);
    let text = zh(&desk, &["view", "list"]);
    assert_line(&text, 0, &["名称", "键", "条件"]);
    assert_line(&text, 5, &["本周投诉", "complaints-week", "kind:complaint"]);
}

#[test]
fn a_view_is_added_after_the_others_and_removed_by_any_of_its_names() {
    let desk = Desk::new();
    let added = desk.json(&["view", "add", "VIP 投诉", "kind:complaint tag:vip"]);
    assert_eq!(added["name"], "VIP 投诉");
    assert_eq!(added["key"], serde_json::Value::Null);
    assert_eq!(added["position"], 6);
    let text = desk.ok(&["view", "list"]);
    assert_line(&text, 6, &["VIP 投诉", "kind:complaint tag:vip"]);

    assert_eq!(desk.ok(&["view", "remove", "vip 投诉"]), "View VIP 投诉 removed\n");
    // A shipped view by its Chinese name, told in English.
    assert_eq!(
        desk.ok(&["view", "remove", "本周投诉"]),
        "View Complaints this week removed\n"
    );
    assert_eq!(zh(&desk, &["view", "remove", "waiting"]), "已删除视图 等待客户\n");
    let keys: Vec<String> = desk
        .json(&["view", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["key"].to_string())
        .collect();
    assert_eq!(keys, ["\"mine\"", "\"unassigned\"", "\"breached\""]);
}

#[test]
fn a_taken_name_exits_2_and_an_unknown_view_exits_4_listing_the_views() {
    let desk = Desk::new();
    desk.ok(&["view", "add", "urgent", "priority:urgent"]);
    desk.invalid_each(
        &["view", "add"],
        &[
            (&["URGENT", "status:open"], "name", "URGENT"),
            (&["我的工单", "status:open"], "name", "我的工单"),
            (&["breached", "status:open"], "name", "breached"),
            (&["", "status:open"], "name", ""),
            (&["x", " "], "query", ""),
        ],
    );
    let err = desk.refused_unchanged(4, &["view", "remove", "nope"]);
    assert!(err.contains("nope"), "{err}");
    assert!(
        err.contains("views: My queue, Unassigned, Breached, Waiting on customer, Complaints this week, urgent"),
        "{err}"
    );
    let err = desk
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["view", "remove", "nope"])
        .assert()
        .code(4)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("现有视图：我的工单、未指派、已超时、等待客户、本周投诉、urgent"),
        "{err}"
    );
}
