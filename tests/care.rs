//! Sharing one file among agents, in the terminal UI: the dialog shown
//! when a save meets a record changed meanwhile, version-checked triage
//! and bulk changes, who else has a ticket open, and the audit trail on
//! the customer card. Driven by keys against a real database; a second
//! connection with another agent's `Ctx` is the other agent.

mod tui_support;

use frontdesk::service::Ctx;
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
    assert!(app.model.form.is_none(), "the form saved");
    let screen = app.screen(120, 60);
    let line = screen
        .lines()
        .find(|l| l.contains("high-value → "))
        .unwrap_or_else(|| panic!("no tier change on the card:\n{screen}"));
    assert!(line.contains(" li "), "who changed it: {line}");
    let _ = other_agent(&app, "wang");
}
