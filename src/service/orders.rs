//! Orders (交易): recording one updates the customer's lifetime order value
//! and recomputes their tier and lifecycle stage in the same transaction.
//! So does correcting one: a refund or a cancellation is recorded against
//! the order (audited), never an edit of it.

use super::{Ctx, Error, segments};
use crate::domain::error::Invalid;
use crate::domain::order::{Correction, CorrectionKind, Order, OrderLine, format_cents, parse_amount};
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
        Some(t) => ctx.parse_time("at", t)?,
        None => ctx.now,
    };
    if at > ctx.now {
        return Err(Invalid::new(
            "at",
            input.at.clone().unwrap_or_default(),
            crate::domain::error::Reason::InFuture { today: None },
        )
        .into());
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

/// A customer's orders with their corrections, newest first.
pub fn list(store: &mut Store, customer: &str, limit: Option<usize>) -> Result<Vec<OrderLine>, Error> {
    store.read(|tx| {
        let c = tx.customer_by_key(customer)?;
        Ok(tx.customer_order_lines(c.id, limit)?)
    })
}

/// Raw input of `order refund` and `order cancel`.
#[derive(Debug, Clone, Default)]
pub struct CorrectionInput {
    pub order: i64,
    /// In currency units; a refund only (a cancellation takes what is left).
    pub amount: Option<String>,
    pub note: Option<String>,
}

/// `order refund`: gives back part or all of what is left of an order.
pub fn refund(store: &mut Store, ctx: &Ctx, input: &CorrectionInput) -> Result<OrderLine, Error> {
    let text = input.amount.as_deref().unwrap_or("");
    let cents = parse_amount("amount", text)?;
    correct(store, ctx, input, CorrectionKind::Refund, Some((text.trim(), cents)))
}

/// `order cancel`: calls off everything not yet refunded.
pub fn cancel(store: &mut Store, ctx: &Ctx, input: &CorrectionInput) -> Result<OrderLine, Error> {
    correct(store, ctx, input, CorrectionKind::Cancel, None)
}

/// Records the correction now, as the agent.
fn correct(
    store: &mut Store,
    ctx: &Ctx,
    input: &CorrectionInput,
    kind: CorrectionKind,
    requested: Option<(&str, i64)>,
) -> Result<OrderLine, Error> {
    let note = validate::text("note", input.note.as_deref().unwrap_or(""), TEXT_MAX)?;
    store.write(|tx| {
        let mut line = tx.order_line(input.order)?;
        let correction = Correction {
            id: 0,
            order_id: line.order.id,
            at: ctx.now,
            kind,
            amount_cents: 0,
            note: note.clone(),
            created_by: ctx.agent.clone(),
        };
        record_correction(tx, ctx, &mut line, correction, requested)?;
        Ok(line)
    })
}

/// Records `correction` against `line` inside an open transaction (the
/// commands and imports share it): the order's rules decide what it gives
/// back (never more than is left, nothing after a cancellation), then it is
/// stored, taken off the lifetime value, audited on the customer and the
/// tier and stage recomputed. `line` gains the correction; returns its id.
pub fn record_correction(
    tx: &Tx,
    ctx: &Ctx,
    line: &mut OrderLine,
    mut correction: Correction,
    requested: Option<(&str, i64)>,
) -> Result<i64, Error> {
    let cents = line.correction(correction.kind, requested)?;
    correction.amount_cents = cents;
    correction.order_id = line.order.id;
    correction.id = tx.insert_correction(&correction)?;
    let id = correction.id;
    let customer = line.order.customer_id;
    let kind = correction.kind;
    let before = format!("#{} {}", line.order.id, format_cents(line.net_cents()));
    line.corrections.push(correction);
    tx.add_lifetime_value(customer, -cents)?;
    let after = format!(
        "#{} {} {} → {}",
        line.order.id,
        kind.key(),
        format_cents(cents),
        format_cents(line.net_cents())
    );
    ctx.audit(tx, "customer", customer, "order", Some(before), Some(after))?;
    segments::recompute(tx, ctx, customer)?;
    Ok(id)
}
