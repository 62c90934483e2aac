//! Macros: a named reply text plus field changes (status, priority, tags,
//! assignee) an agent applies to a ticket in one step, as Zendesk's macros.

use super::enums::{Priority, TicketStatus};
use super::error::{Invalid, Reason};
use super::ticket_tags;
use super::validate::{self, TEXT_MAX};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The longest macro name, in characters: it is picked from a short list.
pub const NAME_MAX: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Macro {
    pub id: i64,
    pub name: String,
    /// Sent to the customer as an outbound reply; empty: no reply.
    pub reply: String,
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    /// `Some("")` unassigns the ticket.
    pub assignee: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// A macro as typed (`macro add`), before it is checked.
#[derive(Debug, Clone, Default)]
pub struct MacroInput {
    pub name: String,
    pub reply: Option<String>,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub assignee: Option<String>,
}

impl MacroInput {
    /// The macro it describes, or the first field that is wrong. A macro
    /// that would neither reply nor change anything is refused: applying it
    /// would do nothing but look as if it had.
    pub fn validate(&self, agent: &str, now: DateTime<Utc>) -> Result<Macro, Invalid> {
        let name = validate::required("name", &self.name, NAME_MAX)?;
        let m = Macro {
            id: 0,
            name,
            reply: validate::text("reply", self.reply.as_deref().unwrap_or(""), TEXT_MAX)?,
            status: self.status.as_deref().map(str::parse).transpose()?,
            priority: self.priority.as_deref().map(str::parse).transpose()?,
            add_tags: ticket_tags::parse_all("add-tag", &self.add_tags)?,
            remove_tags: ticket_tags::parse_all("remove-tag", &self.remove_tags)?,
            assignee: self
                .assignee
                .as_deref()
                .map(|a| validate::text("assignee", a, 64))
                .transpose()?,
            created_by: agent.to_string(),
            created_at: now,
        };
        if m.does_nothing() {
            return Err(Invalid::new("name", &m.name, Reason::EmptyMacro));
        }
        Ok(m)
    }
}

impl Macro {
    pub fn does_nothing(&self) -> bool {
        self.reply.is_empty()
            && self.status.is_none()
            && self.priority.is_none()
            && self.add_tags.is_empty()
            && self.remove_tags.is_empty()
            && self.assignee.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> MacroInput {
        MacroInput {
            name: name.into(),
            ..MacroInput::default()
        }
    }

    #[test]
    fn a_macro_is_checked_field_by_field() {
        let now = chrono::Utc::now();
        let ok = MacroInput {
            reply: Some("  您好，已为您登记退款。 ".into()),
            status: Some("pending".into()),
            add_tags: vec!["Refund".into(), "退款,refund".into()],
            ..input(" 退款登记 ")
        }
        .validate("li.na", now)
        .unwrap();
        assert_eq!(ok.name, "退款登记");
        assert_eq!(ok.reply, "您好，已为您登记退款。");
        assert_eq!(ok.status, Some(TicketStatus::Pending));
        assert_eq!(ok.add_tags, vec!["refund".to_string(), "退款".to_string()]);

        let cases: &[(MacroInput, &str)] = &[
            (input("nothing"), "name"),
            (
                MacroInput {
                    status: Some("done".into()),
                    ..input("x")
                },
                "status",
            ),
            (
                MacroInput {
                    priority: Some("p1".into()),
                    ..input("x")
                },
                "priority",
            ),
            (
                MacroInput {
                    add_tags: vec![" ".into()],
                    ..input("x")
                },
                "add-tag",
            ),
            (
                MacroInput {
                    remove_tags: vec![",".into()],
                    ..input("x")
                },
                "remove-tag",
            ),
            (
                MacroInput {
                    reply: Some("hi".into()),
                    ..input(" ")
                },
                "name",
            ),
            (
                MacroInput {
                    reply: Some("hi".into()),
                    ..input(&"n".repeat(NAME_MAX + 1))
                },
                "name",
            ),
        ];
        for (input, field) in cases {
            let err = input.validate("a", now).unwrap_err();
            assert_eq!(err.field, *field, "{input:?}");
        }
    }

    #[test]
    fn unassigning_counts_as_a_change() {
        let m = MacroInput {
            assignee: Some(String::new()),
            ..input("unassign")
        }
        .validate("a", chrono::Utc::now())
        .unwrap();
        assert_eq!(m.assignee.as_deref(), Some(""));
    }
}
