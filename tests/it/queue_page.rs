//! A page of the queue (`ticket list --queue --limit N`) stops reading once
//! no later ticket can rank in it: the page must always be exactly the start
//! of the whole queue, whatever the limit, the hour, or the ties in it.

use frontdesk::config::Config;
use frontdesk::service::demo::{self, Sizes};
use frontdesk::service::tickets::{self, TicketInput, TicketView};
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store};

fn rows(views: &[TicketView]) -> Vec<(i64, i64)> {
    views.iter().map(|v| (v.ticket.id, v.urgency.score)).collect()
}

fn assert_pages_start_the_whole_queue(store: &mut Store, ctx: &Ctx) {
    let whole = tickets::queue(store, ctx, None).unwrap();
    for limit in [1, 2, 7, 10, 50, 199, 333, whole.len(), whole.len() + 5] {
        let page = tickets::queue(store, ctx, Some(limit)).unwrap();
        let expected = &whole[..limit.min(whole.len())];
        assert_eq!(rows(&page), rows(expected), "limit {limit} at {}", ctx.now);
    }
}

#[test]
fn a_page_is_the_start_of_the_whole_queue_in_every_band() {
    let dir = tempfile::tempdir().unwrap();
    let made = Ctx::new("tester", "2026-06-15T10:00:00Z".parse().unwrap());
    let mut store = Store::create(&dir.path().join("page.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &made, &Config::defaults()).unwrap();
    let sizes = Sizes {
        customers: 200,
        tickets: 3000,
        interactions: 300,
    };
    demo::generate(&mut store, &made, &Config::defaults(), sizes, 5).unwrap();
    // At the demo's own time, and later, when more and more of the same
    // tickets are overdue and then long overdue.
    for now in ["2026-06-15T10:00:00Z", "2026-06-16T09:30:00Z", "2026-07-20T00:00:00Z"] {
        assert_pages_start_the_whole_queue(&mut store, &Ctx::new("tester", now.parse().unwrap()));
    }
}

#[test]
fn tickets_due_in_the_same_minute_are_ranked_by_their_tie_breakers_before_the_page_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Ctx::new("tester", "2026-06-15T10:00:00Z".parse().unwrap());
    let mut store = Store::create(&dir.path().join("ties.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx, &Config::defaults()).unwrap();
    let customer = frontdesk::service::customers::add(
        &mut store,
        &ctx,
        &frontdesk::domain::customer::CustomerInput {
            name: Some("王芳".into()),
            ..Default::default()
        },
    )
    .unwrap();
    // Forty inquiries opened in the same minute: the low-priority ones first
    // (lower ids, earlier in the index), the urgent ones last.
    let mut urgent = Vec::new();
    for (n, priority) in ["low", "normal", "high", "urgent"]
        .iter()
        .flat_map(|p| [p; 10])
        .enumerate()
    {
        let view = tickets::add(
            &mut store,
            &ctx,
            &TicketInput {
                customer: customer.code.clone(),
                kind: "inquiry".into(),
                subject: format!("问题 {n}"),
                priority: Some((*priority).into()),
                opened_at: Some("2026-06-15T09:30:00Z".into()),
                ..Default::default()
            },
        )
        .unwrap();
        if *priority == "urgent" {
            urgent.push(view.ticket.id);
        }
    }
    let page = tickets::queue(&mut store, &ctx, Some(10)).unwrap();
    let ids: Vec<i64> = page.iter().map(|v| v.ticket.id).collect();
    assert_eq!(ids, urgent, "the ten urgent tickets, oldest first");
    assert_pages_start_the_whole_queue(&mut store, &ctx);
}
