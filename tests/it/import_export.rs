//! Import and export through the CLI: whole files or nothing, line numbers
//! for bad rows, re-imports adding nothing, maps for other systems' exports,
//! and the real shared data sets where they are present.

use crate::common;

use common::Desk;
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-10-05T09:00:00Z";

fn run(desk: &Desk, args: &[&str]) -> assert_cmd::assert::Assert {
    desk.cmd_at(NOW).args(args).assert()
}

fn json(desk: &Desk, args: &[&str]) -> Value {
    desk.json_at(NOW, args)
}

/// Writes a file beside the database; returns its path.
fn write_file(desk: &Desk, name: &str, text: &str) -> String {
    let path = desk.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn count(desk: &Desk, what: &str) -> usize {
    let list = match what {
        "customers" => json(desk, &["customer", "list", "--limit", "0"]),
        _ => json(desk, &["ticket", "list", "--limit", "0"]),
    };
    list.as_array().unwrap().len()
}

fn shared(path: &str) -> Option<PathBuf> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(path);
    if full.exists() {
        Some(full)
    } else {
        eprintln!("skipped: {} is absent", full.display());
        None
    }
}

fn map(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/maps")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn customers_import_whole_and_skip_known_codes() {
    let desk = Desk::new();
    let file = write_file(
        &desk,
        "c.csv",
        "code,name,phone,email,tags,tier\nC1,张三,13812345678,zs@example.com,\"vip,电子\",high-value\nC2,Smith Ltd,,,,\n,曾国藩,,,,\n",
    );
    let report = json(&desk, &["import", "customers", &file]);
    assert_eq!((report["rows"].as_u64(), report["added"].as_u64()), (Some(3), Some(3)));
    let zhang = json(&desk, &["customer", "show", "C1"]);
    assert_eq!(zhang["tags"], serde_json::json!(["vip", "电子"]));
    assert_eq!(zhang["tier"], "high-value");
    let again = json(&desk, &["import", "customers", &file]);
    // The row without a code cannot be recognised, so it is added again.
    assert_eq!((again["added"].as_u64(), again["skipped"].as_u64()), (Some(1), Some(2)));
}

#[test]
fn a_bad_row_writes_nothing_and_names_its_line() {
    let desk = Desk::new();
    let file = write_file(
        &desk,
        "c.csv",
        "name,email,phone\n张三,zs@example.com,13812345678\n李四,not-an-email,\n\"王\n五\",ww@example.com,12\n",
    );
    let out = run(&desk, &["import", "customers", &file])
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("line 3") && err.contains("email") && err.contains("not-an-email"),
        "{err}"
    );
    // The quoted name spans two lines: the bad phone is reported at line 4.
    assert!(err.contains("line 4") && err.contains("phone"), "{err}");
    assert_eq!(count(&desk, "customers"), 0);
    let unknown = write_file(&desk, "u.csv", "name,shoe_size\n张三,42\n");
    let err = String::from_utf8(
        run(&desk, &["import", "customers", &unknown])
            .code(2)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("shoe_size"), "{err}");
    run(&desk, &["import", "customers", "/nonexistent/c.csv"]).code(2);
}

#[test]
fn dry_run_validates_and_writes_nothing() {
    let desk = Desk::new();
    let file = write_file(&desk, "c.csv", "name\n张三\n李四\n");
    let report = json(&desk, &["import", "customers", &file, "--dry-run"]);
    assert_eq!(
        (report["rows"].as_u64(), report["dry_run"].as_bool()),
        (Some(2), Some(true))
    );
    assert_eq!(count(&desk, "customers"), 0);
}

