//! Contact cadence (the documents' examples): a high-value customer is due
//! for contact every `high_value_days` [30], a potential one every
//! `potential_days` [90], an at-risk one every `at_risk_days` [7]; 0 means no
//! cadence (standard customers by default). The interval counts from the last
//! outbound contact (a logged `out` interaction, a ticket reply or callback),
//! or from when the customer was added if there was none, so any outbound
//! contact moves the next due date by itself.
//!
//! Reminders fall in one of four windows relative to `now`: *overdue* (due
//! before today), *today* (any time today in the display zone, the hours
//! already past included: the day's work is one list), *upcoming* (after
//! today, within `upcoming_days` [7] of now) and *later*.

use super::enums::Tier;
use super::error::Invalid;
use super::segment_rules::days;
use crate::domain::setting_rule::RuleBreach;
use chrono::{DateTime, Days, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// `[cadence]` of the config, in days.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CadenceRules {
    pub high_value_days: i64,
    pub potential_days: i64,
    pub at_risk_days: i64,
    pub standard_days: i64,
    pub upcoming_days: i64,
    /// Birthday reminders (see `domain::occasions`).
    pub birthdays: bool,
    /// Customer-anniversary reminders.
    pub anniversaries: bool,
    /// Hours after a low survey its follow-up is due.
    pub survey_follow_up_hours: i64,
}

impl CadenceRules {
    /// Days between contacts for a tier; `None` when it has no cadence.
    pub fn interval_days(&self, tier: Tier) -> Option<i64> {
        let n = match tier {
            Tier::HighValue => self.high_value_days,
            Tier::Potential => self.potential_days,
            Tier::AtRisk => self.at_risk_days,
            Tier::Standard => self.standard_days,
        };
        (n > 0).then_some(n)
    }

    /// The tiers that have a cadence.
    pub fn tiers(&self) -> Vec<Tier> {
        Tier::ALL
            .iter()
            .copied()
            .filter(|t| self.interval_days(*t).is_some())
            .collect()
    }

    pub fn check(&self) -> Result<(), RuleBreach> {
        for (key, value) in [
            ("high_value_days", self.high_value_days),
            ("potential_days", self.potential_days),
            ("at_risk_days", self.at_risk_days),
            ("standard_days", self.standard_days),
            ("upcoming_days", self.upcoming_days),
            ("survey_follow_up_hours", self.survey_follow_up_hours),
        ] {
            if !(0..=3650).contains(&value) {
                return Err(RuleBreach::between(format!("cadence.{key}"), value, 0, 3650));
            }
        }
        Ok(())
    }
}

/// When a customer of `tier` is next due for contact.
pub fn next_contact_due(
    rules: &CadenceRules,
    tier: Tier,
    last_outbound: Option<DateTime<Utc>>,
    added_at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let interval = rules.interval_days(tier)?;
    last_outbound.unwrap_or(added_at).checked_add_signed(days(interval))
}

/// Which window a due time falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    Overdue,
    Today,
    Upcoming,
    Later,
}

impl Due {
    pub fn key(self) -> &'static str {
        match self {
            Due::Overdue => "overdue",
            Due::Today => "today",
            Due::Upcoming => "upcoming",
            Due::Later => "later",
        }
    }
}

/// The windows `reminder list --when` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Overdue,
    Today,
    Upcoming,
    All,
}

impl When {
    pub fn includes(self, due: Due) -> bool {
        match self {
            When::Overdue => due == Due::Overdue,
            When::Today => due == Due::Today,
            When::Upcoming => due == Due::Upcoming,
            When::All => true,
        }
    }
}

impl std::str::FromStr for When {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        match s.trim().to_ascii_lowercase().as_str() {
            "overdue" => Ok(When::Overdue),
            "today" => Ok(When::Today),
            "upcoming" => Ok(When::Upcoming),
            "all" => Ok(When::All),
            _ => Err(Invalid::new(
                "when",
                s,
                crate::domain::error::Reason::NotOneOf {
                    allowed: ["overdue", "today", "upcoming", "all"].map(String::from).to_vec(),
                },
            )),
        }
    }
}

/// The window of `due` seen at `now` by an agent whose days are those of
/// `zone` (the display zone: "today" is the agent's day).
pub fn due_window(due: DateTime<Utc>, now: DateTime<Utc>, zone: Tz, upcoming_days: i64) -> Due {
    DueWindows::at(now, zone, upcoming_days).of(due)
}

/// The bounds of the windows seen at one `now`, worked out once for a whole
/// list: today's start and end are time-zone lookups, and doing them again
/// for each of 60k contacts due was a seventh of `reminder list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueWindows {
    today_start: DateTime<Utc>,
    today_end: DateTime<Utc>,
    upcoming_end: DateTime<Utc>,
}

impl DueWindows {
    pub fn at(now: DateTime<Utc>, zone: Tz, upcoming_days: i64) -> DueWindows {
        let (today_start, today_end) = today_bounds(now, zone);
        DueWindows {
            today_start,
            today_end,
            upcoming_end: now.checked_add_signed(days(upcoming_days)).unwrap_or(now),
        }
    }

