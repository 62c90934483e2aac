//! Tests of segments.rs: tiers and lifecycle stages as tables of cases.

use super::*;
use crate::domain::time::parse_instant;

pub(crate) fn now() -> DateTime<Utc> {
    parse_instant("now", "2026-06-01T00:00:00Z").unwrap()
}

/// The shipped defaults of `[segments]` (the config tests check they match).
pub(crate) fn rules() -> SegmentRules {
    SegmentRules {
        high_value_lifetime: 50_000.0,
        high_value_recent_value: 20_000.0,
        recent_days: 180,
        potential_max_tenure_days: 365,
        potential_recent_orders: 2,
        potential_recent_value: 5_000.0,
        new_days: 90,
        loyal_min_tenure_days: 730,
        loyal_min_orders: 5,
        churned_after_days: 365,
        contact_window_days: 90,
        contact_drop_share: 0.5,
        contact_min_before: 2,
        complaint_window_days: 30,
        complaints_at_risk: 2,
        satisfaction_window_days: 180,
        satisfaction_below: 3.0,
        order_gap_factor: 2.0,
        order_gap_min_orders: 3,
    }
}

pub(crate) fn ago(n: i64) -> Option<DateTime<Utc>> {
    Some(now() - days(n))
}

/// A steady customer for two years: six orders a year, none overdue, in
/// regular touch, no complaints, satisfied. Cases change one thing at a time.
pub(crate) fn steady() -> Facts {
    Facts {
        tenure_start: ago(800),
        lifetime_value_cents: cents(12_000.00),
        orders: 12,
        first_order_at: ago(700),
        last_order_at: ago(20),
        recent_orders: 3,
        recent_order_cents: cents(3_000.00),
        contacts_recent: 4,
        contacts_before: 5,
        complaints_recent: 0,
        satisfaction: Some(4.5),
        last_activity_at: ago(10),
    }
}

