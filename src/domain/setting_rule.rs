//! A setting whose value has the right type but breaks a rule of its own
//! (`backup.keep = 0`, `sla.at_risk_share = 2.0`): a value naming the key,
//! the value and the rule, told in words at the edge. `Display` is English.

use std::fmt;

/// The rule a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// From `min` to `max`, both included.
    Between {
        min: String,
        max: String,
    },
    /// At least 0 and below 1.
    ShareBelowOne,
    /// Above 0 and below 1.
    ShareInside,
    ZeroOrMore,
    /// Would delete every backup (`backup.keep = 0`).
    KeepsNone,
    /// A relative folder would depend on where frontdesk starts.
    AbsolutePath,
    TimeZone,
    /// Not one of the ticket kinds (`[mail] default_kind`).
    TicketKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBreach {
    /// `section.key`.
    pub key: String,
    /// The value as TOML, cut short.
    pub value: String,
    pub rule: Rule,
}

impl RuleBreach {
    pub fn new(key: impl Into<String>, value: impl ToString, rule: Rule) -> RuleBreach {
        RuleBreach {
            key: key.into(),
            value: value.to_string(),
            rule,
        }
    }

    /// `key = value` must be from `min` to `max`.
    pub fn between(key: impl Into<String>, value: impl ToString, min: impl ToString, max: impl ToString) -> RuleBreach {
        let rule = Rule::Between {
            min: min.to_string(),
            max: max.to_string(),
        };
        RuleBreach::new(key, value, rule)
    }
}

impl fmt::Display for RuleBreach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, value) = (&self.key, &self.value);
        match &self.rule {
            Rule::Between { min, max } => write!(f, "{key} = {value} must be from {min} to {max}"),
            Rule::ShareBelowOne => write!(f, "{key} = {value} must be at least 0 and below 1"),
            Rule::ShareInside => write!(f, "{key} = {value} must be above 0 and below 1"),
            Rule::ZeroOrMore => write!(f, "{key} = {value} must be 0 or more"),
            Rule::KeepsNone => write!(f, "{key} = {value} would delete every backup; use at least 1"),
            Rule::AbsolutePath => write!(
                f,
                "{key} = {value} is not an absolute path (a relative one would depend on the folder \
                 frontdesk starts in, and ~ is not expanded)"
            ),
            Rule::TimeZone => write!(f, "{key} = {value} is not a time zone like Asia/Shanghai"),
            Rule::TicketKind => write!(
                f,
                "{key} = {value} is not a ticket kind (inquiry, complaint, request, repair, after-sales, other)"
            ),
        }
    }
}
