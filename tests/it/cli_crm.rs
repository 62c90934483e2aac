//! Relationship management from the command line: orders, tiers and their
//! pin, churn warnings, reminders, duplicates, merging and archiving. Each
//! test makes its own database and runs at fixed `--now` times.

use crate::common;

use common::*;
use serde_json::{Value, json};

/// The string values of `key` in a JSON array of objects (numbers as text),
/// or the array's own strings when `key` is empty.
fn strings(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .map(|v| if key.is_empty() { v } else { &v[key] })
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        .collect()
}

/// Adds a customer at `now`; returns its id as text.
fn add(desk: &Desk, now: &str, name: &str, extra: &[&str]) -> String {
    id(&desk.customer_at(now, name, extra)).to_string()
}

/// Opens a ticket at `now`; returns its id as text.
fn open(desk: &Desk, now: &str, customer: &str, kind: &str, subject: &str) -> String {
    id(&desk.ticket_at(now, customer, kind, subject, &[])).to_string()
}

fn show_at(desk: &Desk, now: &str, key: &str) -> Value {
    desk.json_at(now, &["customer", "show", key])
}

/// A survey of `customer` at unix time `at` with quality, response and
/// communication scores, written into the database directly: `survey add`
/// takes the clock's time and recomputes the customer at once, which these
/// tests leave to the commands they test.
fn survey(desk: &Desk, customer: &str, at: i64, scores: [i64; 3]) {
    let customer: i64 = customer.parse().unwrap();
    let [quality, response, communication] = scores;
    desk.rows(&format!(
        "INSERT INTO surveys (customer_id, at, quality, response, communication, agent)
         VALUES ({customer}, {at}, {quality}, {response}, {communication}, 'li.na')"
    ));
}

fn empty() -> Value {
    Value::Array(vec![])
}

#[test]
fn orders_update_value_tier_and_lifecycle() {
    let desk = Desk::new();
    let id = add(&desk, NOW, "王芳", &["--phone", "13812345678", "--since", "2026-01-01"]);
    assert_eq!(desk.show_customer(&id)["lifecycle"], "prospect");

    desk.ok(&[
        "order",
        "add",
        "--customer",
        &id,
        "--amount",
        "8000",
        "--product",
        "冰箱",
    ]);
    let c = desk.show_customer(&id);
    assert_eq!(c["lifetime_value_cents"], 800_000);
    assert_eq!(c["tier"], "potential", "young, with a big recent order");
    assert_eq!(c["lifecycle"], "new");

    let later = "2026-03-03T09:00:00Z";
    let order = desk.json_at(
        later,
        &[
            "order",
            "add",
            "--customer",
            "C2026001",
            "--amount",
            "42,000.50",
            "--at",
            "2026-03-03T08:00:00+08:00",
            "--note",
            "加急",
        ],
    );
    assert_eq!(order["amount_cents"], 4_200_050);
    assert_eq!(order["amount"], "42000.50");
    assert_eq!(order["at"], "2026-03-03T00:00:00Z");
    assert_eq!(order["created_by"], AGENT);
    let c = show_at(&desk, later, &id);
    assert_eq!(c["lifetime_value_cents"], 5_000_050);
    assert_eq!(c["tier"], "high-value");
    assert_eq!(c["tier_pinned"], false);

    // Invalid input writes nothing (exit 2); an unknown customer is exit 4.
    // A comma that is no thousands separator is refused, never dropped.
    for amount in ["-5", "12.345", "abc", "", "1,50", "12,34", "1,2345", "0,125"] {
        desk.invalid(
            &["order", "add", "--customer", &id, "--amount", amount],
            "amount",
            amount,
        );
    }
    let future = ["order", "add", "--customer", &id, "--amount", "1", "--at", "2027-01-01"];
    assert!(desk.invalid(&future, "at", "2027-01-01").contains("future"));
    desk.refused_unchanged(4, &["order", "add", "--customer", "C1999999", "--amount", "1"]);

    let list = desk.json_at(later, &["order", "list", "--customer", &id]);
    assert_eq!(strings(&list, "amount"), ["42000.50", "8000.00"], "newest first");
    assert_eq!(list[0]["note"], "加急");
    let table = desk.ok_at(later, &["order", "list", "--customer", &id]);
    assert_line(&table, 2, &["8000.00", "冰箱"]);
}

