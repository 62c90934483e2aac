//! Moving between records against a real database, driven by keys: Enter
//! on a line that names a record opens it on top, Esc goes back the way
//! it came with each page (and the screen under them) where it was left;
//! the palette jumps to a ticket by number and a customer by name.

use crate::tui_support;

use frontdesk::app::model::Detail;
use frontdesk::app::navigation::{LineTarget, Link};
use frontdesk::app::screens::Kind;
use frontdesk::i18n::Lang;
use tui_support::{App, ZH_SIZES, seed, seed_dashboard};

/// The record of the page on screen, and its selected link.
fn page(app: &App) -> Option<(Link, usize)> {
    app.model.screens.detail().map(|p| (p.target(), p.link()))
}

fn kinds(app: &App) -> Vec<Kind> {
    app.model.screens.layers().map(|l| l.kind()).collect()
}

fn customer_of(app: &App, ticket: i64) -> i64 {
    match app.model.screens.detail() {
        Some(Detail::Ticket {
            id, detail: Some(d), ..
        }) if *id == ticket => d.view.ticket.customer_id,
        _ => panic!("ticket page #{ticket} not on screen"),
    }
}

/// 陈静 has two open tickets: the queue filtered to them, the second
/// opened, its customer, her other ticket, and all the way back.
#[test]
fn ticket_customer_ticket_and_back_keeps_every_place() {
    let mut app = App::seeded(&[seed, seed_dashboard], 120, 40);
    app.keys("2 / c h e n j <Enter> j");
    assert_eq!(app.model.queue.list.len(), 2, "陈静's two tickets");
    let second = app.model.queue.selected().unwrap().ticket.id;
    let first = app.model.queue.list.get(0).unwrap().0.ticket.id;
    app.keys("<Enter>");
    assert_eq!(
        page(&app),
        Some((Link::Ticket(second), 0)),
        "the customer line is selected"
    );
    let chen = customer_of(&app, second);
    app.keys("<Enter>");
    assert_eq!(page(&app), Some((Link::Customer(chen), 0)));
    // The card lists her tickets, newest first; j selects the other one.
    let card_tickets: Vec<i64> = match app.model.screens.detail() {
        Some(Detail::Card { card: Some(c), .. }) => c.tickets.iter().map(|v| v.ticket.id).collect(),
        _ => panic!("the card is read"),
    };
    let other = if card_tickets[0] == second { 1 } else { 0 };
    assert_eq!(card_tickets[other], first);
    if other == 1 {
        app.keys("j");
    }
    assert_eq!(page(&app), Some((Link::Customer(chen), other)));
    app.keys("<Enter>");
    assert_eq!(page(&app), Some((Link::Ticket(first), 0)));
    assert_eq!(app.model.screens.pages().unwrap().depth(), 3);
    // Back: the card with the same ticket selected, then the first page.
    app.keys("<Esc>");
    assert_eq!(page(&app), Some((Link::Customer(chen), other)));
    app.keys("<Esc>");
    assert_eq!(page(&app), Some((Link::Ticket(second), 0)));
    app.keys("<Esc>");
    assert_eq!(kinds(&app), [Kind::Main]);
    assert_eq!(
        app.model.queue.selected().unwrap().ticket.id,
        second,
        "the queue's cursor stayed"
    );
    assert!(!app.model.quit);
}

/// From the triage card to its customer and back to the same card.
#[test]
fn triage_card_opens_its_customer_and_esc_returns_to_triage() {
    let mut app = App::new(true, 120, 40);
    app.keys("t");
    let card = app
        .model
        .screens
        .triage()
        .and_then(|t| t.card.as_ref())
        .expect("a card");
    let (ticket, customer) = (card.view.ticket.id, card.customer.id);
    app.keys("<Enter>");
    assert_eq!(kinds(&app), [Kind::Triage, Kind::Detail]);
    assert_eq!(page(&app), Some((Link::Customer(customer), 0)));
    // Enter on the card's ticket line, then back twice.
    app.keys("<Enter>");
    assert!(matches!(page(&app), Some((Link::Ticket(_), 0))));
    app.keys("<Esc> <Esc>");
    assert_eq!(kinds(&app), [Kind::Triage]);
    assert_eq!(app.model.screens.triage().and_then(|t| t.ticket_id()), Some(ticket));
}

