//! Sharing one file among agents, in the terminal UI: the dialog shown
//! when a save meets a record changed meanwhile, version-checked triage
//! and bulk changes, who else has a ticket open, and the audit trail on
//! the customer card. Driven by keys against a real database; a second
//! connection with another agent's `Ctx` is the other agent.

use crate::tui_support;

use frontdesk::app::model::Detail;
use frontdesk::app::msg::Msg;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::Priority;
use frontdesk::service::tickets::{self, TicketChanges};
use frontdesk::service::{Ctx, customers, presence};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, now};

/// Another agent on the same file.
fn other_agent(app: &App, agent: &str) -> (Store, Ctx) {
    let store = Store::open(&app.path, &OpenOptions::default()).unwrap();
    (store, Ctx::new(agent, now()))
}

#[test]
fn the_customer_card_shows_its_audit_trail() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 / z s <Enter> <Enter>");
    let screen = app.screen(120, 40);
    assert!(screen.contains("Changes"), "{screen}");
    assert!(!screen.contains("high-value → "), "{screen}");
    // The tier, the tenth field of the customer form, one step on.
    app.keys("e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Right> <C-s>");
    assert!(app.model.screens.form().is_none(), "the form saved");
    let screen = app.screen(120, 60);
    let line = screen
        .lines()
        .find(|l| l.contains("high-value → "))
        .unwrap_or_else(|| panic!("no tier change on the card:\n{screen}"));
    assert!(line.contains(" li "), "who changed it: {line}");
    let _ = other_agent(&app, "wang");
}

fn ticket(app: &mut App, id: i64) -> frontdesk::domain::ticket::Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

/// Another agent sets a ticket's category.
fn recategorise(app: &App, id: i64, category: &str) {
    let (mut store, ctx) = other_agent(app, "wang");
    let changes = TicketChanges {
        category: Some(category.into()),
        ..Default::default()
    };
    tickets::set(&mut store, &ctx, id, &changes, None).unwrap();
}

fn footer_error(app: &App) -> String {
    let message = app.model.message.as_ref().expect("a message in the footer");
    assert!(message.error, "{message:?}");
    message.text.clone()
}

#[test]
fn a_triage_decision_on_a_ticket_changed_meanwhile_is_refused() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let id = app.model.screens.triage().and_then(|t| t.ticket_id()).unwrap();
    let before = ticket(&mut app, id);
    recategorise(&app, id, "billing");
    app.keys("4");
    let after = ticket(&mut app, id);
    assert_eq!(after.priority, before.priority, "the stale decision was written");
    assert_eq!(after.version, before.version + 1, "only the other agent's change");
    assert!(footer_error(&app).contains(&format!("ticket {id} ")));
    // The card shows the ticket as it is now, ready for a decision on it.
    let card = app.model.screens.triage().and_then(|t| t.card.as_ref()).unwrap();
    assert_eq!((card.view.ticket.id, card.view.ticket.version), (id, after.version));
    app.keys("4");
    assert_eq!(ticket(&mut app, id).priority, Priority::Low);
}

#[test]
fn a_bulk_change_with_a_marked_ticket_changed_meanwhile_changes_none() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g x j x");
    let marked: Vec<i64> = app.model.queue.marked.iter().copied().collect();
    assert_eq!(marked.len(), 2);
    let before: Vec<_> = marked.iter().map(|id| ticket(&mut app, *id)).collect();
    recategorise(&app, marked[1], "billing");
    app.keys("s <Right> <C-s>");
    for (id, was) in marked.iter().zip(&before) {
        assert_eq!(ticket(&mut app, *id).status, was.status, "#{id} changed");
    }
    assert!(footer_error(&app).contains(&format!("ticket {} ", marked[1])));
    // The queue was read again: it shows the other agent's version.
    let shown = app.model.queue.ticket(marked[1]).unwrap().ticket.version;
    assert_eq!(shown, before[1].version + 1);
}

fn at(seconds: i64) -> chrono::DateTime<chrono::Utc> {
    now() + chrono::Duration::seconds(seconds)
}

/// `agent` has ticket `id` open, by a heartbeat at `seconds` past `now`.
fn beat_as(app: &App, agent: &str, id: i64, seconds: i64) {
    let (mut store, mut ctx) = other_agent(app, agent);
    ctx.now = at(seconds);
    presence::beat(&mut store, &ctx, id).unwrap();
}

/// Who `agent` sees on ticket `id` at `seconds` past `now`.
fn seen_by(app: &App, agent: &str, id: i64, seconds: i64) -> Vec<String> {
    let (mut store, mut ctx) = other_agent(app, agent);
    ctx.now = at(seconds);
    presence::others_on(&mut store, &ctx, id).unwrap()
}

fn open_ticket_id(app: &App) -> i64 {
    match app.model.screens.detail() {
        Some(Detail::Ticket { id, .. }) => *id,
        _ => panic!("no ticket page open"),
    }
}