#[test]
fn a_pinned_tier_survives_new_orders_until_unpinned() {
    let desk = Desk::new();
    let id = add(&desk, NOW, "Acme 电子", &["--kind", "company"]);
    desk.ok(&["customer", "edit", &id, "--tier", "standard"]);
    desk.ok(&["order", "add", "--customer", &id, "--amount", "80000"]);
    let c = desk.show_customer(&id);
    assert_eq!((text(&c, "tier"), c["tier_pinned"].as_bool()), ("standard", Some(true)));
    assert!(desk.ok(&["customer", "show", &id]).contains("standard (pinned)"));

    desk.fails(2, &["customer", "edit", &id, "--unpin-tier", "--tier", "potential"]);
    let version = c["version"].to_string();
    let unpin = [
        "customer",
        "edit",
        &id,
        "--unpin-tier",
        "--notes",
        "大客户",
        "--if-version",
        &version,
    ];
    desk.ok(&unpin);
    let c = desk.show_customer(&id);
    assert_eq!(c["tier"], "high-value");
    assert_eq!(c["tier_pinned"], false);
    assert_eq!(c["notes"], "大客户");
    assert!(strings(&c["audit"], "field").contains(&"tier_pinned".to_string()));
    // A stale version is a conflict, and nothing changes.
    desk.refused_unchanged(3, &["customer", "edit", &id, "--unpin-tier", "--if-version", &version]);
}

#[test]
fn complaints_make_a_customer_at_risk_with_reasons() {
    let desk = Desk::new();
    let id = add(&desk, NOW, "赵六", &["--phone", "13900001111"]);
    let other = add(&desk, NOW, "钱七", &["--phone", "13900002222"]);
    open(&desk, NOW, &id, "complaint", "送货太慢");
    assert_eq!(desk.show_customer(&id)["tier"], "standard");
    let later = "2026-03-20T09:00:00Z";
    let ticket = open(&desk, later, &id, "complaint", "又坏了");
    let c = show_at(&desk, later, &id);
    assert_eq!(c["tier"], "at-risk", "recomputed when the ticket was added");
    assert_eq!(c["warnings"][0]["reason"], "complaints");
    assert_eq!(c["warnings"][0]["count"], 2);
    assert_eq!(c["warnings"][0]["text"], "2 complaints in the last 30 days");
    let page = desk.ok_at(later, &["customer", "show", &id]);
    assert!(page.contains("Churn warnings:") && page.contains("2 complaints in the last 30 days"));

    let risk = desk.json_at(later, &["customer", "risk"]);
    assert_eq!(strings(&risk, "code"), ["C2026001"], "only the warned customer");
    assert_customer(&risk[0]);
    assert_eq!(risk[0]["warnings"][0]["reason"], "complaints");
    let table = desk.ok_at(later, &["customer", "risk", "--limit", "5"]);
    assert_line(&table, 1, &["赵六", "at-risk", "2 complaints in the last 30 days"]);
    assert!(!table.contains("钱七"), "{table}");
    assert_eq!(show_at(&desk, later, &other)["tier"], "standard");

    // A month on, the first complaint has left its window; resolving (here
    // with `ticket set`, as triage does) recomputes.
    let month_on = "2026-04-05T09:00:00Z";
    desk.ok_at(month_on, &["ticket", "set", &ticket, "--status", "resolved"]);
    let c = show_at(&desk, month_on, &id);
    assert_eq!(c["tier"], "standard");
    assert_eq!(c["warnings"], empty());
    assert_eq!(desk.json_at(month_on, &["customer", "risk"]), empty());
}

