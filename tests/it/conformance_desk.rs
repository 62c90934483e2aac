//! The desk side of the store on every engine (`engines::every_engine`):
//! the filter language's dynamic SQL, views and macros (names unique in any
//! letter case), agents, audit, presence, SLA policies and routing rules,
//! triage marks, a customer merge, archiving, the export of every table and
//! the monthly report. Each scenario runs the same calls on each engine and
//! wants the same answer; SQLite's is the reference.

use crate::engines::{every_engine, same_on_every_engine};
use crate::find_query::{NOW, ctx_at, seed};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::macros::MacroInput;
use frontdesk::domain::period::Month;
use frontdesk::service::find::{self, Scope};
use frontdesk::service::progress::Quiet;
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::service::triage::{self, Seen};
use frontdesk::service::{
    Error, customers, export, interactions, macros, merge, orders, policies, presence, reminders, report, roles,
    surveys, views,
};
use frontdesk::store::{ExportTable as Table, Store};
use serde::Serialize;
use serde_json::Value as Json;
use std::collections::HashSet;

fn json(value: impl Serialize) -> Json {
    serde_json::to_value(value).unwrap()
}

fn no_aliases(_: frontdesk::domain::views::Builtin) -> Vec<&'static str> {
    Vec::new()
}

/// The filters of `ticket list --query` (no bare words: the text search is
/// its own work), in the order found, as ticket numbers 1-4 of the desk.
const FILTERS: &[(&str, Scope, Option<&[usize]>)] = &[
    ("", Scope::All, Some(&[4, 3, 1, 2])),
    ("status:new", Scope::All, Some(&[4, 1])),
    ("status:resolved,pending", Scope::All, Some(&[3, 2])),
    ("-status:new", Scope::All, Some(&[3, 2])),
    ("kind:complaint,repair", Scope::All, Some(&[3, 1])),
    ("priority:>=high", Scope::All, Some(&[3, 1])),
    ("assignee:me", Scope::All, Some(&[1])),
    ("assignee:none", Scope::All, Some(&[4, 2])),
    ("-assignee:none", Scope::All, Some(&[3, 1])),
    ("department:售后部", Scope::All, Some(&[1])),
    ("category:screen", Scope::All, Some(&[1])),
    ("category:SCREEN,nothing", Scope::All, Some(&[1])),
    ("channel:email,visit", Scope::All, Some(&[3, 2])),
    ("tag:vip", Scope::All, Some(&[1])),
    ("tag:退款", Scope::All, Some(&[1])),
    ("tag:vi", Scope::All, Some(&[])),
    ("-tag:vip", Scope::All, Some(&[4, 3, 2])),
    ("customer:C1", Scope::All, Some(&[4, 1])),
    ("opened:<sow", Scope::All, Some(&[2])),
    ("opened:>-3d", Scope::All, Some(&[4, 3])),
    ("-updated:>=\"today 16:30\"", Scope::All, Some(&[4])),
    ("sort:-opened", Scope::All, Some(&[2, 1, 3, 4])),
    ("sort:priority", Scope::All, Some(&[3, 1, 4, 2])),
    ("sort:-priority", Scope::All, Some(&[2, 4, 1, 3])),
    ("assignee:me", Scope::Queue, Some(&[1])),
    ("status:closed", Scope::Queue, Some(&[])),
    // Orders and states this table does not spell out: held to SQLite's.
    ("sla:breached", Scope::All, None),
    ("-sla:breached", Scope::All, None),
    ("sla:running,at_risk", Scope::All, None),
    ("sort:updated", Scope::All, None),
    ("sort:-updated", Scope::All, None),
    ("sort:due", Scope::All, None),
    ("sort:-due", Scope::All, None),
    ("", Scope::Queue, None),
    ("status:resolved", Scope::Queue, None),
];

