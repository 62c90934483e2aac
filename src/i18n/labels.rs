//! Labels of enum values and stable keys, looked up in the catalogue.

use super::Strings;
use crate::domain::enums::{
    CallbackOutcome, Channel, CustomerKind, Direction, Priority, TicketKind, TicketStatus, Tier,
};
use crate::domain::sla::{SlaClock, SlaState};
use crate::domain::urgency::UrgencyFactor;

/// Finds a label in a table, falling back to the stable key so a missing
/// entry shows something sensible instead of nothing.
fn find<K: PartialEq + Copy>(table: &[(K, &'static str)], key: K, fallback: &'static str) -> &'static str {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(fallback, |(_, label)| label)
}

impl Strings {
    pub fn tier(&self, t: Tier) -> &'static str {
        self.tiers.iter().find(|e| e.0 == t).map_or(t.key(), |e| e.1)
    }
    pub fn tier_badge(&self, t: Tier) -> &'static str {
        self.tiers.iter().find(|e| e.0 == t).map_or(t.key(), |e| e.2)
    }
    pub fn priority(&self, p: Priority) -> &'static str {
        self.priorities.iter().find(|e| e.0 == p).map_or(p.key(), |e| e.1)
    }
    pub fn priority_badge(&self, p: Priority) -> &'static str {
        self.priorities.iter().find(|e| e.0 == p).map_or(p.key(), |e| e.2)
    }
    pub fn direction(&self, d: Direction) -> &'static str {
        self.directions.iter().find(|e| e.0 == d).map_or(d.key(), |e| e.1)
    }
    pub fn direction_mark(&self, d: Direction) -> &'static str {
        self.directions.iter().find(|e| e.0 == d).map_or(d.key(), |e| e.2)
    }
    pub fn status(&self, s: TicketStatus) -> &'static str {
        find(self.statuses, s, s.key())
    }
    pub fn kind(&self, k: TicketKind) -> &'static str {
        find(self.kinds, k, k.key())
    }
    pub fn channel(&self, c: Channel) -> &'static str {
        find(self.channels, c, c.key())
    }
    pub fn customer_kind(&self, k: CustomerKind) -> &'static str {
        find(self.customer_kinds, k, k.key())
    }
    pub fn outcome(&self, o: CallbackOutcome) -> &'static str {
        find(self.outcomes, o, o.key())
    }
    pub fn sla_state(&self, s: SlaState) -> &'static str {
        find(self.sla_states, s, "?")
    }
    pub fn urgency_factor(&self, f: UrgencyFactor) -> &'static str {
        find(self.urgency_factors, f, "?")
    }
    pub fn clock(&self, c: SlaClock) -> &'static str {
        match c {
            SlaClock::FirstResponse => self.clock_first_response,
            SlaClock::Resolution => self.clock_resolution,
            SlaClock::Callback => self.clock_callback,
        }
    }
    /// The label of an action, by its stable name (`Action::name`).
    pub fn action<'a>(&self, name: &'a str) -> &'a str {
        Self::keyed(self.actions, name)
    }
    /// A label keyed by a stable string (form fields, contexts, events,
    /// lifecycle stages); the key itself when the table lacks it.
    pub fn keyed<'a>(table: &'static [(&'static str, &'static str)], key: &'a str) -> &'a str {
        table.iter().find(|(k, _)| *k == key).map_or(key, |(_, label)| label)
    }
    /// A complaint category's label; a category typed freely shows as typed.
    pub fn category<'a>(&self, key: &'a str) -> &'a str {
        Self::keyed(self.categories, key)
    }
    pub fn field<'a>(&self, key: &'a str) -> &'a str {
        match self
            .fields
            .iter()
            .chain(self.crm.fields)
            .chain(self.occasions.fields)
            .chain(self.macros.fields)
            .chain(self.knowledge.fields)
            .chain(self.editing.fields)
            .chain(self.tags.fields)
            .chain(self.mail_tui.fields)
            .find(|(k, _)| *k == key)
        {
            Some((_, label)) => label,
            None => key,
        }
    }
    /// The label of any enum value given by its stable key, for choice fields.
    pub fn choice<'a>(&self, field: &str, key: &'a str) -> &'a str {
        fn by_key<T: Copy>(
            all: &[T],
            key_of: fn(T) -> &'static str,
            label: impl Fn(T) -> &'static str,
            key: &str,
        ) -> Option<&'static str> {
            all.iter().find(|v| key_of(**v) == key).map(|v| label(*v))
        }
        let label = match field {
            "tier" => by_key(Tier::ALL, Tier::key, |v| self.tier(v), key),
            "priority" => by_key(Priority::ALL, Priority::key, |v| self.priority(v), key),
            "status" => by_key(TicketStatus::ALL, TicketStatus::key, |v| self.status(v), key),
            "kind" => by_key(TicketKind::ALL, TicketKind::key, |v| self.kind(v), key)
                .or_else(|| by_key(CustomerKind::ALL, CustomerKind::key, |v| self.customer_kind(v), key))
                .or_else(|| {
                    let kinds = self.cli_records.article_kinds;
                    kinds.iter().find(|(k, _)| k.key() == key).map(|(_, label)| *label)
                }),
            "channel" => by_key(Channel::ALL, Channel::key, |v| self.channel(v), key),
            "direction" => by_key(Direction::ALL, Direction::key, |v| self.direction(v), key),
            "outcome" => by_key(CallbackOutcome::ALL, CallbackOutcome::key, |v| self.outcome(v), key),
            "correction" => self.crm.correction(key),
            "overwrite" | "send_email" => self
                .mail_tui
                .choices
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, label)| *label),

            _ => None,
        };
        match label {
            Some(label) => label,
            None if key.is_empty() => self.none,
            None => key,
        }
    }
}