#[test]
fn overdue_orders_and_low_satisfaction_are_warned() {
    let desk = Desk::new();
    let now = "2025-06-01";
    let id = add(&desk, "2025-01-01", "孙八", &["--email", "sun@example.com"]);
    for at in ["2025-02-01", "2025-03-01", "2025-04-01"] {
        desk.ok_at(now, &["order", "add", "--customer", &id, "--amount", "100", "--at", at]);
    }
    survey(&desk, &id, 1_745_000_000, [2, 3, 2]);
    let risk = desk.json_at(now, &["customer", "risk"]);
    assert_eq!(
        strings(&risk[0]["warnings"], "reason"),
        ["low_satisfaction", "orders_overdue"]
    );
    assert_eq!(
        risk[0]["warnings"][1]["text"],
        "no order for 61 days; usually one every 30 days"
    );
    assert_eq!(risk[0]["warnings"][1]["usual_days"], 30);
    // The stored tier followed the last order; `customer recompute` catches up
    // with the rest (here: nothing left to change).
    assert_eq!(show_at(&desk, now, &id)["tier"], "at-risk");
    let summary = desk.json_at(now, &["customer", "recompute"]);
    assert_eq!(
        summary,
        json!({"customers": 1, "tiers_changed": 0, "lifecycles_changed": 0})
    );
}

#[test]
fn cadence_reminders_follow_the_last_outbound_contact() {
    let desk = Desk::new();
    let vip = add(&desk, NOW, "周杰", &["--tier", "high-value"]);
    add(&desk, NOW, "吴敏", &[]);
    let day_after = "2026-04-02T00:00:00Z";
    let overdue = || desk.json_at(day_after, &["reminder", "list", "--when", "overdue"]);
    let list = overdue();
    assert_eq!(
        strings(&list, "reason"),
        ["cadence"],
        "standard customers have no cadence"
    );
    assert_eq!(list[0]["customer_name"], "周杰");
    assert_eq!(list[0]["due_at"], "2026-04-01T08:00:00Z");
    assert_eq!(list[0]["id"], Value::Null);
    assert_eq!(list[0]["when"], "overdue");

    // An inbound contact changes nothing; an outbound one moves the due date.
    desk.ok_at(
        day_after,
        &["log", "--customer", &vip, "--channel", "phone", "--summary", "来电"],
    );
    assert_eq!(overdue().as_array().unwrap().len(), 1);
    let out = [
        "log",
        "--customer",
        &vip,
        "--channel",
        "phone",
        "--direction",
        "out",
        "--summary",
        "回访",
    ];
    desk.ok_at(day_after, &out);
    assert_eq!(overdue(), empty());
    let all = desk.json_at(day_after, &["reminder", "list"]);
    assert_eq!(
        (text(&all[0], "due_at"), text(&all[0], "when")),
        ("2026-05-02T00:00:00Z", "later")
    );

    // Seen six days before, it is upcoming; a ticket reply counts as contact too.
    let week_before = "2026-04-26T00:00:00Z";
    let upcoming = desk.json_at(week_before, &["reminder", "list", "--when", "upcoming"]);
    assert_eq!(strings(&upcoming, "customer_name"), ["周杰"]);
    let ticket = open(&desk, week_before, &vip, "inquiry", "保修");
    desk.ok_at(
        "2026-04-26T00:10:00Z",
        &["ticket", "reply", &ticket, "--summary", "在保修期内"],
    );
    let all = desk.json_at("2026-04-26T00:10:00Z", &["reminder", "list"]);
    assert_eq!(all[0]["due_at"], "2026-05-26T00:10:00Z");
    let table = desk.ok_at("2026-04-26T00:10:00Z", &["reminder", "list"]);
    // Under "Today · none", a blank line, "Upcoming · 1" and the column titles.
    assert_line(&table, 4, &["2026-05-26 08:10 +08:00", "later", "cadence", "周杰"]);
}

