//! Replies sent by e-mail (`ticket reply --send`, `mail outbox`, `mail
//! send`) against a real SMTP server on loopback (see `mail_out_server`),
//! and through a sendmail command.

use crate::common::*;
use crate::mail_out_server::{SmtpServer, Tls};
use crate::mail_support::Raw;
use mail_parser::MessageParser;
use serde_json::Value;

const ADDRESS: &str = "support@acme.example";

/// A desk whose settings say `[mail]` plus `extra`, a customer 李雷 with an
/// e-mail address, and ticket 1 on "退款进度" that came in by mail as
/// <m1@customer.example> (in reply to <m0@customer.example>).
fn desk_with(extra: &str) -> Desk {
    let desk = Desk::new();
    // Every command of the desk reads this path (see `Desk::bare`).
    let config = format!("[mail]\naddress = \"{ADDRESS}\"\nname = \"Acme 客服\"\n{extra}");
    std::fs::write(desk.dir().join("no-such-config.toml"), config).unwrap();
    let code = desk.customer("李雷", &["--email", "li.lei@example.com"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    desk.ticket(&code, "inquiry", "退款进度", &["--channel", "email"]);
    Raw::open(desk.target()).batch(
        "INSERT INTO mail_messages (message_key, direction, ticket_id, customer_id, from_address, subject, \
         sent_at, received_at, refs) VALUES ('m1@customer.example', 'in', 1, 1, 'li.lei@example.com', \
         '退款进度', 1, 1, 'm0@customer.example')",
    );
    desk
}

/// A server of `tls` and a desk that sends through it; `None`: skipped.
fn served(tls: Tls) -> Option<(SmtpServer, Desk)> {
    let server = SmtpServer::start(tls)?;
    let desk = desk_with(&server.config());
    Some((server, desk))
}

/// The `References` of a parsed message, in order.
fn refs_of(m: &mail_parser::Message) -> Vec<String> {
    let list = m.references().as_text_list().unwrap_or_default();
    list.iter().map(|r| r.to_string()).collect()
}

fn reply_send(desk: &Desk, now: &str, summary: &str) -> (String, String) {
    let out = desk
        .cmd_at(now)
        .args(["ticket", "reply", "1", "--send", "--summary", summary])
        .assert()
        .success()
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn outbox(desk: &Desk, now: &str) -> Vec<Value> {
    desk.json_at(now, &["mail", "outbox", "--all"])
        .as_array()
        .unwrap()
        .clone()
}

fn mail_send(desk: &Desk, now: &str) -> std::process::Output {
    desk.cmd_at(now).args(["mail", "send"]).output().unwrap()
}

const LATER: &str = "2026-03-02T08:02:00Z";
const MUCH_LATER: &str = "2026-03-02T09:00:00Z";

#[test]
fn a_reply_sent_by_smtp_arrives_once_with_its_headers() {
    let Some((server, desk)) = served(Tls::StartTls) else {
        return;
    };
    let (out, err) = reply_send(&desk, NOW, "您好，退款已于今天处理。");
    assert!(out.trim().parse::<i64>().is_ok(), "{out}");
    assert!(err.contains("sent to li.lei@example.com"), "{err}");
    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    let m = MessageParser::default().parse(&messages[0][..]).unwrap();
    let from = m.from().unwrap().first().unwrap();
    assert_eq!((from.name(), from.address()), (Some("Acme 客服"), Some(ADDRESS)));
    let to = m.to().unwrap().first().unwrap();
    assert_eq!((to.name(), to.address()), (Some("李雷"), Some("li.lei@example.com")));
    assert_eq!(m.subject(), Some("Re: 退款进度 [#1]"));
    assert_eq!(m.in_reply_to().as_text(), Some("m1@customer.example"));
    assert_eq!(refs_of(&m), ["m0@customer.example", "m1@customer.example"]);
    assert!(m.body_text(0).unwrap().contains("您好，退款已于今天处理。"));
    let id = m.message_id().unwrap().to_string();
    assert!(id.ends_with("@acme.example"), "{id}");

    // Recorded as a reply on the e-mail channel, sent, and in the thread.
    let entries = outbox(&desk, NOW);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["state"], "sent");
    assert_eq!(entries[0]["message_id"], id.as_str());
    let ticket = desk.show_ticket(1);
    assert!(!ticket["first_response_at"].is_null());
    let recorded = Raw::open(desk.target()).text(&format!(
        "SELECT direction || ' ' || interaction_id FROM mail_messages WHERE message_key = '{id}'"
    ));
    assert_eq!(recorded, format!("out {}", out.trim()));

    // Nothing is sent twice.
    let again = mail_send(&desk, MUCH_LATER);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("Nothing to send"));
    assert_eq!(server.messages().len(), 1);

    // The next reply threads after the first: its References carry it.
    reply_send(&desk, LATER, "补充说明");
    let messages = server.messages();
    let next = MessageParser::default().parse(&messages[1][..]).unwrap();
    assert_eq!(
        refs_of(&next),
        ["m0@customer.example", "m1@customer.example", id.as_str()]
    );
    assert_eq!(next.in_reply_to().as_text(), Some("m1@customer.example"));
}

#[test]
fn a_server_that_fails_then_recovers_sends_once() {
    let Some((server, desk)) = served(Tls::StartTls) else {
        return;
    };
    server.answer("451 4.3.0 mailbox busy, try later");
    let (_, err) = reply_send(&desk, NOW, "您好");
    assert!(err.contains("stays queued") && err.contains("mailbox busy"), "{err}");
    let entries = outbox(&desk, NOW);
    assert_eq!(entries[0]["state"], "queued");
    assert_eq!(entries[0]["attempts"], 1);
    assert_eq!(entries[0]["next_attempt_at"], "2026-03-02T08:01:00Z");

    // Due again a minute later; still failing: exit 1, backs off to 5 minutes.
    let failed = mail_send(&desk, LATER);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stdout).contains("mailbox busy"));
    let shown = desk.ok_at(LATER, &["mail", "outbox"]);
    assert!(shown.contains("queued") && shown.contains("mailbox busy"), "{shown}");
    assert_eq!(outbox(&desk, LATER)[0]["next_attempt_at"], "2026-03-02T08:07:00Z");

    server.recover();
    // Not due yet: the back-off is kept.
    let early = mail_send(&desk, "2026-03-02T08:03:00Z");
    assert!(early.status.success());
    assert!(server.messages().is_empty());
    let sent = mail_send(&desk, MUCH_LATER);
    assert!(sent.status.success(), "{}", String::from_utf8_lossy(&sent.stderr));
    assert_eq!(server.messages().len(), 1);
    let again = mail_send(&desk, "2026-03-03T09:00:00Z");
    assert!(again.status.success());
    assert_eq!(server.messages().len(), 1);
    let entry = &outbox(&desk, MUCH_LATER)[0];
    assert_eq!(
        (entry["state"].as_str(), entry["attempts"].as_i64()),
        (Some("sent"), Some(3))
    );
}

