//! Orders (交易): recording one updates the customer's lifetime order value
//! and recomputes their tier and lifecycle stage in the same transaction.

use super::{Ctx, Error, segments};
use crate::domain::error::Invalid;
use crate::domain::order::{Order, format_cents, parse_amount};
use crate::domain::time::parse_instant;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::store::{Store, Tx};

/// Raw input of `order add`.
#[derive(Debug, Clone, Default)]
pub struct OrderInput {
    pub customer: String,
    /// In currency units, e.g. `1234.50`.
    pub amount: String,
    pub at: Option<String>,
    pub product: Option<String>,
    pub note: Option<String>,
}

pub fn add(store: &mut Store, ctx: &Ctx, input: &OrderInput) -> Result<Order, Error> {
    let amount_cents = parse_amount("amount", &input.amount)?;
    let at = match &input.at {
        Some(t) => parse_instant("at", t)?,
        None => ctx.now,
    };
    if at > ctx.now {
        return Err(Invalid::new("at", input.at.clone().unwrap_or_default(), "is in the future").into());
    }
    let product = validate::text("product", input.product.as_deref().unwrap_or(""), LINE_MAX)?;
    let note = validate::text("note", input.note.as_deref().unwrap_or(""), TEXT_MAX)?;
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        let order = Order {
            id: 0,
            customer_id: customer.id,
            at,
            amount_cents,
            product: product.clone(),
            note: note.clone(),
            created_by: ctx.agent.clone(),
        };
        insert(tx, ctx, order)
    })
}

/// Records a validated order inside an open transaction (imports and the
/// demo can reuse this): the order, the lifetime value, the last activity,
/// the audit entry and the recomputed tier and stage.
pub fn insert(tx: &Tx, ctx: &Ctx, mut order: Order) -> Result<Order, Error> {
    order.id = tx.insert_order(&order)?;
    tx.add_lifetime_value(order.customer_id, order.amount_cents)?;
    tx.touch_customer(order.customer_id, order.at)?;
    ctx.audit(
        tx,
        "customer",
        order.customer_id,
        "order",
        None,
        Some(format!("#{} {}", order.id, format_cents(order.amount_cents))),
    )?;
    segments::recompute(tx, ctx, order.customer_id)?;
    Ok(order)
}

/// A customer's orders, newest first.
pub fn list(store: &mut Store, customer: &str, limit: Option<usize>) -> Result<Vec<Order>, Error> {
    store.read(|tx| {
        let c = tx.customer_by_key(customer)?;
        Ok(tx.customer_orders(c.id, limit)?)
    })
}
