//! Mail on the ticket page (issue #15): an e-mail ticket's messages with
//! their senders and new text, the quoted history folded until `f`, the
//! outbox state beside each reply and the count in the header, and an
//! attachment saved to a file through its form, never over a file without
//! being asked. The mail rows are written as the mail engineers' code
//! writes them (schema 0017), beside interactions made through the services.

use crate::tui_support::{self, App, ZH_SIZES};
use chrono::Duration;
use frontdesk::app::forms::FormKind;
use frontdesk::app::model::Detail;
use frontdesk::app::navigation::LineTarget;
use frontdesk::config::Config;
use frontdesk::i18n::Lang;
use frontdesk::service::interactions::{self, LogInput};
use frontdesk::service::tickets::{self, TicketInput};
use frontdesk::service::{Ctx, customers};
use frontdesk::store::Store;

/// The e-mail ticket [`seed_mail`] opens after the four of the common seed.
const TICKET: i64 = 5;

/// 张三's e-mail ticket: two messages in, three replies out (sent, failed
/// with a hostile server message, queued), two attachments.
fn seed_mail(store: &mut Store, config: &Config) {
    tui_support::seed(store, config);
    let at = |hours: i64| Ctx::new("li", tui_support::now() - Duration::hours(hours));
    let zhang = customers::get(store, "1").unwrap();
    assert_eq!(zhang.name, "张三");
    let input = TicketInput {
        customer: zhang.code.clone(),
        kind: "inquiry".into(),
        subject: "发票金额不对".into(),
        channel: Some("email".into()),
        ..Default::default()
    };
    let ticket = tickets::add(store, &at(9), &input).unwrap().ticket.id;
    assert_eq!(ticket, TICKET);
    let inbound = |store: &mut Store, hours: i64, text: &str| {
        let input = LogInput {
            customer: zhang.code.clone(),
            channel: "email".into(),
            direction: Some("in".into()),
            summary: text.into(),
            ticket: Some(ticket),
            at: None,
        };
        interactions::log(store, &at(hours), &input).unwrap().id
    };
    let reply = |store: &mut Store, hours: i64, text: &str| {
        tickets::reply(store, &at(hours), ticket, text, Some("email")).unwrap();
        let detail = tickets::detail(store, &at(hours), ticket).unwrap();
        detail.interactions.iter().map(|i| i.id).max().unwrap()
    };
    let first = inbound(store, 8, "你好，发票上的金额少了100元，请核对。\n附件是发票照片。");
    let sent = reply(
        store,
        7,
        "您好，已核对，差额是运费。\n\n在 2026-10-05 09:30，张三 写道：\n> 你好，发票上的金额少了100元，请核对。\n> 附件是发票照片。",
    );
    let second = inbound(
        store,
        6,
        "Still wrong, see the new scan.\n\nOn Mon, 5 Oct 2026, Support <help@acme.cn> wrote:\n> 您好，已核对，差额是运费。\n>\n> Acme Support",
    );
    let failed = reply(store, 5, "我们会重新开具发票。");
    let queued = reply(store, 4, "新发票已寄出，请查收。");

    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let unix = |hours: i64| (tui_support::now() - Duration::hours(hours)).timestamp();
    let message = |key: &str, direction: &str, interaction: i64, from: (&str, &str), hours: i64| {
        conn.execute(
            "INSERT INTO mail_messages (message_key, direction, ticket_id, interaction_id, customer_id, \
             from_address, from_name, to_address, subject, sent_at, received_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', '发票金额不对', ?8, ?8)",
            rusqlite::params![
                key,
                direction,
                ticket,
                interaction,
                zhang.id,
                from.0,
                from.1,
                unix(hours)
            ],
        )
        .unwrap();
        conn.last_insert_rowid()
    };
    let support = ("help@acme.cn", "Acme 客服");
    let first_message = message("<1@example.com>", "in", first, ("zhang.san@example.com", "张三"), 8);
    message("<2@acme.cn>", "out", sent, support, 7);
    let second_message = message("<3@example.com>", "in", second, ("zhang.san@example.com", ""), 6);
    message("<4@acme.cn>", "out", failed, support, 5);
    message("<5@acme.cn>", "out", queued, support, 4);
    let outbox = |interaction: i64, key: &str, state: &str, attempts: i64, error: &str, sent: Option<i64>| {
        conn.execute(
            "INSERT INTO mail_outbox (interaction_id, ticket_id, message_key, to_address, subject, message, \
             state, attempts, next_attempt_at, last_error, created_at, sent_at) \
             VALUES (?1, ?2, ?3, 'zhang.san@example.com', 'Re: 发票金额不对 [#5]', x'00', ?4, ?5, ?6, ?7, ?6, ?8)",
            rusqlite::params![
                interaction,
                ticket,
                key,
                state,
                attempts,
                unix(3),
                error,
                sent.map(unix)
            ],
        )
        .unwrap();
    };
    outbox(sent, "<2@acme.cn>", "sent", 1, "", Some(7));
    outbox(
        failed,
        "<4@acme.cn>",
        "failed",
        5,
        "550 5.1.1 mailbox unavailable\u{1b}[31m\u{7} (收件人不存在)",
        None,
    );
    outbox(queued, "<5@acme.cn>", "queued", 0, "", None);
    let attach = |message: i64, name: &str, mime: &str, size: i64, data: &[u8], hash: &str| {
        conn.execute(
            "INSERT OR IGNORE INTO mail_blobs (sha256, size, data) VALUES (?1, ?2, ?3)",
            rusqlite::params![hash, size, data],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO mail_attachments (message_id, ticket_id, file_name, mime_type, size, sha256) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![message, ticket, name, mime, size, hash],
        )
        .unwrap();
    };
    attach(first_message, "发票照片.jpg", "image/jpeg", 12_800, b"JPEG bytes", "aa");
    attach(
        second_message,
        "../../scan\u{1b}[2J.pdf",
        "application/pdf",
        3 * 1024 * 1024,
        b"%PDF-1.4",
        "bb",
    );
}

