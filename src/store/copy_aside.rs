//! What a copy into an empty PostgreSQL database sets aside while its rows
//! go in, and puts back before the commit: the copied tables' secondary
//! indexes, their foreign keys and their own triggers. Each is then built,
//! checked or done once over the whole table instead of row by row: the
//! GIN indexes of the search rows, a foreign-key check per row of the
//! million interactions, the search marks and last contacts the insert
//! triggers write per row (copied from the source instead) — together
//! more than half of the full demo's copy.
//!
//! All of it inside the copy's one transaction, so a failed copy leaves
//! the schema as it was; and only for the tables' owner, who alone may
//! alter them: for another login nothing is set aside and the copy keeps
//! everything up to date as it goes (slower, the same result).

use super::StoreError;
use super::sql::{Db, params};

/// What [`set_aside`] took away, to be put back by [`SetAside::restore`].
#[derive(Debug, Default)]
pub struct SetAside {
    /// `CREATE INDEX` statements.
    indexes: Vec<String>,
    /// `ALTER TABLE … ADD CONSTRAINT …` statements.
    foreign_keys: Vec<String>,
    /// Tables whose own triggers are disabled, quoted.
    triggers_of: Vec<String>,
}

impl SetAside {
    /// Whether the tables' own triggers are off: what they would have
    /// written per row is the copy's to write.
    pub fn triggers_off(&self) -> bool {
        !self.triggers_of.is_empty()
    }

    /// Puts back what was set aside: the indexes built from the rows, the
    /// foreign keys checked against them (a row without its parent fails
    /// the copy, as it would have row by row), the triggers on again.
    pub fn restore(&self, db: Db) -> Result<(), StoreError> {
        for statement in self.indexes.iter().chain(&self.foreign_keys) {
            db.execute(statement, params![])?;
        }
        for table in &self.triggers_of {
            db.execute(&format!("ALTER TABLE {table} ENABLE TRIGGER USER"), params![])?;
        }
        Ok(())
    }
}

/// Sets aside the secondary indexes (neither a key nor behind a
/// constraint), the foreign keys and the own triggers of `tables`, when
/// the login owns them all; else nothing.
pub fn set_aside(db: Db, tables: &[&str]) -> Result<SetAside, StoreError> {
    let list = tables.join(",");
    let owned: bool = db.query_row(
        "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE'))
           FROM pg_class c WHERE c.relname = ANY(string_to_array(?1, ','))
            AND c.relnamespace = current_schema()::regnamespace",
        params![list],
        |r| Ok(r.get::<Option<bool>>(0)?.unwrap_or(false)),
    )?;
    if !owned {
        return Ok(SetAside::default());
    }
    let indexes: Vec<(String, String)> = db.query_map(
        "SELECT quote_ident(i.relname)::text, pg_get_indexdef(x.indexrelid)
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relname = ANY(string_to_array(?1, ',')) AND t.relnamespace = current_schema()::regnamespace
            AND NOT x.indisunique AND NOT x.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
          ORDER BY 1",
        params![list],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    for (name, _) in &indexes {
        db.execute(&format!("DROP INDEX {name}"), params![])?;
    }
    // Every foreign key from or to a copied table.
    let foreign_keys: Vec<(String, String, String)> = db.query_map(
        "SELECT quote_ident(t.relname)::text, quote_ident(k.conname)::text, pg_get_constraintdef(k.oid)
           FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
          WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
            AND (t.relname = ANY(string_to_array(?1, ',')) OR r.relname = ANY(string_to_array(?1, ',')))
          ORDER BY 1, 2",
        params![list],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (table, name, _) in &foreign_keys {
        db.execute(&format!("ALTER TABLE {table} DROP CONSTRAINT {name}"), params![])?;
    }
    let quoted: Vec<String> = tables
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect();
    for table in &quoted {
        db.execute(&format!("ALTER TABLE {table} DISABLE TRIGGER USER"), params![])?;
    }
    Ok(SetAside {
        indexes: indexes.into_iter().map(|(_, definition)| definition).collect(),
        foreign_keys: foreign_keys
            .into_iter()
            .map(|(table, name, definition)| format!("ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
            .collect(),
        triggers_of: quoted,
    })
}
