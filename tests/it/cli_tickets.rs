//! The command line of ../shared/CLI.md for
//! `ticket add|list|show|reply|note|set|resolve|reopen`, on a temporary database.

use crate::common;

use common::*;
use frontdesk::domain::validate::TEXT_MAX;
use serde_json::Value;

/// A database with 张三 (C2026001) and 曾国藩 (C2026002).
fn desk_with_customers() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.customer("曾国藩", &[]);
    desk
}

/// `ticket <command> ID <extra…>` with `--json` at `now`.
fn on_ticket(desk: &Desk, now: &str, command: &str, ticket: i64, extra: &[&str]) -> Value {
    let id = ticket.to_string();
    let mut args = vec!["ticket", command, id.as_str()];
    args.extend_from_slice(extra);
    desk.json_at(now, &args)
}

fn audit_of(ticket: &Value, field: &str) -> Vec<(Value, Value)> {
    ticket["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["field"] == field)
        .map(|e| (e["old_value"].clone(), e["new_value"].clone()))
        .collect()
}

fn pair(old: &str, new: &str) -> (Value, Value) {
    (Value::from(old), Value::from(new))
}

// ---- ticket add ----

#[test]
fn add_prints_the_id_or_the_ticket_in_the_contract_shape() {
    let desk = desk_with_customers();
    assert_eq!(
        desk.ok(&[
            "ticket",
            "add",
            "--customer",
            "1",
            "--kind",
            "inquiry",
            "--subject",
            "发票怎么开"
        ]),
        "1\n"
    );
    let t = desk.ticket(
        "C2026002",
        "complaint",
        "屏幕碎了",
        &[
            "--priority",
            "high",
            "--channel",
            "phone",
            "--category",
            "product-quality",
            "--body",
            "收到货时屏幕已经碎了，要求换货。",
            "--opened-at",
            "2026-03-02T15:30:00+08:00",
        ],
    );
    assert_ticket(&t);
    let expected = [
        ("customer_code", "C2026002"),
        ("customer_name", "曾国藩"),
        ("kind", "complaint"),
        ("priority", "high"),
        ("channel", "phone"),
        ("category", "product-quality"),
        ("subject", "屏幕碎了"),
        ("description", "收到货时屏幕已经碎了，要求换货。"),
        ("status", "new"),
        ("opened_at", "2026-03-02T07:30:00Z"),
        // The default routing sends product-quality complaints to the product department.
        ("department", "product"),
    ];
    for (key, want) in expected {
        assert_eq!(t[key], want, "{key}");
    }
    assert_eq!(t["customer_id"], 2);
    assert_eq!(t["version"], 1);
    for key in ["first_response_at", "resolved_at", "closed_at"] {
        assert!(t[key].is_null(), "{key}");
    }

    let defaults = desk.ticket("1", "other", "其他问题", &[]);
    assert_eq!(defaults["priority"], "normal");
    assert_eq!(defaults["channel"], "other");
    assert_eq!(defaults["opened_at"], NOW);
    assert_eq!(defaults["department"], "");

    let shown = desk.show_ticket(2);
    assert_eq!(
        audit_of(&shown, "department"),
        vec![(Value::Null, Value::from("product"))]
    );
    assert_eq!(
        audit_of(&shown, "created"),
        vec![(Value::Null, Value::from("屏幕碎了"))]
    );
}

#[test]
fn invalid_tickets_exit_2_naming_field_and_value_and_write_nothing() {
    let desk = desk_with_customers();
    desk.ticket("1", "repair", "屏幕碎了", &[]);
    let long_subject = "屏".repeat(201);
    let long_category = "类".repeat(65);
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--kind", "投诉", "--subject", "屏幕碎了"], "kind", "投诉"),
        (&["--kind", "repair", "--subject", "   "], "subject", "required"),
        (&["--kind", "repair", "--subject", &long_subject], "subject", "201"),
        (
            &["--kind", "repair", "--subject", "屏幕碎了", "--priority", "紧急"],
            "priority",
            "紧急",
        ),
        (
            &["--kind", "repair", "--subject", "屏幕碎了", "--channel", "信鸽"],
            "channel",
            "信鸽",
        ),
        (
            &[
                "--kind",
                "repair",
                "--subject",
                "屏幕碎了",
                "--category",
                &long_category,
            ],
            "category",
            "65",
        ),
        (
            &["--kind", "repair", "--subject", "屏幕碎了", "--opened-at", "昨天"],
            "opened-at",
            "昨天",
        ),
        (
            &[
                "--kind",
                "repair",
                "--subject",
                "屏幕碎了",
                "--opened-at",
                "2026-03-02T08:00:01Z",
            ],
            "opened-at",
            "future",
        ),
    ];
    desk.invalid_each(&["ticket", "add", "--customer", "C2026001"], cases);
    let usage: &[&[&str]] = &[
        &["ticket", "add", "--customer", "1", "--kind", "repair"],
        &["ticket", "add", "--customer", "1", "--subject", "屏幕碎了"],
        &["ticket", "show", "一"],
        &["ticket", "reply", "1"],
        &["ticket", "note", "1", "--channel", "phone", "--summary", "备注"],
        &["ticket", "set", "1", "--if-version", "v2"],
    ];
    for args in usage {
        desk.refused_unchanged(2, args);
    }
}

