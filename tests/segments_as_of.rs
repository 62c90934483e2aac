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
