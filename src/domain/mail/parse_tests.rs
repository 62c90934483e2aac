use super::*;

fn arrived() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

fn fixture(name: &str) -> ParsedMail {
    let path = format!("{}/tests/fixtures/mail/{name}", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read(&path).expect("fixture");
    parse(&raw, arrived()).expect("parses")
}

#[test]
fn chinese_charsets_are_decoded_in_headers_and_text() {
    let cases = [
        (
            "gbk.eml",
            "zhang.san@example.cn",
            "张三",
            "退款进度查询",
            "订单 A-1001 申请退款",
        ),
        (
            "gb2312.eml",
            "lisi@example.cn",
            "李四",
            "发票问题",
            "请帮我重新开具发票",
        ),
        (
            "gb18030.eml",
            "wangwu@example.cn",
            "王五",
            "𠮷野家的订单",
            "𠮷野家的订单没有收到，价格 €20。",
        ),
        ("big5.eml", "chen@example.tw", "陳小明", "訂單還沒到", "我的訂單還沒到"),
        (
            "qp.eml",
            "renee@example.fr",
            "Renée Dubois",
            "Café machine broken — 咖啡机",
            "café machine is broken — 咖啡机坏了",
        ),
    ];
    for (file, from, name, subject, text) in cases {
        let m = fixture(file);
        assert_eq!(m.from_address, from, "{file}");
        assert_eq!(m.from_name, name, "{file}");
        assert!(m.subject.starts_with(subject), "{file}: {}", m.subject);
        assert!(m.text.contains(text), "{file}: {}", m.text);
        assert_eq!(m.to_address, "support@acme.test");
        assert!(m.attachments.is_empty(), "{file}");
    }
    // Quoted-printable's soft line break joins the line again.
    assert!(
        fixture("qp.eml")
            .text
            .contains("wrap it with a soft line break somewhere here.")
    );
}

#[test]
fn the_key_is_the_message_id_and_the_date_its_header() {
    let m = fixture("gbk.eml");
    assert_eq!(m.message_key, "gbk-1@example.cn");
    assert_eq!(m.date, Utc.with_ymd_and_hms(2026, 11, 30, 1, 15, 0).unwrap());
    let r = fixture("reply-in-reply-to.eml");
    assert_eq!(r.in_reply_to, ["gbk-1@example.cn"]);
    assert_eq!(r.references, ["gbk-1@example.cn"]);
}

#[test]
fn html_only_mail_becomes_readable_text() {
    let m = fixture("html.eml");
    assert!(!m.text.contains('<') && !m.text.contains("&amp;"), "{}", m.text);
    assert!(m.text.contains("Hello & good morning,"), "{}", m.text);
    assert!(m.text.contains("jams every day."), "{}", m.text);
    // The <br> and the paragraphs keep their line breaks.
    let lines: Vec<&str> = m.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert!(lines.contains(&"第二行：卡纸了。"), "{lines:?}");
    assert!(!m.text.contains("color: red"), "{}", m.text);
}

#[test]
fn attachments_keep_their_names_and_unnamed_inline_images_get_one() {
    let m = fixture("attachments.eml");
    assert_eq!(m.text, "Please see the quote and the photo.");
    let got: Vec<(&str, &str, usize)> = m
        .attachments
        .iter()
        .map(|a| (a.file_name.as_str(), a.mime_type.as_str(), a.data.len()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.contains(&("image-1.png", "image/png", 70)), "{got:?}");
    let pdf = m.attachments.iter().find(|a| a.mime_type == "application/pdf").unwrap();
    assert_eq!(pdf.file_name, "../../etc/报价.pdf");
    assert!(pdf.data.starts_with(b"%PDF-1.4"));
    assert_eq!(safe_file_name(&pdf.file_name), "报价.pdf");
}

#[test]
fn a_missing_id_or_date_has_stand_ins() {
    let raw = b"From: a@x.test\r\nSubject: hi\r\nDate: Thu, 01 Jan 2099 00:00:00 +0000\r\n\r\nbody\r\n";
    let m = parse(raw, arrived()).unwrap();
    assert_eq!(m.message_key, hash_key(raw));
    assert!(m.message_key.starts_with("sha256:") && m.message_key.len() == 71);
    assert_eq!(m.date, arrived(), "a date in 2099 is a wrong clock");
    let raw = b"From: a@x.test\r\nSubject: hi\r\nDate: yesterday-ish\r\n\r\nbody\r\n";
    assert_eq!(parse(raw, arrived()).unwrap().date, arrived());
    let raw = b"From: a@x.test\r\nDate: Mon, 1 Jan 1979 00:00:00 +0000\r\n\r\nbody\r\n";
    assert_eq!(parse(raw, arrived()).unwrap().date, arrived());
}

#[test]
fn garbage_is_an_error_never_a_panic() {
    let mut seed: u32 = 7;
    let mut noise = Vec::new();
    for _ in 0..4096 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push((seed >> 16) as u8);
    }
    let cases: Vec<&[u8]> = vec![
        b"",
        b"\x00\x01\x02",
        b"just some words without headers",
        b"Subject: no sender\r\n\r\nbody",
        b"From: not an address\r\n\r\nbody",
        &noise,
        b"From: a@x.test\r\nContent-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n--\r\n",
        b"From: =?GBK?B?////?= <a@x.test>\r\nSubject: =?bogus?Q?=ZZ?=\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!",
    ];
    for raw in cases {
        if let Ok(m) = parse(raw, arrived()) {
            assert!(m.from_address.contains('@'));
        }
    }
    assert!(parse(b"just some words", arrived()).is_err());
    assert_eq!(parse(b"", arrived()), Err(ParseError::NotMail));
    assert_eq!(parse(b"Subject: x\r\n\r\nbody", arrived()), Err(ParseError::NoSender));
}

#[test]
fn file_names_are_cleaned_before_they_become_paths() {
    let cases = [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\evil.exe", "evil.exe"),
        ("/absolute/x.txt", "x.txt"),
        ("..", "attachment"),
        (".hidden", "hidden"),
        ("a\x1b[31mred\x07.txt", "a[31mred.txt"),
        ("", "attachment"),
        ("报价 单.xlsx", "报价 单.xlsx"),
    ];
    for (name, want) in cases {
        assert_eq!(safe_file_name(name), want, "{name:?}");
    }
}
