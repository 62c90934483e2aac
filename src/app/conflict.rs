//! The dialog shown when an edit is saved over a record another agent
//! changed meanwhile. It compares, field by field, the value the agent
//! started from, the agent's value and the value stored now, and offers to
//! re-apply the agent's changes on top of what is stored now, to discard
//! them, or to go back to the form. Nothing is ever written over the other
//! agent's change without the agent having seen it.

use super::forms::{Form, FormKind, customer, ticket};
use super::panes::cursor::Scroll;
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::domain::ticket::Ticket;
use crate::i18n::{Strings, fill};
use chrono::{DateTime, Utc};

/// The record an edit form saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Customer(i64),
    Ticket(i64),
}

impl Record {
    /// The record of an edit form; other forms create and never conflict.
    pub fn of(kind: FormKind) -> Option<Record> {
        match kind {
            FormKind::EditCustomer { id, .. } => Some(Record::Customer(id)),
            FormKind::EditTicket { id, .. } => Some(Record::Ticket(id)),
            _ => None,
        }
    }
}

/// A record as stored now, read after a save met a conflict.
#[derive(Debug, Clone)]
pub enum Current {
    Customer(Box<Customer>),
    Ticket(Box<Ticket>),
}

#[derive(Debug, Clone)]
pub struct Stored {
    pub current: Current,
    /// The record's audit trail, oldest first: who stored the values now.
    pub audit: Vec<AuditEntry>,
}

impl Stored {
    pub fn record(&self) -> Record {
        match &self.current {
            Current::Customer(c) => Record::Customer(c.id),
            Current::Ticket(t) => Record::Ticket(t.id),
        }
    }

    pub fn version(&self) -> i64 {
        match &self.current {
            Current::Customer(c) => c.version,
            Current::Ticket(t) => t.version,
        }
    }

    /// The stored values as an edit form holds them, by field key. The
    /// forms themselves turn the record into text, so both sides of the
    /// comparison are written alike.
    fn values(&self, s: &Strings) -> Vec<(&'static str, String)> {
        let form = match &self.current {
            Current::Customer(c) => customer::edit_customer(s, c),
            Current::Ticket(t) => ticket::edit_ticket(s, t, ticket::Edit::All),
        };
        form.fields.into_iter().map(|f| (f.key, f.initial)).collect()
    }
}

/// Who stored a value and when, from the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedBy {
    pub agent: String,
    pub at: DateTime<Utc>,
}

/// One field of the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: &'static str,
    pub started: String,
    pub yours: String,
    pub now: String,
    /// The agent changed it.
    pub mine: bool,
    /// The other agent changed it (to something else than the start).
    pub theirs: bool,
    pub by: Option<ChangedBy>,
}

