//! Full-text search on every engine (`engines::every_engine`): tickets,
//! ticketless contacts, snippets and the knowledge base must give the same
//! hits on a SQLite file (FTS5) and on PostgreSQL (tsvector, pg_trgm).
//!
//! Where the ranking is defined (a term in one ticket's subject against a
//! mention deep in another's text; equal texts, newest first) the tests
//! assert the same ids in the same order; where two hits rank by how bm25
//! and ts_rank_cd weigh lengths, they assert the same set (said at each).

use crate::engines::every_engine;
use chrono::{TimeZone, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::interactions::{InteractionEdit, LogInput};
use frontdesk::service::search::{self, Found};
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, customers, interactions, kb, tickets};
use frontdesk::store::Store;

fn ctx() -> Ctx {
    Ctx::new("王五", Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap())
}

fn customer(store: &mut Store, name: &str) -> String {
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(store, &ctx(), &input).unwrap().code
}

fn ticket(store: &mut Store, customer: &str, subject: &str, body: &str) -> i64 {
    let input = TicketInput {
        customer: customer.into(),
        kind: "complaint".into(),
        subject: subject.into(),
        body: Some(body.into()),
        ..Default::default()
    };
    tickets::add(store, &ctx(), &input).unwrap().ticket.id
}

/// Ids of the tickets matching `text`, any status, best first.
fn found(store: &mut Store, text: &str) -> Vec<i64> {
    ids(&search::tickets(store, &ctx(), text, true, 0).unwrap())
}

fn ids(found: &[Found]) -> Vec<i64> {
    found.iter().map(|f| f.view.ticket.id).collect()
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

#[test]
fn english_words_their_stems_and_chinese_terms_of_any_length_find_the_same_tickets() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customer(store, "张三");
        let refund = ticket(store, &c, "Refund not received", "客户说退款一直没有到账");
        let photo = ticket(store, &c, "照片上传失败", "The photos are blurry, see a@b.com or 12.5");
        let mall = ticket(store, &c, "北京华联门店投诉", "Store staff were rude");
        let apart = ticket(store, &c, "北京，京华", "two runs");
        let cases: &[(&str, Vec<i64>)] = &[
            ("refund", vec![refund]),
            ("REFUNDED", vec![refund]),   // stemmed form, any case
            ("photo", vec![photo]),       // the stem of `photos`
            ("退", vec![refund]),         // one character
            ("到账", vec![refund]),       // two characters
            ("北京华联", vec![mall]),     // four characters: the phrase of pairs
            ("京华", vec![apart, mall]),  // both subjects: the shorter (and newer) first
            ("北京华", vec![mall]),       // never across two runs
            ("照片 blurry", vec![photo]), // every term required, across parts
            ("照片 rude", vec![]),
            ("b com", vec![photo]), // an address split as FTS5 splits it
            ("12", vec![photo]),
            ("missing", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(&found(store, text), expected, "{}: {text:?}", e.name);
        }
    }
}

#[test]
fn a_subject_match_ranks_above_a_mention_deep_in_the_text_and_equal_texts_newest_first() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customer(store, "李四");
        let about = ticket(store, &c, "Refund request", "please help");
        let long = "the printer jams on every page and the tray is stuck ".repeat(8);
        let mention = ticket(store, &c, "Printer jam", &format!("{long} maybe a refund {long}"));
        // Same order on both engines: the ranking is defined here.
        assert_eq!(found(store, "refund"), [about, mention], "{}", e.name);
        let first = ticket(store, &c, "快递丢失", "包裹没有收到");
        let second = ticket(store, &c, "快递丢失", "包裹没有收到");
        assert_eq!(found(store, "快递"), [second, first], "{}", e.name);
    }
}