fn app_in(lang: Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed_mail], width, height)
}

/// The e-mail ticket's page, opened from the palette.
fn open_ticket(app: &mut App) {
    app.keys(":").text(&format!("#{TICKET}"));
    app.keys("<Enter>");
    assert!(matches!(
        app.model.screens.detail(),
        Some(Detail::Ticket {
            id: TICKET,
            mail: Some(_),
            ..
        })
    ));
}

fn page_text(app: &App) -> String {
    let doc = app.model.detail_doc().expect("a page");
    doc.lines
        .iter()
        .map(|line| line.iter().map(|p| p.text.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn messages_show_sender_and_new_text_with_the_quote_folded_until_f() {
    let mut app = app_in(Lang::En, 120, 40);
    open_ticket(&mut app);
    let page = page_text(&app);
    assert!(page.contains("From 张三 <zhang.san@example.com>"), "{page}");
    // No name given: the address alone.
    assert!(page.contains("From zhang.san@example.com\n"), "{page}");
    assert!(page.contains("From Acme 客服 <help@acme.cn>"), "{page}");
    assert!(page.contains("Still wrong, see the new scan."), "{page}");
    assert!(page.contains("▸ quoted text, 3 lines"), "{page}");
    assert!(page.contains("▸ quoted text, 4 lines"), "{page}");
    assert!(!page.contains("> 您好，已核对"), "the quote is folded: {page}");
    app.keys("f");
    let open = page_text(&app);
    assert!(open.contains("▾ quoted text"), "{open}");
    assert!(open.contains("> 您好，已核对，差额是运费。"), "{open}");
    assert!(
        open.contains("On Mon, 5 Oct 2026, Support <help@acme.cn> wrote:"),
        "{open}"
    );
    app.keys("f");
    assert_eq!(page_text(&app), page, "f folds it again");
}

#[test]
fn each_reply_shows_where_it_stands_in_the_outbox_and_the_header_counts_them() {
    let mut app = app_in(Lang::En, 120, 40);
    assert_eq!((app.model.mail.outbox.waiting, app.model.mail.outbox.failed), (1, 1));
    open_ticket(&mut app);
    let page = page_text(&app);
    // 7 hours before 09:30 UTC, in Shanghai.
    assert!(page.contains("sent 10-05 10:30"), "{page}");
    assert!(page.contains("queued to send"), "{page}");
    assert!(
        page.contains("sending failed: 550 5.1.1 mailbox unavailable (收件人不存在)"),
        "the server's words, without their escapes: {page}"
    );
    let screen = app.screen(120, 40);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("to send 1"), "{header}");
    assert!(header.contains("send failed 1"), "{header}");
}

/// Selects the page's link to attachment number `n` (0: the first) with `j`.
fn select_attachment(app: &mut App, n: usize) -> i64 {
    let doc = app.model.detail_doc().unwrap();
    let (index, id) = doc
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, (_, t))| match t {
            LineTarget::Attachment(id) => Some((i, *id)),
            _ => None,
        })
        .nth(n)
        .expect("an attachment line");
    for _ in 0..200 {
        if app.model.screens.detail().map(Detail::link) == Some(index) {
            return id;
        }
        app.keys("j");
    }
    panic!("j never reached the attachment line");
}