#[test]
fn tickets_bring_their_history_and_create_unknown_customers() {
    let desk = Desk::new();
    run(&desk, &["customer", "add", "--name", "张三", "--code", "C1"]).success();
    let file = write_file(
        &desk,
        "t.csv",
        "external_id,customer_code,customer_name,kind,priority,status,subject,opened_at,first_response_at,resolved_at\n\
         T1,C1,,complaint,urgent,resolved,屏幕碎了,2026-10-01T08:00:00Z,2026-10-01T08:30:00Z,2026-10-01T20:00:00Z\n\
         T2,,北京华联,inquiry,normal,open,发票问题,2026-10-05 07:00:00,,\n",
    );
    let report = json(&desk, &["import", "tickets", &file]);
    assert_eq!(
        (report["added"].as_u64(), report["customers_created"].as_u64()),
        (Some(2), Some(1))
    );
    let list = json(&desk, &["ticket", "list"]);
    let t1 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["external_id"] == "T1")
        .unwrap();
    assert_eq!(t1["sla"]["first_response"]["state"], "met");
    assert_eq!(t1["sla"]["resolution"]["state"], "met");
    assert_eq!(t1["customer_code"], "C1");
    let t2 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["external_id"] == "T2")
        .unwrap();
    assert_eq!(t2["customer_name"], "北京华联");
    assert_eq!(t2["sla"]["first_response"]["state"], "breached");
    assert_eq!(json(&desk, &["import", "tickets", &file])["skipped"].as_u64(), Some(2));
    let bad = write_file(
        &desk,
        "b.csv",
        "external_id,customer_code,kind,subject,opened_at,resolved_at\nT9,C1,complaint,x,2026-10-02T00:00:00Z,2026-10-01T00:00:00Z\n",
    );
    let err = String::from_utf8(
        run(&desk, &["import", "tickets", &bad])
            .code(2)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        err.contains("line 2") && err.contains("resolved_at") && err.contains("before opened_at"),
        "{err}"
    );
}

#[test]
fn interactions_link_to_imported_tickets_and_answer_them() {
    let desk = Desk::new();
    let tickets = write_file(
        &desk,
        "t.csv",
        "external_id,customer_code,customer_name,kind,subject,opened_at\nT1,C1,张三,complaint,屏幕碎了,2026-10-05T08:00:00Z\n",
    );
    run(&desk, &["import", "tickets", &tickets]).success();
    let file = write_file(
        &desk,
        "i.csv",
        "external_id,customer_code,ticket_external_id,at,channel,direction,summary\n\
         I1,C1,T1,2026-10-05T08:10:00Z,phone,in,客户来电\n\
         I2,C1,T1,2026-10-05T08:20:00Z,phone,out,已回电\n",
    );
    assert_eq!(
        json(&desk, &["import", "interactions", &file])["added"].as_u64(),
        Some(2)
    );
    let t = json(&desk, &["ticket", "list"])[0].clone();
    assert_eq!(t["first_response_at"], "2026-10-05T08:20:00Z");
    assert_eq!(t["sla"]["first_response"]["state"], "met");
    let dangling = write_file(
        &desk,
        "d.csv",
        "customer_code,ticket_external_id,channel,summary\nC1,T404,email,hi\n",
    );
    run(&desk, &["import", "interactions", &dangling, "--dry-run"]).code(2);
}

#[test]
fn export_round_trips_through_import() {
    let desk = Desk::new();
    run(
        &desk,
        &[
            "customer",
            "add",
            "--name",
            "张三",
            "--code",
            "C1",
            "--phone",
            "13812345678",
            "--tags",
            "vip",
        ],
    )
    .success();
    run(
        &desk,
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "repair",
            "--subject",
            "空调不制冷",
        ],
    )
    .success();
    run(&desk, &["ticket", "reply", "1", "--summary", "师傅明天上门"]).success();
    let export =
        |what: &str| String::from_utf8(run(&desk, &["export", what]).success().get_output().stdout.clone()).unwrap();
    let (customers, tickets, interactions) = (export("customers"), export("tickets"), export("interactions"));
    assert!(
        customers.starts_with("code,name,kind,") && customers.contains("张三"),
        "{customers}"
    );
    let other = Desk::new();
    for (what, text) in [
        ("customers", &customers),
        ("tickets", &tickets),
        ("interactions", &interactions),
    ] {
        let file = write_file(&other, &format!("{what}.csv"), text);
        run(&other, &["import", what, &file]).success();
    }
    let t = json(&other, &["ticket", "list"])[0].clone();
    assert_eq!(
        (t["subject"].as_str(), t["customer_code"].as_str()),
        (Some("空调不制冷"), Some("C1"))
    );
    assert_eq!(t["sla"]["first_response"]["state"], "met");
    let json = json(&desk, &["export", "tickets", "--format", "json"]);
    assert!(json[0]["sla"]["resolution"]["due"].is_string());
}

