//! Triage moves on without waiting: each card comes with the one after it,
//! so a decision shows the next card at once and its write and the next
//! read follow. Driven on the model itself, running the effects by hand,
//! to see what happens between the key and the write: a change another
//! agent made meanwhile is still respected, and undo still works.

use crate::tui_support;

use crate::tui_triage_run::changed_elsewhere;
use frontdesk::app::keys::Key;
use frontdesk::app::{Effect, Msg, update};
use frontdesk::domain::enums::Priority;
use frontdesk::service::tickets;
use tui_support::App;

fn on_card(app: &App) -> Option<i64> {
    app.model.screens.triage().and_then(|t| t.ticket_id())
}

/// The card read with the one on screen, to show after it.
fn next_on_card(app: &App) -> Option<i64> {
    let card = app.model.screens.triage()?.card.as_ref()?;
    card.next.as_ref().map(|n| n.view.ticket.id)
}

fn ticket(app: &mut App, id: i64) -> frontdesk::domain::ticket::Ticket {
    tickets::get(&mut app.driver.store, &app.driver.ctx, id).unwrap().ticket
}

/// One key on the model alone: the effects it asks for are not run. The
/// heartbeats of the ticket on screen are left out (presence, not triage).
fn key_only(app: &mut App, key: &str) -> Vec<Effect> {
    let mut effects = update(&mut app.model, Msg::Key(Key::parse(key).unwrap()));
    effects.retain(|e| !matches!(e, Effect::BeatTicket(..) | Effect::LeaveTicket(_)));
    effects
}

/// Runs effects as the writer and the worker would, feeding back their results.
fn run(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        for msg in app.driver.run(effect) {
            app.send(msg);
        }
    }
}

#[test]
fn a_decision_shows_the_next_card_before_its_write_and_any_read() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    let second = next_on_card(&app).expect("the card after it came with it");
    assert_ne!(second, first);
    let effects = key_only(&mut app, "2");
    assert_eq!(on_card(&app), Some(second), "the next card shows at once");
    assert!(!app.model.screens.triage().unwrap().loading, "and takes decisions");
    assert!(
        matches!(effects.as_slice(), [Effect::TriageChange(..)]),
        "only the write, no read before it: {effects:?}"
    );
    assert_ne!(ticket(&mut app, first).priority, Priority::High, "not written yet");
    run(&mut app, effects);
    assert_eq!(ticket(&mut app, first).priority, Priority::High);
    assert_eq!(on_card(&app), Some(second), "the card read again keeps its place");
    assert!(next_on_card(&app).is_some_and(|n| n != first && n != second));
    // Undo takes the decision back and shows its ticket again.
    app.keys("u");
    assert_ne!(ticket(&mut app, first).priority, Priority::High);
    assert_eq!(on_card(&app), Some(first));
}

#[test]
fn skip_shows_the_next_card_and_reads_the_one_after_it() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    let second = next_on_card(&app).unwrap();
    let effects = key_only(&mut app, "n");
    assert_eq!(on_card(&app), Some(second));
    assert!(
        matches!(effects.as_slice(), [Effect::ReloadTriage(id, passed)] if *id == second && passed == &vec![first]),
        "{effects:?}"
    );
}

#[test]
fn the_next_card_is_read_again_after_the_write_showing_another_agents_change() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let second = next_on_card(&app).unwrap();
    // Another agent assigns the next ticket after the cards were read.
    changed_elsewhere(&app, second);
    let effects = key_only(&mut app, "2");
    let shown = |app: &App| {
        app.model
            .screens
            .triage()
            .unwrap()
            .card
            .as_ref()
            .unwrap()
            .view
            .ticket
            .clone()
    };
    assert_ne!(shown(&app).assignee, "wang", "the card as read before the change");
    run(&mut app, effects);
    assert_eq!(shown(&app).assignee, "wang", "read again once the decision is written");
    // A decision on it now is made on what it is now: written.
    app.keys("1");
    assert_eq!(ticket(&mut app, second).priority, Priority::Urgent);
}

#[test]
fn a_quick_decision_on_a_card_changed_meanwhile_is_refused_and_the_card_comes_back() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let first = on_card(&app).unwrap();
    let second = next_on_card(&app).unwrap();
    let mut effects = key_only(&mut app, "2");
    // Before anything was written or read again, another agent changes the
    // card now on screen, and the agent decides on it as shown.
    changed_elsewhere(&app, second);
    let before = ticket(&mut app, second);
    effects.extend(key_only(&mut app, "1"));
    run(&mut app, effects);
    assert_eq!(
        ticket(&mut app, first).priority,
        Priority::High,
        "the first decision stands"
    );
    assert_eq!(
        ticket(&mut app, second).version,
        before.version,
        "made on stale facts: not written"
    );
    let message = app.model.message.as_ref().unwrap();
    assert!(message.error, "{message:?}");
    assert_eq!(on_card(&app), Some(second), "its card comes back, as it is now");
    let triage = app.model.screens.triage().unwrap();
    assert_eq!(triage.card.as_ref().unwrap().view.ticket.assignee, "wang");
    assert!(!app.model.triage_run.passed.contains(&second));
    assert_eq!(app.model.triage_run.decided, 1);
}
