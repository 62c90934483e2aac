//! Every user-visible word of the terminal UI, in one place, so another
//! language is a second value of [`Strings`] rather than edits to views.
//! Enum labels live here too; the database and JSON keep the English keys.
//! Templates hold `{0}`, `{1}` … filled by [`fill`], so a translation can
//! reorder them.

use crate::app::action::Action;
use crate::app::keys::KeyCode;
use crate::domain::enums::{
    CallbackOutcome, Channel, CustomerKind, Direction, Priority, TicketKind, TicketStatus, Tier,
};
use crate::domain::sla::{SlaClock, SlaState};
use crate::domain::urgency::UrgencyFactor;

pub struct Strings {
    pub app_name: &'static str,
    pub header_agent: &'static str,
    pub header_open: &'static str,
    pub header_at_risk: &'static str,
    pub header_breached: &'static str,
    pub header_masked: &'static str,
    pub pane_customers: &'static str,
    pub pane_queue: &'static str,
    pub pane_timeline: &'static str,
    pub pane_folded: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_tier: &'static str,
    pub col_open: &'static str,
    pub col_last_contact: &'static str,
    pub col_sla: &'static str,
    pub col_priority: &'static str,
    pub col_number: &'static str,
    pub col_kind: &'static str,
    pub col_customer: &'static str,
    pub col_subject: &'static str,
    pub col_assignee: &'static str,
    pub col_status: &'static str,
    pub col_when: &'static str,
    pub col_channel: &'static str,
    pub col_agent: &'static str,
    pub col_summary: &'static str,
    pub none_matching: &'static str,
    pub no_open_tickets: &'static str,
    pub no_history: &'static str,
    pub no_customer_selected: &'static str,
    pub loading: &'static str,
    pub welcome_title: &'static str,
    pub welcome_lines: &'static [&'static str],
    pub unassigned: &'static str,
    pub none: &'static str,
    pub dash: &'static str,
    pub ellipsis_pending: &'static str,
    pub time_now: &'static str,
    pub unit_day: &'static str,
    pub unit_hour: &'static str,
    pub unit_minute: &'static str,
    pub unit_second: &'static str,
    pub overdue_sign: &'static str,
    // Messages after an action.
    pub msg_customer_added: &'static str,
    pub msg_customer_saved: &'static str,
    pub msg_ticket_opened: &'static str,
    pub msg_ticket_saved: &'static str,
    pub msg_reply_recorded: &'static str,
    pub msg_note_added: &'static str,
    pub msg_logged: &'static str,
    pub msg_conflict: &'static str,
    pub msg_select_ticket: &'static str,
    pub msg_select_customer: &'static str,
    pub msg_demo_only_empty: &'static str,
    pub msg_demo_loaded: &'static str,
    pub msg_refreshed: &'static str,
    pub msg_error: &'static str,
    pub msg_config_problems: &'static str,
    pub msg_editor_failed: &'static str,
    pub msg_nothing_changed: &'static str,
    pub msg_not_in_this_view: &'static str,
    pub msg_fix_fields: &'static str,
    // Problems in the config file: (file, place, value, …).
    pub warn_unknown_context: &'static str,
    pub warn_not_a_list: &'static str,
    pub warn_bad_entry: &'static str,
    pub warn_bad_key: &'static str,
    pub warn_unknown_action: &'static str,
    pub warn_duplicate_key: &'static str,
    pub warn_shadowed_key: &'static str,
    pub warn_unknown_role: &'static str,
    pub warn_bad_colour: &'static str,
    pub warn_bad_attribute: &'static str,
    // Forms.
    pub form_new_customer: &'static str,
    pub form_edit_customer: &'static str,
    pub form_new_ticket: &'static str,
    pub form_edit_ticket: &'static str,
    pub form_reply: &'static str,
    pub form_note: &'static str,
    pub form_log: &'static str,
    pub form_assign: &'static str,
    pub form_priority: &'static str,
    pub form_status: &'static str,
    pub form_required: &'static str,
    pub form_choice_hint: &'static str,
    pub form_more_lines: &'static str,
    pub invalid_ticket_number: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    // Customer card.
    pub card_title: &'static str,
    pub card_contact: &'static str,
    pub card_account: &'static str,
    pub card_orders: &'static str,
    /// After an order's amount once it is cancelled.
    pub card_order_cancelled: &'static str,
    /// After a refunded order's amount: `{0}` what is left.
    pub card_order_net: &'static str,
    pub card_surveys: &'static str,
    pub card_tickets: &'static str,
    pub card_notes: &'static str,
    pub card_pinned: &'static str,
    pub card_lifetime_value: &'static str,
    pub card_lifecycle: &'static str,
    pub card_last_contact: &'static str,
    pub card_no_orders: &'static str,
    pub card_no_surveys: &'static str,
    pub card_no_tickets: &'static str,
    pub card_survey_scores: &'static str,
    // Ticket view.
    pub ticket_title: &'static str,
    pub ticket_sla: &'static str,
    pub ticket_urgency: &'static str,
    pub ticket_description: &'static str,
    pub ticket_history: &'static str,
    pub ticket_changes: &'static str,
    pub ticket_department: &'static str,
    pub ticket_opened: &'static str,
    pub ticket_version: &'static str,
    pub ticket_reopened: &'static str,
    pub clock_first_response: &'static str,
    pub clock_resolution: &'static str,
    pub clock_callback: &'static str,
    pub clock_no_target: &'static str,
    pub clock_none_running: &'static str,
    pub clock_due: &'static str,
    pub clock_done: &'static str,
    pub callback_outcome: &'static str,
    // Overlays.
    pub help_title: &'static str,
    pub scroll_position: &'static str,
    pub help_config_problems: &'static str,
    pub palette_title: &'static str,
    pub palette_prompt: &'static str,
    pub palette_empty: &'static str,
    pub contexts: &'static [(&'static str, &'static str)],
    pub actions: &'static [(Action, &'static str)],
    // Keys.
    pub key_ctrl: &'static str,
    pub key_alt: &'static str,
    pub key_names: &'static [(KeyCode, &'static str)],
    // Enum labels: (value, label, short badge).
    pub tiers: &'static [(Tier, &'static str, &'static str)],
    pub priorities: &'static [(Priority, &'static str, &'static str)],
    pub statuses: &'static [(TicketStatus, &'static str)],
    pub kinds: &'static [(TicketKind, &'static str)],
    pub channels: &'static [(Channel, &'static str)],
    pub directions: &'static [(Direction, &'static str, &'static str)],
    pub customer_kinds: &'static [(CustomerKind, &'static str)],
    pub outcomes: &'static [(CallbackOutcome, &'static str)],
    pub sla_states: &'static [(SlaState, &'static str)],
    pub urgency_factors: &'static [(UrgencyFactor, &'static str)],
    pub ticket_events: &'static [(&'static str, &'static str)],
    pub lifecycles: &'static [(&'static str, &'static str)],
    pub triage: &'static crate::strings_triage::TriageStrings,
    /// Before a marked row of the queue.
    pub mark: &'static str,
    pub crm: &'static crate::strings_crm::CrmStrings,
    pub dashboard: &'static crate::strings_dashboard::DashboardStrings,
    pub care: &'static crate::strings_care::CareStrings,
    pub quality: &'static crate::strings_quality::QualityStrings,
    pub background: &'static crate::strings_background::BackgroundStrings,
    pub occasions: &'static crate::strings_occasions::OccasionStrings,
    pub forms: &'static crate::strings_forms::FormStrings,
}

