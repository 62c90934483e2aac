//! Orders (交易): what a customer bought, for how much. Money is whole cents.

use super::error::{AmountProblem, Invalid, OrderProblem, Reason};
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

/// What a correction does to its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorrectionKind {
    /// Money given back, part or all of what is left.
    Refund,
    /// The order is called off: everything not yet refunded.
    Cancel,
}

impl CorrectionKind {
    pub fn key(self) -> &'static str {
        match self {
            CorrectionKind::Refund => "refund",
            CorrectionKind::Cancel => "cancel",
        }
    }

    /// The stored key; an unknown one reads as a refund, which keeps the
    /// amounts right (only a cancellation closes an order).
    pub fn from_key(key: &str) -> CorrectionKind {
        if key == "cancel" {
            CorrectionKind::Cancel
        } else {
            CorrectionKind::Refund
        }
    }
}

/// A refund or cancellation recorded against an order: the order itself is
/// never edited, so what was sold and what was given back both stay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    pub id: i64,
    pub order_id: i64,
    pub at: DateTime<Utc>,
    pub kind: CorrectionKind,
    pub amount_cents: i64,
    pub note: String,
    pub created_by: String,
}

/// An order with its corrections, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub order: Order,
    pub corrections: Vec<Correction>,
}

impl OrderLine {
    /// What the corrections gave back.
    pub fn corrected_cents(&self) -> i64 {
        self.corrections.iter().map(|c| c.amount_cents).sum()
    }

    /// The amount less the corrections.
    pub fn net_cents(&self) -> i64 {
        self.order.amount_cents - self.corrected_cents()
    }

    pub fn cancelled(&self) -> bool {
        self.corrections.iter().any(|c| c.kind == CorrectionKind::Cancel)
    }

    /// How much a correction of `kind` would give back, or why it cannot be
    /// recorded. A refund takes `requested` cents (more than 0, at most what
    /// is left); a cancellation takes whatever is left. Nothing can be
    /// corrected on a cancelled order, and a fully refunded one has nothing
    /// left to cancel.
    pub fn correction(&self, kind: CorrectionKind, requested: Option<(&str, i64)>) -> Result<i64, Invalid> {
        let id = self.order.id.to_string();
        if self.cancelled() {
            return Err(Invalid::new("order", id, Reason::Order(OrderProblem::Cancelled)));
        }
        let left = self.net_cents();
        match (kind, requested) {
            (CorrectionKind::Refund, Some((text, cents))) => {
                if cents == 0 {
                    return Err(Invalid::new("amount", text, Reason::NotPositive));
                }
                if cents > left {
                    let reason = Reason::Order(OrderProblem::MoreThanLeft {
                        order: self.order.id,
                        left: format_cents(left),
                        total: format_cents(self.order.amount_cents),
                    });
                    return Err(Invalid::new("amount", text, reason));
                }
                Ok(cents)
            }
            (CorrectionKind::Refund, None) => Err(Invalid::new(
                "amount",
                "",
                Reason::Order(OrderProblem::RefundNeedsAmount),
            )),
            (CorrectionKind::Cancel, _) if left == 0 && self.order.amount_cents > 0 => {
                Err(Invalid::new("order", id, Reason::Order(OrderProblem::FullyRefunded)))
            }
            (CorrectionKind::Cancel, _) => Ok(left),
        }
    }
}

/// The largest amount accepted, in cents: far above any real order, and far
/// from overflowing a sum of many of them.
const MAX_CENTS: i64 = 1_000_000_000_000;

/// Parses an amount like `1234.50`, `1234.5`, `1234` or `1,234.50` into
/// cents. Negative amounts, more than two decimals and anything that is not a
/// number are refused: an exact price must not be rounded silently. A comma
/// is a thousands separator only where one belongs (`1,234,567.89`): `1,50`
/// is someone's decimal comma and `12,34` a typo, and reading either as
/// hundreds would multiply the price. Full-width digits, point and comma
/// (what a Chinese input method types) read as their ASCII forms.
pub fn parse_amount(field: &str, value: &str) -> Result<i64, Invalid> {
    let shown = value.trim();
    let bad = |reason: Reason| Invalid::new(field, shown, reason);
    let text: String = shown.chars().map(ascii_form).collect();
    if text.starts_with('-') {
        return Err(bad(Reason::BelowZero));
    }
    let (grouped, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole = ungroup(grouped).ok_or_else(|| bad(Reason::Amount(AmountProblem::MisplacedComma)))?;
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(&whole) || !digits(fraction) {
        return Err(bad(Reason::Amount(AmountProblem::NotAnAmount)));
    }
    if fraction.len() > 2 {
        return Err(bad(Reason::Amount(AmountProblem::TooManyDecimals)));
    }
    let cents_part = format!("{fraction:0<2}");
    let cents = whole
        .parse::<i64>()
        .ok()
        .and_then(|w| w.checked_mul(100))
        .and_then(|w| w.checked_add(cents_part.parse::<i64>().unwrap_or(0)))
        .filter(|c| *c <= MAX_CENTS)
        .ok_or_else(|| bad(Reason::Amount(AmountProblem::TooLarge)))?;
    Ok(cents)
}

/// Full-width digits, point and comma as ASCII; anything else as it is.
fn ascii_form(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        _ => c,
    }
}