#[test]
fn a_permanent_refusal_fails_at_once_until_queued_again() {
    let Some((server, desk)) = served(Tls::Implicit) else {
        return;
    };
    server.answer("550 5.7.1 relaying denied");
    let (_, err) = reply_send(&desk, NOW, "hello");
    assert!(
        err.contains("refused its e-mail for good") && err.contains("relaying denied"),
        "{err}"
    );
    assert_eq!(outbox(&desk, NOW)[0]["state"], "failed");
    server.recover();
    let later = mail_send(&desk, MUCH_LATER);
    assert!(later.status.success());
    assert!(server.messages().is_empty());
    let retried = desk
        .cmd_at(MUCH_LATER)
        .args(["mail", "send", "--retry-failed"])
        .output()
        .unwrap();
    assert!(retried.status.success(), "{}", String::from_utf8_lossy(&retried.stderr));
    assert_eq!(server.messages().len(), 1);
    assert_eq!(outbox(&desk, MUCH_LATER)[0]["state"], "sent");
}

#[test]
fn two_senders_at_once_send_each_message_once() {
    let Some((server, desk)) = served(Tls::Implicit) else {
        return;
    };
    server.answer("451 4.3.0 later");
    for n in 0..6 {
        reply_send(&desk, NOW, &format!("reply {n}"));
    }
    server.recover();
    // Two processes at once, each from its own thread.
    std::thread::scope(|scope| {
        let senders: Vec<_> = (0..2).map(|_| scope.spawn(|| mail_send(&desk, MUCH_LATER))).collect();
        for sender in senders {
            assert!(sender.join().unwrap().status.success());
        }
    });
    let mut ids: Vec<String> = server
        .messages()
        .iter()
        .map(|m| {
            MessageParser::default()
                .parse(&m[..])
                .unwrap()
                .message_id()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 6);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6);
    assert!(outbox(&desk, MUCH_LATER).iter().all(|e| e["state"] == "sent"));
}

