//! A full export imports into an empty database with nothing lost: every
//! kind is exported from a demo database (with refunds, cancellations and
//! customers archived on top of what the demo makes), imported into a fresh
//! `init` database in dependency order, and every table that carries user
//! data is compared field by field.
//!
//! Rows are matched by their keys, never by surrogate ids (a record's
//! number in one file means nothing in another): customers by code, the
//! other records by the external id the export gives them (their own, or
//! their number with a kind prefix). Columns left out, and why:
//! - `id` everywhere: surrogate keys, renumbered by the import;
//! - `external_id` of records made in the source: empty there, filled by the
//!   import with the key the export gave them (which is what rows are matched by);
//! - `updated_at` and `version` of customers and tickets, `created_at` of
//!   tickets and kb articles: bookkeeping of the writes themselves, which the
//!   import makes now;
//! - the SLA due columns of tickets and `ticket_events`: derived by the SLA
//!   engine from the ticket's times, which are compared;
//! - kb `used_count`: how often agents opened an article here, a statistic
//!   of this desk rather than part of the article;
//! - customers' `last_activity_at`: derived from the records, which are
//!   compared; the import derives it as the commands do (ticket opened,
//!   contact, order), the demo from tickets and contacts only;
//! - the audit trail: exported for the supervisor, never imported (the
//!   import writes its own entries).
//!
//! Tier and lifecycle stage are compared for every customer: live ones are
//! current at NOW on both sides, archived ones frozen at archiving on both.

use crate::common;

use common::Desk;

/// Every kind, in the order an import needs them (customers before the
/// records that name them, tickets before those that link to them).
const KINDS: &[&str] = &[
    "customers",
    "tickets",
    "interactions",
    "orders",
    "order-corrections",
    "surveys",
    "reminders",
    "kb",
];

/// Rows of `sql` on `desk`'s database (either engine), each as one line of
/// text, sorted.
fn rows(desk: &Desk, sql: &str) -> Vec<String> {
    let mut out: Vec<String> = desk
        .rows(sql)
        .into_iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| cell.as_ref().map_or("∅".to_string(), |text| format!("{text:?}")))
                .collect();
            cells.join(" | ")
        })
        .collect();
    out.sort();
    out
}

/// What each table holds, keyed as described above. `{t}` is replaced by
/// the key of the ticket a record names: its external id, or (in the
/// source, where tickets have none) its number, as the export writes it.
const TABLES: &[(&str, &str)] = &[
    (
        "customers",
        "SELECT code, name, kind, contact, phone, email, address, industry, since,
                lifetime_value_cents, tier, tier_pinned, lifecycle, tags, channel, owner, notes,
                birthday, archived, created_at FROM customers",
    ),
    (
        "tickets",
        "SELECT coalesce(t.external_id, CAST(t.id AS TEXT)), c.code, t.kind, t.category, t.priority, t.channel,
                t.subject, t.description, t.status, t.department, t.assignee, t.opened_at,
                t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.callback_at,
                t.callback_outcome
           FROM tickets t JOIN customers c ON c.id = t.customer_id",
    ),
    (
        "interactions",
        "SELECT coalesce(i.external_id, 'i' || i.id), c.code, {t}, i.at, i.channel, i.direction,
                i.agent, i.summary, i.body
           FROM interactions i JOIN customers c ON c.id = i.customer_id
           LEFT JOIN tickets t ON t.id = i.ticket_id",
    ),
    (
        "orders",
        "SELECT coalesce(o.external_id, 'o' || o.id), c.code, o.at, o.amount_cents, o.product,
                o.note, o.created_by
           FROM orders o JOIN customers c ON c.id = o.customer_id",
    ),
    (
        "surveys",
        "SELECT coalesce(s.external_id, 's' || s.id), c.code, {t}, s.at, s.quality, s.response,
                s.communication, s.comment, s.agent
           FROM surveys s JOIN customers c ON c.id = s.customer_id
           LEFT JOIN tickets t ON t.id = s.ticket_id",
    ),
    (
        "reminders",
        "SELECT coalesce(r.external_id, 'r' || r.id), c.code, {t}, r.due_at, r.reason, r.note,
                r.done_at, r.created_by, r.created_at
           FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id
           LEFT JOIN tickets t ON t.id = r.ticket_id",
    ),
    (
        "order_corrections",
        "SELECT coalesce(x.external_id, 'x' || x.id), coalesce(o.external_id, 'o' || o.id), x.at, x.kind,
                x.amount_cents, x.note, x.created_by
           FROM order_corrections x JOIN orders o ON o.id = x.order_id",
    ),
    ("kb_articles", "SELECT title, body, kind, tags FROM kb_articles"),
];

