//! SLA policies and routing rules: ordered lists where the first match wins.

use super::enums::{Channel, Priority, TicketKind, Tier};
use serde::Serialize;

/// One target of a policy: minutes, counted 24×7 or in a named calendar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSpec {
    pub minutes: i64,
    /// `None` = 24×7.
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlaPolicy {
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub kind: Option<TicketKind>,
    pub priority: Option<Priority>,
    pub channel: Option<Channel>,
    pub tier: Option<Tier>,
    pub first_response: Option<TargetSpec>,
    pub resolution: Option<TargetSpec>,
    pub callback: Option<TargetSpec>,
}

impl SlaPolicy {
    /// A condition left empty matches anything.
    pub fn matches(&self, kind: TicketKind, priority: Priority, channel: Channel, tier: Tier) -> bool {
        self.kind.is_none_or(|k| k == kind)
            && self.priority.is_none_or(|p| p == priority)
            && self.channel.is_none_or(|c| c == channel)
            && self.tier.is_none_or(|t| t == tier)
    }
}

/// The first policy (in order) that matches.
pub fn first_policy(
    policies: &[SlaPolicy],
    kind: TicketKind,
    priority: Priority,
    channel: Channel,
    tier: Tier,
) -> Option<&SlaPolicy> {
    policies.iter().find(|p| p.matches(kind, priority, channel, tier))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutingRule {
    pub id: i64,
    pub position: i64,
    pub kind: Option<TicketKind>,
    pub category: Option<String>,
    pub channel: Option<Channel>,
    /// Matches when the subject contains it, ignoring case.
    pub keyword: Option<String>,
    pub department: String,
    pub assignee: Option<String>,
}

impl RoutingRule {
    pub fn matches(&self, kind: TicketKind, category: &str, channel: Channel, subject: &str) -> bool {
        self.kind.is_none_or(|k| k == kind)
            && self
                .category
                .as_deref()
                .is_none_or(|c| c.eq_ignore_ascii_case(category))
            && self.channel.is_none_or(|c| c == channel)
            && self
                .keyword
                .as_deref()
                .is_none_or(|k| subject.to_lowercase().contains(&k.to_lowercase()))
    }
}

pub fn first_rule<'a>(
    rules: &'a [RoutingRule],
    kind: TicketKind,
    category: &str,
    channel: Channel,
    subject: &str,
) -> Option<&'a RoutingRule> {
    rules.iter().find(|r| r.matches(kind, category, channel, subject))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(kind: Option<TicketKind>, category: Option<&str>, keyword: Option<&str>, department: &str) -> RoutingRule {
        RoutingRule {
            id: 0,
            position: 0,
            kind,
            category: category.map(Into::into),
            channel: None,
            keyword: keyword.map(Into::into),
            department: department.into(),
            assignee: None,
        }
    }

    #[test]
    fn routing_first_match_wins() {
        let rules = vec![
            rule(Some(TicketKind::Complaint), Some("product-quality"), None, "product"),
            rule(Some(TicketKind::Complaint), Some("service-attitude"), None, "service"),
            rule(None, None, Some("发票"), "finance"),
            rule(None, None, None, "front"),
        ];
        let cases = [
            (TicketKind::Complaint, "product-quality", "屏幕碎了", "product"),
            (TicketKind::Complaint, "Service-Attitude", "rude", "service"),
            (TicketKind::Inquiry, "", "需要开发票", "finance"),
            (TicketKind::Complaint, "delivery", "late", "front"),
        ];
        for (kind, category, subject, want) in cases {
            let got = first_rule(&rules, kind, category, Channel::Phone, subject).map(|r| r.department.as_str());
            assert_eq!(got, Some(want), "{kind} {category} {subject}");
        }
    }

    #[test]
    fn policy_conditions() {
        let policy = SlaPolicy {
            id: 1,
            position: 1,
            name: "urgent phone".into(),
            kind: None,
            priority: Some(Priority::Urgent),
            channel: Some(Channel::Phone),
            tier: None,
            first_response: None,
            resolution: None,
            callback: None,
        };
        let cases = [
            (Priority::Urgent, Channel::Phone, true),
            (Priority::High, Channel::Phone, false),
            (Priority::Urgent, Channel::Email, false),
        ];
        for (priority, channel, want) in cases {
            assert_eq!(
                policy.matches(TicketKind::Repair, priority, channel, Tier::Standard),
                want
            );
        }
    }
}

/// A calendar as it is stored and shown: the `--hours` specs as typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarSpec {
    pub name: String,
    pub tz: String,
    pub hours: Vec<String>,
    pub holidays: Vec<chrono::NaiveDate>,
    pub workdays: Vec<chrono::NaiveDate>,
}

impl CalendarSpec {
    /// Validates the spec into a calendar the SLA math can use.
    pub fn build(&self) -> Result<super::calendar::Calendar, super::error::Invalid> {
        use super::calendar::Calendar;
        let mut calendar = Calendar::new(self.name.clone(), Calendar::parse_tz(&self.tz)?);
        for spec in &self.hours {
            calendar.add_hours(spec)?;
        }
        calendar.holidays.extend(self.holidays.iter().copied());
        calendar.workdays.extend(self.workdays.iter().copied());
        Ok(calendar)
    }
}
