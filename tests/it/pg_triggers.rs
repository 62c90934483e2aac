//! Every SQLite trigger's twin on PostgreSQL has the same effect: the same
//! statements run through plain SQL on a SQLite file and a PostgreSQL
//! database, one case after the other, and the rows each case looks at must
//! come out the same on both. A trigger added on SQLite without a case here
//! fails the test.

use crate::pg_schema::sqlite_database;
use crate::pg_server::TestDb;
use frontdesk::store::pg_migrations::migrate_for_tests as migrate;
use postgres::Client;
use std::collections::BTreeSet;

/// Rows both engines start from (ids far above anything a new database
/// holds). Statements in the dialect both engines speak.
const FIXTURE: &str = "
    INSERT INTO customers (id, code, name, created_at, updated_at)
        VALUES (1001, 'C1001', 'Ada', 100, 100), (1002, 'C1002', 'Bob', 100, 100);
    INSERT INTO tickets (id, customer_id, kind, subject, opened_at, created_at, updated_at)
        VALUES (2001, 1001, 'inquiry', 'Printer', 100, 100, 100);
    INSERT INTO ticket_events (id, ticket_id, at, event, agent) VALUES (4001, 2001, 100, 'opened', 'ann');
    INSERT INTO surveys (id, customer_id, at, quality, response, communication, agent)
        VALUES (5001, 1001, 100, 4, 4, 4, 'ann');
    INSERT INTO orders (id, customer_id, at, amount_cents, created_by) VALUES (6001, 1001, 100, 500, 'ann');
    INSERT INTO order_corrections (id, order_id, at, kind, amount_cents, created_by)
        VALUES (6101, 6001, 110, 'refund', 100, 'ann');
    INSERT INTO sla_calendars (id, name, tz, hours) VALUES (7001, 'cal', 'UTC', 'mon-fri 09:00-18:00');
    INSERT INTO customer_keys (id, activity, key) VALUES (1001, 100, '');
";

/// Empties what the triggers fill, before each case's statements.
const RESET: &str = "
    DELETE FROM search_dirty;
    DELETE FROM customer_keys_dirty;
    UPDATE report_epoch SET n = 0;
";

const SEARCH_DIRTY: &str = "SELECT kind, CAST(id AS TEXT) FROM search_dirty ORDER BY kind, id";
const KEYS_DIRTY: &str = "SELECT CAST(id AS TEXT) FROM customer_keys_dirty ORDER BY id";
const EPOCH: &str = "SELECT CAST(n AS TEXT) FROM report_epoch";
const HISTORY: &str = "SELECT CAST(ticket_id AS TEXT), CAST(last_at AS TEXT), events,
    CAST(first_out AS TEXT), CAST(second_out AS TEXT) FROM ticket_history ORDER BY ticket_id";
const LAST_OUTBOUND: &str =
    "SELECT CAST(customer_id AS TEXT), CAST(at AS TEXT) FROM customer_last_outbound ORDER BY customer_id";

/// The knowledge base's substring search: FTS5's trigram table on SQLite,
/// the trigram index over the articles on PostgreSQL (0002_kb.sql).
const KB_SQLITE: &str = "SELECT CAST(rowid AS TEXT) FROM kb_fts WHERE kb_fts MATCH '\"rinter\"' ORDER BY rowid";
const KB_PG: &str = "SELECT CAST(id AS TEXT) FROM kb_articles
    WHERE title ILIKE '%rinter%' OR body ILIKE '%rinter%' OR tags ILIKE '%rinter%' ORDER BY id";

struct Case {
    /// The SQLite triggers whose effect this case shows.
    triggers: &'static [&'static str],
    action: &'static str,
    /// Run on both engines, or on SQLite only when `check_pg` is set.
    check: &'static str,
    check_pg: Option<&'static str>,
}

const fn case(triggers: &'static [&'static str], action: &'static str, check: &'static str) -> Case {
    Case {
        triggers,
        action,
        check,
        check_pg: None,
    }
}

const fn kb(triggers: &'static [&'static str], action: &'static str) -> Case {
    Case {
        triggers,
        action,
        check: KB_SQLITE,
        check_pg: Some(KB_PG),
    }
}

