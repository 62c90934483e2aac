//! Triage through the service layer: what comes next, changes to many
//! tickets at once, and undo.

use chrono::{DateTime, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::service::{Ctx, Error, customers, setup, triage};
use frontdesk::store::{OpenOptions, Store};
use std::collections::HashSet;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    ctx: Ctx,
}

/// Three tickets opened at 08:00, 08:30 and 09:00; the clock at 09:20.
fn fixture() -> (Fixture, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
    let ctx = Ctx::new("li.na", at("2026-10-05T08:00:00Z"));
    setup::ensure_defaults(&mut store, &ctx, &frontdesk::config::Config::defaults()).unwrap();
    let input = CustomerInput {
        name: Some("曾国藩".into()),
        code: Some("C1".into()),
        ..Default::default()
    };
    customers::add(&mut store, &ctx, &input).unwrap();
    let mut ids = Vec::new();
    for (opened, kind, priority) in [
        ("08:00", "complaint", "urgent"),
        ("08:30", "inquiry", "normal"),
        ("09:00", "repair", "low"),
    ] {
        let input = TicketInput {
            customer: "C1".into(),
            kind: kind.into(),
            subject: format!("{kind} 问题"),
            priority: Some(priority.into()),
            opened_at: Some(format!("2026-10-05T{opened}:00Z")),
            ..Default::default()
        };
        let ctx = Ctx::new("li.na", at(&format!("2026-10-05T{opened}:00Z")));
        ids.push(tickets::add(&mut store, &ctx, &input).unwrap().ticket.id);
    }
    (
        Fixture {
            _dir: dir,
            store,
            ctx: Ctx::new("li.na", at("2026-10-05T09:20:00Z")),
        },
        ids,
    )
}

