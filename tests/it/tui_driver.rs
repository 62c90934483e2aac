//! The terminal UI against a real database, without a terminal: forms
//! saved through the services, their errors landing in the form, another
//! agent's writes (a conflict, a refresh), all driven by keys.

use crate::tui_support;

use frontdesk::app::forms::FormKind;
use frontdesk::app::msg::Msg;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::tickets::TicketChanges;
use frontdesk::service::{Ctx, customers, tickets};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, now};

/// Another agent, on a connection of their own.
fn other_agent(app: &App) -> (Store, Ctx) {
    (
        Store::open(&app.path, &OpenOptions::default()).unwrap(),
        Ctx::new("wang", now()),
    )
}

fn selected_customer(app: &App) -> String {
    app.model
        .customers
        .selected()
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

#[test]
fn a_stale_edit_is_refused_and_the_form_is_kept() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g p <Right>");
    let Some(FormKind::EditTicket { id, .. }) = app.model.screens.form().map(|f| f.kind) else {
        panic!("a ticket form is open");
    };
    let typed = app.model.screens.form().unwrap().value("priority").to_string();
    let (mut store, ctx) = other_agent(&app);
    let changes = TicketChanges {
        assignee: Some("wang".into()),
        ..Default::default()
    };
    tickets::set(&mut store, &ctx, id, &changes, None).unwrap();
    app.keys("<C-s>");
    let form = app.model.screens.form().expect("the form stays");
    // The conflict dialog over the form compares ours with the stored ticket.
    let conflict = app.model.screens.conflict().expect("the conflict dialog");
    assert!(
        conflict
            .rows
            .iter()
            .any(|r| r.key == "priority" && r.mine && r.yours == typed)
    );
    assert!(app.screen(120, 40).contains("changed meanwhile"));
    assert_eq!(form.value("priority"), typed, "nothing typed is lost");
    // Nothing was written over the other agent's change.
    let t = tickets::get(&mut store, &ctx, id).unwrap().ticket;
    assert_eq!(t.assignee, "wang");
}

#[test]
fn a_new_customer_is_saved_and_selected() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 n").text("赵六");
    app.keys("<Tab> <Tab> <Tab> <Tab>").text("13900001111");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    assert_eq!(selected_customer(&app), "赵六");
    let message = app.model.message.as_ref().unwrap();
    assert!(!message.error && message.text.contains("赵六"), "{message:?}");
}

#[test]
fn a_service_error_lands_on_its_field() {
    let mut app = App::new(true, 120, 40);
    // It opens on the subject: the queue filled in the customer.
    app.keys("2 n").text("No such customer");
    app.keys("<Up> <Up> <C-u>").text("C1999999");
    app.keys("<C-s>");
    let form = app.model.screens.form().expect("the form stays");
    let customer = form.fields.iter().find(|f| f.key == "customer").unwrap();
    // Marked from the error's data, whatever the language of its words.
    let missing = frontdesk::app::forms::FieldError::NotFound {
        entity: frontdesk::domain::error::Entity::Customer,
        key: "C1999999".into(),
    };
    assert_eq!(customer.error.as_ref(), Some(&missing), "{customer:?}");
    let shown = missing.describe(app.model.strings);
    assert_eq!(shown, "customer C1999999 not found");
    assert_eq!(form.value("subject"), "No such customer");
}

#[test]
fn another_agents_write_appears_keeping_the_cursor_and_the_form() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 j j");
    let before = selected_customer(&app);
    app.keys("n").text("half typed");
    let (mut store, ctx) = other_agent(&app);
    let input = CustomerInput {
        name: Some("外部新增客户".into()),
        ..Default::default()
    };
    customers::add(&mut store, &ctx, &input).unwrap();
    assert!(app.driver.external_change(), "data_version moved");
    app.send(Msg::ExternalChange);
    let rows = app.model.customers.list.rows();
    assert!(rows.iter().any(|c| c.name == "外部新增客户"));
    assert_eq!(selected_customer(&app), before);
    assert_eq!(app.model.screens.form().unwrap().value("name"), "half typed");
    assert!(!app.driver.external_change(), "our own reads change nothing");
}

#[test]
fn a_reply_from_the_queue_is_recorded_on_the_ticket() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 g g");
    let id = app.model.queue.selected().unwrap().ticket.id;
    app.keys("r").text("我们已安排退换货");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    app.keys("<Enter>");
    let lines: Vec<String> = app
        .model
        .detail_doc()
        .unwrap()
        .lines
        .iter()
        .map(|l| l.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert!(
        lines.iter().any(|l| l.contains("我们已安排退换货")),
        "ticket #{id}: {lines:#?}"
    );
}

#[test]
fn masked_mode_hides_phones_and_emails_but_never_writes_them() {
    let mut app = App::new(true, 120, 40);
    app.model.session.masked = true;
    app.keys("1 / z s <Enter> <Enter>");
    let card = app.screen(120, 40);
    assert!(card.contains("138****5678") && !card.contains("13812345678"), "{card}");
    assert!(
        card.contains("z*******@example.com") && !card.contains("zhang.san@"),
        "{card}"
    );
    assert!(card.contains("[masked]"));
    // Editing another field saves the real number untouched.
    app.keys("e <Tab> <Tab> <Tab>").text("张先生");
    let form = app.screen(120, 40);
    assert!(!form.contains("13812345678"), "{form}");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    let (mut store, _) = other_agent(&app);
    let saved = customers::get(&mut store, "C2026001").unwrap();
    assert_eq!(
        (saved.phone.as_str(), saved.contact.as_str()),
        ("13812345678", "张三张先生")
    );
}
