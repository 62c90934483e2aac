//! `export customers|tickets|interactions`: everything, in the import columns
//! (so an export can be imported elsewhere) or the JSON shapes.

use super::sla::Rules;
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::customer::Customer;
use crate::store::{CustomerQuery, ExportedInteraction, Store, TicketQuery};

pub fn customers(store: &mut Store) -> Result<Vec<Customer>, Error> {
    store.read(|tx| Ok(tx.list_customers(&CustomerQuery::default())?))
}

/// All tickets, newest first, with their clocks evaluated at `ctx.now`.
pub fn tickets(store: &mut Store, ctx: &Ctx) -> Result<Vec<TicketView>, Error> {
    store.read(|tx| {
        let rules = Rules::load(tx)?;
        tx.list_tickets(&TicketQuery::default())?
            .into_iter()
            .map(|t| rules.view(tx, ctx, t))
            .collect()
    })
}

pub fn interactions(store: &mut Store) -> Result<Vec<ExportedInteraction>, Error> {
    store.read(|tx| Ok(tx.all_interactions()?))
}
