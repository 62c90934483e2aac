//! The history of a ticket page: each interaction line is a link, so `j`
//! and `k` select it, and `e` (or Enter) opens the form that edits its text,
//! the same form as `e` on its line in the timeline. Elsewhere on the page
//! `e` edits the ticket.

use crate::tui_support;

use frontdesk::app::forms::FormKind;
use frontdesk::app::model::Detail;
use frontdesk::app::navigation::{LineTarget, Link};
use frontdesk::service::tickets;
use tui_support::App;

/// Ticket #1 (张三's complaint, with a reply and a note) opened from the palette.
fn ticket_page(app: &mut App) {
    app.keys(":").text("#1");
    app.keys("<Enter>");
    assert_eq!(app.model.screens.detail().map(|p| p.target()), Some(Link::Ticket(1)));
}

/// The interactions of the page on screen: id and text, as shown.
fn shown(app: &App) -> Vec<(i64, String)> {
    match app.model.screens.detail() {
        Some(Detail::Ticket { detail: Some(d), .. }) => {
            d.interactions.iter().map(|i| (i.id, i.summary.clone())).collect()
        }
        _ => panic!("a ticket page"),
    }
}

fn links(app: &App) -> Vec<LineTarget> {
    let doc = app.model.detail_doc().expect("a page");
    doc.links.iter().map(|(_, target)| *target).collect()
}

fn selected(app: &App) -> usize {
    app.model.screens.detail().map_or(usize::MAX, Detail::link)
}

#[test]
fn j_selects_an_interaction_and_e_edits_its_text() {
    let mut app = App::new(true, 120, 40);
    ticket_page(&mut app);
    let history = shown(&app);
    assert_eq!(history.len(), 2, "a reply and a note");
    let customer = match links(&app).first() {
        Some(LineTarget::Page(link @ Link::Customer(_))) => *link,
        other => panic!("the customer line first, got {other:?}"),
    };
    let expected: Vec<LineTarget> = std::iter::once(customer.into())
        .chain(history.iter().map(|(id, _)| LineTarget::Interaction(*id)))
        .collect();
    assert_eq!(links(&app), expected, "each interaction line is a link");
    // On the customer line, `e` edits the ticket, as before.
    app.keys("e");
    assert!(matches!(
        app.model.screens.form().map(|f| f.kind),
        Some(FormKind::EditTicket { id: 1, .. })
    ));
    app.keys("<Esc> j");
    assert_eq!(selected(&app), 1);
    let (id, text) = history[0].clone();
    app.keys("e");
    let form = app.model.screens.form().expect("the interaction's form");
    assert_eq!(form.kind, FormKind::EditInteraction { id });
    assert_eq!(form.value("summary"), text);
    app.model.screens.form_mut().unwrap().fields[0]
        .input
        .set("已安排工程师周三上门检查");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none());
    let stored = tickets::detail(&mut app.driver.store, &app.driver.ctx, 1).unwrap();
    let summary = stored
        .interactions
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.summary.clone());
    assert_eq!(summary.as_deref(), Some("已安排工程师周三上门检查"));
    // The page is read again with the new text, the same line selected.
    assert_eq!(shown(&app)[0], (id, "已安排工程师周三上门检查".to_string()));
    assert_eq!(selected(&app), 1);
    assert!(app.screen(120, 40).contains("已安排工程师周三上门检查"));
}

#[test]
fn enter_on_an_interaction_opens_the_same_form_over_the_page() {
    let mut app = App::new(true, 120, 40);
    ticket_page(&mut app);
    let (id, text) = shown(&app)[1].clone();
    app.keys("j j <Enter>");
    let form = app.model.screens.form().expect("the interaction's form");
    assert_eq!(form.kind, FormKind::EditInteraction { id });
    assert_eq!(form.value("summary"), text);
    // Esc with nothing changed: the page as it was, nothing opened over it.
    app.keys("<Esc>");
    assert!(app.model.screens.form().is_none());
    assert_eq!(app.model.screens.pages().map(|p| p.depth()), Some(1));
    assert_eq!(selected(&app), 2);
}
