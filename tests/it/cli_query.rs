//! `ticket list --query`: the filter language from the shell, combined
//! with the list's options, `--queue`, JSON with the snippet, and a bad
//! term exiting 2 naming it, in English and in Chinese.

use crate::common::{Desk, ids};

/// Two customers, three tickets: a complaint of 张三 (high, tagged vip),
/// an inquiry of Henry Hall (low, resolved), a repair of 张三 (urgent).
fn desk() -> (Desk, [i64; 3]) {
    let d = Desk::new();
    d.customer("张三", &["--code", "C1"]);
    d.customer("Henry Hall", &["--code", "C2"]);
    let a = d.ticket(
        "C1",
        "complaint",
        "屏幕碎了",
        &["--priority", "high", "--body", "照片已发到邮箱"],
    );
    let b = d.ticket("C2", "inquiry", "Invoice question", &["--priority", "low"]);
    let c = d.ticket("C1", "repair", "Printer jam", &["--priority", "urgent"]);
    let ids = [a, b, c].map(|t| t["id"].as_i64().unwrap());
    d.ok(&["ticket", "set", &ids[0].to_string(), "--add-tag", "vip"]);
    d.ok(&["ticket", "resolve", &ids[1].to_string()]);
    (d, ids)
}

#[test]
fn the_query_selects_and_combines_with_the_options() {
    let (d, [a, b, c]) = desk();
    let cases: &[(&[&str], &[i64])] = &[
        (&["--query", "kind:complaint"], &[a]),
        (&["--query", "priority:>=high"], &[c, a]),
        (&["--query", "-status:resolved sort:-opened"], &[a, c]),
        (&["--query", "customer:C1 tag:vip"], &[a]),
        (&["--query", "customer:zhangsan kind:repair,complaint"], &[c, a]),
        (&["--query", "status:resolved,closed"], &[b]),
        (
            &["--query", "priority:>=normal", "--status", "new", "--limit", "1"],
            &[c],
        ),
        (&["--query", "kind:inquiry", "--customer", "C1"], &[]),
        (&["--query", "照片"], &[a]),
        (&["--query", "invoice status:resolved"], &[b]),
        (&["--queue", "--query", "priority:>=high sort:priority"], &[c, a]),
    ];
    for (args, want) in cases {
        let list = d.json(&[&["ticket", "list"], *args].concat());
        assert_eq!(ids(&list), want.to_vec(), "{args:?}");
    }
    // The snippet comes only when words were searched for.
    let list = d.json(&["ticket", "list", "--query", "照片"]);
    let snippet = list[0]["snippet"].as_str().unwrap_or_default();
    assert!(snippet.contains("照片"), "{list}");
    let list = d.json(&["ticket", "list", "--query", "kind:complaint"]);
    assert!(list[0].get("snippet").is_none(), "{list}");
    // The human table lists the same tickets.
    let table = d.ok(&["ticket", "list", "--query", "kind:complaint"]);
    assert!(table.contains("屏幕碎了") && !table.contains("Printer"), "{table}");
}

#[test]
fn a_bad_term_exits_2_naming_it_and_writes_nothing() {
    let (d, _) = desk();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--query", "kind:complaint prority:high"], "prority:high", "priority"),
        (&["--query", "status:opne"], "status:opne", "open"),
        (&["--query", "sla:late"], "sla:late", "breached"),
        (&["--query", "opened:>=yesterday"], "opened:>=yesterday", "sow"),
        (&["--query", "tag:"], "tag:", "value"),
        (&["--queue", "--query", "kind:>repair"], "kind:>repair", "order"),
    ];
    for (args, term, hint) in cases {
        let err = d.invalid(&[&["ticket", "list"], *args].concat(), "query", term);
        assert!(err.contains(hint), "{args:?}: {err}");
    }
}

#[test]
fn a_bad_term_is_told_in_chinese() {
    let (d, _) = desk();
    let out = d
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["ticket", "list", "--query", "prority:high"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("prority:high") && err.contains("是否要用“priority”"),
        "{err}"
    );
}

/// The query's bare words on either engine (FTS5 in a file, the tsvector
/// index on a server): every word is required, and the best match comes
/// first — a word in the subject before one deep in the description,
/// however new that ticket is — in the list and in the queue alike.
#[test]
fn bare_words_require_every_word_and_rank_the_subject_first() {
    let d = Desk::new();
    d.customer("张三", &["--code", "C1"]);
    let in_subject = d.ticket_at(
        "2026-03-01T08:00:00Z",
        "C1",
        "complaint",
        "Screen flickers",
        &["--body", "since Monday"],
    );
    let in_body = d.ticket(
        "C1",
        "complaint",
        "Refund request",
        &["--body", "the screen cracked on arrival"],
    );
    let other = d.ticket("C1", "inquiry", "屏幕保护膜", &["--body", "有没有货"]);
    let [in_subject, in_body, other] = [in_subject, in_body, other].map(|t| t["id"].as_i64().unwrap());
    let cases: &[(&[&str], &[i64])] = &[
        (&["--query", "screen"], &[in_subject, in_body]),
        (&["--query", "screen cracked"], &[in_body]),
        (
            &["--query", "screen kind:complaint -status:resolved"],
            &[in_subject, in_body],
        ),
        (&["--queue", "--query", "screen"], &[in_subject, in_body]),
        (&["--query", "屏幕"], &[other]),
        (&["--query", "屏幕 screen"], &[]),
    ];
    for (args, want) in cases {
        let list = d.json(&[&["ticket", "list"], *args].concat());
        assert_eq!(ids(&list), want.to_vec(), "{args:?}");
    }
}