fn cases() -> Vec<Case> {
    vec![
        // Each ticket's history (0021). A history found again lists its
        // events in time order on both engines.
        case(
            &["ticket_events_history_ai"],
            "INSERT INTO ticket_events (id, ticket_id, at, event, agent) VALUES (4002, 2001, 200, 'responded', 'ann')",
            HISTORY,
        ),
        case(
            &["ticket_events_history_ad"],
            "DELETE FROM ticket_events WHERE id = 4002",
            HISTORY,
        ),
        case(
            &["ticket_events_history_au"],
            "INSERT INTO tickets (id, customer_id, kind, subject, opened_at, created_at, updated_at)
                 VALUES (2003, 1001, 'inquiry', 'Toner', 50, 50, 50);
             INSERT INTO ticket_events (id, ticket_id, at, event, agent) VALUES (4003, 2001, 50, 'paused', 'ann');
             UPDATE ticket_events SET ticket_id = 2003 WHERE id = 4003;
             UPDATE ticket_events SET at = 40 WHERE id = 4001",
            HISTORY,
        ),
        case(
            &["interactions_history_ai"],
            "INSERT INTO interactions (id, customer_id, ticket_id, at, channel, direction, agent, summary)
                 VALUES (3101, 1001, 2003, 300, 'phone', 'out', 'ann', 'a'),
                        (3102, 1001, 2003, 200, 'phone', 'out', 'ann', 'b'),
                        (3103, 1001, 2003, 250, 'phone', 'out', 'ann', 'c'),
                        (3104, 1001, 2003, 100, 'phone', 'in', 'ann', 'd')",
            HISTORY,
        ),
        case(
            &["interactions_history_ad"],
            "DELETE FROM interactions WHERE id = 3102",
            HISTORY,
        ),
        case(
            &["interactions_history_au"],
            "UPDATE interactions SET direction = 'out' WHERE id = 3104;
             UPDATE interactions SET at = 90 WHERE id = 3101;
             UPDATE interactions SET ticket_id = NULL WHERE id = 3103",
            HISTORY,
        ),
        // Search bookkeeping (0011).
        case(
            &["tickets_search_ai"],
            "INSERT INTO tickets (id, customer_id, kind, subject, opened_at, created_at, updated_at)
                 VALUES (2002, 1002, 'complaint', 'Noise', 100, 100, 100)",
            SEARCH_DIRTY,
        ),
        case(
            &["tickets_search_au"],
            "UPDATE tickets SET description = 'loud' WHERE id = 2002;
             UPDATE tickets SET assignee = 'ann' WHERE id = 2001",
            SEARCH_DIRTY,
        ),
        case(
            &["interactions_search_ai", "interactions_last_outbound_ai"],
            "INSERT INTO interactions (id, customer_id, ticket_id, at, channel, direction, agent, summary)
                 VALUES (3001, 1001, 2001, 300, 'phone', 'out', 'ann', 'called back'),
                        (3002, 1001, NULL, 200, 'phone', 'out', 'ann', 'hello'),
                        (3003, 1002, NULL, 250, 'phone', 'in', 'ann', 'a question')",
            SEARCH_DIRTY,
        ),
        // An earlier outbound contact leaves the last one where it is.
        case(
            &["interactions_last_outbound_ai"],
            "INSERT INTO interactions (id, customer_id, ticket_id, at, channel, direction, agent, summary)
                 VALUES (3004, 1001, NULL, 150, 'email', 'out', 'ann', 'older')",
            LAST_OUTBOUND,
        ),
        case(
            &["interactions_search_au"],
            "UPDATE interactions SET ticket_id = 2002 WHERE id = 3002;
             UPDATE interactions SET channel = 'email' WHERE id = 3003",
            SEARCH_DIRTY,
        ),
        case(
            &["interactions_search_ad"],
            "DELETE FROM interactions WHERE id = 3003",
            SEARCH_DIRTY,
        ),
        // Each customer's last outbound contact (0016).
        case(
            &["interactions_last_outbound_au"],
            "UPDATE interactions SET customer_id = 1002 WHERE id = 3001",
            LAST_OUTBOUND,
        ),
        case(
            &["interactions_last_outbound_au"],
            "UPDATE interactions SET direction = 'note' WHERE id = 3002",
            LAST_OUTBOUND,
        ),
        case(
            &["interactions_last_outbound_ad"],
            "DELETE FROM interactions WHERE id = 3001",
            LAST_OUTBOUND,
        ),
        // Customer keys (0014).
        case(
            &["customers_keys_ai"],
            "INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1003, 'C1003', 'Cy', 100, 100)",
            KEYS_DIRTY,
        ),
        case(
            &["customers_keys_au"],
            "UPDATE customers SET name = 'Ada L' WHERE id = 1001;
             UPDATE customers SET notes = 'likes tea' WHERE id = 1002",
            KEYS_DIRTY,
        ),
        case(
            &["customers_keys_activity"],
            "UPDATE customers SET last_activity_at = 900 WHERE id = 1001",
            "SELECT CAST(id AS TEXT), CAST(activity AS TEXT) FROM customer_keys ORDER BY id",
        ),
        // The report stamp (0015): updates and deletions of the facts move it,
        // once per row; edits no figure reads do not.
        case(
            &["report_epoch_tickets_update"],
            "UPDATE tickets SET status = 'open' WHERE id IN (2001, 2002);
             UPDATE tickets SET subject = 'Printer jam', next_due = 5 WHERE id = 2001",
            EPOCH,
        ),
        case(
            &["report_epoch_events_update", "report_epoch_events_delete"],
            "UPDATE ticket_events SET agent = 'bo' WHERE id = 4001; DELETE FROM ticket_events WHERE id = 4001",
            EPOCH,
        ),
        case(
            &["report_epoch_interactions_update", "report_epoch_interactions_delete"],
            "UPDATE interactions SET summary = 'hi' WHERE id = 3002; DELETE FROM interactions WHERE id = 3002",
            EPOCH,
        ),
        case(
            &["report_epoch_surveys_update", "report_epoch_surveys_delete"],
            "UPDATE surveys SET comment = 'ok' WHERE id = 5001; DELETE FROM surveys WHERE id = 5001",
            EPOCH,
        ),
        case(
            &["report_epoch_corrections_update", "report_epoch_corrections_delete"],
            "UPDATE order_corrections SET note = 'late' WHERE id = 6101; DELETE FROM order_corrections WHERE id = 6101",
            EPOCH,
        ),
        case(
            &["report_epoch_orders_update", "report_epoch_orders_delete"],
            "UPDATE orders SET note = 'gift' WHERE id = 6001; DELETE FROM orders WHERE id = 6001",
            EPOCH,
        ),
        case(
            &["report_epoch_customers_update"],
            "UPDATE customers SET tier = 'vip' WHERE id = 1001;
             UPDATE customers SET tier = 'vip' WHERE id = 1001;
             UPDATE customers SET lifetime_value_cents = 900, notes = 'x' WHERE id = 1002",
            EPOCH,
        ),
        case(
            &["tickets_search_ad", "report_epoch_tickets_delete"],
            "DELETE FROM tickets WHERE id = 2002",
            SEARCH_DIRTY,
        ),
        case(
            &["report_epoch_tickets_delete"],
            "DELETE FROM tickets WHERE id = 2001",
            EPOCH,
        ),
        case(
            &["customers_keys_ad", "report_epoch_customers_delete"],
            "DELETE FROM customers WHERE id = 1003",
            KEYS_DIRTY,
        ),
        case(
            &["report_epoch_customers_delete"],
            "DELETE FROM customers WHERE id = 1002",
            EPOCH,
        ),
        case(
            &[
                "report_epoch_policies_insert",
                "report_epoch_policies_update",
                "report_epoch_policies_delete",
            ],
            "INSERT INTO sla_policies (id, position, name) VALUES (8001, 99, 'p'), (8002, 98, 'q');
             UPDATE sla_policies SET position = 97 WHERE id = 8001;
             DELETE FROM sla_policies WHERE id IN (8001, 8002)",
            EPOCH,
        ),
        case(
            &[
                "report_epoch_calendars_insert",
                "report_epoch_calendars_update",
                "report_epoch_calendars_delete",
            ],
            "INSERT INTO sla_calendars (id, name, tz, hours) VALUES (7002, 'c2', 'UTC', '');
             UPDATE sla_calendars SET holidays = '2026-01-01' WHERE id = 7001;
             DELETE FROM sla_calendars WHERE id = 7002",
            EPOCH,
        ),
        // The knowledge base's search index (0002).
        kb(
            &["kb_articles_ai"],
            "INSERT INTO kb_articles (id, title, body, created_at, updated_at)
                 VALUES (9001, 'Printer jams', 'Open the tray', 100, 100),
                        (9002, 'Refunds', 'Within 7 days', 100, 100)",
        ),
        kb(
            &["kb_articles_au"],
            "UPDATE kb_articles SET title = 'Scanner jams' WHERE id = 9001;
             UPDATE kb_articles SET tags = 'printer' WHERE id = 9002",
        ),
        kb(&["kb_articles_ad"], "DELETE FROM kb_articles WHERE id = 9002"),
    ]
}