#[test]
fn the_kaggle_helpdesk_export_imports_with_its_map() {
    let Some(file) = shared("kaggle_customer_support_tickets/customer_support_tickets.csv") else {
        return;
    };
    let desk = Desk::new();
    let file = file.display().to_string();
    let report = json(
        &desk,
        &["import", "tickets", &file, "--map", &map("kaggle_tickets.toml")],
    );
    assert_eq!(report["added"].as_u64(), Some(8469));
    assert_eq!(
        json(
            &desk,
            &["import", "tickets", &file, "--map", &map("kaggle_tickets.toml")]
        )["added"]
            .as_u64(),
        Some(0)
    );
    let pending = json(&desk, &["ticket", "list", "--status", "pending", "--limit", "1"]);
    assert_eq!(pending[0]["sla"]["resolution"]["state"], "paused");
}

#[test]
fn the_cfpb_complaints_import_with_their_map() {
    let Some(file) = shared("cfpb_complaints_sample/complaints_sample.csv") else {
        return;
    };
    let desk = Desk::new();
    let report = json(
        &desk,
        &[
            "import",
            "tickets",
            &file.display().to_string(),
            "--map",
            &map("cfpb_complaints.toml"),
        ],
    );
    assert_eq!(report["added"].as_u64(), Some(6623));
    let first = json(&desk, &["ticket", "list", "--limit", "1"]);
    assert_eq!(first[0]["kind"], "complaint");
}

#[test]
fn tweets_with_bare_carriage_returns_stay_one_row_each() {
    let Some(file) = shared("twcs_sample/twcs_first5000.csv") else {
        return;
    };
    let desk = Desk::new();
    let report = json(
        &desk,
        &[
            "import",
            "interactions",
            &file.display().to_string(),
            "--map",
            &map("twcs_interactions.toml"),
        ],
    );
    assert_eq!(report["added"].as_u64(), Some(5000));
}

/// A fresh database made by `init`, as every command but `init` and `demo`
/// expects one to exist.
fn initialised() -> Desk {
    let desk = Desk::new();
    desk.ok(&["init"]);
    desk
}

