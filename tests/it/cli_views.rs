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
            ("Breached", "breached", "sla:breached -status:closed sort:due"),
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

/// 张三's complaint (1, unassigned), inquiry (2, taken by the acting agent
/// 王五) and repair (3, waiting on the customer, unassigned).
fn desk_with_tickets() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &[]);
    desk.ticket("C2026001", "inquiry", "发票抬头", &[]);
    desk.ticket("C2026001", "repair", "上门维修", &[]);
    desk.ok(&["ticket", "set", "2", "--assignee", "王五"]);
    desk.ok(&["ticket", "set", "3", "--status", "pending"]);
    desk
}

fn listed(desk: &Desk, lang: &str, args: &[&str]) -> Vec<i64> {
    let out = stdout(
        desk.cmd()
            .env("LANG", lang)
            .arg("--json")
            .args(["ticket", "list"])
            .args(args),
    );
    let mut got = ids(&parse_json(&out));
    got.sort_unstable();
    got
}

#[test]
fn ticket_list_shows_a_views_tickets_by_key_or_name_in_either_language() {
    let desk = desk_with_tickets();
    let cases: &[(&str, &[&str], &[i64])] = &[
        ("C", &["--view", "mine"], &[2]),
        ("C", &["--view", "My queue"], &[2]),
        ("C", &["--view", "unassigned"], &[1, 3]),
        ("C", &["--view", "waiting"], &[3]),
        ("C", &["--view", "本周投诉"], &[1]),
        ("C", &["--view", "breached"], &[]),
        ("zh_CN.UTF-8", &["--view", "等待客户"], &[3]),
        ("zh_CN.UTF-8", &["--view", "Unassigned"], &[1, 3]),
        ("C", &["--view", "unassigned", "--limit", "1"], &[1]),
    ];
    for (lang, args, want) in cases {
        assert_eq!(listed(&desk, lang, args), *want, "{lang} {args:?}");
    }
    desk.ok(&["view", "add", "维修", "kind:repair"]);
    assert_eq!(listed(&desk, "C", &["--view", "维修"]), [3]);
    let text = desk.ok(&["ticket", "list", "--view", "waiting"]);
    assert_line(&text, 1, &["3", "上门维修"]);

    let err = desk.refused_unchanged(4, &["ticket", "list", "--view", "nope"]);
    assert!(err.contains("views: My queue, Unassigned"), "{err}");
}

#[test]
fn view_list_counts_each_views_tickets_now_and_add_checks_the_query() {
    let desk = desk_with_tickets();
    let list = desk.json(&["view", "list"]);
    let counts: Vec<(&str, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (text(v, "key"), v["count"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("mine", 1),
            ("unassigned", 2),
            ("breached", 0),
            ("waiting", 1),
            ("complaints-week", 1)
        ]
    );
    let text = desk.ok(&["view", "list"]);
    assert_line(&text, 2, &["Unassigned", "unassigned", "2", "assignee:none"]);
    // A bad term is named and nothing is written.
    desk.invalid(
        &["view", "add", "x", "kind:complaint pirority:high"],
        "query",
        "pirority:high",
    );
    desk.invalid(&["view", "add", "x", "status:bogus"], "query", "status:bogus");
}
