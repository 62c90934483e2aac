//! The CRM parts of the terminal UI against a real database, driven by
//! keys: the Reminders view, orders, the callback then its survey, a
//! survey on its own and manual reminders; and the Reminders view at
//! 120×40 and 80×24.

use crate::crm_support;
use crate::tui_support;

use crm_support::*;
use frontdesk::domain::agenda::Section;
use frontdesk::domain::cadence::{Due, When};
use frontdesk::domain::enums::{CallbackOutcome, ReminderReason};
use frontdesk::service::reminders::{self, ReminderView};
use frontdesk::service::surveys::{self, SurveyFilter};
use frontdesk::service::{orders, tickets};
use tui_support::App;

/// The reminders as the service lists them now.
fn open_reminders(app: &mut App) -> Vec<ReminderView> {
    reminders::list(&mut app.driver.store, &app.driver.ctx, When::All, &Default::default()).unwrap()
}

/// The rows of the Reminders view on screen.
fn rows(app: &App) -> &[ReminderView] {
    &app.model.screens.reminders().expect("the Reminders view").rows
}

fn selected(app: &App) -> &ReminderView {
    app.model
        .screens
        .reminders()
        .and_then(|r| r.selected())
        .expect("a selected reminder")
}

/// Moves down the Reminders view to the first row that `pick` accepts.
fn select(app: &mut App, pick: impl Fn(&ReminderView) -> bool) {
    app.keys("g g");
    let index = rows(app).iter().position(pick).expect("such a reminder");
    for _ in 0..index {
        app.keys("j");
    }
}

fn message(app: &App) -> (String, bool) {
    let m = app.model.message.as_ref().expect("a footer message");
    (m.text.clone(), m.error)
}

fn field_error(app: &App, key: &str) -> Option<String> {
    let form = app.model.screens.form().expect("a form");
    form.fields
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| f.error.as_ref().map(|e| e.describe(app.model.strings)))
}

/// Opens 张三's card from the customer list.
fn zhang_card(app: &mut App) {
    app.keys("1 /").text("张三").keys("<Enter> <Enter>");
    let card = app.screen(120, 40);
    assert!(card.contains("张三") && card.contains("Orders"), "{card}");
}

fn zhang_code(app: &mut App) -> String {
    tickets::get(&mut app.driver.store, &app.driver.ctx, ZHANG_TICKET)
        .unwrap()
        .ticket
        .customer_code
}

#[test]
fn reminders_view_at_120x40() {
    let mut app = app(120, 40);
    app.keys("m");
    insta::assert_snapshot!("reminders_120x40", app.screen(120, 40));
}

#[test]
fn reminders_view_at_80x24() {
    let mut app = app(80, 24);
    app.keys("m");
    insta::assert_snapshot!("reminders_80x24", app.screen(80, 24));
}

#[test]
fn reminders_are_listed_by_section_overdue_on_b_and_esc_goes_back_to_the_panes() {
    let mut app = app(120, 40);
    app.keys("m");
    let all = open_reminders(&mut app);
    for due in [Due::Overdue, Due::Today, Due::Upcoming, Due::Later] {
        assert!(all.iter().any(|r| r.when == due), "the seed has a {due:?} reminder");
    }
    // Today's, then upcoming (later ones too); the overdue ones only counted.
    let listed: Vec<&ReminderView> = all.iter().filter(|r| r.section != Section::Overdue).collect();
    let mut want = listed.clone();
    want.sort_by_key(|r| (r.section, r.due_at));
    assert_eq!(rows(&app).iter().collect::<Vec<_>>(), want);
    let screen = app.screen(120, 40);
    for text in ["Today · 2", "Upcoming · 5", "Overdue · 2  (b shows them)"] {
        assert!(screen.contains(text), "{text} in\n{screen}");
    }
    assert!(!screen.contains("陈静"), "no overdue row yet:\n{screen}");
    app.keys("b");
    let screen = app.screen(120, 40);
    for text in ["Overdue · 2", "3d overdue", "陈静"] {
        assert!(screen.contains(text), "{text} in\n{screen}");
    }
    assert!(!screen.contains("b shows them"), "{screen}");
    assert_eq!(
        selected(&app).section,
        Section::Overdue,
        "b went to the first overdue row"
    );
    // Entering closes triage; Esc leaves for the panes.
    app.keys("<Esc>");
    assert!(app.model.screens.reminders().is_none());
    app.keys("t :").text("reminders").keys("<Enter>");
    assert!(app.model.screens.triage().is_none() && app.model.screens.reminders().is_some());
    app.keys("q");
    assert!(app.model.screens.reminders().is_none() && !app.model.quit);
}

