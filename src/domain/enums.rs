//! The closed vocabularies of SPEC.md §1. Each enum keeps a stable English key
//! (used in the database, JSON and CLI) separate from its display label, which
//! comes from the string catalogue.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: stable keys, parsing with a clear error, and
/// serde as those keys.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The field name used in validation errors.
            pub const FIELD: &'static str = $field;

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn keys() -> String {
                Self::ALL.iter().map(|v| v.key()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::domain::error::Invalid;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.key() == wanted)
                    .ok_or_else(|| crate::domain::error::Invalid::new(
                        $field, s, crate::domain::error::Reason::NotOneOf { allowed: Self::ALL.iter().map(|v| v.key().to_string()).collect() }))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

vocabulary!(
    /// What a ticket is about (工单类型).
    TicketKind, "kind" {
        Complaint => "complaint", Inquiry => "inquiry", Request => "request",
        Repair => "repair", AfterSales => "after-sales", Other => "other",
    }
);

vocabulary!(Priority, "priority" {
    Urgent => "urgent", High => "high", Normal => "normal", Low => "low",
});

vocabulary!(
    /// new → open → pending → resolved → closed; resolved/closed can be reopened.
    TicketStatus, "status" {
        New => "new", Open => "open", Pending => "pending",
        Resolved => "resolved", Closed => "closed",
    }
);

vocabulary!(Channel, "channel" {
    Phone => "phone", Email => "email", Sms => "sms", Chat => "chat",
    Social => "social", Visit => "visit", Meeting => "meeting", Other => "other",
});

vocabulary!(
    /// Inbound from the customer, outbound to the customer, or an internal note.
    Direction, "direction" { Inbound => "in", Outbound => "out", Note => "note" }
);

vocabulary!(
    /// Customer segment (客户分层).
    Tier, "tier" {
        HighValue => "high-value", Potential => "potential",
        AtRisk => "at-risk", Standard => "standard",
    }
);

vocabulary!(CustomerKind, "kind" { Person => "person", Company => "company" });

vocabulary!(
    /// Where a customer stands in the relationship (see `domain::segments`).
    Lifecycle, "lifecycle" {
        Prospect => "prospect", New => "new", Active => "active",
        Loyal => "loyal", AtRisk => "at-risk", Churned => "churned",
    }
);

vocabulary!(
    /// Why a reminder (提醒) is due.
    ReminderReason, "reason" {
        Cadence => "cadence", Callback => "callback", Manual => "manual",
        Birthday => "birthday", Anniversary => "anniversary",
        Survey => "survey",
    }
);

vocabulary!(
    /// Outcome of the post-resolution callback (回访).
    CallbackOutcome, "outcome" {
        Satisfied => "satisfied", Resolved => "resolved", FollowUp => "follow-up",
    }
);

vocabulary!(Role, "role" { Agent => "agent", Supervisor => "supervisor", Admin => "admin" });

impl TicketStatus {
    /// Statuses in which the ticket still waits for the team.
    pub fn is_open(self) -> bool {
        matches!(self, TicketStatus::New | TicketStatus::Open | TicketStatus::Pending)
    }
}

impl Priority {
    /// Higher is more urgent; used as a triage tie-breaker.
    pub fn weight(self) -> i64 {
        match self {
            Priority::Urgent => 3,
            Priority::High => 2,
            Priority::Normal => 1,
            Priority::Low => 0,
        }
    }
}

impl Tier {
    /// Higher matters more; used as a triage tie-breaker.
    pub fn weight(self) -> i64 {
        match self {
            Tier::HighValue => 3,
            Tier::AtRisk => 2,
            Tier::Potential => 1,
            Tier::Standard => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON and the database share the stable keys (`in`, not `inbound`).
    fn keys_round_trip<T>(all: &[T])
    where
        T: Serialize + for<'de> Deserialize<'de> + Copy + PartialEq + std::fmt::Debug + std::fmt::Display,
    {
        for value in all {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json, value.to_string(), "{value:?}");
            assert_eq!(serde_json::from_value::<T>(json).unwrap(), *value);
        }
    }

    #[test]
    fn serde_uses_the_stable_keys() {
        keys_round_trip(TicketKind::ALL);
        keys_round_trip(Priority::ALL);
        keys_round_trip(TicketStatus::ALL);
        keys_round_trip(Channel::ALL);
        keys_round_trip(Direction::ALL);
        keys_round_trip(Tier::ALL);
        keys_round_trip(CustomerKind::ALL);
        keys_round_trip(CallbackOutcome::ALL);
        keys_round_trip(Role::ALL);
    }
}
