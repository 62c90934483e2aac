//! Stored tiers kept current as time passes (`service::segments_as_of`),
//! through the library on temporary files with a real (not fixed) clock:
//! the first read of a new day refreshes them in one write; a "what if"
//! clock computes them live and stores nothing.

use chrono::{DateTime, TimeDelta, Utc};
use frontdesk::config::Config;
use frontdesk::domain::enums::Tier;
use frontdesk::service::customers;
use frontdesk::service::orders::{self, OrderInput};
use frontdesk::service::segments_as_of::{self, Source};
use frontdesk::service::{Ctx, segments, setup};
use frontdesk::store::{CustomerQuery, OpenOptions, Store};

fn at(days: i64) -> Ctx {
    let start: DateTime<Utc> = "2026-03-02T08:00:00Z".parse().unwrap();
    Ctx::new("tester", start + TimeDelta::days(days))
}

/// A customer for years with one order worth 30 000 on day 0: high-value
/// while the order is recent (180 days), standard after.
fn desk(dir: &std::path::Path) -> (Store, i64) {
    let mut store = Store::create(&dir.join("f.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &at(0), &Config::defaults()).unwrap();
    let input = frontdesk::domain::customer::CustomerInput {
        name: Some("王芳".into()),
        since: Some("2020-01-01".into()),
        ..Default::default()
    };
    let c = customers::add(&mut store, &at(0), &input).unwrap();
    let order = OrderInput {
        customer: c.id.to_string(),
        amount: "30000".into(),
        ..Default::default()
    };
    orders::add(&mut store, &at(0), &order).unwrap();
    segments::recompute_all(&mut store, &at(0)).unwrap();
    (store, c.id)
}

fn stored(store: &mut Store, id: i64) -> Tier {
    customers::get(store, &id.to_string()).unwrap().tier
}

#[test]
fn the_first_read_of_a_new_day_refreshes_the_stored_tiers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = desk(dir.path());
    assert_eq!(
        segments_as_of::ensure_current(&mut store, &at(0)).unwrap(),
        Source::Stored
    );
    assert_eq!(stored(&mut store, id), Tier::HighValue);

    let later = at(200);
    assert_eq!(
        segments_as_of::ensure_current(&mut store, &later).unwrap(),
        Source::Stored
    );
    assert_eq!(stored(&mut store, id), Tier::Standard, "refreshed before the read");
    let list = segments_as_of::customers(&mut store, &later, &CustomerQuery::default(), None).unwrap();
    assert_eq!(list.iter().map(|c| c.tier).collect::<Vec<_>>(), [Tier::Standard]);
    let r = segments::recompute_all(&mut store, &later).unwrap();
    assert_eq!((r.tiers_changed, r.lifecycles_changed), (0, 0));
    let audit = customers::audit(&mut store, id).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.field == "tier" && e.new_value.as_deref() == Some("standard"))
    );
}

#[test]
fn a_what_if_clock_computes_live_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = desk(dir.path());
    let mut what_if = at(200);
    what_if.clock_fixed = true;
    assert_eq!(
        segments_as_of::ensure_current(&mut store, &what_if).unwrap(),
        Source::Live
    );
    let query = CustomerQuery {
        tier: Some("high-value".into()),
        ..Default::default()
    };
    assert!(
        segments_as_of::customers(&mut store, &what_if, &query, None)
            .unwrap()
            .is_empty()
    );
    let all = segments_as_of::customers(&mut store, &what_if, &CustomerQuery::default(), None).unwrap();
    assert_eq!(all.iter().map(|c| c.tier).collect::<Vec<_>>(), [Tier::Standard]);
    assert_eq!(
        stored(&mut store, id),
        Tier::HighValue,
        "nothing written for an invented time"
    );
    // A real run on day 0 still trusts what it stored that day.
    assert_eq!(
        segments_as_of::ensure_current(&mut store, &at(0)).unwrap(),
        Source::Stored
    );
}

#[test]
fn a_marker_is_trusted_only_on_its_own_day_and_never_from_the_future() {
    let mut ctx = at(0);
    ctx.settings.timezone = chrono_tz::Asia::Shanghai;
    let t = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
    // 08:00 UTC is 16:00 in Shanghai on 2 March.
    let cases = [
        (t("2026-03-02T01:00:00Z"), true),
        (t("2026-03-02T08:00:00Z"), true),
        (t("2026-03-01T15:59:59Z"), false),
        (t("2026-03-01T16:00:00Z"), true),
        (t("2026-03-02T09:00:00Z"), false),
        (t("2030-01-01T00:00:00Z"), false),
        (None, false),
    ];
    for (as_of, want) in cases {
        assert_eq!(segments_as_of::trusted(as_of, &ctx), want, "{as_of:?}");
    }
}

/// An archived customer's tier and stage are frozen at archiving: no new
/// record, correction, `customer recompute`, daily refresh or live read
/// changes what they were archived with.
#[test]
fn an_archived_customer_keeps_the_tier_and_stage_it_was_archived_with() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = desk(dir.path());
    let archived = customers::archive(&mut store, &at(0), &id.to_string()).unwrap();
    assert_eq!(archived.tier, Tier::HighValue);
    let stage = archived.lifecycle.clone();

    // 200 days on the rules would say standard; records keep coming in.
    let later = at(200);
    let order = OrderInput {
        customer: id.to_string(),
        amount: "5".into(),
        ..Default::default()
    };
    let small = orders::add(&mut store, &later, &order).unwrap();
    let cancel = orders::CorrectionInput {
        order: small.id,
        ..Default::default()
    };
    orders::cancel(&mut store, &later, &cancel).unwrap();
    segments::recompute_all(&mut store, &later).unwrap();
    segments_as_of::ensure_current(&mut store, &later).unwrap();
    let c = customers::get(&mut store, &id.to_string()).unwrap();
    assert_eq!(
        (c.tier, c.lifecycle.as_str()),
        (Tier::HighValue, stage.as_str()),
        "stored"
    );

    let standing = segments::standing(&mut store, &later, id).unwrap();
    assert_eq!(
        (standing.tier, standing.lifecycle.key()),
        (Tier::HighValue, stage.as_str()),
        "shown"
    );
    let mut what_if = at(300);
    what_if.clock_fixed = true;
    let everyone = CustomerQuery {
        include_archived: true,
        limit: Some(10),
        ..Default::default()
    };
    let list = segments_as_of::customers(&mut store, &what_if, &everyone, None).unwrap();
    assert_eq!(
        list.iter().map(|c| (c.tier, c.lifecycle.as_str())).collect::<Vec<_>>(),
        [(Tier::HighValue, stage.as_str())],
        "listed live"
    );
    let audit = customers::audit(&mut store, id).unwrap();
    let since_archived = audit.iter().filter(|e| e.at > at(0).now);
    let changes: Vec<_> = since_archived
        .filter(|e| e.field == "tier" || e.field == "lifecycle")
        .collect();
    assert!(changes.is_empty(), "{changes:?}");
}
