//! Roles: agent, supervisor, admin (SPEC §6).
//!
//! The rule, in full:
//! - While the `agents` table is empty, everyone acts as admin, so a
//!   single-user setup needs no configuration at all.
//! - The first agent added to the empty table may be added by anyone and
//!   becomes admin, whatever role was asked for.
//! - Once any agent is listed, roles apply: a name that is not listed acts
//!   as a plain agent.
//! - Adding agents and changing roles needs admin; policy edits (SLA
//!   policies and calendars, routing rules), customer merge and customer
//!   archive need supervisor (admin includes supervisor).
//! - The last admin cannot be demoted, so the team is never locked out.
//!
//! On a PostgreSQL server the server decides (pg/0019): the login is the
//! agent, the database's owner and superusers are admin, and nobody is
//! admin by being first. Only the owner may name another agent (a script
//! acting for the team), who then has the role the rules above give.

use super::{Ctx, Error};
use crate::domain::agent::Agent;
use crate::domain::enums::Role;
use crate::domain::error::Invalid;
use crate::domain::validate;
use crate::store::{Store, Tx};

/// The role `agent` acts with (see the module docs for the empty-table rule).
pub fn role_of(tx: &Tx, agent: &str) -> Result<Role, Error> {
    if let Some((login, role)) = tx.server_role()?
        && login == agent
    {
        return Ok(role);
    }
    if tx.count_agents()? == 0 {
        return Ok(Role::Admin);
    }
    Ok(tx.agent(agent)?.map_or(Role::Agent, |a| a.role))
}

/// Fails with [`Error::Forbidden`] (exit 2) unless the acting agent has at
/// least the `needed` role. Call it inside the write transaction of the
/// guarded use case, so the check and the change see the same roles.
pub fn require(tx: &Tx, ctx: &Ctx, needed: Role) -> Result<(), Error> {
    let role = role_of(tx, &ctx.agent)?;
    if role.allows(needed) {
        return Ok(());
    }
    Err(Error::Forbidden {
        agent: ctx.agent.clone(),
        role,
        needed,
    })
}

/// What `agent add` did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AgentAdded {
    pub agent: Agent,
    /// Whether a new row was inserted (false: an existing agent was changed).
    pub created: bool,
    /// The table was empty, so this agent was made admin.
    pub first: bool,
}

/// Adds an agent, or changes an existing agent's role and department.
pub fn add_agent(
    store: &mut Store,
    ctx: &Ctx,
    name: &str,
    role: &str,
    department: Option<&str>,
) -> Result<AgentAdded, Error> {
    let name = validate::required("name", name, 64)?;
    let role: Role = role.parse()?;
    let department = department
        .map(|d| validate::text("department", d, 64))
        .transpose()?
        .filter(|d| !d.is_empty());
    store.write(|tx| {
        if tx.count_agents()? == 0 && tx.server_role()?.is_none() {
            let agent = insert(tx, ctx, &name, Role::Admin, department.clone())?;
            return Ok(AgentAdded {
                agent,
                created: true,
                first: true,
            });
        }
        require(tx, ctx, Role::Admin)?;
        let Some(mut agent) = tx.agent(&name)? else {
            let agent = insert(tx, ctx, &name, role, department.clone())?;
            return Ok(AgentAdded {
                agent,
                created: true,
                first: false,
            });
        };
        if agent.role == Role::Admin && role != Role::Admin && tx.count_admins()? <= 1 {
            return Err(Invalid::new(
                "role",
                role.key(),
                crate::domain::error::Reason::LastAdmin { name: name.to_string() },
            )
            .into());
        }
        if agent.role != role {
            ctx.audit(
                tx,
                "agent",
                agent.id,
                "role",
                Some(agent.role.key().into()),
                Some(role.key().into()),
            )?;
            agent.role = role;
        }
        if department.is_some() && agent.department != department {
            ctx.audit(
                tx,
                "agent",
                agent.id,
                "department",
                agent.department.clone(),
                department.clone(),
            )?;
            agent.department = department.clone();
        }
        tx.update_agent(&agent)?;
        Ok(AgentAdded {
            agent,
            created: false,
            first: false,
        })
    })
}

fn insert(tx: &Tx, ctx: &Ctx, name: &str, role: Role, department: Option<String>) -> Result<Agent, Error> {
    let mut agent = Agent {
        id: 0,
        name: name.to_string(),
        department,
        role,
        created_at: ctx.now,
    };
    agent.id = tx.insert_agent(&agent)?;
    ctx.audit(tx, "agent", agent.id, "created", None, Some(role.key().into()))?;
    Ok(agent)
}

/// Every agent, by name.
pub fn list(store: &mut Store) -> Result<Vec<Agent>, Error> {
    store.read(|tx| Ok(tx.agents()?))
}

/// The role the acting agent has right now (for the TUI's status line).
pub fn current(store: &mut Store, ctx: &Ctx) -> Result<Role, Error> {
    store.read(|tx| role_of(tx, &ctx.agent))
}

/// The assignee rule: once the team has agents, work goes only to one of
/// them (a typo like `li.nna` would otherwise hide a ticket from everyone's
/// "my queue"); with no agents listed, any name goes, as a single-user setup
/// needs. `""` is nobody and always allowed. `field` is the option or column
/// the name was given in, so the refusal names it.
pub fn check_assignee(tx: &Tx, field: &str, name: &str) -> Result<(), Error> {
    if name.is_empty() || tx.count_agents()? == 0 || tx.agent(name)?.is_some() {
        return Ok(());
    }
    let known: Vec<String> = tx.agents()?.into_iter().map(|a| a.name).collect();
    let nearest = crate::config::suggest::nearest_name(name, &known).map(str::to_string);
    Err(Invalid::new(field, name, crate::domain::error::Reason::UnknownAgent { nearest }).into())
}