// ---- ticket list and show ----

#[test]
fn list_is_newest_first_and_filters_by_status_assignee_customer_and_limit() {
    let desk = desk_with_customers();
    let opened =
        |customer: &str, subject: &str, at: &str| id(&desk.ticket(customer, "repair", subject, &["--opened-at", at]));
    let a = opened("1", "屏幕碎了", "2026-03-01T09:00:00Z");
    let b = opened("2", "无法开机", "2026-03-01T11:00:00Z");
    let c = opened("1", "电池鼓包", "2026-03-01T10:00:00Z");
    on_ticket(&desk, NOW, "set", c, &["--assignee", "李四", "--status", "pending"]);

    let list = |extra: &[&str]| {
        let mut args = vec!["ticket", "list"];
        args.extend_from_slice(extra);
        let list = desk.json(&args);
        list.as_array().unwrap().iter().for_each(assert_ticket);
        ids(&list)
    };
    assert_eq!(list(&[]), vec![b, c, a]);
    assert_eq!(list(&["--status", "pending"]), vec![c]);
    assert_eq!(list(&["--status", "new"]), vec![b, a]);
    assert_eq!(list(&["--assignee", "李四"]), vec![c]);
    assert_eq!(list(&["--customer", "C2026001"]), vec![c, a]);
    assert_eq!(list(&["--customer", "2"]), vec![b]);
    assert_eq!(list(&["--customer", "1", "--status", "new"]), vec![a]);
    assert_eq!(list(&["--limit", "2"]), vec![b, c]);
    assert_eq!(list(&["--limit", "0"]).len(), 3);

    desk.invalid(&["ticket", "list", "--status", "完成"], "status", "完成");

    let text = desk.ok(&["ticket", "list"]);
    assert_line(&text, 0, &["STATUS", "SUBJECT"]);
    assert_line(&text, 1, &["无法开机", "曾国藩"]);
}

#[test]
fn show_has_the_history_and_the_audit_trail() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &["--body", "摔了一下"]));
    on_ticket(&desk, "2026-03-02T09:00:00Z", "note", t, &["--summary", "需要寄回检测"]);
    let shown = desk.show_ticket(t);
    assert_ticket(&shown);
    let interactions = shown["interactions"].as_array().unwrap();
    assert_eq!(interactions.len(), 1);
    assert_interaction(&interactions[0]);
    assert_eq!(interactions[0]["summary"], "需要寄回检测");
    let audit = shown["audit"].as_array().unwrap();
    assert!(!audit.is_empty());
    for e in audit {
        assert_shape(e, &[("at", Kind::Instant), ("agent", Kind::Str), ("field", Kind::Str)]);
        assert_eq!(e["agent"], AGENT);
    }

    let text = desk.ok(&["ticket", "show", &t.to_string()]);
    for part in ["屏幕碎了", "C2026001", "张三", "摔了一下", "需要寄回检测"] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
}

// ---- reply and note ----

