//! Insert triggers that keep derived rows (a customer's last outbound
//! contact, the customers whose search keys are due), suspended while a
//! bulk load writes and worked out once for the load's own rows at its end.
//!
//! Each trigger run is a statement of its own (an upsert per outbound
//! contact, a mark per customer), and an insert into a table with a
//! trigger is journaled as a statement that may need undoing half-way: the
//! demo's million contacts spent about a second on them (see the commit).

use super::StoreError;
use rusqlite::Connection;

/// A trigger, the table it watches, and the statement that works out what
/// it would have written for that table's rows after id `?1`.
struct Derived {
    trigger: &'static str,
    table: &'static str,
    fill: &'static str,
}

/// As the trigger: the latest of the stored time and the load's own.
/// NOT INDEXED keeps it to the load's rows by id: for its GROUP BY the
/// planner would otherwise skip-scan every contact by direction.
pub(super) const LAST_OUTBOUND_FILL_SQL: &str = "INSERT INTO customer_last_outbound (customer_id, at)
     SELECT customer_id, max(at) FROM interactions NOT INDEXED
      WHERE id > ?1 AND direction = 'out' GROUP BY customer_id
     ON CONFLICT (customer_id) DO UPDATE SET at = max(at, excluded.at)";

const DERIVED: &[Derived] = &[
    Derived {
        trigger: "interactions_last_outbound_ai",
        table: "interactions",
        fill: LAST_OUTBOUND_FILL_SQL,
    },
    Derived {
        trigger: "customers_keys_ai",
        table: "customers",
        fill: "INSERT OR IGNORE INTO customer_keys_dirty (id) SELECT id FROM customers WHERE id > ?1",
    },
];

/// The triggers suspended for a load: [`Suspended::finish`] writes their
/// rows and restores them; on an error the transaction's rollback restores
/// them.
pub(super) struct Suspended {
    /// Each suspended trigger's SQL, fill statement and the largest id of
    /// its table before the load.
    held: Vec<(String, &'static str, i64)>,
}

pub(super) fn suspend(conn: &Connection) -> Result<Suspended, StoreError> {
    let mut held = Vec::new();
    for d in DERIVED {
        // Table names come from the constant, never from input.
        let last: i64 = conn.query_row(&format!("SELECT coalesce(max(id), 0) FROM {}", d.table), [], |r| {
            r.get(0)
        })?;
        if let Some(sql) = super::suspended_trigger::drop_keeping_sql(conn, d.trigger)? {
            held.push((sql, d.fill, last));
        }
    }
    Ok(Suspended { held })
}

impl Suspended {
    /// Writes what the triggers would have for the load's rows, and
    /// restores them.
    pub(super) fn finish(self, conn: &Connection) -> Result<(), StoreError> {
        for (sql, fill, last) in self.held {
            conn.execute(fill, [last])?;
            conn.execute_batch(&sql)?;
        }
        Ok(())
    }
}
