//! Birthdays, anniversaries and low-survey follow-ups from the command
//! line: the birthday field, and the computed reminders `reminder list`
//! shows. Each test makes its own database and runs at fixed `--now` times
//! (the team zone is Asia/Shanghai, so 08:00 UTC is 16:00 local).

use crate::common;

use common::*;
use serde_json::Value;

/// The reminders of one reason listed at `now`.
fn listed(desk: &Desk, now: &str, reason: &str) -> Vec<Value> {
    let list = desk.json_at(now, &["reminder", "list", "--limit", "0"]);
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .filter(|r| r["reason"] == reason)
        .cloned()
        .collect()
}

fn listed_with(desk: &Desk, config: &str, reason: &str) -> Vec<Value> {
    let path = desk.dir().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let list = parse_json(&stdout(
        desk.cmd()
            .arg("--config")
            .arg(&path)
            .args(["--json", "reminder", "list"]),
    ));
    list.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == reason)
        .cloned()
        .collect()
}

fn log_out(desk: &Desk, now: &str, customer: &str) {
    desk.ok_at(
        now,
        &[
            "log",
            "--customer",
            customer,
            "--channel",
            "phone",
            "--direction",
            "out",
            "--summary",
            "问候",
        ],
    );
}

#[test]
fn the_birthday_field_is_validated_shown_audited_and_cleared() {
    let desk = Desk::new();
    let c = desk.customer("张三", &["--birthday", "1990-03-05"]);
    assert_eq!(c["birthday"], "1990-03-05");
    let id = id(&c).to_string();
    let show = desk.ok(&["customer", "show", &id]);
    assert!(show.contains("1990-03-05"), "{show}");

    // Bad dates exit 2, name the field, and write nothing.
    desk.invalid_each(
        &["customer", "add", "--name", "李四"],
        &[
            (&["--birthday", "2026-03-03"], "birthday", "2026-03-03"),
            (&["--birthday", "1899-12-31"], "birthday", "1899-12-31"),
            (&["--birthday", "1990-02-30"], "birthday", "1990-02-30"),
            (&["--birthday", "5 March"], "birthday", "5 March"),
        ],
    );
    desk.invalid(
        &["customer", "edit", &id, "--birthday", "2027-01-01"],
        "birthday",
        "2027-01-01",
    );

    // Today (in the team zone) is allowed; "" clears it; both are audited.
    let edited = desk.json(&["customer", "edit", &id, "--birthday", "2026-03-02"]);
    assert_eq!(edited["birthday"], "2026-03-02");
    let cleared = desk.json(&["customer", "edit", &id, "--birthday", ""]);
    assert_eq!(cleared["birthday"], Value::Null);
    let audit = desk.show_customer(&id)["audit"].clone();
    let birthday_changes: Vec<(&str, &str)> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["field"] == "birthday")
        .map(|a| {
            (
                a["old_value"].as_str().unwrap_or(""),
                a["new_value"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        birthday_changes.len(),
        2,
        "{audit}: want 1990-03-05 → 2026-03-02 and → empty"
    );
    assert!(
        birthday_changes.contains(&("1990-03-05", "2026-03-02")),
        "{birthday_changes:?}"
    );
    assert!(birthday_changes.contains(&("2026-03-02", "")), "{birthday_changes:?}");
    let unknown = desk.customer("王五", &[]);
    assert_eq!(unknown["birthday"], Value::Null);
}

#[test]
fn birthday_reminders_in_their_window_until_an_outbound_contact() {
    let desk = Desk::new();
    let id = id(&desk.customer("张三", &["--birthday", "1990-03-05"])).to_string();

    // Three days before: upcoming, due at 09:00 Shanghai time, no id.
    let list = listed(&desk, NOW, "birthday");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], Value::Null);
    assert_eq!(list[0]["when"], "upcoming");
    assert_eq!(list[0]["due_at"], "2026-03-05T01:00:00Z");
    assert_eq!(list[0]["customer_name"], "张三");
    assert_eq!(list[0]["note"], "birthday 03-05 (turns 36)");

    // On the day, after 09:00: still "today", never overdue.
    let on_the_day = "2026-03-05T04:00:00Z";
    let list = listed(&desk, on_the_day, "birthday");
    assert_eq!(text(&list[0], "when"), "today");
    assert_eq!(
        desk.json_at(on_the_day, &["reminder", "list", "--when", "overdue"]),
        Value::Array(vec![])
    );
    // Outside the window: too early, or the day after.
    assert!(listed(&desk, "2026-02-20T08:00:00Z", "birthday").is_empty());
    assert!(
        listed(&desk, "2026-03-05T16:00:00Z", "birthday").is_empty(),
        "the day after in Shanghai"
    );
    let text_list = desk.ok(&["reminder", "list"]);
    assert_line(&text_list, 4, &["2026-03-05", "upcoming", "birthday", "张三"]);

    // An outbound contact in the window ends this year's one.
    log_out(&desk, "2026-03-03T02:00:00Z", &id);
    assert!(listed(&desk, "2026-03-04T02:00:00Z", "birthday").is_empty());
    // Next year it comes back.
    let next_year = listed(&desk, "2027-03-01T02:00:00Z", "birthday");
    assert_eq!(text(&next_year[0], "note"), "birthday 03-05 (turns 37)");
}

