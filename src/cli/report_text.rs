//! The monthly review for people: an aligned text table or Markdown, rates as percentages and
//! each change with an arrow (↑ up, ↓ down, → unchanged; an arrow says which way a figure
//! moved, not whether that is good — a rising backlog is bad).

use crate::domain::kpi::{Kpi, Unit};
use crate::domain::text::{fit, sanitize_line, width};
use crate::service::report::{GroupReport, KpiValue, MonthlyReport};
use std::fmt::Write;

/// The name of a KPI in human output.
pub fn label(kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::SatisfactionAvg => "Average satisfaction (1-5)",
        Kpi::SatisfiedShare => "Satisfied share (mean >= 4)",
        Kpi::ComplaintOnTimeRate => "Complaints resolved on time",
        Kpi::FirstResponseCompliance => "First response on time",
        Kpi::FirstContactResolutionRate => "First-contact resolution",
        Kpi::RequestResolutionRate => "Requests resolved",
        Kpi::CallbackOnTimeRate => "Callbacks on time",
        Kpi::AvgHandlingMinutes => "Average handling time (min)",
        Kpi::ChurnRate => "Churn rate",
        Kpi::Backlog => "Backlog (open tickets)",
    }
}

/// Short column headers of the breakdown table.
fn short_label(kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::SatisfactionAvg => "AVG SAT",
        Kpi::SatisfiedShare => "SAT>=4",
        Kpi::ComplaintOnTimeRate => "COMPL OT",
        Kpi::FirstResponseCompliance => "1ST RESP",
        Kpi::FirstContactResolutionRate => "FCR",
        Kpi::RequestResolutionRate => "REQ RES",
        Kpi::CallbackOnTimeRate => "CALLBACK",
        Kpi::AvgHandlingMinutes => "AHT MIN",
        Kpi::ChurnRate => "CHURN",
        Kpi::Backlog => "BACKLOG",
    }
}

/// The KPIs of a breakdown table: all but the churn rate, a customer figure that has no
/// value per ticket group.
fn breakdown_kpis() -> impl Iterator<Item = Kpi> {
    Kpi::ALL.into_iter().filter(|k| *k != Kpi::ChurnRate)
}

const NONE: &str = "—";

/// A value as people read it: 66.7%, 4.17, 95.5, 12; a dash when nothing was measured.
pub fn shown(kpi: Kpi, x: Option<f64>) -> String {
    let Some(x) = x else { return NONE.into() };
    match kpi.unit() {
        Unit::Rate => format!("{:.1}%", x * 100.0),
        Unit::Score => format!("{x:.2}"),
        Unit::Minutes => format!("{x:.1}"),
        Unit::Count => format!("{x:.0}"),
    }
}

/// A change with its arrow: ↑ 16.7 pts for a rate (percentage points), ↓ 0.50, → 0.
pub fn shown_change(kpi: Kpi, change: Option<f64>) -> String {
    let Some(change) = change else { return NONE.into() };
    let (magnitude, suffix) = match kpi.unit() {
        Unit::Rate => (format!("{:.1}", change.abs() * 100.0), " pts"),
        Unit::Score => (format!("{:.2}", change.abs()), ""),
        Unit::Minutes => (format!("{:.1}", change.abs()), ""),
        Unit::Count => (format!("{:.0}", change.abs()), ""),
    };
    // Decided on the shown digits, so a change too small to show reads as unchanged.
    if magnitude.chars().all(|c| c == '0' || c == '.') {
        return "→ 0".into();
    }
    let arrow = if change > 0.0 { '↑' } else { '↓' };
    format!("{arrow} {magnitude}{suffix}")
}

fn title(r: &MonthlyReport) -> String {
    let as_of = r.window.as_of.with_timezone(&r.timezone).format("%Y-%m-%d %H:%M");
    format!(
        "Monthly review {} (calendar months in {}; figures as of {as_of})",
        r.month,
        r.timezone.name()
    )
}