#[test]
fn an_attachment_is_saved_where_the_form_says_and_never_over_a_file_unasked() {
    let mut app = app_in(Lang::En, 120, 40);
    let downloads = tempfile::tempdir().unwrap();
    app.model.mail.downloads = downloads.path().to_path_buf();
    open_ticket(&mut app);
    // Two attachments and none selected: `w` asks for one.
    app.keys("w");
    assert!(app.model.screens.form().is_none());
    assert_eq!(
        app.model.message.as_ref().map(|m| m.text.as_str()),
        Some("Select an attachment line first.")
    );
    let id = select_attachment(&mut app, 0);
    app.keys("<Enter>");
    let form = app.model.screens.form().expect("the save form");
    assert_eq!(form.kind, FormKind::SaveAttachment { id });
    let target = downloads.path().join("发票照片.jpg");
    assert_eq!(form.value("path"), target.display().to_string());
    assert_eq!(form.value("overwrite"), "no");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    assert_eq!(std::fs::read(&target).unwrap(), b"JPEG bytes");
    let said = app.model.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(said.contains(&target.display().to_string()), "{said}");

    // Again: the file is there, so the form stays and asks.
    std::fs::write(&target, b"kept").unwrap();
    app.keys("w");
    app.keys("<C-s>");
    let form = app.model.screens.form().expect("the form stays");
    let message = form.message.clone().unwrap_or_default();
    assert!(message.contains("already exists"), "{message}");
    assert_eq!(
        form.fields[form.focus].key, "overwrite",
        "the keys are on the choice that replaces it"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"kept", "nothing written over it");
    app.keys("<Right> <C-s>");
    assert!(app.model.screens.form().is_none());
    assert_eq!(std::fs::read(&target).unwrap(), b"JPEG bytes");
}

#[test]
fn a_hostile_attachment_name_stays_in_the_download_folder() {
    let mut app = app_in(Lang::En, 120, 40);
    let downloads = tempfile::tempdir().unwrap();
    app.model.mail.downloads = downloads.path().to_path_buf();
    open_ticket(&mut app);
    select_attachment(&mut app, 1);
    app.keys("w");
    let form = app.model.screens.form().expect("the save form");
    assert_eq!(
        form.value("path"),
        downloads.path().join("scan.pdf").display().to_string()
    );
    assert!(!form.title.contains('\u{1b}'), "{:?}", form.title);
    app.keys("<C-s>");
    assert_eq!(std::fs::read(downloads.path().join("scan.pdf")).unwrap(), b"%PDF-1.4");
}

/// The e-mail ticket's page scrolled to its messages, in English at both
/// sizes and in Chinese at both, folded; and unfolded at 120×40.
#[test]
fn snapshots_of_an_e_mail_ticket() {
    let runs = [(80, 24), (120, 40)]
        .into_iter()
        .map(|size| (Lang::En, "", size))
        .chain(ZH_SIZES.iter().map(|size| (Lang::ZhCn, "_zh", *size)));
    for (lang, tag, (width, height)) in runs {
        let mut app = app_in(lang, width, height);
        open_ticket(&mut app);
        app.keys("G");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("mail_ticket{tag}_{width}x{height}"), screen);
        if width == 120 {
            app.keys("f");
            insta::assert_snapshot!(
                format!("mail_ticket_unfolded{tag}_{width}x{height}"),
                app.screen(width, height)
            );
        }
    }
}

/// Another agent's sender fails a reply: the header's count follows at the
/// next change seen, as every screen does.
#[test]
fn the_header_count_follows_another_agents_write() {
    let mut app = app_in(Lang::En, 120, 40);
    assert_eq!(app.model.mail.outbox.failed, 1);
    let other = rusqlite::Connection::open(&app.path).unwrap();
    other
        .execute(
            "UPDATE mail_outbox SET state = 'failed', last_error = 'timeout' WHERE state = 'queued'",
            [],
        )
        .unwrap();
    app.send(frontdesk::app::msg::Msg::ExternalChange);
    assert_eq!((app.model.mail.outbox.waiting, app.model.mail.outbox.failed), (0, 2));
    let header = app.screen(120, 40).lines().next().unwrap().to_string();
    assert!(
        header.contains("send failed 2") && !header.contains("to send"),
        "{header}"
    );
}

