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

/// Masks, in any JSON document, every `phone` and `email` string and the
/// old and new values of audit entries about them, so every JSON output is
/// masked the same way whatever shape it has (customers in lists, merge
/// reports, duplicate pairs…).
pub fn mask_json(value: &mut serde_json::Value, settings: &Settings) {
    use serde_json::Value;
    if !settings.masked {
        return;
    }
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| mask_json(v, settings)),
        Value::Object(map) => {
            let audited = map.get("field").and_then(Value::as_str).map(str::to_owned);
            for (key, v) in map.iter_mut() {
                let kind = match (key.as_str(), audited.as_deref()) {
                    ("phone", _) | ("old_value" | "new_value", Some("phone")) => Some("phone"),
                    // Mail keeps addresses too: the outbox's recipient, a message's sender.
                    ("email" | "to_address" | "from_address", _) | ("old_value" | "new_value", Some("email")) => {
                        Some("email")
                    }
                    _ => None,
                };
                match (kind, v) {
                    (Some("phone"), Value::String(s)) => *s = phone(s, settings).into_owned(),
                    (Some(_), Value::String(s)) => *s = email(s, settings).into_owned(),
                    (_, v) => mask_json(v, settings),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_masks_phones_and_emails_at_any_depth_and_in_audit_entries() {
        let settings = Settings {
            masked: true,
            ..Settings::default()
        };
        let mut value = json!({
            "keep": { "phone": "13812345678", "email": "zhang.san@example.com", "name": "张三" },
            "outbox": [{ "to_address": "li.lei@example.com", "from_address": "a.b@example.com" }],
            "audit": [
                { "field": "phone", "old_value": "13900000000", "new_value": "13812345678" },
                { "field": "name", "old_value": "a", "new_value": "b" },
            ],
        });
        mask_json(&mut value, &settings);
        assert_eq!(value["keep"]["phone"], "138****5678");
        assert_eq!(value["keep"]["email"], "z*******@example.com");
        assert_eq!(value["keep"]["name"], "张三");
        assert_eq!(value["outbox"][0]["to_address"], "l*******@example.com");
        assert_eq!(value["outbox"][0]["from_address"], "a*******@example.com");
        assert_eq!(value["audit"][0]["old_value"], "139****0000");
        assert_eq!(value["audit"][1]["new_value"], "b");
        let mut plain = json!({ "phone": "13812345678" });
        mask_json(&mut plain, &Settings::default());
        assert_eq!(plain["phone"], "13812345678");
    }
}
