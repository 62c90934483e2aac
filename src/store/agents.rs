//! Agent rows: names, departments and roles.

use super::sql::{Dialect, Row, column_error, params};
use super::{StoreError, Tx};
use crate::domain::agent::Agent;
use crate::domain::enums::Role;
use crate::domain::time::from_unix;

const AGENT_COLUMNS: &str = "id, name, department, role, created_at";

fn agent_row(r: &Row) -> Result<Agent, StoreError> {
    let role: String = r.get(3)?;
    Ok(Agent {
        id: r.get(0)?,
        name: r.get(1)?,
        department: r.get(2)?,
        // The column has a CHECK constraint, so an unknown role cannot be stored.
        role: role
            .parse()
            .map_err(|_| column_error(3, &format!("unknown role {role:?}")))?,
        created_at: from_unix(r.get(4)?),
    })
}

impl Tx<'_> {
    pub fn agent(&self, name: &str) -> Result<Option<Agent>, StoreError> {
        self.db.query_opt(
            &format!("SELECT {AGENT_COLUMNS} FROM agents WHERE name = ?1"),
            [name],
            agent_row,
        )
    }

    /// Every agent, by name.
    pub fn agents(&self) -> Result<Vec<Agent>, StoreError> {
        let mut stmt = self
            .db
            .prepare(&format!("SELECT {AGENT_COLUMNS} FROM agents ORDER BY name"))?;
        let rows = stmt.query_map(params![], agent_row)?;
        Ok(rows)
    }

    /// On a server: the session's login and the role the server's own
    /// checks give it (pg/0019 `frontdesk_session_role`: the owner and
    /// superusers are admin). `None` on a file, where roles are frontdesk's
    /// alone.
    pub fn server_role(&self) -> Result<Option<(String, Role)>, StoreError> {
        if self.db.dialect() == Dialect::Sqlite {
            return Ok(None);
        }
        self.db
            .query_row("SELECT session_user::text, frontdesk_session_role()", params![], |r| {
                let role: String = r.get(1)?;
                let role = role
                    .parse()
                    .map_err(|_| column_error(1, &format!("unknown role {role:?}")))?;
                Ok(Some((r.get(0)?, role)))
            })
    }

    pub fn count_agents(&self) -> Result<i64, StoreError> {
        self.db
            .query_row("SELECT count(*) FROM agents", params![], |r| r.get(0))
    }

    pub fn count_admins(&self) -> Result<i64, StoreError> {
        self.db
            .query_row("SELECT count(*) FROM agents WHERE role = 'admin'", params![], |r| {
                r.get(0)
            })
    }

    pub fn insert_agent(&self, a: &Agent) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO agents (name, department, role, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![a.name, a.department, a.role.key(), a.created_at.timestamp()],
        )
    }

    pub fn update_agent(&self, a: &Agent) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE agents SET department = ?2, role = ?3 WHERE id = ?1",
            params![a.id, a.department, a.role.key()],
        )?;
        Ok(())
    }
}
