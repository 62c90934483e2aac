//! The command line of ../shared/CLI.md for `log` and `timeline`, on a
//! temporary database.

use crate::common;

use common::*;
use frontdesk::domain::validate::TEXT_MAX;
use serde_json::Value;

/// A database with 张三 (C2026001) and 曾国藩 (C2026002).
fn desk_with_customers() -> Desk {
    let desk = Desk::new();
    desk.customer_at("2026-03-01T00:00:00Z", "张三", &[]);
    desk.customer_at("2026-03-01T00:00:00Z", "曾国藩", &[]);
    desk
}

/// `log --customer KEY --channel CH --summary S <extra…>` with `--json`.
fn log(desk: &Desk, now: &str, customer: &str, channel: &str, summary: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "log",
        "--customer",
        customer,
        "--channel",
        channel,
        "--summary",
        summary,
    ];
    args.extend_from_slice(extra);
    desk.json_at(now, &args)
}

const TIMELINE_KEYS: &[(&str, Kind)] = &[
    ("at", Kind::Instant),
    ("source", Kind::Str),
    ("ticket_id", Kind::OptInt),
    ("channel", Kind::OptStr),
    ("direction", Kind::OptStr),
    ("agent", Kind::Str),
    ("summary", Kind::Str),
];

#[test]
fn log_records_an_inbound_contact_by_default() {
    let desk = desk_with_customers();
    let i = log(&desk, NOW, "C2026001", "phone", "来电咨询价格", &[]);
    assert_interaction(&i);
    assert_eq!(i["direction"], "in");
    assert_eq!(i["channel"], "phone");
    assert_eq!(i["customer_id"], 1);
    assert!(i["ticket_id"].is_null());
    assert_eq!(i["at"], NOW);
    assert_eq!(i["agent"], AGENT);
    assert_eq!(i["summary"], "来电咨询价格");
    assert_eq!(desk.show_customer("1")["last_activity_at"], NOW);

    let earlier = log(
        &desk,
        NOW,
        "1",
        "visit",
        "上门拜访",
        &["--direction", "out", "--at", "2026-03-01T18:00:00+08:00"],
    );
    assert_eq!(earlier["direction"], "out");
    assert_eq!(earlier["at"], "2026-03-01T10:00:00Z");
    // An older contact does not move "last contact" back.
    assert_eq!(desk.show_customer("1")["last_activity_at"], NOW);

    assert_eq!(
        desk.ok(&["log", "--customer", "1", "--channel", "sms", "--summary", "短信通知"]),
        "3\n"
    );
}

#[test]
fn a_logged_note_is_not_contact_with_the_customer() {
    let desk = desk_with_customers();
    let note = log(&desk, NOW, "2", "other", "内部讨论报价", &["--direction", "note"]);
    assert_eq!(note["direction"], "note");
    assert!(desk.show_customer("2")["last_activity_at"].is_null());
}

#[test]
fn log_on_a_ticket_applies_what_the_contact_means() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("C2026001", "repair", "屏幕碎了", &[]));
    let ticket = t.to_string();
    let out = log(
        &desk,
        "2026-03-02T08:30:00Z",
        "C2026001",
        "phone",
        "已回电",
        &["--direction", "out", "--ticket", &ticket],
    );
    assert_eq!(out["ticket_id"], t);
    let shown = desk.show_ticket(t);
    assert_eq!(shown["first_response_at"], "2026-03-02T08:30:00Z");
    assert_eq!(shown["status"], "open");

    desk.ok(&["ticket", "set", &ticket, "--status", "pending"]);
    log(
        &desk,
        "2026-03-02T09:00:00Z",
        "1",
        "email",
        "客户发来照片",
        &["--ticket", &ticket],
    );
    let shown = desk.show_ticket(t);
    assert_eq!(shown["status"], "open", "the customer answered a pending ticket");
    let summaries: Vec<&str> = shown["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| text(i, "summary"))
        .collect();
    assert_eq!(summaries, ["已回电", "客户发来照片"]);
}

