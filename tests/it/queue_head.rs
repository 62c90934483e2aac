//! The queue's head, read alone at the TUI's start: the same tickets, in
//! the same order, as the first rows of the whole queue read after it.

use frontdesk::config::Config;
use frontdesk::service::demo::{self, Sizes};
use frontdesk::service::screens::{self, QUEUE_HEAD};
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store};

#[test]
fn the_head_is_the_start_of_the_whole_queue() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Ctx::new("tester", "2026-06-15T10:00:00Z".parse().unwrap());
    let mut store = Store::create(&dir.path().join("head.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx, &Config::defaults()).unwrap();
    // Enough active tickets that the head is a part of the queue.
    let sizes = Sizes {
        customers: 300,
        tickets: 6000,
        interactions: 600,
    };
    demo::generate(&mut store, &ctx, &Config::defaults(), sizes, 3).unwrap();
    let (whole, _) = screens::queue(&mut store, &ctx).unwrap();
    assert!(whole.len() > QUEUE_HEAD, "{} active tickets", whole.len());
    let head = screens::queue_head(&mut store, &ctx).unwrap();
    // Each row as the whole queue has it: the ticket, its urgency, its clocks' state.
    let rows = |views: &[frontdesk::service::tickets::TicketView]| {
        views
            .iter()
            .map(|v| (v.ticket.id, v.ticket.version, v.urgency.score, v.sla.worst_state()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&head), rows(&whole[..QUEUE_HEAD]));
}
