//! A triage run driven by keys: what was decided or skipped never comes
//! back in the run (not even after leaving triage for a moment), the run
//! ends with its summary, `u` goes back through every decision (a refused
//! step is dropped, saying so) and through bulk changes from the queue, and
//! the footer offers only what fits the card.

use crate::tui_support;

use frontdesk::app::action::Action;
use frontdesk::domain::enums::{Priority, TicketStatus};
use frontdesk::service::Ctx;
use frontdesk::service::tickets::{self, TicketChanges};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, now};

fn on_card(app: &App) -> Option<i64> {
    app.model.screens.triage().and_then(|t| t.ticket_id())
}

fn ticket(app: &mut App, id: i64) -> frontdesk::domain::ticket::Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

fn message(app: &App) -> String {
    app.model.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

/// The footer: the last line of the screen.
fn footer(app: &App, width: u16, height: u16) -> String {
    app.screen(width, height).lines().last().unwrap_or_default().to_string()
}

/// Another agent's change to ticket `id`, made in the file behind the app.
pub(crate) fn changed_elsewhere(app: &App, id: i64) {
    let mut store = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let changes = TicketChanges {
        assignee: Some("wang".into()),
        ..Default::default()
    };
    tickets::set(&mut store, &Ctx::new("wang", now()), id, &changes, None).unwrap();
}

#[test]
fn skipped_and_decided_tickets_never_come_back_in_the_run_even_after_leaving() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    app.keys("n");
    let second = on_card(&app).unwrap();
    assert_ne!(second, first);
    // Leaving triage for a moment and coming back goes on with the run.
    app.keys("<Esc> t");
    assert_eq!(on_card(&app), Some(second), "the run goes on where it was");
    app.keys("2");
    let third = on_card(&app).unwrap();
    assert!(third != first && third != second);
    app.keys("<Space>");
    assert_eq!(on_card(&app), None, "nothing left: the skipped one stays out");
    let screen = app.screen(120, 40);
    assert!(screen.contains("This run: 1 decided, 2 skipped"), "{screen}");
    // The next entry starts a new run, from the most urgent again.
    app.keys("<Esc> t");
    assert_eq!(on_card(&app), Some(first));
}

#[test]
fn undo_goes_back_through_every_decision_and_drops_a_refused_step() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let mut decided = Vec::new();
    let mut was = Vec::new();
    for key in ["4", "3", "4"] {
        let id = on_card(&app).unwrap();
        decided.push(id);
        was.push(ticket(&mut app, id).priority);
        app.keys(key);
    }
    let [a, b, c] = decided[..] else { unreachable!() };
    assert!(ticket(&mut app, a).triaged_by.is_some(), "a decision leaves its mark");
    changed_elsewhere(&app, b);
    // The newest first: c comes back as it was, and on the card to decide again.
    app.keys("u");
    assert_eq!(ticket(&mut app, c).priority, was[2]);
    assert_eq!(ticket(&mut app, c).triaged_by, None);
    assert_eq!(on_card(&app), Some(c));
    // b changed since: refused, never overwritten, and the step is dropped.
    app.keys("u");
    let text = message(&app);
    assert!(text.starts_with(&format!("Cannot undo #{b}")), "{text}");
    assert_eq!(ticket(&mut app, b).priority, Priority::Normal);
    assert_eq!(ticket(&mut app, b).assignee, "wang");
    // So the next `u` reaches a, the one before.
    app.keys("u");
    assert_eq!(message(&app), format!("Undone: #{a} is back as it was"));
    assert_eq!(ticket(&mut app, a).priority, was[0]);
    assert_eq!(ticket(&mut app, a).triaged_by, None);
    app.keys("u");
    assert_eq!(message(&app), "Nothing to undo");
}

