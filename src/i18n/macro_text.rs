//! A macro's effect in words, for `macro list` and the macro picker.

use super::{Strings, fill};
use crate::domain::macros::Macro;

/// What a macro does, in one line: "reply; status → pending; tag +refund".
/// `macro list` and the terminal UI's picker both show it.
pub fn does(s: &Strings, m: &Macro) -> String {
    let w = s.macros;
    let mut parts: Vec<String> = Vec::new();
    if !m.reply.is_empty() {
        parts.push(w.does_reply.to_string());
    }
    if let Some(status) = m.status {
        parts.push(fill(w.does_status, &[("status", s.status(status))]));
    }
    if let Some(priority) = m.priority {
        parts.push(fill(w.does_priority, &[("priority", s.priority(priority))]));
    }
    if !m.add_tags.is_empty() {
        parts.push(fill(w.does_add_tags, &[("tags", &m.add_tags.join(w.list_separator))]));
    }
    if !m.remove_tags.is_empty() {
        parts.push(fill(
            w.does_remove_tags,
            &[("tags", &m.remove_tags.join(w.list_separator))],
        ));
    }
    match m.assignee.as_deref() {
        Some("") => parts.push(w.does_unassign.to_string()),
        Some(agent) => parts.push(fill(w.does_assign, &[("assignee", agent)])),
        None => {}
    }
    parts.join(w.separator)
}
