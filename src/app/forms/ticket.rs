//! Ticket forms: opening one, and changing one (all of its settable fields,
//! or just the assignee, priority or status for `a`, `p` and `s`). Setting
//! a ticket resolved asks how it was resolved, as `ticket resolve --summary`
//! records it. `T` edits the tags: two boxes, tags to add and to remove.

use super::picker::Source;
use super::{Field, FieldKind, Form, FormKind, Submission, options};
use crate::domain::enums::{Channel, Priority, TicketKind, TicketStatus};
use crate::domain::ticket::Ticket;
use crate::domain::ticket_tags;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::i18n::{Strings, fill};
use crate::service::tickets::{TicketChanges, TicketInput};

/// Which fields of a ticket an edit form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    All,
    Assignee,
    Priority,
    Status,
    Tags,
}

pub fn new_ticket(s: &Strings, customer_code: &str) -> Form {
    let fields = vec![
        Field::new("customer", FieldKind::Line, customer_code)
            .required()
            .check(|v| validate::required("customer", v, 64).map(drop))
            .pick(Source::Customers),
        Field::new(
            "kind",
            options(TicketKind::ALL.iter().map(|k| k.key()), false),
            TicketKind::Complaint.key(),
        ),
        Field::new("subject", FieldKind::Line, "")
            .required()
            .check(|v| validate::required("subject", v, LINE_MAX).map(drop)),
        Field::new(
            "priority",
            options(Priority::ALL.iter().map(|p| p.key()), false),
            Priority::Normal.key(),
        ),
        Field::new(
            "channel",
            options(Channel::ALL.iter().map(|c| c.key()), false),
            Channel::Phone.key(),
        ),
        Field::new("category", FieldKind::Line, "")
            .check(|v| validate::text("category", v, 64).map(drop))
            .pick(Source::Categories),
        Field::new("body", FieldKind::Long, "").check(|v| validate::text("body", v, TEXT_MAX).map(drop)),
    ];
    Form::new(FormKind::NewTicket, s.form_new_ticket.to_string(), fields)
}

pub fn edit_ticket(s: &Strings, t: &Ticket, edit: Edit) -> Form {
    let text64 = |key: &'static str, value: &str| -> Field {
        let (check, source): (super::Check, Source) = match key {
            "assignee" => (|v| validate::text("assignee", v, 64).map(drop), Source::Agents),
            "department" => (|v| validate::text("department", v, 64).map(drop), Source::Departments),
            _ => (|v| validate::text("category", v, 64).map(drop), Source::Categories),
        };
        Field::new(key, FieldKind::Line, value).check(check).pick(source)
    };
    let priority = Field::new(
        "priority",
        options(Priority::ALL.iter().map(|p| p.key()), false),
        t.priority.key(),
    );
    let status = Field::new(
        "status",
        options(TicketStatus::ALL.iter().map(|st| st.key()), false),
        t.status.key(),
    );
    let resolution =
        Field::new("resolution", FieldKind::Long, "").check(|v| validate::text("resolution", v, TEXT_MAX).map(drop));
    let (title, fields) = match edit {
        Edit::All => (
            s.form_edit_ticket,
            // The fields of daily work first, in the order hands know;
            // corrections of what the ticket says after them.
            vec![
                priority,
                status,
                text64("assignee", &t.assignee),
                text64("department", &t.department),
                text64("category", &t.category),
                Field::new("subject", FieldKind::Line, &t.subject)
                    .required()
                    .check(|v| validate::required("subject", v, LINE_MAX).map(drop)),
                Field::new(
                    "kind",
                    options(TicketKind::ALL.iter().map(|k| k.key()), false),
                    t.kind.key(),
                ),
                Field::new("description", FieldKind::Long, &t.description)
                    .check(|v| validate::text("description", v, TEXT_MAX).map(drop)),
                resolution,
            ],
        ),
        Edit::Assignee => (s.form_assign, vec![text64("assignee", &t.assignee)]),
        Edit::Priority => (s.form_priority, vec![priority]),
        Edit::Status => (s.form_status, vec![status, resolution]),
        // Keyed by the `ticket set` options, so the service's errors land
        // on the box that named the tag.
        Edit::Tags => (
            s.tags.form_title,
            vec![
                Field::new("add-tag", FieldKind::Line, "")
                    .check(|v| ticket_tags::words("add-tag", v).map(drop))
                    .pick(Source::Tags),
                Field::new("remove-tag", FieldKind::Line, "")
                    .check(|v| ticket_tags::words("remove-tag", v).map(drop))
                    .pick(Source::Tags),
            ],
        ),
    };
    Form::new(
        FormKind::EditTicket {
            id: t.id,
            version: t.version,
        },
        fill(title, &[("ticket", &t.id.to_string())]),
        fields,
    )
}

