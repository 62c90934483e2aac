//! Tags on many tickets at once (the TUI's `T` on marked tickets): one
//! transaction through the bulk path, all or none, and an undo that puts
//! every ticket's list back exactly, order included.

use crate::ticket_support::TicketDesk;
use frontdesk::service::Error;
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::service::triage::{self, Seen};

/// Two complaints of one customer, the first tagged `a, b, c`.
fn two_tickets() -> (TicketDesk, [Seen; 2]) {
    let input = TicketInput {
        kind: "complaint".into(),
        subject: "屏幕坏点".into(),
        ..Default::default()
    };
    let mut f = TicketDesk::new(
        "li.na",
        "2026-10-05T08:00:00Z",
        "2026-10-05T08:20:00Z",
        "曾国藩",
        input.clone(),
    );
    let second = TicketInput {
        customer: "C1".into(),
        ..input
    };
    let other = tickets::add(&mut f.store, &f.ctx, &second).unwrap().ticket;
    let first = TicketChanges {
        add_tags: vec!["a,b,c".into()],
        ..Default::default()
    };
    let t = tickets::set(&mut f.store, &f.ctx, f.ticket, &first, None)
        .unwrap()
        .ticket;
    let seen = [
        Seen {
            id: t.id,
            version: t.version,
        },
        Seen {
            id: other.id,
            version: other.version,
        },
    ];
    (f, seen)
}

fn tags_of(f: &mut TicketDesk, id: i64) -> Vec<String> {
    tickets::get(&mut f.store, &f.ctx, id).unwrap().ticket.tags
}

#[test]
fn bulk_tags_change_every_ticket_and_undo_restores_each_list_in_order() {
    let (mut f, seen) = two_tickets();
    let change = TicketChanges {
        add_tags: vec!["VIP".into()],
        remove_tags: vec!["b".into()],
        ..Default::default()
    };
    let (views, undo) = triage::change(&mut f.store, &f.ctx, &seen, &change).unwrap();
    let after: Vec<Vec<String>> = views.iter().map(|v| v.ticket.tags.clone()).collect();
    assert_eq!(after, vec![vec!["a", "c", "vip"], vec!["vip"]]);
    triage::undo(&mut f.store, &f.ctx, &undo).unwrap();
    assert_eq!(tags_of(&mut f, seen[0].id), vec!["a", "b", "c"], "b back in its place");
    assert!(tags_of(&mut f, seen[1].id).is_empty());
}

#[test]
fn one_stale_ticket_refuses_the_whole_bulk_change() {
    let (mut f, seen) = two_tickets();
    // Someone else changes the second ticket after it was seen.
    let meanwhile = TicketChanges {
        add_tags: vec!["zhao".into()],
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, seen[1].id, &meanwhile, None).unwrap();
    let change = TicketChanges {
        add_tags: vec!["vip".into()],
        ..Default::default()
    };
    let err = triage::change(&mut f.store, &f.ctx, &seen, &change).unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    assert_eq!(
        tags_of(&mut f, seen[0].id),
        vec!["a", "b", "c"],
        "the first is untouched too"
    );
    assert_eq!(tags_of(&mut f, seen[1].id), vec!["zhao"]);
}

#[test]
fn a_bad_tag_in_a_bulk_change_names_the_box_and_writes_nothing() {
    let (mut f, seen) = two_tickets();
    let change = TicketChanges {
        add_tags: vec!["ok".into(), "x".repeat(41)],
        ..Default::default()
    };
    let err = triage::change(&mut f.store, &f.ctx, &seen, &change).unwrap_err();
    assert!(matches!(err, Error::Invalid(ref i) if i.field == "add-tag"), "{err:?}");
    assert_eq!(tags_of(&mut f, seen[0].id), vec!["a", "b", "c"]);
}
