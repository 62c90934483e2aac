//! `export customers|tickets|interactions|kb|orders|order-corrections|surveys|reminders|audit`:
//! every record, archived customers included, in the import columns (so an
//! export imports into an empty database with nothing lost) or the JSON
//! shapes.
//!
//! Records are handed to the caller one at a time as the store reads them,
//! all from one read transaction: the output starts at once, memory stays
//! that of one record whatever the table's size, and a writer committing
//! meanwhile is never seen half-way (the export is all before or all after).

use super::progress::{Progress, Stage};
use super::sla::Rules;
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::domain::ticket::Ticket;
use crate::store::{BusyError, ExportTable, Store, StoreError, TicketQuery, Tx};

/// The exported rows, as the store reads them, are this service's API.
pub use crate::store::{ExportedCorrection, ExportedInteraction, ExportedOrder, ExportedReminder, ExportedSurvey};

/// Rows between two reports to the progress listener: often enough for a
/// bar to move smoothly, rarely enough to cost nothing beside the rows.
const PROGRESS_BATCH: u64 = 1024;

/// A callback that takes the records one by one; its error stops the export.
pub type Each<'a, T> = &'a mut dyn FnMut(T) -> Result<(), Error>;

/// Every customer, archived ones too (marked by their `archived` flag).
pub fn customers(store: &mut Store, progress: &dyn Progress, each: Each<Customer>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Customers,
        |tx, each| tx.each_customer(each),
        each,
    )
}

/// All tickets, newest first, with their clocks evaluated at `ctx.now`.
pub fn tickets(store: &mut Store, ctx: &Ctx, progress: &dyn Progress, each: Each<TicketView>) -> Result<(), Error> {
    let read = |tx: &Tx, each: Each<TicketView>| {
        let rules = Rules::load(tx)?;
        tx.each_ticket_with_events(|t, events| each(rules.view_with(ctx, t, events)))
    };
    stream(store, progress, ExportTable::Tickets, read, each)
}

/// All tickets, newest first, as stored: the CSV columns carry no clock, so
/// none is evaluated.
pub fn ticket_records(store: &mut Store, progress: &dyn Progress, each: Each<Ticket>) -> Result<(), Error> {
    let read = |tx: &Tx, each: Each<Ticket>| tx.each_ticket(&TicketQuery::default(), each);
    stream(store, progress, ExportTable::Tickets, read, each)
}

pub fn interactions(store: &mut Store, progress: &dyn Progress, each: Each<ExportedInteraction>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Interactions,
        |tx, each| tx.each_interaction(each),
        each,
    )
}

/// Every order with its corrections.
pub fn orders(store: &mut Store, progress: &dyn Progress, each: Each<ExportedOrder>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Orders,
        |tx, each| tx.each_order(each),
        each,
    )
}

/// Every refund and cancellation, as records of their own for the CSV
/// export (where an order's row has no room for them).
pub fn corrections(store: &mut Store, progress: &dyn Progress, each: Each<ExportedCorrection>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Corrections,
        |tx, each| tx.each_correction(each),
        each,
    )
}

pub fn surveys(store: &mut Store, progress: &dyn Progress, each: Each<ExportedSurvey>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Surveys,
        |tx, each| tx.each_survey(each),
        each,
    )
}

/// The stored reminders; computed ones follow from the other records.
pub fn reminders(store: &mut Store, progress: &dyn Progress, each: Each<ExportedReminder>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Reminders,
        |tx, each| tx.each_reminder(each),
        each,
    )
}

/// The audit trail, for the supervisor's records: who changed which field
/// of which record, when, from what to what. It is not imported: an import
/// writes its own entries.
pub fn audit(store: &mut Store, progress: &dyn Progress, each: Each<AuditEntry>) -> Result<(), Error> {
    stream(
        store,
        progress,
        ExportTable::Audit,
        |tx, each| tx.each_audit(each),
        each,
    )
}

/// Counts `table`'s rows (the bar's total), then hands each record `read`
/// yields to `each`, telling `progress` of them in batches.
fn stream<T>(
    store: &mut Store,
    progress: &dyn Progress,
    table: ExportTable,
    read: impl Fn(&Tx, Each<T>) -> Result<(), Error>,
    each: Each<T>,
) -> Result<(), Error> {
    streamed(store, |tx, sent| {
        progress.stage(Stage::Rows, Some(tx.export_count(table)?));
        let mut unreported = 0;
        let result = read(tx, &mut |row| {
            each(row)?;
            *sent = true;
            unreported += 1;
            if unreported == PROGRESS_BATCH {
                progress.advance(unreported);
                unreported = 0;
            }
            Ok(())
        });
        progress.advance(unreported);
        result
    })
}

/// A read transaction whose records leave as they are read. Other reads run
/// again when SQLite reports busy; this one may only before its first
/// record went out, or that record would be written twice. (Once a read
/// has stepped a row its snapshot is held, so busy cannot follow; should it
/// ever, the export fails rather than repeat itself.) `f` sets its flag
/// when a record has gone out.
pub(super) fn streamed(store: &mut Store, mut f: impl FnMut(&Tx, &mut bool) -> Result<(), Error>) -> Result<(), Error> {
    let mut sent = false;
    store.read(|tx| match f(tx, &mut sent) {
        Err(e) if sent && e.is_busy() => Err(Error::Storage(StoreError::Sqlite(e.to_string()))),
        done => done,
    })
}
