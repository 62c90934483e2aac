//! Reading every record of a kind for `export`, with the keys an import
//! elsewhere needs (customer codes, the external ids of tickets and of the
//! record itself), and writing those keys back on import.
//!
//! Orders are read and keyed only here, so columns added to orders later
//! join the export in one place; each carries its corrections (refunds,
//! cancellations), which also export as records of their own keyed to the
//! order.

use super::audit::audit_entry;
use super::orders::{correction_row, order_row};
use super::surveys::{SURVEY_COLUMNS, survey};
use super::{StoreError, Tx};
use crate::domain::audit::AuditEntry;
use crate::domain::enums::ReminderReason;
use crate::domain::order::{Correction, Order};
use crate::domain::survey::Survey;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
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

impl Tx<'_> {
    /// Every order, oldest first, with its corrections.
    pub fn all_orders(&self) -> Result<Vec<ExportedOrder>, StoreError> {
        let mut corrections: HashMap<i64, Vec<ExportedCorrection>> = HashMap::new();
        for c in self.all_corrections()? {
            corrections.entry(c.correction.order_id).or_default().push(c);
        }
        let mut stmt = self.conn.prepare(
            "SELECT o.id, o.customer_id, o.at, o.amount_cents, o.product, o.note, o.created_by,
                    o.external_id, c.code
               FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.at, o.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let order = order_row(r)?;
            Ok(ExportedOrder {
                corrections: corrections.remove(&order.id).unwrap_or_default(),
                order,
                external_id: r.get(7)?,
                customer_code: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every order correction, in the order they were made.
    pub fn all_corrections(&self) -> Result<Vec<ExportedCorrection>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT x.id, x.order_id, x.at, x.kind, x.amount_cents, x.note, x.created_by,
                    x.external_id, o.external_id
               FROM order_corrections x JOIN orders o ON o.id = x.order_id ORDER BY x.at, x.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ExportedCorrection {
                correction: correction_row(r)?,
                external_id: r.get(7)?,
                order_external_id: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every survey, oldest first.
    pub fn all_surveys(&self) -> Result<Vec<ExportedSurvey>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SURVEY_COLUMNS}, s.external_id, t.external_id
               FROM surveys s JOIN customers c ON c.id = s.customer_id
               LEFT JOIN tickets t ON t.id = s.ticket_id ORDER BY s.at, s.id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(ExportedSurvey {
                survey: survey(r)?,
                external_id: r.get(11)?,
                ticket_external_id: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stored reminder, done or not, by due time.
    pub fn all_reminders(&self) -> Result<Vec<ExportedReminder>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, r.external_id, c.code, r.ticket_id, t.external_id, r.due_at, r.reason, r.note,
                    r.done_at, r.created_by, r.created_at
               FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id
               LEFT JOIN tickets t ON t.id = r.ticket_id ORDER BY r.due_at, r.id",
        )?;
        let rows = stmt.query_map([], |r| {
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
                done_at: r.get::<_, Option<i64>>(8)?.map(from_unix),
                created_by: r.get(9)?,
                created_at: from_unix(r.get(10)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The whole audit trail, oldest first.
    pub fn all_audit(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, agent, entity, entity_id, field, old_value, new_value FROM audit ORDER BY at, id")?;
        let rows = stmt.query_map([], audit_entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether a record of `kind` already has this stable key.
    pub fn external_id_exists(&self, kind: Keyed, external_id: &str) -> Result<bool, StoreError> {
        Ok(self.id_by_external_id(kind, external_id)?.is_some())
    }

    /// The record of `kind` with this stable key.
    pub fn id_by_external_id(&self, kind: Keyed, external_id: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT id FROM {} WHERE external_id = ?1", kind.table()))?
            .query_row([external_id], |r| r.get(0))
            .optional()?)
    }

    /// Gives an imported record the stable key it had in its export.
    pub fn set_external_id(&self, kind: Keyed, id: i64, external_id: Option<&str>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(&format!("UPDATE {} SET external_id = ?2 WHERE id = ?1", kind.table()))?
            .execute(params![id, external_id])?;
        Ok(())
    }

    /// Gives an imported customer the creation time it had in its export
    /// (tenure feeds the tier and stage rules, and the contact cadence of
    /// a customer never contacted starts there).
    pub fn set_customer_created_at(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE customers SET created_at = ?2 WHERE id = ?1")?
            .execute(params![id, at.timestamp()])?;
        Ok(())
    }

    /// Marks an imported reminder done when its export says so.
    pub fn set_reminder_done_at(&self, id: i64, done_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE reminders SET done_at = ?2 WHERE id = ?1")?
            .execute(params![id, done_at.map(|t| t.timestamp())])?;
        Ok(())
    }
}
