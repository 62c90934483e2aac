//! Customer rows.

use super::rows::{self, CUSTOMER_COLUMNS};
use super::sql::{Value, params};
use super::{StoreError, Tx};
use crate::domain::customer::Customer;
use chrono::{DateTime, Utc};

/// What `customer list` asks for.
#[derive(Debug, Clone, Default)]
pub struct CustomerQuery {
    pub tier: Option<String>,
    pub tag: Option<String>,
    pub include_archived: bool,
    pub limit: Option<usize>,
}

/// The fields fuzzy search looks at, for every live customer.
#[derive(Debug, Clone)]
pub struct CustomerSearchRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub contact: String,
    pub phone: String,
    pub email: String,
    pub last_activity: i64,
}

/// The columns an insert and an update both write, in binding order.
const FIELDS: [&str; 21] = [
    "code",
    "name",
    "kind",
    "contact",
    "phone",
    "email",
    "address",
    "industry",
    "since",
    "lifetime_value_cents",
    "tier",
    "tier_pinned",
    "lifecycle",
    "tags",
    "channel",
    "owner",
    "notes",
    "archived",
    "updated_at",
    "last_activity_at",
    "birthday",
];

fn field_values(c: &Customer) -> Vec<Value> {
    vec![
        c.code.clone().into(),
        c.name.clone().into(),
        c.kind.key().to_string().into(),
        c.contact.clone().into(),
        c.phone.clone().into(),
        c.email.clone().into(),
        c.address.clone().into(),
        c.industry.clone().into(),
        c.since.map(|d| d.to_string()).into(),
        c.lifetime_value_cents.into(),
        c.tier.key().to_string().into(),
        c.tier_pinned.into(),
        c.lifecycle.clone().into(),
        c.tags.join(",").into(),
        c.channel.map(|ch| ch.key().to_string()).into(),
        c.owner.clone().into(),
        c.notes.clone().into(),
        c.archived.into(),
        c.updated_at.timestamp().into(),
        c.last_activity_at.map(|t| t.timestamp()).into(),
        c.birthday.map(|d| d.to_string()).into(),
    ]
}