#[test]
fn import_refuses_what_add_refuses_and_what_cannot_be_one_record() {
    let desk = initialised();
    desk.customer("张三", &["--code", "C1"]);
    let file = |name: &str, text: &str| write_file(&desk, name, text);
    // Times after the clock (common::NOW is 2026-03-02T08:00:00Z), as `add` refuses them.
    let future_ticket = file(
        "ft.csv",
        "external_id,customer_code,kind,subject,opened_at\nT1,C1,complaint,ok,2026-03-01T00:00:00Z\nT2,C1,complaint,later,2026-04-01T00:00:00Z\n",
    );
    let err = desk.invalid(
        &["import", "tickets", &future_ticket],
        "opened_at",
        "2026-04-01T00:00:00Z",
    );
    assert!(err.contains("line 3") && err.contains("future"), "{err}");
    let future_reply = file(
        "fr.csv",
        "external_id,customer_code,kind,subject,opened_at,first_response_at\nT1,C1,complaint,x,2026-03-01T00:00:00Z,2026-03-09T00:00:00Z\n",
    );
    desk.invalid(&["import", "tickets", &future_reply], "first_response_at", "2026-03-09");
    let future_contact = file(
        "fi.csv",
        "external_id,customer_code,at,channel,summary\nI1,C1,2027-01-01 10:00:00,phone,hi\n",
    );
    let err = desk.invalid(
        &["import", "interactions", &future_contact],
        "at",
        "2027-01-01 10:00:00",
    );
    assert!(err.contains("line 2"), "{err}");
    let future_since = file("fs.csv", "code,name,since\nC5,甲,2026-03-02\nC6,乙,2030-01-01\n");
    let err = desk.invalid(&["import", "customers", &future_since], "since", "2030-01-01");
    assert!(err.contains("line 3") && err.contains("future"), "{err}");
    // A key given to two rows of one file.
    let twice = file(
        "tw.csv",
        "external_id,customer_code,kind,subject\nT1,C1,complaint,a\nT2,C1,complaint,b\nT1,C1,inquiry,c\n",
    );
    let err = desk.invalid(&["import", "tickets", &twice], "external_id", "T1");
    assert!(err.contains("line 4") && err.contains("repeats line 2"), "{err}");
    let codes = file("cc.csv", "code,name\nC7,甲\nC8,乙\nC7,丙\n");
    let err = desk.invalid(&["import", "customers", &codes], "code", "C7");
    assert!(err.contains("line 4") && err.contains("line 2"), "{err}");
    let contacts = file(
        "ic.csv",
        "external_id,customer_code,channel,summary\nI1,C1,phone,a\nI1,C1,phone,b\n",
    );
    desk.invalid(&["import", "interactions", &contacts], "external_id", "I1");
    // A column given twice: directly, or once by name and once through the map.
    let header_twice = file("ht.csv", "name,phone,name\n甲,1,乙\n");
    let err = desk.invalid(&["import", "customers", &header_twice], "column", "name");
    assert!(err.contains("columns 1 and 3"), "{err}");
    let mapped = file("mp.csv", "Full Name,name\n甲,乙\n");
    let map_file = file("m.toml", "name = \"Full Name\"\n");
    desk.invalid(&["import", "customers", &mapped, "--map", &map_file], "column", "name");
    // A map entry naming a column the file does not have.
    let plain = file("pl.csv", "name\n甲\n");
    let err = desk.invalid(&["import", "customers", &plain, "--map", &map_file], "map", "Full Name");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn orders_surveys_and_reminders_import_once_and_refuse_what_add_refuses() {
    let desk = initialised();
    desk.customer("张三", &["--code", "C1"]);
    desk.customer("李四", &["--code", "C2"]);
    let file = |name: &str, text: &str| write_file(&desk, name, text);
    let tickets = file(
        "t.csv",
        "external_id,customer_code,kind,subject,opened_at\nT1,C1,repair,空调,2026-03-01T00:00:00Z\n",
    );
    desk.ok(&["import", "tickets", &tickets]);
    let orders = file(
        "o.csv",
        "external_id,customer_code,at,amount,product\nO1,C1,2026-02-01T10:00:00Z,\"1,234.50\",空调\nO2,C2,2026-02-02,99,滤网\n",
    );
    let report = desk.json(&["import", "orders", &orders]);
    assert_eq!(report["added"], 2);
    assert_eq!(desk.json(&["import", "orders", &orders])["skipped"], 2);
    assert_eq!(desk.show_customer("C1")["lifetime_value_cents"], 123450);
    let surveys = file(
        "s.csv",
        "external_id,customer_code,ticket_external_id,at,quality,response,communication,comment\nS1,C1,T1,2026-03-01T12:00:00Z,5,4,5,好\n",
    );
    assert_eq!(desk.json(&["import", "surveys", &surveys])["added"], 1);
    assert_eq!(desk.json(&["import", "surveys", &surveys])["skipped"], 1);
    let reminders = file(
        "r.csv",
        "external_id,customer_code,due_at,note,done_at\nR1,C2,2026-04-01T09:00:00Z,回访,\nR2,C2,2026-02-01T09:00:00Z,已做,2026-02-01T10:00:00Z\n",
    );
    assert_eq!(desk.json(&["import", "reminders", &reminders])["added"], 2);
    let exported = desk.ok(&["export", "reminders"]);
    assert!(
        exported.contains("R1,C2,,2026-04-01T09:00:00Z,manual,回访,,"),
        "{exported}"
    );

    // Refused, each with its line, and nothing written.
    let future = file(
        "fo.csv",
        "external_id,customer_code,at,amount\nO9,C1,2026-03-09T00:00:00Z,5\n",
    );
    let err = desk.invalid(&["import", "orders", &future], "at", "2026-03-09T00:00:00Z");
    assert!(err.contains("line 2") && err.contains("future"), "{err}");
    let unknown = file("uo.csv", "external_id,customer_code,amount\nO9,C1,5\nO8,C404,5\n");
    let err = desk.invalid(&["import", "orders", &unknown, "--dry-run"], "customer_code", "C404");
    assert!(err.contains("line 3"), "{err}");
    let repeated = file("ro.csv", "external_id,customer_code,amount\nO9,C1,5\nO9,C1,6\n");
    desk.invalid(&["import", "orders", &repeated], "external_id", "O9");
    let bad_amount = file("bo.csv", "external_id,customer_code,amount\nO9,C1,-5\n");
    desk.invalid(&["import", "orders", &bad_amount], "amount", "-5");
    let others = file(
        "os.csv",
        "external_id,customer_code,ticket_external_id,quality,response,communication\nS9,C2,T1,5,5,5\n",
    );
    let err = desk.invalid(&["import", "surveys", &others], "ticket_external_id", "T1");
    assert!(err.contains("belongs to customer C1"), "{err}");
    let score = file(
        "ss.csv",
        "external_id,customer_code,quality,response,communication\nS9,C1,6,5,5\n",
    );
    desk.invalid(&["import", "surveys", &score], "quality", "6");
    desk.invalid(&["import", "audit", &orders], "records", "audit");
}

#[test]
fn export_keeps_archived_customers_and_the_audit_trail() {
    let desk = initialised();
    desk.customer("张三", &["--code", "C1"]);
    desk.customer("李四", &["--code", "C2"]);
    desk.ok(&["customer", "archive", "C2"]);
    let csv = desk.ok(&["export", "customers"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",tier_pinned,archived,lifecycle,created_at"),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("C2,李四,") && l.contains(",true,")),
        "{csv}"
    );
    let json = desk.json(&["export", "customers", "--format", "json"]);
    let archived: Vec<(&str, bool)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap(), c["archived"].as_bool().unwrap()))
        .collect();
    assert!(
        archived.contains(&("C2", true)) && archived.contains(&("C1", false)),
        "{archived:?}"
    );
    // Imported elsewhere, the archived customer stays archived.
    let other = initialised();
    let file = write_file(&other, "c.csv", &csv);
    other.ok(&["import", "customers", &file]);
    assert_eq!(other.show_customer("C2")["archived"], true);
    let audit = desk.ok(&["export", "audit"]);
    assert!(
        audit.starts_with("at,agent,entity,entity_id,field,old_value,new_value\n"),
        "{audit}"
    );
    assert!(audit.contains(",customer,2,archived,false,true"), "{audit}");
    let entries = desk.json(&["export", "audit", "--format", "json"]);
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "archived" && e["agent"] == "王五")
    );
}