fn sqlite_rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    let rows = stmt
        .query_map([], |r| (0..width).map(|i| r.get(i)).collect::<Result<Vec<_>, _>>())
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn pg_rows(client: &mut Client, sql: &str) -> Vec<Vec<Option<String>>> {
    client
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| (0..r.len()).map(|i| r.get(i)).collect())
        .collect()
}

#[test]
fn every_sqlite_trigger_has_the_same_effect_on_postgresql() {
    let Some(db) = TestDb::fresh() else { return };
    let mut client = db.admin();
    migrate(&mut client).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite_database(&dir);
    sqlite.execute_batch(FIXTURE).unwrap();
    client.batch_execute(FIXTURE).unwrap();
    let mut covered = BTreeSet::new();
    for case in cases() {
        let name = case.triggers.join(", ");
        sqlite.execute_batch(RESET).unwrap();
        client.batch_execute(RESET).unwrap();
        sqlite.execute_batch(case.action).unwrap();
        client.batch_execute(case.action).unwrap();
        let want = sqlite_rows(&sqlite, case.check);
        let have = pg_rows(&mut client, case.check_pg.unwrap_or(case.check));
        assert_eq!(have, want, "{name}: {}", case.action);
        covered.extend(case.triggers.iter().map(|t| t.to_string()));
    }
    let triggers: BTreeSet<String> = sqlite_rows(&sqlite, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .into_iter()
        .filter_map(|row| row.into_iter().next().flatten())
        .collect();
    assert_eq!(covered, triggers, "a case for every SQLite trigger");
}