impl Tx<'_> {
    pub fn insert_customer(&self, c: &Customer) -> Result<i64, StoreError> {
        let placeholders: Vec<String> = (1..=FIELDS.len()).map(|n| format!("?{n}")).collect();
        let sql = format!(
            "INSERT INTO customers ({}, created_at, version) VALUES ({}, ?{}, 1)",
            FIELDS.join(", "),
            placeholders.join(", "),
            FIELDS.len() + 1
        );
        let mut values = field_values(c);
        values.push(c.created_at.timestamp().into());
        self.db.insert(&sql, values)
    }

    pub fn customer(&self, id: i64) -> Result<Customer, StoreError> {
        self.db
            .query_opt(
                &format!("SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.id = ?1"),
                [id],
                rows::customer,
            )?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Customer,
                key: id.to_string(),
            })
    }

    /// A customer by numeric id or by code. A key of digits is tried as an
    /// id first, then as a code, so codes imported as numbers stay reachable.
    pub fn customer_by_key(&self, key: &str) -> Result<Customer, StoreError> {
        let key = key.trim();
        if let Ok(id) = key.parse::<i64>() {
            match self.customer(id) {
                Err(StoreError::NotFound { .. }) => {}
                found => return found,
            }
        }
        self.customer_by_code(key)?.ok_or(StoreError::NotFound {
            entity: crate::domain::error::Entity::Customer,
            key: key.to_string(),
        })
    }

    /// A customer by code only (imports name customers by code, and a code
    /// of digits must not be taken for an id).
    pub fn customer_by_code(&self, code: &str) -> Result<Option<Customer>, StoreError> {
        self.db.query_opt(
            &format!("SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.code = ?1"),
            [code],
            rows::customer,
        )
    }

    /// A live customer whose name is exactly `name` (imports name customers this way).
    pub fn customer_by_name(&self, name: &str) -> Result<Option<Customer>, StoreError> {
        self.db.query_opt(
            &format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.name = ?1 AND NOT c.archived ORDER BY c.id LIMIT 1"
            ),
            [name],
            rows::customer,
        )
    }

    pub fn code_exists(&self, code: &str) -> Result<bool, StoreError> {
        self.db
            .prepare("SELECT 1 FROM customers WHERE code = ?1")?
            .exists([code])
    }

    /// The highest generated code with this prefix (`C2026…`), for the next one.
    pub fn last_code_with_prefix(&self, prefix: &str) -> Result<Option<String>, StoreError> {
        let sql = self.db.pick(
            "SELECT code FROM customers WHERE code >= ?1 AND code < ?1 || ':'
                 AND substr(code, length(?1) + 1) NOT GLOB '*[^0-9]*'
                 ORDER BY length(code) DESC, code DESC LIMIT 1",
            // Byte order, as SQLite compares, whatever the database's locale.
            "SELECT code FROM customers WHERE code >= ?1 COLLATE \"C\" AND code < (?1 || ':') COLLATE \"C\"
                 AND substr(code, length(?1) + 1) !~ '[^0-9]'
                 ORDER BY length(code) DESC, code COLLATE \"C\" DESC LIMIT 1",
        );
        self.db.query_opt(sql, [prefix], |r| r.get(0))
    }

    /// Writes every field of `c` if nobody changed the row since `c.version`
    /// was read; bumps the version.
    pub fn update_customer(&self, c: &Customer) -> Result<i64, StoreError> {
        let sql = rows::versioned_update("customers", &FIELDS);
        let mut values = field_values(c);
        values.extend([Value::from(c.id), Value::from(c.version)]);
        let changed = self.db.execute(&sql, values)?;
        if changed == 0 {
            let actual = self.customer(c.id)?.version;
            return Err(StoreError::Conflict {
                entity: crate::domain::error::Entity::Customer,
                id: c.id,
                expected: c.version,
                actual,
            });
        }
        Ok(c.version + 1)
    }

    /// Records contact with the customer for "last contact" and ranking;
    /// derived data, so it does not bump the version.
    pub fn touch_customer(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let sql = self.db.pick(
            "UPDATE customers SET last_activity_at = max(coalesce(last_activity_at, 0), ?2) WHERE id = ?1",
            "UPDATE customers SET last_activity_at = greatest(coalesce(last_activity_at, 0), ?2) WHERE id = ?1",
        );
        self.db.execute(sql, params![id, at.timestamp()])?;
        Ok(())
    }

    pub fn list_customers(&self, q: &CustomerQuery) -> Result<Vec<Customer>, StoreError> {
        let limit = q.limit.map_or(-1, |l| l as i64);
        // A whole tag is `,tag,` inside `,a,b,c,`: PostgreSQL's strpos is SQLite's instr.
        let contains = self.db.pick("instr", "strpos");
        let mut stmt = self.db.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers c
             WHERE (?1 OR NOT c.archived)
               AND (?2 IS NULL OR c.tier = ?2)
               AND (?3 IS NULL OR {contains}(',' || c.tags || ',', ',' || ?3 || ',') > 0)
             ORDER BY coalesce(c.last_activity_at, c.created_at) DESC, c.id DESC
             LIMIT ?4"
        ))?;
        let rows = stmt.query_map(params![q.include_archived, q.tier, q.tag, limit], rows::customer)?;
        Ok(rows)
    }

    pub fn customers_by_ids(&self, ids: &[i64]) -> Result<Vec<Customer>, StoreError> {
        ids.iter().map(|id| self.customer(*id)).collect()
    }

    pub fn customer_search_rows(&self) -> Result<Vec<CustomerSearchRow>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT id, code, name, contact, phone, email, coalesce(last_activity_at, created_at)
             FROM customers WHERE NOT archived",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(CustomerSearchRow {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                contact: r.get(3)?,
                phone: r.get(4)?,
                email: r.get(5)?,
                last_activity: r.get(6)?,
            })
        })?;
        Ok(rows)
    }

    pub fn count_customers(&self) -> Result<i64, StoreError> {
        self.db
            .query_row("SELECT count(*) FROM customers WHERE NOT archived", params![], |r| {
                r.get(0)
            })
    }

    /// Customers (archived included) and tickets in the file: whether it
    /// holds a team's data.
    pub fn count_records(&self) -> Result<(i64, i64), StoreError> {
        self.db.query_row(
            "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM tickets)",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}
