//! Tests of churn.rs: each warning and its edges, as a table of cases.

use super::*;
use crate::domain::segments::tests::{ago, now, rules, steady};

#[test]
fn warnings_and_their_reasons() {
    type Case = (&'static str, fn(&mut Facts), Vec<&'static str>);
    let cases: Vec<Case> = vec![
        ("steady customer", |_| {}, vec![]),
        (
            "contacts halved",
            |f| {
                f.contacts_before = 8;
                f.contacts_recent = 4;
            },
            vec!["contacts fell to 4 in the last 90 days from 8 in the 90 before"],
        ),
        (
            "contacts a bit more than half",
            |f| {
                f.contacts_before = 8;
                f.contacts_recent = 5;
            },
            vec![],
        ),
        (
            "contacts stopped",
            |f| {
                f.contacts_before = 2;
                f.contacts_recent = 0;
            },
            vec!["contacts fell to 0 in the last 90 days from 2 in the 90 before"],
        ),
        (
            "one contact before is not a trend",
            |f| {
                f.contacts_before = 1;
                f.contacts_recent = 0;
            },
            vec![],
        ),
        ("one complaint", |f| f.complaints_recent = 1, vec![]),
        (
            "two complaints",
            |f| f.complaints_recent = 2,
            vec!["2 complaints in the last 30 days"],
        ),
        ("satisfaction exactly 3", |f| f.satisfaction = Some(3.0), vec![]),
        (
            "satisfaction 2.67",
            |f| f.satisfaction = Some(8.0 / 3.0),
            vec!["average satisfaction 2.7 (below 3)"],
        ),
        ("no surveys", |f| f.satisfaction = None, vec![]),
        (
            // 11 orders 50 days apart; the last 100 days ago is exactly twice.
            "last order exactly twice the usual interval ago",
            |f| {
                f.first_order_at = ago(600);
                f.last_order_at = ago(100);
                f.orders = 11;
            },
            vec![],
        ),
        (
            "last order more than twice the usual interval ago",
            |f| {
                f.first_order_at = ago(601);
                f.last_order_at = ago(101);
                f.orders = 11;
            },
            vec!["no order for 101 days; usually one every 50 days"],
        ),
        (
            "two orders are too few for a usual interval",
            |f| {
                f.first_order_at = ago(300);
                f.last_order_at = ago(290);
                f.orders = 2;
            },
            vec![],
        ),
        (
            "orders on one day: the usual interval is at least a day",
            |f| {
                f.first_order_at = ago(3);
                f.last_order_at = ago(3);
                f.orders = 3;
            },
            vec!["no order for 3 days; usually one a day"],
        ),
        (
            "everything at once, in order",
            |f| {
                f.contacts_before = 6;
                f.contacts_recent = 1;
                f.complaints_recent = 3;
                f.satisfaction = Some(1.5);
                f.last_order_at = ago(400);
            },
            vec![
                "contacts fell to 1 in the last 90 days from 6 in the 90 before",
                "3 complaints in the last 30 days",
                "average satisfaction 1.5 (below 3)",
                "no order for 400 days; usually one every 27 days",
            ],
        ),
    ];
    for (name, change, want) in cases {
        let mut f = steady();
        change(&mut f);
        let got: Vec<String> = warnings(&f, &rules(), now()).iter().map(ToString::to_string).collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn reasons_serialize_with_their_keys_and_numbers() {
    let mut f = steady();
    f.complaints_recent = 2;
    f.satisfaction = Some(2.0);
    let got = warnings(&f, &rules(), now());
    assert_eq!(
        got.iter().map(ChurnReason::key).collect::<Vec<_>>(),
        ["complaints", "low_satisfaction"]
    );
    let json = serde_json::to_value(&got[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"reason": "complaints", "count": 2, "window_days": 30})
    );
}
