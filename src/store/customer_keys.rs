//! Keeps the stored customer search keys exact and reads them back. The
//! triggers of migration 0014 record in `customer_keys_dirty` which customers
//! changed; just before every commit the store builds their keys again from
//! the fields as they now are (`domain::search::SearchKey`, pinyin included)
//! — the same mechanism as the full-text index (`fulltext_index.rs`), so
//! every writer keeps the keys right without knowing of them.

use super::sql::{Row, Stmt, ValueRef, params};
use super::{StoreError, Tx};
use crate::domain::search::{KeyArena, KeyView, SearchKey};

/// What a key is built from, for one live customer; the columns start at
/// the given index of the row (see [`fields_at`]).
const FIELDS: &str = "c.name, c.code, c.contact, c.phone, c.email, coalesce(c.last_activity_at, c.created_at)";

/// The read of the stored keys with ids in `?1..=?2`: one pass over the
/// table (or a range of it) in id order.
pub(super) const SCAN_SQL: &str = "SELECT id, activity, key FROM customer_keys WHERE id BETWEEN ?1 AND ?2 ORDER BY id";

/// Halfway between the first and last ids: each bound alone, so each is one
/// probe of the primary key (SQLite reads the whole table for min() and
/// max() asked together).
pub(super) const MIDDLE_SQL: &str =
    "SELECT coalesce(((SELECT min(id) FROM customer_keys) + (SELECT max(id) FROM customer_keys)) / 2, 0)";

/// The customers whose keys the flush builds, with their fields (none for
/// one archived or deleted).
pub(super) fn flush_sql() -> String {
    format!(
        "SELECT d.id, {FIELDS} FROM customer_keys_dirty d
         LEFT JOIN customers c ON c.id = d.id AND NOT c.archived"
    )
}

/// Arenas are sized for the largest id: a hint only, capped so that a
/// customer given a huge id by hand cannot make a reader reserve gigabytes.
const CAPACITY_HINT_CAP: i64 = 1 << 20;

/// Every live customer's key, in id order (the order ranking ties keep),
/// with the id and activity of each.
#[derive(Debug, Default)]
pub struct CustomerKeys {
    pub keys: KeyArena,
    /// `(id, activity)` of each key, at the same position.
    pub rows: Vec<(i64, i64)>,
}

/// A text column as text whatever another program stored in it (a number
/// or a blob typed into the sqlite3 shell must not stop the search).
fn text(row: &Row, i: usize) -> Result<String, StoreError> {
    Ok(match row.value(i)? {
        ValueRef::Text(t) => t.to_string(),
        ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Null => String::new(),
    })
}

/// The activity and key of the customer whose [`FIELDS`] start at column
/// `at`, or `None` when the row holds no live customer (the join found none).
fn fields_at(row: &Row, at: usize) -> Result<Option<(i64, SearchKey)>, StoreError> {
    if matches!(row.value(at)?, ValueRef::Null) {
        return Ok(None);
    }
    let [name, code, contact, phone, email] = [0, 1, 2, 3, 4].map(|k| text(row, at + k).unwrap_or_default());
    let activity = match row.value(at + 5)? {
        ValueRef::Integer(n) => n,
        // Whole seconds are what frontdesk writes; anything else sorts as oldest.
        ValueRef::Real(x) => x as i64,
        _ => 0,
    };
    Ok(Some((activity, SearchKey::new(&name, &code, &contact, &phone, &email))))
}

/// Builds one customer's key from its row now.
struct Builder<'a> {
    fields: Stmt<'a>,
}

impl Builder<'_> {
    fn build(&mut self, id: i64) -> Result<Option<(i64, SearchKey)>, StoreError> {
        Ok(self.fields.query_opt([id], |r| fields_at(r, 0))?.flatten())
    }
}