#[test]
fn callbacks_due_and_manual_reminders() {
    let desk = Desk::new();
    let id = add(&desk, NOW, "郑洁", &[]);
    let ticket = open(&desk, NOW, &id, "repair", "空调不制冷");
    desk.ok(&["ticket", "resolve", &ticket, "--summary", "已修好"]);
    // The callback is due 24 h after resolution. 08:00 UTC is 16:00 in
    // Shanghai (the default zone), so that is after today: upcoming.
    let list = desk.json(&["reminder", "list"]);
    assert_eq!(strings(&list, "reason"), ["callback"]);
    assert_eq!(list[0]["ticket_id"].to_string(), ticket);
    assert_eq!(
        (text(&list[0], "due_at"), text(&list[0], "when")),
        ("2026-03-03T08:00:00Z", "upcoming")
    );

    let add_args = [
        "reminder",
        "add",
        "--customer",
        &id,
        "--ticket",
        &ticket,
        "--due",
        "2026-03-02T15:00:00Z",
        "--note",
        "确认满意度",
    ];
    let added = desk.json(&add_args);
    assert_eq!(added["reason"], "manual");
    let reminder = id_text(&added);
    let today = desk.json(&["reminder", "list", "--when", "today"]);
    assert_eq!(strings(&today, "note"), ["确认满意度"]);

    desk.ok(&["ticket", "callback", &ticket, "--outcome", "satisfied"]);
    desk.ok(&["reminder", "done", &reminder]);
    desk.ok(&["reminder", "done", &reminder]);
    assert_eq!(desk.json(&["reminder", "list"]), empty());

    desk.refused_unchanged(4, &["reminder", "done", "999"]);
    desk.invalid(&["reminder", "list", "--when", "soon"], "when", "soon");
    let bad_due = ["reminder", "add", "--customer", &id, "--due", "someday", "--note", "x"];
    desk.invalid(&bad_due, "due", "someday");
    let other = add(&desk, NOW, "冯刚", &[]);
    let theirs = [
        "reminder",
        "add",
        "--customer",
        &other,
        "--ticket",
        &ticket,
        "--due",
        NOW,
        "--note",
        "x",
    ];
    desk.invalid(&theirs, "ticket", &ticket);
}

fn id_text(value: &Value) -> String {
    id(value).to_string()
}

#[test]
fn quality_and_duplicates() {
    let desk = Desk::new();
    desk.customer("张三", &["--phone", "13812345678"]);
    desk.customer("章三", &["--phone", "+86 138-1234-5678"]);
    desk.customer("Zhang San", &["--email", "zs@example.com"]);
    desk.customer("John Smith", &[]);
    desk.customer("Jon Smith", &[]);
    desk.customer("李四", &["--email", "li@example.com"]);

    let missing = desk.json(&["customer", "quality"]);
    assert_eq!(strings(&missing, "name"), ["Jon Smith", "John Smith"]);

    let pairs = desk.json(&["customer", "duplicates"]);
    let got: Vec<(String, String, Vec<String>)> = pairs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = |side: &str| text(&p[side], "name").to_string();
            (name("first"), name("second"), strings(&p["evidence"], ""))
        })
        .collect();
    let want = |a: &str, b: &str, e: &[&str]| -> (String, String, Vec<String>) {
        (a.to_string(), b.to_string(), e.iter().map(|s| s.to_string()).collect())
    };
    assert_eq!(
        got,
        vec![
            want("张三", "章三", &["same_phone", "same_pinyin"]),
            want("张三", "Zhang San", &["same_pinyin"]),
            want("章三", "Zhang San", &["same_pinyin"]),
            want("John Smith", "Jon Smith", &["similar_name"]),
        ]
    );
    assert_line(
        &desk.ok(&["customer", "duplicates"]),
        1,
        &["张三", "章三", "same_phone, same_pinyin"],
    );
}