#[test]
fn interactions_ticketless_contacts_archived_customers_and_edits_are_searched_alike() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customer(store, "王芳");
        let id = ticket(store, &c, "Invoice wrong", "amount differs");
        let note = tickets::note(store, &ctx(), id, "已联系财务重新开票 warehouse").unwrap();
        assert_eq!(found(store, "开票"), [id], "{}: a term of an interaction", e.name);
        assert_eq!(found(store, "warehouse"), [id], "{}", e.name);

        // The index follows writes: an edited text is found by its new
        // words only.
        let edit = InteractionEdit {
            summary: Some("已联系仓库 depot".into()),
            body: None,
        };
        interactions::edit(store, &ctx(), note.id, &edit).unwrap();
        assert_eq!(found(store, "warehouse"), Vec::<i64>::new(), "{}", e.name);
        assert_eq!(found(store, "开票"), Vec::<i64>::new(), "{}", e.name);
        assert_eq!(found(store, "仓库 depot"), [id], "{}", e.name);

        // A contact logged without a ticket: found among contacts, never
        // among tickets.
        let log = LogInput {
            customer: c.clone(),
            channel: "phone".into(),
            direction: None,
            summary: "回访客户，满意 callback".into(),
            ticket: None,
            at: None,
        };
        let logged = interactions::log(store, &ctx(), &log).unwrap();
        let contacts = search::contacts(store, "回访 callbacks", None, 0).unwrap();
        let contact_ids: Vec<i64> = contacts.iter().map(|f| f.interaction.id).collect();
        assert_eq!(contact_ids, [logged.id], "{}", e.name);
        assert_eq!(
            contacts[0].snippet.as_deref(),
            Some("回访客户，满意 callback"),
            "{}",
            e.name
        );
        assert!(
            search::contacts(store, "回访", Some(&c), 0).unwrap().len() == 1,
            "{}: of one customer",
            e.name
        );
        assert_eq!(found(store, "回访"), Vec::<i64>::new(), "{}", e.name);

        // An archived customer's tickets stay searchable.
        let gone = customer(store, "赵六");
        let old = ticket(store, &gone, "Archived refund", "旧工单");
        customers::archive(store, &ctx(), &gone).unwrap();
        assert_eq!(found(store, "旧工单"), [old], "{}", e.name);
    }
}

#[test]
fn snippets_show_the_same_line_on_every_engine() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customer(store, "陈七");
        let id = ticket(store, &c, "Login fails", "用户反馈验证码收不到，已经重试三次");
        tickets::note(store, &ctx(), id, "SMS gateway restarted").unwrap();
        let hits = search::tickets(store, &ctx(), "验证码", true, 0).unwrap();
        assert_eq!(ids(&hits), [id], "{}", e.name);
        assert_eq!(
            hits[0].snippet.as_deref(),
            Some("用户反馈验证码收不到，已经重试三次"),
            "{}",
            e.name
        );
        let hits = search::tickets(store, &ctx(), "gateway", true, 0).unwrap();
        assert_eq!(hits[0].snippet.as_deref(), Some("SMS gateway restarted"), "{}", e.name);
    }
}

#[test]
fn the_knowledge_base_finds_english_and_chinese_terms_alike() {
    for mut e in every_engine() {
        let store = &mut e.store;
        let add = |store: &mut Store, title: &str, body: &str, tags: &str| {
            kb::add(store, &ctx(), title, body, None, Some(tags)).unwrap().id
        };
        let refund = add(
            store,
            "如何申请退款",
            "Refunds take 3-5 working days. 退款到账时间",
            "退款,billing",
        );
        let invoice = add(store, "发票开具", "Invoices are issued monthly. 50% off", "invoice");
        let delivery = add(store, "Delivery delays", "快递延误时请先安抚客户，再查询物流", "物流");
        // Sets: the order of several hits follows bm25 on SQLite and
        // title similarity on PostgreSQL.
        let cases: &[(&str, Vec<i64>)] = &[
            ("refund", vec![refund]),          // a long term, any case
            ("REFUNDS working", vec![refund]), // every term required
            ("退款", vec![refund]),            // a short Chinese term
            ("申请退款", vec![refund]),        // a long Chinese term
            ("物流", vec![delivery]),          // in tags and body
            ("安抚客户", vec![delivery]),
            ("issued", vec![invoice]),
            ("50%", vec![invoice]), // LIKE's wildcard taken literally
            ("5%", vec![]),
            ("ay", vec![refund, delivery]), // a short term: substrings
            ("nothing", vec![]),
        ];
        for (text, expected) in cases {
            let hits: Vec<i64> = kb::search(store, text, 10).unwrap().iter().map(|a| a.id).collect();
            assert_eq!(sorted(hits), *expected, "{}: {text:?}", e.name);
        }
    }
}

