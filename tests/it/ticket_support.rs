//! A database with one customer and one ticket, through the service layer:
//! the starting point of the service tests of editing, macros and the
//! knowledge base.

use chrono::{DateTime, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::tickets::{self, TicketInput};
use frontdesk::service::{Ctx, customers, setup};
use frontdesk::store::{OpenOptions, Store};

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

pub struct TicketDesk {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub ctx: Ctx,
    pub ticket: i64,
}

impl TicketDesk {
    /// The default SLA policies, customer `C1` named `name`, and `ticket`
    /// (its customer set to `C1`) opened at `opened` by `agent`; the clock
    /// then stands at `now`.
    pub fn new(agent: &str, opened: &str, now: &str, name: &str, ticket: TicketInput) -> TicketDesk {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
        let ctx = Ctx::new(agent, at(opened));
        setup::ensure_defaults(&mut store, &ctx, &frontdesk::config::Config::defaults()).unwrap();
        let customer = CustomerInput {
            name: Some(name.into()),
            code: Some("C1".into()),
            ..Default::default()
        };
        customers::add(&mut store, &ctx, &customer).unwrap();
        let input = TicketInput {
            customer: "C1".into(),
            ..ticket
        };
        let ticket = tickets::add(&mut store, &ctx, &input).unwrap().ticket.id;
        TicketDesk {
            dir,
            store,
            ctx: Ctx::new(agent, at(now)),
            ticket,
        }
    }
}