    /// Which window `due` falls in.
    pub fn of(&self, due: DateTime<Utc>) -> Due {
        if due < self.today_start {
            Due::Overdue
        } else if due < self.today_end {
            Due::Today
        } else if due < self.upcoming_end {
            Due::Upcoming
        } else {
            Due::Later
        }
    }

    /// The first instant of today.
    pub fn today_start(&self) -> DateTime<Utc> {
        self.today_start
    }
}

/// The first instant of today and of tomorrow in `zone`, seen at `now`:
/// the day a store query asks for (due times are stored as instants).
pub fn today_bounds(now: DateTime<Utc>, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let today = now.with_timezone(&zone).date_naive();
    let start = midnight(today, zone).unwrap_or(now - days(1));
    let end = today
        .checked_add_days(Days::new(1))
        .and_then(|d| midnight(d, zone))
        .unwrap_or(now + days(1));
    (start, end)
}

/// The first instant of `day` in `zone`.
fn midnight(day: chrono::NaiveDate, zone: Tz) -> Option<DateTime<Utc>> {
    // A zone that skips midnight on a DST change starts its day at the first
    // instant after it; `earliest` and the one-hour retry cover both cases.
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| {
            zone.from_local_datetime(&t)
                .earliest()
                .or_else(|| zone.from_local_datetime(&(t + chrono::TimeDelta::hours(1))).earliest())
        })
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::parse_instant;

    fn at(s: &str) -> DateTime<Utc> {
        parse_instant("at", s).unwrap()
    }

    fn rules() -> CadenceRules {
        CadenceRules {
            high_value_days: 30,
            potential_days: 90,
            at_risk_days: 7,
            standard_days: 0,
            upcoming_days: 7,
            birthdays: true,
            anniversaries: true,
            survey_follow_up_hours: 24,
        }
    }

    #[test]
    fn next_contact_by_tier() {
        let added = at("2026-01-01T00:00:00Z");
        let cases = [
            (
                Tier::HighValue,
                Some("2026-03-01T08:00:00Z"),
                Some("2026-03-31T08:00:00Z"),
            ),
            (Tier::HighValue, None, Some("2026-01-31T00:00:00Z")),
            (
                Tier::Potential,
                Some("2026-03-01T08:00:00Z"),
                Some("2026-05-30T08:00:00Z"),
            ),
            (Tier::AtRisk, Some("2026-03-01T08:00:00Z"), Some("2026-03-08T08:00:00Z")),
            (Tier::AtRisk, None, Some("2026-01-08T00:00:00Z")),
            (Tier::Standard, Some("2026-03-01T08:00:00Z"), None),
            (Tier::Standard, None, None),
        ];
        for (tier, last, want) in cases {
            let got = next_contact_due(&rules(), tier, last.map(at), added);
            assert_eq!(got, want.map(at), "{tier} {last:?}");
        }
        let mut weekly_standard = rules();
        weekly_standard.standard_days = 14;
        assert_eq!(
            next_contact_due(&weekly_standard, Tier::Standard, None, added),
            Some(at("2026-01-15T00:00:00Z"))
        );
        assert_eq!(rules().tiers(), vec![Tier::HighValue, Tier::Potential, Tier::AtRisk]);
    }

    #[test]
    fn windows_in_the_agents_zone() {
        let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
        // 10:00 in Shanghai; the local day runs 16:00 UTC the day before to 16:00 UTC.
        let now = at("2026-06-01T02:00:00Z");
        let cases = [
            ("2026-05-31T02:00:00Z", Due::Overdue),
            ("2026-05-31T15:59:59Z", Due::Overdue),
            // Earlier today (00:00 and 09:59 local) is today's work, not overdue.
            ("2026-05-31T16:00:00Z", Due::Today),
            ("2026-06-01T01:59:59Z", Due::Today),
            ("2026-06-01T02:00:00Z", Due::Today),
            ("2026-06-01T15:59:59Z", Due::Today),
            ("2026-06-01T16:00:00Z", Due::Upcoming),
            ("2026-06-08T01:59:59Z", Due::Upcoming),
            ("2026-06-08T02:00:00Z", Due::Later),
        ];
        for (due, want) in cases {
            assert_eq!(due_window(at(due), now, shanghai, 7), want, "{due}");
        }
        // The same instant is late evening in UTC: the day ends sooner there.
        assert_eq!(due_window(at("2026-06-01T16:00:00Z"), now, Tz::UTC, 7), Due::Today);
        assert_eq!(due_window(at("2026-06-02T00:00:00Z"), now, Tz::UTC, 7), Due::Upcoming);
        // ... and began later: 23:00 UTC the day before is overdue there.
        assert_eq!(due_window(at("2026-05-31T23:00:00Z"), now, Tz::UTC, 7), Due::Overdue);
    }

    #[test]
    fn when_filters() {
        let cases = [
            ("overdue", Due::Overdue, true),
            ("overdue", Due::Today, false),
            ("today", Due::Today, true),
            ("today", Due::Overdue, false),
            ("upcoming", Due::Upcoming, true),
            ("upcoming", Due::Later, false),
            ("ALL", Due::Later, true),
            ("all", Due::Overdue, true),
        ];
        for (when, due, want) in cases {
            assert_eq!(when.parse::<When>().unwrap().includes(due), want, "{when} {due:?}");
        }
        assert_eq!("soon".parse::<When>().unwrap_err().field, "when");
    }
}
