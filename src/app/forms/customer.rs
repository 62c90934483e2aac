//! The customer form: adding one, or editing one at the version it was read.

use super::{Field, FieldKind, Form, FormKind, Submission, options};
use crate::domain::customer::{Customer, CustomerInput};
use crate::domain::enums::{Channel, CustomerKind, Tier};
use crate::domain::occasions::parse_birthday;
use crate::domain::time::parse_date;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::i18n::{Strings, fill};

fn fields(c: Option<&Customer>) -> Vec<Field> {
    let text = |f: fn(&Customer) -> String| c.map(f).unwrap_or_default();
    let line = FieldKind::Line;
    vec![
        Field::new("name", line.clone(), &text(|c| c.name.clone()))
            .required()
            .check(|v| validate::required("name", v, LINE_MAX).map(drop)),
        Field::new("code", line.clone(), &text(|c| c.code.clone())).check(|v| {
            if v.trim().is_empty() {
                Ok(())
            } else {
                validate::code(v).map(drop)
            }
        }),
        Field::new(
            "kind",
            options(CustomerKind::ALL.iter().map(|k| k.key()), false),
            c.map_or(CustomerKind::Person.key(), |c| c.kind.key()),
        ),
        Field::new("contact", line.clone(), &text(|c| c.contact.clone()))
            .check(|v| validate::text("contact", v, LINE_MAX).map(drop)),
        Field::new("phone", line.clone(), &text(|c| c.phone.clone())).check(|v| validate::phone(v).map(drop)),
        Field::new("email", line.clone(), &text(|c| c.email.clone())).check(|v| validate::email(v).map(drop)),
        Field::new("address", line.clone(), &text(|c| c.address.clone()))
            .check(|v| validate::text("address", v, 500).map(drop)),
        Field::new("industry", line.clone(), &text(|c| c.industry.clone()))
            .check(|v| validate::text("industry", v, LINE_MAX).map(drop)),
        Field::new(
            "since",
            line.clone(),
            &text(|c| c.since.map(|d| d.to_string()).unwrap_or_default()),
        )
        .check(|v| {
            if v.trim().is_empty() {
                Ok(())
            } else {
                parse_date("since", v).map(drop)
            }
        }),
        // A new customer's tier is left to the segmentation rules unless
        // chosen; choosing one pins it, so an edit offers no "none".
        Field::new(
            "tier",
            options(Tier::ALL.iter().map(|t| t.key()), c.is_none()),
            c.map_or("", |c| c.tier.key()),
        ),
        Field::new("tags", line.clone(), &text(|c| c.tags.join(", "))).check(|v| validate::tags(v).map(drop)),
        Field::new(
            "channel",
            options(Channel::ALL.iter().map(|ch| ch.key()), true),
            c.and_then(|c| c.channel).map_or("", |ch| ch.key()),
        ),
        Field::new("owner", line.clone(), &text(|c| c.owner.clone()))
            .check(|v| validate::text("owner", v, 64).map(drop)),
        Field::new("notes", FieldKind::Long, &text(|c| c.notes.clone()))
            .check(|v| validate::text("notes", v, TEXT_MAX).map(drop)),
        // Last, so the fields before it keep their places. Today bounds a
        // birthday too: the service checks that on saving and its error
        // comes back to this field.
        Field::new(
            "birthday",
            line,
            &text(|c| c.birthday.map(|d| d.to_string()).unwrap_or_default()),
        )
        .check(|v| parse_birthday(v, chrono::NaiveDate::MAX).map(drop)),
    ]
}

pub fn new_customer(s: &Strings) -> Form {
    Form::new(FormKind::NewCustomer, s.form_new_customer.to_string(), fields(None))
}

pub fn edit_customer(s: &Strings, c: &Customer) -> Form {
    Form::new(
        FormKind::EditCustomer {
            id: c.id,
            version: c.version,
        },
        fill(s.form_edit_customer, &[("code", &c.code)]),
        fields(Some(c)),
    )
}

pub(super) fn submission(form: &Form) -> Option<Submission> {
    match form.kind {
        FormKind::EditCustomer { id, version } => {
            let input = input(|key| form.changed(key));
            (input != CustomerInput::default()).then_some(Submission::EditCustomer { id, version, input })
        }
        _ => Some(Submission::NewCustomer(input(|key| form.given(key)))),
    }
}

fn input(get: impl Fn(&str) -> Option<String>) -> CustomerInput {
    CustomerInput {
        code: get("code"),
        name: get("name"),
        kind: get("kind"),
        contact: get("contact"),
        phone: get("phone"),
        email: get("email"),
        address: get("address"),
        industry: get("industry"),
        since: get("since"),
        tier: get("tier"),
        tags: get("tags"),
        channel: get("channel"),
        owner: get("owner"),
        notes: get("notes"),
        birthday: get("birthday"),
    }
}