#[test]
fn the_filter_language_finds_and_counts_the_same_tickets_in_the_same_order() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let ids = seed(store);
        let ctx = ctx_at(NOW);
        let mut found = Vec::new();
        for (expr, scope, want) in FILTERS {
            let got = find::find(store, &ctx, expr, *scope, None)
                .unwrap_or_else(|err| panic!("{}: {expr:?}: {err:?}", e.name));
            let numbers: Vec<usize> = got
                .tickets
                .iter()
                .map(|v| ids.iter().position(|id| *id == v.ticket.id).unwrap() + 1)
                .collect();
            if let Some(want) = want {
                assert_eq!(numbers, want.to_vec(), "{}: {expr:?}", e.name);
            }
            let count = find::count(store, &ctx, expr, *scope).unwrap();
            assert_eq!(count, numbers.len(), "{}: count of {expr:?}", e.name);
            found.push((*expr, *scope == Scope::Queue, numbers));
        }
        let first_two = find::find(store, &ctx, "sort:-opened", Scope::All, Some(2)).unwrap();
        assert_eq!(first_two.tickets.len(), 2, "{}", e.name);
        answers.push((e.name, found));
    }
    same_on_every_engine(answers);
}

#[test]
fn views_and_macros_are_added_listed_and_removed_their_names_unique_in_any_case() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let ctx = ctx_at(NOW);
        views::add(store, &ctx, "Urgent", "priority:urgent", &no_aliases).unwrap();
        views::add(store, &ctx, "退款", "tag:退款", &no_aliases).unwrap();
        let taken = views::add(store, &ctx, "URGENT", "priority:high", &no_aliases);
        assert!(matches!(taken, Err(Error::Invalid(_))), "{}: {taken:?}", e.name);
        let removed = views::remove(store, &ctx, "urgent", &no_aliases).unwrap();
        assert_eq!(removed.name, "Urgent", "{}", e.name);
        let again = views::add(store, &ctx, "urgent", "priority:urgent", &no_aliases).unwrap();
        let listed = views::list(store).unwrap();
        let counted = views::count_all(store, &ctx).unwrap();

        for name in ["beta", "Alpha", "alpha2", "Zeta", "_under"] {
            let input = MacroInput {
                name: name.into(),
                reply: Some(format!("{name} reply")),
                status: Some("pending".into()),
                add_tags: vec!["跟进".into()],
                ..Default::default()
            };
            macros::add(store, &ctx, &input).unwrap();
        }
        let twin = MacroInput {
            name: "ALPHA".into(),
            reply: Some("twin".into()),
            ..Default::default()
        };
        let taken = macros::add(store, &ctx, &twin);
        assert!(matches!(taken, Err(Error::Invalid(_))), "{}: {taken:?}", e.name);
        let gone = macros::remove(store, &ctx, "ZETA").unwrap();
        assert_eq!(gone.name, "Zeta", "{}", e.name);
        let missing = macros::remove(store, &ctx, "zeta");
        assert!(
            matches!(missing, Err(Error::NotFound { .. })),
            "{}: {missing:?}",
            e.name
        );
        let names: Vec<String> = macros::list(store).unwrap().into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["_under", "Alpha", "alpha2", "beta"], "{}", e.name);
        let audit = export_rows(store, Table::Audit);
        answers.push((e.name, (json(again), json(listed), json(counted), names, audit)));
    }
    same_on_every_engine(answers);
}

