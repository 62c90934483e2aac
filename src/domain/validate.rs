//! Field validation shared by the CLI, the TUI forms and imports, so every
//! entry point rejects the same values with the same message.

use super::error::{Form, Invalid, Reason};

/// Longest single-line field (names, subjects, summaries), in characters.
pub const LINE_MAX: usize = 200;
/// Longest free text (notes, descriptions, bodies), in characters.
pub const TEXT_MAX: usize = 65_536;

/// A trimmed text field of at most `max` characters. NUL is refused because
/// SQLite and C strings treat it as an end; other control characters are
/// kept as data and neutralised on display.
pub fn text(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    if value.contains('\0') {
        return Err(Invalid::new(field, value, Reason::NulByte));
    }
    let trimmed = value.trim();
    let count = trimmed.chars().count();
    if count > max {
        return Err(Invalid::new(
            field,
            shorten(trimmed),
            Reason::TooLong { length: count, max },
        ));
    }
    Ok(trimmed.to_string())
}

/// Like [`text`] but must not be empty.
pub fn required(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    let value = text(field, value, max)?;
    if value.is_empty() {
        return Err(Invalid::new(field, value, Reason::Required));
    }
    Ok(value)
}

/// An e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn email(value: &str) -> Result<String, Invalid> {
    let value = text("email", value, 254)?;
    if value.is_empty() {
        return Ok(value);
    }
    let bad = || Invalid::new("email", &value, Reason::Format(Form::Email));
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let domain_ok =
        domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains("..");
    if local.is_empty() || !domain_ok || domain.contains('@') || value.chars().any(char::is_whitespace) {
        return Err(bad());
    }
    Ok(value)
}

/// A phone number: digits with optional `+`, spaces, dashes, dots and
/// parentheses; 5 to 15 digits (E.164 allows at most 15).
pub fn phone(value: &str) -> Result<String, Invalid> {
    let value = text("phone", value, 32)?;
    if value.is_empty() {
        return Ok(value);
    }
    let allowed = |c: char| c.is_ascii_digit() || " +-.()".contains(c);
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !value.chars().all(allowed) || !(5..=15).contains(&digits) || value[1..].contains('+') {
        return Err(Invalid::new("phone", &value, Reason::Format(Form::Phone)));
    }
    Ok(value)
}

/// A customer or record code: letters, digits, `-` and `_`, at most 32.
pub fn code(value: &str) -> Result<String, Invalid> {
    let value = required("code", value, 32)?;
    if !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Invalid::new("code", &value, Reason::Format(Form::Code)));
    }
    Ok(value)
}

/// Comma-separated tags, trimmed, de-duplicated, each at most 40 characters.
pub fn tags(value: &str) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    for tag in value.split([',', '，']) {
        let tag = text("tags", tag, 40)?;
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > 50 {
        return Err(Invalid::new("tags", shorten(value), Reason::TooManyTags { max: 50 }));
    }
    Ok(out)
}

/// A score on the 1–5 survey scale.
pub fn score(field: &str, value: i64) -> Result<u8, Invalid> {
    u8::try_from(value)
        .ok()
        .filter(|v| (1..=5).contains(v))
        .ok_or_else(|| Invalid::new(field, value.to_string(), Reason::Score))
}

/// Keeps error messages readable when the offending value is huge.
fn shorten(value: &str) -> String {
    if value.chars().count() <= 40 {
        value.to_string()
    } else {
        let head: String = value.chars().take(40).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        let cases = [
            ("zhang.san@example.com", true),
            ("", true),
            ("a@b.co", true),
            ("no-at-sign.example.com", false),
            ("@example.com", false),
            ("a@example", false),
            ("a@.example.com", false),
            ("a b@example.com", false),
            ("a@b@c.com", false),
            ("a@example..com", false),
        ];
        for (input, ok) in cases {
            assert_eq!(email(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn phones() {
        let cases = [
            ("13812345678", true),
            ("+86 138-1234-5678", true),
            ("(020) 8765 4321", true),
            ("", true),
            ("1234", false),
            ("1234567890123456", false),
            ("138x1234", false),
            ("86+13812345678", false),
            ("电话13812345678", false),
        ];
        for (input, ok) in cases {
            assert_eq!(phone(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn texts() {
        assert_eq!(text("name", "  张三  ", 10).unwrap(), "张三");
        assert!(text("name", "a\0b", 10).is_err());
        assert!(required("name", "   ", 10).is_err());
        let long = "长".repeat(201);
        let err = text("name", &long, LINE_MAX).unwrap_err();
        assert_eq!(err.field, "name");
        assert_eq!(
            err.reason,
            Reason::TooLong {
                length: 201,
                max: LINE_MAX
            }
        );
        assert!(text("name", &"长".repeat(200), LINE_MAX).is_ok());
    }

    #[test]
    fn codes_tags_scores() {
        assert!(code("C2024001").is_ok());
        assert!(code("C 1").is_err());
        assert!(code("客户1").is_err());
        assert_eq!(tags("vip, 电子, vip，新客").unwrap(), vec!["vip", "电子", "新客"]);
        assert!(tags(&"x".repeat(41)).is_err());
        for (value, ok) in [(0, false), (1, true), (5, true), (6, false), (-3, false)] {
            assert_eq!(score("quality", value).is_ok(), ok, "{value}");
        }
    }
}
