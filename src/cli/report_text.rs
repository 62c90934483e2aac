//! The monthly review for people: an aligned text table or Markdown, rates as percentages and
//! each change with an arrow (↑ up, ↓ down, → unchanged; an arrow says which way a figure
//! moved, not whether that is good — a rising backlog is bad).

use crate::domain::enums::{Channel, TicketKind};
use crate::domain::kpi::{Breakdown, Kpi, Unit};
use crate::domain::text::{fit, sanitize_line, width};
use crate::i18n::{Strings, fill};
use crate::service::report::{GroupReport, KpiValue, MonthlyReport};
use std::fmt::Write;

/// The KPIs of a breakdown table: all but the churn rate, a customer figure that has no
/// value per ticket group.
fn breakdown_kpis() -> impl Iterator<Item = Kpi> {
    Kpi::ALL.into_iter().filter(|k| *k != Kpi::ChurnRate)
}

const NONE: &str = "—";

/// A value as people read it: 66.7%, 4.17, 1h 35m, 12; a dash when nothing was measured.
pub fn shown(kpi: Kpi, x: Option<f64>, s: &Strings) -> String {
    let Some(x) = x else { return NONE.into() };
    match kpi.unit() {
        Unit::Rate => format!("{:.1}%", x * 100.0),
        Unit::Score => format!("{x:.2}"),
        Unit::Minutes => s.columns.duration(x),
        Unit::Count => format!("{x:.0}"),
    }
}

/// A change with its arrow: ↑ 16.7 pts for a rate (percentage points), ↓ 0.50, ↑ 2h 05m,
/// → 0.
pub fn shown_change(kpi: Kpi, change: Option<f64>, s: &Strings) -> String {
    let Some(change) = change else { return NONE.into() };
    let magnitude = match kpi.unit() {
        Unit::Rate => format!("{:.1}", change.abs() * 100.0),
        Unit::Score => format!("{:.2}", change.abs()),
        Unit::Minutes => format!("{:.0}", change.abs()),
        Unit::Count => format!("{:.0}", change.abs()),
    };
    // Decided on the shown digits, so a change too small to show reads as unchanged.
    if magnitude.chars().all(|c| c == '0' || c == '.') {
        return "→ 0".into();
    }
    let arrow = if change > 0.0 { '↑' } else { '↓' };
    let magnitude = match kpi.unit() {
        Unit::Rate => fill(s.report.points, &[("change", &magnitude)]),
        Unit::Minutes => s.columns.duration(change),
        _ => magnitude,
    };
    format!("{arrow} {magnitude}")
}

fn title(r: &MonthlyReport, s: &Strings) -> String {
    let as_of = r
        .window
        .as_of
        .with_timezone(&r.timezone)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let month = r.month.to_string();
    fill(
        s.report.title,
        &[("month", &month), ("timezone", r.timezone.name()), ("as_of", &as_of)],
    )
}

fn distribution(r: &MonthlyReport, s: &Strings) -> String {
    let counts: Vec<String> = (1..=5)
        .zip(r.distribution)
        .map(|(score, n)| {
            let (score, n) = (score.to_string(), n.to_string());
            fill(s.report.distribution_item, &[("score", &score), ("count", &n)])
        })
        .collect();
    let counts = counts.join(s.report.distribution_gap);
    fill(s.report.distribution, &[("counts", &counts)])
}

/// A group's name as people read it: a kind or channel by its label, a
/// name (agent, department) as stored, the unnamed group in words.
fn group_name(by: Option<Breakdown>, group: &str, s: &Strings) -> String {
    if group.is_empty() {
        return s.report.no_group.into();
    }
    let label = match by {
        Some(Breakdown::Kind) => TicketKind::ALL.iter().find(|k| k.key() == group).map(|k| s.kind(*k)),
        Some(Breakdown::Channel) => Channel::ALL.iter().find(|c| c.key() == group).map(|c| s.channel(*c)),
        _ => None,
    };
    label.map_or_else(|| group.to_string(), str::to_string)
}

/// A breakdown row: the group's name and its values of [`breakdown_kpis`].
fn group_row(by: Option<Breakdown>, g: &GroupReport, s: &Strings) -> Vec<String> {
    let name = group_name(by, &g.group, s);
    let values = breakdown_kpis().map(|k| shown(k, g.kpis.iter().find(|v| v.kpi == k).and_then(|v| v.value), s));
    std::iter::once(name).chain(values).collect()
}

/// The rows of each KPI of the month: label, value, previous, change, measured.
fn kpi_rows<'a>(r: &'a MonthlyReport, s: &'a Strings) -> impl Iterator<Item = Vec<String>> + 'a {
    r.kpis.iter().map(move |v| {
        vec![
            s.report.kpis.of(v.kpi).into(),
            shown(v.kpi, v.value, s),
            shown(v.kpi, v.previous, s),
            shown_change(v.kpi, v.change, s),
            measured(v),
        ]
    })
}

/// The header of the KPI table.
fn kpi_header(r: &MonthlyReport, s: &Strings, change: &str, measured: &str) -> Vec<String> {
    vec![
        s.report.col_kpi.into(),
        r.month.to_string(),
        r.previous.month.to_string(),
        change.into(),
        measured.into(),
    ]
}

