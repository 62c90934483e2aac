//! Macro rows: a named reply text plus field changes (`domain::macros`).

use super::rows::{parse, split_tags};
use super::{StoreError, Tx};
use crate::domain::error::Entity;
use crate::domain::macros::Macro;
use crate::domain::time::from_unix;
use rusqlite::{OptionalExtension, Row, params};

const COLUMNS: &str = "id, name, reply, status, priority, add_tags, remove_tags, assignee, created_by, created_at";

fn macro_row(r: &Row) -> rusqlite::Result<Macro> {
    let status: Option<String> = r.get(3)?;
    let priority: Option<String> = r.get(4)?;
    Ok(Macro {
        id: r.get(0)?,
        name: r.get(1)?,
        reply: r.get(2)?,
        status: status.map(|_| parse(r, 3)).transpose()?,
        priority: priority.map(|_| parse(r, 4)).transpose()?,
        add_tags: split_tags(&r.get::<_, String>(5)?),
        remove_tags: split_tags(&r.get::<_, String>(6)?),
        assignee: r.get(7)?,
        created_by: r.get(8)?,
        created_at: from_unix(r.get(9)?),
    })
}

impl Tx<'_> {
    /// Adds a macro; a name already taken (in any letter case) is `None`.
    pub fn insert_macro(&self, m: &Macro) -> Result<Option<i64>, StoreError> {
        let changed = self.conn.execute(
            "INSERT INTO macros (name, reply, status, priority, add_tags, remove_tags, assignee,
               created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(name) DO NOTHING",
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
        )?;
        Ok((changed == 1).then(|| self.conn.last_insert_rowid()))
    }

    /// The macro called `name` (letter case aside).
    pub fn macro_named(&self, name: &str) -> Result<Macro, StoreError> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM macros WHERE name = ?1"))?
            .query_row([name], macro_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Macro,
                key: name.to_string(),
            })
    }

    /// Every macro, by name.
    pub fn list_macros(&self) -> Result<Vec<Macro>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM macros ORDER BY name, id"))?;
        let rows = stmt.query_map([], macro_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes the macro called `name`; not there is `NotFound`.
    pub fn delete_macro(&self, name: &str) -> Result<Macro, StoreError> {
        let m = self.macro_named(name)?;
        self.conn.execute("DELETE FROM macros WHERE id = ?1", [m.id])?;
        Ok(m)
    }
}