#[test]
fn agents_presence_policies_routing_and_triage_marks_agree() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let ids = seed(store);
        let ctx = ctx_at(NOW);
        roles::add_agent(store, &ctx, "王五", "admin", Some("售后部")).unwrap();
        roles::add_agent(store, &ctx, "李娜", "agent", None).unwrap();
        let agents = json(roles::list(store).unwrap());
        // Presence: another agent sees who else has the ticket open.
        let mut li = ctx_at(NOW);
        li.agent = "李娜".into();
        presence::beat(store, &ctx, ids[0]).unwrap();
        presence::beat(store, &li, ids[0]).unwrap();
        let others = presence::others_on(store, &ctx, ids[0]).unwrap();
        assert_eq!(others, ["李娜"], "{}", e.name);
        presence::leave(store, &li, ids[0]).unwrap();
        assert!(
            presence::others_on(store, &ctx, ids[0]).unwrap().is_empty(),
            "{}",
            e.name
        );
        // SLA policies and routing rules: one of each added, one removed.
        let mut policy = policies::policies(store).unwrap()[0].clone();
        policy.name = "加急".into();
        let added = policies::add_policy(store, &ctx, &policy).unwrap();
        let first_policy = policies::policies(store).unwrap()[0].id;
        policies::remove_policy(store, &ctx, first_policy).unwrap();
        let mut rule = policies::routing_rules(store).unwrap()[0].clone();
        rule.keyword = Some("发票".into());
        policies::add_routing_rule(store, &ctx, &rule).unwrap();
        let routed = TicketInput {
            customer: "C2".into(),
            kind: "inquiry".into(),
            subject: "发票抬头".into(),
            ..Default::default()
        };
        let routed = tickets::add(store, &ctx, &routed).unwrap();
        let set = (
            json(policies::policies(store).unwrap()),
            json(policies::routing_rules(store).unwrap()),
            json(added),
            routed.ticket.department,
            routed.ticket.assignee,
        );
        // Triage: the next card, a decision marking it, its undo.
        let card = triage::next(store, &ctx, &HashSet::new())
            .unwrap()
            .expect("a ticket to triage");
        let seen = [Seen {
            id: card.view.ticket.id,
            version: card.view.ticket.version,
        }];
        let changes = TicketChanges {
            priority: Some("high".into()),
            ..Default::default()
        };
        let (changed, undo) = triage::change(store, &ctx, &seen, &changes).unwrap();
        assert_eq!(changed[0].ticket.triaged_by.as_deref(), Some("王五"), "{}", e.name);
        let untriaged = find::count(store, &ctx, "", Scope::All).unwrap();
        let restored = triage::undo(store, &ctx, &undo).unwrap();
        assert_eq!(restored[0].ticket.version, changed[0].ticket.version + 1, "{}", e.name);
        let marks = (
            card.view.ticket.id,
            card.remaining,
            untriaged,
            json(&restored[0].ticket),
        );
        answers.push((e.name, (agents, set, marks, export_rows(store, Table::Audit))));
    }
    same_on_every_engine(answers);
}

#[test]
fn a_merge_moves_the_history_and_archives_the_duplicate_alike() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        seed(store);
        let ctx = ctx_at(NOW);
        let twin = CustomerInput {
            name: Some("张三".into()),
            phone: Some("13900139000".into()),
            ..Default::default()
        };
        let twin = customers::add(store, &ctx, &twin).unwrap();
        let order = orders::OrderInput {
            customer: twin.code.clone(),
            amount: "1999".into(),
            ..Default::default()
        };
        orders::add(store, &ctx, &order).unwrap();
        let survey = surveys::SurveyInput {
            customer: twin.code.clone(),
            ticket: None,
            quality: "2".into(),
            response: "3".into(),
            communication: "2".into(),
            comment: None,
        };
        surveys::add(store, &ctx, &survey).unwrap();
        let complaint = TicketInput {
            customer: twin.code.clone(),
            kind: "complaint".into(),
            subject: "重复扣款".into(),
            ..Default::default()
        };
        tickets::add(store, &ctx, &complaint).unwrap();
        let preview = merge::preview(store, 1, twin.id).unwrap();
        let merged = merge::merge(store, &ctx, "C1", &twin.code).unwrap();
        assert!(merged.duplicate.archived, "{}", e.name);
        assert_eq!(merged.moved.orders, 1, "{}", e.name);
        let archived = customers::archive(store, &ctx, "C3").unwrap();
        assert!(archived.archived, "{}", e.name);
        let live = customers::list(store, &Default::default(), None).unwrap();
        let timeline = interactions::timeline(store, "C1", 20).unwrap();
        answers.push((
            e.name,
            (
                format!("{preview:?}"),
                json(merged.keep),
                json(merged.duplicate),
                json(live),
                json(timeline),
            ),
        ));
    }
    same_on_every_engine(answers);
}