#[test]
fn a_reply_is_the_first_response_and_opens_a_new_ticket() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "complaint", "屏幕碎了", &["--channel", "email"]));
    let reply = on_ticket(
        &desk,
        "2026-03-02T08:20:00Z",
        "reply",
        t,
        &["--summary", "已致电客户，安排换货"],
    );
    assert_interaction(&reply);
    assert_eq!(reply["direction"], "out");
    assert_eq!(reply["channel"], "email", "a reply goes out on the ticket's channel");
    assert_eq!(reply["ticket_id"], t);
    assert_eq!(reply["customer_id"], 1);
    assert_eq!(reply["agent"], AGENT);
    assert_eq!(reply["at"], "2026-03-02T08:20:00Z");

    let shown = desk.show_ticket(t);
    assert_eq!(shown["first_response_at"], "2026-03-02T08:20:00Z");
    assert_eq!(shown["status"], "open");
    assert_eq!(shown["version"], 2);
    assert_eq!(audit_of(&shown, "status"), vec![pair("new", "open")]);
    assert_eq!(desk.show_customer("1")["last_activity_at"], "2026-03-02T08:20:00Z");

    // A later reply is not the first response.
    let second = on_ticket(
        &desk,
        "2026-03-02T09:00:00Z",
        "reply",
        t,
        &["--summary", "换货已寄出", "--channel", "sms"],
    );
    assert_eq!(second["channel"], "sms");
    let shown = desk.show_ticket(t);
    assert_eq!(shown["first_response_at"], "2026-03-02T08:20:00Z");
    assert_eq!(shown["interactions"].as_array().unwrap().len(), 2);
    assert_eq!(
        desk.ok(&["ticket", "reply", &t.to_string(), "--summary", "好的"]),
        "3\n"
    );
}

#[test]
fn a_note_never_counts_as_a_response() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "complaint", "屏幕碎了", &[]));
    let note = on_ticket(&desk, "2026-03-02T08:10:00Z", "note", t, &["--summary", "先查物流记录"]);
    assert_interaction(&note);
    assert_eq!(note["direction"], "note");
    let shown = desk.show_ticket(t);
    assert!(shown["first_response_at"].is_null());
    assert_eq!(shown["status"], "new");
    assert!(audit_of(&shown, "status").is_empty());

    on_ticket(&desk, "2026-03-02T08:30:00Z", "reply", t, &["--summary", "已回复客户"]);
    on_ticket(&desk, "2026-03-02T08:40:00Z", "note", t, &["--summary", "客户语气激动"]);
    assert_eq!(desk.show_ticket(t)["first_response_at"], "2026-03-02T08:30:00Z");
}

#[test]
fn reply_and_note_validate_before_writing() {
    let desk = desk_with_customers();
    desk.ticket("1", "inquiry", "发票怎么开", &[]);
    // ASCII: the longest text in CJK would pass the kernel's limit on one argument.
    let long = "x".repeat(TEXT_MAX + 1);
    let too_long = (TEXT_MAX + 1).to_string();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["ticket", "reply", "1", "--summary", "  "], "summary", "required"),
        (
            &["ticket", "reply", "1", "--summary", "好的", "--channel", "信鸽"],
            "channel",
            "信鸽",
        ),
        (&["ticket", "note", "1", "--summary", ""], "summary", "required"),
        (&["ticket", "note", "1", "--summary", &long], "summary", &too_long),
    ];
    desk.invalid_each(&[], cases);
}

// ---- set, resolve, reopen ----

#[test]
fn set_moves_to_pending_and_back_to_open_with_audit() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    on_ticket(&desk, NOW, "reply", t, &["--summary", "请提供购买凭证"]);
    let pending = on_ticket(&desk, "2026-03-02T09:00:00Z", "set", t, &["--status", "pending"]);
    assert_ticket(&pending);
    assert_eq!(pending["status"], "pending");
    assert_eq!(pending["version"], 3);
    let open = on_ticket(&desk, "2026-03-02T10:00:00Z", "set", t, &["--status", "open"]);
    assert_eq!(open["status"], "open");
    assert_eq!(open["version"], 4);
    let shown = desk.show_ticket(t);
    assert_eq!(
        audit_of(&shown, "status"),
        vec![pair("new", "open"), pair("open", "pending"), pair("pending", "open")]
    );
    let text = desk.ok(&["ticket", "set", &t.to_string(), "--status", "pending"]);
    assert!(text.contains("pending") && text.contains("version 5"), "{text}");
}

