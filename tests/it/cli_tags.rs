//! Ticket tags on every CLI output: the `ticket show` page (English and
//! Chinese), the JSON of `ticket list`, and an export imported back into
//! an empty database giving the same tags, in the same order.

use crate::common;

use common::*;

/// 张三 (C2026001) with ticket 1 tagged `refund, 物流, vip` in that order.
fn tagged() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &[]);
    desk.ok(&["ticket", "set", "1", "--add-tag", "Refund, 物流", "--add-tag", "vip"]);
    desk
}

#[test]
fn ticket_show_has_a_tags_line_in_each_language() {
    let desk = tagged();
    let page = desk.ok(&["ticket", "show", "1"]);
    let line = page.lines().find(|l| l.starts_with("Tags")).expect("a Tags line");
    assert!(line.ends_with("refund, 物流, vip"), "{line:?}");
    let zh = stdout(desk.cmd().env("LANG", "zh_CN.UTF-8").args(["ticket", "show", "1"]));
    assert!(
        zh.lines().any(|l| l.starts_with("标签") && l.contains("refund")),
        "{zh}"
    );
    // A ticket without tags shows no empty line for them.
    desk.ticket("C2026001", "inquiry", "发票", &[]);
    let bare = desk.ok(&["ticket", "show", "2"]);
    assert!(!bare.lines().any(|l| l.starts_with("Tags")), "{bare}");
}

#[test]
fn list_json_carries_the_tags_array_on_every_ticket() {
    let desk = tagged();
    desk.ticket("C2026001", "inquiry", "发票", &[]);
    let list = desk.json(&["ticket", "list"]);
    let by_id = |id: i64| list.as_array().unwrap().iter().find(|t| t["id"] == id).unwrap().clone();
    assert_eq!(by_id(1)["tags"], serde_json::json!(["refund", "物流", "vip"]));
    assert_eq!(by_id(2)["tags"], serde_json::json!([]));
}

#[test]
fn an_export_imported_into_an_empty_database_exports_the_same_tags() {
    let desk = tagged();
    let csv = desk.ok(&["export", "tickets"]);
    let other = Desk::new();
    let file = other.dir().join("tickets.csv");
    std::fs::write(&file, &csv).unwrap();
    other.ok(&["import", "tickets", file.to_str().unwrap()]);
    let again = other.ok(&["export", "tickets"]);
    let tags = |text: &str| -> Vec<String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let at = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "tags")
            .expect("a tags column");
        reader.records().map(|r| r.unwrap()[at].to_string()).collect()
    };
    assert_eq!(tags(&csv), vec!["refund,物流,vip"]);
    assert_eq!(tags(&again), tags(&csv));
}

#[test]
fn a_bad_tag_exits_2_naming_it_and_writes_nothing() {
    let desk = tagged();
    let long = "t".repeat(41);
    desk.invalid(
        &["ticket", "set", "1", "--add-tag", &format!("ok,{long}")],
        "add-tag",
        "ttt",
    );
    desk.invalid(&["ticket", "set", "1", "--remove-tag", " , "], "remove-tag", " , ");
}
