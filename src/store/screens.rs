//! Reads for the terminal UI's screens: the customer list with open-ticket
//! counts, and a customer's surveys for the customer card.

use super::sql::params;
use super::{StoreError, Tx};
use crate::domain::enums::Tier;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};

/// One line of the customer list (its search keys are stored apart: see
/// `customer_keys.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub tier: Tier,
    pub open_tickets: i64,
    pub last_contact: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SurveyLine {
    pub at: DateTime<Utc>,
    pub ticket_id: Option<i64>,
    pub quality: i64,
    pub response: i64,
    pub communication: i64,
    pub comment: String,
}

impl Tx<'_> {
    /// Every live customer, most recently active first.
    pub fn customer_rows(&self) -> Result<Vec<CustomerRow>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT c.id, c.code, c.name, c.tier, coalesce(o.n, 0), c.last_activity_at
             FROM customers c
             LEFT JOIN (SELECT customer_id, count(*) AS n FROM tickets
                        WHERE status IN ('new', 'open', 'pending') GROUP BY customer_id) o
               ON o.customer_id = c.id
             WHERE NOT c.archived
             ORDER BY coalesce(c.last_activity_at, c.created_at) DESC, c.id DESC",
        )?;
        let mut rows = Vec::new();
        let mut query = stmt.query(params![])?;
        while let Some(r) = query.next()? {
            let r = &r;
            let tier: String = r.get(3)?;
            let row = CustomerRow {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                // A tier this binary does not know shows as standard rather
                // than hiding the customer.
                tier: tier.parse().unwrap_or(Tier::Standard),
                open_tickets: r.get(4)?,
                last_contact: r.get::<Option<i64>>(5)?.map(from_unix),
            };
            rows.push(row);
        }
        Ok(rows)
    }

    /// A customer's satisfaction surveys, newest first.
    pub fn customer_surveys(&self, customer_id: i64, limit: usize) -> Result<Vec<SurveyLine>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT at, ticket_id, quality, response, communication, comment FROM surveys
             WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![customer_id, limit as i64], |r| {
            Ok(SurveyLine {
                at: from_unix(r.get(0)?),
                ticket_id: r.get(1)?,
                quality: r.get(2)?,
                response: r.get(3)?,
                communication: r.get(4)?,
                comment: r.get(5)?,
            })
        })?;
        Ok(rows)
    }
}
