//! Saved view rows (`domain::views`).

use super::sql::{Dialect, Row, params};
use super::{StoreError, Tx};
use crate::domain::error::Entity;
use crate::domain::time::from_unix;
use crate::domain::views::{Builtin, SavedView};

const COLUMNS: &str = "name, query, position, builtin, created_by, created_at";

fn view_row(r: &Row) -> Result<SavedView, StoreError> {
    view_row_at(r, 0)
}

/// The view whose columns start at `at`.
fn view_row_at(r: &Row, at: usize) -> Result<SavedView, StoreError> {
    // A key a newer binary shipped reads as a view of its own, by name.
    let builtin: Option<String> = r.get(at + 3)?;
    Ok(SavedView {
        name: r.get(at)?,
        query: r.get(at + 1)?,
        position: r.get(at + 2)?,
        builtin: builtin.as_deref().and_then(Builtin::from_key),
        created_by: r.get(at + 4)?,
        created_at: from_unix(r.get(at + 5)?),
    })
}

impl Tx<'_> {
    /// Every saved view, in the views bar's order.
    pub fn list_views(&self) -> Result<Vec<SavedView>, StoreError> {
        let mut stmt = self
            .db
            .prepare(&format!("SELECT {COLUMNS} FROM views ORDER BY position, name"))?;
        let rows = stmt.query_map(params![], view_row)?;
        Ok(rows)
    }

    /// Adds a view after every other, giving its row id (for the audit
    /// trail); a name already taken (in any letter case) is `None`. The
    /// view's `position` is ignored.
    pub fn insert_view(&self, v: &SavedView) -> Result<Option<i64>, StoreError> {
        let params = params![
            v.name,
            v.query,
            v.builtin.map(Builtin::key),
            v.created_by,
            v.created_at.timestamp(),
        ];
        // PostgreSQL's views have no row id: their position is its twin
        // (both are one past the highest, and positions never move), and the
        // name in any letter case is a unique index there, not the key.
        match self.db.dialect() {
            Dialect::Sqlite => self.db.insert_new(
                "INSERT INTO views (name, query, position, builtin, created_by, created_at)
                 VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM views), ?3, ?4, ?5)
                 ON CONFLICT(name) DO NOTHING",
                params,
            ),
            Dialect::Postgres => self.db.query_opt(
                "INSERT INTO views (name, query, position, builtin, created_by, created_at)
                 VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM views), ?3, ?4, ?5)
                 ON CONFLICT DO NOTHING RETURNING position",
                params,
                |r| r.get(0),
            ),
        }
    }

    /// Removes the view stored as `name` (letter case aside), giving its
    /// row id and what it was; not there is `NotFound`.
    pub fn delete_view(&self, name: &str) -> Result<(i64, SavedView), StoreError> {
        let found = self
            .db
            .query_opt(
                self.db.pick(
                    &format!("SELECT rowid, {COLUMNS} FROM views WHERE name = ?1"),
                    &format!("SELECT position, {COLUMNS} FROM views WHERE lower(name) = lower(?1)"),
                ),
                [name],
                |r| Ok((r.get(0)?, view_row_at(r, 1)?)),
            )?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::View,
                key: name.to_string(),
            })?;
        let delete = self.db.pick(
            "DELETE FROM views WHERE rowid = ?1",
            "DELETE FROM views WHERE position = ?1",
        );
        self.db.execute(delete, [found.0])?;
        Ok(found)
    }
}