fn distribution(r: &MonthlyReport) -> String {
    let counts: Vec<String> = (1..=5)
        .zip(r.distribution)
        .map(|(score, n)| format!("{score}: {n}"))
        .collect();
    format!("Surveys by mean score  {}", counts.join("  "))
}

/// A breakdown row: the group's name and its values of [`breakdown_kpis`].
fn group_row(g: &GroupReport) -> Vec<String> {
    let name = if g.group.is_empty() {
        "(none)".to_string()
    } else {
        g.group.clone()
    };
    let values = breakdown_kpis().map(|k| shown(k, g.kpis.iter().find(|v| v.kpi == k).and_then(|v| v.value)));
    std::iter::once(name).chain(values).collect()
}

/// The rows of each KPI of the month: label, value, previous, change, measured.
fn kpi_rows(r: &MonthlyReport) -> impl Iterator<Item = Vec<String>> + '_ {
    r.kpis.iter().map(|v| {
        vec![
            label(v.kpi).into(),
            shown(v.kpi, v.value),
            shown(v.kpi, v.previous),
            shown_change(v.kpi, v.change),
            measured(v),
        ]
    })
}

/// The header of the KPI table.
fn kpi_header(r: &MonthlyReport, change: &str, measured: &str) -> Vec<String> {
    vec![
        "KPI".into(),
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
pub fn text(r: &MonthlyReport) -> String {
    let rows: Vec<Vec<String>> = std::iter::once(kpi_header(r, "CHANGE", "MEASURED"))
        .chain(kpi_rows(r))
        .collect();
    let mut out = format!("{}\n\n{}\n{}\n", title(r), aligned(&rows), distribution(r));
    if let Some(by) = r.by {
        let header = std::iter::once(by.key().to_uppercase()).chain(breakdown_kpis().map(|k| short_label(k).into()));
        let rows: Vec<Vec<String>> = std::iter::once(header.collect())
            .chain(r.breakdown.iter().map(group_row))
            .collect();
        let _ = write!(out, "\nBy {} ({})\n{}", by.key(), r.month, aligned(&rows));
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
pub fn markdown(r: &MonthlyReport) -> String {
    let mut out = format!("## {}\n\n", title(r));
    out.push_str(&md_row(&kpi_header(r, "Change", "Measured")));
    out.push_str("|---|---:|---:|---:|---:|\n");
    for row in kpi_rows(r) {
        out.push_str(&md_row(&row));
    }
    let _ = writeln!(out, "\n{}", distribution(r));
    if let Some(by) = r.by {
        let _ = write!(out, "\n### By {}\n\n", by.key());
        let header: Vec<String> = std::iter::once(by.key().to_string())
            .chain(breakdown_kpis().map(|k| label(k).to_string()))
            .collect();
        out.push_str(&md_row(&header));
        out.push_str(&format!("|---{}|\n", "|---:".repeat(header.len() - 1)));
        for g in &r.breakdown {
            out.push_str(&md_row(&group_row(g)));
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
            (Kpi::AvgHandlingMinutes, Some(95.25), "95.2"),
            (Kpi::Backlog, Some(12.0), "12"),
            (Kpi::ChurnRate, None, "—"),
        ];
        for (kpi, x, want) in values {
            assert_eq!(shown(kpi, x), want, "{kpi:?}");
        }
        // (kpi, change, shown)
        let changes = [
            (Kpi::SatisfiedShare, Some(1.0 / 6.0), "↑ 16.7 pts"),
            (Kpi::FirstResponseCompliance, Some(-0.05), "↓ 5.0 pts"),
            (Kpi::SatisfactionAvg, Some(-0.5), "↓ 0.50"),
            (Kpi::Backlog, Some(3.0), "↑ 3"),
            (Kpi::Backlog, Some(0.0), "→ 0"),
            (Kpi::SatisfiedShare, Some(0.00001), "→ 0"),
            (Kpi::ChurnRate, None, "—"),
        ];
        for (kpi, change, want) in changes {
            assert_eq!(shown_change(kpi, change), want, "{kpi:?} {change:?}");
        }
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b"), "a\\|b");
        assert!(!md_cell("x\u{1b}[31my").contains('\u{1b}'));
    }
}