impl Tx<'_> {
    /// Builds the keys `customer_keys_dirty` names and empties it. When
    /// nothing changed this costs one probe; a load of 100k customers is one
    /// pass over a join, its statements prepared once.
    pub(super) fn flush_customer_keys(&self) -> Result<(), StoreError> {
        let conn = self.db;
        if !conn
            .prepare("SELECT 1 FROM customer_keys_dirty LIMIT 1")?
            .exists(params![])?
        {
            return Ok(());
        }
        let mut read = conn.prepare(&flush_sql())?;
        let mut put = conn.prepare(conn.pick(
            "INSERT OR REPLACE INTO customer_keys (id, activity, key) VALUES (?1, ?2, ?3)",
            "INSERT INTO customer_keys (id, activity, key) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET activity = excluded.activity, key = excluded.key",
        ))?;
        let mut gone = conn.prepare("DELETE FROM customer_keys WHERE id = ?1")?;
        read.query_each(params![], |row| {
            let id: i64 = row.get(0)?;
            match fields_at(row, 1)? {
                Some((activity, key)) => put.execute(params![id, activity, key.encode()])?,
                // Archived or deleted: no longer searched.
                None => gone.execute([id])?,
            };
            Ok::<_, StoreError>(())
        })?;
        conn.prepare("DELETE FROM customer_keys_dirty")?.execute(params![])?;
        Ok(())
    }

    /// Every live customer's search key as stored, read in one scan and
    /// handed to `f` in id order (the order ranking ties keep) with the
    /// customer's id and activity, each read in place: nothing is kept.
    /// Keys of customers changed since the last flush (by a program that is
    /// not frontdesk, such as the sqlite3 shell) or stored in a layout this
    /// build does not read are built from their fields instead, so what a
    /// search finds is always the customers as they are now.
    pub fn each_customer_key(&self, f: impl FnMut(i64, i64, KeyView<'_>)) -> Result<(), StoreError> {
        self.each_customer_key_in(i64::MIN..=i64::MAX, f)
    }

    /// [`Self::each_customer_key`] for the customers with ids in `ids`: a
    /// search splits the table in two and reads each half on its own core.
    pub fn each_customer_key_in(
        &self,
        ids: std::ops::RangeInclusive<i64>,
        mut f: impl FnMut(i64, i64, KeyView<'_>),
    ) -> Result<(), StoreError> {
        let conn = self.db;
        let (first, last) = (*ids.start(), *ids.end());
        let dirty: Vec<i64> = {
            conn.query_map(
                "SELECT id FROM customer_keys_dirty WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
                params![first, last],
                |r| r.get(0),
            )?
        };
        let mut builder = Builder {
            fields: conn.prepare(&format!(
                "SELECT {FIELDS} FROM customers c WHERE c.id = ?1 AND NOT c.archived"
            ))?,
        };
        let mut built = |id: i64, f: &mut dyn FnMut(i64, i64, KeyView<'_>)| -> Result<(), StoreError> {
            if let Some((activity, key)) = builder.build(id)? {
                f(id, activity, key.view());
            }
            Ok(())
        };
        let mut pending = dirty.iter().copied().peekable();
        let mut scan = conn.prepare(SCAN_SQL)?;
        scan.query_each(params![first, last], |row| {
            let id: i64 = row.get(0)?;
            // Changed customers come in their place in id order.
            while let Some(changed) = pending.next_if(|&d| d < id) {
                built(changed, &mut f)?;
            }
            if pending.next_if_eq(&id).is_some() {
                return built(id, &mut f);
            }
            let stored = match row.value(2)? {
                ValueRef::Blob(b) => KeyView::decode(b),
                _ => None,
            };
            match stored {
                Some(key) => f(id, row.get(1)?, key),
                None => built(id, &mut f)?,
            }
            Ok(())
        })?;
        for changed in pending {
            built(changed, &mut f)?;
        }
        Ok(())
    }

    /// The id halfway between the first and last stored keys: where a
    /// search splits the table (ids are dense, so the halves are near equal).
    pub fn customer_keys_middle(&self) -> Result<i64, StoreError> {
        self.db.query_row(MIDDLE_SQL, params![], |r| r.get(0))
    }

    /// [`Self::each_customer_key`] kept in one arena, for searching again.
    pub fn customer_keys(&self) -> Result<CustomerKeys, StoreError> {
        let hint: i64 = self
            .db
            .query_row("SELECT coalesce(max(id), 0) FROM customer_keys", params![], |r| {
                r.get(0)
            })?;
        let hint = usize::try_from(hint.clamp(0, CAPACITY_HINT_CAP)).unwrap_or(0);
        let mut out = CustomerKeys {
            keys: KeyArena::with_capacity(hint),
            rows: Vec::with_capacity(hint),
        };
        self.each_customer_key(|id, activity, key| {
            out.keys.push_view(key);
            out.rows.push((id, activity));
        })?;
        Ok(out)
    }
}
