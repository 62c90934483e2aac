//! Agent rows: names, departments and roles.

use super::{StoreError, Tx};
use crate::domain::agent::Agent;
use crate::domain::time::from_unix;
use rusqlite::{OptionalExtension, Row, params};

const AGENT_COLUMNS: &str = "id, name, department, role, created_at";

fn agent_row(r: &Row) -> rusqlite::Result<Agent> {
    let role: String = r.get(3)?;
    Ok(Agent {
        id: r.get(0)?,
        name: r.get(1)?,
        department: r.get(2)?,
        // The column has a CHECK constraint, so an unknown role cannot be stored.
        role: role.parse().map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown role {role:?}").into(),
            )
        })?,
        created_at: from_unix(r.get(4)?),
    })
}

impl Tx<'_> {
    pub fn agent(&self, name: &str) -> Result<Option<Agent>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {AGENT_COLUMNS} FROM agents WHERE name = ?1"))?
            .query_row([name], agent_row)
            .optional()?)
    }

    /// Every agent, by name.
    pub fn agents(&self) -> Result<Vec<Agent>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {AGENT_COLUMNS} FROM agents ORDER BY name"))?;
        let rows = stmt.query_map([], agent_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_agents(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM agents", [], |r| r.get(0))?)
    }

    pub fn count_admins(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM agents WHERE role = 'admin'", [], |r| r.get(0))?)
    }

    pub fn insert_agent(&self, a: &Agent) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO agents (name, department, role, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![a.name, a.department, a.role.key(), a.created_at.timestamp()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_agent(&self, a: &Agent) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE agents SET department = ?2, role = ?3 WHERE id = ?1",
            params![a.id, a.department, a.role.key()],
        )?;
        Ok(())
    }
}
