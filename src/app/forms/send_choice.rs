//! The reply form's "send by e-mail" choice: on by default for an e-mail
//! ticket whose customer has an address, off otherwise; `C-t` (or Space on
//! it) turns it over. Only the form's save key saves, and so sends.

use super::{Field, FieldKind, Form, FormKind};

pub const FIELD: &str = "send_email";

/// Adds the choice to a reply form, on or off. It goes first: the text
/// keeps the keys the form opened with, and `↑` from the last field still
/// lands in the text, as before the choice existed.
pub fn add(form: &mut Form, on: bool) {
    let value = if on { "yes" } else { "no" };
    form.fields
        .insert(0, Field::new(FIELD, FieldKind::Choice(vec!["no", "yes"]), value));
    form.focus += 1;
}

/// Turns the choice over; false when the form has none (not a reply).
pub fn toggle(form: &mut Form) -> bool {
    if !matches!(form.kind, FormKind::Reply { .. }) {
        return false;
    }
    match form.fields.iter_mut().find(|f| f.key == FIELD) {
        Some(field) => {
            let next = if field.value() == "yes" { "no" } else { "yes" };
            field.input.set(next);
            true
        }
        None => false,
    }
}

/// The reply is to go by e-mail.
pub fn chosen(form: &Form) -> bool {
    form.value(FIELD) == "yes"
}
