//! The full-text index through the store and the service layer: what each
//! kind of term finds, the ranking, harmless query syntax, and the index
//! kept exact through every write (edits, replies, logged calls, rows moved
//! by another program such as the sqlite3 shell).

use crate::ticket_support::TicketDesk;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::customers;
use frontdesk::service::interactions::{self, InteractionEdit, LogInput};
use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
use frontdesk::store::{Store, StoreError, TicketQuery};

fn ticket(subject: &str, body: &str) -> TicketInput {
    TicketInput {
        customer: "C1".into(),
        kind: "inquiry".into(),
        subject: subject.into(),
        body: Some(body.into()),
        ..Default::default()
    }
}

/// Four tickets: `a` about a refund in its subject, `b` mentioning a refund
/// once in a late reply, `c` and `d` Chinese and mixed.
struct Found {
    desk: TicketDesk,
    a: i64,
    b: i64,
    c: i64,
    d: i64,
}

fn desk() -> Found {
    let mut desk = TicketDesk::new(
        "王五",
        "2026-03-01T08:00:00Z",
        "2026-03-01T09:00:00Z",
        "张三",
        ticket("Refund please", "The screen cracked on arrival"),
    );
    let a = desk.ticket;
    let (store, ctx) = (&mut desk.store, &desk.ctx);
    let b = tickets::add(
        store,
        ctx,
        &ticket("Screen flickers", "客户上传的照片模糊，北京华联门店购买"),
    )
    .unwrap()
    .ticket
    .id;
    tickets::reply(
        store,
        ctx,
        b,
        "Checked the logs with the customer on the phone today.",
        None,
    )
    .unwrap();
    tickets::reply(
        store,
        ctx,
        b,
        "If it happens again we will refund the purchase in full.",
        None,
    )
    .unwrap();
    let c = tickets::add(store, ctx, &ticket("发票问题", "需要开具增值税发票"))
        .unwrap()
        .ticket
        .id;
    let d = tickets::add(store, ctx, &ticket("iPhone照片无法同步", ""))
        .unwrap()
        .ticket
        .id;
    Found { desk, a, b, c, d }
}

fn search(store: &mut Store, text: &str) -> Vec<i64> {
    store
        .read(|tx| tx.search_tickets(&TicketQuery::default(), text, false))
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect()
}

#[test]
fn each_kind_of_term_finds_its_tickets_best_first() {
    let mut f = desk();
    let (a, b, c, d) = (f.a, f.b, f.c, f.d);
    let cases: Vec<(&str, Vec<i64>)> = vec![
        // English: case and word forms; the subject ranks above a late reply.
        ("refund", vec![a, b]),
        ("REFUNDED", vec![a, b]),
        ("refunds", vec![a, b]),
        ("Refunding", vec![a, b]),
        ("screen", vec![b, a]),
        // Chinese terms of one, two, three and four characters.
        ("照", vec![d, b]),
        ("照片", vec![d, b]),
        ("北京华", vec![b]),
        ("北京华联", vec![b]),
        ("华联北京", vec![]),
        ("发票", vec![c]),
        ("增值税", vec![c]),
        // Mixed, every term required.
        ("iPhone照片", vec![d]),
        ("iphone 同步", vec![d]),
        ("refund 照片", vec![b]),
        ("refund 发票", vec![]),
        ("nothing", vec![]),
        // Query syntax in the user's text is only text.
        ("\"refund", vec![a, b]),
        ("refund*", vec![a, b]),
        ("-refund", vec![a, b]),
        ("subject_words:refund", vec![]),
        ("refund NEAR screen", vec![]),
        ("\"", vec![]),
        ("", vec![]),
    ];
    for (text, expected) in cases {
        assert_eq!(search(&mut f.desk.store, text), expected, "{text:?}");
    }
}

