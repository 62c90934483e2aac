//! Relationship-management reads and writes: the facts the segmentation and
//! churn rules look at, tier and lifecycle, contact cadence and callbacks
//! owed, data quality.

use super::rows::{self, CUSTOMER_COLUMNS};
use super::sql::{ListOf, Row, params};
use super::{StoreError, Tx};
use crate::domain::customer::Customer;
use crate::domain::duplicates::Candidate;
use crate::domain::enums::{Lifecycle, Tier};
use crate::domain::segments::{Facts, Windows};
use crate::domain::time::{from_unix, midnight};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// A customer's stored tier and stage beside the facts to recompute them.
#[derive(Debug, Clone)]
pub struct FactsRow {
    pub customer_id: i64,
    pub tier: Tier,
    pub tier_pinned: bool,
    /// As stored; may be a key this binary does not know.
    pub lifecycle: String,
    /// An archived customer's tier and stage stay as they were archived.
    pub archived: bool,
    /// The churn warnings stored with the tier, as stored (JSON; `''` for none).
    pub warnings: String,
    pub facts: Facts,
}

/// A live customer whose tier has a contact cadence. The code orders the
/// agenda; the name is read for the rows listed only
/// ([`Tx::customer_names`]): tens of thousands are read to make a page.
#[derive(Debug, Clone)]
pub struct CadenceRow {
    pub customer_id: i64,
    pub code: String,
    pub tier: Tier,
    pub created_at: DateTime<Utc>,
    pub last_outbound: Option<DateTime<Utc>>,
}

/// ?1 the earliest due time: a range of `tickets_callback_owed`.
pub(super) const CALLBACKS_OWED_SQL: &str =
    "SELECT t.id, t.customer_id, c.code, c.name, t.subject, t.callback_due, t.assignee
       FROM tickets t JOIN customers c ON c.id = t.customer_id
      WHERE t.callback_at IS NULL AND t.callback_due IS NOT NULL AND t.callback_due >= ?1
        AND t.status IN ('resolved', 'closed') AND NOT c.archived";

/// A resolved or closed ticket whose callback (回访) is not done yet.
#[derive(Debug, Clone)]
pub struct CallbackRow {
    pub ticket_id: i64,
    pub customer_id: i64,
    pub code: String,
    pub name: String,
    pub subject: String,
    pub due: DateTime<Utc>,
    /// Who owes the callback: the ticket's assignee ('' when none).
    pub assignee: String,
}

/// The facts query. `{scope}` limits each aggregate to one customer (so it
/// uses the per-customer indexes) or to none; `{outer}` picks the customers.
/// Only records dated up to `now` (?1) count, so `--now` can look back.
/// Orders count at their net amount (less refunds); one cancelled or fully
/// refunded no longer counts as an order at all.
const FACTS_SQL: &str = "SELECT c.id, c.tier, c.tier_pinned, c.lifecycle, c.since, c.created_at,
       c.lifetime_value_cents, c.last_activity_at,
       coalesce(o.n, 0), o.first_at, o.last_at, coalesce(o.recent_n, 0), coalesce(o.recent_cents, 0),
       coalesce(i.recent, 0), coalesce(i.earlier, 0), coalesce(k.n, 0), s.score, c.archived,
       c.churn_warnings
  FROM customers c
  LEFT JOIN (SELECT customer_id, count(*) AS n, min(at) AS first_at, max(at) AS last_at,
                    sum(CASE WHEN at >= ?2 THEN 1 ELSE 0 END) AS recent_n,
                    sum(CASE WHEN at >= ?2 THEN net ELSE 0 END) AS recent_cents
               FROM (SELECT o.customer_id, o.at, o.amount_cents - coalesce(x.back, 0) AS net,
                            x.back IS NOT NULL AS corrected
                       FROM orders o
                       LEFT JOIN (SELECT order_id, sum(amount_cents) AS back FROM order_corrections
                                   WHERE at <= ?1 GROUP BY order_id) x ON x.order_id = o.id
                      WHERE o.at <= ?1 AND {scope}) nets
              WHERE NOT (corrected AND net <= 0)
              GROUP BY customer_id) o ON o.customer_id = c.id
  LEFT JOIN (SELECT customer_id, sum(CASE WHEN at >= ?4 THEN 1 ELSE 0 END) AS recent,
                    sum(CASE WHEN at < ?4 THEN 1 ELSE 0 END) AS earlier
               FROM interactions
              WHERE direction <> 'note' AND at >= ?3 AND at <= ?1 AND {scope}
              GROUP BY customer_id) i ON i.customer_id = c.id
  LEFT JOIN (SELECT customer_id, count(*) AS n FROM tickets
              WHERE kind = 'complaint' AND opened_at >= ?5 AND opened_at <= ?1 AND {scope}
              GROUP BY customer_id) k ON k.customer_id = c.id
  LEFT JOIN (SELECT customer_id, avg((quality + response + communication) / 3.0) AS score
               FROM surveys WHERE at >= ?6 AND at <= ?1 AND {scope}
              GROUP BY customer_id) s ON s.customer_id = c.id
 WHERE {outer}";

