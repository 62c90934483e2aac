//! The documents' e-mail reply target ("邮件 24 小时内回复"): the first-response
//! target of an e-mail ticket, beside (never instead of) its kind's
//! resolution and callback targets; changed by `sla email-reply`.

use crate::common::{Desk, NOW};

fn due(desk: &Desk, id: i64, clock: &str) -> String {
    desk.show_ticket(id)["sla"][clock]["due"].as_str().unwrap().to_string()
}

#[test]
fn an_email_ticket_is_answered_within_the_email_target_and_keeps_its_kinds_resolution() {
    let desk = Desk::new();
    let c = desk.customer("李雷", &["--email", "li@example.com"]);
    let code = c["code"].as_str().unwrap();
    let by_mail = desk.ticket(code, "complaint", "退款", &["--channel", "email"])["id"]
        .as_i64()
        .unwrap();
    let by_phone = desk.ticket(code, "complaint", "退款", &["--channel", "phone"])["id"]
        .as_i64()
        .unwrap();
    assert_eq!(NOW, "2026-03-02T08:00:00Z");
    // E-mail: 24 h to answer; a phone complaint keeps its kind's hour.
    assert_eq!(due(&desk, by_mail, "first_response"), "2026-03-03T08:00:00Z");
    assert_eq!(due(&desk, by_phone, "first_response"), "2026-03-02T09:00:00Z");
    // Both keep the complaint's 24 h resolution target.
    assert_eq!(due(&desk, by_mail, "resolution"), "2026-03-03T08:00:00Z");
    assert_eq!(due(&desk, by_phone, "resolution"), "2026-03-03T08:00:00Z");

    assert_eq!(desk.ok(&["sla", "email-reply"]).trim(), "1d");
    desk.ok(&["sla", "email-reply", "8h"]);
    assert_eq!(desk.ok(&["sla", "email-reply"]).trim(), "8h");
    assert_eq!(due(&desk, by_mail, "first_response"), "2026-03-02T16:00:00Z");
    // The stored due the queue sorts by moved too.
    let queue = desk.json(&["ticket", "list", "--queue"]);
    let first = &queue.as_array().unwrap()[0];
    assert_eq!(first["id"].as_i64(), Some(by_phone), "the phone complaint is due first");

    desk.ok(&["sla", "email-reply", "off"]);
    assert_eq!(desk.ok(&["sla", "email-reply"]).trim(), "off");
    assert_eq!(due(&desk, by_mail, "first_response"), "2026-03-02T09:00:00Z");
    assert_eq!(
        desk.json(&["sla", "email-reply"])["email_reply_minutes"],
        serde_json::Value::Null
    );
}

#[test]
fn a_bad_email_target_names_itself_and_changes_nothing() {
    let desk = Desk::new();
    // The first command seeds the default policies; then nothing may change.
    assert_eq!(desk.ok(&["sla", "email-reply"]).trim(), "1d");
    desk.invalid(&["sla", "email-reply", "soon"], "email-reply", "soon");
    desk.invalid(&["sla", "email-reply", "0h"], "email-reply", "0");
    assert_eq!(desk.ok(&["sla", "email-reply"]).trim(), "1d");
}
