//! Contact forms: a reply to the customer (`r`), an internal note (`i`),
//! logging any interaction with a customer (`l`), and correcting what a
//! recorded one says (`e` on it in the timeline).

use super::{Field, FieldKind, Form, FormKind, Submission, options};
use crate::domain::enums::{Channel, Direction};
use crate::domain::ticket::Ticket;
use crate::domain::validate::{self, TEXT_MAX};
use crate::i18n::{Strings, fill};
use crate::service::interactions::LogInput;

fn summary() -> Field {
    Field::new("summary", FieldKind::Long, "")
        .required()
        .check(|v| validate::required("summary", v, TEXT_MAX).map(drop))
}

fn channel(initial: Channel) -> Field {
    Field::new(
        "channel",
        options(Channel::ALL.iter().map(|c| c.key()), false),
        initial.key(),
    )
}

pub fn reply(s: &Strings, t: &Ticket) -> Form {
    Form::new(
        FormKind::Reply { ticket: t.id },
        fill(s.form_reply, &[("ticket", &t.id.to_string())]),
        vec![summary(), channel(t.channel)],
    )
}

pub fn note(s: &Strings, t: &Ticket) -> Form {
    Form::new(
        FormKind::Note { ticket: t.id },
        fill(s.form_note, &[("ticket", &t.id.to_string())]),
        vec![summary()],
    )
}

/// Corrects the text of interaction `id`, opened on its text as stored.
pub fn edit_interaction(s: &Strings, id: i64, summary_now: &str) -> Form {
    let mut field = summary();
    field.input.set(summary_now);
    field.initial = summary_now.to_string();
    Form::new(
        FormKind::EditInteraction { id },
        fill(s.editing.form_edit_interaction, &[("id", &id.to_string())]),
        vec![field],
    )
}

/// Logs a contact with a customer, on one of their tickets if given.
pub fn log(s: &Strings, customer_code: &str, customer_name: &str, ticket: Option<i64>) -> Form {
    let ticket_text = ticket.map(|t| t.to_string()).unwrap_or_default();
    let fields = vec![
        Field::new("customer", FieldKind::Line, customer_code)
            .required()
            .check(|v| validate::required("customer", v, 64).map(drop))
            .pick(super::picker::Source::Customers),
        channel(Channel::Phone),
        Field::new(
            "direction",
            options(Direction::ALL.iter().map(|d| d.key()), false),
            Direction::Inbound.key(),
        ),
        summary(),
        Field::new("ticket", FieldKind::Line, &ticket_text).check(|v| {
            let v = v.trim().trim_start_matches('#');
            if v.is_empty() || v.parse::<i64>().is_ok_and(|n| n > 0) {
                Ok(())
            } else {
                Err(crate::domain::error::Invalid::new(
                    "ticket",
                    v,
                    crate::domain::error::Reason::NotANumber,
                ))
            }
        }),
    ];
    Form::new(FormKind::Log, fill(s.form_log, &[("customer", customer_name)]), fields)
}

pub(super) fn submission(form: &Form) -> Option<Submission> {
    let summary = form.value("summary").to_string();
    Some(match form.kind {
        // Unchanged text is nothing to save.
        FormKind::EditInteraction { id } => Submission::EditInteraction {
            id,
            summary: form.changed("summary")?,
        },
        FormKind::Reply { ticket } => Submission::Reply {
            ticket,
            summary,
            channel: form.given("channel"),
            articles: form.articles.clone(),
            send: super::send_choice::chosen(form),
        },
        FormKind::Note { ticket } => Submission::Note {
            ticket,
            summary,
            articles: form.articles.clone(),
        },
        _ => Submission::Log(LogInput {
            customer: form.value("customer").trim().to_string(),
            channel: form.value("channel").to_string(),
            direction: form.given("direction"),
            summary,
            ticket: form.value("ticket").trim().trim_start_matches('#').parse().ok(),
            at: None,
        }),
    })
}