/// Orders of live customers with an amount worth splitting: id, cents and
/// the customer's code.
fn orders_to_correct(desk: &Desk) -> Vec<(i64, i64, String)> {
    // One order per customer (its first), in SQL both engines read.
    desk.rows(
        "SELECT o.id, o.amount_cents, c.code FROM orders o JOIN customers c ON c.id = o.customer_id
          WHERE o.id IN (
                SELECT min(o2.id) FROM orders o2 JOIN customers c2 ON c2.id = o2.customer_id
                 WHERE NOT c2.archived AND o2.amount_cents >= 400
                   AND NOT EXISTS (SELECT 1 FROM order_corrections x WHERE x.order_id = o2.id)
                 GROUP BY c2.id)
          ORDER BY o.id LIMIT 6",
    )
    .into_iter()
    .map(|row| {
        let number = |i: usize| row[i].as_deref().unwrap().parse::<i64>().unwrap();
        (number(0), number(1), row[2].clone().unwrap())
    })
    .collect()
}

/// What the demo may leave out: refunds (part, whole), cancellations (after
/// a refund too), and customers archived with orders, one of whom orders
/// and is refunded after archiving (their tier and stage stay frozen).
fn corrections_and_archiving(source: &Desk) {
    let orders = orders_to_correct(source);
    assert_eq!(orders.len(), 6, "the demo has orders to correct");
    let quarter = |cents: i64| format!("{}.{:02}", cents / 400, (cents / 4) % 100);
    let id = |i: usize| orders[i].0.to_string();
    source.ok(&[
        "order",
        "refund",
        &id(0),
        "--amount",
        &quarter(orders[0].1),
        "--note",
        "破损",
    ]);
    source.ok(&["order", "cancel", &id(1), "--note", "客户取消"]);
    source.ok(&["order", "refund", &id(2), "--amount", &quarter(orders[2].1)]);
    source.ok(&["order", "cancel", &id(2)]);
    let whole = format!("{}.{:02}", orders[3].1 / 100, orders[3].1 % 100);
    source.ok(&["order", "refund", &id(3), "--amount", &whole]);
    for (_, _, code) in &orders[4..] {
        // A supervisor of the demo's team archives.
        source.json_as("zhou.min", common::NOW, &["customer", "archive", code]);
    }
    let code = orders[5].2.as_str();
    let late = source.json(&["order", "add", "--customer", code, "--amount", "60000"]);
    let late = late["id"].as_i64().unwrap().to_string();
    source.ok(&["order", "refund", &late, "--amount", "100"]);
    source.ok(&["order", "refund", &id(4), "--amount", &quarter(orders[4].1)]);
}

#[test]
fn a_full_export_imports_into_an_empty_database_with_nothing_lost() {
    let source = Desk::new();
    source.ok(&[
        "demo",
        "--customers",
        "200",
        "--tickets",
        "400",
        "--interactions",
        "1500",
        "--seed",
        "3",
    ]);
    // What the demo leaves out: an article, manual reminders (one done, one
    // on a ticket), and a customer with the characters exports must keep.
    source.ok(&[
        "kb",
        "add",
        "--title",
        "退款流程",
        "--body",
        "先核对订单,\n再退款。",
        "--tags",
        "退款,流程",
    ]);
    source.customer("Quote \"q\", comma\nand line", &["--code", "ZQ1", "--tags", "a,b"]);
    let reminder = source.json(&[
        "reminder",
        "add",
        "--customer",
        "ZQ1",
        "--due",
        "2026-03-09T09:00:00Z",
        "--note",
        "回访",
    ]);
    source.ok(&["reminder", "done", &reminder["id"].as_i64().unwrap().to_string()]);
    let ticket = source.ticket("ZQ1", "repair", "空调", &[]);
    let ticket = ticket["id"].as_i64().unwrap().to_string();
    source.ok(&[
        "reminder",
        "add",
        "--customer",
        "ZQ1",
        "--ticket",
        &ticket,
        "--due",
        "2026-03-10",
        "--note",
        "再问",
    ]);
    corrections_and_archiving(&source);
    // Tiers and stages current at NOW on both sides, so they are comparable.
    source.ok(&["customer", "recompute"]);
    let archived = rows(&source, "SELECT code FROM customers WHERE archived");
    assert!(!archived.is_empty(), "the demo archives some customers");

    let target = Desk::new();
    target.ok(&["init"]);
    for kind in KINDS {
        let text = source.ok(&["export", kind]);
        let file = target.dir().join(format!("{kind}.csv"));
        std::fs::write(&file, text).unwrap();
        let report = target.json(&["import", kind, &file.display().to_string()]);
        assert_eq!(report["skipped"], 0, "{kind}: {report}");
        assert_eq!(report["customers_created"], 0, "{kind}: {report}");
        // A second import of the same file adds nothing.
        let again = target.json(&["import", kind, &file.display().to_string()]);
        assert_eq!(again["added"], 0, "{kind}: {again}");
    }

    for (table, sql) in TABLES {
        let key = |external: &str| sql.replace("{t}", external);
        let before = rows(&source, &key("coalesce(t.external_id, CAST(t.id AS TEXT))"));
        let after = rows(&target, &key("t.external_id"));
        assert!(!before.is_empty(), "{table} is empty in the demo");
        assert_eq!(before.len(), after.len(), "{table}: row count");
        let differ: Vec<(&String, &String)> = before.iter().zip(&after).filter(|(a, b)| a != b).collect();
        assert!(
            differ.is_empty(),
            "{table}: {} rows differ, first: {:#?}",
            differ.len(),
            differ.iter().take(3).collect::<Vec<_>>()
        );
    }
}