#[test]
fn merge_moves_all_history_and_archives_the_duplicate() {
    let desk = Desk::new();
    let keep = add(
        &desk,
        NOW,
        "张三",
        &["--phone", "13812345678", "--tags", "vip", "--since", "2025-05-01"],
    );
    let dup = add(
        &desk,
        NOW,
        "章三",
        &["--email", "zs@example.com", "--tags", "电子", "--since", "2024-01-01"],
    );
    let ticket = open(&desk, NOW, &dup, "inquiry", "发票");
    desk.ok(&[
        "log",
        "--customer",
        &dup,
        "--channel",
        "chat",
        "--direction",
        "out",
        "--summary",
        "已寄出",
    ]);
    desk.ok(&["order", "add", "--customer", &dup, "--amount", "999.90"]);
    desk.ok(&["order", "add", "--customer", &keep, "--amount", "100"]);
    desk.ok(&[
        "reminder",
        "add",
        "--customer",
        &dup,
        "--due",
        "2026-03-10",
        "--note",
        "跟进发票",
    ]);
    survey(&desk, &dup, 1_772_438_400, [5, 5, 4]);

    desk.invalid(&["customer", "merge", &keep, &keep], "duplicate", &keep);
    let report = desk.json(&["customer", "merge", &keep, &dup]);
    assert_eq!(
        report["moved"],
        json!({"tickets": 1, "interactions": 1, "orders": 1, "surveys": 1, "reminders": 1})
    );
    let k = desk.show_customer(&keep);
    assert_eq!(k["lifetime_value_cents"], 109_990);
    assert_eq!(k["email"], "zs@example.com", "a blank filled from the duplicate");
    assert_eq!(k["phone"], "13812345678");
    assert_eq!(k["since"], "2024-01-01");
    assert_eq!(k["tags"], json!(["vip", "电子"]));
    assert_eq!(strings(&k["tickets"], "id"), std::slice::from_ref(&ticket));
    assert!(strings(&k["audit"], "field").contains(&"merged".to_string()));
    let d = desk.show_customer(&dup);
    assert_eq!(
        (d["archived"].as_bool(), d["lifetime_value_cents"].as_i64()),
        (Some(true), Some(0))
    );
    assert!(strings(&d["audit"], "field").contains(&"merged_into".to_string()));

    assert_eq!(
        desk.json(&["order", "list", "--customer", &keep])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(desk.json(&["order", "list", "--customer", &dup]), empty());
    assert!(strings(&desk.json(&["timeline", &keep]), "summary").contains(&"已寄出".to_string()));
    let reminders = desk.json(&["reminder", "list"]);
    let moved = reminders.as_array().unwrap().iter().find(|r| r["note"] == "跟进发票");
    assert_eq!(moved.map(|r| r["customer_name"].clone()), Some(json!("张三")));
    let t = desk.show_ticket(ticket.parse().unwrap());
    assert_eq!(t["customer_id"].to_string(), keep);
    assert_eq!(t["customer_code"], "C2026001");

    // Never from an archived customer or into one; an unknown one is exit 4.
    assert!(
        desk.invalid(&["customer", "merge", &keep, &dup], "duplicate", &dup)
            .contains("archived")
    );
    let other = add(&desk, NOW, "王五", &[]);
    desk.invalid(&["customer", "merge", &dup, &other], "keep", &dup);
    desk.refused_unchanged(4, &["customer", "merge", &keep, "C1999999"]);
}

#[test]
fn archive_inactive_customers_in_bulk() {
    let desk = Desk::new();
    let start = "2025-01-01";
    let quiet = add(&desk, start, "沉睡客户", &[]);
    let busy = add(&desk, start, "活跃客户", &[]);
    let waiting = add(&desk, start, "等待客户", &[]);
    let buyer = add(&desk, start, "下单客户", &[]);
    open(&desk, "2025-02-01", &waiting, "request", "开票");
    desk.ok_at(
        "2025-12-20",
        &["log", "--customer", &busy, "--channel", "email", "--summary", "询价"],
    );
    desk.ok_at("2025-12-20", &["order", "add", "--customer", &buyer, "--amount", "10"]);

    desk.invalid(&["customer", "archive-inactive", "--days", "0"], "days", "0");
    let now = "2026-01-10T00:00:00Z";
    let dry = desk.json_at(now, &["customer", "archive-inactive", "--days", "180", "--dry-run"]);
    assert_eq!(strings(&dry, "name"), ["沉睡客户"]);
    assert_eq!(
        show_at(&desk, now, &quiet)["archived"],
        false,
        "a dry run writes nothing"
    );
    // Without --days, a year: the TUI's Data quality view starts from the same.
    let out = desk.ok_at(now, &["customer", "archive-inactive", "--dry-run"]);
    assert!(out.contains("would archive 1 customers inactive for 365 days"), "{out}");

    let out = desk.ok_at(now, &["customer", "archive-inactive", "--days", "180"]);
    assert!(out.contains("archived 1 customers inactive for 180 days"), "{out}");
    assert_eq!(show_at(&desk, now, &quiet)["archived"], true);
    let names = strings(&desk.json_at(now, &["customer", "list"]), "name");
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.contains(&"沉睡客户".to_string()));
    assert_eq!(
        desk.json_at(now, &["customer", "archive-inactive", "--days", "180"]),
        empty()
    );
}

