//! Reading every record of a kind for `export`, with the keys an import
//! elsewhere needs (customer codes, the external ids of tickets and of the
//! record itself), and writing those keys back on import.
//!
//! Orders are read and keyed only here, so columns added to orders later
//! join the export in one place; each carries its corrections (refunds,
//! cancellations), which also export as records of their own keyed to the
//! order.

use super::audit::audit_entry;
use super::interactions::ExportedInteraction;
use super::orders::{correction_row, order_row};
use super::rows::{self, CUSTOMER_COLUMNS, INTERACTION_COLUMNS};
use super::sql::{Dialect, Params, Row, params};
use super::surveys::{SURVEY_COLUMNS, survey};
use super::{StoreError, Tx};
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::domain::enums::ReminderReason;
use crate::domain::order::{Correction, Order};
use crate::domain::survey::Survey;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};

use serde::Serialize;
use std::collections::HashMap;

/// An order with its customer's code, its stable key and its corrections
/// (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedOrder {
    #[serde(flatten)]
    pub order: Order,
    pub external_id: Option<String>,
    pub customer_code: String,
    pub corrections: Vec<ExportedCorrection>,
}

/// A refund or cancellation with its stable key and its order's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedCorrection {
    #[serde(flatten)]
    pub correction: Correction,
    pub external_id: Option<String>,
    pub order_external_id: Option<String>,
}

/// A survey with its stable key and its ticket's external id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedSurvey {
    #[serde(flatten)]
    pub survey: Survey,
    pub external_id: Option<String>,
    pub ticket_external_id: Option<String>,
}

/// A stored reminder (manual, or a callback's follow-up) whole. Computed
/// reminders (cadence, callbacks owed, occasions) are never stored: they
/// follow from the other records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedReminder {
    pub id: i64,
    pub external_id: Option<String>,
    pub customer_code: Option<String>,
    pub ticket_id: Option<i64>,
    pub ticket_external_id: Option<String>,
    pub due_at: DateTime<Utc>,
    pub reason: ReminderReason,
    pub note: String,
    pub done_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// Which table a stable key is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyed {
    Orders,
    Surveys,
    Reminders,
    Corrections,
}

impl Keyed {
    fn table(self) -> &'static str {
        match self {
            Keyed::Orders => "orders",
            Keyed::Corrections => "order_corrections",
            Keyed::Surveys => "surveys",
            Keyed::Reminders => "reminders",
        }
    }
}

/// The queries of `export`, by name, exactly as the store runs them, so a
/// test can keep their plans: each reads its table in one pass, the rows it
/// joins found by key.
pub fn export_queries() -> Vec<(&'static str, String)> {
    vec![
        ("export_customers", customers_sql()),
        ("export_tickets", super::tickets::list_sql(false)),
        (
            "export_ticket_events",
            super::tickets::EVENTS_IN_LIST_ORDER_SQL.to_string(),
        ),
        ("export_interactions", interactions_sql()),
        ("export_orders", ORDERS_SQL.to_string()),
        ("export_corrections", CORRECTIONS_SQL.to_string()),
        ("export_surveys", surveys_sql()),
        ("export_reminders", REMINDERS_SQL.to_string()),
        ("export_audit", AUDIT_SQL.to_string()),
    ]
}

/// Every customer, archived ones too, in the order of the customer list
/// (last activity first).
fn customers_sql() -> String {
    format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers c
         ORDER BY coalesce(c.last_activity_at, c.created_at) DESC, c.id DESC"
    )
}

/// Every interaction, oldest first. The table is read in storage order and
/// sorted (`NOT INDEXED`, `CROSS JOIN` keeping it the outer loop): read
/// through a customer index instead, as the planner would, a million rows
/// come in random order from all over the file.
fn interactions_sql() -> String {
    format!(
        "SELECT {INTERACTION_COLUMNS}, i.external_id, c.code, c.name, t.external_id
         FROM interactions i NOT INDEXED CROSS JOIN customers c ON c.id = i.customer_id
         LEFT JOIN tickets t ON t.id = i.ticket_id ORDER BY i.at, i.id"
    )
}

/// [`interactions_sql`] on PostgreSQL, which has neither `NOT INDEXED` nor a
/// `CROSS JOIN` with a condition (and plans the join order itself).
fn interactions_pg_sql() -> String {
    format!(
        "SELECT {INTERACTION_COLUMNS}, i.external_id, c.code, c.name, t.external_id
         FROM interactions i JOIN customers c ON c.id = i.customer_id
         LEFT JOIN tickets t ON t.id = i.ticket_id ORDER BY i.at, i.id"
    )
}

