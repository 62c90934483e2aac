//! Order rows (交易).

use super::{StoreError, Tx};
use crate::domain::order::Order;
use crate::domain::time::from_unix;
use rusqlite::params;

impl Tx<'_> {
    pub fn insert_order(&self, o: &Order) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO orders (customer_id, at, amount_cents, product, note, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                o.customer_id,
                o.at.timestamp(),
                o.amount_cents,
                o.product,
                o.note,
                o.created_by
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A customer's orders, newest first.
    pub fn customer_orders(&self, customer_id: i64, limit: Option<usize>) -> Result<Vec<Order>, StoreError> {
        let limit = limit.map_or(-1, |l| l as i64);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, customer_id, at, amount_cents, product, note, created_by FROM orders
             WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![customer_id, limit], order)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// An order from `SELECT id, customer_id, at, amount_cents, product, note, created_by`.
pub(super) fn order(r: &rusqlite::Row) -> rusqlite::Result<Order> {
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