#[test]
fn the_ticket_page_shows_who_else_has_it_open_until_their_heartbeat_expires() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g <Enter>");
    let id = open_ticket_id(&app);
    assert_eq!(seen_by(&app, "wang", id, 1), ["li"], "opening the page beats at once");
    assert!(!app.screen(120, 40).contains("Also open"));
    beat_as(&app, "wang", id, 1);
    beat_as(&app, "li.na", id, 2);
    app.send(Msg::Tick(at(2)));
    let screen = app.screen(120, 40);
    let banner = screen
        .lines()
        .find(|l| l.contains("Also open"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(banner.contains("● Also open: li.na, wang"), "{banner}");
    let row = screen.lines().position(|l| l.contains("Also open")).unwrap();
    assert!(row <= 2, "near the top, not at row {row}:\n{screen}");
    // li.na keeps beating; wang stops and is gone after 30 s.
    beat_as(&app, "li.na", id, 20);
    app.send(Msg::Tick(at(32)));
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("● Also open: li.na") && !screen.contains("wang"),
        "{screen}"
    );
    // Our own heartbeat was kept fresh by the ticks all along.
    assert_eq!(seen_by(&app, "wang", id, 40), ["li", "li.na"]);
    app.keys("<Esc>");
    assert_eq!(seen_by(&app, "wang", id, 40), ["li.na"], "closing the page leaves");
}

#[test]
fn the_triage_card_shows_who_else_has_it_open_and_moving_on_leaves_it() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = app.model.screens.triage().and_then(|t| t.ticket_id()).unwrap();
    beat_as(&app, "wang", first, 1);
    app.send(Msg::Tick(at(1)));
    assert!(app.screen(120, 40).contains("● Also open: wang"));
    app.keys("<Space>");
    let second = app.model.screens.triage().and_then(|t| t.ticket_id()).unwrap();
    assert_ne!(second, first);
    assert!(
        !app.screen(120, 40).contains("Also open"),
        "wang is not on the next card"
    );
    assert!(seen_by(&app, "wang", first, 2).is_empty(), "moving on left the first");
    assert_eq!(seen_by(&app, "wang", second, 2), ["li"]);
    app.keys("<Esc>");
    assert!(
        seen_by(&app, "wang", second, 2).is_empty(),
        "leaving triage left the card"
    );
}

/// Opens the first ticket of the queue and its edit form, and types
/// `assignee` over its assignee (the third field).
fn edit_first_ticket(app: &mut App, assignee: &str) -> frontdesk::domain::ticket::Ticket {
    app.keys("2 g g <Enter>");
    let id = open_ticket_id(app);
    app.keys("e <Tab> <Tab> <C-u>").text(assignee);
    ticket(app, id)
}

/// Another agent sets a ticket's assignee and category.
fn reassign(app: &App, id: i64, assignee: &str, category: &str) {
    let (mut store, ctx) = other_agent(app, "wang");
    let changes = TicketChanges {
        assignee: Some(assignee.into()),
        category: Some(category.into()),
        ..Default::default()
    };
    tickets::set(&mut store, &ctx, id, &changes, None).unwrap();
}

fn form_value(app: &App, key: &str) -> String {
    app.model
        .screens
        .form()
        .expect("the form is open")
        .value(key)
        .to_string()
}