/// The reply form of an e-mail ticket whose customer has an address sends
/// by e-mail unless turned off; `C-t` turns it over without saving, and only
/// the save key records the reply, queues it and has the outbox sent (here
/// through a sendmail command writing to a file).
#[test]
fn a_reply_from_the_page_goes_by_e_mail_and_c_t_only_toggles() {
    let mut app = app_in(Lang::En, 120, 40);
    let out = tempfile::tempdir().unwrap();
    let sent = out.path().join("sent.eml");
    app.driver.config.mail.address = "help@acme.cn".into();
    app.driver.config.mail.sendmail = format!("cat > '{}'", sent.display());
    open_ticket(&mut app);
    app.keys("r");
    let form = app.model.screens.form().expect("the reply form");
    assert_eq!(form.value("send_email"), "yes");
    app.text("发票已重新开具。");
    app.keys("<C-t>");
    assert_eq!(app.model.screens.form().unwrap().value("send_email"), "no");
    assert!(!sent.exists(), "toggling sends nothing");
    app.keys("<C-t>");
    assert_eq!(app.model.screens.form().unwrap().value("send_email"), "yes");
    // Enter moves on and never saves, even on the last field.
    app.keys("<Enter> <Enter> <Enter>");
    assert!(app.model.screens.form().is_some());
    assert!(!sent.exists());
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    let message = std::fs::read_to_string(&sent).expect("the message went out");
    assert!(message.contains("zhang.san@example.com"), "{message}");
    // The new reply's state on the page: sent; the queued one went too.
    let page = page_text(&app);
    assert!(!page.contains("queued to send"), "{page}");
    assert_eq!(app.model.mail.outbox.waiting, 0);
}

/// Off by default where the ticket did not come by e-mail.
#[test]
fn a_reply_to_a_phone_ticket_is_not_sent_by_default() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys(":").text("#1");
    app.keys("<Enter> r");
    let form = app.model.screens.form().expect("the reply form");
    assert_eq!(form.value("send_email"), "no");
}

/// The palette's "Fetch mail" asks for a fetch in the background; its
/// result is a line in the footer and everything is read again.
#[test]
fn fetch_mail_from_the_palette() {
    let mut app = app_in(Lang::En, 120, 40);
    let effects = frontdesk::app::update(
        &mut app.model,
        frontdesk::app::msg::Msg::Action(frontdesk::app::Action::FetchMail),
    );
    assert!(matches!(effects.as_slice(), [frontdesk::app::msg::Effect::FetchMail]));
    // Asked again while it runs: not a second fetch.
    let again = frontdesk::app::update(
        &mut app.model,
        frontdesk::app::msg::Msg::Action(frontdesk::app::Action::FetchMail),
    );
    assert!(again.is_empty());
    app.model.mail.fetching = false;
    // Through the palette and the driver: no sources, nothing new.
    app.keys(":").text("fetch mail");
    app.keys("<Enter>");
    let said = app.model.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert_eq!(
        said,
        "Mail fetched: new tickets 0, replies 0, set aside 0, sources failed 0."
    );
    assert!(!app.model.mail.fetching);
}

/// `[mail] fetch_every_minutes`: a fetch once the interval has passed, one
/// at a time, and none when it is 0.
#[test]
fn the_fetch_timer_asks_once_per_interval_and_never_twice_at_once() {
    use frontdesk::app::msg::{Effect, Msg};
    let mut app = app_in(Lang::En, 120, 40);
    let fetches = |app: &mut App, minutes: i64| {
        let at = tui_support::now() + Duration::minutes(minutes);
        frontdesk::app::update(&mut app.model, Msg::Tick(at))
            .iter()
            .filter(|e| matches!(e, Effect::FetchMail))
            .count()
    };
    assert_eq!(fetches(&mut app, 0), 0, "off by default");
    assert_eq!(fetches(&mut app, 60), 0);
    app.model.mail.fetch_every_minutes = 5;
    assert_eq!(fetches(&mut app, 61), 0, "the first a full interval after it starts");
    assert_eq!(fetches(&mut app, 64), 0);
    assert_eq!(fetches(&mut app, 66), 1);
    assert_eq!(fetches(&mut app, 80), 0, "one runs: not another");
    app.send(Msg::MailFetched(Ok(Box::default())));
    assert_eq!(fetches(&mut app, 80), 1, "due since 71");
    app.send(Msg::MailFetched(Ok(Box::default())));
    assert_eq!(fetches(&mut app, 82), 0);
}

/// A fetch with a source that failed says which and why in the footer, not
/// only how many: the agent can act on it without a shell.
#[test]
fn a_failed_source_is_named_with_its_reason_after_a_fetch() {
    use frontdesk::app::msg::Msg;
    use frontdesk::service::mail::{FetchReport, SourceFailure};
    let mut app = app_in(Lang::En, 120, 40);
    let report = FetchReport {
        failed: vec![SourceFailure {
            source: "imaps://bob@mail.example.com/INBOX".into(),
            message: "cannot connect to mail.example.com:993: timed out".into(),
        }],
        ..FetchReport::default()
    };
    app.send(Msg::MailFetched(Ok(Box::new(report))));
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("imaps://bob@mail.example.com/INBOX: cannot connect"),
        "{screen}"
    );
    app.send(Msg::MailFetched(Err("bad [mail] default_kind".into())));
    assert!(app.screen(120, 40).contains("bad [mail] default_kind"));
}