/// `d` on a triage card: resolving the ticket asks how it was resolved,
/// as the `s` and `e` forms do when they set it resolved; the summary is
/// required, and saving is the decision.
pub fn resolve(s: &Strings, t: &Ticket) -> Form {
    let summary = Field::new("resolution", FieldKind::Long, "")
        .required()
        .check(|v| validate::required("resolution", v, TEXT_MAX).map(drop));
    Form::new(
        FormKind::Resolve {
            id: t.id,
            version: t.version,
        },
        fill(s.triage.resolve_title, &[("ticket", &t.id.to_string())]),
        vec![summary],
    )
}

/// A ticket set resolved needs the resolution summary: a check across two
/// fields, so it runs on save rather than as one field's own check. True
/// when fine; else the summary field is marked and focused.
pub(super) fn check_resolution(form: &mut Form) -> bool {
    let resolving = form.changed("status").as_deref() == Some(TicketStatus::Resolved.key());
    let Some(i) = form.fields.iter().position(|f| f.key == "resolution") else {
        return true;
    };
    if !resolving || !form.fields[i].value().trim().is_empty() {
        return true;
    }
    form.fields[i].error = Some(super::FieldError::Invalid(crate::domain::error::Reason::Required));
    form.focus = i;
    false
}

/// The tags typed in one box of the tags form (none when the form has no
/// such box); the box's own check already refused a bad one.
pub fn typed_tags(form: &Form, key: &str) -> Vec<String> {
    form.fields
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| ticket_tags::words(key, f.value()).ok())
        .unwrap_or_default()
}

pub(super) fn submission(form: &Form) -> Option<Submission> {
    match form.kind {
        FormKind::EditTicket { id, version } => {
            let changes = TicketChanges {
                priority: form.changed("priority"),
                status: form.changed("status"),
                assignee: form.changed("assignee"),
                department: form.changed("department"),
                category: form.changed("category"),
                subject: form.changed("subject"),
                kind: form.changed("kind"),
                description: form.changed("description"),
                resolution: form.given("resolution"),
                add_tags: typed_tags(form, "add-tag"),
                remove_tags: typed_tags(form, "remove-tag"),
            };
            // The resolution summary alone changes nothing: it goes with a status change.
            let any = [
                &changes.priority,
                &changes.status,
                &changes.assignee,
                &changes.department,
                &changes.category,
                &changes.subject,
                &changes.kind,
                &changes.description,
            ]
            .iter()
            .any(|c| c.is_some())
                || !changes.add_tags.is_empty()
                || !changes.remove_tags.is_empty();
            any.then_some(Submission::EditTicket { id, version, changes })
        }
        // The status is what the form is for; only the summary is typed.
        FormKind::Resolve { id, version } => Some(Submission::EditTicket {
            id,
            version,
            changes: TicketChanges {
                status: Some(TicketStatus::Resolved.key().to_string()),
                resolution: form.given("resolution"),
                ..Default::default()
            },
        }),
        _ => Some(Submission::NewTicket(TicketInput {
            customer: form.value("customer").trim().to_string(),
            kind: form.value("kind").to_string(),
            subject: form.value("subject").to_string(),
            priority: form.given("priority"),
            channel: form.given("channel"),
            category: form.given("category"),
            body: form.given("body"),
            opened_at: None,
        })),
    }
}
