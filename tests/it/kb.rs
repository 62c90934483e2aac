//! The knowledge base through the CLI: Chinese terms of any length and English
//! words are found, articles go into replies and count their use.

use crate::common;

use common::Desk;
use serde_json::Value;
use std::path::Path;

const NOW: &str = "2026-10-05T09:00:00Z";

fn frontdesk(desk: &Desk, args: &[&str]) -> assert_cmd::assert::Assert {
    desk.cmd_at(NOW).args(args).assert()
}

fn json(desk: &Desk, args: &[&str]) -> Value {
    desk.json_at(NOW, args)
}

fn titles(found: &Value) -> Vec<String> {
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_finds_chinese_terms_of_any_length_and_english_words() {
    let dir = Desk::new();
    for (title, body, tags) in [
        (
            "退款流程",
            "先确认订单号，再在后台发起退款，三个工作日内到账。",
            "退款,售后",
        ),
        (
            "投诉话术",
            "肯定价值 → 了解需求 → 提供方案。先道歉，再复述客户的问题。",
            "投诉",
        ),
        (
            "How to reset a password",
            "Open Settings, choose Security, then Reset password.",
            "account",
        ),
    ] {
        frontdesk(
            &dir,
            &[
                "kb", "add", "--title", title, "--body", body, "--kind", "script", "--tags", tags,
            ],
        )
        .success();
    }
    let cases: [(&str, &[&str]); 7] = [
        ("退款", &["退款流程"]),
        ("退", &["退款流程"]),
        ("工作日", &["退款流程"]),
        ("了解需求", &["投诉话术"]),
        ("password", &["How to reset a password"]),
        ("PASSWORD settings", &["How to reset a password"]),
        ("退款 password", &[]),
    ];
    for (query, want) in cases {
        assert_eq!(titles(&json(&dir, &["kb", "search", query])), want, "{query}");
    }
    // Query syntax in user text is taken literally.
    frontdesk(&dir, &["kb", "search", "\"OR*(\" NEAR"]).success();
    frontdesk(&dir, &["kb", "add", "--title", " ", "--body", "x"]).code(2);
    frontdesk(&dir, &["kb", "show", "99"]).code(4);
}

#[test]
fn an_article_inserted_into_a_reply_counts_its_use() {
    let dir = Desk::new();
    frontdesk(&dir, &["customer", "add", "--name", "张三", "--code", "C1"]).success();
    frontdesk(
        &dir,
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "after-sales",
            "--subject",
            "要求退款",
        ],
    )
    .success();
    frontdesk(
        &dir,
        &["kb", "add", "--title", "退款流程", "--body", "三个工作日内到账。"],
    )
    .success();
    let reply = json(&dir, &["ticket", "reply", "1", "--summary", "您好，", "--kb", "1"]);
    assert_eq!(reply["summary"], "您好，\n\n三个工作日内到账。");
    assert_eq!(json(&dir, &["kb", "show", "1"])["used_count"], 1);
    frontdesk(&dir, &["ticket", "reply", "1", "--kb", "7"]).code(4);
    assert_eq!(
        json(&dir, &["ticket", "show", "1"])["sla"]["first_response"]["state"],
        "met"
    );
}

#[test]
fn the_bitext_reply_scripts_import_and_are_searchable() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/bitext_customer_support/Bitext_Sample_Customer_Support_Training_Dataset.csv");
    if !file.exists() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/maps/bitext_kb.toml");
    let dir = Desk::new();
    let (file, map) = (file.display().to_string(), map.display().to_string());
    let report = json(&dir, &["import", "kb", &file, "--map", &map]);
    assert!(report["added"].as_u64().unwrap() > 4000, "{report}");
    assert_eq!(json(&dir, &["import", "kb", &file, "--map", &map])["added"], 0);
    let found = json(&dir, &["kb", "search", "cancel order", "--limit", "5"]);
    assert_eq!(found.as_array().unwrap().len(), 5);
    assert!(found[0]["tags"].to_string().contains("cancel_order"), "{found}");
}