const ORDERS_SQL: &str = "SELECT o.id, o.customer_id, o.at, o.amount_cents, o.product, o.note, o.created_by,
        o.external_id, c.code
   FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.at, o.id";

/// The corrections, each finding its order by key (`CROSS JOIN`: the
/// planner would otherwise walk every order to find the few corrected).
const CORRECTIONS_SQL: &str = "SELECT x.id, x.order_id, x.at, x.kind, x.amount_cents, x.note, x.created_by,
        x.external_id, o.external_id
   FROM order_corrections x CROSS JOIN orders o ON o.id = x.order_id ORDER BY x.at, x.id";

/// [`CORRECTIONS_SQL`] on PostgreSQL: a plain join (no `CROSS JOIN … ON` there).
const CORRECTIONS_PG_SQL: &str = "SELECT x.id, x.order_id, x.at, x.kind, x.amount_cents, x.note, x.created_by,
        x.external_id, o.external_id
   FROM order_corrections x JOIN orders o ON o.id = x.order_id ORDER BY x.at, x.id";

fn surveys_sql() -> String {
    format!(
        "SELECT {SURVEY_COLUMNS}, s.external_id, t.external_id
           FROM surveys s JOIN customers c ON c.id = s.customer_id
           LEFT JOIN tickets t ON t.id = s.ticket_id ORDER BY s.at, s.id"
    )
}

const REMINDERS_SQL: &str =
    "SELECT r.id, r.external_id, c.code, r.ticket_id, t.external_id, r.due_at, r.reason, r.note,
        r.done_at, r.created_by, r.created_at
   FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id
   LEFT JOIN tickets t ON t.id = r.ticket_id ORDER BY r.due_at, r.id";

const AUDIT_SQL: &str = "SELECT at, agent, entity, entity_id, field, old_value, new_value FROM audit ORDER BY at, id";

/// The tables an export reads whole, for counting its rows up front (the
/// progress bar's total).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    Customers,
    Tickets,
    Interactions,
    Orders,
    Corrections,
    Surveys,
    Reminders,
    Audit,
}

impl ExportTable {
    fn name(self) -> &'static str {
        match self {
            ExportTable::Customers => "customers",
            ExportTable::Tickets => "tickets",
            ExportTable::Interactions => "interactions",
            ExportTable::Orders => "orders",
            ExportTable::Corrections => "order_corrections",
            ExportTable::Surveys => "surveys",
            ExportTable::Reminders => "reminders",
            ExportTable::Audit => "audit",
        }
    }
}