fn facts_row(r: &Row) -> Result<FactsRow, StoreError> {
    let since: Option<String> = r.get(4)?;
    let since = since.and_then(|d| d.parse::<NaiveDate>().ok()).map(midnight);
    let at = |i: usize| -> Result<Option<DateTime<Utc>>, StoreError> { Ok(r.get::<Option<i64>>(i)?.map(from_unix)) };
    let tier: String = r.get(1)?;
    Ok(FactsRow {
        customer_id: r.get(0)?,
        // An unknown stored tier is treated as standard rather than failing.
        tier: tier.parse().unwrap_or(Tier::Standard),
        tier_pinned: r.get(2)?,
        lifecycle: r.get(3)?,
        archived: r.get(17)?,
        warnings: r.get(18)?,
        facts: Facts {
            tenure_start: since.or(at(5)?),
            lifetime_value_cents: r.get(6)?,
            last_activity_at: at(7)?,
            orders: r.get(8)?,
            first_order_at: at(9)?,
            last_order_at: at(10)?,
            recent_orders: r.get(11)?,
            recent_order_cents: r.get(12)?,
            contacts_recent: r.get(13)?,
            contacts_before: r.get(14)?,
            complaints_recent: r.get(15)?,
            satisfaction: r.get(16)?,
        },
    })
}

/// ?1 the customers' ids (JSON).
pub(super) const CUSTOMER_NAMES_SQL: &str =
    "SELECT c.id, c.name FROM json_each(?1) j JOIN customers c ON c.id = j.value";

/// ?1 the tiers with a cadence (JSON), ?2 `now`.
pub(super) const CADENCE_SQL: &str = concat!(
    "SELECT c.id, c.code, c.tier, c.created_at, ",
    last_outbound_of_c!(),
    " FROM customers c
      WHERE NOT c.archived AND c.tier IN (SELECT value FROM json_each(?1))"
);

/// The live customers with stored churn warnings in the at-risk list's order, read
/// through the partial index `customers_at_risk` (0023) in that order, so a page of
/// them reads only its rows.
pub(super) const STORED_RISKS_SQL: &str = "SELECT id, churn_warnings FROM customers
    WHERE churn_warnings <> '' AND NOT archived
    ORDER BY length(churn_warnings) - length(replace(churn_warnings, '\"reason\"', '')) DESC,
             lifetime_value_cents DESC, id";

