//! A KPI tile of the dashboard as text: the value, an arrow for the direction against the
//! previous month and the size of the change. Rates read as percentages and change in
//! percentage points, scores have two decimals, minutes and counts none; nothing measured
//! reads as a dash. The arrow says which way a figure moved (↑ ↓ →, as in `report`); the
//! colour, where there is one, says whether that is good, so without colour nothing is lost.

use crate::app::theme::Role;
use crate::domain::kpi::{Kpi, Unit};
use crate::i18n::Strings;
use crate::service::report::KpiValue;

/// Shown for a value that was not measured.
pub const NONE: &str = "—";

/// Which way a figure moved, decided on the digits shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
    /// One of the two months has nothing measured.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    pub label: &'static str,
    pub value: String,
    pub previous: String,
    pub trend: Trend,
    /// The arrow and the size of the change: `↑ 16.7 pts`, `→ 0`, or a dash.
    pub change: String,
}

impl Trend {
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "↑",
            Trend::Down => "↓",
            Trend::Flat => "→",
            Trend::Unknown => "",
        }
    }
}

pub fn tile(v: &KpiValue, s: &Strings) -> Tile {
    let label = s
        .dashboard
        .kpis
        .iter()
        .find(|(k, _)| *k == v.kpi)
        .map_or(v.kpi.key(), |(_, l)| l);
    let (trend, change) = change(v.kpi, v.change, s);
    Tile {
        label,
        value: value(v.kpi, v.value, s),
        previous: value(v.kpi, v.previous, s),
        trend,
        change,
    }
}

/// A value as people read it: 66.7%, 4.17, 1h 36m, 12 tickets; a dash when nothing was
/// measured.
pub fn value(kpi: Kpi, x: Option<f64>, s: &Strings) -> String {
    let Some(x) = x else { return NONE.into() };
    match kpi.unit() {
        Unit::Rate => format!("{:.1}%", x * 100.0),
        Unit::Score => format!("{x:.2}"),
        Unit::Minutes => s.columns.duration(x),
        // Counts are whole; the cast saturates on anything else.
        Unit::Count => s.columns.tickets.of(x.round() as i64, &[]),
    }
}

/// The direction and the change with its arrow: `↑ 16.7 pts` for a rate, `↓ 0.50`, `→ 0`.
fn change(kpi: Kpi, change: Option<f64>, s: &Strings) -> (Trend, String) {
    let Some(change) = change else {
        return (Trend::Unknown, NONE.into());
    };
    let (magnitude, suffix) = match kpi.unit() {
        Unit::Rate => (format!("{:.1}", change.abs() * 100.0), s.dashboard.points),
        Unit::Score => (format!("{:.2}", change.abs()), ""),
        Unit::Minutes => (format!("{:.0}", change.abs()), ""),
        Unit::Count => (format!("{:.0}", change.abs()), ""),
    };
    // Decided on the shown digits, so a change too small to show reads as unchanged.
    if magnitude.chars().all(|c| c == '0' || c == '.') {
        return (Trend::Flat, format!("{} 0", Trend::Flat.arrow()));
    }
    let trend = if change > 0.0 { Trend::Up } else { Trend::Down };
    // Minutes were rounded above only to tell a change from none.
    let magnitude = match kpi.unit() {
        Unit::Minutes => s.columns.duration(change),
        _ => magnitude,
    };
    (trend, format!("{} {magnitude}{suffix}", trend.arrow()))
}

/// Whether a rise is good news: less churn, backlog and handling time is better.
fn higher_is_better(kpi: Kpi) -> bool {
    !matches!(kpi, Kpi::ChurnRate | Kpi::Backlog | Kpi::AvgHandlingMinutes)
}

