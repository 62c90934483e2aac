//! Pick lists in the terminal UI on a real database: `zs` in a new ticket's
//! customer field offers 张三 and a save opens the ticket for them; the
//! assignee is offered from the team. Snapshots at 80×24 and 120×40, in
//! English and Chinese, with Chinese names in the lists.

use crate::tui_support::{self, App, ZH_SIZES, seed};
use frontdesk::config::Config;
use frontdesk::i18n::Lang;
use frontdesk::service::tickets::{self, TicketQuery};
use frontdesk::service::{Ctx, roles};
use frontdesk::store::Store;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A team after [`seed`]: `li` (the first, so admin) and three more.
fn seed_team(store: &mut Store, _config: &Config) {
    let ctx = Ctx::new("li", tui_support::now());
    for (name, department) in [
        ("li", None),
        ("wang.fang", Some("service")),
        ("王芳", Some("售后")),
        ("wu.lei", None),
    ] {
        roles::add_agent(store, &ctx, name, "agent", department).unwrap();
    }
}

/// The scene `prepare` makes, snapshotted in English and Chinese at each size.
fn each_size(name: &str, prepare: impl Fn(&mut App)) {
    let runs = SIZES.iter().map(|size| (Lang::En, "", *size));
    for (lang, tag, (width, height)) in runs.chain(ZH_SIZES.iter().map(|size| (Lang::ZhCn, "_zh", *size))) {
        let mut app = App::seeded_in(lang, &[seed, seed_team], width, height);
        prepare(&mut app);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}{tag}_{width}x{height}"), screen);
    }
}

/// The new ticket form from the queue with a subject, its customer field emptied.
fn new_ticket_customer(app: &mut App) {
    app.keys("2 n").text("屏幕又坏了").keys("<S-Tab> <S-Tab> <C-u>");
}

#[test]
fn customer_pick_list() {
    each_size("picker_customer", |app| {
        new_ticket_customer(app);
        app.text("zs");
    });
}

#[test]
fn assignee_pick_list() {
    each_size("picker_assignee", |app| {
        app.keys("2 g g a <C-u>").text("wf");
    });
}

#[test]
fn zs_then_enter_opens_the_ticket_for_zhang_san() {
    let mut app = App::seeded_in(Lang::En, &[seed, seed_team], 120, 40);
    new_ticket_customer(&mut app);
    app.text("zs");
    let form = app.model.screens.form().unwrap();
    let list = form.pick_list().expect("a list under the field");
    assert_eq!(list.choices[0].label, "张三", "the best match first");
    app.keys("<Enter> <C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let all = tickets::list(
        &mut app.driver.store,
        &app.driver.ctx,
        &TicketQuery {
            limit: None,
            ..Default::default()
        },
    )
    .unwrap();
    let opened = all.iter().find(|v| v.ticket.subject == "屏幕又坏了").unwrap();
    assert_eq!(opened.ticket.customer_name, "张三");
}

#[test]
fn an_unknown_assignee_comes_back_on_its_field_with_the_nearest_agent() {
    let mut app = App::seeded_in(Lang::En, &[seed, seed_team], 120, 40);
    app.keys("2 g g a <C-u>").text("wang.fnag").keys("<Esc> <C-s>");
    let form = app.model.screens.form().expect("the form stays");
    let field = form.focused().unwrap();
    assert_eq!((field.key, field.value()), ("assignee", "wang.fnag"));
    let error = field.error.as_ref().expect("refused").describe(app.model.strings);
    assert!(error.contains("wang.fang"), "{error}");
}