#[test]
fn log_on_another_customers_ticket_is_refused() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("C2026001", "repair", "屏幕碎了", &[]));
    let err = desk.refused_unchanged(
        2,
        &[
            "log",
            "--customer",
            "C2026002",
            "--channel",
            "phone",
            "--summary",
            "来电",
            "--ticket",
            &t.to_string(),
        ],
    );
    assert!(err.contains("ticket") && err.contains(&t.to_string()), "{err}");
    assert!(err.contains("C2026001") && err.contains("C2026002"), "{err}");
}

#[test]
fn log_validates_before_writing() {
    let desk = desk_with_customers();
    desk.ticket("1", "repair", "屏幕碎了", &[]);
    // ASCII: the longest text in CJK would pass the kernel's limit on one argument.
    let long = "x".repeat(TEXT_MAX + 1);
    let too_long = (TEXT_MAX + 1).to_string();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--channel", "信鸽", "--summary", "来电"], "channel", "信鸽"),
        (
            &["--channel", "phone", "--summary", "来电", "--direction", "横向"],
            "direction",
            "横向",
        ),
        (&["--channel", "phone", "--summary", "   "], "summary", "required"),
        (&["--channel", "phone", "--summary", &long], "summary", &too_long),
        (
            &["--channel", "phone", "--summary", "来电", "--at", "上周三"],
            "at",
            "上周三",
        ),
        (
            &["--channel", "phone", "--summary", "来电", "--at", "2026-02-29"],
            "at",
            "2026-02-29",
        ),
        (
            &[
                "--channel",
                "phone",
                "--summary",
                "来电",
                "--at",
                "2026-03-02T08:00:01Z",
            ],
            "at",
            "future",
        ),
    ];
    desk.invalid_each(&["log", "--customer", "1"], cases);
    let call = ["log", "--customer", "1", "--channel", "phone", "--summary", "来电"];
    desk.refused_unchanged(2, &["log", "--customer", "1", "--summary", "来电"]);
    desk.refused_unchanged(2, &["log", "--channel", "phone", "--summary", "来电"]);
    desk.refused_unchanged(2, &[&call[..], &["--ticket", "一"]].concat());
    let err = desk.refused_unchanged(4, &[&call[..], &["--ticket", "99"]].concat());
    assert!(err.contains("99"), "{err}");
}

/// 张三's day: a call, a ticket answered, paused, answered by the customer,
/// resolved and noted; plus one call of 曾国藩's that is not his.
fn a_day_of_contacts(desk: &Desk) -> i64 {
    log(desk, "2026-03-02T08:10:00Z", "1", "phone", "来电：屏幕碎了", &[]);
    let t = id(&desk.ticket_at("2026-03-02T08:20:00Z", "1", "repair", "屏幕碎了", &[]));
    let ticket = t.to_string();
    desk.json_at(
        "2026-03-02T08:30:00Z",
        &["ticket", "reply", &ticket, "--summary", "请寄回检测"],
    );
    desk.json_at(
        "2026-03-02T09:00:00Z",
        &["ticket", "set", &ticket, "--status", "pending"],
    );
    log(
        desk,
        "2026-03-02T09:30:00Z",
        "1",
        "email",
        "客户寄出快递",
        &["--ticket", &ticket],
    );
    desk.json_at("2026-03-02T10:00:00Z", &["ticket", "resolve", &ticket]);
    desk.json_at(
        "2026-03-02T10:30:00Z",
        &["ticket", "note", &ticket, "--summary", "记得回访"],
    );
    log(desk, "2026-03-02T11:00:00Z", "2", "visit", "曾国藩到店", &[]);
    t
}