/// The colour of the change: notice (green) for good news, missed (red) for bad, muted
/// otherwise.
pub fn change_role(kpi: Kpi, trend: Trend) -> Role {
    match (trend, higher_is_better(kpi)) {
        (Trend::Up, true) | (Trend::Down, false) => Role::Notice,
        (Trend::Up, false) | (Trend::Down, true) => Role::Missed,
        (Trend::Flat | Trend::Unknown, _) => Role::Muted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi_value(kpi: Kpi, value: Option<f64>, previous: Option<f64>) -> KpiValue {
        KpiValue {
            kpi,
            value,
            previous,
            change: crate::domain::kpi::change(value, previous),
            measured: None,
        }
    }

    #[test]
    fn tiles_show_value_arrow_and_change_per_unit() {
        let s = &crate::i18n::EN;
        let cases = [
            // (kpi, value, previous) → (value, previous, trend, change)
            (
                Kpi::FirstResponseCompliance,
                Some(2.0 / 3.0),
                Some(0.5),
                ("66.7%", "50.0%", Trend::Up, "↑ 16.7 pts"),
            ),
            (
                Kpi::ChurnRate,
                Some(0.05),
                Some(0.125),
                ("5.0%", "12.5%", Trend::Down, "↓ 7.5 pts"),
            ),
            (
                Kpi::SatisfiedShare,
                Some(1.0),
                Some(1.0),
                ("100.0%", "100.0%", Trend::Flat, "→ 0"),
            ),
            // Too small to show is unchanged.
            (
                Kpi::SatisfiedShare,
                Some(0.50001),
                Some(0.5),
                ("50.0%", "50.0%", Trend::Flat, "→ 0"),
            ),
            (
                Kpi::SatisfactionAvg,
                Some(4.1666),
                Some(4.6666),
                ("4.17", "4.67", Trend::Down, "↓ 0.50"),
            ),
            (
                Kpi::Backlog,
                Some(12.0),
                Some(1.0),
                ("12 tickets", "1 ticket", Trend::Up, "↑ 11"),
            ),
            (
                Kpi::Backlog,
                Some(0.0),
                Some(0.0),
                ("0 tickets", "0 tickets", Trend::Flat, "→ 0"),
            ),
            (
                Kpi::AvgHandlingMinutes,
                Some(3600.0),
                Some(1440.0),
                ("2d 12h", "1d 00h", Trend::Up, "↑ 1d 12h"),
            ),
            (
                Kpi::AvgHandlingMinutes,
                Some(95.4),
                Some(120.0),
                ("1h 35m", "2h 00m", Trend::Down, "↓ 25m"),
            ),
            (
                Kpi::AvgHandlingMinutes,
                Some(60.2),
                Some(60.0),
                ("1h 00m", "1h 00m", Trend::Flat, "→ 0"),
            ),
            // Nothing measured: a dash, and no direction.
            (
                Kpi::ComplaintOnTimeRate,
                None,
                Some(0.5),
                ("—", "50.0%", Trend::Unknown, "—"),
            ),
            (
                Kpi::SatisfactionAvg,
                Some(4.0),
                None,
                ("4.00", "—", Trend::Unknown, "—"),
            ),
            (Kpi::AvgHandlingMinutes, None, None, ("—", "—", Trend::Unknown, "—")),
        ];
        for (kpi, value, previous, (want_value, want_previous, trend, change)) in cases {
            let t = tile(&kpi_value(kpi, value, previous), s);
            assert_eq!(
                (t.value.as_str(), t.previous.as_str(), t.trend, t.change.as_str()),
                (want_value, want_previous, trend, change),
                "{kpi:?} {value:?} {previous:?}"
            );
        }
    }

    #[test]
    fn every_kpi_has_a_label_and_good_news_is_told_apart() {
        let s = &crate::i18n::EN;
        for kpi in Kpi::ALL {
            let t = tile(&kpi_value(kpi, None, None), s);
            assert_ne!(t.label, kpi.key(), "{kpi:?} has no label");
        }
        let cases = [
            (Kpi::FirstResponseCompliance, Trend::Up, Role::Notice),
            (Kpi::FirstResponseCompliance, Trend::Down, Role::Missed),
            (Kpi::Backlog, Trend::Up, Role::Missed),
            (Kpi::ChurnRate, Trend::Down, Role::Notice),
            (Kpi::AvgHandlingMinutes, Trend::Down, Role::Notice),
            (Kpi::SatisfactionAvg, Trend::Flat, Role::Muted),
            (Kpi::Backlog, Trend::Unknown, Role::Muted),
        ];
        for (kpi, trend, role) in cases {
            assert_eq!(change_role(kpi, trend), role, "{kpi:?} {trend:?}");
        }
    }
}
