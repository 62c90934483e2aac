use super::*;

fn signs() -> Signs {
    Signs::default()
}

#[test]
fn set_aside_rules_by_case() {
    let own = vec!["support@acme.test".to_string(), "help@acme.test".to_string()];
    let with = |f: fn(&mut Signs)| {
        let mut s = signs();
        f(&mut s);
        s
    };
    let cases: Vec<(&str, &str, &str, Signs, Option<SetAside>)> = vec![
        ("plain customer", "li@x.test", "退款进度", signs(), None),
        ("own address", "Support@Acme.test", "hi", signs(), Some(SetAside::Loop)),
        ("alias", "help@acme.test", "hi", signs(), Some(SetAside::Loop)),
        (
            "auto-submitted",
            "a@x.test",
            "hi",
            with(|s| s.auto_submitted = Some("auto-replied".into())),
            Some(SetAside::AutoReply),
        ),
        (
            "auto-submitted no",
            "a@x.test",
            "hi",
            with(|s| s.auto_submitted = Some("no".into())),
            None,
        ),
        (
            "x-autoreply",
            "a@x.test",
            "hi",
            with(|s| s.x_autoreply = true),
            Some(SetAside::AutoReply),
        ),
        (
            "precedence auto_reply",
            "a@x.test",
            "hi",
            with(|s| s.precedence = Some("auto_reply".into())),
            Some(SetAside::AutoReply),
        ),
        ("subject alone", "a@x.test", "Out of Office: back Monday", signs(), None),
        ("chinese subject alone", "a@x.test", "自动回复：我在休假", signs(), None),
        (
            "subject + bulk",
            "a@x.test",
            "自动回复：我在休假",
            with(|s| s.precedence = Some("bulk".into())),
            Some(SetAside::AutoReply),
        ),
        (
            "subject + null return path",
            "a@x.test",
            "Out of Office",
            with(|s| s.null_return_path = true),
            Some(SetAside::AutoReply),
        ),
        (
            "delivery report",
            "a@x.test",
            "Undelivered",
            with(|s| s.report_type = Some("delivery-status".into())),
            Some(SetAside::Bounce),
        ),
        (
            "other report",
            "a@x.test",
            "read",
            with(|s| s.report_type = Some("disposition-notification".into())),
            None,
        ),
        (
            "mailer-daemon",
            "MAILER-DAEMON@mx.test",
            "failure",
            signs(),
            Some(SetAside::Bounce),
        ),
        (
            "postmaster",
            "postmaster@mx.test",
            "failure",
            signs(),
            Some(SetAside::Bounce),
        ),
        (
            "bulk",
            "news@shop.test",
            "Sale",
            with(|s| s.precedence = Some("bulk".into())),
            Some(SetAside::Bulk),
        ),
        (
            "junk",
            "news@shop.test",
            "Sale",
            with(|s| s.precedence = Some("junk".into())),
            Some(SetAside::Bulk),
        ),
        (
            "unsubscribe only",
            "news@shop.test",
            "Sale",
            with(|s| s.list_unsubscribe = true),
            Some(SetAside::Bulk),
        ),
        (
            "list id",
            "dev@lists.test",
            "[dev] x",
            with(|s| s.list_id = true),
            Some(SetAside::List),
        ),
        (
            "precedence list",
            "dev@lists.test",
            "x",
            with(|s| s.precedence = Some("list".into())),
            Some(SetAside::List),
        ),
        (
            "list beats unsubscribe",
            "dev@lists.test",
            "x",
            with(|s| {
                s.list_id = true;
                s.list_unsubscribe = true;
            }),
            Some(SetAside::List),
        ),
        (
            "loop beats auto-reply",
            "support@acme.test",
            "x",
            with(|s| s.x_autoreply = true),
            Some(SetAside::Loop),
        ),
    ];
    for (name, from, subject, signs, want) in cases {
        assert_eq!(classify(from, subject, &signs, &own), want, "{name}");
    }
}
