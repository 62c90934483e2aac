//! A dropped connection to the server is opened again: the backend
//! terminated (`pg_terminate_backend`, as a server restart or a network
//! cut does), the next read, write and change check work on a new
//! session, and nothing is written twice. A store opened from a URL opens
//! other connections like itself (`open_again`, the TUI's reader and
//! writer), and a read running on one is cut short from another thread.

use crate::pg_server::TestDb;
use chrono::Utc;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers};
use frontdesk::store::{Location, OpenOptions, PgSecrets, Store};
use postgres::Client;
use std::time::{Duration, Instant};

/// The store as the binary opens it: from the URL, with no password source.
fn open(db: &TestDb) -> Store {
    let Location::Postgres(target) = Location::parse(db.url.as_ref()).unwrap() else {
        panic!("{} is a server URL", db.url);
    };
    let secrets = PgSecrets {
        pgpassword: None,
        passfile: None,
        password_command: String::new(),
        run_command: |_| unreachable!("no password command is set"),
        warn: |_| {},
    };
    Store::open_postgres(&target, &secrets, &OpenOptions::default()).expect("open the store from its URL")
}

fn add(store: &mut Store, name: &str) -> Result<i64, frontdesk::service::Error> {
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(store, &Ctx::new("a", Utc::now()), &input).map(|c| c.id)
}

fn names(store: &mut Store) -> Vec<String> {
    let mut names: Vec<String> = customers::list(store, &Default::default(), None)
        .expect("list the customers")
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    names
}

/// The server processes of frontdesk's sessions on this database.
fn sessions(admin: &mut Client, db: &TestDb) -> Vec<i32> {
    admin
        .query(
            "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'frontdesk'",
            &[&db.name],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// Ends every frontdesk session on the database, as an administrator does.
fn terminate_all(admin: &mut Client, db: &TestDb) -> usize {
    let pids = sessions(admin, db);
    for pid in &pids {
        admin.execute("SELECT pg_terminate_backend($1)", &[pid]).unwrap();
    }
    // Terminated means gone from the server's list.
    let deadline = Instant::now() + Duration::from_secs(5);
    while !sessions(admin, db).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    pids.len()
}

#[test]
fn after_the_backend_is_terminated_the_next_read_and_write_work_on_a_new_session() {
    let Some(db) = TestDb::fresh() else { return };
    let mut admin = db.admin();
    let mut store = open(&db);
    add(&mut store, "周八").unwrap();
    assert_eq!(terminate_all(&mut admin, &db), 1, "the store's one session");
    assert_eq!(names(&mut store), ["周八"], "the read after the drop");
    assert_eq!(sessions(&mut admin, &db).len(), 1, "a new session replaced it");
    assert_eq!(terminate_all(&mut admin, &db), 1);
    add(&mut store, "吴九").expect("the write after the drop");
    assert_eq!(names(&mut store), ["吴九", "周八"], "written once, nothing lost");
    terminate_all(&mut admin, &db);
    let mut theirs = open(&db);
    let seen = store.data_version().expect("the change check after the drop");
    add(&mut theirs, "郑十").unwrap();
    let deadline = Instant::now() + Duration::from_secs(1);
    while store.data_version().unwrap() == seen && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_ne!(
        store.data_version().unwrap(),
        seen,
        "it listens again on the new session"
    );
}

#[test]
fn a_store_opened_again_is_a_session_of_its_own_on_the_same_database() {
    let Some(db) = TestDb::fresh() else { return };
    let mut admin = db.admin();
    let mut store = open(&db);
    let mut again = store.open_again().expect("another connection");
    assert_eq!(again.path(), store.path(), "shown the same");
    add(&mut store, "周八").unwrap();
    assert_eq!(names(&mut again), ["周八"]);
    assert_eq!(sessions(&mut admin, &db).len(), 2, "two sessions");
    // The other's write is another agent's change; its own is not.
    let seen = again.data_version().unwrap();
    add(&mut again, "吴九").unwrap();
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(again.data_version().unwrap(), seen, "its own write");
    let stamp = store.change_stamp().unwrap();
    add(&mut store, "郑十").unwrap();
    assert_ne!(store.change_stamp().unwrap(), stamp, "the stamp counts its own writes");
    let deadline = Instant::now() + Duration::from_secs(1);
    while again.data_version().unwrap() == seen && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_ne!(again.data_version().unwrap(), seen, "the other's write");
}

#[test]
fn a_read_waiting_on_the_server_is_cut_short_from_another_thread() {
    let Some(db) = TestDb::fresh() else { return };
    let mut store = open(&db);
    add(&mut store, "周八").unwrap();
    // Another session holds the table: the read waits for it.
    let mut admin = db.admin();
    let mut blocking = admin.transaction().unwrap();
    blocking
        .batch_execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let interrupt = store.interrupt_handle();
    let reader = std::thread::spawn(move || {
        let started = Instant::now();
        let result = customers::list(&mut store, &Default::default(), None);
        (result.is_err(), started.elapsed(), store)
    });
    std::thread::sleep(Duration::from_millis(300));
    interrupt.interrupt();
    let (failed, took, mut store) = reader.join().unwrap();
    assert!(failed, "the read was cancelled");
    assert!(took < Duration::from_secs(3), "cut short at once: {took:?}");
    blocking.rollback().unwrap();
    assert_eq!(names(&mut store), ["周八"], "the connection still works");
}

/// A connection that breaks once COMMIT is sent leaves the change unknown:
/// it is not run again (it might be saved twice) and the error says so, in
/// both languages. A deferred trigger that ends its own session breaks the
/// connection exactly there.
#[test]
fn a_write_whose_connection_breaks_at_commit_is_not_run_again_and_says_it_may_not_be_saved() {
    let Some(db) = TestDb::fresh() else { return };
    let mut store = open(&db);
    add(&mut store, "周八").unwrap();
    db.admin()
        .batch_execute(
            "CREATE FUNCTION die_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$; \
             CREATE CONSTRAINT TRIGGER die_at_commit AFTER INSERT ON customers \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION die_at_commit();",
        )
        .unwrap();
    let err = add(&mut store, "吴九").expect_err("the commit broke");
    let frontdesk::service::Error::Storage(frontdesk::store::StoreError::LostAtCommit { target }) = &err else {
        panic!("not told the save is unknown: {err:?}");
    };
    assert!(target.contains(&db.name), "{target}");
    let en = frontdesk::i18n::describe(&err, frontdesk::i18n::Lang::En.strings());
    assert!(en.contains("may or may not have been saved"), "{en}");
    let zh = frontdesk::i18n::describe(&err, frontdesk::i18n::Lang::ZhCn.strings());
    assert!(zh.contains("可能已保存"), "{zh}");
    assert_eq!(err.exit_code(), 1);
    // The store goes on over a new session.
    assert_eq!(names(&mut store), ["周八"]);
}
