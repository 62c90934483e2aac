//! Macro rows: a named reply text plus field changes (`domain::macros`).

use super::rows::{parse, split_tags};
use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::error::Entity;
use crate::domain::macros::Macro;
use crate::domain::time::from_unix;

const COLUMNS: &str = "id, name, reply, status, priority, add_tags, remove_tags, assignee, created_by, created_at";

fn macro_row(r: &Row) -> Result<Macro, StoreError> {
    let status: Option<String> = r.get(3)?;
    let priority: Option<String> = r.get(4)?;
    Ok(Macro {
        id: r.get(0)?,
        name: r.get(1)?,
        reply: r.get(2)?,
        status: status.map(|_| parse(r, 3)).transpose()?,
        priority: priority.map(|_| parse(r, 4)).transpose()?,
        add_tags: split_tags(&r.get::<String>(5)?),
        remove_tags: split_tags(&r.get::<String>(6)?),
        assignee: r.get(7)?,
        created_by: r.get(8)?,
        created_at: from_unix(r.get(9)?),
    })
}

impl Tx<'_> {
    /// Adds a macro; a name already taken (in any letter case) is `None`.
    pub fn insert_macro(&self, m: &Macro) -> Result<Option<i64>, StoreError> {
        // PostgreSQL keeps names unique in any case by an index on lower(name),
        // not by a constraint on the column that could name the conflict.
        let sql = self.db.pick(
            "INSERT INTO macros (name, reply, status, priority, add_tags, remove_tags, assignee,
               created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(name) DO NOTHING",
            "INSERT INTO macros (name, reply, status, priority, add_tags, remove_tags, assignee,
               created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
        );
        self.db.insert_new(
            sql,
            params![
                m.name,
                m.reply,
                m.status.map(|s| s.key()),
                m.priority.map(|p| p.key()),
                m.add_tags.join(","),
                m.remove_tags.join(","),
                m.assignee,
                m.created_by,
                m.created_at.timestamp(),
            ],
        )
    }

    /// The macro called `name` (letter case aside).
    pub fn macro_named(&self, name: &str) -> Result<Macro, StoreError> {
        self.db
            .query_opt(
                self.db.pick(
                    &format!("SELECT {COLUMNS} FROM macros WHERE name = ?1"),
                    &format!("SELECT {COLUMNS} FROM macros WHERE lower(name) = lower(?1)"),
                ),
                [name],
                macro_row,
            )?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Macro,
                key: name.to_string(),
            })
    }

    /// Every macro, by name.
    pub fn list_macros(&self) -> Result<Vec<Macro>, StoreError> {
        // The column's NOCASE orders SQLite's rows: ASCII folded, then bytes,
        // which is what lower() does under the "C" collation.
        let mut stmt = self.db.prepare(self.db.pick(
            &format!("SELECT {COLUMNS} FROM macros ORDER BY name, id"),
            &format!("SELECT {COLUMNS} FROM macros ORDER BY lower(name COLLATE \"C\"), id"),
        ))?;
        let rows = stmt.query_map(params![], macro_row)?;
        Ok(rows)
    }

    /// Removes the macro called `name`; not there is `NotFound`.
    pub fn delete_macro(&self, name: &str) -> Result<Macro, StoreError> {
        let m = self.macro_named(name)?;
        self.db.execute("DELETE FROM macros WHERE id = ?1", [m.id])?;
        Ok(m)
    }
}