#[test]
fn u_in_the_queue_undoes_the_last_bulk_change() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g x j x");
    let marked: Vec<i64> = app.model.queue.marked.iter().copied().collect();
    let before: Vec<Priority> = marked.iter().map(|id| ticket(&mut app, *id).priority).collect();
    app.keys("p");
    app.model.screens.form_mut().unwrap().fields[0].input.set("low");
    app.keys("<C-s>");
    assert!(marked.iter().all(|id| ticket(&mut app, *id).priority == Priority::Low));
    // The marks are gone; the changed tickets carry the triaged mark.
    assert!(app.model.queue.marked.is_empty());
    assert!(
        app.screen(120, 40).contains("•"),
        "triaged tickets are marked in the queue"
    );
    insta::assert_snapshot!("queue_triaged_marks_120x40", app.screen(120, 40));
    app.keys("u");
    assert_eq!(message(&app), "Undone: 2 tickets are back as they were");
    let after: Vec<Priority> = marked.iter().map(|id| ticket(&mut app, *id).priority).collect();
    assert_eq!(after, before);
    app.keys("u");
    assert_eq!(message(&app), "Nothing to undo");
}

#[test]
fn the_queue_can_show_only_untriaged_tickets() {
    let mut app = App::new(true, 120, 40);
    let all = app.model.queue.list.len();
    app.keys("t 1 <Esc> 2 U");
    assert_eq!(message(&app), "Queue: only tickets not yet triaged");
    assert_eq!(app.model.queue.list.len(), all - 1);
    assert!(
        app.model
            .queue
            .list
            .rows()
            .iter()
            .all(|v| v.ticket.triaged_at.is_none())
    );
    app.keys("U");
    assert_eq!(app.model.queue.list.len(), all);
}

#[test]
fn the_footer_offers_only_what_fits_the_card_and_c_does_the_callback() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let triage = app.model.screens.triage().unwrap();
    let status = triage.card.as_ref().unwrap().view.ticket.status;
    assert!(matches!(status, TicketStatus::New | TicketStatus::Open), "{status:?}");
    assert!(triage.offers(Action::Resolve) && triage.offers(Action::SetPending));
    assert!(!triage.offers(Action::Callback));
    let line = footer(&app, 120, 40);
    assert!(
        line.contains("Resolve") && !line.contains("Callback") && !line.contains("Undo"),
        "{line}"
    );
    // Resolved elsewhere, 张三's complaint (#1) waits for its callback.
    let first = 1;
    let mut store = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let resolve = TicketChanges {
        status: Some("resolved".into()),
        ..Default::default()
    };
    tickets::set(&mut store, &Ctx::new("wang", now()), first, &resolve, None).unwrap();
    app.keys("<Esc> t");
    for _ in 0..3 {
        if on_card(&app) != Some(first) {
            app.keys("n");
        }
    }
    assert_eq!(on_card(&app), Some(first));
    let triage = app.model.screens.triage().unwrap();
    assert!(!triage.offers(Action::Resolve) && !triage.offers(Action::SetPending));
    assert!(triage.offers(Action::Callback));
    let line = footer(&app, 120, 40);
    assert!(line.contains("Callback") && !line.contains("Resolve"), "{line}");
    insta::assert_snapshot!("triage_callback_due_80x24", app.screen(80, 24));
    insta::assert_snapshot!("triage_callback_due_120x40", app.screen(120, 40));
    // The keys refuse what does not fit, saying why.
    app.keys("d");
    assert_eq!(message(&app), format!("Resolve does not apply to #{first} (resolved)"));
    app.keys("c");
    let form = app.model.screens.form().expect("the callback form");
    assert!(form.title.contains(&first.to_string()), "{}", form.title);
    // Saved (satisfied), the callback is the card's decision: the survey
    // form follows, and behind it the run has moved on.
    app.keys("<C-s>");
    assert!(ticket(&mut app, first).callback_at.is_some());
    assert!(app.model.screens.form().is_some_and(|f| f.value("quality").is_empty()));
    assert_ne!(on_card(&app), Some(first));
    assert_eq!(app.model.triage_run.decided, 1);
}

#[test]
fn the_run_summary_and_a_triaged_card_in_chinese() {
    let mut app = App::new_in(frontdesk::i18n::Lang::ZhCn, true, 120, 40);
    app.keys("t 2 2 n");
    insta::assert_snapshot!("triage_run_summary_zh_120x40", app.screen(120, 40));
    // A new run: the most urgent card, decided already in the last one.
    app.keys("<Esc> t");
    insta::assert_snapshot!("triage_triaged_card_zh_80x24", app.screen(80, 24));
}