#[test]
fn timeline_is_newest_first_with_interactions_and_ticket_events() {
    let desk = desk_with_customers();
    let t = a_day_of_contacts(&desk);
    let timeline = desk.json_at("2026-03-02T12:00:00Z", &["timeline", "C2026001"]);
    let entries = timeline.as_array().unwrap();
    entries.iter().for_each(|e| assert_shape(e, TIMELINE_KEYS));

    let times: Vec<&str> = entries.iter().map(|e| text(e, "at")).collect();
    let mut sorted = times.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "not newest first");

    // Entries at the same second may come in either order; compare per instant.
    let mut seen: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (
                text(e, "at").to_string(),
                text(e, "source").to_string(),
                text(e, "summary").to_string(),
            )
        })
        .collect();
    seen.sort();
    let ticket_event = |event: &str| format!("{event} #{t} 屏幕碎了");
    let mut expected: Vec<(String, String, String)> = [
        ("08:10", "interaction", "来电：屏幕碎了".to_string()),
        ("08:20", "ticket", ticket_event("opened")),
        ("08:30", "interaction", "请寄回检测".to_string()),
        ("08:30", "ticket", ticket_event("responded")),
        ("09:00", "ticket", ticket_event("paused")),
        ("09:30", "interaction", "客户寄出快递".to_string()),
        ("09:30", "ticket", ticket_event("resumed")),
        ("10:00", "ticket", ticket_event("resolved")),
        ("10:30", "interaction", "记得回访".to_string()),
    ]
    .into_iter()
    .map(|(time, source, summary)| (format!("2026-03-02T{time}:00Z"), source.to_string(), summary))
    .collect();
    expected.sort();
    assert_eq!(seen, expected);

    let first = &entries[0];
    assert_eq!(first["summary"], "记得回访");
    assert_eq!(first["direction"], "note");
    assert_eq!(first["ticket_id"], t);
    assert_eq!(first["agent"], AGENT);
    let last = entries.last().unwrap();
    assert_eq!(last["channel"], "phone");
    assert_eq!(last["direction"], "in");
    assert!(last["ticket_id"].is_null());
    let event = &entries[1];
    assert_eq!(event["source"], "ticket");
    assert!(event["channel"].is_null() && event["direction"].is_null());

    // By id and by code alike; --limit keeps the newest.
    assert_eq!(desk.json(&["timeline", "1"]), timeline);
    let limited = desk.json(&["timeline", "C2026001", "--limit", "2"]);
    assert_eq!(limited.as_array().unwrap()[..], entries[..2]);

    let other = desk.json(&["timeline", "C2026002"]);
    let other: Vec<&str> = other.as_array().unwrap().iter().map(|e| text(e, "summary")).collect();
    assert_eq!(other, ["曾国藩到店"]);
}

#[test]
fn timeline_as_text() {
    let desk = desk_with_customers();
    a_day_of_contacts(&desk);
    let text = desk.ok(&["timeline", "C2026001"]);
    assert_line(&text, 0, &["WHEN", "SUMMARY"]);
    // In the display zone (Shanghai), with its offset.
    assert_line(&text, 1, &["2026-03-02 18:30 +08:00", "记得回访"]);
    assert_line(&text, 9, &["2026-03-02 16:10 +08:00", "来电：屏幕碎了"]);
    assert_eq!(text.lines().count(), 10, "{text}");
    assert!(!text.contains("曾国藩到店"));
}

#[test]
fn timeline_of_an_unknown_customer_exits_4() {
    let desk = desk_with_customers();
    for key in ["99", "C2099001"] {
        let err = desk.refused_unchanged(4, &["timeline", key]);
        assert!(err.contains(key), "{err}");
    }
}

#[test]
fn only_interactions_carry_the_id_interaction_edit_takes() {
    let desk = desk_with_customers();
    a_day_of_contacts(&desk);
    let timeline = desk.json_at("2026-03-02T12:00:00Z", &["timeline", "C2026001"]);
    let entries = timeline.as_array().unwrap();
    assert!(entries.iter().any(|e| text(e, "source") == "ticket"));
    for e in entries {
        let interaction = text(e, "source") == "interaction";
        assert_eq!(e["id"].is_i64(), interaction, "{e}");
        assert_eq!(e["event_id"].is_i64(), !interaction, "{e}");
    }
}
