//! Triage mode against a real database, driven by keys: decisions with
//! single keys move on to the next ticket, undo puts one back, and the
//! screen at 120×40.

use crate::tui_support;

use frontdesk::domain::enums::{Priority, TicketStatus};
use frontdesk::service::Ctx;
use frontdesk::service::tickets;
use frontdesk::service::tickets::TicketChanges;
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, now};

fn on_card(app: &App) -> i64 {
    app.model
        .screens
        .triage()
        .and_then(|t| t.ticket_id())
        .expect("a ticket on the triage screen")
}

fn ticket(app: &mut App, id: i64) -> frontdesk::domain::ticket::Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

#[test]
fn three_decisions_with_single_keys_then_undo() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app);
    // Resolving asks how: the summary saved is the decision.
    app.keys("d").text("Replaced the screen");
    app.keys("<C-s>");
    assert_eq!(ticket(&mut app, first).status, TicketStatus::Resolved);
    let second = on_card(&app);
    assert_ne!(second, first, "a decision moves on");
    app.keys("w");
    assert_eq!(ticket(&mut app, second).status, TicketStatus::Pending);
    let third = on_card(&app);
    assert!(third != first && third != second);
    app.keys("4");
    assert_eq!(ticket(&mut app, third).priority, Priority::Low);
    // Everything waiting has been decided.
    assert!(app.model.screens.triage().unwrap().card.is_none());
    assert!(app.screen(120, 40).contains("Nothing left to triage"));
    // Undo takes back the last decision and shows that ticket again; each
    // `u` then goes one decision further back.
    app.keys("u");
    assert_ne!(ticket(&mut app, third).priority, Priority::Low);
    assert_eq!(on_card(&app), third);
    app.keys("u u");
    assert_ne!(ticket(&mut app, second).status, TicketStatus::Pending);
    assert_ne!(ticket(&mut app, first).status, TicketStatus::Resolved);
    app.keys("u");
    let message = app.model.message.as_ref().unwrap();
    assert!(message.error && message.text.contains("Nothing to undo"), "{message:?}");
    // Esc leaves triage and the queue shows the tickets as they are again.
    app.keys("<Esc>");
    assert!(app.model.screens.triage().is_none());
    let status = app.model.queue.ticket(first).map(|v| v.ticket.status);
    assert!(
        matches!(status, Some(TicketStatus::New | TicketStatus::Open)),
        "{status:?}"
    );
}

#[test]
fn skip_moves_on_without_changing_and_undo_after_a_change_elsewhere_is_refused() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app);
    let version = ticket(&mut app, first).version;
    app.keys("<Space>");
    assert_ne!(on_card(&app), first);
    assert_eq!(ticket(&mut app, first).version, version, "skip changes nothing");
    let second = on_card(&app);
    app.keys("1");
    // Another agent changes the ticket meanwhile: the undo is a conflict.
    let mut store = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let changes = TicketChanges {
        assignee: Some("wang".into()),
        ..Default::default()
    };
    tickets::set(&mut store, &Ctx::new("wang", now()), second, &changes, None).unwrap();
    app.keys("u");
    let message = app.model.message.as_ref().unwrap();
    assert!(message.error && message.text.starts_with("Cannot undo"), "{message:?}");
    assert_eq!(ticket(&mut app, second).priority, Priority::Urgent);
}

#[test]
fn triage_screen_120x40() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let screen = app.screen(120, 40);
    assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
    insta::assert_snapshot!("triage_120x40", screen);
}

#[test]
fn marks_in_the_queue_change_all_marked_at_once_then_clear() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g x j x");
    let marked: Vec<i64> = app.model.queue.marked.iter().copied().collect();
    assert_eq!(marked.len(), 2);
    assert!(app.screen(120, 40).contains('✓'), "marked rows are marked");
    // `x` again unmarks; `X` marks every ticket shown.
    app.keys("x");
    assert_eq!(app.model.queue.marked.len(), 1);
    app.keys("x p <Right>");
    let title = &app.model.screens.form().unwrap().title;
    assert!(title.ends_with("2 marked tickets"), "{title}");
    let chosen = app
        .model
        .screens
        .form()
        .expect("the priority form")
        .value("priority")
        .to_string();
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    for id in &marked {
        assert_eq!(ticket(&mut app, *id).priority.key(), chosen, "#{id}");
    }
    assert!(app.model.queue.marked.is_empty(), "the marks are cleared");
    app.keys("X");
    assert_eq!(app.model.queue.marked.len(), app.model.queue.list.len());
}

#[test]
fn a_long_card_scrolls_on_a_small_screen() {
    let mut app = App::new(true, 80, 24);
    app.keys("t j j");
    assert_eq!(app.model.screens.triage().unwrap().scroll.top, 2);
    app.keys("k");
    assert_eq!(app.model.screens.triage().unwrap().scroll.top, 1);
}

#[test]
fn assigning_from_the_triage_screen_is_a_decision_that_undo_takes_back() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app);
    app.keys("a").text("zhao");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    assert!(ticket(&mut app, first).assignee.ends_with("zhao"));
    assert_ne!(on_card(&app), first, "a decision moves on");
    app.keys("u");
    assert!(!ticket(&mut app, first).assignee.ends_with("zhao"));
    assert_eq!(on_card(&app), first);
}

#[test]
fn triage_screen_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = App::new_in(frontdesk::i18n::Lang::ZhCn, true, width, height);
        app.keys("t");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("triage_zh_{width}x{height}"), screen);
    }
}