#[test]
fn sendmail_gets_the_message_on_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sent.eml");
    let flag = dir.path().join("broken");
    std::fs::write(&flag, "").unwrap();
    // Fails while the flag file exists, with words on standard error.
    let command = format!(
        "if [ -e {flag} ]; then echo 'sendmail: queue full' >&2; exit 75; fi; cat >> {out}",
        flag = flag.display(),
        out = out.display()
    );
    let desk = desk_with(&format!("sendmail = {}\n", toml_string(&command)));
    let (_, err) = reply_send(&desk, NOW, "第一封回复");
    assert!(err.contains("queue full"), "{err}");
    assert!(!out.exists());
    std::fs::remove_file(&flag).unwrap();
    assert!(mail_send(&desk, MUCH_LATER).status.success());
    let bytes = std::fs::read(&out).unwrap();
    let m = MessageParser::default().parse(&bytes[..]).unwrap();
    assert_eq!(m.subject(), Some("Re: 退款进度 [#1]"));
    assert!(m.body_text(0).unwrap().contains("第一封回复"));
    assert!(mail_send(&desk, "2026-03-03T09:00:00Z").status.success());
    assert_eq!(std::fs::read(&out).unwrap(), bytes, "sent once");
}

#[test]
fn hostile_subjects_and_names_add_no_header() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sent.eml");
    let desk = desk_with(&format!(
        "sendmail = {}\n",
        toml_string(&format!("cat > {}", out.display()))
    ));
    // As a mail source might store them: line breaks inside.
    let mut raw = Raw::open(desk.target());
    raw.execute(
        "UPDATE tickets SET subject = ?1 WHERE id = 1",
        &["退款\r\nBcc: victim@example.com"],
    );
    raw.execute("UPDATE customers SET name = ?1 WHERE id = 1", &["Li\nX-Injected: 1"]);
    reply_send(&desk, NOW, "hello\r\nBcc: another@example.com");
    let bytes = std::fs::read(&out).unwrap();
    let m = MessageParser::default().parse(&bytes[..]).unwrap();
    let names: Vec<String> = m.headers().iter().map(|h| h.name().to_ascii_lowercase()).collect();
    assert!(!names.iter().any(|n| n == "bcc" || n == "x-injected"), "{names:?}");
    assert_eq!(m.subject(), Some("Re: 退款 Bcc: victim@example.com [#1]"));
    assert_eq!(m.to().unwrap().iter().count(), 1);
}

#[test]
fn settings_or_a_customer_that_cannot_send_write_nothing() {
    let reply = ["ticket", "reply", "1", "--send", "--summary", "hi"];
    let desk = desk_with("");
    desk.invalid(&reply, "[mail] smtp", "[mail] sendmail");
    let desk = desk_with("smtp = \"http://me:hunter2@mail.example\"\n");
    let err = desk.invalid(&reply, "[mail] smtp", "http://me:***@mail.example");
    assert!(!err.contains("hunter2"), "{err}");
    let desk = desk_with("sendmail = \"cat > /dev/null\"\n");
    std::fs::write(desk.dir().join("no-such-config.toml"), "[mail]\nsendmail = \"cat\"\n").unwrap();
    desk.invalid(&reply, "[mail] address", "");
    let desk = desk_with("sendmail = \"cat > /dev/null\"\n");
    desk.ok(&["customer", "edit", "1", "--email", ""]);
    desk.invalid(&reply, "email", "");
    // `mail outbox` in both languages, empty.
    assert!(desk.ok(&["mail", "outbox"]).contains("The outbox is empty."));
    let zh = desk
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["mail", "outbox"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zh.stdout).contains("发件箱为空"));
}

