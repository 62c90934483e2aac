//! The sample support team: departments and agents (`assets/demo/team.txt`),
//! who owns which customers and who handles which tickets.

use super::rng::Rng;
use crate::domain::enums::Role;
use crate::domain::policy::RoutingRule;
use crate::store::{BulkWriter, NewAgent, StoreError};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

pub struct Agent {
    pub name: &'static str,
    pub display: &'static str,
    pub department: &'static str,
    pub role: Role,
}

/// The roles the sample agents get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// As `team.txt` lists them (a supervisor per department, an admin):
    /// on a file without agents, where they are the whole team.
    AsListed,
    /// All plain agents: on a real team's file, where a known name with an
    /// admin or supervisor role would hand out rights no one granted.
    PlainAgents,
}

pub struct Team {
    pub agents: Vec<Agent>,
    /// Agents who own customer accounts (sales and service).
    owners: Vec<usize>,
}

/// Departments that own customer accounts and call them back.
const OWNING_DEPARTMENTS: &[&str] = &["sales", "service"];

impl Team {
    pub fn load() -> Team {
        let agents: Vec<Agent> = include_str!("../../../assets/demo/team.txt")
            .lines()
            .filter_map(|line| line.trim().strip_prefix("agent:"))
            .filter_map(|rest| {
                let cells: Vec<&'static str> = rest.split('|').map(str::trim).collect();
                match cells.as_slice() {
                    [name, display, department, role] => Some(Agent {
                        name,
                        display,
                        department,
                        role: role.parse().ok()?,
                    }),
                    _ => None,
                }
            })
            .collect();
        let owners = (0..agents.len())
            .filter(|&i| OWNING_DEPARTMENTS.contains(&agents[i].department) && agents[i].role != Role::Admin)
            .collect();
        Team { agents, owners }
    }

    pub fn name(&self, index: usize) -> &'static str {
        self.agents.get(index).map_or("", |a| a.name)
    }

    /// An account owner for a new customer.
    pub fn pick_owner(&self, rng: &mut Rng) -> usize {
        rng.pick(&self.owners).copied().unwrap_or(0)
    }

    /// Someone in `department` to handle a ticket, agents before their
    /// supervisor; anyone in service when the department has nobody.
    pub fn pick_in(&self, rng: &mut Rng, department: &str) -> &'static str {
        let members = |dept: &str, role: Role| -> Vec<&'static str> {
            self.agents
                .iter()
                .filter(|a| a.department == dept && a.role == role)
                .map(|a| a.name)
                .collect()
        };
        let mut choice = members(department, Role::Agent);
        if choice.is_empty() || rng.chance(0.1) {
            choice.extend(members(department, Role::Supervisor));
        }
        if choice.is_empty() {
            choice = members("service", Role::Agent);
        }
        rng.pick(&choice).copied().unwrap_or("")
    }

    /// Writes departments (the team's and any a routing rule names) and
    /// agents; both are skipped where a record of that name exists, so an
    /// existing agent keeps its role and department.
    pub fn write(
        &self,
        w: &mut BulkWriter,
        routing: &[RoutingRule],
        at: DateTime<Utc>,
        roles: Roles,
    ) -> Result<(), StoreError> {
        let departments: BTreeSet<&str> = self
            .agents
            .iter()
            .map(|a| a.department)
            .chain(routing.iter().map(|r| r.department.as_str()))
            .collect();
        for department in departments {
            w.department(department)?;
        }
        for a in &self.agents {
            w.agent(&NewAgent {
                name: a.name,
                display: a.display,
                department: a.department,
                role: match roles {
                    Roles::AsListed => a.role,
                    Roles::PlainAgents => Role::Agent,
                },
                created_at: at,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_parses() {
        let team = Team::load();
        assert!(team.agents.len() >= 10);
        assert!(!team.owners.is_empty());
        let mut rng = Rng::new(1);
        assert_eq!(
            team.agents.iter().find(|a| a.name == "shan.li").map(|a| a.display),
            Some("单丽")
        );
        assert!(!team.pick_in(&mut rng, "nowhere").is_empty());
        assert!(!team.pick_in(&mut rng, "product").is_empty());
    }
}