#[test]
fn reapply_after_a_conflict_puts_ours_on_top_and_keeps_the_other_agents_change() {
    let mut app = App::new(true, 120, 40);
    let before = edit_first_ticket(&mut app, "zhao");
    reassign(&app, before.id, "wang", "billing");
    app.keys("<C-s>");
    assert!(app.model.screens.conflict().is_some(), "the dialog shows");
    let screen = app.screen(120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Assignee") && l.contains("zhao"))
        .unwrap_or_else(|| panic!("{screen}"));
    // Started from nobody, ours, stored now: in this order.
    let (dash, zhao, wang) = (
        row.find('—').unwrap(),
        row.find("zhao").unwrap(),
        row.find("wang").unwrap(),
    );
    assert!(dash < zhao && zhao < wang, "{row}");
    assert!(screen.contains("◆ both changed · wang at"), "{screen}");
    assert!(
        screen.lines().any(|l| l.contains("Category") && l.contains("billing")),
        "{screen}"
    );
    assert_eq!(ticket(&mut app, before.id).assignee, "wang", "nothing of ours yet");
    // Typing does not reach the form under the dialog.
    app.text("x");
    assert_eq!(form_value(&app, "assignee"), "zhao");
    app.keys("r");
    let after = ticket(&mut app, before.id);
    assert_eq!(after.assignee, "zhao", "ours wins where both changed");
    assert_eq!(after.category, "billing", "the other agent's other change is kept");
    assert_eq!(after.version, before.version + 2);
    assert!(app.model.screens.form().is_none() && app.model.screens.conflict().is_none());
}

#[test]
fn reapply_that_conflicts_again_shows_the_dialog_again_with_fresh_values() {
    let mut app = App::new(true, 120, 40);
    let before = edit_first_ticket(&mut app, "zhao");
    reassign(&app, before.id, "wang", "billing");
    app.keys("<C-s>");
    reassign(&app, before.id, "zhou", "refund");
    app.keys("r");
    let conflict = app.model.screens.conflict().expect("the dialog again");
    let assignee = conflict.rows.iter().find(|r| r.key == "assignee").unwrap();
    assert_eq!((assignee.started.as_str(), assignee.now.as_str()), ("wang", "zhou"));
    assert_eq!(ticket(&mut app, before.id).assignee, "zhou", "never a silent overwrite");
    app.keys("r");
    let after = ticket(&mut app, before.id);
    assert_eq!((after.assignee.as_str(), after.category.as_str()), ("zhao", "refund"));
}

#[test]
fn discard_after_a_conflict_writes_nothing_of_ours() {
    let mut app = App::new(true, 120, 40);
    let before = edit_first_ticket(&mut app, "zhao");
    reassign(&app, before.id, "wang", "billing");
    app.keys("<C-s> d");
    let after = ticket(&mut app, before.id);
    assert_eq!((after.assignee.as_str(), after.category.as_str()), ("wang", "billing"));
    assert_eq!(after.version, before.version + 1, "only the other agent's change");
    assert!(app.model.screens.form().is_none() && app.model.screens.conflict().is_none());
    // The ticket page shows the other agent's values.
    let screen = app.screen(120, 40);
    assert!(
        screen.lines().any(|l| l.contains("Assignee") && l.contains("wang")),
        "{screen}"
    );
}

#[test]
fn esc_from_the_conflict_goes_back_to_the_form_which_then_saves_over_what_was_seen() {
    let mut app = App::new(true, 120, 40);
    let before = edit_first_ticket(&mut app, "zhao");
    reassign(&app, before.id, "wang", "billing");
    app.keys("<C-s> <Esc>");
    assert!(app.model.screens.conflict().is_none());
    assert_eq!(form_value(&app, "assignee"), "zhao", "what was typed is kept");
    assert_eq!(
        form_value(&app, "category"),
        "billing",
        "an untouched field shows the stored value"
    );
    assert_eq!(ticket(&mut app, before.id).assignee, "wang");
    app.keys("<C-s>");
    let after = ticket(&mut app, before.id);
    assert_eq!((after.assignee.as_str(), after.category.as_str()), ("zhao", "billing"));
    assert!(app.model.screens.form().is_none());
}

#[test]
fn a_customer_edit_over_a_change_meanwhile_shows_the_dialog_and_reapplies() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 / z s <Enter> <Enter>");
    let code = match app.model.screens.detail() {
        Some(Detail::Card { card: Some(card), .. }) => card.customer.code.clone(),
        _ => panic!("no card open"),
    };
    let get = |app: &mut App| customers::get(&mut app.driver.store, &code).unwrap();
    let before = get(&mut app);
    // Industry is the eighth field.
    app.keys("e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <C-u>")
        .text("电子");
    let (mut store, ctx) = other_agent(&app, "wang");
    let theirs = CustomerInput {
        industry: Some("零售".into()),
        contact: Some("李四".into()),
        ..Default::default()
    };
    customers::edit(&mut store, &ctx, &code, &theirs, None).unwrap();
    app.keys("<C-s>");
    let screen = app.screen(120, 40);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Industry") && l.contains("电子") && l.contains("零售")),
        "{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Contact person") && l.contains("李四")),
        "{screen}"
    );
    app.keys("r");
    let after = get(&mut app);
    assert_eq!((after.industry.as_str(), after.contact.as_str()), ("电子", "李四"));
    assert_eq!(after.version, before.version + 2);
}

#[test]
fn conflict_dialog_120x40() {
    let mut app = App::new(true, 120, 40);
    let before = edit_first_ticket(&mut app, "zhao");
    reassign(&app, before.id, "wang", "billing");
    app.keys("<C-s>");
    insta::assert_snapshot!("conflict_dialog_120x40", app.screen(120, 40));
}

#[test]
fn another_agents_heartbeat_reloads_the_triage_card_without_losing_place() {
    let mut app = App::new(true, 80, 24);
    app.keys("t j j");
    let triage = app.model.screens.triage().unwrap();
    let (id, top) = (triage.ticket_id().unwrap(), triage.scroll.top);
    assert!(top > 0, "the card scrolled on a small screen");
    beat_as(&app, "wang", id, 1);
    app.send(Msg::ExternalChange);
    let triage = app.model.screens.triage().unwrap();
    assert_eq!((triage.ticket_id(), triage.scroll.top), (Some(id), top));
}

#[test]
fn conflict_dialog_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = App::new_in(frontdesk::i18n::Lang::ZhCn, true, width, height);
        let before = edit_first_ticket(&mut app, "zhao");
        reassign(&app, before.id, "wang", "billing");
        app.keys("<C-s>");
        insta::assert_snapshot!(
            format!("conflict_dialog_zh_{width}x{height}"),
            app.screen(width, height)
        );
    }
}