impl Tx<'_> {
    /// The facts of one customer (archived or not), or of every live one.
    pub fn customer_facts(&self, w: &Windows, customer_id: Option<i64>) -> Result<Vec<FactsRow>, StoreError> {
        let (scope, outer) = match customer_id {
            Some(_) => ("customer_id = ?7", "c.id = ?7"),
            None => ("?7 IS NULL", "?7 IS NULL AND NOT c.archived"),
        };
        let sql = FACTS_SQL.replace("{scope}", scope).replace("{outer}", outer);
        let mut stmt = self.db.prepare(&sql)?;
        let rows = stmt.query_map(
            params![
                w.now.timestamp(),
                w.recent_from.timestamp(),
                w.contacts_from.timestamp(),
                w.contacts_split.timestamp(),
                w.complaints_from.timestamp(),
                w.satisfaction_from.timestamp(),
                customer_id
            ],
            facts_row,
        )?;
        Ok(rows)
    }

    /// Stores what the rules derived; not an agent's edit, so the version
    /// stays (a form open on the customer is not made stale by it).
    pub fn set_customer_segment(&self, id: i64, tier: Tier, lifecycle: Lifecycle) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE customers SET tier = ?2, lifecycle = ?3 WHERE id = ?1",
            params![id, tier.key(), lifecycle.key()],
        )?;
        Ok(())
    }

    /// Stores the churn warnings the rules derived (JSON), like [`Tx::set_customer_segment`].
    pub fn set_churn_warnings(&self, id: i64, warnings: &str) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE customers SET churn_warnings = ?2 WHERE id = ?1",
            params![id, warnings],
        )?;
        Ok(())
    }

    /// The `limit` live customers with the most stored churn warnings, the most valuable
    /// first among equals, then by id: (id, warnings as stored). The warnings are counted
    /// in their JSON (one `"reason"` key each).
    pub fn stored_risks(&self, limit: Option<usize>) -> Result<Vec<(i64, String)>, StoreError> {
        let limit = limit.map(|l| format!(" LIMIT {l}")).unwrap_or_default();
        let mut stmt = self.db.prepare(&format!("{STORED_RISKS_SQL}{limit}"))?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows)
    }

    /// Adds an order's amount to the lifetime order value (derived, like
    /// [`Tx::set_customer_segment`]).
    pub fn add_lifetime_value(&self, id: i64, cents: i64) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE customers SET lifetime_value_cents = lifetime_value_cents + ?2 WHERE id = ?1",
            params![id, cents],
        )?;
        Ok(())
    }

    /// Live customers of these tiers with their last outbound contact up to `now`.
    pub fn cadence_rows(&self, tiers: &[Tier], now: DateTime<Utc>) -> Result<Vec<CadenceRow>, StoreError> {
        let keys: Vec<&str> = tiers.iter().map(|t| t.key()).collect();
        let mut stmt = self.db.prepare(&self.db.json_list(CADENCE_SQL, ListOf::Text))?;
        let tiers_json = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
        let rows = stmt.query_map(params![tiers_json, now.timestamp()], |r| {
            let tier: String = r.get(2)?;
            Ok(CadenceRow {
                customer_id: r.get(0)?,
                code: r.get(1)?,
                tier: tier.parse().unwrap_or(Tier::Standard),
                created_at: from_unix(r.get(3)?),
                last_outbound: r.get::<Option<i64>>(4)?.map(from_unix),
            })
        })?;
        Ok(rows)
    }

    /// These customers' names by id (archived ones too; an id not found is left out).
    pub fn customer_names(&self, ids: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
        let mut stmt = self
            .db
            .prepare(&self.db.json_list(CUSTOMER_NAMES_SQL, ListOf::Integer))?;
        let rows = stmt.query_map(params![super::report::ids_json(ids)], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.into_iter().collect())
    }

    /// The last outbound contact with a customer up to `now`.
    pub fn last_outbound_contact(
        &self,
        customer_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = self.db.query_row(
            "SELECT max(at) FROM interactions WHERE customer_id = ?1 AND direction = 'out' AND at <= ?2",
            params![customer_id, now.timestamp()],
            |r| r.get(0),
        )?;
        Ok(at.map(from_unix))
    }

    /// Resolved or closed tickets of live customers still owing their
    /// callback ([`CALLBACKS_OWED_SQL`]), due at or after `from` when given (a range of
    /// `tickets_callback_owed`: the agenda's first screen skips the backlog).
    pub fn callbacks_owed(&self, from: Option<DateTime<Utc>>) -> Result<Vec<CallbackRow>, StoreError> {
        let mut stmt = self.db.prepare(CALLBACKS_OWED_SQL)?;
        let from = from.map_or(i64::MIN, |at| at.timestamp());
        let rows = stmt.query_map([from], |r| {
            Ok(CallbackRow {
                ticket_id: r.get(0)?,
                customer_id: r.get(1)?,
                code: r.get(2)?,
                name: r.get(3)?,
                subject: r.get(4)?,
                due: from_unix(r.get(5)?),
                assignee: r.get(6)?,
            })
        })?;
        Ok(rows)
    }

    /// Live customers with neither a phone number nor an e-mail address,
    /// most recently active first.
    pub fn customers_missing_contact(&self, limit: Option<usize>) -> Result<Vec<Customer>, StoreError> {
        let limit = limit.map_or(-1, |l| l as i64);
        let mut stmt = self.db.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers c
              WHERE NOT c.archived AND trim(c.phone) = '' AND trim(c.email) = ''
              ORDER BY coalesce(c.last_activity_at, c.created_at) DESC, c.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit], rows::customer)?;
        Ok(rows)
    }

    /// Name, phone and e-mail of every live customer.
    pub fn duplicate_candidates(&self) -> Result<Vec<Candidate>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT id, name, phone, email FROM customers WHERE NOT archived ORDER BY id")?;
        let rows = stmt.query_map(params![], |r| {
            Ok(Candidate {
                id: r.get(0)?,
                name: r.get(1)?,
                phone: r.get(2)?,
                email: r.get(3)?,
            })
        })?;
        Ok(rows)
    }

    /// Live customers with no contact, ticket, order or survey since
    /// `cutoff`, added before it, and with no ticket still open.
    pub fn inactive_customers(&self, cutoff: DateTime<Utc>) -> Result<Vec<Customer>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers c
              WHERE NOT c.archived
                AND c.created_at < ?1 AND coalesce(c.last_activity_at, 0) < ?1
                AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id
                                 AND (t.opened_at >= ?1 OR t.status IN ('new', 'open', 'pending')))
                AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.customer_id = c.id AND s.at >= ?1)
              ORDER BY coalesce(c.last_activity_at, c.created_at), c.id"
        ))?;
        let rows = stmt.query_map([cutoff.timestamp()], rows::customer)?;
        Ok(rows)
    }
}
