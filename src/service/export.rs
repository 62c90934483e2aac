//! `export customers|tickets|interactions|kb|orders|order-corrections|surveys|reminders|audit`:
//! every record, archived customers included, in the import columns (so an
//! export imports into an empty database with nothing lost) or the JSON
//! shapes.

use super::sla::Rules;
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::store::{CustomerQuery, Store, TicketQuery};

/// The exported rows, as the store reads them, are this service's API.
pub use crate::store::{ExportedCorrection, ExportedInteraction, ExportedOrder, ExportedReminder, ExportedSurvey};

/// Every customer, archived ones too (marked by their `archived` flag).
pub fn customers(store: &mut Store) -> Result<Vec<Customer>, Error> {
    let all = CustomerQuery {
        include_archived: true,
        ..CustomerQuery::default()
    };
    store.read(|tx| Ok(tx.list_customers(&all)?))
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

/// Every order with its corrections.
pub fn orders(store: &mut Store) -> Result<Vec<ExportedOrder>, Error> {
    store.read(|tx| Ok(tx.all_orders()?))
}

/// Every refund and cancellation, as records of their own for the CSV
/// export (where an order's row has no room for them).
pub fn corrections(store: &mut Store) -> Result<Vec<ExportedCorrection>, Error> {
    store.read(|tx| Ok(tx.all_corrections()?))
}

pub fn surveys(store: &mut Store) -> Result<Vec<ExportedSurvey>, Error> {
    store.read(|tx| Ok(tx.all_surveys()?))
}

/// The stored reminders; computed ones follow from the other records.
pub fn reminders(store: &mut Store) -> Result<Vec<ExportedReminder>, Error> {
    store.read(|tx| Ok(tx.all_reminders()?))
}

/// The audit trail, for the supervisor's records: who changed which field
/// of which record, when, from what to what. It is not imported: an import
/// writes its own entries.
pub fn audit(store: &mut Store) -> Result<Vec<AuditEntry>, Error> {
    store.read(|tx| Ok(tx.all_audit()?))
}
