//! `T`: the tags form on the ticket on screen or on every marked ticket of
//! the queue (one undoable bulk change), its pick list of the tags in use,
//! bad and stale input, the tags on the queue rows and the ticket page;
//! snapshots in English and Chinese.

use crate::tui_support;

use frontdesk::config::Config;
use frontdesk::domain::ticket::Ticket;
use frontdesk::i18n::Lang;
use frontdesk::service::Ctx;
use frontdesk::service::tickets::{self, TicketChanges};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, now, seed};

/// Ticket 1 carries two tags, so the pick list has tags in use.
fn seed_tags(store: &mut Store, _config: &Config) {
    let changes = TicketChanges {
        add_tags: vec!["refund".into(), "物流".into()],
        ..Default::default()
    };
    tickets::set(store, &Ctx::new("li", now()), 1, &changes, None).unwrap();
}

fn app_in(lang: Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed, seed_tags], width, height)
}

fn ticket(app: &mut App, id: i64) -> Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

fn tags(app: &mut App, id: i64) -> Vec<String> {
    ticket(app, id).tags
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn selected(app: &App) -> i64 {
    app.model.queue.selected().expect("a selected ticket").ticket.id
}

/// The queue row of a ticket other than 1 (which has tags already).
fn untagged_row(app: &mut App) -> i64 {
    app.keys("2 g g");
    if selected(app) == 1 {
        app.keys("j");
    }
    selected(app)
}

#[test]
fn t_on_a_queue_row_adds_and_removes_that_tickets_tags() {
    let mut app = app_in(Lang::En, 200, 40);
    let id = untagged_row(&mut app);
    // `T` typed in the box is text, not the key that opened it.
    app.keys("T").text("Urgent-Fix, VIP 物流 Tea");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    assert_eq!(tags(&mut app, id), strings(&["urgent-fix", "vip", "物流", "tea"]));
    // The queue row shows them after the subject.
    let screen = app.screen(200, 40);
    assert!(
        screen.contains("Where is my ord… #urgen…"),
        "a third of the subject column: {screen}"
    );
    // The second box takes tags off.
    app.keys("T <Tab>").text("vip");
    app.keys("<C-s>");
    assert_eq!(tags(&mut app, id), strings(&["urgent-fix", "物流", "tea"]));
}

#[test]
fn t_on_marked_tickets_tags_them_all_and_u_takes_it_back() {
    let mut app = app_in(Lang::En, 120, 40);
    app.keys("2 g g x j x");
    let marked: Vec<i64> = app.model.queue.marked.iter().copied().collect();
    assert_eq!(marked.len(), 2);
    let before: Vec<Vec<String>> = marked.iter().map(|id| tags(&mut app, *id)).collect();
    app.keys("T");
    let title = app.model.screens.form().expect("the tags form").title.clone();
    assert!(title.ends_with("2 marked tickets"), "{title}");
    app.text("escalated").keys("<Tab>").text("refund").keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    for id in &marked {
        let now = tags(&mut app, *id);
        assert!(now.contains(&"escalated".to_string()), "#{id}: {now:?}");
        assert!(!now.contains(&"refund".to_string()), "#{id}: {now:?}");
    }
    assert!(app.model.queue.marked.is_empty(), "the marks are cleared");
    app.keys("u");
    let after: Vec<Vec<String>> = marked.iter().map(|id| tags(&mut app, *id)).collect();
    assert_eq!(after, before, "undo puts every ticket's tags back");
}

#[test]
fn t_on_the_ticket_page_offers_the_tags_in_use() {
    let mut app = app_in(Lang::En, 120, 40);
    let id = untagged_row(&mut app);
    app.keys("<Enter> T").text("vip re");
    let form = app.model.screens.form().expect("the tags form");
    let picker = form.pick_list().expect("the tags in use that match");
    assert_eq!(picker.highlighted().map(|c| c.value.as_str()), Some("refund"));
    // Enter takes it in place of the word typed; the box keeps the keys.
    app.keys("<Enter>");
    let form = app.model.screens.form().unwrap();
    assert_eq!(form.value("add-tag"), "vip refund ");
    assert_eq!(form.focused().map(|f| f.key), Some("add-tag"));
    app.keys("<C-s>");
    assert_eq!(tags(&mut app, id), strings(&["vip", "refund"]));
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("vip、refund") || screen.contains("vip, refund"),
        "{screen}"
    );
}

#[test]
fn a_bad_tag_stays_in_the_form_and_nothing_is_written() {
    let mut app = app_in(Lang::En, 120, 40);
    let id = untagged_row(&mut app);
    let long = "x".repeat(41);
    app.keys("T").text(&format!("ok {long}")).keys("<C-s>");
    let form = app.model.screens.form().expect("the form stays");
    assert!(form.fields[0].error.is_some(), "the box is marked");
    assert_eq!(form.value("add-tag"), format!("ok {long}"), "what was typed stays");
    assert!(tags(&mut app, id).is_empty());
}

#[test]
fn a_ticket_changed_meanwhile_is_a_conflict_and_re_apply_adds_on_top() {
    let mut app = app_in(Lang::En, 120, 40);
    let id = untagged_row(&mut app);
    app.keys("T").text("vip");
    let mut other = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let changes = TicketChanges {
        add_tags: vec!["zhao".into()],
        ..Default::default()
    };
    tickets::set(&mut other, &Ctx::new("zhao", now()), id, &changes, None).unwrap();
    app.keys("<C-s>");
    assert_eq!(tags(&mut app, id), strings(&["zhao"]), "the stale form wrote nothing");
    assert!(app.screen(120, 40).contains(&format!("ticket #{id} changed meanwhile")));
    // Re-applying puts the agent's tags on top of the other agent's.
    app.keys("r");
    assert_eq!(tags(&mut app, id), strings(&["zhao", "vip"]));
}

#[test]
fn without_a_ticket_t_says_so() {
    let mut app = app_in(Lang::En, 80, 24);
    app.keys("1 T");
    assert!(app.model.screens.form().is_none());
    let message = app.model.message.as_ref().expect("a message");
    assert_eq!(message.text, "Select a ticket to tag first.");
}

#[test]
fn snapshots() {
    let scenes: &[(&str, Lang, &str)] = &[
        ("tags_ticket_page", Lang::En, "<Enter>"),
        ("tags_form", Lang::En, "T"),
        ("tags_form_zh", Lang::ZhCn, "T"),
    ];
    for (name, lang, keys) in scenes {
        let mut app = app_in(*lang, 80, 24);
        // Ticket 1, the one with tags.
        app.keys("2 g g");
        while selected(&app) != 1 {
            app.keys("j");
        }
        app.keys(keys);
        if keys == &"T" {
            app.text("vip r");
        }
        let screen = app.screen(80, 24);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}_80x24"), screen);
    }
}
