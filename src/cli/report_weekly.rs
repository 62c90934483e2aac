//! `report --weekly [--weeks N] [--month YYYY-MM] [--format text|json|csv|md]`: the weekly
//! series behind the dashboard's charts — tickets opened and resolved, and first responses on
//! time, per week (Monday 00:00 in `sla.timezone`) up to the month's cutoff.

use crate::domain::text::{fit, width};
use crate::domain::time::rfc3339;
use crate::i18n::Strings;
use crate::service::report::WeekPoint;
use chrono::DateTime;
use chrono_tz::Tz;
use serde_json::{Value, json};

/// Weeks shown unless `--weeks` says otherwise: the dashboard's eight.
pub const DEFAULT_WEEKS: usize = crate::service::dashboard::WEEKS;
/// More weeks than two years is not a weekly view any more.
pub const MAX_WEEKS: usize = 104;

fn start_date(p: &WeekPoint, tz: Tz) -> String {
    p.start.with_timezone(&tz).date_naive().to_string()
}

fn rate(p: &WeekPoint) -> Option<f64> {
    p.first_response.rate().map(|r| (r * 10_000.0).round() / 10_000.0)
}

fn percent(p: &WeekPoint) -> String {
    match p.first_response.rate() {
        Some(r) => format!(
            "{:.1}% ({}/{})",
            r * 100.0,
            p.first_response.hits,
            p.first_response.total
        ),
        None => "—".to_string(),
    }
}

pub fn json(weeks: &[WeekPoint], tz: Tz, as_of: DateTime<chrono::Utc>) -> Value {
    let rows: Vec<Value> = weeks
        .iter()
        .map(|p| {
            json!({
                "week_start": rfc3339(p.start),
                "opened": p.opened,
                "resolved": p.resolved,
                "first_response_met": p.first_response.hits,
                "first_response_measured": p.first_response.total,
                "first_response_rate": rate(p),
            })
        })
        .collect();
    json!({ "timezone": tz.name(), "as_of": rfc3339(as_of), "weeks": rows })
}

pub fn csv(weeks: &[WeekPoint], tz: Tz) -> String {
    let mut out =
        String::from("week_start,opened,resolved,first_response_met,first_response_measured,first_response_rate\n");
    for p in weeks {
        let rate = rate(p).map(|r| r.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{rate}\n",
            start_date(p, tz),
            p.opened,
            p.resolved,
            p.first_response.hits,
            p.first_response.total
        ));
    }
    out
}

/// `text` right-aligned in `cols` display columns (a Chinese character takes two).
fn right(text: &str, cols: usize) -> String {
    format!("{}{text}", " ".repeat(cols.saturating_sub(width(text))))
}

pub fn text(weeks: &[WeekPoint], tz: Tz, s: &Strings) -> String {
    let w = s.report;
    let mut out = format!(
        "{} {} {}  {}\n",
        fit(w.week_of, 12),
        right(w.week_opened, 7),
        right(w.week_resolved, 9),
        w.week_first_response
    );
    for p in weeks {
        out.push_str(&format!(
            "{:<12} {:>7} {:>9}  {}\n",
            start_date(p, tz),
            p.opened,
            p.resolved,
            percent(p)
        ));
    }
    out
}

pub fn markdown(weeks: &[WeekPoint], tz: Tz, s: &Strings) -> String {
    let w = s.report;
    let mut out = format!(
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|\n",
        w.week_of, w.week_opened, w.week_resolved, w.week_first_response
    );
    for p in weeks {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            start_date(p, tz),
            p.opened,
            p.resolved,
            percent(p)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::Ratio;

    fn week(day: &str, opened: u64, resolved: u64, hits: u64, total: u64) -> WeekPoint {
        WeekPoint {
            // Monday 00:00 in Shanghai is Sunday 16:00 UTC.
            start: format!("{day}T16:00:00Z").parse().unwrap(),
            opened,
            resolved,
            first_response: Ratio { hits, total },
        }
    }

    #[test]
    fn every_format_shows_the_weeks_in_the_report_zone() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        let weeks = [week("2026-09-27", 3, 1, 2, 3), week("2026-10-04", 0, 0, 0, 0)];
        assert_eq!(
            csv(&weeks, tz),
            "week_start,opened,resolved,first_response_met,first_response_measured,first_response_rate\n\
             2026-09-28,3,1,2,3,0.6667\n\
             2026-10-05,0,0,0,0,\n"
        );
        let en = crate::i18n::Lang::En.strings();
        let text = text(&weeks, tz, en);
        assert!(
            text.starts_with("week of       opened  resolved  first responses on time\n"),
            "{text}"
        );
        assert!(text.contains("2026-09-28         3         1  66.7% (2/3)"), "{text}");
        assert!(text.contains("2026-10-05         0         0  —"), "{text}");
        assert!(markdown(&weeks, tz, en).contains("| 2026-09-28 | 3 | 1 | 66.7% (2/3) |"));
        let as_of = "2026-10-05T09:30:00Z".parse().unwrap();
        let json = json(&weeks, tz, as_of);
        assert_eq!(json["weeks"][0]["week_start"], "2026-09-27T16:00:00Z");
        assert_eq!(json["weeks"][0]["first_response_rate"], 0.6667);
        assert_eq!(json["weeks"][1]["first_response_rate"], Value::Null);
        assert_eq!(json["timezone"], "Asia/Shanghai");
    }

    /// The Chinese header lines up with the rows by display width.
    #[test]
    fn the_chinese_header_is_aligned_by_display_width() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        let zh = crate::i18n::Lang::ZhCn.strings();
        let text = text(&[week("2026-09-27", 3, 1, 2, 3)], tz, zh);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "周起始日        新建    已解决  首次响应及时率");
        assert_eq!(lines[1], "2026-09-28         3         1  66.7% (2/3)");
        assert_eq!(
            width(lines[0].split("  首次").next().unwrap()),
            width("2026-09-28         3         1")
        );
    }
}