#[test]
fn enter_opens_the_card_or_the_callbacks_ticket_over_the_list() {
    let mut app = app(120, 40);
    app.keys("m");
    select(&mut app, |r| {
        r.reason == ReminderReason::Manual && r.customer_name == "张三"
    });
    app.keys("<Enter>");
    assert!(app.screen(120, 40).contains("C2026001 · 张三"));
    app.keys("<Esc>");
    assert!(app.model.screens.detail().is_none() && app.model.screens.reminders().is_some());
    select(&mut app, |r| r.reason == ReminderReason::Callback);
    app.keys("<Enter>");
    let screen = app.screen(120, 40);
    assert!(screen.contains("#1 产品质量问题：屏幕有坏点"), "{screen}");
    app.keys("q");
    assert!(app.model.screens.detail().is_none() && app.model.screens.reminders().is_some());
}

#[test]
fn x_marks_a_manual_reminder_done_and_it_leaves_the_list() {
    let mut app = app(120, 40);
    // The reminder is overdue: `b` lists the overdue ones.
    app.keys("m b");
    select(&mut app, |r| r.note == "Send the new catalogue");
    let id = selected(&app).id.expect("a stored reminder");
    let place = app.model.screens.reminders().unwrap().selected;
    app.keys("x");
    assert!(!open_reminders(&mut app).iter().any(|r| r.id == Some(id)));
    assert!(!rows(&app).iter().any(|r| r.id == Some(id)), "the view reloaded");
    assert_eq!(message(&app), ("Reminder done".to_string(), false));
    // The cursor stays where it was: on the reminder that took its place.
    assert_eq!(app.model.screens.reminders().unwrap().selected, place);
}

#[test]
fn x_on_a_cadence_reminder_changes_nothing_and_explains() {
    let mut app = app(120, 40);
    app.keys("m");
    select(&mut app, |r| r.reason == ReminderReason::Cadence);
    let before = open_reminders(&mut app);
    app.keys("x");
    assert_eq!(open_reminders(&mut app), before);
    let (text, error) = message(&app);
    assert!(
        error && text.contains("outbound contact") && text.contains("press l"),
        "{text}"
    );
    // On a callback reminder, the way out is the callback.
    select(&mut app, |r| r.reason == ReminderReason::Callback);
    app.keys("x");
    assert_eq!(open_reminders(&mut app), before);
    assert!(message(&app).0.contains("press c"), "{:?}", message(&app));
}

#[test]
fn logging_an_outbound_contact_ends_the_cadence_reminder() {
    let mut app = app(120, 40);
    app.keys("m b");
    let overdue_cadence =
        |r: &ReminderView| r.reason == ReminderReason::Cadence && r.customer_name == CHEN && r.when == Due::Overdue;
    select(&mut app, overdue_cadence);
    app.keys("l");
    let form = app.model.screens.form().expect("the log form");
    assert_eq!(form.value("direction"), "out", "from Reminders, a contact goes out");
    assert!(form.value("customer").starts_with('C'));
    // It opens on the summary, past what the view filled in.
    app.text("电话联系，客户满意").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    assert!(!open_reminders(&mut app).iter().any(overdue_cadence));
    assert!(!rows(&app).iter().any(overdue_cadence), "the view reloaded");
    assert!(app.model.screens.reminders().is_some(), "still in the Reminders view");
}

