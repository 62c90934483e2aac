//! The long-overdue band's size under `ticket list --queue`, counted on the
//! queue index, is the size of the band the queue itself works out from
//! every ticket's clocks: as time passes, after writes, narrowed or not.

use crate::tui_support::{now, seed};
use chrono::Duration;
use frontdesk::config::Config;
use frontdesk::domain::urgency::Band;
use frontdesk::service::tickets::{self, TicketChanges, TicketQuery};
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store};

fn band_worked_out(store: &mut Store, ctx: &Ctx, query: &TicketQuery) -> usize {
    let whole = TicketQuery {
        limit: None,
        ..query.clone()
    };
    tickets::queue_page(store, ctx, &whole)
        .unwrap()
        .views
        .iter()
        .filter(|v| v.urgency.band == Band::LongOverdue)
        .count()
}

fn same_band_over_time(store: &mut Store) -> usize {
    let queries = [
        TicketQuery {
            limit: Some(1),
            ..Default::default()
        },
        TicketQuery {
            assignee: Some("wang".into()),
            limit: Some(1),
            ..Default::default()
        },
    ];
    let mut seen = 0;
    for hours in [0, 20, 25, 30, 49, 24 * 5, 24 * 40] {
        let ctx = Ctx::new("li", now() + Duration::hours(hours));
        for query in &queries {
            let expected = band_worked_out(store, &ctx, query);
            let counted = tickets::queue_page(store, &ctx, query).unwrap().long_overdue;
            assert_eq!(counted, expected, "{hours} h on, {query:?}");
            seen = seen.max(expected);
        }
    }
    seen
}

#[test]
fn the_band_counted_on_the_index_is_the_band_the_queue_works_out() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::defaults();
    let mut store = Store::create(&dir.path().join("band.db"), &OpenOptions::default()).unwrap();
    seed(&mut store, &config);
    assert!(same_band_over_time(&mut store) > 0, "the seed puts tickets in the band");

    // After writes that move clocks: a pause, a resumption, a resolution.
    let ctx = Ctx::new("li", now());
    setup::ensure_defaults(&mut store, &ctx, &config).unwrap();
    let active: Vec<i64> = tickets::queue(&mut store, &ctx, None)
        .unwrap()
        .iter()
        .map(|v| v.ticket.id)
        .collect();
    for (id, status) in active.iter().zip(["pending", "resolved", "open"]) {
        let changes = TicketChanges {
            status: Some(status.into()),
            ..Default::default()
        };
        tickets::set(&mut store, &ctx, *id, &changes, None).unwrap();
    }
    same_band_over_time(&mut store);
}