#[test]
fn cadence_comes_from_the_config() {
    let desk = Desk::new();
    let config = desk.dir().join("config.toml");
    std::fs::write(&config, "[cadence]\nstandard_days = 14\n").unwrap();
    desk.customer("陈晨", &[]);
    let list = parse_json(&stdout(
        desk.cmd()
            .arg("--config")
            .arg(&config)
            .args(["--json", "reminder", "list"]),
    ));
    assert_eq!(list[0]["due_at"], "2026-03-16T08:00:00Z");
}

/// The tier stored in the database, as `customer recompute` and the lists read it.
fn stored_tier(desk: &Desk, id: &str) -> String {
    stored(desk, id, "tier")
}

/// The lifecycle stage stored in the database.
fn stored_stage(desk: &Desk, id: &str) -> String {
    stored(desk, id, "lifecycle")
}

fn stored(desk: &Desk, id: &str, column: &str) -> String {
    let id: i64 = id.parse().unwrap();
    let rows = desk.rows(&format!("SELECT {column} FROM customers WHERE id = {id}"));
    rows[0][0].clone().expect("a stored value")
}

#[test]
fn the_demo_ends_with_every_tier_and_stage_current() {
    let desk = Desk::new();
    desk.ok(&["init"]);
    desk.ok(&[
        "demo",
        "--customers",
        "150",
        "--tickets",
        "300",
        "--interactions",
        "1200",
    ]);
    let r = desk.json(&["customer", "recompute"]);
    assert!(r["customers"].as_i64().unwrap() > 100, "{r}");
    assert_eq!(
        (r["tiers_changed"].as_i64(), r["lifecycles_changed"].as_i64()),
        (Some(0), Some(0)),
        "{r}"
    );
}

/// A new database with one customer (since `since`) who ordered `amount`
/// (at [`NOW`] unless `extra` says `--at`).
fn one_buyer(since: &str, amount: &str, extra: &[&str]) -> (Desk, String) {
    let desk = Desk::new();
    desk.ok(&["init"]);
    let id = add(&desk, NOW, "王芳", &["--since", since]);
    desk.ok(&[&["order", "add", "--customer", &id, "--amount", amount], extra].concat());
    (desk, id)
}

#[test]
fn a_low_survey_changes_the_stored_tier_at_once() {
    let (desk, id) = one_buyer("2026-01-01", "8000", &[]);
    assert_eq!(stored_tier(&desk, &id), "potential");
    desk.ok(&[
        "survey",
        "add",
        "--customer",
        &id,
        "--quality",
        "1",
        "--response",
        "2",
        "--communication",
        "1",
    ]);
    assert_eq!(
        stored_tier(&desk, &id),
        "at-risk",
        "recomputed in the survey's transaction"
    );
    assert_eq!(desk.show_customer(&id)["lifecycle"], "at-risk");
}

#[test]
fn tiers_shown_follow_the_clock_without_a_recompute() {
    let (desk, id) = one_buyer("2020-01-01", "30000", &[]);
    desk.ok(&["customer", "recompute"]);
    let list = desk.json(&["customer", "list"]);
    assert_eq!(strings(&list, "tier"), ["high-value"], "recent orders worth ≥ 20 000");

    // 200 days on, the order has left the 180-day window: no longer high-value.
    let later = "2026-09-18T08:00:00Z";
    let list = desk.json_at(later, &["customer", "list"]);
    assert_eq!(strings(&list, "tier"), ["standard"]);
    assert_eq!(
        desk.json_at(later, &["customer", "list", "--tier", "high-value"]),
        empty()
    );
    assert_eq!(
        strings(&desk.json_at(later, &["customer", "list", "--tier", "standard"]), "id"),
        [id.as_str()]
    );
    assert_eq!(show_at(&desk, later, &id)["tier"], "standard");
    let text = desk.ok_at(later, &["customer", "show", &id]);
    assert!(
        text.lines().any(|l| l.starts_with("Tier") && l.contains("standard")),
        "{text}"
    );
    // A "what if" clock shows what holds then but stores nothing for it.
    assert_eq!(stored_tier(&desk, &id), "high-value");
    assert_eq!(strings(&desk.json(&["customer", "list"]), "tier"), ["high-value"]);
}

