//! `EXPLAIN QUERY PLAN` of the hot queries on a realistic database after
//! ANALYZE, kept as insta snapshots so a plan change shows in review.

use crate::common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::Desk;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::{CallbackOutcome, Channel, Direction, Priority, TicketKind, TicketStatus, Tier};
use frontdesk::domain::interaction::Interaction;
use frontdesk::domain::sla::TicketEvent;
use frontdesk::domain::ticket::Ticket;
use frontdesk::service::{Ctx, customers};
use frontdesk::store::{LONG_OVERDUE_SQL, QUEUE_SQL, Store, TicketDues, hot_queries};

const CUSTOMERS: usize = 300;
const TICKETS: usize = 4000;
const INTERACTIONS_PER_TICKET: usize = 2;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

/// 300 customers, 4000 tickets of which about one in six is still active
/// (with a due time, as the SLA engine keeps it), their events and
/// interactions; then ANALYZE.
pub fn busy_store(desk: &Desk) -> Store {
    let mut store = desk.store();
    let ctx = Ctx::new("王五", start());
    let statuses = [
        TicketStatus::Closed,
        TicketStatus::Closed,
        TicketStatus::Closed,
        TicketStatus::Resolved,
        TicketStatus::Closed,
        TicketStatus::Open,
    ];
    store
        .write(|tx| {
            let mut ids = Vec::new();
            for n in 0..CUSTOMERS {
                let input = CustomerInput {
                    name: Some(format!("客户{n}")),
                    ..Default::default()
                };
                let fields = input.validate().map_err(frontdesk::service::Error::from)?;
                ids.push(customers::insert(tx, &ctx, &fields)?.id);
            }
            for n in 0..TICKETS {
                let opened_at = start() + Duration::minutes(n as i64 * 17);
                let status = statuses[n % statuses.len()];
                let done = (!status.is_open()).then(|| opened_at + Duration::hours(5));
                let mut t = Ticket {
                    id: 0,
                    external_id: None,
                    customer_id: ids[(n * 7) % ids.len()],
                    customer_code: String::new(),
                    customer_name: String::new(),
                    customer_tier: Tier::Standard,
                    kind: TicketKind::ALL[n % TicketKind::ALL.len()],
                    category: String::new(),
                    priority: Priority::ALL[n % Priority::ALL.len()],
                    channel: Channel::Phone,
                    subject: format!("屏幕碎了 {n}"),
                    description: String::new(),
                    status,
                    department: String::new(),
                    assignee: String::new(),
                    opened_at,
                    first_response_at: Some(opened_at + Duration::minutes(30)),
                    resolved_at: done,
                    closed_at: done.filter(|_| status == TicketStatus::Closed),
                    reopen_count: 0,
                    callback_at: done,
                    callback_outcome: done.map(|_| CallbackOutcome::Satisfied),
                    updated_at: opened_at,
                    version: 1,
                    triaged_by: None,
                    triaged_at: None,
                    tags: Vec::new(),
                };
                t.id = tx.insert_ticket(&t)?;
                tx.add_ticket_event(t.id, opened_at, TicketEvent::Opened, "王五")?;
                tx.add_ticket_event(t.id, opened_at + Duration::minutes(30), TicketEvent::Responded, "王五")?;
                if status.is_open() {
                    let due = opened_at + Duration::hours(24);
                    let dues = TicketDues {
                        resolution: Some(due),
                        next: Some(due),
                        ..TicketDues::default()
                    };
                    tx.set_ticket_dues(t.id, &dues)?;
                }
                for k in 0..INTERACTIONS_PER_TICKET {
                    let i = Interaction {
                        id: 0,
                        customer_id: t.customer_id,
                        ticket_id: Some(t.id),
                        at: opened_at + Duration::minutes(30 * k as i64),
                        channel: Channel::Phone,
                        direction: if k == 0 {
                            Direction::Inbound
                        } else {
                            Direction::Outbound
                        },
                        agent: "王五".into(),
                        summary: "来电".into(),
                        body: String::new(),
                    };
                    tx.insert_interaction(&i, None)?;
                }
            }
            Ok::<_, frontdesk::service::Error>(())
        })
        .unwrap();
    store.analyze().unwrap();
    store
}

pub fn plan(store: &Store, sql: &str) -> String {
    store.query_plan(sql).unwrap().join("\n")
}

