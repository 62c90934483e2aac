//! Relationship management from the command line: orders, tiers and their
//! pin, churn warnings, reminders, duplicates, merging and archiving. Each
//! test makes its own database and runs at fixed `--now` times.

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

struct Db {
    dir: TempDir,
}

impl Db {
    fn new() -> Db {
        Db {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn run(&self, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("frontdesk")
            .expect("binary")
            .env("FRONTDESK_DB", self.dir.path().join("crm.db"))
            .env("FRONTDESK_CONFIG", self.dir.path().join("config.toml"))
            .env("FRONTDESK_AGENT", "li.na")
            .env_remove("FRONTDESK_NOW")
            .arg("--now")
            .arg(now)
            .args(args)
            .assert()
    }

    /// Runs a command that must succeed; returns its standard output.
    fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(now, args).success().get_output().stdout.clone();
        String::from_utf8(out).expect("utf-8")
    }

    fn json(&self, now: &str, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(now, &args)).expect("JSON output")
    }

    /// Runs a command that must fail with `code`; returns its standard error.
    fn fails(&self, now: &str, args: &[&str], code: i32) -> String {
        let out = self.run(now, args).code(code).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8")
    }

    /// Adds a customer; returns its id as text.
    fn customer(&self, now: &str, args: &[&str]) -> String {
        let mut all = vec!["customer", "add"];
        all.extend_from_slice(args);
        self.ok(now, &all).trim().to_string()
    }

    fn show(&self, now: &str, key: &str) -> Value {
        self.json(now, &["customer", "show", key])
    }

    /// Writes straight to the file, for records this branch has no command for.
    fn sql(&self, sql: &str) {
        let conn = rusqlite::Connection::open(self.dir.path().join("crm.db")).expect("open");
        conn.execute_batch(sql).expect("sql");
    }
}

const T0: &str = "2026-03-02T09:00:00Z";

fn keys(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| v[key].as_str().map_or_else(|| v[key].to_string(), str::to_string))
        .collect()
}