#[derive(Debug, Clone)]
pub struct Conflict {
    /// "ticket #3", "customer C2026001".
    pub name: String,
    /// The fields the agent changed (those the other agent changed too are
    /// marked), then the fields only the other agent changed.
    pub rows: Vec<Row>,
    /// The record as stored now, by field key, and its version.
    now: Vec<(&'static str, String)>,
    pub version: i64,
    pub scroll: Scroll,
}

/// The last audit entry of `field`: who stored its value now shown (a
/// field's later change would have its own, later entry).
fn last_change(audit: &[AuditEntry], field: &str) -> Option<ChangedBy> {
    audit.iter().rev().find(|e| e.field == field).map(|e| ChangedBy {
        agent: e.agent.clone(),
        at: e.at,
    })
}

/// The dialog's rows: the form's fields that either side changed, the
/// agent's first.
pub fn rows(form: &Form, now: &[(&'static str, String)], audit: &[AuditEntry]) -> Vec<Row> {
    let stored = |key: &str| now.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
    let mut rows: Vec<Row> = form
        .fields
        .iter()
        .filter_map(|f| {
            let now = stored(f.key)?;
            let theirs = now != f.initial;
            Some(Row {
                key: f.key,
                started: f.initial.clone(),
                yours: f.value().to_string(),
                mine: f.changed(),
                by: theirs.then(|| last_change(audit, f.key)).flatten(),
                theirs,
                now,
            })
        })
        .filter(|r| r.mine || r.theirs)
        .collect();
    // Stable: the form's order within each group.
    rows.sort_by_key(|r| !r.mine);
    rows
}

impl Conflict {
    pub fn new(s: &Strings, form: &Form, stored: &Stored) -> Conflict {
        let now = stored.values(s);
        let name = match &stored.current {
            Current::Customer(c) => fill(s.care.record_customer, &[("code", &c.code)]),
            Current::Ticket(t) => fill(s.care.record_ticket, &[("ticket", &t.id.to_string())]),
        };
        Conflict {
            rows: rows(form, &now, &stored.audit),
            name,
            now,
            version: stored.version(),
            scroll: Scroll::default(),
        }
    }

    /// Moves the form onto the record as stored now: what the agent changed
    /// stays typed (so a save puts it on top, winning where both changed),
    /// everything else takes the stored value, and the form's starting
    /// values and version become the stored ones, so the next save compares
    /// with what the agent has now seen.
    pub fn rebase(&self, form: &mut Form) {
        for field in &mut form.fields {
            let Some((_, now)) = self.now.iter().find(|(k, _)| *k == field.key) else {
                continue;
            };
            if !field.changed() {
                field.input.set(now);
            }
            field.initial = now.clone();
        }
        form.kind = match form.kind {
            FormKind::EditCustomer { id, .. } => FormKind::EditCustomer {
                id,
                version: self.version,
            },
            FormKind::EditTicket { id, .. } => FormKind::EditTicket {
                id,
                version: self.version,
            },
            other => other,
        };
        form.message = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::forms::{Field, FieldKind};

    fn form(fields: &[(&'static str, &str, &str)]) -> Form {
        let fields = fields
            .iter()
            .map(|(key, started, typed)| {
                let mut f = Field::new(key, FieldKind::Line, started);
                f.input.set(typed);
                f
            })
            .collect();
        Form::new(FormKind::EditTicket { id: 1, version: 2 }, "t".into(), fields)
    }

    fn entry(field: &str, agent: &str, minute: u32) -> AuditEntry {
        AuditEntry {
            at: format!("2026-10-05T09:{minute:02}:00Z").parse().unwrap(),
            agent: agent.into(),
            entity: "ticket".into(),
            entity_id: 1,
            field: field.into(),
            old_value: None,
            new_value: None,
        }
    }

    #[test]
    fn rows_list_the_agents_changes_first_then_only_the_others() {
        // (key, started, typed, stored now) → (listed, mine, theirs)
        let cases = [
            ("a", "x", "x", "x", None),
            ("b", "x", "x", "y", Some((false, true))),
            ("c", "x", "z", "x", Some((true, false))),
            ("d", "x", "z", "y", Some((true, true))),
            ("e", "x", "z", "z", Some((true, true))),
        ];
        let f = form(&cases.map(|(k, started, typed, _, _)| (k, started, typed)));
        let now: Vec<(&'static str, String)> = cases.iter().map(|(k, _, _, n, _)| (*k, n.to_string())).collect();
        let rows = rows(&f, &now, &[]);
        let got: Vec<(&str, bool, bool)> = rows.iter().map(|r| (r.key, r.mine, r.theirs)).collect();
        assert_eq!(
            got,
            [
                ("c", true, false),
                ("d", true, true),
                ("e", true, true),
                ("b", false, true)
            ]
        );
    }

    #[test]
    fn who_changed_a_field_is_its_last_audit_entry_and_only_for_their_changes() {
        let f = form(&[("assignee", "", "zhao"), ("category", "", "")]);
        let now = vec![("assignee", "wang".to_string()), ("category", "billing".to_string())];
        let audit = [
            entry("category", "li", 1),
            entry("assignee", "wang", 2),
            entry("category", "wang", 3),
        ];
        let rows = rows(&f, &now, &audit);
        let by: Vec<Option<(&str, u32)>> = rows
            .iter()
            .map(|r| {
                r.by.as_ref()
                    .map(|b| (b.agent.as_str(), chrono::Timelike::minute(&b.at)))
            })
            .collect();
        assert_eq!(by, [Some(("wang", 2)), Some(("wang", 3))]);
        let mine_only = rows_for_unchanged_other(&f);
        assert!(mine_only.iter().all(|r| r.by.is_none()), "{mine_only:?}");
    }

    /// The same form when the other agent changed nothing the form shows.
    fn rows_for_unchanged_other(f: &Form) -> Vec<Row> {
        let now = vec![("assignee", String::new()), ("category", String::new())];
        rows(f, &now, &[entry("assignee", "wang", 2)])
    }

    #[test]
    fn rebase_keeps_what_the_agent_typed_and_takes_the_rest_from_the_record() {
        let mut f = form(&[("assignee", "", "zhao"), ("category", "", ""), ("department", "", "")]);
        let conflict = Conflict {
            name: "ticket #1".into(),
            rows: Vec::new(),
            now: vec![
                ("assignee", "wang".into()),
                ("category", "billing".into()),
                ("department", String::new()),
            ],
            version: 5,
            scroll: Scroll::default(),
        };
        conflict.rebase(&mut f);
        let values: Vec<(&str, &str, bool)> = f
            .fields
            .iter()
            .map(|x| (x.value(), x.initial.as_str(), x.changed()))
            .collect();
        assert_eq!(
            values,
            [("zhao", "wang", true), ("billing", "billing", false), ("", "", false)]
        );
        assert_eq!(f.kind, FormKind::EditTicket { id: 1, version: 5 });
    }
}