#[test]
fn set_changes_and_audits_each_field() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    let changed = desk.json_as(
        "李四",
        "2026-03-02T09:00:00Z",
        &[
            "ticket",
            "set",
            &t.to_string(),
            "--priority",
            "urgent",
            "--assignee",
            "赵六",
            "--department",
            "维修部",
            "--category",
            "屏幕",
        ],
    );
    for (key, want) in [
        ("priority", "urgent"),
        ("assignee", "赵六"),
        ("department", "维修部"),
        ("category", "屏幕"),
    ] {
        assert_eq!(changed[key], want, "{key}");
    }
    assert_eq!(changed["version"], 2, "one change, one version");
    let shown = desk.show_ticket(t);
    for (field, old, new) in [
        ("priority", "normal", "urgent"),
        ("assignee", "", "赵六"),
        ("department", "", "维修部"),
        ("category", "", "屏幕"),
    ] {
        assert_eq!(audit_of(&shown, field), vec![pair(old, new)], "{field}");
    }
    let by_li: Vec<&Value> = shown["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["agent"] == "李四")
        .collect();
    assert_eq!(by_li.len(), 4);
    assert!(by_li.iter().all(|e| e["at"] == "2026-03-02T09:00:00Z"));

    // Setting what is already there writes nothing.
    let before = desk.dump();
    assert_eq!(on_ticket(&desk, NOW, "set", t, &["--priority", "urgent"])["version"], 2);
    assert_eq!(before, desk.dump());
}

#[test]
fn set_refuses_bad_values_and_steps_without_writing() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    on_ticket(&desk, NOW, "reply", t, &["--summary", "收到"]);
    let long = "赵".repeat(65);
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--priority", "紧急"], "priority", "紧急"),
        (&["--status", "完成"], "status", "完成"),
        (&["--status", "new"], "status", "new"),
        (&["--assignee", &long], "assignee", "65"),
        (&["--department", &long], "department", "65"),
        (&["--priority", "low", "--status", "new"], "status", "new"),
    ];
    desk.invalid_each(&["ticket", "set", "1"], cases);
}

#[test]
fn a_stale_if_version_is_a_conflict_and_changes_nothing() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    on_ticket(&desk, NOW, "set", t, &["--assignee", "李四", "--if-version", "1"]);
    let before = desk.show_ticket(t);
    let err = desk.refused_unchanged(3, &["ticket", "set", "1", "--assignee", "赵六", "--if-version", "1"]);
    assert!(err.contains("version"), "{err}");
    assert_eq!(before, desk.show_ticket(t));
    let done = on_ticket(&desk, NOW, "set", t, &["--assignee", "赵六", "--if-version", "2"]);
    assert_eq!(done["assignee"], "赵六");
    assert_eq!(done["version"], 3);
}

#[test]
fn resolve_and_reopen() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    let resolved = on_ticket(
        &desk,
        "2026-03-03T08:00:00Z",
        "resolve",
        t,
        &["--summary", "已更换屏幕"],
    );
    assert_ticket(&resolved);
    assert_eq!(resolved["status"], "resolved");
    assert_eq!(resolved["resolved_at"], "2026-03-03T08:00:00Z");
    let shown = desk.show_ticket(t);
    let last = shown["interactions"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["summary"], "已更换屏幕");
    assert_eq!(last["direction"], "note");
    assert!(shown["first_response_at"].is_null(), "a resolve note is no response");

    let reopened = on_ticket(
        &desk,
        "2026-03-04T08:00:00Z",
        "reopen",
        t,
        &["--summary", "客户说屏幕又坏了"],
    );
    assert_eq!(reopened["status"], "open");
    assert!(reopened["resolved_at"].is_null());
    assert_eq!(reopened["reopen_count"], 1);

    // Only a resolved or closed ticket can be reopened.
    let err = desk.refused_unchanged(2, &["ticket", "reopen", &t.to_string()]);
    assert!(err.contains("status") && err.contains("open"), "{err}");
    let fresh = id(&desk.ticket("2", "inquiry", "发票怎么开", &[]));
    desk.refused_unchanged(2, &["ticket", "reopen", &fresh.to_string()]);

    // Closed: closed_at set; it cannot go back to resolved, but it can be reopened.
    let closed = on_ticket(&desk, "2026-03-05T08:00:00Z", "set", t, &["--status", "closed"]);
    assert_eq!(closed["closed_at"], "2026-03-05T08:00:00Z");
    assert_eq!(closed["resolved_at"], "2026-03-05T08:00:00Z");
    desk.refused_unchanged(2, &["ticket", "resolve", &t.to_string()]);
    let again = on_ticket(&desk, "2026-03-06T08:00:00Z", "reopen", t, &[]);
    assert_eq!(again["status"], "open");
    assert!(again["closed_at"].is_null());
    assert_eq!(again["reopen_count"], 2);

    let shown = desk.show_ticket(t);
    assert_eq!(
        audit_of(&shown, "status"),
        vec![
            pair("new", "resolved"),
            pair("resolved", "open"),
            pair("open", "closed"),
            pair("closed", "open")
        ]
    );
    desk.invalid(&["ticket", "resolve", "1", "--summary", " "], "summary", "required");
}