/// Every row `export` writes of `table`, as JSON.
fn export_rows(store: &mut Store, table: Table) -> Vec<Json> {
    let mut rows = Vec::new();
    let mut push = |row: Json| -> Result<(), Error> {
        rows.push(row);
        Ok(())
    };
    let ctx = ctx_at(NOW);
    match table {
        Table::Customers => export::customers(store, &Quiet, &mut |r| push(json(r))),
        Table::Tickets => export::ticket_records(store, &Quiet, &mut |r| push(json(r))),
        Table::Interactions => export::interactions(store, &Quiet, &mut |r| push(json(r))),
        Table::Orders => export::orders(store, &Quiet, &mut |r| push(json(r))),
        Table::Corrections => export::corrections(store, &Quiet, &mut |r| push(json(r))),
        Table::Surveys => export::surveys(store, &Quiet, &mut |r| push(json(r))),
        Table::Reminders => export::reminders(store, &Quiet, &mut |r| push(json(r))),
        Table::Audit => export::audit(store, &Quiet, &mut |r| push(json(r))),
    }
    .unwrap();
    if table == Table::Tickets {
        let mut views = Vec::new();
        export::tickets(store, &ctx, &Quiet, &mut |v| {
            // A ticket as `ticket list --format json` writes it: its Debug form holds every field.
            views.push(Json::String(format!("{v:?}")));
            Ok(())
        })
        .unwrap();
        rows.extend(views);
    }
    rows
}

#[test]
fn every_table_exports_the_same_rows_and_the_monthly_report_the_same_kpis() {
    let tables = [
        Table::Customers,
        Table::Tickets,
        Table::Interactions,
        Table::Orders,
        Table::Corrections,
        Table::Surveys,
        Table::Reminders,
        Table::Audit,
    ];
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let ids = seed(store);
        let ctx = ctx_at(NOW);
        let order = orders::OrderInput {
            customer: "C3".into(),
            amount: "5200".into(),
            at: Some("2026-11-15T02:00:00Z".into()),
            ..Default::default()
        };
        let order = orders::add(store, &ctx, &order).unwrap();
        let refund = orders::CorrectionInput {
            order: order.id,
            amount: Some("200".into()),
            note: None,
        };
        orders::refund(store, &ctx, &refund).unwrap();
        tickets::resolve(store, &ctx, ids[0], Some("已换屏")).unwrap();
        let survey = surveys::SurveyInput {
            customer: "C1".into(),
            ticket: Some(ids[0]),
            quality: "4".into(),
            response: "5".into(),
            communication: "3".into(),
            comment: Some("满意".into()),
        };
        surveys::add(store, &ctx, &survey).unwrap();
        let reminder = reminders::ReminderInput {
            customer: "C2".into(),
            ticket: None,
            due: "2026-12-08T02:00:00Z".into(),
            note: "回电确认".into(),
        };
        reminders::add(store, &ctx, &reminder).unwrap();
        let exported: Vec<(Table, usize, Vec<Json>)> = tables
            .iter()
            .map(|t| {
                let rows = export_rows(store, *t);
                (*t, rows.len(), rows)
            })
            .collect();
        for (table, n, _) in &exported {
            assert!(*n > 0, "{}: {table:?} exported nothing", e.name);
        }
        let mut kpis = Vec::new();
        for month in ["2026-11", "2026-12"] {
            let month: Month = month.parse().unwrap();
            let monthly = report::monthly(store, &ctx, month).unwrap();
            kpis.push((monthly.kpis, monthly.distribution));
        }
        let weekly = format!("{:?}", report::weekly(store, &ctx, 6).unwrap());
        answers.push((e.name, (exported, kpis, weekly)));
    }
    same_on_every_engine(answers);
}