#[test]
fn the_index_follows_edits_replies_and_logged_calls() {
    let mut f = desk();
    let (a, b, c) = (f.a, f.b, f.c);
    let (store, ctx) = (&mut f.desk.store, &f.desk.ctx);

    let changes = TicketChanges {
        subject: Some("Refund of an invoice".into()),
        ..Default::default()
    };
    tickets::set(store, ctx, c, &changes, None).unwrap();
    // Two subjects now say it: the shorter ticket first, the reply last.
    assert_eq!(search(store, "refund"), vec![a, c, b]);
    assert_eq!(search(store, "发票问题"), Vec::<i64>::new());
    assert_eq!(search(store, "发票"), vec![c], "the description still says 发票");

    let reply = tickets::detail(store, ctx, b).unwrap().interactions.last().unwrap().id;
    let edit = InteractionEdit {
        summary: Some("If it happens again we will replace it.".into()),
        body: None,
    };
    interactions::edit(store, ctx, reply, &edit).unwrap();
    assert_eq!(search(store, "refund"), vec![a, c]);
    assert_eq!(search(store, "replace"), vec![b]);

    tickets::note(store, ctx, a, "客户要求退款到原卡").unwrap();
    assert_eq!(search(store, "退款"), vec![a]);

    let call = LogInput {
        customer: "C1".into(),
        channel: "phone".into(),
        summary: "客户来电咨询退款进度".into(),
        ..Default::default()
    };
    let logged = interactions::log(store, ctx, &call).unwrap();
    assert_eq!(search(store, "退款"), vec![a], "a logged call is not a ticket");
    let found = store.read(|tx| tx.search_contacts("退款进度", 10)).unwrap();
    assert_eq!(found.iter().map(|i| i.id).collect::<Vec<_>>(), vec![logged.id]);
    let none = store.read(|tx| tx.search_contacts("原卡", 10)).unwrap();
    assert!(none.is_empty(), "a ticket's note is found with its ticket");
}

#[test]
fn rows_written_by_another_program_are_indexed_by_the_next_write() {
    let mut f = desk();
    let (a, b) = (f.a, f.b);
    // As the sqlite3 shell would: move b's replies to a, change a subject.
    let raw = rusqlite::Connection::open(f.desk.store.path()).unwrap();
    raw.execute_batch(&format!(
        "UPDATE interactions SET ticket_id = {a} WHERE ticket_id = {b};
         UPDATE tickets SET subject = 'Display issue' WHERE id = {b};"
    ))
    .unwrap();
    drop(raw);
    f.desk.store.write(|_| Ok::<_, StoreError>(())).unwrap();
    assert_eq!(search(&mut f.desk.store, "refund"), vec![a]);
    assert_eq!(search(&mut f.desk.store, "display"), vec![b]);
    assert_eq!(search(&mut f.desk.store, "flickers"), Vec::<i64>::new());
}

#[test]
fn a_merge_of_customers_keeps_their_tickets_findable() {
    let mut f = desk();
    let (store, ctx) = (&mut f.desk.store, &f.desk.ctx);
    let other = CustomerInput {
        name: Some("张三丰".into()),
        code: Some("C2".into()),
        ..Default::default()
    };
    customers::add(store, ctx, &other).unwrap();
    let e = tickets::add(
        store,
        ctx,
        &TicketInput {
            customer: "C2".into(),
            ..ticket("退款申请", "")
        },
    )
    .unwrap()
    .ticket
    .id;
    // No agent is listed yet, so everyone may merge.
    frontdesk::service::merge::merge(store, ctx, "C1", "C2").unwrap();
    let c1 = store.read(|tx| tx.customer_by_key("C1")).unwrap().id;
    let q = TicketQuery {
        customer_id: Some(c1),
        ..Default::default()
    };
    let found = store.read(|tx| tx.search_tickets(&q, "退款", false)).unwrap();
    assert_eq!(found.iter().map(|t| t.id).collect::<Vec<_>>(), vec![e]);
    assert_eq!(search(store, "退款申请"), vec![e]);
}
