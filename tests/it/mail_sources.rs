//! Mail from this machine's files: an mbox imported twice adds nothing the
//! second time; a Maildir fetched moves what it took to cur/ and, fetched
//! again, adds nothing; a source that fails does not stop the next one.

use crate::mail_support::*;
use frontdesk::service::mail::fetch;
use frontdesk::service::progress::Quiet;

fn told(e: &frontdesk::service::Error) -> String {
    e.to_string()
}

fn customer_mail() -> Vec<Vec<u8>> {
    ["gbk.eml", "big5.eml", "html.eml", "autoreply.eml", "reply-tag.eml"]
        .iter()
        .map(|f| fixture(f))
        .collect()
}

#[test]
fn the_same_mbox_imported_twice_adds_nothing_the_second_time() {
    let mut desk = MailDesk::new();
    // A body line starting with "From " comes back unquoted.
    let mut messages = customer_mail();
    messages.push(b"From: a@x.test\nMessage-ID: <from-line@x>\nSubject: s\n\nFrom here on\n".to_vec());
    let path = desk.dir.path().join("inbox.mbox");
    std::fs::write(&path, mbox(&messages)).unwrap();
    let first = fetch::import(
        &mut desk.store,
        &ctx(),
        &desk.config,
        std::slice::from_ref(&path),
        &Quiet,
        &told,
    )
    .unwrap();
    assert_eq!((first.read, first.new_tickets, first.replies), (6, 4, 1));
    assert_eq!(first.set_aside.get("auto-reply"), Some(&1));
    assert!(first.failed.is_empty());
    let dump = desk.count("SELECT count(*) FROM interactions");
    let second = fetch::import(&mut desk.store, &ctx(), &desk.config, &[path], &Quiet, &told).unwrap();
    assert_eq!((second.read, second.duplicates, second.new_tickets), (6, 6, 0));
    assert_eq!(desk.count("SELECT count(*) FROM interactions"), dump);
    assert_eq!(
        desk.count("SELECT count(*) FROM tickets WHERE description = 'From here on'"),
        1
    );
}

#[test]
fn a_maildir_fetched_twice_moves_what_it_took_and_adds_nothing_again() {
    let mut desk = MailDesk::new();
    let dir = maildir(&desk.dir.path().join("Maildir"), &customer_mail());
    desk.config.sources = vec![format!("maildir:{}", dir.display())];
    let first = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    assert_eq!((first.read, first.new_tickets, first.replies), (5, 3, 1), "{first:?}");
    assert_eq!(std::fs::read_dir(dir.join("new")).unwrap().count(), 0);
    let cur: Vec<String> = std::fs::read_dir(dir.join("cur"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(cur.len(), 5);
    assert!(cur.iter().all(|n| n.ends_with(":2,S")), "{cur:?}");
    let tickets = desk.count("SELECT count(*) FROM tickets");
    let second = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    assert_eq!((second.read, second.duplicates), (5, 5), "{second:?}");
    assert_eq!(desk.count("SELECT count(*) FROM tickets"), tickets);
}

#[test]
fn a_message_left_in_new_after_a_crash_is_not_taken_twice() {
    // The commit happened, the move to cur/ did not: put the file back.
    let mut desk = MailDesk::new();
    let dir = maildir(&desk.dir.path().join("Maildir"), &[fixture("gbk.eml")]);
    desk.config.sources = vec![format!("maildir:{}", dir.display())];
    fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    let moved = std::fs::read_dir(dir.join("cur"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::rename(&moved, dir.join("new").join("back")).unwrap();
    let again = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    assert_eq!((again.read, again.duplicates), (1, 1));
    assert_eq!(desk.count("SELECT count(*) FROM tickets"), 1);
}

#[test]
fn a_failing_source_is_reported_and_the_next_one_is_still_read() {
    let mut desk = MailDesk::new();
    let dir = maildir(&desk.dir.path().join("Maildir"), &[fixture("gbk.eml")]);
    let not_maildir = desk.dir.path().join("plain-folder");
    std::fs::create_dir(&not_maildir).unwrap();
    desk.config.sources = vec![
        "mbox:/no/such/file".into(),
        format!("maildir:{}", not_maildir.display()),
        "pop3://mail.test".into(),
        "imaps://ann:secret@127.0.0.1:1/INBOX".into(),
        format!("maildir:{}", dir.display()),
    ];
    let report = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    let failed: Vec<&str> = report.failed.iter().map(|f| f.source.as_str()).collect();
    assert_eq!(failed.len(), 4, "{report:?}");
    assert_eq!(failed[0], "mbox:/no/such/file");
    assert_eq!(failed[3], "imaps://ann:***@127.0.0.1:1/INBOX", "no password shown");
    assert_eq!(report.new_tickets, 1);
}

/// Local mail goes in a batch per transaction: more messages than one
/// batch holds all go in once, each moved to cur/ after its batch, and a
/// message repeated inside one batch is stored once.
#[test]
fn a_maildir_larger_than_a_batch_is_taken_whole_and_once() {
    let mut desk = MailDesk::new();
    let mut messages: Vec<Vec<u8>> = (0..450).map(|n| numbered_mail(n, "客户")).collect();
    messages.push(numbered_mail(3, "客户"));
    let dir = maildir(&desk.dir.path().join("Maildir"), &messages);
    desk.config.sources = vec![format!("maildir:{}", dir.display())];
    let first = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    assert_eq!(
        (first.read, first.new_tickets, first.duplicates),
        (451, 450, 1),
        "{first:?}"
    );
    assert_eq!(std::fs::read_dir(dir.join("new")).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(dir.join("cur")).unwrap().count(), 451);
    assert_eq!(desk.count("SELECT count(*) FROM mail_messages"), 450);
    assert_eq!(desk.count("SELECT count(*) FROM customers"), 7);
    let again = fetch::fetch(&mut desk.store, &ctx(), &desk.config, &Quiet, &told).unwrap();
    assert_eq!((again.read, again.duplicates), (451, 451));
}

/// A message the batch cannot take fails alone: the messages before it in
/// its batch are stored. (A routing rule, written before the team was
/// listed, assigns "order 2" to someone who is not on the team.)
#[test]
fn a_message_that_fails_leaves_the_others_of_its_batch_stored() {
    let mut desk = MailDesk::new();
    desk.raw().batch(
        "INSERT INTO agents (name, role, created_at) VALUES ('wang', 'admin', 0);
         INSERT INTO routing_rules (position, match_keyword, department, assignee)
             VALUES (1, 'order 2', 'service', 'stranger');",
    );
    let messages = vec![numbered_mail(1, "Ann"), numbered_mail(2, "Bo"), numbered_mail(3, "Cy")];
    let path = desk.dir.path().join("inbox.mbox");
    std::fs::write(&path, mbox(&messages)).unwrap();
    let report = fetch::import(&mut desk.store, &ctx(), &desk.config, &[path], &Quiet, &told).unwrap();
    assert_eq!(
        (report.read, report.new_tickets, report.failed.len()),
        (1, 1, 1),
        "{report:?}"
    );
    assert!(report.failed[0].message.contains("stranger"), "{report:?}");
    let stored = |key: &str| {
        desk.count(&format!(
            "SELECT count(*) FROM mail_messages WHERE message_key = '{key}'"
        ))
    };
    assert_eq!(stored("n1@x.test"), 1);
    assert_eq!(stored("n2@x.test"), 0);
}
