//! The plans of the filter language's main shapes on the busy database of
//! `query_plans`, kept as snapshots: which index each shape reads, and
//! which ones sort.

use crate::common::Desk;
use crate::query_plans::{busy_store, plan};
use chrono::{TimeZone, Utc};
use frontdesk::domain::query::Range;
use frontdesk::store::{
    Clause, Column, Cond, FindOrder, TicketFilter, TimeColumn, count_sql, find_sql, find_sql_postgres,
    ticket_text_filter,
};

fn clause(cond: Cond) -> Clause {
    Clause { negated: false, cond }
}

/// PostgreSQL's twin for the shape new there: the query's bare words can
/// read the search index (GIN on `ticket_text.document`) instead of every
/// ticket's text. At these 4000 tickets the server rightly walks the small
/// table instead, so plain scans (of the table or of its key) are priced
/// out: what is proved is that the condition is written as the index
/// answers it (one written otherwise would leave only those scans).
fn words_read_the_search_index_on_the_server() {
    let desk = Desk::new();
    drop(busy_store(&desk));
    let text = ticket_text_filter("refund").expect("a word");
    let terms = text.postgres.params.clone();
    let filter = TicketFilter {
        clauses: vec![clause(Cond::Equals(Column::Kind, vec!["complaint".into()]))],
        text: Some(text),
        order: FindOrder::Rank,
        limit: Some(50),
        ..TicketFilter::default()
    };
    let server = desk.server().expect("the PostgreSQL run");
    let mut client = server.admin();
    client
        .batch_execute("ANALYZE; SET enable_seqscan = off; SET enable_indexscan = off")
        .unwrap();
    client
        .batch_execute(&format!("PREPARE words AS {}", find_sql_postgres(&filter)))
        .unwrap();
    // Parameters in order: the condition's terms, the kind, the rank's
    // terms, the limit (terms hold letters, digits and weights only).
    let quoted: Vec<String> = terms.iter().map(|t| format!("'{t}'")).collect();
    let values = [quoted.clone(), vec!["'complaint'".into()], quoted, vec!["50".into()]].concat();
    let plan: Vec<String> = client
        .query(&format!("EXPLAIN EXECUTE words({})", values.join(", ")), &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains("ticket_text_document"), "{plan}");
    assert!(!plan.contains("Seq Scan on ticket_text"), "{plan}");
}

fn shapes() -> Vec<(&'static str, String)> {
    let now = Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
    let due_before_now = Cond::Within(
        TimeColumn::Due,
        vec![Range {
            from: None,
            until: Some(now),
        }],
    );
    let kind = clause(Cond::Equals(Column::Kind, vec!["complaint".into()]));
    let high = clause(Cond::Equals(Column::Priority, vec!["urgent".into(), "high".into()]));
    let all_newest = TicketFilter {
        clauses: vec![kind.clone(), high],
        limit: Some(50),
        ..TicketFilter::default()
    };
    let queue_mine = TicketFilter {
        clauses: vec![clause(Cond::NoCase(Column::Assignee, vec!["王五".into()]))],
        active_only: true,
        order: FindOrder::Triage { cutoff: now },
        limit: Some(250),
        ..TicketFilter::default()
    };
    let breached = TicketFilter {
        clauses: vec![clause(due_before_now)],
        active_only: true,
        order: FindOrder::Due { reversed: false },
        limit: Some(50),
        ..TicketFilter::default()
    };
    let customer = TicketFilter {
        clauses: vec![clause(Cond::Customers(vec![7, 8]))],
        limit: Some(50),
        ..TicketFilter::default()
    };
    let text = TicketFilter {
        clauses: vec![kind],
        text: ticket_text_filter("屏幕"),
        order: FindOrder::Rank,
        limit: Some(50),
        ..TicketFilter::default()
    };
    let by_priority = TicketFilter {
        order: FindOrder::Priority { reversed: false },
        limit: Some(50),
        ..TicketFilter::default()
    };
    let updated_long_ago = TicketFilter {
        clauses: vec![clause(Cond::Within(
            TimeColumn::Updated,
            vec![Range {
                from: None,
                until: Some(now),
            }],
        ))],
        order: FindOrder::Updated { reversed: false },
        limit: Some(50),
        ..TicketFilter::default()
    };
    let tagged = TicketFilter {
        clauses: vec![clause(Cond::Tags(vec!["vip".into()]))],
        limit: Some(50),
        ..TicketFilter::default()
    };
    vec![
        ("find_all_newest", find_sql(&all_newest)),
        ("find_sort_priority", find_sql(&by_priority)),
        ("find_sort_updated", find_sql(&updated_long_ago)),
        ("find_tagged", find_sql(&tagged)),
        ("count_tagged", count_sql(&tagged)),
        ("find_queue_triage", find_sql(&queue_mine)),
        ("find_breached_by_due", find_sql(&breached)),
        ("count_breached", count_sql(&breached)),
        ("find_customers", find_sql(&customer)),
        ("find_text_ranked", find_sql(&text)),
    ]
}

#[test]
fn filter_language_plans() {
    if crate::common::file_only("SQLite's query plans (the server's twin: the words' plan)") {
        words_read_the_search_index_on_the_server();
        return;
    }
    let desk = Desk::new();
    let store = busy_store(&desk);
    let plans: Vec<(&str, String)> = shapes().into_iter().map(|(n, sql)| (n, plan(&store, &sql))).collect();
    let of = |name: &str| plans.iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone()).unwrap();
    // All tickets, newest first: the opened index walked in order, stopping at the limit.
    let newest = of("find_all_newest");
    assert!(
        newest.contains("tickets_opened") && !newest.contains("TEMP B-TREE"),
        "{newest}"
    );
    // The queue reads only active tickets, through its partial index.
    let queue = of("find_queue_triage");
    assert!(queue.contains("tickets_queue"), "{queue}");
    // Breached: a range of the queue index, already in due order.
    let breached = of("find_breached_by_due");
    assert!(breached.contains("tickets_queue (next_due<?)"), "{breached}");
    assert!(
        of("count_breached").contains("tickets_queue"),
        "{}",
        of("count_breached")
    );
    // A customer's tickets by the customer index.
    let customers = of("find_customers");
    assert!(customers.contains("tickets_customer (customer_id=?)"), "{customers}");
    // Sorted by priority or by the updated clock: an index already in that
    // order, walked until the limit, never a sort of every ticket.
    for name in ["find_sort_priority", "find_sort_updated"] {
        let sorted = of(name);
        assert!(
            !sorted.contains("TEMP B-TREE") && !sorted.contains("SCAN t\n"),
            "{name}: {sorted}"
        );
    }
    assert!(of("find_sort_priority").contains("tickets_priority_weight"));
    assert!(of("find_sort_updated").contains("tickets_updated (updated_at<?)"));
    // A tag reads only the tagged tickets, through their partial index.
    assert!(of("find_tagged").contains("tickets_tagged"), "{}", of("find_tagged"));
    assert!(of("count_tagged").contains("tickets_tagged"), "{}", of("count_tagged"));
    // Words: the full-text index first.
    let text = of("find_text_ranked");
    assert!(text.contains("VIRTUAL TABLE INDEX"), "{text}");
    for (name, plan) in plans {
        insta::assert_snapshot!(name, plan);
    }
}
