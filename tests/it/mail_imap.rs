//! Reading mail over IMAP against a real dovecot (tests/it/dovecot.rs):
//! over TLS and STARTTLS, flagged \Seen only after delivery, and the failures a
//! person meets (a wrong password, no server, no STARTTLS, a server that
//! never answers, an untrusted certificate) as clear errors.
//!
//! `deliver` here is the test's own: it keeps each message's Message-ID in
//! a file, as the ingest keeps it in `mail_messages`, and says Duplicate
//! for one it has. `mail_imap_cli.rs` runs the binary's `mail fetch`,
//! the real ingest, and the crash between the commit and the flag.

use crate::dovecot::{Dovecot, PASSWORD, USER, messages};
use frontdesk::config::MailConfig;
use frontdesk::service::Error;
use frontdesk::service::mail::Ingested;
use frontdesk::service::mail::imap::fetch;
use frontdesk::service::progress::Quiet;
use frontdesk::store::{ImapPosition, OpenOptions, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

fn config(ca_file: &Path) -> MailConfig {
    MailConfig {
        address: "support@example.com".into(),
        name: String::new(),
        own_addresses: vec![],
        sources: vec![],
        password_command: format!("printf '%s\\n' '{PASSWORD}'"),
        ca_file: ca_file.to_path_buf(),
        smtp: String::new(),
        smtp_password_command: String::new(),
        sendmail: String::new(),
        tag_prefix: "#".into(),
        attachment_max_kb: 10240,
        fetch_every_minutes: 0,
        timeout_seconds: 30,
        default_kind: "inquiry".into(),
    }
}

/// The Message-ID of raw bytes, as the ingest would key them.
fn key(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    text.lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The keys a record file holds (one per delivered message).
fn delivered(record: &Path) -> Vec<String> {
    std::fs::read_to_string(record)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Fetches `source` into `record`: new messages are appended (and synced,
/// the commit), known ones are Duplicate.
fn fetch_into(db: &Db, config: &MailConfig, source: &str, record: &Path) -> Result<Vec<Ingested>, Error> {
    let mut store = db.store();
    let mut outcomes = Vec::new();
    let mut deliver = |_: &mut Store, raw: &[u8]| -> Result<Ingested, Error> {
        let key = key(raw);
        let outcome = if delivered(record).contains(&key) {
            Ingested::Duplicate
        } else {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(record)
                .unwrap();
            writeln!(file, "{key}").unwrap();
            file.sync_all().unwrap();
            Ingested::NewTicket {
                ticket_id: 1,
                interaction_id: 1,
            }
        };
        outcomes.push(outcome.clone());
        Ok(outcome)
    };
    fetch(&mut store, config, source, &Quiet, &mut deliver)?;
    Ok(outcomes)
}

struct Run {
    _dir: tempfile::TempDir,
    db: Db,
    record: PathBuf,
}

/// The desk's database: a file, or in the PostgreSQL run a database on the
/// test server, where the folder's position (`mail_sources`) is kept.
enum Db {
    File(PathBuf),
    Server(crate::pg_server::TestDb),
}

impl Db {
    /// A store on it, each time a new connection (as each run of the binary).
    fn store(&self) -> Store {
        match self {
            Db::File(path) => Store::create(path, &OpenOptions::default()).unwrap(),
            Db::Server(server) => server.store(),
        }
    }
}

fn run() -> Run {
    let dir = tempfile::tempdir().unwrap();
    let db = if crate::common::on_postgres() {
        Db::Server(crate::pg_server::TestDb::migrated())
    } else {
        Db::File(dir.path().join("desk.db"))
    };
    Run {
        db,
        record: dir.path().join("delivered"),
        _dir: dir,
    }
}

fn new_tickets(outcomes: &[Ingested]) -> usize {
    outcomes
        .iter()
        .filter(|o| matches!(o, Ingested::NewTicket { .. }))
        .count()
}

fn assert_once_then_nothing(server: &Dovecot, source: &str) {
    let r = run();
    let config = config(&server.ca_pem());
    assert_eq!(server.seen(), 0);
    let first = fetch_into(&r.db, &config, source, &r.record).unwrap_or_else(|e| panic!("{e}\n{}", server.log()));
    assert_eq!(new_tickets(&first), 3, "{first:?}");
    assert_eq!(
        delivered(&r.record),
        ["<m1@example.com>", "<m2@example.com>", "<m3@example.com>"]
    );
    assert_eq!(server.seen(), 3, "{:?}", server.flags());
    let second = fetch_into(&r.db, &config, source, &r.record).unwrap();
    assert_eq!(second, [], "a second fetch asks only for what is new");
    assert_eq!(delivered(&r.record).len(), 3);
}

#[test]
fn imaps_takes_each_message_once_and_flags_it_seen_after() {
    let Some(server) = Dovecot::start(&messages(3), true) else {
        return;
    };
    assert_once_then_nothing(&server, &server.imaps_url());
}

#[test]
fn imap_with_starttls_takes_each_message_once() {
    let Some(server) = Dovecot::start(&messages(3), true) else {
        return;
    };
    assert_once_then_nothing(&server, &server.starttls_url());
}

fn mail_error(result: Result<Vec<Ingested>, Error>) -> String {
    match result {
        Err(e @ Error::Imap(_)) => {
            assert_eq!(e.exit_code(), 1);
            let text = frontdesk::i18n::describe(&e, frontdesk::i18n::Lang::En.strings());
            assert!(!text.contains(PASSWORD), "{text}");
            text
        }
        other => panic!("expected a mail error, got {other:?}"),
    }
}

#[test]
fn a_wrong_password_is_a_clear_error_and_nothing_is_taken() {
    let Some(server) = Dovecot::start(&messages(1), true) else {
        return;
    };
    let r = run();
    let mut config = config(&server.ca_pem());
    config.password_command = "echo wrong-password".into();
    let text = mail_error(fetch_into(&r.db, &config, &server.imaps_url(), &r.record));
    assert!(text.contains(USER), "{text}");
    assert!(text.contains("refused the login"), "{text}");
    assert!(!text.contains("wrong-password"), "{text}");
    assert_eq!(delivered(&r.record), Vec::<String>::new());
    assert_eq!(server.seen(), 0);
}

#[test]
fn a_server_without_starttls_is_refused_before_the_password_is_sent() {
    let Some(server) = Dovecot::start(&messages(1), false) else {
        return;
    };
    let r = run();
    let text = mail_error(fetch_into(
        &r.db,
        &config(&server.ca_pem()),
        &server.starttls_url(),
        &r.record,
    ));
    assert!(text.contains("does not offer STARTTLS"), "{text}");
    assert!(!server.log().contains(USER), "no login was tried:\n{}", server.log());
    assert_eq!(server.seen(), 0);
}

#[test]
fn a_certificate_no_root_vouches_for_is_refused() {
    let Some(server) = Dovecot::start(&messages(1), true) else {
        return;
    };
    let r = run();
    let text = mail_error(fetch_into(
        &r.db,
        &config(Path::new("")),
        &server.imaps_url(),
        &r.record,
    ));
    assert!(text.contains("secure connection failed"), "{text}");
    assert_eq!(server.seen(), 0);
}

#[test]
fn no_server_listening_is_a_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let r = run();
    let source = format!("imaps://{USER}@127.0.0.1:{port}/INBOX");
    let text = mail_error(fetch_into(&r.db, &config(Path::new("")), &source, &r.record));
    assert!(text.contains("cannot connect to 127.0.0.1"), "{text}");
}

#[test]
fn a_server_that_never_answers_fails_after_the_timeout() {
    // Accepts the connection (the kernel does) and never says a word.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let r = run();
    let mut config = config(Path::new(""));
    config.timeout_seconds = 1;
    for source in [
        format!("imaps://{USER}@127.0.0.1:{port}/INBOX"),
        format!("imap://{USER}@127.0.0.1:{port}/INBOX"),
    ] {
        let text = mail_error(fetch_into(&r.db, &config, &source, &r.record));
        assert!(text.contains("did not answer within 1 seconds"), "{text}");
    }
    drop(listener);
}

#[test]
fn a_bad_source_or_password_command_is_refused_without_connecting() {
    let r = run();
    let config = config(Path::new(""));
    let cases = [
        (
            "imaps://support:hunter2@127.0.0.1/INBOX",
            "mail.sources",
            "imaps://support:***@127.0.0.1/INBOX",
        ),
        ("imap://127.0.0.1/INBOX", "mail.sources", "imap://127.0.0.1/INBOX"),
    ];
    for (source, field, shown) in cases {
        match fetch_into(&r.db, &config, source, &r.record) {
            Err(Error::Invalid(invalid)) => {
                assert_eq!((invalid.field.as_str(), invalid.value.as_str()), (field, shown));
                assert!(!format!("{invalid:?}").contains("hunter2"));
            }
            other => panic!("{source}: {other:?}"),
        }
    }
    let mut failing = config.clone();
    failing.password_command = "exit 7".into();
    let text = mail_error(fetch_into(&r.db, &failing, "imaps://u@127.0.0.1:1/INBOX", &r.record));
    assert!(text.contains("mail.password_command") && text.contains('7'), "{text}");
}

#[test]
fn a_folder_with_a_chinese_name_is_read_by_its_modified_utf7_name() {
    // 工单 is `&XeVTVQ-` in modified UTF-7; Maildir++ keeps it as `.&XeVTVQ-`.
    let Some(server) = Dovecot::start_in(&messages(2), true, ".&XeVTVQ-") else {
        return;
    };
    let r = run();
    let source = format!("imaps://{USER}@127.0.0.1:{}/工单", server.imaps_port);
    let taken = fetch_into(&r.db, &config(&server.ca_pem()), &source, &r.record).unwrap();
    assert_eq!(new_tickets(&taken), 2, "{}", server.log());
    assert_eq!(server.flags_in(".&XeVTVQ-"), ["S", "S"]);
}

#[test]
fn the_position_asks_for_newer_uids_until_the_folder_is_renumbered() {
    let Some(server) = Dovecot::start(&messages(2), true) else {
        return;
    };
    let r = run();
    let (config, source) = (config(&server.ca_pem()), server.imaps_url());
    fetch_into(&r.db, &config, &source, &r.record).unwrap();
    let mut store = r.db.store();
    let position = store.read(|tx| tx.imap_position(&source)).unwrap().expect("a position");
    assert_eq!(position.last_uid, 2);
    let set = |store: &mut Store, uid_validity, last_uid| {
        let at = ImapPosition { uid_validity, last_uid };
        store.write(|tx| tx.set_imap_position(&source, at, 0)).unwrap();
    };
    // Past both UIDs: nothing is asked for, even after the mail is unread again.
    std::fs::remove_file(&r.record).unwrap();
    set(&mut store, position.uid_validity, 99);
    assert_eq!(fetch_into(&r.db, &config, &source, &r.record).unwrap(), []);
    // Before them: both are read again (and found by deliver).
    set(&mut store, position.uid_validity, 0);
    assert_eq!(fetch_into(&r.db, &config, &source, &r.record).unwrap().len(), 2);
    // Another UIDVALIDITY: the stored UID means nothing; what is unread is
    // taken, and here all is read already.
    set(&mut store, position.uid_validity.wrapping_add(1), 0);
    assert_eq!(fetch_into(&r.db, &config, &source, &r.record).unwrap(), []);
    let now = store.read(|tx| tx.imap_position(&source)).unwrap().unwrap();
    assert_eq!(
        now.uid_validity,
        position.uid_validity.wrapping_add(1),
        "untouched when nothing was taken"
    );
}
