//! Importing orders: each becomes an order as `order add` records it (the
//! lifetime value, last activity, tier and stage follow), keeping its
//! `external_id` so a second import of the same file adds nothing. The
//! customer must exist (import customers first).

use super::{
    ImportReport, Record, check_references, customer_code, customer_exists, past_time, refuse_repeats, validate_all,
    write_new,
};
use crate::domain::error::Invalid;
use crate::domain::order::{Order, parse_amount};
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::service::{Ctx, Error, orders};
use crate::store::{Keyed, Store, Tx};

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
    external_id: Option<String>,
    customer_code: String,
    order: Order,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    let amount = r
        .get("amount")
        .ok_or_else(|| Invalid::new("amount", "", "is required"))?;
    Ok(Row {
        external_id: r.text("external_id"),
        customer_code: customer_code(r)?,
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
    let rows = validate_all(records, |r| parse(r, ctx))?;
    refuse_repeats(&rows, "external_id", |row: &Row| row.external_id.as_deref())?;
    store.read(|tx| {
        check_references(
            tx,
            &rows,
            "customer_code",
            |row: &Row| Some(row.customer_code.as_str()),
            customer_exists,
            "no customer has this code",
        )
    })?;
    let exists = |tx: &Tx, id: &String| Ok(tx.external_id_exists(Keyed::Orders, id)?);
    write_new(
        store,
        &rows,
        dry_run,
        |row: &Row| row.external_id.clone(),
        exists,
        |tx, row, _| {
            let customer = tx.customer_by_key(&row.customer_code)?;
            let order = Order {
                customer_id: customer.id,
                ..row.order.clone()
            };
            let order = orders::insert(tx, ctx, order)?;
            tx.set_external_id(Keyed::Orders, order.id, row.external_id.as_deref())?;
            Ok(())
        },
    )
}