/// Runs `sql` on a database from outside frontdesk (the sqlite3 shell, psql).
enum Outside {
    File(rusqlite::Connection),
    Server(postgres::Client),
}

impl Outside {
    fn run(&mut self, sql: &str) {
        match self {
            Outside::File(conn) => conn.execute_batch(sql).unwrap(),
            Outside::Server(client) => client.batch_execute(sql).unwrap(),
        }
    }

    /// Whether the index table `table` holds row `id` (SQLite's contentless
    /// FTS5 table tells through its docsize table).
    fn indexed(&mut self, table: &str, id: i64) -> bool {
        match self {
            Outside::File(conn) => conn
                .query_row(
                    &format!("SELECT count(*) FROM {table}_docsize WHERE id = ?1"),
                    [id],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                .eq(&1),
            Outside::Server(client) => client
                .query_one(&format!("SELECT count(*) FROM {table} WHERE id = $1"), &[&id])
                .unwrap()
                .get::<_, i64>(0)
                .eq(&1),
        }
    }
}

/// A store on each engine with a second connection to its database.
fn stores_with_outside() -> Vec<(&'static str, Store, Outside, Box<dyn std::any::Any>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fd.db");
    let store = Store::create(&path, &frontdesk::store::OpenOptions::default()).unwrap();
    let file = Outside::File(rusqlite::Connection::open(&path).unwrap());
    let mut out: Vec<(&'static str, Store, Outside, Box<dyn std::any::Any>)> =
        vec![("sqlite", store, file, Box::new(dir))];
    if let Some(db) = crate::pg_server::TestDb::fresh() {
        let connect = || postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
        let store = Store::on_postgres(connect(), &db.url, &frontdesk::store::OpenOptions::default()).unwrap();
        out.push(("postgres", store, Outside::Server(connect()), Box::new(db)));
    }
    out
}

#[test]
fn rows_deleted_outside_frontdesk_leave_the_index_at_the_next_write() {
    for (name, mut store, mut outside, _keep) in stores_with_outside() {
        let store = &mut store;
        let c = customer(store, "孙八");
        let kept = ticket(store, &c, "退款 kept", "");
        let gone = ticket(store, &c, "退款 gone", "");
        let log = LogInput {
            customer: c.clone(),
            channel: "phone".into(),
            direction: None,
            summary: "投诉电话".into(),
            ticket: None,
            at: None,
        };
        let contact = interactions::log(store, &ctx(), &log).unwrap();
        assert_eq!(sorted(found(store, "退款")), [kept, gone], "{name}");
        assert!(
            outside.indexed("ticket_text", gone) && outside.indexed("contact_text", contact.id),
            "{name}"
        );
        outside.run(&format!(
            "DELETE FROM interactions WHERE ticket_id = {gone} OR id = {};
             DELETE FROM ticket_events WHERE ticket_id = {gone};
             DELETE FROM tickets WHERE id = {gone};",
            contact.id
        ));
        customer(store, "any write"); // flushes what the triggers marked
        assert_eq!(found(store, "退款"), [kept], "{name}");
        assert!(
            !outside.indexed("ticket_text", gone),
            "{name}: the ticket's row is gone"
        );
        assert!(
            !outside.indexed("contact_text", contact.id),
            "{name}: the contact's row is gone"
        );
        assert!(outside.indexed("ticket_text", kept), "{name}");
        assert!(search::contacts(store, "投诉", None, 0).unwrap().is_empty(), "{name}");
    }
}
