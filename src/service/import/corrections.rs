//! Importing order corrections (refunds and cancellations), each keyed to
//! its order by the order's `external_id` (import orders first). A row goes
//! through the same rules and the same transaction as `order refund` and
//! `order cancel`: never more refunded than the order's amount, nothing
//! after a cancellation, the lifetime value, tier and stage following. The
//! rows are checked in file order against the orders as the earlier rows
//! leave them before anything is written (in a dry run too), so a bad row
//! is refused with its line and nothing is imported.

use super::keyed::{self, KeyedRow};
use super::{ImportReport, MAX_ROW_ERRORS, Record, past_time, validate_all};
use crate::domain::error::Invalid;
use crate::domain::order::{Correction, CorrectionKind, OrderLine, format_cents, parse_amount};
use crate::domain::time::rfc3339;
use crate::domain::validate::{self, TEXT_MAX};
use crate::service::{Ctx, Error, orders};
use crate::store::{Keyed, Store, Tx};
use std::collections::HashMap;

pub const COLUMNS: &[&str] = &[
    "external_id",
    "order_external_id",
    "at",
    "kind",
    "amount",
    "note",
    "created_by",
];

struct Row {
    line: u64,
    order_external_id: String,
    correction: Correction,
    /// The amount column as written, and in cents.
    amount: Option<(String, i64)>,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let order_external_id = r
        .text("order_external_id")
        .ok_or_else(|| Invalid::new("order_external_id", "", crate::domain::error::Reason::Required))?;
    let kind = match r.get("kind") {
        Some("refund") => CorrectionKind::Refund,
        Some("cancel") => CorrectionKind::Cancel,
        other => {
            return Err(Invalid::new(
                "kind",
                other.unwrap_or(""),
                crate::domain::error::Reason::Either {
                    first: "refund".into(),
                    second: "cancel".into(),
                },
            ));
        }
    };
    let amount = match r.get("amount") {
        Some(text) => Some((text.to_string(), parse_amount("amount", text)?)),
        None => None,
    };
    Ok(Row {
        line: r.line,
        order_external_id,
        correction: Correction {
            id: 0,
            order_id: 0,
            at: past_time(r, "at", ctx.now)?.unwrap_or(ctx.now),
            kind,
            amount_cents: 0,
            note: validate::text("note", r.get("note").unwrap_or(""), TEXT_MAX)?,
            created_by: validate::text("created_by", r.get("created_by").unwrap_or(&ctx.agent), 64)?,
        },
        amount,
    })
}

/// What `row` may record against `line` as it stands: the refund's amount
/// (the rules of `order refund` decide), or for a cancellation nothing, as
/// for `order cancel`, after checking that a given amount is what is left.
/// A correction is dated after its order and after the corrections before
/// it, so "nothing after a cancellation" holds in time too.
fn requested<'a>(line: &OrderLine, row: &'a Row) -> Result<Option<(&'a str, i64)>, Invalid> {
    let at = row.correction.at;
    let latest = line.corrections.iter().map(|c| c.at).max().unwrap_or(line.order.at);
    if at < latest {
        let reason = crate::domain::error::Reason::Order(crate::domain::error::OrderProblem::BeforeLast {
            order: line.order.id,
            latest: rfc3339(latest),
        });
        return Err(Invalid::new("at", rfc3339(at), reason));
    }
    let given = row.amount.as_ref().map(|(text, cents)| (text.as_str(), *cents));
    match row.correction.kind {
        CorrectionKind::Refund => Ok(given),
        CorrectionKind::Cancel => {
            let left = line.correction(CorrectionKind::Cancel, None)?;
            match given {
                Some((text, cents)) if cents != left => {
                    let reason =
                        crate::domain::error::Reason::Order(crate::domain::error::OrderProblem::NotLeftToCancel {
                            left: format_cents(left),
                        });
                    Err(Invalid::new("amount", text, reason))
                }
                _ => Ok(None),
            }
        }
    }
}

/// The order a row names, with its corrections so far.
fn order_line(tx: &Tx, row: &Row) -> Result<Option<OrderLine>, Error> {
    match tx.id_by_external_id(Keyed::Orders, &row.order_external_id)? {
        Some(id) => Ok(Some(tx.order_line(id)?)),
        None => Ok(None),
    }
}

/// Checks every new row in file order, each against its order as the rows
/// before it leave it; returns the first bad rows.
fn check_all(tx: &Tx, rows: &[(u64, KeyedRow<Row>)]) -> Result<Vec<(u64, Invalid)>, Error> {
    let mut lines: HashMap<&str, OrderLine> = HashMap::new();
    let mut bad = Vec::new();
    for (line, KeyedRow { keys, row }) in rows {
        if let Some(key) = keys.external_id.as_deref()
            && tx.external_id_exists(Keyed::Corrections, key)?
        {
            continue;
        }
        let key = row.order_external_id.as_str();
        if !lines.contains_key(key) {
            match order_line(tx, row)? {
                Some(order) => lines.insert(key, order),
                None => {
                    bad.push((
                        *line,
                        Invalid::new(
                            "order_external_id",
                            key,
                            crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::ImportedOrder),
                        ),
                    ));
                    continue;
                }
            };
        }
        let order = lines.get_mut(key).expect("inserted above");
        let checked = requested(order, row).and_then(|r| order.correction(row.correction.kind, r));
        match checked {
            Ok(cents) => order.corrections.push(Correction {
                amount_cents: cents,
                ..row.correction.clone()
            }),
            Err(e) => bad.push((*line, e)),
        }
        if bad.len() >= MAX_ROW_ERRORS {
            break;
        }
    }
    Ok(bad)
}

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| keyed::parse(r, false, |r| parse(r, ctx)))?;
    super::refuse_repeats(&rows, "external_id", |r: &KeyedRow<Row>| r.keys.external_id.as_deref())?;
    let bad = store.read(|tx| check_all(tx, &rows))?;
    if !bad.is_empty() {
        return Err(Error::InvalidRows(bad));
    }
    keyed::import(store, &rows, dry_run, Keyed::Corrections, |tx, row, _| {
        // Checked above; checked again here in the write, with its line.
        let at_line = |e: Invalid| Error::InvalidRows(vec![(row.line, e)]);
        let missing = || {
            Invalid::new(
                "order_external_id",
                &row.order_external_id,
                crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::ImportedOrder),
            )
        };
        let mut line = order_line(tx, row)?.ok_or_else(|| at_line(missing()))?;
        let requested = requested(&line, row).map_err(at_line)?;
        orders::record_correction(tx, ctx, &mut line, row.correction.clone(), requested).map_err(|e| match e {
            Error::Invalid(e) => at_line(e),
            other => other,
        })
    })
}
