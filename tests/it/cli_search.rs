//! `ticket list --search` and `timeline --search` through the binary: the
//! JSON and text shapes, the options it combines with, refused input, the
//! index after an import, and the CFPB sample searched for words of its
//! narratives.

use crate::common;

use common::*;
use std::path::Path;

/// 张三 (C1) with a resolved ticket about a refund (called back) and an open one whose
/// description mentions photos; 李四 (C2) with an open ticket about 发票.
fn desk() -> (Desk, i64, i64, i64) {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1"]);
    desk.customer("李四", &["--code", "C2"]);
    let refund = id(&desk.ticket("C1", "after-sales", "Refund for a cracked screen", &[]));
    desk.ok(&[
        "ticket",
        "resolve",
        &refund.to_string(),
        "--summary",
        "Refunded to the card",
    ]);
    // The callback done, it leaves the queue.
    desk.ok(&["ticket", "callback", &refund.to_string(), "--outcome", "satisfied"]);
    let photo = id(&desk.ticket(
        "C1",
        "repair",
        "屏幕闪烁",
        &["--body", "客户上传的照片模糊，请尽快处理 refund not wanted"],
    ));
    let invoice = id(&desk.ticket("C2", "inquiry", "发票抬头错误", &[]));
    (desk, refund, photo, invoice)
}

#[test]
fn search_finds_english_forms_and_chinese_terms_best_first() {
    let (desk, refund, photo, invoice) = desk();
    let cases: &[(&[&str], Vec<i64>)] = &[
        (&["--search", "refunds"], vec![refund, photo]),
        (&["--search", "REFUNDED"], vec![refund, photo]),
        (&["--search", "照片"], vec![photo]),
        (&["--search", "照"], vec![photo]),
        (&["--search", "发票抬头"], vec![invoice]),
        (&["--search", "refund 照片"], vec![photo]),
        (&["--search", "refund", "--queue"], vec![photo]),
        (&["--search", "refund", "--status", "resolved"], vec![refund]),
        (&["--search", "refund", "--customer", "C2"], vec![]),
        (&["--search", "refund", "--limit", "1"], vec![refund]),
        (&["--search", "\"refund\" OR NEAR(x) -y:*"], vec![]),
        // The photo ticket's two Chinese runs are kept apart in the index by
        // a 0, which no search for the word 0 finds.
        (&["--search", "0"], vec![]),
    ];
    for (args, expected) in cases {
        let list = desk.json(&[&["ticket", "list"], *args].concat());
        assert_eq!(&ids(&list), expected, "{args:?}");
    }
}

#[test]
fn search_json_adds_a_snippet_and_keeps_the_other_keys() {
    let (desk, _, photo, _) = desk();
    let plain = desk.json(&["ticket", "list", "--customer", "C1", "--status", "new"]);
    let found = desk.json(&["ticket", "list", "--search", "照片"]);
    assert_eq!(found[0]["snippet"], "客户上传的照片模糊，请尽快处理 refund not wanted");
    let mut without = found[0].clone();
    without.as_object_mut().unwrap().remove("snippet");
    assert_eq!(without, plain[0], "ticket {photo}: only `snippet` is added");
}