/// Each export hands its rows to a callback as they are stepped, inside the
/// caller's read transaction: nothing is collected, so an export of a
/// million rows takes the memory of one, and every row comes from the same
/// snapshot. The callback's error (a closed pipe, a full disk) stops the
/// read and is returned as it is.
impl Tx<'_> {
    /// How many rows `table` holds: what an export of it writes.
    pub fn export_count(&self, table: ExportTable) -> Result<u64, StoreError> {
        let sql = format!("SELECT count(*) FROM {}", table.name());
        let n: i64 = self.db.query_row(&sql, params![], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Steps `sql` and hands each row, as `map` reads it, to `each`.
    pub(super) fn each_row<T, E: From<StoreError>>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl Fn(&Row) -> Result<T, StoreError>,
        mut each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        self.db.prepare_once(sql)?.query_each(params, |row| each(map(row)?))
    }

    /// Every customer, archived ones too, most recently active first.
    pub fn each_customer<E: From<StoreError>>(&self, each: impl FnMut(Customer) -> Result<(), E>) -> Result<(), E> {
        self.each_row(&customers_sql(), params![], rows::customer, each)
    }

    /// Every interaction, oldest first, with the keys an import elsewhere needs.
    pub fn each_interaction<E: From<StoreError>>(
        &self,
        each: impl FnMut(ExportedInteraction) -> Result<(), E>,
    ) -> Result<(), E> {
        let map = |r: &Row| {
            Ok(ExportedInteraction {
                interaction: rows::interaction(r)?,
                external_id: r.get(9)?,
                customer_code: r.get(10)?,
                customer_name: r.get(11)?,
                ticket_external_id: r.get(12)?,
            })
        };
        let sql = match self.db.dialect() {
            Dialect::Sqlite => interactions_sql(),
            Dialect::Postgres => interactions_pg_sql(),
        };
        self.each_row(&sql, params![], map, each)
    }

    /// Every order, oldest first, with its corrections. The corrections are
    /// read first, whole: they are few beside the orders (a refund or a
    /// cancellation now and then), and no order of the orders' scan finds
    /// them in one pass.
    pub fn each_order<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(ExportedOrder) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut corrections: HashMap<i64, Vec<ExportedCorrection>> = HashMap::new();
        self.each_correction(|c: ExportedCorrection| {
            corrections.entry(c.correction.order_id).or_default().push(c);
            Ok::<(), StoreError>(())
        })?;
        let map = |r: &Row| Ok((order_row(r)?, r.get::<Option<String>>(7)?, r.get::<String>(8)?));
        self.each_row(ORDERS_SQL, params![], map, |(order, external_id, customer_code)| {
            each(ExportedOrder {
                corrections: corrections.remove(&order.id).unwrap_or_default(),
                order,
                external_id,
                customer_code,
            })
        })
    }

    /// Every order correction, in the order they were made.
    pub fn each_correction<E: From<StoreError>>(
        &self,
        each: impl FnMut(ExportedCorrection) -> Result<(), E>,
    ) -> Result<(), E> {
        let map = |r: &Row| {
            Ok(ExportedCorrection {
                correction: correction_row(r)?,
                external_id: r.get(7)?,
                order_external_id: r.get(8)?,
            })
        };
        self.each_row(self.db.pick(CORRECTIONS_SQL, CORRECTIONS_PG_SQL), params![], map, each)
    }

    /// Every survey, oldest first.
    pub fn each_survey<E: From<StoreError>>(&self, each: impl FnMut(ExportedSurvey) -> Result<(), E>) -> Result<(), E> {
        let map = |r: &Row| {
            Ok(ExportedSurvey {
                survey: survey(r)?,
                external_id: r.get(11)?,
                ticket_external_id: r.get(12)?,
            })
        };
        self.each_row(&surveys_sql(), params![], map, each)
    }

    /// Every stored reminder, done or not, by due time.
    pub fn each_reminder<E: From<StoreError>>(
        &self,
        each: impl FnMut(ExportedReminder) -> Result<(), E>,
    ) -> Result<(), E> {
        let map = |r: &Row| {
            let reason: String = r.get(6)?;
            Ok(ExportedReminder {
                id: r.get(0)?,
                external_id: r.get(1)?,
                customer_code: r.get(2)?,
                ticket_id: r.get(3)?,
                ticket_external_id: r.get(4)?,
                due_at: from_unix(r.get(5)?),
                // The schema's CHECK allows only known reasons.
                reason: reason.parse().unwrap_or(ReminderReason::Manual),
                note: r.get(7)?,
                done_at: r.get::<Option<i64>>(8)?.map(from_unix),
                created_by: r.get(9)?,
                created_at: from_unix(r.get(10)?),
            })
        };
        self.each_row(REMINDERS_SQL, params![], map, each)
    }

    /// The whole audit trail, oldest first.
    pub fn each_audit<E: From<StoreError>>(&self, each: impl FnMut(AuditEntry) -> Result<(), E>) -> Result<(), E> {
        self.each_row(AUDIT_SQL, params![], audit_entry, each)
    }
}

impl Tx<'_> {
    /// Whether a record of `kind` already has this stable key.
    pub fn external_id_exists(&self, kind: Keyed, external_id: &str) -> Result<bool, StoreError> {
        Ok(self.id_by_external_id(kind, external_id)?.is_some())
    }

    /// The record of `kind` with this stable key.
    pub fn id_by_external_id(&self, kind: Keyed, external_id: &str) -> Result<Option<i64>, StoreError> {
        self.db.query_opt(
            &format!("SELECT id FROM {} WHERE external_id = ?1", kind.table()),
            [external_id],
            |r| r.get(0),
        )
    }

    /// Gives an imported record the stable key it had in its export.
    pub fn set_external_id(&self, kind: Keyed, id: i64, external_id: Option<&str>) -> Result<(), StoreError> {
        self.db.execute(
            &format!("UPDATE {} SET external_id = ?2 WHERE id = ?1", kind.table()),
            params![id, external_id],
        )?;
        Ok(())
    }

    /// Gives an imported customer the creation time it had in its export
    /// (tenure feeds the tier and stage rules, and the contact cadence of
    /// a customer never contacted starts there).
    pub fn set_customer_created_at(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE customers SET created_at = ?2 WHERE id = ?1",
            params![id, at.timestamp()],
        )?;
        Ok(())
    }

    /// Marks an imported reminder done when its export says so.
    pub fn set_reminder_done_at(&self, id: i64, done_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE reminders SET done_at = ?2 WHERE id = ?1",
            params![id, done_at.map(|t| t.timestamp())],
        )?;
        Ok(())
    }
}
