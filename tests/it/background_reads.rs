//! Slow reads in the background: what the worker hands back drives the
//! model exactly as the inline driver's results do, results that arrive
//! late do not undo newer state, and the header says when reads are out.

use crate::tui_support;

use frontdesk::app::msg::Msg;
use frontdesk::app::panes::PaneId;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers};
use frontdesk::store::{OpenOptions, Store};
use frontdesk::tui::worker::{Read, Worker};
use std::time::{Duration, Instant};
use tui_support::{App, now, seed, seed_dashboard};

/// A worker on the app's database, as the event loop starts it.
fn worker(app: &App) -> Worker {
    let options = frontdesk::service::database::open_options(&app.driver.config.database);
    Worker::start(&app.path, &options, app.driver.ctx.clone(), true)
}

/// Everything the worker hands back for these reads, waiting as long as a
/// loaded machine may need (the test fails rather than hangs).
fn read(worker: &mut Worker, reads: &[Read]) -> Vec<Msg> {
    for read in reads {
        worker.request(read.clone());
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut results = Vec::new();
    while worker.busy() && Instant::now() < deadline {
        results.extend(worker.results());
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!worker.busy(), "the worker answered every read");
    results
}

/// Another agent adds a customer through a connection of its own.
fn another_agent_adds(app: &App, name: &str) {
    let mut store = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(&mut store, &Ctx::new("wang", now()), &input).unwrap();
}

#[test]
fn a_background_reload_shows_the_same_screen_as_an_inline_one() {
    let mut app = App::new(true, 120, 40);
    app.keys("j j");
    let selected = app.model.customers.selected().map(|c| c.id);
    another_agent_adds(&app, "赵六");
    let mut worker = worker(&app);
    for msg in read(&mut worker, &[Read::Overview]) {
        app.send(msg);
    }
    let background = app.screen(120, 40);
    assert!(background.contains("赵六"), "{background}");
    assert_eq!(
        app.model.customers.selected().map(|c| c.id),
        selected,
        "the cursor stays"
    );
    app.send(Msg::ExternalChange);
    assert_eq!(app.screen(120, 40), background);
}

#[test]
fn a_late_reload_keeps_the_filter_being_used() {
    let mut app = App::new(true, 120, 40);
    let mut worker = worker(&app);
    // The read starts before the user filters, and arrives after.
    worker.request(Read::Overview);
    app.keys("/").text("zhang");
    let filtered = app.model.customers.list.len();
    let selected = app.model.customers.selected().map(|c| c.name.clone());
    for msg in read(&mut worker, &[]) {
        app.send(msg);
    }
    assert_eq!(app.model.customers.list.filter.text(), "zhang");
    assert_eq!(app.model.customers.list.len(), filtered);
    assert_eq!(app.model.customers.selected().map(|c| c.name.clone()), selected);
    assert_eq!(app.model.focus, PaneId::Customers);
}

#[test]
fn late_dashboard_figures_for_another_month_are_dropped() {
    let mut app = App::seeded(&[seed, seed_dashboard], 120, 40);
    app.keys("d");
    let month = app.model.screens.dashboard().unwrap().month;
    let mut worker = worker(&app);
    worker.request(Read::Dashboard(month, None));
    // Paged back before the figures came.
    app.keys("[");
    let earlier = app.model.screens.dashboard().unwrap().month;
    assert_eq!(earlier, month.previous());
    let before = app.screen(120, 40);
    for msg in read(&mut worker, &[]) {
        app.send(msg);
    }
    assert_eq!(app.screen(120, 40), before, "figures of {month} dropped");
    let shown = app
        .model
        .screens
        .dashboard()
        .and_then(|d| d.figures())
        .map(|f| f.report.month);
    assert_eq!(shown, Some(earlier));
}

#[test]
fn background_reminders_come_back_to_the_reminders_view() {
    let mut app = App::new(true, 120, 40);
    app.keys("m");
    let inline = app.screen(120, 40);
    let mut worker = worker(&app);
    for msg in read(&mut worker, &[Read::Reminders(Default::default())]) {
        app.send(msg);
    }
    assert_eq!(app.screen(120, 40), inline);
}

#[test]
fn the_header_says_reads_are_out_until_they_are_back() {
    let mark = frontdesk::i18n::get().background.reading;
    let mut app = App::new(true, 80, 24);
    let header = |app: &App, width| app.screen(width, 24).lines().next().unwrap_or_default().to_string();
    assert!(!header(&app, 80).contains(mark));
    app.send(Msg::Reading(true));
    // Even on a narrow screen the mark shows; the database name gives way.
    for width in [120, 80, 60] {
        assert!(header(&app, width).contains(mark), "{width}: {}", header(&app, width));
    }
    insta::assert_snapshot!("reading_80x24", app.screen(80, 24));
    app.send(Msg::Reading(false));
    assert!(!header(&app, 80).contains(mark));
}

#[test]
fn the_minutely_queue_read_comes_back_with_the_cursor_kept() {
    let mut app = App::new(true, 120, 40);
    app.keys("2 j");
    let selected = app.model.queue.selected().map(|v| v.ticket.id);
    let inline = app.screen(120, 40);
    let mut worker = worker(&app);
    for msg in read(&mut worker, &[Read::Queue]) {
        app.send(msg);
    }
    assert_eq!(app.model.queue.selected().map(|v| v.ticket.id), selected);
    assert_eq!(app.screen(120, 40), inline);
}

#[test]
fn the_reading_mark_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = App::new_in(frontdesk::i18n::Lang::ZhCn, true, width, height);
        app.send(Msg::Reading(true));
        insta::assert_snapshot!(format!("reading_zh_{width}x{height}"), app.screen(width, height));
    }
}
