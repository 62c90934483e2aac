use super::*;
use chrono::TimeZone;
use mail_parser::MessageParser;

fn draft<'a>(name: &'a str, subject: &'a str, refs: &'a [String]) -> Draft<'a> {
    Draft {
        from_name: "Acme 客服",
        from_address: "support@acme.example",
        to_name: name,
        to_address: "li.lei@example.com",
        subject,
        message_id: "frontdesk.abc@acme.example",
        in_reply_to: Some("<m1@customer.example>"),
        references: refs,
        date: Utc.with_ymd_and_hms(2026, 12, 6, 9, 30, 0).unwrap(),
        body: "您好，退款已处理。\nThanks",
    }
}

/// Every header name of the built message, as a parser reads it back.
fn header_names(bytes: &[u8]) -> Vec<String> {
    let parsed = MessageParser::default().parse(bytes).expect("parses");
    parsed.headers().iter().map(|h| h.name().to_ascii_lowercase()).collect()
}

#[test]
fn a_reply_reads_back_with_its_headers_and_chinese_text() {
    let refs = vec!["m0@customer.example".to_string(), "<m1@customer.example>".to_string()];
    let bytes = build(&draft("李雷", "Re: 退款进度 [#5]", &refs)).unwrap();
    let m = MessageParser::default().parse(&bytes[..]).unwrap();
    let from = m.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("support@acme.example"));
    assert_eq!(from.name(), Some("Acme 客服"));
    let to = m.to().unwrap().first().unwrap();
    assert_eq!((to.name(), to.address()), (Some("李雷"), Some("li.lei@example.com")));
    assert_eq!(m.subject(), Some("Re: 退款进度 [#5]"));
    assert_eq!(m.message_id(), Some("frontdesk.abc@acme.example"));
    assert_eq!(m.in_reply_to().as_text(), Some("m1@customer.example"));
    let refs: Vec<&str> = m
        .references()
        .as_text_list()
        .unwrap()
        .iter()
        .map(|r| r.as_ref())
        .collect();
    assert_eq!(refs, ["m0@customer.example", "m1@customer.example"]);
    // On the wire lines end in CRLF.
    assert_eq!(
        m.body_text(0).unwrap().trim_end().replace("\r\n", "\n"),
        "您好，退款已处理。\nThanks"
    );
    assert!(m.date().is_some());
    // A MIME message says so, or a strict reader may not decode the body.
    assert_eq!(m.header_raw("MIME-Version").map(str::trim), Some("1.0"));
    // Nothing but ASCII on the wire: the Chinese is encoded.
    assert!(bytes.is_ascii());
}

#[test]
fn hostile_names_and_subjects_never_make_a_header() {
    let cases = [
        ("Eve\r\nBcc: victim@example.com", "hello"),
        ("Eve", "hi\r\nBcc: victim@example.com"),
        ("Eve", "hi\nX-Injected: 1"),
        ("Eve\rX-Injected: 1", "hi"),
        ("\"Eve\" <evil@example.com>\r\n\r\nbody", "退款\r\n\r\nX-Injected: 1"),
        ("李\u{0}雷\u{1b}[31m", "主题\u{85}X-Injected: 1"),
    ];
    for (name, subject) in cases {
        let bytes = build(&draft(name, subject, &[])).unwrap();
        let names = header_names(&bytes);
        assert!(
            !names.iter().any(|n| n == "bcc" || n == "x-injected"),
            "{name:?} {subject:?}: {names:?}"
        );
        let m = MessageParser::default().parse(&bytes[..]).unwrap();
        assert_eq!(m.to().unwrap().iter().count(), 1, "{name:?}");
        assert_eq!(m.to().unwrap().first().unwrap().address(), Some("li.lei@example.com"));
        let got = m.subject().unwrap();
        assert!(!got.contains('\n') && !got.contains('\r'), "{got:?}");
        assert_eq!(got, one_line(subject));
    }
}

#[test]
fn hostile_thread_ids_are_left_out() {
    let refs = vec![
        "ok@example.com".to_string(),
        "bad\r\nBcc: victim@example.com".to_string(),
        "no-at-sign".to_string(),
        "sha256:0123".to_string(),
        "<with space@example.com>".to_string(),
    ];
    let mut d = draft("Li", "hi", &refs);
    d.in_reply_to = Some("x\r\nX-Injected: 1@example.com");
    let bytes = build(&d).unwrap();
    let names = header_names(&bytes);
    assert!(
        !names
            .iter()
            .any(|n| n == "bcc" || n == "x-injected" || n == "in-reply-to"),
        "{names:?}"
    );
    let m = MessageParser::default().parse(&bytes[..]).unwrap();
    assert_eq!(m.references().as_text(), Some("ok@example.com"));
}

#[test]
fn message_ids_are_checked_before_they_are_written() {
    let cases = [
        ("a@b", Some("a@b")),
        ("<a@b>", Some("a@b")),
        (" <a.b-c_d@x.example> ", Some("a.b-c_d@x.example")),
        ("a b@c", None),
        ("a@", None),
        ("@b", None),
        ("a<b@c", None),
        ("", None),
        ("0123abcdef", None),
        ("李@example.com", None),
    ];
    for (id, want) in cases {
        assert_eq!(clean_message_id(id), want, "{id:?}");
    }
}

#[test]
fn a_new_message_id_is_in_the_teams_domain() {
    assert_eq!(message_id("Support@Acme.Example", "x1"), "frontdesk.x1@acme.example");
    assert_eq!(message_id("nobody", "x1"), "frontdesk.x1@frontdesk.invalid");
}

#[test]
fn a_long_thread_keeps_its_first_and_newest_references() {
    let ids: Vec<String> = (0..30).map(|n| format!("m{n}@example.com")).collect();
    let value = references(&ids);
    let kept: Vec<&str> = value.split(' ').collect();
    assert_eq!(kept.len(), REFERENCES_MAX);
    assert_eq!(kept[0], "<m0@example.com>");
    assert_eq!(kept[1], "<m11@example.com>");
    assert_eq!(kept.last(), Some(&"<m29@example.com>"));
}

#[test]
fn addresses_that_are_not_are_refused_by_their_field() {
    let mut d = draft("Li", "hi", &[]);
    d.to_address = "not an address";
    assert_eq!(build(&d).unwrap_err().field, "email");
    let mut d = draft("Li", "hi", &[]);
    d.from_address = "support";
    assert_eq!(build(&d).unwrap_err().field, "[mail] address");
}