#[test]
fn tiers() {
    type Case = (&'static str, fn(&mut Facts), Tier);
    let cases: &[Case] = &[
        ("steady, mid value", |_| {}, Tier::Standard),
        (
            "lifetime value at the threshold",
            |f| f.lifetime_value_cents = cents(50_000.00),
            Tier::HighValue,
        ),
        (
            "lifetime value a cent below",
            |f| f.lifetime_value_cents = cents(49_999.99),
            Tier::Standard,
        ),
        (
            "recent orders worth 20000",
            |f| f.recent_order_cents = cents(20_000.00),
            Tier::HighValue,
        ),
        (
            "high value but two complaints this month",
            |f| {
                f.lifetime_value_cents = cents(90_000.00);
                f.complaints_recent = 2;
            },
            Tier::AtRisk,
        ),
        ("low satisfaction", |f| f.satisfaction = Some(2.9), Tier::AtRisk),
        (
            "young and buying often",
            |f| {
                f.tenure_start = ago(200);
                f.first_order_at = ago(150);
                f.orders = 2;
                f.recent_orders = 2;
            },
            Tier::Potential,
        ),
        (
            "young, one big order",
            |f| {
                f.tenure_start = ago(100);
                f.first_order_at = ago(30);
                f.orders = 1;
                f.recent_orders = 1;
                f.recent_order_cents = cents(5_000.00);
            },
            Tier::Potential,
        ),
        (
            "young, one small order",
            |f| {
                f.tenure_start = ago(100);
                f.first_order_at = ago(30);
                f.orders = 1;
                f.recent_orders = 1;
                f.recent_order_cents = cents(4_999.00);
            },
            Tier::Standard,
        ),
        (
            "buying often but a customer for over a year",
            |f| f.tenure_start = ago(366),
            Tier::Standard,
        ),
        (
            "young, no recent order",
            |f| {
                f.tenure_start = ago(300);
                f.recent_orders = 0;
                f.recent_order_cents = 0;
            },
            Tier::Standard,
        ),
        (
            "prospect with nothing at all",
            |f| *f = Facts::default(),
            Tier::Standard,
        ),
    ];
    for (name, change, want) in cases {
        let mut f = steady();
        change(&mut f);
        assert_eq!(assess(&f, &rules(), now()).tier, *want, "{name}");
    }
}

#[test]
fn lifecycle_stages() {
    type Case = (&'static str, fn(&mut Facts), Lifecycle);
    let cases: &[Case] = &[
        ("steady for two years", |_| {}, Lifecycle::Loyal),
        (
            "never ordered",
            |f| {
                f.orders = 0;
                f.first_order_at = None;
                f.last_order_at = None;
            },
            Lifecycle::Prospect,
        ),
        (
            "never ordered, with complaints",
            |f| {
                f.orders = 0;
                f.first_order_at = None;
                f.last_order_at = None;
                f.complaints_recent = 3;
            },
            Lifecycle::Prospect,
        ),
        (
            "first order 89 days ago",
            |f| {
                f.tenure_start = ago(89);
                f.first_order_at = ago(89);
                f.orders = 1;
            },
            Lifecycle::New,
        ),
        (
            "first order 90 days ago",
            |f| {
                f.tenure_start = ago(90);
                f.first_order_at = ago(90);
                f.orders = 2;
            },
            Lifecycle::Active,
        ),
        ("loyal but only four orders", |f| f.orders = 4, Lifecycle::Active),
        (
            "loyal but customer for 729 days",
            |f| f.tenure_start = ago(729),
            Lifecycle::Active,
        ),
        (
            "loyal but last order 181 days ago",
            |f| {
                f.last_order_at = ago(181);
                f.first_order_at = ago(700);
                f.orders = 5;
            },
            Lifecycle::Active,
        ),
        ("two complaints", |f| f.complaints_recent = 2, Lifecycle::AtRisk),
        (
            "nothing for 366 days",
            |f| {
                f.last_order_at = ago(366);
                f.last_activity_at = ago(366);
            },
            Lifecycle::Churned,
        ),
        (
            "no order for 400 days but in touch last month",
            |f| {
                f.last_order_at = ago(400);
                f.first_order_at = ago(1500);
                f.orders = 3;
                f.last_activity_at = ago(30);
            },
            Lifecycle::Active,
        ),
        (
            "churned wins over warnings",
            |f| {
                f.last_order_at = ago(400);
                f.last_activity_at = None;
                f.satisfaction = Some(1.0);
            },
            Lifecycle::Churned,
        ),
    ];
    for (name, change, want) in cases {
        let mut f = steady();
        change(&mut f);
        assert_eq!(assess(&f, &rules(), now()).lifecycle, *want, "{name}");
    }
}

#[test]
fn windows_follow_the_rules() {
    let w = rules().windows(now());
    assert_eq!(Some(w.recent_from), ago(180));
    assert_eq!(Some(w.contacts_split), ago(90));
    assert_eq!(Some(w.contacts_from), ago(180));
    assert_eq!(Some(w.complaints_from), ago(30));
    assert_eq!(Some(w.satisfaction_from), ago(180));
}

#[test]
fn bad_thresholds_are_named() {
    type Change = fn(&mut SegmentRules);
    let cases: [(Change, &str); 5] = [
        (|r| r.recent_days = 0, "segments.recent_days"),
        (|r| r.loyal_min_orders = -1, "segments.loyal_min_orders"),
        (|r| r.potential_recent_value = -5.0, "segments.potential_recent_value"),
        (|r| r.order_gap_factor = 0.5, "segments.order_gap_factor"),
        (|r| r.satisfaction_below = 6.0, "segments.satisfaction_below"),
    ];
    assert_eq!(rules().check(), Ok(()));
    for (change, key) in cases {
        let mut r = rules();
        change(&mut r);
        let err = r.check().unwrap_err();
        assert_eq!(err.key, key, "{err}");
    }
}