#[test]
fn the_queue_holds_only_active_tickets() {
    let desk = desk_with_customers();
    let add = |subject: &str| id(&desk.ticket("1", "repair", subject, &[]));
    let new = add("新工单");
    let open = add("处理中");
    let pending = add("等客户回复");
    let resolved = add("已解决");
    let closed = add("已关闭");
    on_ticket(&desk, NOW, "reply", open, &["--summary", "收到"]);
    on_ticket(&desk, NOW, "set", pending, &["--status", "pending"]);
    on_ticket(&desk, NOW, "resolve", resolved, &[]);
    on_ticket(&desk, NOW, "set", closed, &["--status", "closed"]);

    let queue = desk.json(&["ticket", "list", "--queue"]);
    let entries = queue.as_array().unwrap();
    entries.iter().for_each(assert_ticket);
    let in_queue = ids(&queue);
    for wanted in [new, open, pending] {
        assert!(in_queue.contains(&wanted), "#{wanted} missing from {in_queue:?}");
    }
    assert!(!in_queue.contains(&closed), "a closed ticket is in the queue");
    for t in entries {
        let status = text(t, "status");
        let waiting = ["new", "open", "pending"].contains(&status);
        // A resolved ticket stays while its callback is outstanding (see the schema).
        let callback_due =
            status == "resolved" && (t["callback_outcome"].is_null() || t["callback_outcome"] == "follow-up");
        assert!(waiting || callback_due, "#{} ({status}) is not active", id(t));
    }
    let mut unique = in_queue.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), in_queue.len(), "a ticket is listed twice: {in_queue:?}");
}

#[test]
fn the_queue_honours_status_assignee_customer_and_limit() {
    let desk = desk_with_customers();
    let mine = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    let theirs = id(&desk.ticket("2", "complaint", "送货太慢", &[]));
    let waiting = id(&desk.ticket("1", "inquiry", "发票怎么开", &[]));
    on_ticket(&desk, NOW, "set", mine, &["--assignee", "李四"]);
    on_ticket(
        &desk,
        NOW,
        "set",
        waiting,
        &["--assignee", "李四", "--status", "pending"],
    );
    let queue = |extra: &[&str]| {
        let mut args = vec!["ticket", "list", "--queue"];
        args.extend_from_slice(extra);
        let mut ids = ids(&desk.json(&args));
        ids.sort_unstable();
        ids
    };
    assert_eq!(queue(&[]), vec![mine, theirs, waiting]);
    assert_eq!(queue(&["--assignee", "李四"]), vec![mine, waiting]);
    assert_eq!(queue(&["--status", "pending"]), vec![waiting]);
    assert_eq!(queue(&["--customer", "C2026002"]), vec![theirs]);
    assert_eq!(queue(&["--customer", "1", "--status", "new"]), vec![mine]);
    assert_eq!(queue(&["--assignee", "李四", "--limit", "1"]).len(), 1);
    desk.invalid(&["ticket", "list", "--queue", "--status", "完成"], "status", "完成");
    desk.refused_unchanged(4, &["ticket", "list", "--queue", "--customer", "C2099001"]);
}

