//! The mail store paths (`store/mail_*.rs`) on every engine
//! (`engines::every_engine`): each fixture message ingested through
//! `service::mail::ingest`, then the same message again (taken exactly
//! once); the outcomes and the tickets, interactions and customers they made
//! are SQLite's on PostgreSQL too.

use crate::engines::{every_engine, same_on_every_engine};
use crate::mail_support::{ctx, fixture};
use frontdesk::config::Config;
use frontdesk::service::mail::outbox::{self, SendReport};
use frontdesk::service::progress::Quiet;
use frontdesk::service::{customers, export};
use serde_json::Value as Json;

const FIXTURES: [&str; 10] = [
    "gbk.eml",
    "gb2312.eml",
    "gb18030.eml",
    "big5.eml",
    "qp.eml",
    "html.eml",
    "attachments.eml",
    "autoreply.eml",
    "bounce.eml",
    "gbk.eml",
];

#[test]
fn mail_is_ingested_into_the_same_tickets_exactly_once() {
    let mut config = Config::defaults().mail;
    config.address = "support@acme.test".into();
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let outcomes: Vec<String> = FIXTURES
            .iter()
            .map(|name| {
                let taken = frontdesk::service::mail::ingest(store, &ctx(), &config, &fixture(name), "test")
                    .unwrap_or_else(|err| panic!("{}: {name}: {err:?}", e.name));
                format!("{taken:?}")
            })
            .collect();
        assert_ne!(outcomes[0], outcomes[9], "{}: the same message twice", e.name);
        let mut rows: Vec<Json> = Vec::new();
        let mut push = |row: Json| {
            rows.push(row);
            Ok(())
        };
        export::customers(store, &Quiet, &mut |r| push(serde_json::to_value(r).unwrap())).unwrap();
        export::ticket_records(store, &Quiet, &mut |r| push(serde_json::to_value(r).unwrap())).unwrap();
        export::interactions(store, &Quiet, &mut |r| push(serde_json::to_value(r).unwrap())).unwrap();
        let live_customers = customers::list(store, &Default::default(), None).unwrap().len();
        answers.push((e.name, (outcomes, rows, live_customers)));
    }
    same_on_every_engine(answers);
}

/// Nothing due: the outbox's count, with no message named, is nothing on
/// every engine, and no server is called.
#[test]
fn an_empty_outbox_sends_nothing() {
    let config = Config::defaults().mail;
    for mut e in every_engine() {
        let report =
            outbox::send_due(&mut e.store, &ctx(), &config, &Quiet).unwrap_or_else(|err| panic!("{}: {err:?}", e.name));
        assert_eq!(report, SendReport::default(), "{}", e.name);
    }
}