#[test]
fn next_is_the_most_urgent_undecided_ticket_with_its_customer() {
    let (mut f, ids) = fixture();
    let mut skipped = HashSet::new();
    let card = triage::next(&mut f.store, &f.ctx, &skipped).unwrap().unwrap();
    assert_eq!(card.view.ticket.id, ids[0]);
    assert!(card.view.urgency.breached);
    assert_eq!(card.customer.name, "曾国藩");
    assert_eq!(card.other_open.len(), 2);
    assert_eq!(card.remaining, 2);
    assert!(!card.timeline.is_empty());
    skipped.insert(ids[0]);
    assert_eq!(
        triage::next(&mut f.store, &f.ctx, &skipped)
            .unwrap()
            .unwrap()
            .view
            .ticket
            .id,
        ids[1]
    );
    // A ticket waiting on the customer needs no decision.
    let pending = TicketChanges {
        status: Some("pending".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, ids[1], &pending, None).unwrap();
    assert_eq!(
        triage::next(&mut f.store, &f.ctx, &skipped)
            .unwrap()
            .unwrap()
            .view
            .ticket
            .id,
        ids[2]
    );
    skipped.insert(ids[2]);
    assert!(triage::next(&mut f.store, &f.ctx, &skipped).unwrap().is_none());
}

#[test]
fn a_card_read_again_keeps_its_ticket_until_it_needs_no_decision() {
    let (mut f, ids) = fixture();
    let none = HashSet::new();
    // The third ticket is on screen though the first is more urgent.
    let card = triage::again(&mut f.store, &f.ctx, ids[2], &none).unwrap().unwrap();
    assert_eq!((card.view.ticket.id, card.remaining), (ids[2], 2));
    let pending = TicketChanges {
        status: Some("pending".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, ids[2], &pending, None).unwrap();
    let card = triage::again(&mut f.store, &f.ctx, ids[2], &none).unwrap().unwrap();
    assert_eq!(
        (card.view.ticket.id, card.remaining),
        (ids[0], 1),
        "then the most urgent"
    );
    let all: HashSet<i64> = ids.iter().copied().collect();
    assert!(triage::again(&mut f.store, &f.ctx, ids[0], &all).unwrap().is_none());
}

/// The tickets as they are now: what an agent looking at them has seen.
fn seen(f: &mut Fixture, ids: &[i64]) -> Vec<triage::Seen> {
    ids.iter()
        .map(|id| triage::Seen {
            id: *id,
            version: tickets::get(&mut f.store, &f.ctx, *id).unwrap().ticket.version,
        })
        .collect()
}

#[test]
fn a_change_to_a_ticket_changed_since_it_was_seen_is_refused_whole() {
    let (mut f, ids) = fixture();
    let looked = seen(&mut f, &ids);
    // Another agent changes the second ticket after ours were seen.
    let other = Ctx::new("zhao.lei", f.ctx.now);
    let category = TicketChanges {
        category: Some("billing".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &other, ids[1], &category, None).unwrap();
    let versions: Vec<i64> = seen(&mut f, &ids).iter().map(|s| s.version).collect();
    let high = TicketChanges {
        priority: Some("high".into()),
        ..Default::default()
    };
    let err = triage::change(&mut f.store, &f.ctx, &looked, &high).unwrap_err();
    assert!(matches!(&err, Error::Conflict { id, .. } if *id == ids[1]), "{err}");
    let after: Vec<i64> = seen(&mut f, &ids).iter().map(|s| s.version).collect();
    assert_eq!(after, versions, "nothing written");
    let first = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!(first.priority.key(), "urgent", "not even the unchanged tickets");
    // Seen afresh, the same change goes through.
    let fresh = seen(&mut f, &ids);
    triage::change(&mut f.store, &f.ctx, &fresh, &high).unwrap();
}

#[test]
fn a_change_to_many_tickets_is_undone_as_a_whole() {
    let (mut f, ids) = fixture();
    let changes = TicketChanges {
        priority: Some("high".into()),
        assignee: Some("wang.fang".into()),
        ..Default::default()
    };
    let looked = seen(&mut f, &ids[..2]);
    let (views, undo) = triage::change(&mut f.store, &f.ctx, &looked, &changes).unwrap();
    assert!(
        views
            .iter()
            .all(|v| v.ticket.assignee == "wang.fang" && v.ticket.priority.key() == "high")
    );
    let restored = triage::undo(&mut f.store, &f.ctx, &undo).unwrap();
    assert_eq!(restored[0].ticket.priority.key(), "urgent");
    assert_eq!(restored[1].ticket.priority.key(), "normal");
    assert!(restored.iter().all(|v| v.ticket.assignee.is_empty()));
}

#[test]
fn undo_after_someone_else_changed_a_ticket_restores_nothing() {
    let (mut f, ids) = fixture();
    let resolve = TicketChanges {
        status: Some("resolved".into()),
        ..Default::default()
    };
    let looked = seen(&mut f, &ids[..2]);
    let (_, undo) = triage::change(&mut f.store, &f.ctx, &looked, &resolve).unwrap();
    let other = Ctx::new("zhao.lei", f.ctx.now);
    tickets::set(
        &mut f.store,
        &other,
        ids[1],
        &TicketChanges {
            category: Some("billing".into()),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let err = triage::undo(&mut f.store, &f.ctx, &undo).unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err}");
    let first = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap();
    assert_eq!(first.ticket.status.key(), "resolved", "the whole undo is refused");
}

#[test]
fn an_invalid_change_writes_nothing() {
    let (mut f, ids) = fixture();
    let bad = TicketChanges {
        priority: Some("asap".into()),
        ..Default::default()
    };
    let all = seen(&mut f, &ids);
    assert!(matches!(
        triage::change(&mut f.store, &f.ctx, &all, &bad),
        Err(Error::Invalid(_))
    ));
    // A ticket that cannot take the change (closed → pending) stops all of them.
    let close = TicketChanges {
        status: Some("closed".into()),
        ..Default::default()
    };
    let looked = seen(&mut f, &ids[2..]);
    triage::change(&mut f.store, &f.ctx, &looked, &close).unwrap();
    let pending = TicketChanges {
        status: Some("pending".into()),
        ..Default::default()
    };
    let all = seen(&mut f, &ids);
    assert!(triage::change(&mut f.store, &f.ctx, &all, &pending).is_err());
    assert_eq!(
        tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket.status.key(),
        "new"
    );
}

#[test]
fn a_new_ticket_has_its_due_times_stored_at_once() {
    // The fixture's tickets were opened and never touched since; the 08:00
    // complaint's first response was due at 09:00.
    let (mut f, _) = fixture();
    let (active, overdue) = f.store.read(|tx| tx.count_active(f.ctx.now)).unwrap();
    assert_eq!((active, overdue), (3, 1));
}

#[test]
fn a_decision_marks_the_ticket_triaged_by_whom_and_when_and_undo_takes_the_mark_back() {
    let (mut f, ids) = fixture();
    let fresh = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!((fresh.triaged_by, fresh.triaged_at), (None, None), "never triaged");
    let high = TicketChanges {
        priority: Some("high".into()),
        ..Default::default()
    };
    let looked = seen(&mut f, &ids[..1]);
    let (views, first_undo) = triage::change(&mut f.store, &f.ctx, &looked, &high).unwrap();
    assert_eq!(views[0].ticket.triaged_by.as_deref(), Some("li.na"));
    let stored = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!(stored.triaged_by.as_deref(), Some("li.na"));
    assert_eq!(stored.triaged_at, Some(f.ctx.now));
    // A second decision by another agent later: the mark is theirs; its
    // undo gives the first mark back, the first undo clears it.
    let later = Ctx::new("zhao.lei", at("2026-10-05T09:40:00Z"));
    let low = TicketChanges {
        priority: Some("low".into()),
        ..Default::default()
    };
    let looked = seen(&mut f, &ids[..1]);
    let (_, second_undo) = triage::change(&mut f.store, &later, &looked, &low).unwrap();
    let stored = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!(stored.triaged_by.as_deref(), Some("zhao.lei"));
    assert_eq!(stored.triaged_at, Some(later.now));
    let restored = triage::undo(&mut f.store, &later, &second_undo).unwrap();
    let stored = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!(
        (stored.triaged_by.as_deref(), stored.triaged_at),
        (Some("li.na"), Some(f.ctx.now))
    );
    // The first undo expects the ticket as its change left it, which the
    // second undo restored under a new version (the TUI's history rebases
    // it so; nobody else wrote in between).
    assert_eq!(second_undo[0].from, first_undo[0].version);
    let mut first_undo = first_undo;
    first_undo[0].version = restored[0].ticket.version;
    triage::undo(&mut f.store, &f.ctx, &first_undo).unwrap();
    let stored = tickets::get(&mut f.store, &f.ctx, ids[0]).unwrap().ticket;
    assert_eq!((stored.triaged_by, stored.triaged_at), (None, None));
    assert_eq!(stored.priority.key(), "urgent");
}

#[test]
fn the_queue_can_leave_out_what_was_triaged() {
    let (mut f, ids) = fixture();
    let looked = seen(&mut f, &ids[1..2]);
    let high = TicketChanges {
        priority: Some("high".into()),
        ..Default::default()
    };
    triage::change(&mut f.store, &f.ctx, &looked, &high).unwrap();
    let query = frontdesk::store::TicketQuery {
        untriaged: true,
        ..Default::default()
    };
    let left: Vec<i64> = tickets::queue_page(&mut f.store, &f.ctx, &query)
        .unwrap()
        .views
        .iter()
        .map(|v| v.ticket.id)
        .collect();
    assert_eq!(left, vec![ids[0], ids[2]]);
}
