//! `d` on a triage card asks how the ticket was resolved, as every form
//! that sets a ticket resolved does: the summary is required, saving it is
//! the decision (the run moves on, the ticket is marked triaged, `u` takes
//! it back), and Esc leaves the card as it was, nothing written.

use crate::tui_support;

use frontdesk::app::forms::FormKind;
use frontdesk::domain::enums::TicketStatus;
use frontdesk::i18n::Lang;
use frontdesk::service::tickets;
use tui_support::{App, ZH_SIZES};

fn on_card(app: &App) -> Option<i64> {
    app.model.screens.triage().and_then(|t| t.ticket_id())
}

fn ticket(app: &mut App, id: i64) -> frontdesk::domain::ticket::Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

/// The summaries of the ticket's interactions, as stored.
fn history(app: &mut App, id: i64) -> Vec<String> {
    let detail = tickets::detail(&mut app.driver.store, &app.driver.ctx, id).unwrap();
    detail.interactions.into_iter().map(|i| i.summary).collect()
}

fn message(app: &App) -> String {
    app.model.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn d_asks_for_the_resolution_summary_and_its_save_is_the_decision() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    let before = ticket(&mut app, first);
    app.keys("d");
    let form = app.model.screens.form().expect("d opens a form");
    assert_eq!(
        form.kind,
        FormKind::Resolve {
            id: first,
            version: before.version
        }
    );
    assert_eq!(form.title, format!("Resolve #{first}"));
    assert_eq!(ticket(&mut app, first), before, "opening the form writes nothing");
    // The summary is required: an empty save is refused on the field.
    app.keys("<C-s>");
    let form = app.model.screens.form().expect("still open");
    assert!(form.fields[0].error.is_some(), "the summary is marked");
    assert_eq!(ticket(&mut app, first).version, before.version);
    app.text("Replaced the screen");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    let after = ticket(&mut app, first);
    assert_eq!(after.status, TicketStatus::Resolved);
    assert_eq!(after.triaged_by.as_deref(), Some("li"), "a decision leaves its mark");
    assert!(history(&mut app, first).contains(&"Replaced the screen".to_string()));
    assert_eq!(message(&app), format!("#{first}: Resolve #{first}"));
    assert_ne!(on_card(&app), Some(first), "the run moves on");
    assert_eq!(app.model.triage_run.decided, 1);
    // Undoable like any decision: the ticket is back, and on the card.
    app.keys("u");
    let undone = ticket(&mut app, first);
    assert_eq!(undone.status, TicketStatus::Open, "a new ticket comes back open");
    assert_eq!(undone.triaged_by, None);
    assert_eq!(on_card(&app), Some(first));
}

#[test]
fn esc_on_the_resolve_form_keeps_the_card_and_writes_nothing() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    let before = ticket(&mut app, first);
    app.keys("d <Esc>");
    assert!(app.model.screens.form().is_none());
    assert_eq!(on_card(&app), Some(first), "the card stays");
    assert_eq!(ticket(&mut app, first), before);
    assert_eq!((app.model.triage_run.decided, app.model.triage_run.skipped), (0, 0));
    // What was typed is kept as a draft (still nothing written): `d` again
    // brings it back.
    app.keys("d").text("Half a summary");
    app.keys("<Esc>");
    assert_eq!(ticket(&mut app, first), before);
    app.keys("d");
    let form = app.model.screens.form().expect("the form again");
    assert_eq!(form.value("resolution"), "Half a summary");
}

#[test]
fn the_resolve_form_80x24() {
    let mut app = App::new(true, 80, 24);
    app.keys("t d");
    let screen = app.screen(80, 24);
    assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
    insta::assert_snapshot!("triage_resolve_80x24", screen);
}

#[test]
fn the_resolve_form_in_chinese() {
    for (width, height) in ZH_SIZES {
        let mut app = App::new_in(Lang::ZhCn, true, width, height);
        app.keys("t d").text("已为客户更换屏幕");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("triage_resolve_zh_{width}x{height}"), screen);
    }
}