#[test]
fn orders_update_value_tier_and_lifecycle() {
    let db = Db::new();
    let id = db.customer(
        T0,
        &["--name", "王芳", "--phone", "13812345678", "--since", "2026-01-01"],
    );
    assert_eq!(db.show(T0, &id)["lifecycle"], "prospect");

    db.ok(
        T0,
        &[
            "order",
            "add",
            "--customer",
            &id,
            "--amount",
            "8000",
            "--product",
            "冰箱",
        ],
    );
    let c = db.show(T0, &id);
    assert_eq!(c["lifetime_value_cents"], 800_000);
    assert_eq!(c["tier"], "potential", "young and a big recent order");
    assert_eq!(c["lifecycle"], "new");

    let order = db.json(
        "2026-03-03T09:00:00Z",
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
    let c = db.show("2026-03-03T09:00:00Z", &id);
    assert_eq!(c["lifetime_value_cents"], 5_000_050);
    assert_eq!(c["tier"], "high-value");
    assert_eq!(c["tier_pinned"], false);

    // Invalid input: exit 2, nothing written; an unknown customer: exit 4.
    for amount in ["-5", "12.345", "abc", ""] {
        let err = db.fails(T0, &["order", "add", "--customer", &id, "--amount", amount], 2);
        assert!(err.contains("amount"), "{amount}: {err}");
    }
    let err = db.fails(
        T0,
        &["order", "add", "--customer", &id, "--amount", "1", "--at", "2027-01-01"],
        2,
    );
    assert!(err.contains("future"), "{err}");
    db.fails(T0, &["order", "add", "--customer", "C1999999", "--amount", "1"], 4);

    let list = db.json("2026-03-03T09:00:00Z", &["order", "list", "--customer", &id]);
    assert_eq!(keys(&list, "amount"), ["42000.50", "8000.00"], "newest first");
    assert_eq!(list[0]["note"], "加急");
    assert_eq!(list[0]["created_by"], "li.na");
    let text = db.ok("2026-03-03T09:00:00Z", &["order", "list", "--customer", &id]);
    assert!(text.contains("冰箱") && text.contains("8000.00"), "{text}");
}

#[test]
fn a_pinned_tier_survives_new_orders_until_unpinned() {
    let db = Db::new();
    let id = db.customer(T0, &["--name", "Acme 电子", "--kind", "company"]);
    db.ok(T0, &["customer", "edit", &id, "--tier", "standard"]);
    db.ok(T0, &["order", "add", "--customer", &id, "--amount", "80000"]);
    let c = db.show(T0, &id);
    assert_eq!(
        (c["tier"].as_str(), c["tier_pinned"].as_bool()),
        (Some("standard"), Some(true))
    );
    assert!(db.ok(T0, &["customer", "show", &id]).contains("standard (pinned)"));

    db.fails(T0, &["customer", "edit", &id, "--unpin-tier", "--tier", "potential"], 2);
    let version = c["version"].as_i64().unwrap().to_string();
    db.ok(
        T0,
        &[
            "customer",
            "edit",
            &id,
            "--unpin-tier",
            "--notes",
            "大客户",
            "--if-version",
            &version,
        ],
    );
    let c = db.show(T0, &id);
    assert_eq!(c["tier"], "high-value");
    assert_eq!(c["tier_pinned"], false);
    assert_eq!(c["notes"], "大客户");
    let fields = keys(&c["audit"], "field");
    assert!(fields.contains(&"tier_pinned".to_string()), "{fields:?}");
    // A stale version is a conflict, and nothing changes.
    db.fails(
        T0,
        &["customer", "edit", &id, "--unpin-tier", "--if-version", &version],
        3,
    );
}

#[test]
fn complaints_make_a_customer_at_risk_with_reasons() {
    let db = Db::new();
    let id = db.customer(T0, &["--name", "赵六", "--phone", "13900001111"]);
    let other = db.customer(T0, &["--name", "钱七", "--phone", "13900002222"]);
    db.ok(
        T0,
        &[
            "ticket",
            "add",
            "--customer",
            &id,
            "--kind",
            "complaint",
            "--subject",
            "送货太慢",
        ],
    );
    assert_eq!(db.show(T0, &id)["tier"], "standard");
    let later = "2026-03-20T09:00:00Z";
    let ticket = db.ok(
        later,
        &[
            "ticket",
            "add",
            "--customer",
            &id,
            "--kind",
            "complaint",
            "--subject",
            "又坏了",
        ],
    );
    let ticket = ticket.trim();
    let c = db.show(later, &id);
    assert_eq!(c["tier"], "at-risk", "recomputed when the ticket was added");
    assert_eq!(c["warnings"][0]["reason"], "complaints");
    assert_eq!(c["warnings"][0]["count"], 2);
    assert_eq!(c["warnings"][0]["text"], "2 complaints in the last 30 days");
    assert!(
        db.ok(later, &["customer", "show", &id])
            .contains("2 complaints in the last 30 days")
    );

    let risk = db.json(later, &["customer", "risk"]);
    assert_eq!(keys(&risk, "code"), ["C2026001"], "only the warned customer");
    assert_eq!(risk[0]["name"], "赵六");
    assert_eq!(risk[0]["warnings"][0]["reason"], "complaints");
    let text = db.ok(later, &["customer", "risk", "--limit", "5"]);
    assert!(text.contains("赵六") && !text.contains("钱七"), "{text}");
    assert_eq!(db.show(later, &other)["tier"], "standard");

    // A month on the first complaint has left its window; resolving recomputes.
    let month_on = "2026-04-05T09:00:00Z";
    db.ok(month_on, &["ticket", "resolve", ticket]);
    let c = db.show(month_on, &id);
    assert_eq!(c["tier"], "standard");
    assert_eq!(c["warnings"], Value::Array(vec![]));
    assert_eq!(db.json(month_on, &["customer", "risk"]), Value::Array(vec![]));
}

#[test]
fn overdue_orders_and_low_satisfaction_are_warned() {
    let db = Db::new();
    let id = db.customer("2025-01-01", &["--name", "孙八", "--email", "sun@example.com"]);
    for at in ["2025-02-01", "2025-03-01", "2025-04-01"] {
        db.ok(
            "2025-06-01",
            &["order", "add", "--customer", &id, "--amount", "100", "--at", at],
        );
    }
    db.sql(&format!(
        "INSERT INTO surveys (customer_id, at, quality, response, communication, agent)
         VALUES ({id}, 1745000000, 2, 3, 2, 'li.na')"
    ));
    let risk = db.json("2025-06-01", &["customer", "risk"]);
    let reasons: Vec<String> = keys(&risk[0]["warnings"], "reason");
    assert_eq!(reasons, ["low_satisfaction", "orders_overdue"]);
    assert_eq!(
        risk[0]["warnings"][1]["text"],
        "no order for 61 days; usually one every 30 days"
    );
    // `customer recompute` brings the stored tier up to date with time.
    assert_eq!(db.show("2025-06-01", &id)["tier"], "at-risk");
    let summary = db.json("2025-06-01", &["customer", "recompute"]);
    assert_eq!(summary["customers"], 1);
    assert_eq!(summary["tiers_changed"], 0);
}

#[test]
fn cadence_reminders_follow_the_last_outbound_contact() {
    let db = Db::new();
    let vip = db.customer(T0, &["--name", "周杰", "--tier", "high-value"]);
    db.customer(T0, &["--name", "吴敏"]);
    let due = "2026-04-01T09:00:00Z";
    let list = db.json("2026-04-02T00:00:00Z", &["reminder", "list", "--when", "overdue"]);
    assert_eq!(keys(&list, "reason"), ["cadence"]);
    assert_eq!(list[0]["customer_name"], "周杰");
    assert_eq!(list[0]["due_at"], due);
    assert_eq!(list[0]["id"], Value::Null);
    assert_eq!(list[0]["when"], "overdue");

    // An inbound contact changes nothing; an outbound one moves the due date.
    db.ok(
        "2026-04-02T00:00:00Z",
        &["log", "--customer", &vip, "--channel", "phone", "--summary", "来电"],
    );
    assert_eq!(
        db.json("2026-04-02T00:00:00Z", &["reminder", "list", "--when", "overdue"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    db.ok(
        "2026-04-02T00:00:00Z",
        &[
            "log",
            "--customer",
            &vip,
            "--channel",
            "phone",
            "--direction",
            "out",
            "--summary",
            "回访",
        ],
    );
    assert_eq!(
        db.json("2026-04-02T00:00:00Z", &["reminder", "list", "--when", "overdue"]),
        Value::Array(vec![])
    );
    let all = db.json("2026-04-02T00:00:00Z", &["reminder", "list"]);
    assert_eq!(all[0]["due_at"], "2026-05-02T00:00:00Z");
    assert_eq!(all[0]["when"], "later");
    // Seen from a day before, it is upcoming; a ticket reply also counts.
    assert_eq!(
        db.json("2026-04-26T00:00:00Z", &["reminder", "list", "--when", "upcoming"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let ticket = db.ok(
        "2026-04-26T00:00:00Z",
        &[
            "ticket",
            "add",
            "--customer",
            &vip,
            "--kind",
            "inquiry",
            "--subject",
            "保修",
        ],
    );
    db.ok(
        "2026-04-26T00:10:00Z",
        &["ticket", "reply", ticket.trim(), "--summary", "在保修期内"],
    );
    let all = db.json("2026-04-26T00:10:00Z", &["reminder", "list"]);
    assert_eq!(all[0]["due_at"], "2026-05-26T00:10:00Z");
}

#[test]
fn callbacks_due_and_manual_reminders() {
    let db = Db::new();
    let id = db.customer(T0, &["--name", "郑洁"]);
    let ticket = db.ok(
        T0,
        &[
            "ticket",
            "add",
            "--customer",
            &id,
            "--kind",
            "repair",
            "--subject",
            "空调不制冷",
        ],
    );
    let ticket = ticket.trim();
    db.ok(T0, &["ticket", "resolve", ticket, "--summary", "已修好"]);
    // The callback is due 24 h after resolution. 09:00 UTC is 17:00 in
    // Shanghai (the default zone), so that is after today: upcoming.
    let list = db.json(T0, &["reminder", "list"]);
    assert_eq!(keys(&list, "reason"), ["callback"]);
    assert_eq!(list[0]["ticket_id"].as_i64().unwrap().to_string(), ticket);
    assert_eq!(list[0]["due_at"], "2026-03-03T09:00:00Z");
    assert_eq!(list[0]["when"], "upcoming");

    let added = db.json(
        T0,
        &[
            "reminder",
            "add",
            "--customer",
            &id,
            "--ticket",
            ticket,
            "--due",
            "2026-03-02T15:00:00Z",
            "--note",
            "确认满意度",
        ],
    );
    let rid = added["id"].as_i64().unwrap().to_string();
    assert_eq!(added["reason"], "manual");
    let today = db.json(T0, &["reminder", "list", "--when", "today"]);
    assert_eq!(keys(&today, "note"), ["确认满意度"]);

    db.ok(T0, &["ticket", "callback", ticket, "--outcome", "satisfied"]);
    db.ok(T0, &["reminder", "done", &rid]);
    db.ok(T0, &["reminder", "done", &rid]);
    assert_eq!(db.json(T0, &["reminder", "list"]), Value::Array(vec![]));

    db.fails(T0, &["reminder", "done", "999"], 4);
    db.fails(T0, &["reminder", "list", "--when", "soon"], 2);
    db.fails(
        T0,
        &["reminder", "add", "--customer", &id, "--due", "tomorrow", "--note", "x"],
        2,
    );
    let other = db.customer(T0, &["--name", "冯刚"]);
    db.fails(
        T0,
        &[
            "reminder",
            "add",
            "--customer",
            &other,
            "--ticket",
            ticket,
            "--due",
            T0,
            "--note",
            "x",
        ],
        2,
    );
}

#[test]
fn quality_and_duplicates() {
    let db = Db::new();
    db.customer(T0, &["--name", "张三", "--phone", "13812345678"]);
    db.customer(T0, &["--name", "章三", "--phone", "+86 138-1234-5678"]);
    db.customer(T0, &["--name", "Zhang San", "--email", "zs@example.com"]);
    db.customer(T0, &["--name", "John Smith"]);
    db.customer(T0, &["--name", "Jon Smith"]);
    db.customer(T0, &["--name", "李四", "--email", "li@example.com"]);

    let missing = db.json(T0, &["customer", "quality"]);
    assert_eq!(keys(&missing, "name"), ["Jon Smith", "John Smith"]);

    let pairs = db.json(T0, &["customer", "duplicates"]);
    let got: Vec<(String, String, Vec<String>)> = pairs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["first"]["name"].as_str().unwrap().to_string(),
                p["second"]["name"].as_str().unwrap().to_string(),
                p["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    let want = |a: &str, b: &str, e: &[&str]| {
        (
            a.to_string(),
            b.to_string(),
            e.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
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
    let text = db.ok(T0, &["customer", "duplicates"]);
    assert!(text.contains("same_phone, same_pinyin"), "{text}");
}

#[test]
fn merge_moves_all_history_and_archives_the_duplicate() {
    let db = Db::new();
    let keep = db.customer(
        T0,
        &[
            "--name",
            "张三",
            "--phone",
            "13812345678",
            "--tags",
            "vip",
            "--since",
            "2025-05-01",
        ],
    );
    let dup = db.customer(
        T0,
        &[
            "--name",
            "章三",
            "--email",
            "zs@example.com",
            "--tags",
            "电子",
            "--since",
            "2024-01-01",
        ],
    );
    let ticket = db.ok(
        T0,
        &[
            "ticket",
            "add",
            "--customer",
            &dup,
            "--kind",
            "inquiry",
            "--subject",
            "发票",
        ],
    );
    db.ok(
        T0,
        &[
            "log",
            "--customer",
            &dup,
            "--channel",
            "chat",
            "--direction",
            "out",
            "--summary",
            "已寄出",
        ],
    );
    db.ok(T0, &["order", "add", "--customer", &dup, "--amount", "999.90"]);
    db.ok(T0, &["order", "add", "--customer", &keep, "--amount", "100"]);
    db.ok(
        T0,
        &[
            "reminder",
            "add",
            "--customer",
            &dup,
            "--due",
            "2026-03-10",
            "--note",
            "跟进发票",
        ],
    );
    db.sql(&format!(
        "INSERT INTO surveys (customer_id, at, quality, response, communication, agent)
         VALUES ({dup}, 1772442000, 5, 5, 4, 'li.na')"
    ));

    db.fails(T0, &["customer", "merge", &keep, &keep], 2);
    let report = db.json(T0, &["customer", "merge", &keep, &dup]);
    assert_eq!(
        report["moved"],
        serde_json::json!({"tickets": 1, "interactions": 1, "orders": 1, "surveys": 1, "reminders": 1})
    );
    let k = db.show(T0, &keep);
    assert_eq!(k["lifetime_value_cents"], 109_990);
    assert_eq!(k["email"], "zs@example.com", "blank filled from the duplicate");
    assert_eq!(k["phone"], "13812345678");
    assert_eq!(k["since"], "2024-01-01");
    assert_eq!(k["tags"], serde_json::json!(["vip", "电子"]));
    assert_eq!(keys(&k["tickets"], "id"), [ticket.trim()]);
    assert!(keys(&k["audit"], "field").contains(&"merged".to_string()));
    let d = db.show(T0, &dup);
    assert_eq!(d["archived"], true);
    assert_eq!(d["lifetime_value_cents"], 0);
    assert!(keys(&d["audit"], "field").contains(&"merged_into".to_string()));

    assert_eq!(
        db.json(T0, &["order", "list", "--customer", &keep])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        db.json(T0, &["order", "list", "--customer", &dup]),
        Value::Array(vec![])
    );
    let timeline = db.json(T0, &["timeline", &keep]);
    assert!(keys(&timeline, "summary").contains(&"已寄出".to_string()));
    let reminders = db.json(T0, &["reminder", "list"]);
    assert!(
        reminders
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["note"] == "跟进发票" && r["customer_name"] == "张三")
    );
    let ticket_json = db.json(T0, &["ticket", "show", ticket.trim()]);
    assert_eq!(ticket_json["customer_id"].as_i64().unwrap().to_string(), keep);

    // Never into itself, an archived customer, or from one.
    let err = db.fails(T0, &["customer", "merge", &keep, &dup], 2);
    assert!(err.contains("archived"), "{err}");
    let other = db.customer(T0, &["--name", "王五"]);
    db.fails(T0, &["customer", "merge", &dup, &other], 2);
    db.fails(T0, &["customer", "merge", &keep, "C1999999"], 4);
}

#[test]
fn archive_inactive_customers_in_bulk() {
    let db = Db::new();
    let quiet = db.customer("2025-01-01", &["--name", "沉睡客户"]);
    let busy = db.customer("2025-01-01", &["--name", "活跃客户"]);
    let waiting = db.customer("2025-01-01", &["--name", "等待客户"]);
    let buyer = db.customer("2025-01-01", &["--name", "下单客户"]);
    db.ok(
        "2025-02-01",
        &[
            "ticket",
            "add",
            "--customer",
            &waiting,
            "--kind",
            "request",
            "--subject",
            "开票",
        ],
    );
    db.ok(
        "2025-12-20",
        &["log", "--customer", &busy, "--channel", "email", "--summary", "询价"],
    );
    db.ok("2025-12-20", &["order", "add", "--customer", &buyer, "--amount", "10"]);

    let now = "2026-01-10T00:00:00Z";
    db.fails(now, &["customer", "archive-inactive", "--days", "0"], 2);
    let dry = db.json(now, &["customer", "archive-inactive", "--days", "180", "--dry-run"]);
    assert_eq!(keys(&dry, "name"), ["沉睡客户"]);
    assert_eq!(db.show(now, &quiet)["archived"], false, "a dry run writes nothing");

    let text = db.ok(now, &["customer", "archive-inactive", "--days", "180"]);
    assert!(text.contains("archived 1 customers inactive for 180 days"), "{text}");
    assert_eq!(db.show(now, &quiet)["archived"], true);
    let names = keys(&db.json(now, &["customer", "list"]), "name");
    assert!(
        !names.contains(&"沉睡客户".to_string()) && names.len() == 3,
        "{names:?}"
    );
    assert_eq!(
        db.json(now, &["customer", "archive-inactive", "--days", "180"]),
        Value::Array(vec![])
    );
}

#[test]
fn cadence_comes_from_the_config() {
    let db = Db::new();
    std::fs::write(db.dir.path().join("config.toml"), "[cadence]\nstandard_days = 14\n").unwrap();
    db.customer(T0, &["--name", "陈晨"]);
    let list = db.json(T0, &["reminder", "list"]);
    assert_eq!(list[0]["due_at"], "2026-03-16T09:00:00Z");
}
