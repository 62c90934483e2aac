//! Mail into tickets through `service::mail::ingest` on a temp database:
//! each fixture's ticket, interactions and customer; set-aside mail;
//! threading by header and by tag; reopening; exactly once; merges.

use crate::mail_support::*;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::{Channel, Direction, TicketKind, TicketStatus};
use frontdesk::domain::mail::SetAside;
use frontdesk::service::mail::Ingested;
use frontdesk::service::{customers, merge, tickets};

fn new_ticket(outcome: &Ingested) -> (i64, i64) {
    match outcome {
        Ingested::NewTicket {
            ticket_id,
            interaction_id,
        } => (*ticket_id, *interaction_id),
        other => panic!("not a new ticket: {other:?}"),
    }
}

#[test]
fn each_fixture_opens_a_ticket_for_its_sender() {
    // (file, customer name, address, subject, words of the text)
    let cases = [
        (
            "gbk.eml",
            "张三",
            "zhang.san@example.cn",
            "退款进度查询",
            "订单 A-1001 申请退款",
        ),
        ("gb2312.eml", "李四", "lisi@example.cn", "发票问题", "重新开具发票"),
        ("gb18030.eml", "王五", "wangwu@example.cn", "𠮷野家的订单", "价格 €20"),
        ("big5.eml", "陳小明", "chen@example.tw", "訂單還沒到", "請幫忙查詢"),
        (
            "qp.eml",
            "Renée Dubois",
            "renee@example.fr",
            "Café machine broken — 咖啡机",
            "咖啡机坏了",
        ),
        (
            "html.eml",
            "Tom Baker",
            "tom@example.com",
            "Printer jams",
            "第二行：卡纸了。",
        ),
        (
            "attachments.eml",
            "Anna Lee",
            "anna@example.com",
            "Quote attached",
            "Please see the quote",
        ),
    ];
    let mut desk = MailDesk::new();
    for (file, name, address, subject, words) in cases {
        let (ticket_id, interaction_id) = new_ticket(&desk.take_fixture(file));
        let d = tickets::detail(&mut desk.store, &ctx(), ticket_id).unwrap();
        let t = &d.view.ticket;
        assert!(t.subject.starts_with(subject), "{file}: {}", t.subject);
        assert_eq!(t.channel, Channel::Email, "{file}");
        assert_eq!(t.kind, TicketKind::Inquiry, "{file}");
        assert_eq!(t.status, TicketStatus::New, "{file}");
        assert!(t.description.contains(words), "{file}: {}", t.description);
        assert!(t.opened_at < now(), "{file}: opened at the Date header");
        assert_eq!(d.interactions.len(), 1, "{file}");
        let i = &d.interactions[0];
        assert_eq!(
            (i.id, i.direction, i.channel),
            (interaction_id, Direction::Inbound, Channel::Email)
        );
        assert_eq!(i.summary, t.subject);
        assert!(i.body.contains(words), "{file}: {}", i.body);
        let c = customers::get(&mut desk.store, &t.customer_id.to_string()).unwrap();
        assert_eq!((c.name.as_str(), c.email.as_str()), (name, address), "{file}");
    }
    assert_eq!(desk.count("SELECT count(*) FROM customers"), 7);
    assert_eq!(desk.count("SELECT count(*) FROM mail_addresses"), 7);
}

#[test]
fn auto_replies_and_bounces_are_set_aside_and_nothing_else_is_written() {
    let mut desk = MailDesk::new();
    assert_eq!(
        desk.take_fixture("autoreply.eml"),
        Ingested::SetAside(SetAside::AutoReply)
    );
    assert_eq!(desk.take_fixture("bounce.eml"), Ingested::SetAside(SetAside::Bounce));
    let loop_mail =
        b"From: Support <SUPPORT@acme.test>\r\nMessage-ID: <own-1@acme.test>\r\nSubject: Re: x\r\n\r\nhi\r\n";
    assert_eq!(desk.take(loop_mail), Ingested::SetAside(SetAside::Loop));
    assert_eq!(
        desk.take(b"\x00\x01 not mail"),
        Ingested::SetAside(SetAside::Unreadable)
    );
    assert_eq!(desk.take(b"\x00\x01 not mail"), Ingested::Duplicate);
    for table in [
        "customers",
        "tickets",
        "interactions",
        "mail_addresses",
        "mail_attachments",
    ] {
        assert_eq!(desk.count(&format!("SELECT count(*) FROM {table}")), 0, "{table}");
    }
    assert_eq!(
        desk.count("SELECT count(*) FROM mail_messages WHERE set_aside IS NOT NULL AND ticket_id IS NULL"),
        4
    );
}

#[test]
fn a_reply_with_only_the_subject_tag_joins_its_ticket() {
    let mut desk = MailDesk::new();
    let (ticket_id, _) = new_ticket(&desk.take_fixture("gbk.eml"));
    assert_eq!(ticket_id, 1, "the tag in reply-tag.eml names ticket 1");
    let outcome = desk.take_fixture("reply-tag.eml");
    let Ingested::Reply {
        ticket_id: joined,
        reopened,
        ..
    } = outcome
    else {
        panic!("not a reply: {outcome:?}");
    };
    assert_eq!((joined, reopened), (1, false));
    let d = tickets::detail(&mut desk.store, &ctx(), 1).unwrap();
    assert_eq!(d.interactions.len(), 2);
    assert!(d.interactions.iter().any(|i| i.body == "还是没有收到退款。"));
    // The sender's address is known now, letter case aside: one customer.
    assert_eq!(desk.count("SELECT count(*) FROM customers"), 1);
    // A tag naming no ticket opens a new one.
    let stray = "From: x@example.test\r\nMessage-ID: <stray@x>\r\nSubject: Re: [#99] hello\r\n\r\nhi\r\n";
    assert!(matches!(desk.take(stray.as_bytes()), Ingested::NewTicket { .. }));
}