/// The dashboard's customers at risk: j selects, Enter opens, Esc comes back.
#[test]
fn dashboard_customer_at_risk_opens_and_esc_returns() {
    let mut app = App::seeded(&[seed, seed_dashboard], 120, 40);
    app.keys("d");
    let at_risk: Vec<i64> = {
        let screen = app.model.screens.dashboard().unwrap();
        screen
            .figures()
            .unwrap()
            .at_risk
            .iter()
            .map(|r| r.customer.id)
            .collect()
    };
    assert!(!at_risk.is_empty(), "陈静 is at risk");
    let pick = at_risk.len().min(2) - 1;
    for _ in 0..pick {
        app.keys("j");
    }
    app.keys("<Enter>");
    assert_eq!(kinds(&app), [Kind::Dashboard, Kind::Detail]);
    assert_eq!(page(&app), Some((Link::Customer(at_risk[pick]), 0)));
    app.keys("<Esc>");
    assert_eq!(kinds(&app), [Kind::Dashboard]);
    assert_eq!(app.model.screens.dashboard().unwrap().at_risk_selected, pick);
}

/// A reminder opens its ticket (else its customer), and Esc keeps the row.
#[test]
fn reminder_opens_its_ticket_else_its_customer() {
    let mut app = App::seeded(&[seed, seed_dashboard], 120, 40);
    app.keys("m");
    if app.model.screens.reminders().unwrap().rows.len() > 1 {
        app.keys("j");
    }
    let reminders = app.model.screens.reminders().unwrap();
    let row = reminders.selected().expect("a reminder").clone();
    let at = reminders.selected;
    app.keys("<Enter>");
    let want = match (row.ticket_id, row.customer_id) {
        (Some(t), _) => Link::Ticket(t),
        (None, Some(c)) => Link::Customer(c),
        (None, None) => unreachable!("a reminder names a record"),
    };
    assert_eq!(page(&app).map(|(l, _)| l), Some(want));
    app.keys("<Esc>");
    assert_eq!(kinds(&app), [Kind::Reminders]);
    assert_eq!(app.model.screens.reminders().unwrap().selected, at);
}

/// `:` then a number opens that ticket; a name (pinyin) that customer;
/// either goes on the pages already open.
#[test]
fn palette_jumps_to_a_ticket_by_number_and_a_customer_by_pinyin() {
    let mut app = App::new(true, 120, 40);
    let id = app.model.queue.list.get(0).unwrap().0.ticket.id;
    app.keys(":").text(&format!("#{id}")).keys("<Enter>");
    assert_eq!(page(&app), Some((Link::Ticket(id), 0)));
    app.keys(":").text("ouyang").keys("<Enter>");
    let ouyang = app
        .model
        .customers
        .list
        .rows()
        .iter()
        .find(|c| c.name == "欧阳娜娜")
        .unwrap()
        .id;
    assert_eq!(page(&app), Some((Link::Customer(ouyang), 0)));
    app.keys("<Esc>");
    assert_eq!(page(&app), Some((Link::Ticket(id), 0)), "back to the ticket");
    // A number with no ticket: the page that could not be read goes, the
    // one under it stays.
    app.keys(":").text("99999").keys("<Enter>");
    assert_eq!(page(&app), Some((Link::Ticket(id), 0)));
}

/// The drill-down on screen: 张三's card over her ticket page, the back
/// key in the title, her ticket line selected; in English and Chinese.
#[test]
fn drill_down_snapshots() {
    let sizes = [(80, 24), (120, 40)];
    let runs = sizes.iter().map(|s| (Lang::En, "", *s));
    for (lang, tag, (width, height)) in runs.chain(ZH_SIZES.iter().map(|s| (Lang::ZhCn, "_zh", *s))) {
        let mut app = App::new_in(lang, true, width, height);
        app.keys("2 / z h a n g <Enter> <Enter> <Enter>");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("drill_card{tag}_{width}x{height}"), screen);
        app.keys(":").text("ouyang");
        insta::assert_snapshot!(
            format!("palette_customer{tag}_{width}x{height}"),
            app.screen(width, height)
        );
    }
}

