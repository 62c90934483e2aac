//! The at-risk list read from the churn warnings stored with the tiers
//! (migration 0022) against the list worked out live from every customer's
//! facts, on either engine: equal after the day's refresh, and after each
//! write that changes a customer's warnings with no refresh in between —
//! never a list from before the write.

use crate::common::Desk;
use chrono::{DateTime, Utc};
use frontdesk::service::{Ctx, segments};

/// The day of these tests, a real (not fixed) clock as a real run has.
const DAY: &str = "2026-03-20T09:00:00Z";

fn ctx() -> Ctx {
    Ctx::new("tester", DAY.parse::<DateTime<Utc>>().unwrap())
}

/// (customer id, warnings as JSON) of a list, in its order.
fn summary(list: &[segments::Risk]) -> Vec<(i64, String)> {
    list.iter()
        .map(|r| (r.customer.id, serde_json::to_string(&r.warnings).unwrap()))
        .collect()
}

fn assert_stored_is_live(desk: &Desk, after: &str, at_risk: usize) {
    let mut store = desk.store();
    let live = segments::live_risk(&mut store, &ctx(), None).unwrap();
    assert_eq!(live.len(), at_risk, "after {after}: customers at risk");
    let stored = segments::risk(&mut store, &ctx(), None).unwrap();
    assert_eq!(summary(&stored), summary(&live), "after {after}");
    let top = segments::risk(&mut store, &ctx(), Some(1)).unwrap();
    assert_eq!(
        summary(&top),
        summary(&live[..at_risk.min(1)]),
        "after {after}: the first"
    );
}

fn add(desk: &Desk, name: &str) -> String {
    desk.customer_at(DAY, name, &[])["id"].as_i64().unwrap().to_string()
}

fn complaint(desk: &Desk, customer: &str) -> String {
    let t = desk.ticket_at(DAY, customer, "complaint", "又坏了", &[]);
    t["id"].as_i64().unwrap().to_string()
}

#[test]
fn the_stored_at_risk_list_is_the_live_one_after_every_write() {
    let desk = Desk::new();
    let (a, b, c) = (add(&desk, "赵六"), add(&desk, "钱七"), add(&desk, "孙八"));
    // The day's refresh stores everyone's warnings: none yet.
    assert_stored_is_live(&desk, "the first refresh", 0);

    for customer in [&a, &a, &b, &b] {
        complaint(&desk, customer);
    }
    assert_stored_is_live(&desk, "complaints", 2);

    // Low satisfaction adds a second warning to one of them: it comes first.
    desk.low_survey_at(DAY, &b);
    assert_stored_is_live(&desk, "a low survey", 2);

    // Orders make the more valuable one first among equals.
    desk.ok_at(DAY, &["order", "add", "--customer", &c, "--amount", "900"]);
    for customer in [&c, &c] {
        complaint(&desk, customer);
    }
    desk.ok_at(DAY, &["order", "add", "--customer", &a, "--amount", "500"]);
    assert_stored_is_live(&desk, "orders and complaints", 3);

    // Archived customers leave the list; a merge moves complaints.
    desk.ok_at(DAY, &["customer", "archive", &c]);
    assert_stored_is_live(&desk, "an archive", 2);
    desk.ok_at(DAY, &["customer", "merge", &a, &b]);
    assert_stored_is_live(&desk, "a merge", 1);
}