#[test]
fn search_text_shows_each_snippet_under_its_row() {
    let (desk, _, photo, _) = desk();
    let out = desk.ok(&["ticket", "list", "--search", "照片"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[1].starts_with(&photo.to_string()), "{out}");
    assert_eq!(lines[2], "    客户上传的照片模糊，请尽快处理 refund not wanted");
    let none = desk.ok(&["ticket", "list", "--search", "nothing"]);
    assert_eq!(none.trim(), "No tickets match “nothing”.");
    let zh = stdout(
        desk.cmd()
            .env("LANG", "zh_CN.UTF-8")
            .args(["ticket", "list", "--search", "无此词"]),
    );
    assert_eq!(zh.trim(), "没有与“无此词”匹配的工单。");
}

#[test]
fn a_search_with_nothing_to_search_for_is_refused() {
    let (desk, ..) = desk();
    for text in ["", "  ", "*", "\"-:"] {
        desk.invalid(&["ticket", "list", "--search", text], "search", &format!("{text:?}"));
        desk.invalid(&["timeline", "--search", text], "search", &format!("{text:?}"));
    }
}

#[test]
fn edits_and_replies_are_found_at_once() {
    let (desk, refund, photo, invoice) = desk();
    desk.ok(&[
        "ticket",
        "set",
        &invoice.to_string(),
        "--subject",
        "Wrong invoice title",
    ]);
    assert_eq!(
        ids(&desk.json(&["ticket", "list", "--search", "invoices"])),
        vec![invoice]
    );
    assert_eq!(
        ids(&desk.json(&["ticket", "list", "--search", "发票"])),
        Vec::<i64>::new()
    );
    desk.ok(&["ticket", "set", &photo.to_string(), "--description", "屏幕有竖线"]);
    assert_eq!(ids(&desk.json(&["ticket", "list", "--search", "竖线"])), vec![photo]);
    assert_eq!(
        ids(&desk.json(&["ticket", "list", "--search", "照片"])),
        Vec::<i64>::new()
    );
    desk.ok(&[
        "ticket",
        "reply",
        &invoice.to_string(),
        "--summary",
        "已重新开具增值税发票",
    ]);
    assert_eq!(
        ids(&desk.json(&["ticket", "list", "--search", "增值税发票"])),
        vec![invoice]
    );
    let reply = desk.show_ticket(refund)["interactions"][0]["id"].as_i64().unwrap();
    desk.ok(&["interaction", "edit", &reply.to_string(), "--summary", "退回原卡"]);
    assert_eq!(ids(&desk.json(&["ticket", "list", "--search", "原卡"])), vec![refund]);
}

#[test]
fn timeline_search_finds_contacts_logged_without_a_ticket() {
    let (desk, ..) = desk();
    let call = desk.json(&[
        "log",
        "--customer",
        "C2",
        "--channel",
        "phone",
        "--summary",
        "来电询问退款进度",
    ]);
    desk.json(&[
        "log",
        "--customer",
        "C1",
        "--channel",
        "email",
        "--summary",
        "Asked about the refund timeline",
    ]);
    let all = desk.json(&["timeline", "--search", "退款"]);
    assert_eq!(ids(&all), vec![id(&call)]);
    assert_eq!(all[0]["snippet"], "来电询问退款进度");
    assert_eq!(all[0]["summary"], "来电询问退款进度");
    assert_eq!(
        ids(&desk.json(&["timeline", "C1", "--search", "退款"])),
        Vec::<i64>::new()
    );
    assert_eq!(
        desk.json(&["timeline", "C1", "--search", "timelines"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let text = desk.ok(&["timeline", "--search", "退款进度"]);
    assert!(
        text.lines().nth(2).is_some_and(|l| l == "    来电询问退款进度"),
        "{text}"
    );
    desk.fails(4, &["timeline", "C9", "--search", "退款"]);
}

#[test]
fn imported_tickets_and_interactions_are_searchable() {
    let desk = Desk::new();
    let tickets = desk.dir().join("t.csv");
    std::fs::write(
        &tickets,
        "external_id,customer_code,customer_name,kind,subject,opened_at\n\
         T1,C1,张三,complaint,屏幕碎了,2026-02-05T08:00:00Z\n\
         T2,C1,张三,inquiry,Shipping question,2026-02-06T08:00:00Z\n",
    )
    .unwrap();
    desk.ok(&["import", "tickets", &tickets.display().to_string()]);
    let interactions = desk.dir().join("i.csv");
    std::fs::write(
        &interactions,
        "external_id,customer_code,ticket_external_id,at,channel,direction,summary\n\
         I1,C1,T2,2026-02-06T08:10:00Z,phone,in,Parcel was delivered damaged\n\
         I2,C1,,2026-02-07T08:10:00Z,phone,in,咨询会员积分\n",
    )
    .unwrap();
    desk.ok(&["import", "interactions", &interactions.display().to_string()]);
    let found = desk.json(&["ticket", "list", "--search", "碎了"]);
    assert_eq!(found[0]["external_id"], "T1");
    let found = desk.json(&["ticket", "list", "--search", "damage"]);
    assert_eq!(found[0]["external_id"], "T2");
    assert_eq!(
        desk.json(&["timeline", "--search", "积分"]).as_array().unwrap().len(),
        1
    );
}

#[test]
fn the_cfpb_sample_is_found_by_words_of_its_narratives() {
    // ../shared/data beside the repository, or where FRONTDESK_SHARED_DATA says
    // (a worktree one level deeper).
    let data = std::env::var_os("FRONTDESK_SHARED_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        Into::into,
    );
    let file = data.join("cfpb_complaints_sample/complaints_sample.csv");
    if !file.exists() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/maps/cfpb_complaints.toml");
    let desk = Desk::new();
    desk.json(&[
        "import",
        "tickets",
        &file.display().to_string(),
        "--map",
        &map.display().to_string(),
    ]);
    // "transworld systems inc. is trying to collect a debt that is not mine"
    let found = desk.json(&["ticket", "list", "--search", "transworld collect", "--limit", "0"]);
    let external: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["external_id"].as_str())
        .collect();
    assert!(external.contains(&"3384392"), "{external:?}");
    for t in found.as_array().unwrap() {
        let snippet = t["snippet"].as_str().unwrap_or_default().to_lowercase();
        assert!(
            snippet.contains("transworld") || snippet.contains("collect"),
            "{snippet}"
        );
    }
    // Word forms: "disputed", "disputes", "disputing" all find "dispute".
    let forms: Vec<usize> = ["dispute", "disputed", "disputing"]
        .iter()
        .map(|w| {
            desk.json(&["ticket", "list", "--search", w, "--limit", "0"])
                .as_array()
                .unwrap()
                .len()
        })
        .collect();
    assert!(forms[0] > 0 && forms.iter().all(|n| *n == forms[0]), "{forms:?}");
}
