//! Relationship forms: an order (`o`), the callback after a resolved ticket
//! (`c`), the satisfaction survey that follows it or stands alone (`v`),
//! and a manual reminder (`n` in the Reminders view). Each field is checked
//! with the same domain rule its service applies, so the CLI and the form
//! refuse the same input with the same words.

use super::{Field, FieldKind, Form, FormKind, Submission, options};
use crate::domain::enums::CallbackOutcome;
use crate::domain::error::Invalid;
use crate::domain::human_time::check_form;
use crate::domain::order::{CorrectionKind, parse_amount};
use crate::domain::survey::score;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::i18n::{Strings, fill};
use crate::service::orders::{CorrectionInput, OrderInput};
use crate::service::reminders::ReminderInput;
use crate::service::surveys::SurveyInput;

fn customer(code: &str) -> Field {
    Field::new("customer", FieldKind::Line, code)
        .required()
        .check(|v| validate::required("customer", v, 64).map(drop))
        .pick(super::picker::Source::Customers)
}

/// `12` or `#12`, or nothing.
fn ticket_number(value: &str) -> Result<Option<i64>, Invalid> {
    let v = value.trim().trim_start_matches('#');
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<i64>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(Invalid::new("ticket", v, crate::domain::error::Reason::NotANumber)),
    }
}

fn ticket(initial: Option<i64>) -> Field {
    let text = initial.map(|t| t.to_string()).unwrap_or_default();
    Field::new("ticket", FieldKind::Line, &text).check(|v| ticket_number(v).map(drop))
}

/// An optional field: blank is fine, anything else must pass `check`.
fn blank_or<T>(value: &str, check: impl Fn(&str) -> Result<T, Invalid>) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        check(value).map(drop)
    }
}

/// `o`: an order for a customer, as `order add` takes it.
pub fn order(s: &Strings, code: &str, name: &str) -> Form {
    let fields = vec![
        customer(code),
        Field::new("amount", FieldKind::Line, "")
            .required()
            .check(|v| parse_amount("amount", v).map(drop)),
        // Blank is now; the service refuses a time in the future.
        Field::new("at", FieldKind::Line, "").check(|v| blank_or(v, |v| check_form("at", v))),
        Field::new("product", FieldKind::Line, "").check(|v| validate::text("product", v, LINE_MAX).map(drop)),
        Field::new("note", FieldKind::Long, "").check(|v| validate::text("note", v, TEXT_MAX).map(drop)),
    ];
    Form::new(
        FormKind::AddOrder,
        fill(s.crm.form_order, &[("customer", name)]),
        fields,
    )
}

/// A positive order number.
fn order_number(value: &str) -> Result<i64, Invalid> {
    let v = value.trim().trim_start_matches('#');
    v.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Invalid::new("order", v, crate::domain::error::Reason::NotANumber))
}

/// The palette's "refund or cancel an order", as `order refund` and `order
/// cancel` take it: the order (the newest on the card in view, if any), a
/// refund by default, its amount (blank for a cancellation, which takes
/// all that is left) and a note.
pub fn correct_order(s: &Strings, order: Option<i64>) -> Form {
    let initial = order.map(|o| o.to_string()).unwrap_or_default();
    let fields = vec![
        Field::new("order", FieldKind::Line, &initial)
            .required()
            .check(|v| order_number(v).map(drop)),
        Field::new(
            "correction",
            options(
                [CorrectionKind::Refund, CorrectionKind::Cancel].iter().map(|k| k.key()),
                false,
            ),
            CorrectionKind::Refund.key(),
        ),
        Field::new("amount", FieldKind::Line, "").check(|v| blank_or(v, |v| parse_amount("amount", v))),
        Field::new("note", FieldKind::Long, "").check(|v| validate::text("note", v, TEXT_MAX).map(drop)),
    ];
    let mut form = Form::new(FormKind::CorrectOrder, s.crm.form_correct_order.to_string(), fields);
    // With the order known, the amount has the keyboard.
    form.focus = if order.is_some() { 2 } else { 0 };
    form
}

/// `c`: the callback on a resolved or closed ticket, as `ticket callback`.
pub fn callback(s: &Strings, ticket: i64) -> Form {
    let fields = vec![
        Field::new(
            "outcome",
            options(CallbackOutcome::ALL.iter().map(|o| o.key()), false),
            CallbackOutcome::Satisfied.key(),
        ),
        Field::new("summary", FieldKind::Long, "").check(|v| validate::text("summary", v, TEXT_MAX).map(drop)),
    ];
    Form::new(
        FormKind::Callback { ticket },
        fill(s.crm.form_callback, &[("ticket", &ticket.to_string())]),
        fields,
    )
}

/// A score from 1 to 5: a digit picks it, `←` `→` step; none at first, so
/// nobody's answer is assumed.
fn score_field(key: &'static str) -> Field {
    let check: super::Check = match key {
        "quality" => |v| score("quality", v).map(drop),
        "response" => |v| score("response", v).map(drop),
        _ => |v| score("communication", v).map(drop),
    };
    Field::new(key, options(["1", "2", "3", "4", "5"].into_iter(), true), "")
        .required()
        .check(check)
}

/// `v`, or straight after a callback: a satisfaction survey.
pub fn survey(s: &Strings, code: &str, name: &str, ticket_id: Option<i64>) -> Form {
    let fields = vec![
        customer(code),
        ticket(ticket_id),
        score_field("quality"),
        score_field("response"),
        score_field("communication"),
        Field::new("comment", FieldKind::Long, "").check(|v| validate::text("comment", v, TEXT_MAX).map(drop)),
    ];
    Form::new(FormKind::Survey, fill(s.crm.form_survey, &[("customer", name)]), fields)
}