#[test]
fn a_reply_by_in_reply_to_reopens_a_resolved_ticket() {
    let mut desk = MailDesk::new();
    let (ticket_id, _) = new_ticket(&desk.take_fixture("gbk.eml"));
    tickets::reply(&mut desk.store, &ctx(), ticket_id, "退款已处理", None).unwrap();
    tickets::resolve(&mut desk.store, &ctx(), ticket_id, None).unwrap();
    let outcome = desk.take_fixture("reply-in-reply-to.eml");
    assert!(
        matches!(
            outcome,
            Ingested::Reply {
                ticket_id: 1,
                reopened: true,
                ..
            }
        ),
        "{outcome:?}"
    );
    let d = tickets::detail(&mut desk.store, &ctx(), ticket_id).unwrap();
    let t = &d.view.ticket;
    assert_eq!(t.status, TicketStatus::Open);
    assert_eq!(t.reopen_count, 1);
    assert_eq!(t.resolved_at, None, "the resolution clock restarts");
    assert!(
        d.audit
            .iter()
            .any(|a| a.field == "status" && a.old_value.as_deref() == Some("resolved")),
        "{:?}",
        d.audit
    );
    let last = d.interactions.iter().max_by_key(|i| i.id).unwrap();
    assert_eq!(last.direction, Direction::Inbound);
    assert_eq!(last.body, "退款又被退回了，请再看一下。");
    assert_eq!(
        desk.count("SELECT count(*) FROM ticket_events WHERE event = 'reopened'"),
        1
    );
}

#[test]
fn the_same_message_is_stored_once() {
    let mut desk = MailDesk::new();
    assert!(matches!(
        desk.take_fixture("attachments.eml"),
        Ingested::NewTicket { .. }
    ));
    assert_eq!(desk.take_fixture("attachments.eml"), Ingested::Duplicate);
    assert_eq!(desk.count("SELECT count(*) FROM tickets"), 1);
    assert_eq!(desk.count("SELECT count(*) FROM interactions"), 1);
    assert_eq!(desk.count("SELECT count(*) FROM mail_attachments"), 2);
    // The same files in another message: new rows, the contents kept once.
    let again = String::from_utf8(fixture("attachments.eml"))
        .unwrap()
        .replace("<att-1@example.com>", "<att-2@example.com>");
    assert!(matches!(desk.take(again.as_bytes()), Ingested::NewTicket { .. }));
    assert_eq!(desk.count("SELECT count(*) FROM mail_attachments"), 4);
    assert_eq!(desk.count("SELECT count(*) FROM mail_blobs"), 2);
}

#[test]
fn an_attachment_over_the_cap_is_named_in_the_text_and_not_kept() {
    let mut desk = MailDesk::new();
    desk.config.attachment_max_kb = 0;
    let (ticket_id, _) = new_ticket(&desk.take_fixture("attachments.eml"));
    assert_eq!(desk.count("SELECT count(*) FROM mail_attachments"), 0);
    let d = tickets::detail(&mut desk.store, &ctx(), ticket_id).unwrap();
    assert!(
        d.interactions[0].body.contains("attachment not kept"),
        "{}",
        d.interactions[0].body
    );
    assert!(d.interactions[0].body.contains("报价.pdf"));
}

#[test]
fn the_sender_is_found_by_a_customer_email_letter_case_aside() {
    let mut desk = MailDesk::new();
    let input = CustomerInput {
        name: Some("张三 (VIP)".into()),
        email: Some("Zhang.San@Example.cn".into()),
        ..Default::default()
    };
    let c = customers::add(&mut desk.store, &ctx(), &input).unwrap();
    let (ticket_id, _) = new_ticket(&desk.take_fixture("gbk.eml"));
    let t = tickets::get(&mut desk.store, &ctx(), ticket_id).unwrap();
    assert_eq!(t.ticket.customer_id, c.id);
    assert_eq!(desk.count("SELECT count(*) FROM customers"), 1);
}

#[test]
fn a_merged_customer_keeps_their_addresses() {
    let mut desk = MailDesk::new();
    desk.take_fixture("gbk.eml");
    let keep = customers::add(
        &mut desk.store,
        &ctx(),
        &CustomerInput {
            name: Some("张三".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let merged_away = desk.count("SELECT customer_id FROM mail_addresses WHERE address = 'zhang.san@example.cn'");
    merge::merge(&mut desk.store, &ctx(), &keep.code, &merged_away.to_string()).unwrap();
    assert_eq!(
        desk.count("SELECT customer_id FROM mail_addresses WHERE address = 'zhang.san@example.cn'"),
        keep.id
    );
    let sql = format!("SELECT count(*) FROM mail_messages WHERE customer_id <> {}", keep.id);
    assert_eq!(desk.count(&sql), 0, "the messages follow their sender");
    // Their next message (a new thread) is the kept customer's.
    let next = "From: zhang.san@example.cn\r\nMessage-ID: <next@example.cn>\r\nSubject: 新问题\r\n\r\n你好\r\n";
    let (ticket_id, _) = new_ticket(&desk.take(next.as_bytes()));
    let t = tickets::get(&mut desk.store, &ctx(), ticket_id).unwrap();
    assert_eq!(t.ticket.customer_id, keep.id);
}
