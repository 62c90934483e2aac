//! Who works here, in which department, with which role.

use super::enums::Role;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agent {
    pub id: i64,
    pub name: String,
    pub department: Option<String>,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

impl Role {
    /// Whether this role may do what `needed` allows: admin ⊇ supervisor ⊇ agent.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_nest() {
        let cases = [
            (Role::Agent, Role::Agent, true),
            (Role::Agent, Role::Supervisor, false),
            (Role::Agent, Role::Admin, false),
            (Role::Supervisor, Role::Agent, true),
            (Role::Supervisor, Role::Supervisor, true),
            (Role::Supervisor, Role::Admin, false),
            (Role::Admin, Role::Admin, true),
            (Role::Admin, Role::Supervisor, true),
        ];
        for (role, needed, ok) in cases {
            assert_eq!(role.allows(needed), ok, "{role} for {needed}");
        }
    }
}