#[test]
fn order_corrections_travel_with_their_orders_under_the_same_rules() {
    let source = initialised();
    source.customer("张三", &["--code", "C1"]);
    for (amount, at) in [("100", "2026-01-01T00:00:00Z"), ("50", "2026-01-02T00:00:00Z")] {
        source.ok(&["order", "add", "--customer", "C1", "--amount", amount, "--at", at]);
    }
    source.ok(&["order", "refund", "1", "--amount", "30", "--note", "坏了"]);
    source.ok(&["order", "cancel", "1"]);
    source.ok(&["order", "refund", "2", "--amount", "10"]);
    let orders = source.json(&["export", "orders", "--format", "json"]);
    let kinds: Vec<&str> = orders[0]["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["refund", "cancel"], "{orders}");
    let csv = source.ok(&["export", "order-corrections"]);
    assert!(
        csv.starts_with("external_id,order_external_id,at,kind,amount,note,created_by\nx1,o1,"),
        "{csv}"
    );

    let target = initialised();
    for kind in ["customers", "orders"] {
        let file = write_file(&target, &format!("{kind}.csv"), &source.ok(&["export", kind]));
        target.ok(&["import", kind, &file]);
    }
    let file = |name: &str, text: &str| write_file(&target, name, text);
    // Refused with its line, nothing written: more refunded than is left,
    // anything after a cancellation, a cancellation of the wrong amount, a
    // correction before its order, an order the database lacks.
    let header = "external_id,order_external_id,at,kind,amount\n";
    let cases = [
        (
            "X1,o2,2026-02-01,refund,40\nX2,o2,2026-02-02,refund,10.01\n",
            "amount",
            "10.01",
        ),
        (
            "X1,o1,2026-02-01,cancel,\nX2,o1,2026-02-02,refund,1\n",
            "order",
            "is cancelled",
        ),
        (
            "X1,o1,2026-02-01,refund,60\nX2,o1,2026-02-02,cancel,50\n",
            "amount",
            "40.00",
        ),
        (
            "X1,o2,2026-02-01,refund,5\nX2,o2,2025-12-01,refund,5\n",
            "at",
            "2025-12-01",
        ),
        (
            "X1,o2,2026-02-01,refund,5\nX2,o9,2026-02-02,refund,5\n",
            "order_external_id",
            "o9",
        ),
    ];
    for (i, (rows, field, value)) in cases.into_iter().enumerate() {
        let bad = file(&format!("bad{i}.csv"), &format!("{header}{rows}"));
        let err = target.invalid(&["import", "order-corrections", &bad], field, value);
        assert!(err.contains("line 3"), "{rows}: {err}");
        target.invalid(&["import", "order-corrections", &bad, "--dry-run"], field, value);
    }

    let corrections = file("x.csv", &csv);
    let report = target.json(&["import", "order-corrections", &corrections]);
    assert_eq!(
        (report["added"].as_u64(), report["skipped"].as_u64()),
        (Some(3), Some(0))
    );
    let again = target.json(&["import", "order-corrections", &corrections]);
    assert_eq!((again["added"].as_u64(), again["skipped"].as_u64()), (Some(0), Some(3)));
    let shown = |desk: &Desk| {
        let c = desk.show_customer("C1");
        (
            c["lifetime_value_cents"].clone(),
            c["tier"].clone(),
            c["lifecycle"].clone(),
        )
    };
    assert_eq!(shown(&target), shown(&source));
    assert_eq!(target.show_customer("C1")["lifetime_value_cents"], 4000);
    assert_eq!(
        target.ok(&["export", "order-corrections"]),
        csv,
        "the same corrections, keyed the same"
    );
}

#[test]
fn a_line_of_the_wrong_width_names_the_file_the_line_and_the_fault() {
    let desk = initialised();
    let file = write_file(&desk, "f.csv", "name,phone\n张三,1,2\n");
    let err = desk.invalid(&["import", "customers", &file], "file", "f.csv");
    assert!(
        err.contains("f.csv\": line 2 has 3 fields; the header (line 1) has 2"),
        "{err}"
    );
}

#[test]
fn a_map_entry_naming_no_column_is_refused_with_the_nearest_one() {
    let desk = initialised();
    let file = write_file(&desk, "c.csv", "Full Name,Phone\n张三,13812345678\n");
    let cases = [
        (
            "typo.toml",
            "nmae = \"Full Name\"\nphone = \"Phone\"\n",
            "nmae",
            "did you mean name?",
        ),
        (
            "defaults.toml",
            "name = \"Full Name\"\nphone = \"Phone\"\n[defaults]\nknid = \"company\"\n",
            "knid",
            "did you mean kind?",
        ),
        (
            "values.toml",
            "name = \"Full Name\"\nphone = \"Phone\"\n[values.tier]\nGold = \"vip\"\n[values.chanel]\nTel = \"phone\"\n",
            "chanel",
            "did you mean channel?",
        ),
    ];
    for (name, text, key, hint) in cases {
        let map = write_file(&desk, name, text);
        let err = desk.invalid(&["import", "customers", &file, "--map", &map], name, key);
        assert!(err.contains(hint), "{err}");
    }
    assert_eq!(count(&desk, "customers"), 0);
}
