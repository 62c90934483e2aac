//! Masked display for screen sharing (config `[ui] masked`, `--masked`,
//! `FRONTDESK_MASKED`): phone numbers and e-mail addresses are partly hidden
//! in everything shown — human output, JSON and the TUI. Masking is for
//! display only; a masked value must never be written back.

use super::Settings;
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::domain::text::{mask_email, mask_phone};
use std::borrow::Cow;

/// The customer as it may be shown: a masked copy in masked mode.
pub fn customer<'a>(c: &'a Customer, settings: &Settings) -> Cow<'a, Customer> {
    if !settings.masked {
        return Cow::Borrowed(c);
    }
    let mut shown = c.clone();
    shown.phone = phone(&c.phone, settings).into_owned();
    shown.email = email(&c.email, settings).into_owned();
    Cow::Owned(shown)
}

pub fn phone<'a>(value: &'a str, settings: &Settings) -> Cow<'a, str> {
    if settings.masked && !value.is_empty() {
        Cow::Owned(mask_phone(value))
    } else {
        Cow::Borrowed(value)
    }
}

pub fn email<'a>(value: &'a str, settings: &Settings) -> Cow<'a, str> {
    if settings.masked && !value.is_empty() {
        Cow::Owned(mask_email(value))
    } else {
        Cow::Borrowed(value)
    }
}

/// An audit trail as it may be shown: the old and new values of phone and
/// e-mail changes masked in masked mode.
pub fn audit(entries: Vec<AuditEntry>, settings: &Settings) -> Vec<AuditEntry> {
    if !settings.masked {
        return entries;
    }
    let mask = |field: &str, value: Option<String>| {
        value.map(|v| match field {
            "phone" => phone(&v, settings).into_owned(),
            "email" => email(&v, settings).into_owned(),
            _ => v,
        })
    };
    entries
        .into_iter()
        .map(|e| AuditEntry {
            old_value: mask(&e.field, e.old_value),
            new_value: mask(&e.field, e.new_value),
            ..e
        })
        .collect()
}
