//! The words of an urgency part for a person (`detail` in the JSON, the
//! summary line), kept as the figures they are made from and written out
//! only when shown: the queue holds the parts of every active ticket, and a
//! string per part was a megabyte of the TUI's memory on a large file.

use crate::domain::enums::{Priority, Tier};
use crate::domain::sla::SlaClock;
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// "resolution 2h 05m overdue"
    Overdue {
        clock: SlaClock,
        minutes: i64,
    },
    /// "overdue more than 24h: after current work"
    LongOverdue,
    /// "first response 45m left"
    Left {
        clock: SlaClock,
        minutes: i64,
    },
    /// "62% of target used"
    TargetUsed {
        percent: i64,
    },
    /// "no SLA clock running (paused or done)"
    NoClock,
    /// "priority urgent"
    Priority(Priority),
    /// "tier high-value"
    Tier(Tier),
    Complaint,
    CallbackDue,
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Overdue { clock, minutes } => write!(f, "{} {} overdue", label(*clock), Minutes(*minutes)),
            Detail::LongOverdue => f.write_str("overdue more than 24h: after current work"),
            Detail::Left { clock, minutes } => write!(f, "{} {} left", label(*clock), Minutes(*minutes)),
            Detail::TargetUsed { percent } => write!(f, "{percent}% of target used"),
            Detail::NoClock => f.write_str("no SLA clock running (paused or done)"),
            Detail::Priority(priority) => write!(f, "priority {}", priority.key()),
            Detail::Tier(tier) => write!(f, "tier {}", tier.key()),
            Detail::Complaint => f.write_str("complaint"),
            Detail::CallbackDue => f.write_str("callback due"),
        }
    }
}

/// As the words, like the string it replaced.
impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn label(clock: SlaClock) -> &'static str {
    match clock {
        SlaClock::FirstResponse => "first response",
        SlaClock::Resolution => "resolution",
        SlaClock::Callback => "callback",
    }
}

/// `45m`, `2h 05m`, `3d 04h 10m`.
struct Minutes(i64);

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minutes = self.0;
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        match (days, hours) {
            (0, 0) => write!(f, "{mins}m"),
            (0, _) => write!(f, "{hours}h {mins:02}m"),
            _ => write!(f, "{days}d {hours:02}h {mins:02}m"),
        }
    }
}
