//! Bulk loads into a PostgreSQL server (`demo`, `copy` into a server): the
//! search rows they write in one pass are exactly those the store's flush
//! writes record by record, nothing stays marked, and the planner
//! statistics of the loaded tables are refreshed before the commit.

use crate::common::{Desk, NOW};
use crate::pg_server::TestDb;
use frontdesk::store::StoreError;

fn count(server: &TestDb, sql: &str) -> i64 {
    server.admin().query_one(sql, &[]).unwrap().get(0)
}

/// Every search row, as text, by table and id.
fn search_rows(server: &TestDb) -> Vec<String> {
    let mut admin = server.admin();
    ["ticket_text", "contact_text"]
        .iter()
        .flat_map(|table| {
            admin
                .query(&format!("SELECT '{table} ' || t::text FROM {table} t ORDER BY id"), &[])
                .unwrap()
                .iter()
                .map(|r| r.get::<_, String>(0))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What a load left on the server: a search row for every ticket and
/// ticketless contact, equal to what the flush writes when every record
/// is marked again; no mark left; the loaded tables analysed when the
/// login owns them (`analysed`: another login's ANALYZE only warns).
fn assert_loaded(server: &TestDb, analysed: bool) {
    assert_eq!(
        count(server, "SELECT count(*) FROM search_dirty"),
        0,
        "nothing left marked"
    );
    let tickets = count(server, "SELECT count(*) FROM tickets");
    assert!(tickets > 0, "the load wrote tickets");
    assert_eq!(count(server, "SELECT count(*) FROM ticket_text"), tickets);
    assert_eq!(
        count(server, "SELECT count(*) FROM contact_text"),
        count(server, "SELECT count(*) FROM interactions WHERE ticket_id IS NULL")
    );
    let tables: &[&str] = if analysed {
        &["customers", "tickets", "interactions", "ticket_text", "contact_text"]
    } else {
        &[]
    };
    for table in tables {
        let analysed = count(
            server,
            &format!("SELECT count(*) FROM pg_stat_user_tables WHERE relname = '{table}' AND last_analyze IS NOT NULL"),
        );
        assert_eq!(analysed, 1, "{table} analysed by the load");
    }
    let loaded = search_rows(server);
    assert!(!loaded.is_empty());
    // Spoil every row, mark every record, and let the flush of an empty
    // write rewrite them one by one.
    server
        .admin()
        .batch_execute(
            "UPDATE ticket_text SET subject_words = '', words = '', cjk1 = '', cjk2 = '';
             UPDATE contact_text SET words = '', cjk1 = '', cjk2 = '';
             INSERT INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets;
             INSERT INTO search_dirty (kind, id) SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL;",
        )
        .unwrap();
    server.store().write(|_| Ok::<_, StoreError>(())).unwrap();
    assert_eq!(count(server, "SELECT count(*) FROM search_dirty"), 0);
    assert_eq!(search_rows(server), loaded, "the load's search rows are the flush's");
}

const DEMO: &[&str] = &["demo", "--customers", "40", "--tickets", "90", "--interactions", "400"];

#[test]
fn a_demo_on_a_server_writes_the_flushs_search_rows_in_one_pass_and_analyses() {
    let Some(server) = TestDb::fresh() else { return };
    let desk = Desk::on_file();
    desk.bare()
        .args(["--db", &server.url, "--now", NOW, "--agent", "王五"])
        .args(DEMO)
        .assert()
        .success();
    assert_loaded(&server, true);
    // The server numbers the next records past the loaded ones.
    desk.bare()
        .args(["--db", &server.url, "--now", NOW, "--agent", "王五"])
        .args(["customer", "add", "--name", "新客户"])
        .assert()
        .success();
}

#[test]
fn a_copy_into_a_server_writes_the_flushs_search_rows_in_one_pass_and_analyses() {
    let Some(server) = TestDb::fresh() else { return };
    let desk = Desk::on_file();
    desk.bare()
        .args(["--db", desk.db.to_str().unwrap(), "--now", NOW, "--agent", "王五"])
        .args(DEMO)
        .assert()
        .success();
    desk.bare()
        .args(["copy", "--from", desk.db.to_str().unwrap(), "--to", &server.url])
        .assert()
        .success();
    assert_loaded(&server, true);
    // What the copy set aside — the secondary indexes, the foreign keys,
    // the tables' own triggers — is all back, as the schema defines it.
    let schema = TestDb::migrated();
    for (what, sql) in [
        ("indexes", INDEXES),
        ("foreign keys", FOREIGN_KEYS),
        ("triggers", TRIGGERS),
    ] {
        let back = listed(&server, sql);
        assert!(!back.is_empty(), "{what}");
        assert_eq!(back, listed(&schema, sql), "{what}");
    }
    assert!(
        listed(&server, INDEXES).iter().any(|i| i.contains("USING gin")),
        "the search indexes"
    );
}

/// Every index of the database's tables, as the server would make it.
const INDEXES: &str = "SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
  WHERE t.relnamespace = 'public'::regnamespace ORDER BY 1";

/// Every foreign key, validated or not.
const FOREIGN_KEYS: &str = "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END
  FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1";

/// Every trigger of frontdesk's own, with whether it fires (O: always).
const TRIGGERS: &str = "SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
  FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1";

fn listed(server: &TestDb, sql: &str) -> Vec<String> {
    server
        .admin()
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// A login that is not the database's owner (an admin by its agents row:
/// the demo adds agents, which is the admin's) may use the tables'
/// sequences but not set them: the demo's ids come from `nextval` alone,
/// so the load runs under it.
#[test]
fn a_demo_runs_under_an_admins_login_that_does_not_own_the_database() {
    let Some(server) = TestDb::fresh() else { return };
    drop(server.store());
    let agent = format!("{}_agt", server.name);
    server
        .admin()
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {agent}; CREATE ROLE {agent} LOGIN PASSWORD 'bulk-pw' IN ROLE frontdesk_agent"
        ))
        .unwrap();
    let desk = Desk::on_file();
    desk.bare()
        .args([
            "--db",
            &server.url,
            "--now",
            NOW,
            "agent",
            "add",
            &agent,
            "--role",
            "admin",
        ])
        .assert()
        .success();
    desk.bare()
        .env("PGPASSWORD", "bulk-pw")
        .args(["--db", &server.url_as(&agent), "--now", NOW])
        .args(DEMO)
        .assert()
        .success();
    assert_loaded(&server, false);
    server
        .admin()
        .batch_execute(&format!("DROP OWNED BY {agent}; DROP ROLE {agent}"))
        .unwrap();
}