#[test]
fn anniversaries_count_the_years_from_since() {
    let desk = Desk::new();
    desk.customer("周杰", &["--since", "2023-03-04"]);
    // Customers added today (since today by default) have none yet.
    desk.customer("吴敏", &[]);
    let list = listed(&desk, NOW, "anniversary");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["customer_name"], "周杰");
    assert_eq!(list[0]["due_at"], "2026-03-04T01:00:00Z");
    assert_eq!(list[0]["note"], "3 years a customer (since 2023-03-04)");
    assert!(listed(&desk, "2026-03-05T08:00:00Z", "anniversary").is_empty());
    let first = listed(&desk, "2027-03-01T08:00:00Z", "anniversary");
    assert_eq!(
        first.iter().map(|r| text(r, "note")).collect::<Vec<_>>(),
        [
            "1 year a customer (since 2026-03-02)",
            "4 years a customer (since 2023-03-04)"
        ]
    );
}

#[test]
fn a_low_survey_asks_for_a_follow_up_that_an_outbound_contact_ends() {
    let desk = Desk::new();
    let low = id(&desk.customer("郑洁", &[])).to_string();
    let fine = id(&desk.customer("冯刚", &[])).to_string();
    let survey = |customer: &str, scores: [&str; 3], comment: &str| {
        desk.ok(&[
            "survey",
            "add",
            "--customer",
            customer,
            "--quality",
            scores[0],
            "--response",
            scores[1],
            "--communication",
            scores[2],
            "--comment",
            comment,
        ]);
    };
    survey(&low, ["2", "3", "4"], "上门太慢");
    survey(&fine, ["4", "4", "5"], "不错");

    let list = listed(&desk, NOW, "survey");
    assert_eq!(list.len(), 1, "4/4/5 makes none: {list:?}");
    assert_eq!(list[0]["customer_name"], "郑洁");
    assert_eq!(list[0]["id"], Value::Null);
    assert_eq!(list[0]["note"], "survey 2/3/4: '上门太慢'");
    assert_eq!(list[0]["due_at"], "2026-03-03T08:00:00Z", "24 h after the survey");
    assert_eq!(list[0]["when"], "upcoming");
    // Once due it is overdue, like a cadence reminder.
    let later = "2026-03-04T08:00:00Z";
    assert_eq!(text(&listed(&desk, later, "survey")[0], "when"), "overdue");
    // A second low survey before anyone called: still one follow-up for the customer,
    // due from the first, showing the latest.
    desk.ok_at(
        "2026-03-03T12:00:00Z",
        &[
            "survey",
            "add",
            "--customer",
            &low,
            "--quality",
            "1",
            "--response",
            "2",
            "--communication",
            "2",
            "--comment",
            "又坏了",
        ],
    );
    let list = listed(&desk, later, "survey");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["note"], "survey 1/2/2 (+1 earlier): '又坏了'");
    assert_eq!(list[0]["due_at"], "2026-03-03T08:00:00Z");

    // An inbound contact changes nothing; an outbound one ends it.
    desk.ok_at(
        later,
        &["log", "--customer", &low, "--channel", "phone", "--summary", "来电"],
    );
    assert_eq!(listed(&desk, later, "survey").len(), 1);
    log_out(&desk, later, &low);
    assert!(listed(&desk, later, "survey").is_empty());
}

