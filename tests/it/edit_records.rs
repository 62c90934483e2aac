//! Editing records after the fact, through the service: a ticket's subject,
//! kind and description (audited, versioned, the SLA targets re-derived
//! from the new kind), the resolution summary kept when an edit resolves,
//! and an interaction's text (audited).

use crate::ticket_support::{TicketDesk, at};
use frontdesk::domain::enums::{Direction, TicketKind};
use frontdesk::service::Error;
use frontdesk::service::interactions::{self, InteractionEdit};
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};

type Fixture = TicketDesk;

/// One inquiry opened at 08:00 (default policies: inquiry 1h to the first
/// response, repair 4h); the clock at 08:10.
fn fixture() -> Fixture {
    let ticket = TicketInput {
        kind: "inquiry".into(),
        subject: "打印机卡纸".into(),
        ..Default::default()
    };
    TicketDesk::new(
        "li.na",
        "2026-10-05T08:00:00Z",
        "2026-10-05T08:10:00Z",
        "曾国藩",
        ticket,
    )
}

/// The due time of the first response as stored in the indexed column the
/// queue reads, not as computed for display.
fn stored_first_response_due(f: &Fixture) -> Option<i64> {
    let conn = rusqlite::Connection::open(f.dir.path().join("fd.db")).unwrap();
    conn.query_row(
        "SELECT first_response_due FROM tickets WHERE id = ?1",
        [f.ticket],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn subject_kind_and_description_are_edited_and_audited() {
    let mut f = fixture();
    let changes = TicketChanges {
        subject: Some("打印机卡纸，无法打印合同".into()),
        kind: Some("repair".into()),
        description: Some("第一行\n第二行".into()),
        ..Default::default()
    };
    let v = tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, Some(1)).unwrap();
    assert_eq!(v.ticket.subject, "打印机卡纸，无法打印合同");
    assert_eq!(v.ticket.kind, TicketKind::Repair);
    assert_eq!(v.ticket.description, "第一行\n第二行");
    assert_eq!(v.ticket.version, 2);
    let audit = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap().audit;
    let changed: Vec<(&str, Option<&str>, Option<&str>)> = audit
        .iter()
        .filter(|e| e.at == f.ctx.now)
        .map(|e| (e.field.as_str(), e.old_value.as_deref(), e.new_value.as_deref()))
        .collect();
    assert_eq!(
        changed,
        [
            ("subject", Some("打印机卡纸"), Some("打印机卡纸，无法打印合同")),
            ("description", Some(""), Some("第一行\n第二行")),
            ("kind", Some("inquiry"), Some("repair")),
        ]
    );
}

#[test]
fn a_new_kind_re_derives_the_sla_targets() {
    let mut f = fixture();
    let before = tickets::get(&mut f.store, &f.ctx, f.ticket).unwrap();
    assert_eq!(before.sla.first_response.due, Some(at("2026-10-05T09:00:00Z")));
    assert_eq!(
        stored_first_response_due(&f),
        Some(at("2026-10-05T09:00:00Z").timestamp())
    );
    let changes = TicketChanges {
        kind: Some("repair".into()),
        ..Default::default()
    };
    let after = tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, None).unwrap();
    assert_eq!(after.sla.first_response.due, Some(at("2026-10-05T12:00:00Z")));
    assert_eq!(
        stored_first_response_due(&f),
        Some(at("2026-10-05T12:00:00Z").timestamp())
    );
}

#[test]
fn a_stale_edit_is_a_conflict_and_changes_nothing() {
    let mut f = fixture();
    let changes = TicketChanges {
        subject: Some("别人的改动".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, Some(1)).unwrap();
    let mine = TicketChanges {
        subject: Some("我的改动".into()),
        kind: Some("complaint".into()),
        ..Default::default()
    };
    let e = tickets::set(&mut f.store, &f.ctx, f.ticket, &mine, Some(1)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Conflict {
                expected: 1,
                actual: 2,
                ..
            }
        ),
        "{e:?}"
    );
    let t = tickets::get(&mut f.store, &f.ctx, f.ticket).unwrap().ticket;
    assert_eq!((t.subject.as_str(), t.kind), ("别人的改动", TicketKind::Inquiry));
}