/// On a page over the triage card, `r` is about the page's ticket, not
/// the card's: the customer's other ticket gets the reply form.
#[test]
fn a_page_over_triage_is_what_actions_aim_at() {
    use frontdesk::app::forms::FormKind;
    let mut app = App::seeded(&[seed, seed_dashboard], 120, 40);
    // Skip to 陈静's card: she has two open tickets.
    app.keys("t");
    let chen = |app: &App| {
        app.model
            .screens
            .triage()
            .and_then(|t| t.card.as_ref())
            .map(|c| c.customer.name.clone())
    };
    for _ in 0..40 {
        if chen(&app).as_deref() == Some("陈静") {
            break;
        }
        app.keys("n");
    }
    assert_eq!(chen(&app).as_deref(), Some("陈静"));
    let on_card = app.model.screens.triage().and_then(|t| t.ticket_id()).unwrap();
    app.keys("<Enter>");
    let tickets: Vec<i64> = match app.model.screens.detail() {
        Some(Detail::Card { card: Some(c), .. }) => c.tickets.iter().map(|v| v.ticket.id).collect(),
        _ => panic!("her card is read"),
    };
    let other = tickets.iter().position(|t| *t != on_card).unwrap();
    for _ in 0..other {
        app.keys("j");
    }
    app.keys("<Enter> r");
    let form = app.model.screens.form().map(|f| f.kind);
    assert_eq!(form, Some(FormKind::Reply { ticket: tickets[other] }));
}

/// The selected link is drawn in the selected colours, like a list's selected row; no
/// other line of the page is.
#[test]
fn the_selected_link_is_drawn_as_selected() {
    use frontdesk::app::theme::Role;
    let mut app = App::new(true, 120, 40);
    app.keys("2 / z h a n g <Enter> <Enter>");
    let screen = app.screen(120, 40);
    let row = screen
        .lines()
        .position(|l| l.contains("C2026001 张三"))
        .expect("the customer line") as u16;
    let buffer = app.buffer(120, 40);
    let selected = app.model.theme.style(Role::Selected);
    let drawn_selected = |y: u16| {
        let cell = &buffer[(4, y)];
        selected.bg.is_some_and(|bg| cell.bg == bg) && selected.fg.is_none_or(|fg| cell.fg == fg)
    };
    assert!(drawn_selected(row), "the customer line is selected");
    let others: Vec<u16> = (2..38).filter(|&y| y != row && drawn_selected(y)).collect();
    assert!(others.is_empty(), "rows {others:?} are drawn selected too");
}

/// A survey about a ticket is a link on the card, after the ticket lines.
#[test]
fn a_survey_about_a_ticket_links_to_it() {
    use frontdesk::service::surveys::{self, SurveyInput};
    let mut app = App::new(true, 120, 40);
    let input = SurveyInput {
        customer: "C2026001".into(),
        ticket: Some(1),
        quality: "2".into(),
        response: "3".into(),
        communication: "4".into(),
        comment: None,
    };
    surveys::add(&mut app.driver.store, &app.driver.ctx, &input).unwrap();
    app.keys("1 g g <Enter>");
    let links: Vec<LineTarget> = app.model.detail_doc().unwrap().links.iter().map(|(_, l)| *l).collect();
    assert_eq!(
        links,
        [Link::Ticket(1).into(), Link::Ticket(1).into()],
        "the ticket line, then the survey"
    );
    app.keys("j");
    assert_eq!(page(&app).map(|(_, link)| link), Some(1));
    app.keys("<Enter>");
    assert_eq!(page(&app), Some((Link::Ticket(1), 0)));
}