/// The catalogue in force. One language today; choosing another would
/// happen here, from the environment, without touching a view.
pub fn get() -> &'static Strings {
    &EN
}

/// Fills `{0}`, `{1}` … in a template.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

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
    pub fn action(&self, a: Action) -> &'static str {
        find(self.actions, a, a.name())
    }
    /// A label keyed by a stable string (form fields, contexts, events,
    /// lifecycle stages); the key itself when the table lacks it.
    pub fn keyed<'a>(table: &'static [(&'static str, &'static str)], key: &'a str) -> &'a str {
        table.iter().find(|(k, _)| *k == key).map_or(key, |(_, label)| label)
    }
    pub fn field<'a>(&self, key: &'a str) -> &'a str {
        match self
            .fields
            .iter()
            .chain(self.crm.fields)
            .chain(self.occasions.fields)
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
                .or_else(|| by_key(CustomerKind::ALL, CustomerKind::key, |v| self.customer_kind(v), key)),
            "channel" => by_key(Channel::ALL, Channel::key, |v| self.channel(v), key),
            "direction" => by_key(Direction::ALL, Direction::key, |v| self.direction(v), key),
            "outcome" => by_key(CallbackOutcome::ALL, CallbackOutcome::key, |v| self.outcome(v), key),
            _ => None,
        };
        match label {
            Some(label) => label,
            None if key.is_empty() => self.none,
            None => key,
        }
    }
}

mod en;

pub use en::EN;

#[cfg(test)]
#[path = "strings_tests.rs"]
mod tests;