#[test]
fn n_adds_a_manual_reminder_for_the_rows_customer() {
    let mut app = app(120, 40);
    app.keys("m");
    select(&mut app, |r| {
        r.customer_name == "张三" && r.reason == ReminderReason::Manual
    });
    let before = open_reminders(&mut app).len();
    let code = zhang_code(&mut app);
    app.keys("n");
    assert_eq!(app.model.screens.form().unwrap().value("customer"), code);
    // A due time the CLI would refuse is refused on its field; nothing is written.
    app.text("someday").keys("<Tab>").text("带样品上门拜访").keys("<C-s>");
    let error = field_error(&app, "due");
    assert!(
        error.as_ref().is_some_and(|e| e.contains("tomorrow 10:00")),
        "{error:?}"
    );
    assert_eq!(open_reminders(&mut app).len(), before);
    // The bad field has the keyboard.
    for _ in 0.."someday".len() {
        app.keys("<Backspace>");
    }
    // A human form, read at the clock (Monday 17:30 in Shanghai) in the display zone.
    app.text("tomorrow 10:00").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let added: Vec<_> = open_reminders(&mut app)
        .into_iter()
        .filter(|r| r.note == "带样品上门拜访")
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(
        (
            added[0].reason,
            added[0].customer_name.as_str(),
            added[0].due_at.to_rfc3339()
        ),
        (ReminderReason::Manual, "张三", "2026-10-06T02:00:00+00:00".to_string())
    );
    assert!(rows(&app).iter().any(|r| r.note == "带样品上门拜访"));
}

#[test]
fn an_order_added_from_the_card_shows_on_the_card_and_in_the_orders() {
    let mut app = app(120, 40);
    zhang_card(&mut app);
    let code = zhang_code(&mut app);
    app.keys("o");
    // It opens on the amount, past the customer the card filled in.
    app.text("1234.50")
        .keys("<Tab> <Tab>")
        .text("显示器 27 寸")
        .keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let list = orders::list(&mut app.driver.store, &code, None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].order.amount_cents, list[0].order.product.as_str()),
        (123_450, "显示器 27 寸")
    );
    let card = app.screen(120, 40);
    assert!(card.contains("1,234.50") && card.contains("显示器 27 寸"), "{card}");
    // The card shows the tier and lifecycle the order left.
    let c = frontdesk::service::customers::get(&mut app.driver.store, &code).unwrap();
    let s = frontdesk::i18n::get();
    assert!(card.contains(s.tier(c.tier)), "{card}");
    assert!(card.contains(frontdesk::i18n::Strings::keyed(s.lifecycles, &c.lifecycle)));
    assert!(message(&app).0.contains("1,234.50"));
}

#[test]
fn a_bad_amount_is_shown_on_its_field_and_nothing_is_written() {
    let mut app = app(120, 40);
    zhang_card(&mut app);
    let code = zhang_code(&mut app);
    app.keys("o").text("12.345").keys("<C-s>");
    assert_eq!(
        field_error(&app, "amount").as_deref(),
        Some("has more than two decimals")
    );
    assert!(app.screen(120, 40).contains("has more than two decimals"));
    // A time in the future is the service's to refuse: on its field too.
    app.keys("<Backspace>").keys("<Tab>").text("2030-01-01").keys("<C-s>");
    assert_eq!(field_error(&app, "at").as_deref(), Some("is in the future"));
    assert!(orders::list(&mut app.driver.store, &code, None).unwrap().is_empty());
    assert!(app.model.screens.form().is_some(), "the form stays with what was typed");
}

