//! Refunds and cancellations through the library on a temporary file: the
//! correction is recorded beside the order, and lifetime value, tier and
//! stage follow in the same transaction; a refused correction writes nothing.

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::domain::customer::{Customer, CustomerInput};
use frontdesk::domain::enums::Tier;
use frontdesk::service::orders::{self, CorrectionInput, OrderInput};
use frontdesk::service::{Ctx, Error, customers, segments, setup};
use frontdesk::store::{OpenOptions, Store};

fn ctx() -> Ctx {
    let now: DateTime<Utc> = "2026-03-02T08:00:00Z".parse().unwrap();
    Ctx::new("tester", now)
}

fn customer(store: &mut Store, id: i64) -> Customer {
    customers::get(store, &id.to_string()).unwrap()
}

#[test]
fn lifetime_value_tier_and_stage_follow_each_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("o.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx(), &Config::defaults()).unwrap();
    let input = CustomerInput {
        name: Some("Acme Ltd".into()),
        since: Some("2020-01-01".into()),
        ..Default::default()
    };
    let id = customers::add(&mut store, &ctx(), &input).unwrap().id;
    let order = |amount: &str| OrderInput {
        customer: id.to_string(),
        amount: amount.into(),
        ..Default::default()
    };
    let big = orders::add(&mut store, &ctx(), &order("60000")).unwrap();
    orders::add(&mut store, &ctx(), &order("1000")).unwrap();
    let c = customer(&mut store, id);
    assert_eq!((c.lifetime_value_cents, c.tier), (6_100_000, Tier::HighValue));

    let refund = CorrectionInput {
        order: big.id,
        amount: Some("15000.50".into()),
        note: None,
    };
    let line = orders::refund(&mut store, &ctx(), &refund).unwrap();
    assert_eq!(line.net_cents(), 4_499_950);
    let c = customer(&mut store, id);
    // 44 999.50 + 1 000 is under 50 000 lifetime, but recent orders still ≥ 20 000.
    assert_eq!((c.lifetime_value_cents, c.tier), (4_599_950, Tier::HighValue));

    let cancel = CorrectionInput {
        order: big.id,
        ..Default::default()
    };
    let line = orders::cancel(&mut store, &ctx(), &cancel).unwrap();
    assert_eq!((line.net_cents(), line.cancelled()), (0, true));
    let c = customer(&mut store, id);
    assert_eq!((c.lifetime_value_cents, c.tier), (100_000, Tier::Standard));
    // What is stored is what the rules say: nothing left to recompute.
    let r = segments::recompute_all(&mut store, &ctx()).unwrap();
    assert_eq!((r.tiers_changed, r.lifecycles_changed), (0, 0));

    // A refused correction leaves the value as it was.
    let again = CorrectionInput {
        order: big.id,
        amount: Some("1".into()),
        note: None,
    };
    let err = orders::refund(&mut store, &ctx(), &again).unwrap_err();
    assert!(matches!(&err, Error::Invalid(i) if i.field == "order"), "{err}");
    assert_eq!(customer(&mut store, id).lifetime_value_cents, 100_000);
    let missing = CorrectionInput {
        order: 999,
        ..Default::default()
    };
    assert!(matches!(
        orders::cancel(&mut store, &ctx(), &missing),
        Err(Error::NotFound { .. })
    ));
    let lines = orders::list(&mut store, &id.to_string(), None).unwrap();
    assert_eq!(lines.iter().map(|l| l.corrections.len()).sum::<usize>(), 2);
}
