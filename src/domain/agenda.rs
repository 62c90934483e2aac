//! The agenda: reminders as an agent works through them — today's first,
//! then what comes next, then the backlog of what was missed (shown by its
//! count until asked for: a long backlog must not push today off the
//! screen). And the two filters of the list: by reason and by owner.

use super::cadence::Due;
use super::enums::ReminderReason;
use super::error::Invalid;
use super::reason::Reason;
use serde::Serialize;

/// A section of the agenda, in the order it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Today,
    /// After today, soonest first (the "later" window too).
    Upcoming,
    /// Due before today and not done.
    Overdue,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Today, Section::Upcoming, Section::Overdue];

    pub fn of(due: Due) -> Section {
        match due {
            Due::Overdue => Section::Overdue,
            Due::Today => Section::Today,
            Due::Upcoming | Due::Later => Section::Upcoming,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Section::Today => "today",
            Section::Upcoming => "upcoming",
            Section::Overdue => "overdue",
        }
    }
}

/// Whose reminders: a stored one is its creator's, a callback its ticket's
/// assignee's, the others (cadence, birthday, anniversary, survey) the
/// customer's owner's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Owner {
    #[default]
    All,
    /// The acting agent.
    Mine,
    Agent(String),
}

impl Owner {
    /// The agent's name to match, `None` for everyone's.
    pub fn name<'a>(&'a self, me: &'a str) -> Option<&'a str> {
        match self {
            Owner::All => None,
            Owner::Mine => Some(me),
            Owner::Agent(name) => Some(name),
        }
    }
}

impl std::str::FromStr for Owner {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let text = s.trim();
        match text.to_lowercase().as_str() {
            "" => Err(Invalid::new("owner", s, Reason::Required)),
            "all" => Ok(Owner::All),
            "mine" | "me" => Ok(Owner::Mine),
            _ => Ok(Owner::Agent(text.to_string())),
        }
    }
}

/// What the agenda lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// One reason only; `None` for all.
    pub reason: Option<ReminderReason>,
    pub owner: Owner,
}

impl Filter {
    /// The next reason in the `f` cycle: all, then each reason in turn, then all again.
    pub fn next_reason(reason: Option<ReminderReason>) -> Option<ReminderReason> {
        let all = ReminderReason::ALL;
        match reason {
            None => all.first().copied(),
            Some(r) => all.iter().position(|x| *x == r).and_then(|i| all.get(i + 1)).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_fall_in_sections_in_the_agenda_order() {
        let cases = [
            (Due::Today, Section::Today),
            (Due::Upcoming, Section::Upcoming),
            (Due::Later, Section::Upcoming),
            (Due::Overdue, Section::Overdue),
        ];
        for (due, want) in cases {
            assert_eq!(Section::of(due), want, "{due:?}");
        }
        assert!(Section::Today < Section::Upcoming && Section::Upcoming < Section::Overdue);
    }

    #[test]
    fn owners_as_typed() {
        let cases = [
            ("all", Some(Owner::All)),
            ("ALL", Some(Owner::All)),
            ("mine", Some(Owner::Mine)),
            (" me ", Some(Owner::Mine)),
            ("王芳", Some(Owner::Agent("王芳".into()))),
            (" li ", Some(Owner::Agent("li".into()))),
            ("", None),
            ("  ", None),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Owner>().ok(), want, "{text:?}");
        }
        assert_eq!("".parse::<Owner>().unwrap_err().field, "owner");
        assert_eq!(Owner::Mine.name("zhang"), Some("zhang"));
        assert_eq!(Owner::Agent("li".into()).name("zhang"), Some("li"));
        assert_eq!(Owner::All.name("zhang"), None);
    }

    #[test]
    fn the_reason_cycle_goes_through_every_reason_and_back_to_all() {
        let mut seen = Vec::new();
        let mut reason = Filter::next_reason(None);
        while let Some(r) = reason {
            seen.push(r);
            reason = Filter::next_reason(Some(r));
        }
        assert_eq!(seen, ReminderReason::ALL);
    }
}
