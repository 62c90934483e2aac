//! Importing orders: each becomes an order as `order add` records it (the
//! lifetime value, last activity, tier and stage follow), keeping its
//! `external_id` so a second import of the same file adds nothing. The
//! customer must exist (import customers first).

use super::keyed;
use super::{ImportReport, Record, past_time, validate_all};
use crate::domain::error::Invalid;
use crate::domain::order::{Order, parse_amount};
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::service::{Ctx, Error, orders};
use crate::store::{Keyed, Store};

pub const COLUMNS: &[&str] = &[
    "external_id",
    "customer_code",
    "at",
    "amount",
    "product",
    "note",
    "created_by",
];

struct Row {
    order: Order,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let amount = r
        .get("amount")
        .ok_or_else(|| Invalid::new("amount", "", crate::domain::error::Reason::Required))?;
    Ok(Row {
        order: Order {
            id: 0,
            customer_id: 0,
            at: past_time(r, "at", ctx.now)?.unwrap_or(ctx.now),
            amount_cents: parse_amount("amount", amount)?,
            product: validate::text("product", r.get("product").unwrap_or(""), LINE_MAX)?,
            note: validate::text("note", r.get("note").unwrap_or(""), TEXT_MAX)?,
            created_by: validate::text("created_by", r.get("created_by").unwrap_or(&ctx.agent), 64)?,
        },
    })
}

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| keyed::parse(r, true, |r| parse(r, ctx)))?;
    keyed::import(store, &rows, dry_run, Keyed::Orders, |tx, row, named| {
        let order = Order {
            customer_id: named.customer_id.unwrap_or_default(),
            ..row.order.clone()
        };
        Ok(orders::insert(tx, ctx, order)?.id)
    })
}
