//! Birthdays and low-survey follow-ups in the terminal UI, driven by keys
//! against a real database: the customer form's birthday field, the card,
//! and the Reminders view's rows, `x` and `l` on them. The clock stands at
//! 2026-10-05T09:30Z, 17:30 in Shanghai (the team zone).

use crate::tui_support;

use chrono::Duration;
use frontdesk::config::Config;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::ReminderReason;
use frontdesk::service::surveys::SurveyInput;
use frontdesk::service::{Ctx, customers, surveys};
use frontdesk::store::{CustomerQuery, Store};
use tui_support::{App, now, seed};

const BIRTHDAY_PERSON: &str = "林小雨";
const UNHAPPY: &str = "何伟";

/// After [`seed`]: 林小雨, whose birthday is in three days, and 何伟, who
/// gave a 2/3/4 survey yesterday and has not been contacted since.
fn seed_occasions(store: &mut Store, _config: &Config) {
    let ctx = Ctx::new("li", now() - Duration::hours(30));
    let input = CustomerInput {
        name: Some(BIRTHDAY_PERSON.into()),
        birthday: Some("1992-10-08".into()),
        ..Default::default()
    };
    customers::add(store, &ctx, &input).unwrap();
    let input = CustomerInput {
        name: Some(UNHAPPY.into()),
        ..Default::default()
    };
    let unhappy = customers::add(store, &ctx, &input).unwrap();
    let survey = SurveyInput {
        customer: unhappy.code,
        ticket: None,
        quality: "2".into(),
        response: "3".into(),
        communication: "4".into(),
        comment: Some("等了很久".into()),
    };
    surveys::add(store, &ctx, &survey).unwrap();
}

fn app() -> App {
    App::seeded(&[seed, seed_occasions], 120, 40)
}

fn app_in(lang: frontdesk::i18n::Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed, seed_occasions], width, height)
}

fn field_error(app: &App, key: &str) -> Option<String> {
    let form = app.model.screens.form().expect("a form");
    form.fields
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| f.error.as_ref().map(|e| e.describe(app.model.strings)))
}

fn customer_named(app: &mut App, name: &str) -> Option<frontdesk::domain::customer::Customer> {
    customers::list(&mut app.driver.store, &CustomerQuery::default(), None)
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
}

/// From the name field of the customer form to its birthday field, the last.
const TO_BIRTHDAY: &str = "<Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>";

#[test]
fn the_customer_form_saves_a_birthday_shown_on_the_card() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 n").text("赵六").keys(TO_BIRTHDAY).text("1990-10-07");
    let form = app.model.screens.form().expect("the customer form");
    assert_eq!(form.value("birthday"), "1990-10-07");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let saved = customer_named(&mut app, "赵六").expect("the new customer");
    assert_eq!(saved.birthday.map(|d| d.to_string()).as_deref(), Some("1990-10-07"));

    app.keys("1 /").text("赵六").keys("<Enter> <Enter>");
    let card = app.screen(120, 40);
    assert!(card.contains("Birthday") && card.contains("1990-10-07"), "{card}");
    // Masked mode hides phones and e-mails, not the birthday.
    app.model.session.masked = true;
    assert!(app.screen(120, 40).contains("1990-10-07"));
}

#[test]
fn a_bad_birthday_shows_the_field_error_and_saves_nothing() {
    let mut app = App::new(true, 120, 40);
    app.keys("1 n")
        .text("赵六")
        .keys(TO_BIRTHDAY)
        .text("1990-13-01")
        .keys("<C-s>");
    assert_eq!(
        field_error(&app, "birthday").as_deref(),
        Some("expected a date like 1990-05-17")
    );
    assert!(app.screen(120, 40).contains("expected a date like 1990-05-17"));
    assert!(app.model.screens.form().is_some(), "not saved");
    // A date after today is the service's to refuse: on the field too.
    for _ in 0.."1990-13-01".len() {
        app.keys("<Backspace>");
    }
    app.text("2027-01-01").keys("<C-s>");
    assert_eq!(
        field_error(&app, "birthday").as_deref(),
        Some("must not be after today")
    );
    assert!(app.model.screens.form().is_some(), "the form stays with what was typed");
    assert!(customer_named(&mut app, "赵六").is_none(), "nothing written");
}

#[test]
fn the_reminders_view_lists_a_birthday_and_a_low_survey() {
    let mut app = app();
    app.keys("m");
    let screen = app.screen(120, 40);
    for part in ["Birthday", BIRTHDAY_PERSON, "birthday 10-08 (turns 34)"] {
        assert!(screen.contains(part), "{part} missing:\n{screen}");
    }
    for part in ["Low survey", UNHAPPY, "survey 2/3/4: '等了很久'"] {
        assert!(screen.contains(part), "{part} missing:\n{screen}");
    }
}

/// Opens the Reminders view and selects its first row of `reason`.
fn select_first(app: &mut App, reason: ReminderReason) {
    app.keys("m g g");
    let rows = &app.model.screens.reminders().expect("the Reminders view").rows;
    let index = rows
        .iter()
        .position(|r| r.reason == reason)
        .expect("a row of that reason");
    for _ in 0..index {
        app.keys("j");
    }
}

#[test]
fn x_explains_and_l_logs_the_contact_that_ends_a_low_survey_follow_up() {
    let mut app = app();
    select_first(&mut app, ReminderReason::Survey);
    app.keys("x");
    let message = app.model.message.as_ref().expect("a footer message").text.clone();
    assert!(
        message.contains("low-survey follow-up") && message.contains("press l"),
        "{message}"
    );

    app.keys("l");
    let form = app.model.screens.form().expect("the log form");
    assert_eq!(form.value("direction"), "out");
    app.text("致电道歉，已安排回访").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let rows = &app.model.screens.reminders().expect("still in the view").rows;
    assert!(!rows.iter().any(|r| r.reason == ReminderReason::Survey), "ended");
    assert!(rows.iter().any(|r| r.reason == ReminderReason::Birthday), "others stay");
}

#[test]
fn x_on_a_birthday_says_an_outbound_contact_ends_it() {
    let mut app = app();
    select_first(&mut app, ReminderReason::Birthday);
    app.keys("x");
    let message = app.model.message.as_ref().expect("a footer message").text.clone();
    assert!(
        message.contains("birthday or anniversary") && message.contains("press l"),
        "{message}"
    );
}

/// The view with both kinds of rows, in their sections and with their labels.
#[test]
fn reminders_view_with_occasions_at_120x40() {
    let mut app = app();
    app.keys("m");
    insta::assert_snapshot!("occasions_reminders_120x40", app.screen(120, 40));
}

#[test]
fn reminders_view_with_occasions_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = app_in(frontdesk::i18n::Lang::ZhCn, width, height);
        app.keys("m");
        insta::assert_snapshot!(
            format!("occasions_reminders_zh_{width}x{height}"),
            app.screen(width, height)
        );
    }
}
