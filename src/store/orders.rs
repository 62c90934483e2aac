//! Order rows (交易) and their corrections (refunds, cancellations).

use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::order::{Correction, CorrectionKind, Order, OrderLine};
use crate::domain::time::from_unix;
use std::collections::HashMap;

const ORDER_COLUMNS: &str = "id, customer_id, at, amount_cents, product, note, created_by";

pub(super) fn order_row(r: &Row) -> Result<Order, StoreError> {
    Ok(Order {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        at: from_unix(r.get(2)?),
        amount_cents: r.get(3)?,
        product: r.get(4)?,
        note: r.get(5)?,
        created_by: r.get(6)?,
    })
}

pub(super) fn correction_row(r: &Row) -> Result<Correction, StoreError> {
    let kind: String = r.get(3)?;
    Ok(Correction {
        id: r.get(0)?,
        order_id: r.get(1)?,
        at: from_unix(r.get(2)?),
        kind: CorrectionKind::from_key(&kind),
        amount_cents: r.get(4)?,
        note: r.get(5)?,
        created_by: r.get(6)?,
    })
}

impl Tx<'_> {
    pub fn insert_order(&self, o: &Order) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO orders (customer_id, at, amount_cents, product, note, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                o.customer_id,
                o.at.timestamp(),
                o.amount_cents,
                o.product,
                o.note,
                o.created_by
            ],
        )
    }

    /// A customer's orders, newest first.
    pub fn customer_orders(&self, customer_id: i64, limit: Option<usize>) -> Result<Vec<Order>, StoreError> {
        let limit = limit.map_or(-1, |l| l as i64);
        let mut stmt = self.db.prepare(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders
             WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![customer_id, limit], order_row)?;
        Ok(rows)
    }

    /// A customer's orders with their corrections, newest order first.
    pub fn customer_order_lines(&self, customer_id: i64, limit: Option<usize>) -> Result<Vec<OrderLine>, StoreError> {
        let orders = self.customer_orders(customer_id, limit)?;
        let mut stmt = self.db.prepare(
            "SELECT x.id, x.order_id, x.at, x.kind, x.amount_cents, x.note, x.created_by
               FROM order_corrections x JOIN orders o ON o.id = x.order_id
              WHERE o.customer_id = ?1 ORDER BY x.at, x.id",
        )?;
        let mut by_order: HashMap<i64, Vec<Correction>> = HashMap::new();
        for c in stmt.query_map([customer_id], correction_row)? {
            by_order.entry(c.order_id).or_default().push(c);
        }
        Ok(orders
            .into_iter()
            .map(|order| OrderLine {
                corrections: by_order.remove(&order.id).unwrap_or_default(),
                order,
            })
            .collect())
    }

    /// One order with its corrections, oldest first.
    pub fn order_line(&self, id: i64) -> Result<OrderLine, StoreError> {
        let order = self
            .db
            .query_opt(
                &format!("SELECT {ORDER_COLUMNS} FROM orders WHERE id = ?1"),
                [id],
                order_row,
            )?
            .ok_or_else(|| StoreError::NotFound {
                entity: crate::domain::error::Entity::Order,
                key: id.to_string(),
            })?;
        let mut stmt = self.db.prepare(
            "SELECT id, order_id, at, kind, amount_cents, note, created_by
               FROM order_corrections WHERE order_id = ?1 ORDER BY at, id",
        )?;
        let corrections = stmt.query_map([id], correction_row)?;
        Ok(OrderLine { order, corrections })
    }

    pub fn insert_correction(&self, c: &Correction) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO order_corrections (order_id, at, kind, amount_cents, note, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                c.order_id,
                c.at.timestamp(),
                c.kind.key(),
                c.amount_cents,
                c.note,
                c.created_by
            ],
        )
    }
}
