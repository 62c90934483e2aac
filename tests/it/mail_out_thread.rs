//! The whole round trip: a customer's mail opens a ticket, the reply goes
//! back by e-mail, and the customer's answer to it joins the same ticket by
//! its `In-Reply-To` alone (no tag in the subject).

use crate::common::*;
use mail_parser::MessageParser;

#[test]
fn the_customers_answer_to_a_sent_reply_threads_back() {
    let desk = Desk::new();
    let dir = tempfile::tempdir().unwrap();
    let sent = dir.path().join("sent.eml");
    let sendmail = toml::Value::String(format!("cat > {}", sent.display())).to_string();
    let config = format!("[mail]\naddress = \"support@acme.example\"\nname = \"Acme\"\nsendmail = {sendmail}\n");
    std::fs::write(desk.dir().join("no-such-config.toml"), config).unwrap();

    let first = dir.path().join("first.eml");
    std::fs::write(
        &first,
        "From: =?UTF-8?B?5p2O6Zu3?= <li.lei@example.com>\r\nTo: support@acme.example\r\n\
         Subject: =?UTF-8?B?6YCA5qy+6L+b5bqm?=\r\nMessage-ID: <first@customer.example>\r\n\
         Date: Mon, 02 Mar 2026 07:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWhere is my refund?\r\n",
    )
    .unwrap();
    desk.ok(&["mail", "import", first.to_str().unwrap()]);
    desk.ok(&["ticket", "reply", "1", "--send", "--summary", "退款已处理。"]);
    let bytes = std::fs::read(&sent).unwrap();
    let reply = MessageParser::default().parse(&bytes[..]).unwrap();
    assert_eq!(reply.subject(), Some("Re: 退款进度 [#1]"));
    assert_eq!(reply.in_reply_to().as_text(), Some("first@customer.example"));
    let reply_id = reply.message_id().unwrap().to_string();

    let answer = dir.path().join("answer.eml");
    std::fs::write(
        &answer,
        format!(
            "From: li.lei@example.com\r\nTo: support@acme.example\r\nSubject: thanks\r\n\
             Message-ID: <second@customer.example>\r\nIn-Reply-To: <{reply_id}>\r\n\
             Date: Mon, 02 Mar 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGot it, thanks.\r\n"
        ),
    )
    .unwrap();
    desk.ok_at("2026-03-02T10:00:00Z", &["mail", "import", answer.to_str().unwrap()]);
    let tickets = desk.json(&["ticket", "list"]);
    assert_eq!(tickets.as_array().unwrap().len(), 1, "{tickets}");
    let ticket = desk.show_ticket(1);
    let directions: Vec<&str> = ticket["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["direction"].as_str().unwrap())
        .collect();
    assert_eq!(directions.iter().filter(|d| **d == "in").count(), 2, "{directions:?}");
    assert_eq!(directions.iter().filter(|d| **d == "out").count(), 1, "{directions:?}");
}