/// The whole part without its thousands separators, or `None` when a comma
/// stands anywhere but between groups of three digits after a first group
/// of one to three that does not start with 0 (`0,125` is a decimal comma:
/// an eighth, not 125).
fn ungroup(whole: &str) -> Option<String> {
    if !whole.contains(',') {
        return Some(whole.to_string());
    }
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    let rest_ok = groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok).then(|| whole.replace(',', ""))
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
            ("1,234", Some(123_400)),
            ("12,345,678.90", Some(1_234_567_890)),
            ("999,999", Some(99_999_900)),
            ("１２３４．５０", Some(123_450)),
            ("１，２３４", Some(123_400)),
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
            // A comma anywhere but between groups of three is refused, never
            // dropped: `1,50` must not become 150.00.
            ("1,50", None),
            ("12,34", None),
            ("1,2345", None),
            ("1234,567", None),
            (",123", None),
            ("1,,234", None),
            ("1,234,", None),
            ("1,234.5,0", None),
            ("1.50,00", None),
            ("1_000", None),
            ("1,", None),
            // A first group starting with 0 is a decimal comma, not thousands.
            ("0,125", None),
            ("０，５００", None),
            ("01,234", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_amount("amount", input).ok(), want, "{input:?}");
        }
        assert_eq!(parse_amount("amount", "-5").unwrap_err().reason, Reason::BelowZero);
        let comma = parse_amount("amount", "1,50").unwrap_err();
        assert_eq!((comma.field.as_str(), comma.value.as_str()), ("amount", "1,50"));
        assert_eq!(comma.reason, Reason::Amount(AmountProblem::MisplacedComma));
    }

    fn line(amount_cents: i64, corrections: &[(CorrectionKind, i64)]) -> OrderLine {
        let at = DateTime::UNIX_EPOCH;
        let order = Order {
            id: 7,
            customer_id: 1,
            at,
            amount_cents,
            product: String::new(),
            note: String::new(),
            created_by: "a".into(),
        };
        let corrections = corrections
            .iter()
            .map(|&(kind, amount_cents)| Correction {
                id: 0,
                order_id: 7,
                at,
                kind,
                amount_cents,
                note: String::new(),
                created_by: "a".into(),
            })
            .collect();
        OrderLine { order, corrections }
    }

    /// Amount, corrections so far, the new one, its refund text, and what it
    /// gives back or the field it is refused on.
    type Case = (
        i64,
        &'static [(CorrectionKind, i64)],
        CorrectionKind,
        &'static str,
        Result<i64, &'static str>,
    );

    #[test]
    fn corrections() {
        use CorrectionKind::{Cancel, Refund};
        let cases: &[Case] = &[
            (10_000, &[], Refund, "20.00", Ok(2_000)),
            (10_000, &[], Refund, "100", Ok(10_000)),
            (10_000, &[], Refund, "100.01", Err("amount")),
            (10_000, &[], Refund, "0", Err("amount")),
            (10_000, &[(Refund, 6_000)], Refund, "40", Ok(4_000)),
            (10_000, &[(Refund, 6_000)], Refund, "40.01", Err("amount")),
            (10_000, &[(Refund, 10_000)], Refund, "0.01", Err("amount")),
            (10_000, &[], Cancel, "", Ok(10_000)),
            (10_000, &[(Refund, 2_500)], Cancel, "", Ok(7_500)),
            (10_000, &[(Refund, 10_000)], Cancel, "", Err("order")),
            (10_000, &[(Cancel, 10_000)], Refund, "1", Err("order")),
            (10_000, &[(Refund, 2_500), (Cancel, 7_500)], Cancel, "", Err("order")),
            (0, &[], Cancel, "", Ok(0)),
            (0, &[], Refund, "0.01", Err("amount")),
        ];
        for (amount, before, kind, text, want) in cases {
            let l = line(*amount, before);
            let requested = (*kind == Refund).then(|| (*text, parse_amount("amount", text).unwrap()));
            let got = l.correction(*kind, requested).map_err(|e| e.field);
            assert_eq!(got, want.map_err(str::to_string), "{amount} {before:?} {kind:?} {text}");
        }
        let l = line(10_000, &[(Refund, 2_500), (Cancel, 7_500)]);
        assert_eq!((l.net_cents(), l.cancelled()), (0, true));
        let over = line(10_000, &[(Refund, 6_000)])
            .correction(Refund, Some(("50", 5_000)))
            .unwrap_err();
        assert_eq!(
            over.reason,
            Reason::Order(OrderProblem::MoreThanLeft {
                order: 7,
                left: "40.00".into(),
                total: "100.00".into(),
            })
        );
    }

    #[test]
    fn formatting() {
        for (cents, want) in [(0, "0.00"), (5, "0.05"), (123_450, "1234.50"), (-250, "-2.50")] {
            assert_eq!(format_cents(cents), want);
        }
    }
}
