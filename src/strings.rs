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
        Strings::keyed(self.fields, key)
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
            _ => None,
        };
        match label {
            Some(label) => label,
            None if key.is_empty() => self.none,
            None => key,
        }
    }
}

pub static EN: Strings = Strings {
    app_name: "frontdesk",
    header_agent: "agent",
    header_open: "open",
    header_at_risk: "at risk",
    header_breached: "breached",
    header_masked: "masked",
    pane_customers: "Customers",
    pane_queue: "Queue",
    pane_timeline: "Timeline",
    pane_folded: "{0} · {1} — {2} to show",
    col_code: "Code",
    col_name: "Name",
    col_tier: "Tier",
    col_open: "Open",
    col_last_contact: "Last",
    col_sla: "SLA",
    col_priority: "P",
    col_number: "#",
    col_kind: "Kind",
    col_customer: "Customer",
    col_subject: "Subject",
    col_assignee: "Assignee",
    col_status: "Status",
    col_when: "When",
    col_channel: "Channel",
    col_agent: "Agent",
    col_summary: "Summary",
    none_matching: "Nothing matches the filter",
    no_open_tickets: "No open tickets",
    no_history: "No history yet",
    no_customer_selected: "Select a customer to see their history",
    loading: "Loading…",
    welcome_title: "Welcome to frontdesk",
    welcome_lines: &[
        "This database has no customers yet.",
        "",
        "Press {0} to add your first customer,",
        "or press {1} and run “{2}” to load sample data,",
        "or quit and run  frontdesk demo  in a shell.",
        "",
        "Press {3} for every key.",
    ],
    unassigned: "—",
    none: "(none)",
    dash: "—",
    ellipsis_pending: "…",
    time_now: "now",
    unit_day: "d",
    unit_hour: "h",
    unit_minute: "m",
    unit_second: "s",
    overdue_sign: "-",
    msg_customer_added: "Added customer {0} {1}",
    msg_customer_saved: "Saved customer {0}",
    msg_ticket_opened: "Opened ticket #{0}",
    msg_ticket_saved: "Saved ticket #{0}",
    msg_reply_recorded: "Reply recorded on #{0}",
    msg_note_added: "Note added to #{0}",
    msg_logged: "Interaction logged",
    msg_conflict: "Not saved: someone else changed this record meanwhile ({0}). Your form is kept.",
    msg_select_ticket: "Select a ticket first",
    msg_select_customer: "Select a customer first",
    msg_demo_only_empty: "Sample data can only be loaded into an empty database",
    msg_demo_loaded: "Loaded sample data: {0} customers, {1} tickets",
    msg_refreshed: "Refreshed",
    msg_error: "Error: {0}",
    msg_config_problems: "Config: {0} (see ? for all)",
    msg_editor_failed: "Could not run the editor: {0}",
    msg_nothing_changed: "Nothing changed",
    msg_not_in_this_view: "“{0}” does nothing here",
    msg_fix_fields: "Please correct the marked fields",
    warn_unknown_context: "{0}: keymap.{1}: no such context; known: {2}",
    warn_not_a_list: "{0}: keymap.{1}: expected a list like [ { on = \"j\", run = \"down\" } ]",
    warn_bad_entry: "{0}: keymap.{1}, entry {2}: expected { on = \"key\", run = \"action\" }",
    warn_bad_key: "{0}: keymap.{1}: on = {2} is not a key; write e.g. \"j\", \"<C-c>\", \"<Enter>\" or \"g g\"",
    warn_unknown_action: "{0}: keymap.{1}: on = {2}: unknown action {3}",
    warn_duplicate_key: "{0}: keymap.{1}: {2} is bound twice; the first one is kept",
    warn_shadowed_key: "{0}: keymap.{1}: {2} can never be typed because {3} is bound",
    warn_unknown_role: "{0}: theme.{1}: no such role; known: {2}",
    warn_bad_colour: "{0}: theme.{1}.{2} = {3} is not a colour like \"red\", \"#ff8800\" or 208",
    warn_bad_attribute: "{0}: theme.{1}.{2}: expected fg, bg or one of bold, dim, italic, underline, reversed = true",
    form_new_customer: "New customer",
    form_edit_customer: "Edit customer {0}",
    form_new_ticket: "New ticket",
    form_edit_ticket: "Edit ticket #{0}",
    form_reply: "Reply to #{0}",
    form_note: "Internal note on #{0}",
    form_log: "Log an interaction with {0}",
    form_assign: "Assign #{0}",
    form_priority: "Priority of #{0}",
    form_status: "Status of #{0}",
    form_required: "*",
    form_choice_hint: "←/→",
    form_more_lines: "(+{0} lines)",
    invalid_ticket_number: "must be a ticket number like 12",
    fields: &[
        ("name", "Name"),
        ("code", "Code"),
        ("kind", "Kind"),
        ("contact", "Contact person"),
        ("phone", "Phone"),
        ("email", "E-mail"),
        ("address", "Address"),
        ("industry", "Industry"),
        ("since", "Customer since"),
        ("tier", "Tier"),
        ("tags", "Tags"),
        ("channel", "Channel"),
        ("owner", "Account owner"),
        ("notes", "Notes"),
        ("customer", "Customer"),
        ("subject", "Subject"),
        ("priority", "Priority"),
        ("category", "Category"),
        ("body", "Description"),
        ("summary", "Summary"),
        ("direction", "Direction"),
        ("ticket", "Ticket"),
        ("assignee", "Assignee"),
        ("department", "Department"),
        ("status", "Status"),
        ("created", "Created"),
        ("archived", "Archived"),
    ],
    card_title: "{0} · {1}",
    card_contact: "Contact",
    card_account: "Account",
    card_orders: "Orders",
    card_surveys: "Surveys",
    card_tickets: "Tickets",
    card_notes: "Notes",
    card_pinned: "pinned",
    card_lifetime_value: "Lifetime value",
    card_lifecycle: "Lifecycle",
    card_last_contact: "Last contact",
    card_no_orders: "No orders",
    card_no_surveys: "No surveys",
    card_no_tickets: "No tickets",
    card_survey_scores: "quality {0} · response {1} · communication {2}",
    ticket_title: "#{0} {1}",
    ticket_sla: "Response-time targets",
    ticket_urgency: "Urgency {0}",
    ticket_description: "Description",
    ticket_history: "History",
    ticket_changes: "Changes",
    ticket_department: "Department",
    ticket_opened: "Opened",
    ticket_version: "Version",
    ticket_reopened: "Reopened {0}×",
    clock_first_response: "First response",
    clock_resolution: "Resolution",
    clock_callback: "Callback",
    clock_no_target: "no target",
    clock_none_running: "no clock running",
    clock_due: "due {0}",
    clock_done: "done {0}",
    callback_outcome: "Callback outcome",
    help_title: "Keys",
    scroll_position: "{0}–{1} of {2}",
    help_config_problems: "Problems in the config file (defaults kept)",
    palette_title: "Commands",
    palette_prompt: ": ",
    palette_empty: "No command matches",
    contexts: &[
        ("global", "Everywhere"),
        ("list", "Moving in lists"),
        ("customers", "Customers pane"),
        ("queue", "Queue pane"),
        ("timeline", "Timeline pane"),
        ("filter", "While filtering"),
        ("detail", "Customer card and ticket"),
        ("form", "In a form"),
        ("palette", "Command palette"),
        ("help", "This help"),
        ("triage", "Triage"),
    ],
    actions: &[
        (Action::Up, "Move up"),
        (Action::Down, "Move down"),
        (Action::Top, "Go to the top"),
        (Action::Bottom, "Go to the bottom"),
        (Action::PageUp, "Page up"),
        (Action::PageDown, "Page down"),
        (Action::FocusNext, "Next pane"),
        (Action::FocusPrev, "Previous pane"),
        (Action::FocusCustomers, "Customers"),
        (Action::FocusQueue, "Queue"),
        (Action::FocusTimeline, "Timeline"),
        (Action::ToggleTimeline, "Show or fold the timeline"),
        (Action::Open, "Open"),
        (Action::Close, "Close"),
        (Action::Filter, "Filter"),
        (Action::ClearFilter, "Clear the filter"),
        (Action::Accept, "Keep the filter"),
        (Action::New, "New"),
        (Action::Edit, "Edit"),
        (Action::Reply, "Reply"),
        (Action::Note, "Internal note"),
        (Action::Log, "Log an interaction"),
        (Action::Assign, "Assign"),
        (Action::Priority, "Priority"),
        (Action::Status, "Status"),
        (Action::Palette, "Commands"),
        (Action::Help, "Help"),
        (Action::Refresh, "Refresh"),
        (Action::Demo, "Load sample data"),
        (Action::Suspend, "Suspend to the shell"),
        (Action::Quit, "Quit"),
        (Action::NextField, "Next field"),
        (Action::PrevField, "Previous field"),
        (Action::Submit, "Save"),
        (Action::Editor, "Edit in $EDITOR"),
        (Action::Triage, "Triage"),
        (Action::Skip, "Skip"),
        (Action::Undo, "Undo"),
        (Action::SetPending, "Pending"),
        (Action::Resolve, "Resolve"),
        (Action::PriorityUrgent, "Urgent"),
        (Action::PriorityHigh, "High"),
        (Action::PriorityNormal, "Normal"),
        (Action::PriorityLow, "Low"),
        (Action::Mark, "Mark"),
        (Action::MarkAll, "Mark all shown"),
    ],
    key_ctrl: "C-",
    key_alt: "A-",
    key_names: &[
        (KeyCode::Enter, "Enter"),
        (KeyCode::Esc, "Esc"),
        (KeyCode::Tab, "Tab"),
        (KeyCode::BackTab, "S-Tab"),
        (KeyCode::Backspace, "Bksp"),
        (KeyCode::Delete, "Del"),
        (KeyCode::Up, "↑"),
        (KeyCode::Down, "↓"),
        (KeyCode::Left, "←"),
        (KeyCode::Right, "→"),
        (KeyCode::Home, "Home"),
        (KeyCode::End, "End"),
        (KeyCode::PageUp, "PgUp"),
        (KeyCode::PageDown, "PgDn"),
        (KeyCode::Char(' '), "Space"),
    ],
    tiers: &[
        (Tier::HighValue, "high-value", "HV"),
        (Tier::Potential, "potential", "POT"),
        (Tier::AtRisk, "at-risk", "RISK"),
        (Tier::Standard, "standard", "STD"),
    ],
    priorities: &[
        (Priority::Urgent, "urgent", "!!"),
        (Priority::High, "high", "! "),
        (Priority::Normal, "normal", "· "),
        (Priority::Low, "low", "↓ "),
    ],
    statuses: &[
        (TicketStatus::New, "new"),
        (TicketStatus::Open, "open"),
        (TicketStatus::Pending, "pending"),
        (TicketStatus::Resolved, "resolved"),
        (TicketStatus::Closed, "closed"),
    ],
    kinds: &[
        (TicketKind::Complaint, "complaint"),
        (TicketKind::Inquiry, "inquiry"),
        (TicketKind::Request, "request"),
        (TicketKind::Repair, "repair"),
        (TicketKind::AfterSales, "after-sales"),
        (TicketKind::Other, "other"),
    ],
    channels: &[
        (Channel::Phone, "phone"),
        (Channel::Email, "email"),
        (Channel::Sms, "SMS"),
        (Channel::Chat, "chat"),
        (Channel::Social, "social"),
        (Channel::Visit, "visit"),
        (Channel::Meeting, "meeting"),
        (Channel::Other, "other"),
    ],
    directions: &[
        (Direction::Inbound, "inbound", "←"),
        (Direction::Outbound, "outbound", "→"),
        (Direction::Note, "note", "✎"),
    ],
    customer_kinds: &[(CustomerKind::Person, "person"), (CustomerKind::Company, "company")],
    outcomes: &[
        (CallbackOutcome::Satisfied, "satisfied"),
        (CallbackOutcome::Resolved, "resolved"),
        (CallbackOutcome::FollowUp, "needs follow-up"),
    ],
    sla_states: &[
        (SlaState::Running, "running"),
        (SlaState::AtRisk, "at risk"),
        (SlaState::Breached, "breached"),
        (SlaState::Paused, "paused"),
        (SlaState::Met, "met"),
        (SlaState::Missed, "missed"),
    ],
    urgency_factors: &[
        (UrgencyFactor::Overdue, "overdue"),
        (UrgencyFactor::TimeLeft, "time left"),
        (UrgencyFactor::TargetUsed, "of the target used"),
        (UrgencyFactor::Priority, "priority"),
        (UrgencyFactor::Tier, "tier"),
        (UrgencyFactor::Complaint, "complaint"),
        (UrgencyFactor::CallbackDue, "callback due"),
    ],
    ticket_events: &[
        ("opened", "opened"),
        ("responded", "first response"),
        ("paused", "paused"),
        ("resumed", "resumed"),
        ("resolved", "resolved"),
        ("closed", "closed"),
        ("reopened", "reopened"),
        ("callback", "callback"),
    ],
    lifecycles: &[
        ("prospect", "prospect"),
        ("new", "new"),
        ("active", "active"),
        ("loyal", "loyal"),
        ("at-risk", "at risk"),
        ("churned", "churned"),
    ],
    mark: "✓",
    triage: &crate::strings_triage::EN,
};

#[cfg(test)]
#[path = "strings_tests.rs"]
mod tests;
