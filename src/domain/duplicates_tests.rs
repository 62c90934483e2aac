//! Tests of duplicates.rs: keys, edit distance and whole lists of customers.

use super::*;

fn c(id: i64, name: &str, phone: &str, email: &str) -> Candidate {
    Candidate {
        id,
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
    }
}

#[test]
fn phone_keys() {
    let cases = [
        ("13812345678", Some("13812345678")),
        ("+86 138-1234-5678", Some("13812345678")),
        ("0086 13812345678", Some("13812345678")),
        ("１３８１２３４５６７８", Some("13812345678")),
        ("(020) 8765 4321", Some("02087654321")),
        // Not a mobile number after the 86: kept whole.
        ("86 20 8765 4321", Some("862087654321")),
        ("", None),
        ("12", None),
    ];
    for (input, want) in cases {
        assert_eq!(phone_key(input).as_deref(), want, "{input:?}");
    }
}

#[test]
fn name_and_email_keys() {
    let cases = [
        ("Zhang San", Some("zhangsan")),
        (" zhang-san. ", Some("zhangsan")),
        ("ＡＣＭＥ Ltd.", Some("acmeltd")),
        ("张 三", Some("张三")),
        ("...", None),
    ];
    for (input, want) in cases {
        assert_eq!(name_key(input).as_deref(), want, "{input:?}");
    }
    assert_eq!(
        email_key(" Zhang.San@Example.COM ").as_deref(),
        Some("zhang.san@example.com")
    );
    assert_eq!(email_key("  "), None);
}

#[test]
fn one_edit_apart() {
    let cases = [
        ("johnsmith", "jonsmith", true),
        ("johnsmith", "johnsmyth", true),
        ("johnsmith", "jhonsmith", true),
        ("johnsmith", "johnsmiths", true),
        ("johnsmith", "johnsmith", true),
        ("johnsmith", "jonsmyth", false),
        ("johnsmith", "smithjohn", false),
        ("abc", "bca", false),
        ("", "a", true),
    ];
    for (a, b, want) in cases {
        assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        assert_eq!(within_one_edit(b, a), want, "{b} {a}");
    }
}

fn found(list: &[Candidate]) -> Vec<(i64, i64, Vec<&'static str>)> {
    find(list)
        .into_iter()
        .map(|p| (p.first, p.second, p.evidence.iter().map(|e| e.key()).collect()))
        .collect()
}

#[test]
fn pairs_and_their_evidence() {
    let list = [
        c(1, "张三", "13812345678", ""),
        c(2, "章三", "+86 138-1234-5678", ""),
        c(3, "Zhang San", "", "zs@example.com"),
        c(4, "张叁", "", "ZS@example.com"),
        c(5, "John Smith", "", ""),
        c(6, "Jon Smith", "", ""),
        c(7, "李四", "13900000000", ""),
        c(8, "Acme Ltd.", "", ""),
        c(9, "ACME Ltd", "", ""),
        c(10, "王伟", "", ""),
        c(11, "Wang", "", ""),
    ];
    assert_eq!(
        found(&list),
        vec![
            (1, 2, vec!["same_phone", "same_pinyin"]),
            (3, 4, vec!["same_email", "same_pinyin"]),
            (8, 9, vec!["same_name"]),
            (1, 3, vec!["same_pinyin"]),
            (1, 4, vec!["same_pinyin"]),
            (2, 3, vec!["same_pinyin"]),
            (2, 4, vec!["same_pinyin"]),
            (5, 6, vec!["similar_name"]),
        ]
    );
}

#[test]
fn short_and_chinese_names_are_not_near_matches() {
    // One char apart, but different people: 张三 / 张三丰, Li Na / Li Ne.
    let list = [
        c(1, "张三", "", ""),
        c(2, "张三丰", "", ""),
        c(3, "Li Na", "", ""),
        c(4, "Li Ne", "", ""),
    ];
    assert!(found(&list).is_empty());
}

#[test]
fn values_shared_by_many_are_not_evidence() {
    let mut list: Vec<Candidate> = (1..=11).map(|i| c(i, &format!("客户{i}"), "4008123123", "")).collect();
    assert!(found(&list).is_empty(), "a switchboard number shared by 11");
    list.truncate(MAX_GROUP);
    assert_eq!(found(&list).len(), MAX_GROUP * (MAX_GROUP - 1) / 2);
}