#[test]
fn an_order_is_corrected_by_a_refund_then_a_cancellation() {
    let (desk, id) = one_buyer("2020-01-01", "30000", &[]);
    let order = id_text(&desk.json(&["order", "list", "--customer", &id])[0]);
    assert_eq!(stored_tier(&desk, &id), "high-value", "recent orders worth ≥ 20 000");

    let line = desk.json(&["order", "refund", &order, "--amount", "12,000", "--note", "退一台"]);
    assert_eq!(
        (line["net"].as_str(), line["cancelled"].as_bool()),
        (Some("18000.00"), Some(false))
    );
    assert_eq!(line["corrections"][0]["kind"], "refund");
    assert_eq!(line["corrections"][0]["amount_cents"], 1_200_000);
    assert_eq!(line["corrections"][0]["created_by"], AGENT);
    let c = desk.show_customer(&id);
    assert_eq!(c["lifetime_value_cents"], 1_800_000);
    assert_eq!(c["tier"], "standard", "the value left is under both thresholds");
    assert_eq!(
        stored_tier(&desk, &id),
        "standard",
        "recomputed in the refund's transaction"
    );

    // More than is left, a decimal comma, nothing: refused, nothing written.
    for amount in ["18000.01", "1,50", "0"] {
        desk.invalid(&["order", "refund", &order, "--amount", amount], "amount", amount);
    }
    desk.refused_unchanged(4, &["order", "refund", "999", "--amount", "1"]);

    let text = desk.ok(&["order", "cancel", &order, "--note", "客户取消"]);
    assert_eq!(text.trim(), format!("order {order}: cancel 18000.00, net 0.00"));
    let c = desk.show_customer(&id);
    assert_eq!(c["lifetime_value_cents"], 0);
    assert_eq!(c["lifecycle"], "prospect", "a cancelled order is no order");
    desk.invalid(&["order", "refund", &order, "--amount", "1"], "order", &order);
    desk.invalid(&["order", "cancel", &order], "order", &order);

    let list = desk.json(&["order", "list", "--customer", &id]);
    assert_eq!(list[0]["amount"], "30000.00", "the order itself is never edited");
    assert_eq!(
        (list[0]["net_cents"].as_i64(), list[0]["cancelled"].as_bool()),
        (Some(0), Some(true))
    );
    assert_eq!(strings(&list[0]["corrections"], "kind"), ["refund", "cancel"]);
    assert_eq!(strings(&list[0]["corrections"], "amount"), ["12000.00", "18000.00"]);
    let table = desk.ok(&["order", "list", "--customer", &id]);
    assert_line(&table, 1, &[&order, "30000.00", "cancelled"]);
    assert_line(&table, 2, &["-12000.00", "refund by", "退一台"]);
    assert_line(&table, 3, &["-18000.00", "cancel by", "客户取消"]);
    let audit = desk.show_customer(&id)["audit"].to_string();
    assert!(
        audit.contains("refund 12000.00 → 18000.00") && audit.contains("cancel 18000.00 → 0.00"),
        "{audit}"
    );
}

#[test]
fn a_contact_brings_a_churned_customer_back_at_once() {
    let (desk, id) = one_buyer("2020-01-01", "100", &["--at", "2024-01-01"]);
    assert_eq!(stored_stage(&desk, &id), "churned", "silent for over 365 days");
    desk.ok(&[
        "log",
        "--customer",
        &id,
        "--channel",
        "phone",
        "--direction",
        "in",
        "--summary",
        "回来了",
    ]);
    assert_eq!(
        stored_stage(&desk, &id),
        "active",
        "recomputed in the contact's transaction"
    );
}
