//! The macro picker (`M`): opened on the ticket on screen (queue row,
//! ticket page, triage card), narrowed by typing, applied with Enter
//! through the writer's path; snapshots at 80×24 and 120×40 in English and
//! Chinese.

use crate::tui_support;

use frontdesk::config::Config;
use frontdesk::domain::enums::{Priority, TicketStatus};
use frontdesk::domain::macros::MacroInput;
use frontdesk::domain::ticket::Ticket;
use frontdesk::i18n::Lang;
use frontdesk::service::tickets::{self, TicketChanges};
use frontdesk::service::{Ctx, macros};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, ZH_SIZES, now, seed};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Three macros with Chinese and English names; one reply carries an
/// escape sequence that must never reach the terminal.
fn seed_macros(store: &mut Store, _config: &Config) {
    let ctx = Ctx::new("li", now());
    let inputs = [
        MacroInput {
            name: "等待客户补充资料".into(),
            reply: Some("您好，请补充订单号和照片，我们收到后立即处理。\n祝好".into()),
            status: Some("pending".into()),
            add_tags: vec!["待补充".into()],
            ..Default::default()
        },
        MacroInput {
            name: "Escalate to engineering".into(),
            reply: Some("We have escalated this.\u{1b}]0;pwned\u{7}".into()),
            priority: Some("urgent".into()),
            add_tags: vec!["escalated".into()],
            assignee: Some("wang".into()),
            ..Default::default()
        },
        MacroInput {
            name: "退款完成".into(),
            status: Some("resolved".into()),
            remove_tags: vec!["待补充".into()],
            ..Default::default()
        },
    ];
    for input in &inputs {
        macros::add(store, &ctx, input).unwrap();
    }
}

fn app_in(lang: Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed, seed_macros], width, height)
}

fn ticket(app: &mut App, id: i64) -> Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

fn selected_ticket(app: &App) -> i64 {
    app.model.queue.selected().expect("a selected ticket").ticket.id
}

fn message(app: &App) -> String {
    app.model.message.as_ref().expect("a message").text.clone()
}

#[test]
fn m_on_a_queue_row_opens_the_picker_and_enter_applies_the_chosen_macro() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys("2 g g");
    let id = selected_ticket(&app);
    let before = ticket(&mut app, id);
    app.keys("M");
    let picker = app.model.screens.macros().expect("the picker");
    assert_eq!((picker.ticket, picker.version), (id, before.version));
    assert_eq!(picker.list.len(), 3);
    // Typing narrows the list, pinyin initials included: dd → 等待…
    app.text("dd");
    let picker = app.model.screens.macros().unwrap();
    assert_eq!(picker.selected().map(|m| m.name.as_str()), Some("等待客户补充资料"));
    app.keys("<Enter>");
    assert!(app.model.screens.macros().is_none(), "the picker closes");
    let after = ticket(&mut app, id);
    assert_eq!(after.status, TicketStatus::Pending);
    assert_eq!(after.tags, vec!["待补充".to_string()]);
    assert!(after.first_response_at.is_some(), "the reply counts as a response");
    assert_eq!(message(&app), format!("Macro “等待客户补充资料” applied to #{id}."));
    // The queue shows the ticket as the macro left it.
    let row = app.model.queue.ticket(id).expect("still in the queue");
    assert_eq!(row.ticket.status, TicketStatus::Pending);
}

#[test]
fn esc_closes_the_picker_and_changes_nothing() {
    let mut app = app_in(Lang::En, 80, 24);
    app.keys("2 g g");
    let id = selected_ticket(&app);
    let before = ticket(&mut app, id);
    app.keys("M j <Down> <Esc>");
    assert!(app.model.screens.macros().is_none());
    assert_eq!(ticket(&mut app, id), before);
}

#[test]
fn on_the_ticket_page_the_applied_macro_shows_at_once() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys("2 g g");
    let id = selected_ticket(&app);
    app.keys("<Enter> M").text("escalate").keys("<Enter>");
    let after = ticket(&mut app, id);
    assert_eq!((after.priority, after.assignee.as_str()), (Priority::Urgent, "wang"));
    let screen = app.screen(120, 40);
    assert!(screen.contains("escalated"), "the page shows the new tag:\n{screen}");
    assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
}

#[test]
fn on_the_triage_card_m_applies_to_the_card() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys("t");
    let id = app.model.screens.triage().and_then(|t| t.ticket_id()).expect("a card");
    app.keys("M").text("退款").keys("<Enter>");
    assert_eq!(ticket(&mut app, id).status, TicketStatus::Resolved);
    assert!(message(&app).contains("退款完成"));
}

#[test]
fn without_a_ticket_m_says_so() {
    let mut app = app_in(Lang::En, 80, 24);
    app.keys("1 M");
    assert!(app.model.screens.macros().is_none());
    assert_eq!(message(&app), "Select a ticket first.");
}

#[test]
fn a_ticket_changed_meanwhile_is_not_touched() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys("2 g g");
    let id = selected_ticket(&app);
    app.keys("M");
    // Another agent changes the ticket while the picker is open.
    let mut other = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let changes = TicketChanges {
        assignee: Some("zhao".into()),
        ..Default::default()
    };
    tickets::set(&mut other, &Ctx::new("zhao", now()), id, &changes, None).unwrap();
    let seen = ticket(&mut app, id);
    app.text("dd").keys("<Enter>");
    let message = app.model.message.clone().expect("a message");
    assert!(
        message.error && message.text.starts_with("Macro not applied"),
        "{message:?}"
    );
    assert_eq!(ticket(&mut app, id), seen, "nothing written");
}

/// The scene `keys` make, in English at both sizes and in Chinese at
/// `ZH_SIZES`, as `{name}[_zh]_{width}x{height}`.
fn each_size(name: &str, keys: &str) {
    let runs = SIZES.iter().map(|size| (Lang::En, "", *size));
    for (lang, tag, (width, height)) in runs.chain(ZH_SIZES.iter().map(|size| (Lang::ZhCn, "_zh", *size))) {
        let mut app = app_in(lang, width, height);
        app.keys(keys);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}{tag}_{width}x{height}"), screen);
    }
}

#[test]
fn picker_snapshots() {
    // The first by name, the escalation, is selected: its reply holds an escape.
    each_size("macro_picker", "2 g g M");
}

#[test]
fn applied_snapshots() {
    each_size("macro_applied", "2 g g <Enter> M <Enter>");
}
