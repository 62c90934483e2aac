//! Writes off the event loop: a save made while another connection holds
//! the file's write lock waits on the writer's thread while the keys keep
//! working and the header says `saving…`, and lands once the lock goes; a
//! failed save's reason is shown whole on its form.

use crate::tui_support;

use frontdesk::app::forms::Failure;
use frontdesk::app::keys::Key;
use frontdesk::app::msg::Msg;
use frontdesk::store::{Store, StoreError};
use frontdesk::tui::effects::{Driver, pump_via};
use frontdesk::tui::writer::Writer;
use std::time::{Duration, Instant};
use tui_support::App;

/// A writer on the app's database, as the event loop starts it.
fn writer(app: &App) -> Writer {
    let options = frontdesk::service::database::open_options(&app.driver.config.database);
    let store = Store::open(&app.path, &options).unwrap();
    let driver = Driver::new(store, app.driver.ctx.clone(), app.driver.config.clone(), true);
    Writer::start(driver, &app.path)
}

/// One message through the model as the event loop feeds it: writes go to
/// the writer, everything else runs inline.
fn send(app: &mut App, writer: &mut Writer, msg: Msg) {
    pump_via(&mut app.model, &mut app.driver, msg, &mut |_| Vec::new(), &mut |e| {
        writer.offload(e)
    });
}

fn keys(app: &mut App, writer: &mut Writer, keys: &str) {
    for key in keys.split_whitespace() {
        send(app, writer, Msg::Key(Key::parse(key).expect("a valid key")));
    }
}

fn text(app: &mut App, writer: &mut Writer, text: &str) {
    for c in text.chars() {
        send(app, writer, Msg::Key(Key::char(c)));
    }
}

/// What the loop does between keys: results in, the header's state told.
fn poll(app: &mut App, writer: &mut Writer) {
    for msg in writer.results() {
        send(app, writer, msg);
    }
    let writing = writer.status();
    if writing != app.model.saves.writing {
        send(app, writer, Msg::Writing(writing));
    }
}

/// Polls until no save is left, as long as a loaded machine may need (the
/// test fails rather than hangs).
fn settle(app: &mut App, writer: &mut Writer) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while writer.saving() && Instant::now() < deadline {
        poll(app, writer);
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!writer.saving(), "the save came back");
    poll(app, writer);
}

fn customers(app: &App) -> Vec<String> {
    app.model.customers.list.rows().iter().map(|c| c.name.clone()).collect()
}

#[test]
fn a_save_waits_for_a_held_lock_while_keys_work_and_lands_once_it_goes() {
    let mut app = App::new(true, 120, 40);
    let mut writer = writer(&app);
    // Another agent's long write: the write lock taken and kept.
    let holder = rusqlite::Connection::open(&app.path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    keys(&mut app, &mut writer, "1 n");
    text(&mut app, &mut writer, "赵六");
    keys(&mut app, &mut writer, "<C-s>");
    assert!(app.model.screens.form().is_none(), "the screen is free while it saves");
    poll(&mut app, &mut writer);
    assert!(writer.saving(), "it cannot land while the lock is held");
    let header = app.screen(120, 40).lines().next().unwrap().to_string();
    assert!(header.contains("saving…"), "{header}");
    // Keys take effect meanwhile: move, open a card, open and leave a form.
    let before = app.model.customers.selected().map(|c| c.id);
    keys(&mut app, &mut writer, "j");
    assert_ne!(app.model.customers.selected().map(|c| c.id), before, "moved");
    keys(&mut app, &mut writer, "n <Esc>");
    assert!(app.model.screens.form().is_none());
    assert!(writer.saving(), "still waiting for the lock");
    assert!(!customers(&app).contains(&"赵六".to_string()));
    holder.execute_batch("COMMIT").unwrap();
    settle(&mut app, &mut writer);
    assert!(customers(&app).contains(&"赵六".to_string()), "{:?}", customers(&app));
    let screen = app.screen(120, 40);
    let header = screen.lines().next().unwrap();
    assert!(!header.contains("saving…"), "{header}");
    assert!(screen.contains("赵六"), "{screen}");
}

#[test]
fn a_failed_save_keeps_its_form_with_the_whole_reason_on_a_narrow_screen() {
    let mut app = App::new(true, 80, 24);
    app.keys("1 n").text("赵六");
    let busy = frontdesk::service::Error::Storage(StoreError::Busy("database is locked".into()));
    let reason = frontdesk::i18n::describe(&busy, app.model.strings);
    app.send(Msg::SaveFailed(Failure::Other(reason.clone())));
    let form = app.model.screens.form().expect("kept");
    assert_eq!(form.value("name"), "赵六");
    let screen = app.screen(80, 24);
    // Wrapped over the form's last lines, every word of it is there.
    let inside: Vec<&str> = screen
        .lines()
        .filter_map(|line| line.split_once("┃┃").map(|(_, rest)| rest))
        .map(|rest| rest.split('┃').next().unwrap_or("").trim())
        .collect();
    assert!(inside.join(" ").contains(&reason), "{reason:?} not whole in\n{screen}");
}

/// Asks the writer whether another process wrote, and waits for the answer.
fn changed_elsewhere(writer: &mut Writer) -> bool {
    writer.check();
    let answer = writer.wait(Duration::from_secs(30)).expect("an answer");
    answer.iter().any(|msg| matches!(msg, Msg::ExternalChange))
}

#[test]
fn our_own_saves_are_not_taken_for_another_agents_change() {
    let mut app = App::new(true, 120, 40);
    let mut writer = writer(&app);
    assert!(!changed_elsewhere(&mut writer));
    keys(&mut app, &mut writer, "1 n");
    text(&mut app, &mut writer, "赵六");
    keys(&mut app, &mut writer, "<C-s>");
    settle(&mut app, &mut writer);
    assert!(customers(&app).contains(&"赵六".to_string()));
    assert!(!changed_elsewhere(&mut writer), "our save woke us");
    // Another agent adds a customer through a connection of its own.
    let mut other = Store::open(&app.path, &frontdesk::store::OpenOptions::default()).unwrap();
    let input = frontdesk::domain::customer::CustomerInput {
        name: Some("钱七".into()),
        ..Default::default()
    };
    let ctx = frontdesk::service::Ctx::new("wang", tui_support::now());
    frontdesk::service::customers::add(&mut other, &ctx, &input).unwrap();
    assert!(changed_elsewhere(&mut writer));
    assert!(!changed_elsewhere(&mut writer), "told once");
}

#[test]
fn the_header_names_the_lock_holder_where_it_fits_and_keeps_the_counts() {
    let mut app = App::new(true, 160, 40);
    let holder = "another process (sqlite3, pid 4242)".to_string();
    app.send(Msg::Writing(frontdesk::app::saves::Writing::Waiting(holder)));
    let wide = app.screen(160, 40).lines().next().unwrap().to_string();
    assert!(
        wide.contains("saving… waiting for another process (sqlite3, pid 4242)"),
        "{wide}"
    );
    assert!(wide.contains("breached 3"), "{wide}");
    let narrow = app.screen(80, 24).lines().next().unwrap().to_string();
    assert!(narrow.contains("saving…") && !narrow.contains("pid 4242"), "{narrow}");
    assert!(narrow.contains("breached 3"), "the counts stay whole: {narrow}");
    app.send(Msg::Writing(frontdesk::app::saves::Writing::Idle));
    assert!(!app.screen(160, 40).lines().next().unwrap().contains("saving"));
}
