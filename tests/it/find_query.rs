//! The filter language through the service (`service::find`): each term on
//! a small desk, negation, either-of, sort, the queue's scope, and SLA
//! states agreeing with the clocks `ticket show` evaluates.

use chrono::{DateTime, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::sla::SlaState;
use frontdesk::service::find::{self, Scope};
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::service::{Ctx, Error, customers, setup};
use frontdesk::store::{OpenOptions, Store};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Sunday 2026-12-06 17:35 in Shanghai.
pub const NOW: &str = "2026-12-06T09:35:00Z";

struct FindDesk {
    _dir: tempfile::TempDir,
    store: Store,
    ctx: Ctx,
    /// 1: 张三's complaint, 2: Henry Hall's inquiry (resolved), 3: Harbour
    /// Labs' repair (pending, 李娜's), 4: 张三's request (new, nobody's).
    ids: [i64; 4],
}

pub fn ctx_at(text: &str) -> Ctx {
    let mut ctx = Ctx::new("王五", at(text));
    ctx.settings.display_zone = chrono_tz::Asia::Shanghai;
    ctx
}

fn desk() -> FindDesk {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
    let ids = seed(&mut store);
    FindDesk {
        _dir: dir,
        store,
        ctx: ctx_at(NOW),
        ids,
    }
}

/// The small desk of these tests in `store` (the conformance suite seeds
/// each engine with it); returns the ids of tickets 1-4.
pub fn seed(store: &mut Store) -> [i64; 4] {
    let ctx = ctx_at("2026-11-01T00:00:00Z");
    setup::ensure_defaults(store, &ctx, &frontdesk::config::Config::defaults()).unwrap();
    for (code, name) in [("C1", "张三"), ("C2", "Henry Hall"), ("C3", "Harbour Labs")] {
        let input = CustomerInput {
            name: Some(name.into()),
            code: Some(code.into()),
            ..Default::default()
        };
        customers::add(store, &ctx, &input).unwrap();
    }
    let tickets = [
        ("C1", "complaint", "屏幕碎了", "high", "phone", "2026-12-01T02:00:00Z"),
        (
            "C2",
            "inquiry",
            "Invoice question",
            "low",
            "email",
            "2026-11-20T02:00:00Z",
        ),
        ("C3", "repair", "Printer jam", "urgent", "visit", "2026-12-05T02:00:00Z"),
        ("C1", "request", "退款", "normal", "phone", "2026-12-06T00:00:00Z"),
    ];
    let mut ids = [0; 4];
    for (n, (customer, kind, subject, priority, channel, opened)) in tickets.into_iter().enumerate() {
        let input = TicketInput {
            customer: customer.into(),
            kind: kind.into(),
            subject: subject.into(),
            priority: Some(priority.into()),
            channel: Some(channel.into()),
            ..Default::default()
        };
        ids[n] = tickets::add(store, &ctx_at(opened), &input).unwrap().ticket.id;
    }
    let changes = [
        (
            ids[0],
            TicketChanges {
                assignee: Some("王五".into()),
                department: Some("售后部".into()),
                category: Some("Screen".into()),
                add_tags: vec!["vip,退款".into()],
                ..Default::default()
            },
        ),
        (
            ids[1],
            TicketChanges {
                status: Some("resolved".into()),
                ..Default::default()
            },
        ),
        (
            ids[2],
            TicketChanges {
                assignee: Some("李娜".into()),
                status: Some("pending".into()),
                ..Default::default()
            },
        ),
    ];
    for (id, change) in changes {
        tickets::set(store, &ctx_at("2026-12-06T09:00:00Z"), id, &change, None).unwrap();
    }
    ids
}

impl FindDesk {
    /// The numbers (1-4) of the tickets `expr` finds, in the order found.
    fn found(&mut self, expr: &str, scope: Scope) -> Vec<usize> {
        let found =
            find::find(&mut self.store, &self.ctx, expr, scope, None).unwrap_or_else(|e| panic!("{expr:?}: {e:?}"));
        assert_eq!(found.snippets.len(), found.tickets.len());
        let count = find::count(&mut self.store, &self.ctx, expr, scope).unwrap();
        assert_eq!(count, found.tickets.len(), "count of {expr:?}");
        found
            .tickets
            .iter()
            .map(|v| self.ids.iter().position(|id| *id == v.ticket.id).unwrap() + 1)
            .collect()
    }

    fn found_sorted(&mut self, expr: &str) -> Vec<usize> {
        let mut got = self.found(expr, Scope::All);
        got.sort_unstable();
        got
    }
}

#[test]
fn each_term_negation_and_either_of() {
    let mut d = desk();
    let cases: &[(&str, &[usize])] = &[
        ("", &[1, 2, 3, 4]),
        ("status:new", &[1, 4]),
        ("status:active", &[1, 3, 4]),
        ("status:resolved,pending", &[2, 3]),
        ("-status:new", &[2, 3]),
        ("kind:complaint", &[1]),
        ("kind:complaint,repair", &[1, 3]),
        ("-kind:complaint", &[2, 3, 4]),
        ("priority:>=high", &[1, 3]),
        ("priority:<normal", &[2]),
        ("priority:normal", &[4]),
        ("assignee:me", &[1]),
        ("assignee:none", &[2, 4]),
        ("assignee:李娜,me", &[1, 3]),
        ("-assignee:none", &[1, 3]),
        ("department:售后部", &[1]),
        ("category:screen", &[1]),
        ("channel:phone", &[1, 4]),
        ("channel:email,visit", &[2, 3]),
        ("tag:vip", &[1]),
        ("tag:退款", &[1]),
        ("tag:vi", &[]),
        ("-tag:vip", &[2, 3, 4]),
        ("customer:C1", &[1, 4]),
        ("customer:张三", &[1, 4]),
        ("customer:zhangsan", &[1, 4]),
        ("customer:\"Henry Hall\"", &[2]),
        ("customer:C2,C3", &[2, 3]),
        ("customer:nobody-like-this", &[]),
        ("opened:>=sow", &[1, 3, 4]),
        ("opened:<sow", &[2]),
        ("opened:today", &[4]),
        ("opened:2026-12-01", &[1]),
        ("opened:>-3d", &[3, 4]),
        ("updated:>=\"today 16:30\"", &[1, 2, 3]),
        ("-updated:>=\"today 16:30\"", &[4]),
        ("updated:today", &[1, 2, 3, 4]),
        ("status:active -assignee:none kind:complaint", &[1]),
        ("kind:repair status:new", &[]),
    ];
    for (expr, want) in cases {
        assert_eq!(d.found_sorted(expr), want.to_vec(), "{expr:?}");
    }
}

#[test]
fn sort_and_the_queue_scope() {
    let mut d = desk();
    assert_eq!(d.found("", Scope::All), [4, 3, 1, 2], "newest first");
    assert_eq!(d.found("sort:opened", Scope::All), [4, 3, 1, 2]);
    assert_eq!(d.found("sort:-opened", Scope::All), [2, 1, 3, 4]);
    assert_eq!(d.found("sort:priority", Scope::All), [3, 1, 4, 2]);
    assert_eq!(d.found("sort:-priority", Scope::All), [2, 4, 1, 3]);
    // The queue holds the active tickets (a resolved one until its
    // callback), in the same order as the queue itself.
    let mut queue = d.found("", Scope::Queue);
    let whole: Vec<usize> = tickets::queue(&mut d.store, &d.ctx, None)
        .unwrap()
        .iter()
        .map(|v| d.ids.iter().position(|id| *id == v.ticket.id).unwrap() + 1)
        .collect();
    assert_eq!(queue, whole);
    queue.sort_unstable();
    assert_eq!(queue, [1, 2, 3, 4]);
    assert_eq!(d.found("status:resolved", Scope::Queue), [2]);
    assert_eq!(d.found("status:closed", Scope::Queue), Vec::<usize>::new());
    assert_eq!(d.found("assignee:me", Scope::Queue), [1]);
    // A limit keeps the first of the order.
    let first = find::find(&mut d.store, &d.ctx, "sort:-opened", Scope::All, Some(2)).unwrap();
    let ids: Vec<i64> = first.tickets.iter().map(|v| v.ticket.id).collect();
    assert_eq!(ids, [d.ids[1], d.ids[0]]);
}

/// `sla:` agrees with the worst clock `ticket show` evaluates, at several
/// clocks, negated too.
#[test]
fn sla_states_agree_with_the_evaluated_clocks() {
    let mut d = desk();
    for now in ["2026-12-06T09:35:00Z", "2026-12-20T00:00:00Z", "2026-11-20T03:00:00Z"] {
        d.ctx = ctx_at(now);
        let all = find::find(&mut d.store, &d.ctx, "", Scope::All, None).unwrap().tickets;
        for state in SlaState::ALL {
            let mut want: Vec<i64> = all
                .iter()
                .filter(|v| v.sla.worst_state() == Some(*state))
                .map(|v| v.ticket.id)
                .collect();
            want.sort_unstable();
            let expr = format!("sla:{}", state.key());
            let mut got: Vec<i64> = find::find(&mut d.store, &d.ctx, &expr, Scope::All, None)
                .unwrap()
                .tickets
                .iter()
                .map(|v| v.ticket.id)
                .collect();
            got.sort_unstable();
            assert_eq!(got, want, "{expr} at {now}");
            let negated = find::count(&mut d.store, &d.ctx, &format!("-{expr}"), Scope::All).unwrap();
            assert_eq!(negated, all.len() - want.len(), "-{expr} at {now}");
        }
    }
    // A state is reached on this desk: two weeks on, the open ones are late.
    d.ctx = ctx_at("2026-12-20T00:00:00Z");
    assert!(!d.found_sorted("sla:breached").is_empty());
}

/// Bare words are the full-text search, best first, with the matching text.
#[test]
fn bare_words_search_the_text_with_a_snippet() {
    let mut d = desk();
    let cases: &[(&str, &[usize])] = &[
        ("屏幕", &[1]),
        ("碎", &[1]),
        ("invoice", &[2]),
        ("PRINTER jam", &[3]),
        ("kind:repair printer", &[3]),
        ("kind:complaint printer", &[]),
        ("-kind:repair printer", &[]),
        ("\"printer jam\" status:pending", &[3]),
    ];
    for (expr, want) in cases {
        assert_eq!(d.found_sorted(expr), want.to_vec(), "{expr:?}");
    }
    let found = find::find(&mut d.store, &d.ctx, "status:active 屏幕", Scope::Queue, Some(10)).unwrap();
    assert_eq!(found.tickets.len(), 1);
    let snippet = found.snippets[0].clone().unwrap_or_default();
    assert!(snippet.contains("屏幕"), "{snippet:?}");
    // Without words there is no snippet.
    let found = find::find(&mut d.store, &d.ctx, "kind:complaint", Scope::All, None).unwrap();
    assert_eq!(found.snippets, [None]);
}

#[test]
fn a_bad_term_is_invalid_input_naming_it() {
    let mut d = desk();
    for (expr, term) in [
        ("kind:complaint prority:high", "prority:high"),
        ("status:opne", "status:opne"),
        ("opened:>=yesterday", "opened:>=yesterday"),
        ("tag:", "tag:"),
    ] {
        let err = find::find(&mut d.store, &d.ctx, expr, Scope::All, None).unwrap_err();
        match &err {
            Error::Invalid(invalid) => {
                assert_eq!(
                    (invalid.field.as_str(), invalid.value.as_str()),
                    ("query", term),
                    "{expr:?}"
                )
            }
            other => panic!("{expr:?}: {other:?}"),
        }
        assert_eq!(err.exit_code(), 2);
        assert!(find::check(&d.ctx, expr).is_err());
    }
    assert!(find::check(&d.ctx, "kind:complaint opened:>=sow").is_ok());
}