fn measured(v: &KpiValue) -> String {
    v.measured.map(|n| n.to_string()).unwrap_or_default()
}

/// Lays out rows (the first is the header) in columns as wide as their widest cell.
fn aligned(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| sanitize_line(c).into_owned()).collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| fit(c, *w)).collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}

/// The aligned text report.
pub fn text(r: &MonthlyReport, s: &Strings) -> String {
    let words = s.report;
    let rows: Vec<Vec<String>> = std::iter::once(kpi_header(r, s, words.col_change, words.col_measured))
        .chain(kpi_rows(r, s))
        .collect();
    let mut out = format!("{}\n\n{}\n{}\n", title(r, s), aligned(&rows), distribution(r, s));
    if let Some(by) = r.by {
        let name = words.breakdowns.of(by);
        let first = words.breakdown_headers.of(by).to_string();
        let header = std::iter::once(first).chain(breakdown_kpis().map(|k| words.kpis_short.of(k).into()));
        let rows: Vec<Vec<String>> = std::iter::once(header.collect())
            .chain(r.breakdown.iter().map(|g| group_row(r.by, g, s)))
            .collect();
        let month = r.month.to_string();
        let heading = fill(words.by_title, &[("by", name), ("month", &month)]);
        let _ = write!(out, "\n{heading}\n{}", aligned(&rows));
    }
    out
}

/// A Markdown table cell: one line, pipes escaped.
fn md_cell(s: &str) -> String {
    sanitize_line(s).replace('|', "\\|")
}

fn md_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// The report as Markdown tables.
pub fn markdown(r: &MonthlyReport, s: &Strings) -> String {
    let words = s.report;
    let mut out = format!("## {}\n\n", title(r, s));
    out.push_str(&md_row(&kpi_header(r, s, words.md_change, words.md_measured)));
    out.push_str("|---|---:|---:|---:|---:|\n");
    for row in kpi_rows(r, s) {
        out.push_str(&md_row(&row));
    }
    let _ = writeln!(out, "\n{}", distribution(r, s));
    if let Some(by) = r.by {
        let name = words.breakdowns.of(by);
        let heading = fill(words.md_by_title, &[("by", name)]);
        let _ = write!(out, "\n### {heading}\n\n");
        let header: Vec<String> = std::iter::once(name.to_string())
            .chain(breakdown_kpis().map(|k| words.kpis.of(k).to_string()))
            .collect();
        out.push_str(&md_row(&header));
        out.push_str(&format!("|---{}|\n", "|---:".repeat(header.len() - 1)));
        for g in &r.breakdown {
            out.push_str(&md_row(&group_row(r.by, g, s)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_changes_for_people() {
        // (kpi, value, shown)
        let values = [
            (Kpi::SatisfiedShare, Some(2.0 / 3.0), "66.7%"),
            (Kpi::SatisfactionAvg, Some(13.0 / 3.0), "4.33"),
            (Kpi::AvgHandlingMinutes, Some(95.25), "1h 35m"),
            (Kpi::AvgHandlingMinutes, Some(3600.0), "2d 12h"),
            (Kpi::Backlog, Some(12.0), "12"),
            (Kpi::ChurnRate, None, "—"),
        ];
        for (kpi, x, want) in values {
            assert_eq!(shown(kpi, x, &crate::i18n::EN), want, "{kpi:?}");
        }
        // (kpi, change, shown)
        let changes = [
            (Kpi::SatisfiedShare, Some(1.0 / 6.0), "↑ 16.7 pts"),
            (Kpi::FirstResponseCompliance, Some(-0.05), "↓ 5.0 pts"),
            (Kpi::SatisfactionAvg, Some(-0.5), "↓ 0.50"),
            (Kpi::Backlog, Some(3.0), "↑ 3"),
            (Kpi::AvgHandlingMinutes, Some(-125.4), "↓ 2h 05m"),
            (Kpi::AvgHandlingMinutes, Some(0.4), "→ 0"),
            (Kpi::Backlog, Some(0.0), "→ 0"),
            (Kpi::SatisfiedShare, Some(0.00001), "→ 0"),
            (Kpi::ChurnRate, None, "—"),
        ];
        for (kpi, change, want) in changes {
            assert_eq!(shown_change(kpi, change, &crate::i18n::EN), want, "{kpi:?} {change:?}");
        }
    }

    #[test]
    fn a_rate_change_speaks_each_language() {
        let zh = crate::i18n::Lang::ZhCn.strings();
        assert_eq!(shown_change(Kpi::SatisfiedShare, Some(1.0 / 6.0), zh), "↑ 16.7个百分点");
        assert_eq!(shown_change(Kpi::Backlog, Some(-2.0), zh), "↓ 2");
        // A kind by its label in the language, not its stored key.
        let complaint = zh.kind(TicketKind::Complaint);
        assert_eq!(group_name(Some(Breakdown::Kind), "complaint", zh), complaint);
        assert_eq!(group_name(Some(Breakdown::Channel), "sms", &crate::i18n::EN), "SMS");
        assert_eq!(group_name(Some(Breakdown::Agent), "", zh), "（无）");
        assert_eq!(group_name(Some(Breakdown::Agent), "李雷", zh), "李雷");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b"), "a\\|b");
        assert!(!md_cell("x\u{1b}[31my").contains('\u{1b}'));
    }
}