#[test]
fn hot_query_plans() {
    if common::file_only("SQLite's query plans") {
        return;
    }
    let desk = Desk::new();
    let store = busy_store(&desk);

    // Both bands of the queue read the partial index in due order, without a sort.
    for (name, sql) in [("queue", QUEUE_SQL), ("queue_long_overdue", LONG_OVERDUE_SQL)] {
        let queue = plan(&store, sql);
        assert!(
            queue.contains("USING INDEX tickets_queue"),
            "{name} does not use its index:\n{queue}"
        );
        assert!(!queue.contains("TEMP B-TREE"), "{name} sorts:\n{queue}");
        insta::assert_snapshot!(name, queue);
    }

    let plans: Vec<(&str, String)> = hot_queries()
        .into_iter()
        .map(|(name, sql)| (name, plan(&store, &sql)))
        .collect();
    let of = |name: &str| {
        plans
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, plan)| plan.clone())
            .unwrap_or_else(|| panic!("no hot query {name}"))
    };

    // The queue's page as it runs: the queue index in due order (its ties
    // by id come with it: the rowid ends every index), each history the
    // row kept for its ticket, no sort.
    let queue_page = of("queue_page");
    assert!(queue_page.contains("USING INDEX tickets_queue"), "{queue_page}");
    assert!(
        queue_page.contains("SEARCH h USING INTEGER PRIMARY KEY (rowid=?)"),
        "{queue_page}"
    );
    assert!(!queue_page.contains("TEMP B-TREE"), "{queue_page}");
    // A customer's page reads only their rows, already in order.
    let customer_tickets = of("customer_tickets");
    assert!(
        customer_tickets.contains("USING INDEX tickets_customer (customer_id=?)"),
        "{customer_tickets}"
    );
    assert!(!customer_tickets.contains("TEMP B-TREE"), "{customer_tickets}");
    // All tickets, newest first: an index walk that stops at the limit, no sort.
    let ticket_list = of("ticket_list");
    assert!(ticket_list.contains("USING INDEX tickets_opened"), "{ticket_list}");
    assert!(!ticket_list.contains("TEMP B-TREE"), "{ticket_list}");
    // The timeline sorts, but only the one customer's rows found by index.
    let timeline = of("customer_timeline");
    assert!(
        timeline.contains("USING INDEX interactions_customer (customer_id=?)"),
        "{timeline}"
    );
    assert!(
        timeline.contains("USING INDEX tickets_customer (customer_id=?)"),
        "{timeline}"
    );
    assert!(!timeline.contains("SCAN"), "{timeline}");
    // Birthdays and anniversaries: the window's month-days found by their
    // indexes, no pass over the customers; the last outbound contact the
    // stored one (the interactions searched by index only under a clock
    // set before it).
    let occasions = of("occasions");
    for index in ["customers_birthday_day (<expr>=?)", "customers_since_day (<expr>=?)"] {
        assert!(occasions.contains(index), "{occasions}");
    }
    assert!(!occasions.contains("SCAN c"), "{occasions}");
    assert!(
        occasions.contains("SEARCH lo USING INTEGER PRIMARY KEY (rowid=?)"),
        "{occasions}"
    );
    assert!(
        occasions.contains("USING COVERING INDEX interactions_direction (customer_id=? AND direction=? AND at<?)"),
        "{occasions}"
    );
    assert!(!occasions.contains("SCAN i"), "{occasions}");
    // The contact cadence: the tiers' customers read from their covering
    // index (off the wide rows), each last contact the stored one.
    let cadence = of("cadence");
    assert!(
        cadence.contains("SEARCH c USING COVERING INDEX customers_cadence (tier=?)"),
        "{cadence}"
    );
    assert!(
        cadence.contains("SEARCH lo USING INTEGER PRIMARY KEY (rowid=?)"),
        "{cadence}"
    );
    // Low surveys: the surveys up to now by date, the contact after each by index.
    let low_surveys = of("low_surveys");
    assert!(
        low_surveys
            .contains("USING COVERING INDEX interactions_direction (customer_id=? AND direction=? AND at>? AND at<?)"),
        "{low_surveys}"
    );
    assert!(!low_surveys.contains("SCAN i"), "{low_surveys}");
    // The agenda's callbacks: those from today on, and the count of the
    // backlog before it, both a range of the owed-callback index.
    for name in ["callbacks_owed", "callbacks_overdue_count"] {
        let callbacks = of(name);
        assert!(
            callbacks.contains("USING INDEX tickets_callback_owed (callback_due"),
            "{name}: {callbacks}"
        );
        // The count's one scan is of the archived customers' partial index.
        let others = callbacks.replace("SCAN customers USING INDEX customers_archived", "");
        assert!(!others.contains("SCAN"), "{name}: {callbacks}");
    }
    let backlog = of("callbacks_overdue_count");
    assert!(backlog.contains("customers_archived"), "{backlog}");
    assert!(!backlog.contains("SEARCH c"), "{backlog}");

    // The long-overdue band's size under the queue: a range of the queue
    // index (the band's rows only), never a scan of the tickets.
    let band = of("queue_long_overdue_count");
    assert!(band.contains("USING INDEX tickets_queue (next_due<?)"), "{band}");
    assert!(!band.contains("SCAN"), "{band}");

    // The search: the full-text index finds the matches (FTS5 ranks them),
    // each ticket and customer by primary key.
    let search = of("ticket_search");
    assert!(search.contains("SCAN ticket_text VIRTUAL TABLE INDEX"), "{search}");
    assert!(
        search.contains("SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"),
        "{search}"
    );

    // Customer search reads its stored keys in one pass over a range of ids
    // in id order (no sort), and the flush finds each changed customer by
    // primary key.
    let keys = of("customer_keys");
    assert!(
        keys.contains("SEARCH customer_keys USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"),
        "{keys}"
    );
    assert!(!keys.contains("TEMP B-TREE"), "{keys}");
    // A plan that holds each of `steps`.
    let holds = |name: &str, steps: &[&str]| {
        let plan = of(name);
        for step in steps {
            assert!(plan.contains(step), "{name} lacks {step}:\n{plan}");
        }
    };
    // The agenda's listed rows get their words by primary key, one row each.
    let by_id = |table: &str| format!("SEARCH {table} USING INTEGER PRIMARY KEY (rowid=?)");
    holds("survey_notes", &[&by_id("s"), &by_id("c")]);
    holds("customer_names", &[&by_id("c")]);

    // Where a search splits the keys in two: a probe at each end.
    let middle = of("customer_keys_middle");
    assert_eq!(middle.matches("SEARCH customer_keys").count(), 2, "{middle}");
    assert!(!middle.contains("SCAN customer_keys"), "{middle}");
    holds("customer_keys_flush", &[&by_id("c")]);

    // A load's fills read its own rows by id, never all of a large file's.
    for name in ["load_last_outbound", "load_contacts_on_earlier_tickets"] {
        holds(name, &["SEARCH interactions USING INTEGER PRIMARY KEY (rowid>?)"]);
    }

    for (name, plan) in plans {
        insta::assert_snapshot!(name, plan);
    }
}