#[test]
fn a_callback_on_a_resolved_ticket_then_its_survey() {
    let mut app = app(120, 40);
    app.keys("m");
    select(&mut app, |r| {
        r.reason == ReminderReason::Callback && r.ticket_id == Some(ZHANG_TICKET)
    });
    app.keys("c");
    assert_eq!(app.model.screens.form().unwrap().title, "Callback on #1");
    app.keys("<Tab>").text("客户确认屏幕已更换").keys("<C-s>");
    let t = tickets::get(&mut app.driver.store, &app.driver.ctx, ZHANG_TICKET)
        .unwrap()
        .ticket;
    assert!(t.callback_at.is_some());
    assert_eq!(t.callback_outcome, Some(CallbackOutcome::Satisfied));
    // The survey follows at once, for that customer and ticket.
    let form = app.model.screens.form().expect("the survey form");
    assert_eq!(
        (form.value("customer"), form.value("ticket")),
        (t.customer_code.as_str(), "1")
    );
    app.text("5").keys("<Tab>").text("3").keys("<Tab>").text("4");
    app.keys("<Tab>").text("师傅很专业").keys("<Enter>");
    assert!(app.model.screens.form().is_some(), "Enter on the last field only moves");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let filter = SurveyFilter {
        customer: Some(t.customer_code.clone()),
        ..Default::default()
    };
    let list = surveys::list(&mut app.driver.store, &app.driver.ctx, &filter).unwrap();
    assert_eq!(list.len(), 1);
    let v = &list[0];
    assert_eq!(
        (v.ticket_id, v.scores.quality, v.scores.response, v.scores.communication),
        (Some(1), 5, 3, 4)
    );
    assert_eq!(v.comment, "师傅很专业");
    let (text, _) = message(&app);
    assert!(text.contains("listed for follow-up"), "{text}");
    // The callback reminder is gone; the low score (3) asks for a follow-up
    // in its place, as the callback came before the survey.
    let about_it: Vec<ReminderReason> = rows(&app)
        .iter()
        .filter(|r| r.ticket_id == Some(ZHANG_TICKET))
        .map(|r| r.reason)
        .collect();
    assert_eq!(about_it, [ReminderReason::Survey]);
}

#[test]
fn esc_after_the_callback_skips_the_survey() {
    let mut app = app(120, 40);
    app.keys("m");
    select(&mut app, |r| {
        r.reason == ReminderReason::Callback && r.ticket_id == Some(ALICE_TICKET)
    });
    // From the ticket page over the list.
    app.keys("<Enter>");
    app.keys("c");
    assert_eq!(app.model.screens.form().unwrap().title, "Callback on #2");
    app.keys("<Right> <Right>").keys("<C-s>");
    let t = tickets::get(&mut app.driver.store, &app.driver.ctx, ALICE_TICKET)
        .unwrap()
        .ticket;
    assert_eq!(t.callback_outcome, Some(CallbackOutcome::FollowUp));
    assert!(app.model.screens.form().is_some(), "the survey is offered");
    app.keys("<Esc>");
    assert!(app.model.screens.form().is_none());
    let all = surveys::list(&mut app.driver.store, &app.driver.ctx, &SurveyFilter::default()).unwrap();
    assert!(all.is_empty(), "{all:?}");
    // A follow-up outcome leaves a reminder for tomorrow.
    assert!(
        open_reminders(&mut app)
            .iter()
            .any(|r| r.id.is_some() && r.ticket_id == Some(ALICE_TICKET))
    );
}

#[test]
fn a_callback_on_an_open_ticket_is_refused_with_the_reason() {
    let mut app = app(120, 40);
    app.keys("2");
    let open = |app: &App| app.model.queue.selected().is_some_and(|v| v.ticket.status.is_open());
    while !open(&app) {
        app.keys("j");
    }
    let id = app.model.queue.selected().unwrap().ticket.id;
    app.keys("c");
    assert!(app.model.screens.form().is_none());
    let (text, error) = message(&app);
    assert!(error && text.contains(&format!("#{id} is still")), "{text}");
    assert!(text.contains("a callback follows resolution"), "{text}");
    // In the Reminders view, `c` is for callback rows only.
    app.keys("m");
    select(&mut app, |r| r.reason == ReminderReason::Manual);
    app.keys("c");
    assert!(app.model.screens.form().is_none());
    assert!(message(&app).0.contains("not a callback"));
}

#[test]
fn v_records_a_survey_for_the_customer_in_view() {
    let mut app = app(120, 40);
    zhang_card(&mut app);
    let code = zhang_code(&mut app);
    app.keys("v");
    let form = app.model.screens.form().expect("the survey form");
    assert_eq!((form.value("customer"), form.value("ticket")), (code.as_str(), ""));
    // A score is required.
    app.keys("<C-s>");
    assert!(field_error(&app, "quality").is_some_and(|e| e.contains("1 to 5")));
    app.text("5")
        .keys("<Tab>")
        .text("4")
        .keys("<Tab>")
        .text("5")
        .keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    assert_eq!(message(&app).0, "Survey saved");
    let filter = SurveyFilter {
        customer: Some(code),
        ..Default::default()
    };
    let list = surveys::list(&mut app.driver.store, &app.driver.ctx, &filter).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].ticket_id, None);
    assert!(app.screen(120, 40).contains("quality 5 · response 4 · communication 5"));
}

