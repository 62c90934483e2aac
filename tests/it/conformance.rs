//! The store's behaviours, through the services that use them, on every
//! engine (`engines::every_engine`): the same calls must give the same
//! results on a SQLite file and on PostgreSQL.

use crate::engines::every_engine;
use chrono::{TimeZone, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::interactions::LogInput;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, Error, customers, interactions, tickets};
use frontdesk::store::TicketQuery;

fn ctx() -> Ctx {
    Ctx::new("王五", Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap())
}

fn customer(name: &str) -> CustomerInput {
    CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    }
}

fn ticket(customer: &str, subject: &str) -> TicketInput {
    TicketInput {
        customer: customer.into(),
        kind: "complaint".into(),
        subject: subject.into(),
        ..Default::default()
    }
}

#[test]
fn a_customer_is_added_read_and_changed_and_a_stale_change_is_a_conflict() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let added = customers::add(store, &ctx(), &customer("张三")).unwrap();
        let read = customers::get(store, &added.code).unwrap();
        assert_eq!(read, added, "{}", e.name);
        let phone = CustomerInput {
            phone: Some("13800138000".into()),
            ..Default::default()
        };
        let changed = customers::edit(store, &ctx(), &added.code, &phone, Some(added.version)).unwrap();
        assert_eq!(changed.version, added.version + 1, "{}", e.name);
        assert_eq!(changed.phone, "13800138000", "{}", e.name);
        let stale = customers::edit(store, &ctx(), &added.code, &phone, Some(added.version));
        assert!(matches!(stale, Err(Error::Conflict { .. })), "{}: {stale:?}", e.name);
        let found = customers::list(store, &Default::default(), Some("张")).unwrap();
        assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), [added.id], "{}", e.name);
    }
}

#[test]
fn a_ticket_is_opened_answered_queued_and_resolved() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customers::add(store, &ctx(), &customer("李四")).unwrap();
        let first = tickets::add(store, &ctx(), &ticket(&c.code, "快递丢失")).unwrap();
        let second = tickets::add(store, &ctx(), &ticket(&c.code, "退款未到账")).unwrap();
        let queue = tickets::queue(store, &ctx(), Some(10)).unwrap();
        let mut queued: Vec<i64> = queue.iter().map(|v| v.ticket.id).collect();
        queued.sort_unstable();
        assert_eq!(queued, [first.ticket.id, second.ticket.id], "{}", e.name);
        tickets::note(store, &ctx(), first.ticket.id, "已联系快递公司").unwrap();
        let resolved = tickets::resolve(store, &ctx(), first.ticket.id, Some("已补发")).unwrap();
        assert_eq!(resolved.ticket.status.key(), "resolved", "{}", e.name);
        let detail = tickets::detail(store, &ctx(), first.ticket.id).unwrap();
        assert_eq!(detail.view.ticket.subject, "快递丢失", "{}", e.name);
        let all = tickets::list(store, &ctx(), &TicketQuery::default()).unwrap();
        assert_eq!(all.len(), 2, "{}", e.name);
    }
}

#[test]
fn interactions_make_a_customers_timeline_newest_first() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customers::add(store, &ctx(), &customer("王芳")).unwrap();
        for (at, summary) in [
            ("2026-03-01T09:00:00Z", "来电咨询"),
            ("2026-03-01T10:00:00Z", "回电确认"),
        ] {
            let input = LogInput {
                customer: c.code.clone(),
                channel: "phone".into(),
                direction: None,
                summary: summary.into(),
                ticket: None,
                at: Some(at.into()),
            };
            interactions::log(store, &ctx(), &input).unwrap();
        }
        let timeline = interactions::timeline(store, &c.code, 10).unwrap();
        let summaries: Vec<&str> = timeline.iter().map(|t| t.summary.as_str()).collect();
        assert_eq!(summaries, ["回电确认", "来电咨询"], "{}", e.name);
    }
}