#[test]
fn invalid_edits_name_the_field() {
    let mut f = fixture();
    for (changes, field) in [
        (
            TicketChanges {
                subject: Some("  ".into()),
                ..Default::default()
            },
            "subject",
        ),
        (
            TicketChanges {
                kind: Some("praise".into()),
                ..Default::default()
            },
            "kind",
        ),
        (
            TicketChanges {
                description: Some("x".repeat(65_537)),
                ..Default::default()
            },
            "description",
        ),
    ] {
        match tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, None) {
            Err(Error::Invalid(invalid)) => assert_eq!(invalid.field, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(tickets::get(&mut f.store, &f.ctx, f.ticket).unwrap().ticket.version, 1);
}

#[test]
fn resolving_with_a_summary_keeps_it_as_a_note() {
    let mut f = fixture();
    let changes = TicketChanges {
        status: Some("resolved".into()),
        resolution: Some("更换搓纸轮后恢复正常".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, f.ticket, &changes, None).unwrap();
    let d = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap();
    let notes: Vec<&str> = d
        .interactions
        .iter()
        .filter(|i| i.direction == Direction::Note)
        .map(|i| i.summary.as_str())
        .collect();
    assert_eq!(notes, ["更换搓纸轮后恢复正常"]);
    // A summary with no resolution (the ticket already resolved) adds nothing.
    let again = TicketChanges {
        priority: Some("high".into()),
        resolution: Some("再说一次".into()),
        ..Default::default()
    };
    tickets::set(&mut f.store, &f.ctx, f.ticket, &again, None).unwrap();
    assert_eq!(
        tickets::detail(&mut f.store, &f.ctx, f.ticket)
            .unwrap()
            .interactions
            .len(),
        1
    );
}

#[test]
fn an_interaction_text_is_corrected_and_audited() {
    let mut f = fixture();
    let i = tickets::note(&mut f.store, &f.ctx, f.ticket, "客户电话 138000").unwrap();
    let edit = InteractionEdit {
        summary: Some("客户电话 13800001111".into()),
        body: None,
    };
    let edited = interactions::edit(&mut f.store, &f.ctx, i.id, &edit).unwrap();
    assert_eq!(edited.summary, "客户电话 13800001111");
    assert_eq!((edited.at, edited.direction), (i.at, i.direction));
    let (stored, audit) = interactions::get(&mut f.store, i.id).unwrap();
    assert_eq!(stored, edited);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].field, "summary");
    assert_eq!(audit[0].old_value.as_deref(), Some("客户电话 138000"));
    assert_eq!(audit[0].new_value.as_deref(), Some("客户电话 13800001111"));
    // The same text again is no change and no audit entry.
    interactions::edit(&mut f.store, &f.ctx, i.id, &edit).unwrap();
    assert_eq!(interactions::get(&mut f.store, i.id).unwrap().1.len(), 1);
}

#[test]
fn an_interaction_edit_is_refused_when_blank_or_missing() {
    let mut f = fixture();
    let i = tickets::note(&mut f.store, &f.ctx, f.ticket, "原文").unwrap();
    let blank = InteractionEdit {
        summary: Some(" ".into()),
        body: None,
    };
    match interactions::edit(&mut f.store, &f.ctx, i.id, &blank) {
        Err(Error::Invalid(invalid)) => assert_eq!(invalid.field, "summary"),
        other => panic!("{other:?}"),
    }
    let text = InteractionEdit {
        summary: Some("新".into()),
        body: None,
    };
    assert!(matches!(
        interactions::edit(&mut f.store, &f.ctx, 999, &text),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(interactions::get(&mut f.store, i.id).unwrap().0.summary, "原文");
}
