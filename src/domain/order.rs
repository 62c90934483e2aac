//! Orders (交易): what a customer bought, for how much. Money is whole cents.

use super::error::Invalid;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Order {
    pub id: i64,
    pub customer_id: i64,
    pub at: DateTime<Utc>,
    pub amount_cents: i64,
    pub product: String,
    pub note: String,
    pub created_by: String,
}

/// The largest amount accepted, in cents: far above any real order, and far
/// from overflowing a sum of many of them.
const MAX_CENTS: i64 = 1_000_000_000_000;

/// Parses an amount like `1234.50`, `1234.5`, `1234` or `1,234.50` into
/// cents. Negative amounts, more than two decimals and anything that is not a
/// number are refused: an exact price must not be rounded silently.
pub fn parse_amount(field: &str, value: &str) -> Result<i64, Invalid> {
    let text: String = value.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
    let bad = |reason: &str| Invalid::new(field, value.trim(), reason);
    if text.starts_with('-') {
        return Err(bad("must be 0 or more"));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(bad("expected an amount like 1234.50"));
    }
    if fraction.len() > 2 {
        return Err(bad("has more than two decimals"));
    }
    let cents_part = format!("{fraction:0<2}");
    let cents = whole
        .parse::<i64>()
        .ok()
        .and_then(|w| w.checked_mul(100))
        .and_then(|w| w.checked_add(cents_part.parse::<i64>().unwrap_or(0)))
        .filter(|c| *c <= MAX_CENTS)
        .ok_or_else(|| bad("is too large"))?;
    Ok(cents)
}

/// `123450` → `1234.50`.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let cases = [
            ("1234.50", Some(123_450)),
            ("1234.5", Some(123_450)),
            ("1234", Some(123_400)),
            (" 0 ", Some(0)),
            ("0.05", Some(5)),
            ("1,234.50", Some(123_450)),
            ("10000000000", Some(1_000_000_000_000)),
            ("10000000000.01", None),
            ("99999999999999999999", None),
            ("-1", None),
            ("-0.01", None),
            ("1.234", None),
            ("1.2.3", None),
            (".5", None),
            ("12a", None),
            ("", None),
            ("一百", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_amount("amount", input).ok(), want, "{input:?}");
        }
        assert_eq!(parse_amount("amount", "-5").unwrap_err().reason, "must be 0 or more");
    }

    #[test]
    fn formatting() {
        for (cents, want) in [(0, "0.00"), (5, "0.05"), (123_450, "1234.50"), (-250, "-2.50")] {
            assert_eq!(format_cents(cents), want);
        }
    }
}