#[test]
fn a_change_by_another_agent_reloads_the_view() {
    let mut app = app(120, 40);
    app.keys("m");
    let before = rows(&app).len();
    let mut store = other_agent(&app);
    let ctx = frontdesk::service::Ctx::new("wang", tui_support::now());
    let input = reminders::ReminderInput {
        customer: "C2026004".into(),
        ticket: None,
        due: "2026-10-05T11:00:00Z".into(),
        note: "Alice: confirm the address".into(),
    };
    reminders::add(&mut store, &ctx, &input).unwrap();
    app.send(frontdesk::app::msg::Msg::ExternalChange);
    assert_eq!(rows(&app).len(), before + 1);
}

#[test]
fn a_failed_read_is_not_shown_as_an_empty_list() {
    let mut app = app(120, 40);
    // The list is asked for; the read fails before it arrives.
    frontdesk::app::update(
        &mut app.model,
        frontdesk::app::msg::Msg::Action(frontdesk::app::Action::Reminders),
    );
    app.send(frontdesk::app::msg::Msg::LoadFailed("database is locked".into()));
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("could not be read") && !screen.contains("Nothing to do"),
        "{screen}"
    );
    app.keys("<C-r>");
    assert!(!rows(&app).is_empty() && !app.model.screens.reminders().unwrap().unreadable);
}

#[test]
fn the_palette_refunds_then_cancels_the_newest_order_on_the_card() {
    let mut app = app(120, 40);
    let code = zhang_code(&mut app);
    let input = orders::OrderInput {
        customer: code.clone(),
        amount: "1000".into(),
        product: Some("显示器".into()),
        ..Default::default()
    };
    let order = orders::add(&mut app.driver.store, &app.driver.ctx, &input).unwrap().id;
    zhang_card(&mut app);
    assert!(
        app.screen(120, 40).contains(&format!("#{order}")),
        "the card names its orders"
    );

    // The form names the newest order on the card; the amount has the keyboard.
    app.keys(":").text("refund").keys("<Enter>");
    let form = app.model.screens.form().expect("the correction form");
    assert_eq!(form.value("order"), order.to_string());
    assert_eq!(form.fields[form.focus].key, "amount");
    app.text("200").keys("<Tab>").text("屏幕划痕").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    assert!(message(&app).0.contains("200.00"), "{:?}", message(&app));
    let line = &orders::list(&mut app.driver.store, &code, None).unwrap()[0];
    assert_eq!(
        (line.net_cents(), line.corrections[0].note.as_str()),
        (80_000, "屏幕划痕")
    );
    assert!(app.screen(120, 40).contains("net 800.00"));

    // Cancelling takes what is left; afterwards nothing more can be refunded.
    app.keys(":").text("refund").keys("<Enter> <S-Tab> <Right> <C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let line = &orders::list(&mut app.driver.store, &code, None).unwrap()[0];
    assert_eq!((line.net_cents(), line.cancelled()), (0, true));
    assert!(app.screen(120, 40).contains("cancelled"));
    app.keys(":").text("refund").keys("<Enter>").text("1").keys("<C-s>");
    assert!(
        field_error(&app, "order").is_some_and(|e| e.contains("cancelled")),
        "the refusal is on its field"
    );
    assert_eq!(
        orders::list(&mut app.driver.store, &code, None).unwrap()[0]
            .corrections
            .len(),
        2
    );
}

/// The Reminders view in Chinese at both sizes.
#[test]
fn reminders_view_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = app_in(frontdesk::i18n::Lang::ZhCn, width, height);
        app.keys("m");
        insta::assert_snapshot!(format!("reminders_zh_{width}x{height}"), app.screen(width, height));
    }
}