#[test]
fn a_dead_senders_claim_expires_and_the_message_is_sent_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sent.eml");
    let command = format!("cat >> {}", out.display());
    let desk = desk_with(&format!("sendmail = {}\n", toml_string(&command)));
    // Queued while the command fails, then claimed by a sender that died.
    std::fs::write(
        desk.dir().join("no-such-config.toml"),
        format!("[mail]\naddress = \"{ADDRESS}\"\nsendmail = \"exit 1\"\n"),
    )
    .unwrap();
    reply_send(&desk, NOW, "hello");
    std::fs::write(
        desk.dir().join("no-such-config.toml"),
        format!(
            "[mail]\naddress = \"{ADDRESS}\"\nsendmail = {}\n",
            toml_string(&command)
        ),
    )
    .unwrap();
    let claimed = chrono::DateTime::parse_from_rfc3339("2026-03-02T08:55:00Z")
        .unwrap()
        .timestamp();
    Raw::open(desk.target()).batch(&format!(
        "UPDATE mail_outbox SET state = 'sending', claimed_at = {claimed}"
    ));
    // Claimed 5 minutes ago: the sender may still be at it.
    let fresh = desk.json_at(MUCH_LATER, &["mail", "send"]);
    assert_eq!(fresh["attempts"].as_array().unwrap().len(), 0);
    assert!(!out.exists());
    // 15 minutes ago: it died; the message is due again, and sent once.
    let sent = desk.json_at("2026-03-02T09:10:00Z", &["mail", "send"]);
    let attempts = sent["attempts"].as_array().unwrap();
    assert_eq!((attempts.len(), attempts[0]["state"].as_str()), (1, Some("sent")));
    assert_eq!(attempts[0]["to_address"], "li.lei@example.com");
    let zh = desk
        .cmd_at("2026-03-02T10:00:00Z")
        .env("LANG", "zh_CN.UTF-8")
        .args(["mail", "send"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zh.stdout).contains("没有需要发送的邮件"));
    let bytes = std::fs::read(&out).unwrap();
    let count = bytes.windows(11).filter(|w| w == b"Message-ID:").count();
    assert_eq!(count, 1, "sent once");
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[test]
fn a_failing_password_command_keeps_the_reply_queued() {
    let Some(server) = SmtpServer::start(Tls::StartTls) else {
        return;
    };
    let settings = |command: &str| {
        let config = server.config().replace(
            &format!("printf '%s\\\\n' '{}'", crate::mail_out_server::PASSWORD),
            command,
        );
        format!("[mail]\naddress = \"{ADDRESS}\"\n{config}")
    };
    let desk = desk_with(&server.config());
    let config_path = desk.dir().join("no-such-config.toml");
    std::fs::write(&config_path, settings("echo vault locked >&2; exit 3")).unwrap();
    let (_, err) = reply_send(&desk, NOW, "hello");
    assert!(err.contains("stays queued") && err.contains("vault locked"), "{err}");
    let entry = &outbox(&desk, NOW)[0];
    assert_eq!(
        (entry["state"].as_str(), entry["attempts"].as_i64()),
        (Some("queued"), Some(0))
    );

    assert!(server.messages().is_empty());
}

/// `mail send` killed with SIGKILL while its sendmail runs: the claim it
/// committed before sending stays, so no other sender sends the message
/// while the dead one might still be at it; once the claim is stale, the
/// next `mail send` sends it — once. On either engine.
#[test]
fn a_sender_killed_mid_send_leaves_its_claim_and_the_message_goes_once_later() {
    let dir = tempfile::tempdir().unwrap();
    let (out, started) = (dir.path().join("sent.eml"), dir.path().join("started"));
    let config = |sendmail: &str| {
        format!(
            "[mail]\naddress = \"{ADDRESS}\"\nsendmail = {}\n",
            toml_string(sendmail)
        )
    };
    let desk = desk_with("sendmail = \"exit 1\"\n");
    reply_send(&desk, NOW, "hello");
    // A sendmail that never delivers: it says it started, then hangs.
    let config_path = desk.dir().join("no-such-config.toml");
    std::fs::write(&config_path, config(&format!("touch {}; sleep 5", started.display()))).unwrap();
    // As `Desk::cmd_at` runs it, as a process of its own to kill.
    let mut sender = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env_remove("FRONTDESK_DB")
        .env("LANG", "C")
        .env("FRONTDESK_CONFIG", &config_path)
        .env("HOME", desk.dir().join("home"))
        .arg("--db")
        .arg(desk.target())
        .args(["--now", MUCH_LATER, "--agent", AGENT, "mail", "send"])
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !started.exists() {
        assert!(
            sender.try_wait().unwrap().is_none(),
            "mail send ended before its sendmail ran"
        );
        assert!(std::time::Instant::now() < deadline, "the sendmail never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    sender.kill().unwrap();
    assert_eq!(sender.wait().unwrap().code(), None, "killed by a signal");

    std::fs::write(&config_path, config(&format!("cat >> {}", out.display()))).unwrap();
    let entry = &outbox(&desk, MUCH_LATER)[0];
    assert_eq!(
        (entry["state"].as_str(), entry["attempts"].as_i64()),
        (Some("sending"), Some(1))
    );
    // Five minutes on, the dead sender might still be at it: nothing is sent.
    let early = desk.json_at("2026-03-02T09:05:00Z", &["mail", "send"]);
    assert_eq!(early["attempts"].as_array().unwrap().len(), 0, "{early}");
    assert!(!out.exists());
    // Past the claim's timeout it is due again, and goes once.
    let sent = desk.json_at("2026-03-02T09:11:00Z", &["mail", "send"]);
    assert_eq!(sent["attempts"][0]["state"], "sent", "{sent}");
    desk.json_at("2026-03-02T10:00:00Z", &["mail", "send"]);
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        bytes.windows(11).filter(|w| w == b"Message-ID:").count(),
        1,
        "sent once"
    );
    assert_eq!(outbox(&desk, "2026-03-02T10:00:00Z")[0]["state"], "sent");
}
