//! One clock in the terminal UI: the time fields of its forms take the
//! human TIME forms, read at the UI's clock (Monday 2026-10-05 17:30 in
//! Shanghai) in the display zone; other text is refused on its field,
//! naming the forms, in the UI's language.

use crate::crm_support::{ZHANG_TICKET, app, app_in};
use crate::tui_support::App;
use frontdesk::i18n::Lang;
use frontdesk::service::{orders, tickets};

fn zhang_code(app: &mut App) -> String {
    tickets::get(&mut app.driver.store, &app.driver.ctx, ZHANG_TICKET)
        .unwrap()
        .ticket
        .customer_code
}

/// Opens 张三's card and the order form on it.
fn order_form(app: &mut App) {
    app.keys("1 /").text("张三").keys("<Enter> <Enter>");
    app.keys("o");
}

fn at_error(app: &App) -> Option<String> {
    let form = app.model.screens.form().expect("a form");
    let field = form.fields.iter().find(|f| f.key == "at").expect("an at field");
    field.error.as_ref().map(|e| e.describe(app.model.strings))
}

#[test]
fn an_order_form_takes_a_human_time_in_the_display_zone() {
    let mut app = app(120, 40);
    let code = zhang_code(&mut app);
    order_form(&mut app);
    // Amount, then the time field.
    app.text("88").keys("<Tab>").text("someday").keys("<C-s>");
    let error = at_error(&app);
    assert!(
        error.as_ref().is_some_and(|e| e.contains("tomorrow 10:00")),
        "{error:?}"
    );
    assert!(orders::list(&mut app.driver.store, &code, None).unwrap().is_empty());
    for _ in 0.."someday".len() {
        app.keys("<Backspace>");
    }
    app.text("today 09:00").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let list = orders::list(&mut app.driver.store, &code, None).unwrap();
    assert_eq!(list[0].order.at.to_rfc3339(), "2026-10-05T01:00:00+00:00");
}

#[test]
fn a_refused_time_names_the_forms_in_chinese() {
    let mut app = app_in(Lang::ZhCn, 120, 40);
    order_form(&mut app);
    app.text("88").keys("<Tab>").text("下周").keys("<C-s>");
    let error = at_error(&app);
    assert!(
        error
            .as_ref()
            .is_some_and(|e| e.contains("应为时间") && e.contains("明天")),
        "{error:?}"
    );
}