#[test]
fn unknown_tickets_exit_4_and_write_nothing() {
    let desk = desk_with_customers();
    desk.ticket("1", "repair", "屏幕碎了", &[]);
    let cases: &[&[&str]] = &[
        &["ticket", "show", "99"],
        &["ticket", "reply", "99", "--summary", "好的"],
        &["ticket", "note", "99", "--summary", "备注"],
        &["ticket", "set", "99", "--status", "open"],
        &["ticket", "set", "99", "--assignee", "李四", "--if-version", "1"],
        &["ticket", "resolve", "99"],
        &["ticket", "reopen", "99"],
    ];
    for args in cases {
        let err = desk.refused_unchanged(4, args);
        assert!(err.contains("99") && err.contains("not found"), "{args:?}: {err}");
    }
}

#[test]
fn an_imported_ticket_goes_to_the_customer_with_that_code_not_that_id() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let li = id(&desk.customer("李四", &["--code", "1"]));
    let file = desk.dir().join("tickets.csv");
    std::fs::write(&file, "customer_code,kind,subject\n1,repair,屏幕碎了\n").unwrap();
    desk.ok(&["import", "tickets", file.to_str().unwrap()]);
    let list = desk.json(&["ticket", "list"]);
    assert_eq!(list[0]["customer_id"], li, "{list}");
    assert_eq!(list[0]["customer_code"], "1");
}

#[test]
fn fresh_work_comes_before_tickets_that_breached_long_ago() {
    let desk = desk_with_customers();
    let old = |at: &str, subject: &str| id(&desk.ticket_at(at, "1", "inquiry", subject, &[]));
    let oldest = old("2025-04-20T08:00:00Z", "去年的咨询");
    let older = old("2026-02-01T08:00:00Z", "上个月的咨询");
    // Opened an hour ago: its first response (one hour for a complaint) is still running.
    let fresh = id(&desk.ticket_at(
        "2026-03-02T07:10:00Z",
        "2",
        "complaint",
        "刚到的投诉",
        &["--priority", "urgent"],
    ));
    let pending = old("2026-02-01T09:00:00Z", "等客户回复");
    on_ticket(&desk, NOW, "reply", pending, &["--summary", "请提供订单号"]);
    on_ticket(&desk, NOW, "set", pending, &["--status", "pending"]);

    let queue = desk.json(&["ticket", "list", "--queue"]);
    let bands: Vec<(i64, &str)> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (id(t), text(t, "band")))
        .collect();
    assert_eq!(
        bands,
        [
            (fresh, "current"),
            (oldest, "long_overdue"),
            (older, "long_overdue"),
            (pending, "no_clock")
        ]
    );
    let why = &queue[1]["urgency_breakdown"];
    assert!(
        why.as_array().unwrap().iter().any(|p| p["factor"] == "long_overdue"),
        "the breakdown says why: {why}"
    );

    let human = stdout(desk.cmd().args(["ticket", "list", "--queue"]));
    assert!(
        human.contains(&format!(
            "2 long-overdue tickets (more than 24 h past due) are listed after current work, from #{oldest}."
        )),
        "{human}"
    );
    let plain = stdout(desk.cmd().args(["ticket", "list"]));
    assert!(!plain.contains("long-overdue"), "only the queue has bands:\n{plain}");

    // The breakdown names the band, its figures right-aligned however long the offset.
    let shown = stdout(desk.cmd().args(["ticket", "show", &oldest.to_string()]));
    let start = shown.find("Urgency").expect("an urgency heading");
    let why: Vec<&str> = shown[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(
        why.iter()
            .any(|l| l.contains("overdue more than 24 h: after current work")),
        "{shown}"
    );
    let ends: Vec<usize> = why
        .iter()
        .map(|l| l.trim_start().find(' ').unwrap() + l.len() - l.trim_start().len())
        .collect();
    assert!(
        ends.windows(2).all(|w| w[0] == w[1]),
        "figures not aligned:\n{}",
        why.join("\n")
    );
}

#[test]
fn ticket_set_without_a_change_is_refused_naming_the_options() {
    let desk = desk_with_customers();
    let t = id(&desk.ticket("1", "repair", "屏幕碎了", &[]));
    let before = desk.show_ticket(t);
    desk.invalid(&["ticket", "set", &t.to_string()], "ticket set", "--priority");
    desk.invalid(
        &["ticket", "set", &t.to_string(), "--if-version", "1"],
        "ticket set",
        "nothing to change",
    );
    assert_eq!(desk.show_ticket(t)["version"], before["version"]);
}
