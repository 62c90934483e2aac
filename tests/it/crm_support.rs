//! Extra data for the CRM screens, written by "another agent" on a second
//! connection after the shared seed, so the shared seed and its snapshots
//! stay as they are: reminders in every window, among them two resolved
//! tickets owing their callback.

#![allow(dead_code)]

use super::tui_support::{App, now};
use chrono::Duration;
use frontdesk::app::msg::Msg;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::reminders::{self, ReminderInput};
use frontdesk::service::tickets::{self, TicketChanges};
use frontdesk::service::{Ctx, customers};
use frontdesk::store::{OpenOptions, Store};

/// Tickets of the shared seed, by number.
pub const ZHANG_TICKET: i64 = 1;
pub const ALICE_TICKET: i64 = 2;
pub const LI_TICKET: i64 = 3;

/// The customer added here, a keep-in-touch reminder three days overdue.
pub const CHEN: &str = "陈静";

pub fn other_agent(app: &App) -> Store {
    Store::open(&app.path, &OpenOptions::default()).unwrap()
}

fn resolve(store: &mut Store, ctx: &Ctx, id: i64) {
    let changes = TicketChanges {
        status: Some("resolved".into()),
        ..Default::default()
    };
    tickets::set(store, ctx, id, &changes, None).unwrap();
}

/// The shared seed plus reminders in the overdue, today, upcoming and
/// later windows; the app reads them as after another agent's write.
pub fn app(width: u16, height: u16) -> App {
    app_in(frontdesk::i18n::Lang::En, width, height)
}

/// Like [`app`], speaking `lang`.
pub fn app_in(lang: frontdesk::i18n::Lang, width: u16, height: u16) -> App {
    let mut app = App::new_in(lang, true, width, height);
    let mut store = other_agent(&app);
    let at = |hours_ago: i64| Ctx::new("wang", now() - Duration::hours(hours_ago));
    // At risk, added ten days ago and never contacted: due three days ago.
    let input = CustomerInput {
        name: Some(CHEN.into()),
        tier: Some("at-risk".into()),
        ..Default::default()
    };
    let chen = customers::add(&mut store, &at(240), &input).unwrap().code;
    // 张三's complaint was resolved yesterday: its callback is overdue;
    // Alice's this morning: hers is due tomorrow.
    resolve(&mut store, &at(29), ZHANG_TICKET);
    resolve(&mut store, &at(8), ALICE_TICKET);
    let zhang = tickets::get(&mut store, &at(0), ZHANG_TICKET)
        .unwrap()
        .ticket
        .customer_code;
    let li = tickets::get(&mut store, &at(0), LI_TICKET)
        .unwrap()
        .ticket
        .customer_code;
    let manual = |store: &mut Store, customer: &str, ticket: Option<i64>, due: &str, note: &str| {
        let input = ReminderInput {
            customer: customer.into(),
            ticket,
            due: due.into(),
            note: note.into(),
        };
        reminders::add(store, &at(1), &input).unwrap();
    };
    manual(&mut store, &zhang, None, "2026-10-05T12:30:00Z", "回电确认发票抬头");
    manual(
        &mut store,
        &li,
        Some(LI_TICKET),
        "2026-10-07T02:00:00Z",
        "上门维修前确认地址",
    );
    manual(
        &mut store,
        &chen,
        None,
        "2026-10-04T01:00:00Z",
        "Send the new catalogue",
    );
    drop(store);
    app.send(Msg::ExternalChange);
    app
}
