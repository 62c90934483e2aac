//! What importing orders, surveys and reminders shares: each row carries
//! its stable key (`external_id`) and names a customer by code and perhaps
//! a ticket by its external id. Repeats within the file and names the
//! database lacks are refused with their lines before anything is written
//! (in a dry run too); a row whose key is already present is skipped.

use super::{ImportReport, MAX_ROW_ERRORS, Record, write_new};
use crate::domain::error::Invalid;
use crate::service::Error;
use crate::store::{Keyed, Store, Tx};

/// The keys a row gives: its own, and those of the records it names.
pub(crate) struct Keys {
    pub external_id: Option<String>,
    pub customer_code: Option<String>,
    pub ticket_external_id: Option<String>,
}

/// A validated row with its keys.
pub(crate) struct KeyedRow<T> {
    pub keys: Keys,
    pub row: T,
}

/// Reads a row's keys (the customer's code is required for records that
/// belong to one) and its other columns with `parse`.
pub(crate) fn parse<T>(
    r: &Record,
    customer_required: bool,
    parse: impl Fn(&Record) -> Result<T, Invalid>,
) -> Result<KeyedRow<T>, Invalid> {
    let customer_code = r.text("customer_code");
    if customer_required && customer_code.is_none() {
        return Err(Invalid::new(
            "customer_code",
            "",
            crate::domain::error::Reason::Required,
        ));
    }
    Ok(KeyedRow {
        keys: Keys {
            external_id: r.text("external_id"),
            customer_code,
            ticket_external_id: r.text("ticket_external_id"),
        },
        row: parse(r)?,
    })
}

/// The records a row names, found in the database.
pub(crate) struct Named<'a> {
    pub customer_id: Option<i64>,
    pub ticket_id: Option<i64>,
    pub external_id: Option<&'a str>,
}

/// Imports validated rows of a keyed kind: `insert` writes one (given the
/// records it names) and returns its id, which gets the row's key.
pub(crate) fn import<T>(
    store: &mut Store,
    rows: &[(u64, KeyedRow<T>)],
    dry_run: bool,
    kind: Keyed,
    mut insert: impl FnMut(&Tx, &T, Named) -> Result<i64, Error>,
) -> Result<ImportReport, Error> {
    super::refuse_repeats(rows, "external_id", |r: &KeyedRow<T>| r.keys.external_id.as_deref())?;
    store.read(|tx| check_names(tx, rows))?;
    let exists = |tx: &Tx, id: &String| Ok(tx.external_id_exists(kind, id)?);
    let key = |r: &KeyedRow<T>| r.keys.external_id.clone();
    write_new(store, rows, dry_run, key, exists, |tx, r, _| {
        let customer_id = match &r.keys.customer_code {
            Some(code) => Some(tx.customer_by_key(code)?.id),
            None => None,
        };
        let ticket_id = match &r.keys.ticket_external_id {
            Some(external) => tx.ticket_id_by_external(external)?,
            None => None,
        };
        let external_id = r.keys.external_id.as_deref();
        let id = insert(
            tx,
            &r.row,
            Named {
                customer_id,
                ticket_id,
                external_id,
            },
        )?;
        tx.set_external_id(kind, id, external_id)?;
        Ok(())
    })
}

/// Every customer code and ticket id the rows name must exist.
fn check_names<T>(tx: &Tx, rows: &[(u64, KeyedRow<T>)]) -> Result<(), Error> {
    let mut bad = Vec::new();
    for (line, KeyedRow { keys, .. }) in rows {
        if let Some(code) = keys.customer_code.as_deref()
            && tx.customer_by_code(code)?.is_none()
        {
            bad.push((
                *line,
                Invalid::new(
                    "customer_code",
                    code,
                    crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::CustomerCode),
                ),
            ));
        }
        if let Some(external) = keys.ticket_external_id.as_deref() {
            match tx.ticket_id_by_external(external)? {
                None => bad.push((
                    *line,
                    Invalid::new(
                        "ticket_external_id",
                        external,
                        crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::ImportedTicket),
                    ),
                )),
                // As `survey add` and `reminder add` refuse another customer's ticket.
                Some(id) => {
                    let ticket = tx.ticket(id)?;
                    if let Some(code) = keys.customer_code.as_deref()
                        && ticket.customer_code != code
                    {
                        let reason = crate::domain::error::Reason::OtherCustomer {
                            owner: ticket.customer_code.clone(),
                            given: code.to_string(),
                        };
                        bad.push((*line, Invalid::new("ticket_external_id", external, reason)));
                    }
                }
            }
        }
        if bad.len() >= MAX_ROW_ERRORS {
            break;
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidRows(bad))
    }
}