#[test]
fn a_ticket_reply_ends_a_survey_follow_up() {
    let desk = Desk::new();
    let c = id(&desk.customer("郑洁", &[])).to_string();
    let ticket = id(&desk.ticket(&c, "complaint", "送货晚了", &[])).to_string();
    desk.ok(&[
        "survey",
        "add",
        "--customer",
        &c,
        "--quality",
        "1",
        "--response",
        "1",
        "--communication",
        "1",
    ]);
    assert_eq!(text(&listed(&desk, NOW, "survey")[0], "note"), "survey 1/1/1");
    desk.ok_at(
        "2026-03-02T09:00:00Z",
        &["ticket", "reply", &ticket, "--summary", "抱歉"],
    );
    assert!(listed(&desk, "2026-03-02T09:00:00Z", "survey").is_empty());
}

#[test]
fn config_switches_turn_occasions_off_and_set_the_follow_up_delay() {
    let desk = Desk::new();
    let c = id(&desk.customer("张三", &["--birthday", "1990-03-05", "--since", "2020-03-03"])).to_string();
    desk.ok(&[
        "survey",
        "add",
        "--customer",
        &c,
        "--quality",
        "3",
        "--response",
        "5",
        "--communication",
        "5",
    ]);
    assert_eq!(listed_with(&desk, "", "birthday").len(), 1);
    assert_eq!(listed_with(&desk, "", "anniversary").len(), 1);
    assert!(listed_with(&desk, "[cadence]\nbirthdays = false\n", "birthday").is_empty());
    assert_eq!(
        listed_with(&desk, "[cadence]\nbirthdays = false\n", "anniversary").len(),
        1
    );
    assert!(listed_with(&desk, "[cadence]\nanniversaries = false\n", "anniversary").is_empty());
    assert_eq!(
        listed_with(&desk, "[cadence]\nanniversaries = false\n", "birthday").len(),
        1
    );
    let hours = listed_with(&desk, "[cadence]\nsurvey_follow_up_hours = 2\n", "survey");
    assert_eq!(text(&hours[0], "due_at"), "2026-03-02T10:00:00Z");
}

#[test]
fn archived_customers_get_no_occasions() {
    let desk = Desk::new();
    let c = id(&desk.customer("张三", &["--birthday", "1990-03-05", "--since", "2020-03-03"])).to_string();
    assert_eq!(listed(&desk, NOW, "birthday").len(), 1);
    desk.ok(&["customer", "archive", &c]);
    assert!(listed(&desk, NOW, "birthday").is_empty());
    assert!(listed(&desk, NOW, "anniversary").is_empty());
}

#[test]
fn birthdays_travel_through_export_and_import() {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1", "--birthday", "1990-03-05"]);
    desk.customer("李四", &["--code", "C2"]);
    let csv = desk.ok(&["export", "customers"]);
    let header = csv.lines().next().unwrap();
    // The export's extension columns follow `birthday` (see the README).
    assert!(header.contains(",notes,birthday,"), "{header}");
    assert!(
        csv.lines().any(|l| l.starts_with("C1,") && l.contains(",1990-03-05,")),
        "{csv}"
    );

    let other = Desk::new();
    let file = other.dir().join("customers.csv");
    std::fs::write(&file, &csv).unwrap();
    other.ok(&["import", "customers", &file.display().to_string()]);
    assert_eq!(other.show_customer("C1")["birthday"], "1990-03-05");
    assert_eq!(other.show_customer("C2")["birthday"], Value::Null);

    // A bad birthday names its line and field, and nothing is imported.
    let bad = other.dir().join("bad.csv");
    std::fs::write(&bad, "code,name,birthday\nC3,王五,1985-01-20\nC4,赵六,2030-01-01\n").unwrap();
    let err = other.refused_unchanged(2, &["import", "customers", &bad.display().to_string()]);
    assert!(
        err.contains("line 3") && err.contains("birthday") && err.contains("2030-01-01"),
        "{err}"
    );
}

#[test]
fn merging_keeps_a_birthday_only_the_duplicate_knew() {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1"]);
    desk.customer("张三", &["--code", "C2", "--birthday", "1990-03-05"]);
    desk.ok(&["customer", "merge", "C1", "C2"]);
    assert_eq!(desk.show_customer("C1")["birthday"], "1990-03-05");
    assert_eq!(
        listed(&desk, NOW, "birthday").len(),
        1,
        "the archived duplicate has none"
    );
}
