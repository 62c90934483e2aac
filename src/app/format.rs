//! Times, durations and amounts as the screens show them. Pure: the clock
//! and the zone come in as arguments.

use crate::app::theme::Role;
use crate::domain::enums::{Direction, Priority, Tier};
use crate::domain::sla::SlaState;
use crate::domain::text::{mask_email, mask_phone};
use crate::i18n::Strings;
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

/// The colour of an SLA clock by its state.
pub fn state_role(state: Option<SlaState>) -> Role {
    match state {
        Some(SlaState::Running) => Role::Running,
        Some(SlaState::AtRisk) => Role::AtRisk,
        Some(SlaState::Breached) => Role::Breached,
        Some(SlaState::Paused) => Role::Paused,
        Some(SlaState::Met) => Role::Met,
        Some(SlaState::Missed) => Role::Missed,
        None => Role::Muted,
    }
}

pub fn tier_role(tier: Tier) -> Role {
    match tier {
        Tier::HighValue => Role::TierHighValue,
        Tier::Potential => Role::TierPotential,
        Tier::AtRisk => Role::TierAtRisk,
        Tier::Standard => Role::TierStandard,
    }
}

pub fn priority_role(priority: Priority) -> Role {
    match priority {
        Priority::Urgent => Role::Urgent,
        Priority::High => Role::High,
        Priority::Normal => Role::Text,
        Priority::Low => Role::Muted,
    }
}

pub fn direction_role(direction: Option<Direction>) -> Role {
    match direction {
        Some(Direction::Inbound) => Role::Inbound,
        Some(Direction::Outbound) => Role::Outbound,
        Some(Direction::Note) => Role::Note,
        None => Role::Event,
    }
}

/// A countdown in the catalogue's units (shared with the CLI).
pub use crate::i18n::urgency::countdown;

/// How long ago, in one unit: `now`, `5m`, `3h`, `12d`; past two months
/// the month itself (`2025-03`, in the display zone `tz`) says more.
pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>, tz: Tz, s: &Strings) -> String {
    let seconds = (now - then).num_seconds().max(0);
    match seconds {
        0..60 => s.time_now.to_string(),
        60..3_600 => format!("{}{}", seconds / 60, s.unit_minute),
        3_600..86_400 => format!("{}{}", seconds / 3_600, s.unit_hour),
        86_400..5_184_000 => format!("{}{}", seconds / 86_400, s.unit_day),
        _ => then.with_timezone(&tz).format("%Y-%m").to_string(),
    }
}

/// `2026-10-05 17:30` in the display zone.
pub fn local(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// The display zone as the header names it: `Asia/Shanghai +08:00`, the
/// offset in force at `now` (it changes with DST).
pub fn zone_label(tz: Tz, now: DateTime<Utc>) -> String {
    format!("{} {}", tz.name(), now.with_timezone(&tz).format("%:z"))
}

/// `10-05 17:30` within the current year, else the date: for lists.
pub fn local_short(t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let (t, now) = (t.with_timezone(&tz), now.with_timezone(&tz));
    if t.year() == now.year() {
        t.format("%m-%d %H:%M").to_string()
    } else {
        t.format("%Y-%m-%d").to_string()
    }
}

/// A phone number as it may be shown: partly hidden in masked mode.
pub fn phone(value: &str, masked: bool) -> String {
    if masked && !value.is_empty() {
        mask_phone(value)
    } else {
        value.to_string()
    }
}

/// An e-mail address as it may be shown: partly hidden in masked mode.
pub fn email(value: &str, masked: bool) -> String {
    if masked && !value.is_empty() {
        mask_email(value)
    } else {
        value.to_string()
    }
}

/// Cents as `12,345.67`.
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let n = cents.unsigned_abs();
    format!("{sign}{}.{:02}", grouped(n / 100), n % 100)
}

/// A count as `8,536`: long lists' sizes read at a glance.
pub fn grouped(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::get;

    #[test]
    fn durations_and_amounts() {
        let s = get();
        let cases = [
            (0, "0m00s"),
            (59, "0m59s"),
            (3_725, "1h02m"),
            (90_000, "1d01h"),
            (-4_800, "-1h20m"),
            (-14_688_000, "-170d"),
        ];
        for (seconds, want) in cases {
            assert_eq!(countdown(seconds, s), want);
        }
        assert_eq!(money(123_456_789), "1,234,567.89");
        assert_eq!(money(5), "0.05");
        assert_eq!(money(-100_000), "-1,000.00");
        let counts = [
            (0u64, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (8_536, "8,536"),
            (1_000_000, "1,000,000"),
        ];
        for (n, want) in counts {
            assert_eq!(grouped(n), want);
        }
        let now: DateTime<Utc> = "2026-10-05T09:30:00Z".parse().unwrap();
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        assert_eq!(ago(t("2026-10-05T09:29:30Z"), now, tz, s), "now");
        assert_eq!(ago(t("2026-10-05T07:00:00Z"), now, tz, s), "2h");
        assert_eq!(ago(t("2026-09-01T00:00:00Z"), now, tz, s), "34d");
        assert_eq!(ago(t("2025-03-01T00:00:00Z"), now, tz, s), "2025-03");
        // The month is the display zone's: 20:00 UTC on Feb 28 is March 1 in Shanghai.
        assert_eq!(ago(t("2025-02-28T20:00:00Z"), now, tz, s), "2025-03");
        assert_eq!(ago(t("2025-02-28T20:00:00Z"), now, Tz::UTC, s), "2025-02");
        assert_eq!(local(now, tz), "2026-10-05 17:30");
        assert_eq!(zone_label(tz, now), "Asia/Shanghai +08:00");
        let new_york: Tz = "America/New_York".parse().unwrap();
        assert_eq!(zone_label(new_york, now), "America/New_York -04:00");
        assert_eq!(
            zone_label(new_york, t("2026-12-06T09:35:00Z")),
            "America/New_York -05:00"
        );
        assert_eq!(local_short(now, now, tz), "10-05 17:30");
        assert_eq!(local_short(t("2025-03-01T00:00:00Z"), now, tz), "2025-03-01");
    }
}