/// `n` in the Reminders view: a manual reminder, as `reminder add`.
pub fn reminder(s: &Strings, code: &str, name: &str, ticket_id: Option<i64>) -> Form {
    let fields = vec![
        customer(code),
        ticket(ticket_id),
        Field::new("due", FieldKind::Line, "")
            .required()
            .check(|v| check_form("due", v)),
        Field::new("note", FieldKind::Long, "")
            .required()
            .check(|v| validate::required("note", v, TEXT_MAX).map(drop)),
    ];
    Form::new(
        FormKind::AddReminder,
        fill(s.crm.form_reminder, &[("customer", name)]),
        fields,
    )
}

pub(super) fn submission(form: &Form) -> Option<Submission> {
    let customer = form.value("customer").trim().to_string();
    let ticket = ticket_number(form.value("ticket")).ok().flatten();
    Some(match form.kind {
        FormKind::Callback { ticket } => Submission::Callback {
            ticket,
            outcome: form.value("outcome").to_string(),
            summary: form.given("summary"),
        },
        FormKind::Survey => Submission::Survey(SurveyInput {
            customer,
            ticket,
            quality: form.value("quality").to_string(),
            response: form.value("response").to_string(),
            communication: form.value("communication").to_string(),
            comment: form.given("comment"),
        }),
        FormKind::CorrectOrder => {
            let kind = if form.value("correction") == CorrectionKind::Cancel.key() {
                CorrectionKind::Cancel
            } else {
                CorrectionKind::Refund
            };
            Submission::CorrectOrder {
                kind,
                input: CorrectionInput {
                    order: order_number(form.value("order")).ok()?,
                    amount: form.given("amount"),
                    note: form.given("note"),
                },
            }
        }
        FormKind::AddReminder => Submission::Reminder(ReminderInput {
            customer,
            ticket,
            due: form.value("due").to_string(),
            note: form.value("note").to_string(),
        }),
        _ => Submission::Order(OrderInput {
            customer,
            amount: form.value("amount").to_string(),
            at: form.given("at"),
            product: form.given("product"),
            note: form.given("note"),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::get;

    /// Types `value` into field `key` and leaves it: its error, if any.
    fn error_after(mut form: Form, key: &str, value: &str) -> Option<String> {
        let i = form.fields.iter().position(|f| f.key == key).unwrap();
        form.fields[i].input.set(value);
        form.focus = i;
        form.move_focus(1);
        form.fields[i].error.as_ref().map(|e| e.describe(get()))
    }

    #[test]
    fn fields_refuse_what_the_cli_refuses() {
        let s = get();
        let order = || order(s, "C0001", "张三");
        let reminder = || reminder(s, "C0001", "张三", None);
        let survey = || survey(s, "C0001", "张三", None);
        let correction = || correct_order(s, Some(7));
        let cases: Vec<(Form, &str, &str, bool)> = vec![
            (order(), "amount", "1234.50", true),
            (order(), "amount", "1,234.5", true),
            (order(), "amount", "0", true),
            (order(), "amount", "-5", false),
            (order(), "amount", "12.345", false),
            (order(), "amount", "abc", false),
            (order(), "amount", "", false),
            (order(), "amount", "1,50", false),
            (correction(), "order", "#7", true),
            (correction(), "order", "0", false),
            (correction(), "order", "seven", false),
            (correction(), "amount", "", true),
            (correction(), "amount", "200", true),
            (correction(), "amount", "1,50", false),
            (order(), "at", "", true),
            (order(), "at", "2026-10-01", true),
            (order(), "at", "yesterday", false),
            (reminder(), "due", "2026-10-06T09:00:00+08:00", true),
            (reminder(), "due", "", false),
            (reminder(), "due", "next week", false),
            // The human TIME forms, as `reminder add --due` takes them.
            (reminder(), "due", "today", true),
            (reminder(), "due", "tomorrow 10:00", true),
            (reminder(), "due", "+2d", true),
            (reminder(), "due", "mon 09:00", true),
            (reminder(), "due", "eom", true),
            (reminder(), "note", "  ", false),
            (reminder(), "ticket", "#3", true),
            (reminder(), "ticket", "three", false),
            (survey(), "quality", "4", true),
            (survey(), "quality", "", false),
            (survey(), "communication", "6", false),
        ];
        for (form, key, value, ok) in cases {
            let error = error_after(form, key, value);
            assert_eq!(error.is_none(), ok, "{key} = {value:?}: {error:?}");
        }
    }

    #[test]
    fn submissions_carry_what_was_typed() {
        let s = get();
        let mut form = survey(s, "C0001", "张三", Some(7));
        for (key, value) in [("quality", "5"), ("response", "3"), ("communication", "4")] {
            let i = form.fields.iter().position(|f| f.key == key).unwrap();
            form.fields[i].input.set(value);
        }
        let Some(Submission::Survey(input)) = form.submission() else {
            panic!("a survey")
        };
        assert_eq!(
            (
                input.customer.as_str(),
                input.ticket,
                input.response.as_str(),
                input.comment
            ),
            ("C0001", Some(7), "3", None)
        );
        let Some(Submission::Callback {
            ticket,
            outcome,
            summary,
        }) = callback(s, 9).submission()
        else {
            panic!("a callback")
        };
        assert_eq!((ticket, outcome.as_str(), summary), (9, "satisfied", None));
    }
}
