//! Macros and ticket tags through the service layer: a macro is applied
//! whole or not at all.

use crate::ticket_support::TicketDesk;
use frontdesk::domain::enums::{Direction, Priority, TicketStatus};
use frontdesk::domain::macros::MacroInput;
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::service::{Error, macros};

type Fixture = TicketDesk;

/// One new complaint opened at 08:00; the clock at 08:20.
fn fixture() -> Fixture {
    let ticket = TicketInput {
        kind: "complaint".into(),
        subject: "屏幕坏点".into(),
        channel: Some("email".into()),
        ..Default::default()
    };
    TicketDesk::new(
        "li.na",
        "2026-10-05T08:00:00Z",
        "2026-10-05T08:20:00Z",
        "曾国藩",
        ticket,
    )
}

fn add(f: &mut Fixture, input: MacroInput) {
    macros::add(&mut f.store, &f.ctx, &input).unwrap();
}

fn waiting() -> MacroInput {
    MacroInput {
        name: "等待客户补充".into(),
        reply: Some("您好，请补充订单号和照片。".into()),
        status: Some("pending".into()),
        priority: Some("high".into()),
        add_tags: vec!["待补充, Photo".into()],
        assignee: Some("wang.fang".into()),
        ..Default::default()
    }
}

#[test]
fn a_macro_replies_and_changes_the_ticket_in_one_step() {
    let mut f = fixture();
    add(&mut f, waiting());
    let done = macros::apply(&mut f.store, &f.ctx, f.ticket, "等待客户补充", Some(1)).unwrap();
    let t = &done.view.ticket;
    assert_eq!(t.status, TicketStatus::Pending);
    assert_eq!(t.priority, Priority::High);
    assert_eq!(t.assignee, "wang.fang");
    assert_eq!(t.tags, vec!["待补充".to_string(), "photo".to_string()]);
    // The reply is an outbound contact on the ticket's channel: the first response.
    let reply = done.reply.expect("a reply");
    assert_eq!(reply.direction, Direction::Outbound);
    assert_eq!(reply.summary, "您好，请补充订单号和照片。");
    assert_eq!(t.first_response_at, Some(f.ctx.now));
    let detail = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap();
    assert_eq!(detail.interactions.len(), 1);
    let audited: Vec<&str> = detail.audit.iter().map(|a| a.field.as_str()).collect();
    for field in ["macro", "status", "priority", "assignee", "tags"] {
        assert!(audited.contains(&field), "{field} in {audited:?}");
    }
}

#[test]
fn a_failing_step_writes_nothing_not_even_the_reply() {
    let mut f = fixture();
    // Answered and resolved: a macro that sets "new" cannot be applied.
    tickets::set(
        &mut f.store,
        &f.ctx,
        f.ticket,
        &TicketChanges {
            status: Some("resolved".into()),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    add(
        &mut f,
        MacroInput {
            name: "back to new".into(),
            reply: Some("We are on it.".into()),
            status: Some("new".into()),
            add_tags: vec!["again".into()],
            ..Default::default()
        },
    );
    let before = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap();
    let err = macros::apply(&mut f.store, &f.ctx, f.ticket, "BACK TO NEW", None).unwrap_err();
    assert!(matches!(err, Error::Invalid(ref i) if i.field == "status"), "{err:?}");
    let after = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap();
    assert_eq!(after.view.ticket, before.view.ticket);
    assert_eq!(after.interactions.len(), before.interactions.len());
    assert_eq!(after.audit.len(), before.audit.len());
}

#[test]
fn a_ticket_changed_since_it_was_seen_is_a_conflict_and_unchanged() {
    let mut f = fixture();
    add(&mut f, waiting());
    let err = macros::apply(&mut f.store, &f.ctx, f.ticket, "等待客户补充", Some(0)).unwrap_err();
    assert_eq!(err.exit_code(), 3, "{err:?}");
    let t = tickets::get(&mut f.store, &f.ctx, f.ticket).unwrap().ticket;
    assert_eq!((t.status, t.version, t.tags.len()), (TicketStatus::New, 1, 0));
}

#[test]
fn unknown_macros_and_tickets_are_not_found_and_names_are_unique() {
    let mut f = fixture();
    add(&mut f, waiting());
    let missing = macros::apply(&mut f.store, &f.ctx, f.ticket, "nope", None).unwrap_err();
    assert_eq!(missing.exit_code(), 4);
    let no_ticket = macros::apply(&mut f.store, &f.ctx, 999, "等待客户补充", None).unwrap_err();
    assert_eq!(no_ticket.exit_code(), 4);
    let taken = macros::add(&mut f.store, &f.ctx, &waiting()).unwrap_err();
    assert!(matches!(taken, Error::Invalid(ref i) if i.field == "name"), "{taken:?}");
    let list = macros::list(&mut f.store).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].add_tags, vec!["待补充".to_string(), "photo".to_string()]);
    macros::remove(&mut f.store, &f.ctx, "等待客户补充").unwrap();
    assert!(macros::list(&mut f.store).unwrap().is_empty());
    assert_eq!(
        macros::remove(&mut f.store, &f.ctx, "等待客户补充")
            .unwrap_err()
            .exit_code(),
        4
    );
}

#[test]
fn tags_are_added_and_removed_normalized_and_audited_once_per_change() {
    let mut f = fixture();
    let set = |f: &mut Fixture, add: &[&str], remove: &[&str]| {
        let changes = TicketChanges {
            add_tags: add.iter().map(|t| t.to_string()).collect(),
            remove_tags: remove.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, None)
    };
    let t = set(&mut f, &[" Refund ", "VIP,物流"], &[]).unwrap().ticket;
    assert_eq!(t.tags, vec!["refund", "vip", "物流"]);
    let t = set(&mut f, &["refund"], &["VIP"]).unwrap().ticket;
    assert_eq!(t.tags, vec!["refund", "物流"]);
    // Nothing to change: no new version, no audit entry.
    let again = set(&mut f, &["refund"], &["absent"]).unwrap().ticket;
    assert_eq!(again.version, t.version);
    let bad = set(&mut f, &[" , "], &[]).unwrap_err();
    assert!(matches!(bad, Error::Invalid(ref i) if i.field == "add-tag"), "{bad:?}");
    let audit = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap().audit;
    let tags: Vec<_> = audit.iter().filter(|a| a.field == "tags").collect();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[1].old_value.as_deref(), Some("refund,vip,物流"));
    assert_eq!(tags[1].new_value.as_deref(), Some("refund,物流"));
}

#[test]
fn undoing_a_tag_change_takes_off_what_it_put_on_and_puts_back_what_it_took_off() {
    use frontdesk::service::triage::{self, Seen};
    let mut f = fixture();
    let first = TicketChanges {
        add_tags: vec!["keep,gone".into()],
        ..Default::default()
    };
    let t = tickets::set(&mut f.store, &f.ctx, f.ticket, &first, None)
        .unwrap()
        .ticket;
    let change = TicketChanges {
        add_tags: vec!["keep".into(), "new".into()],
        remove_tags: vec!["gone".into(), "never-there".into()],
        ..Default::default()
    };
    let seen = [Seen {
        id: t.id,
        version: t.version,
    }];
    let (views, undo) = triage::change(&mut f.store, &f.ctx, &seen, &change).unwrap();
    assert_eq!(views[0].ticket.tags, vec!["keep", "new"]);
    let restored = triage::undo(&mut f.store, &f.ctx, &undo).unwrap();
    // "keep" was there before: undo leaves it; "never-there" is not added.
    assert_eq!(restored[0].ticket.tags, vec!["keep", "gone"]);
}
