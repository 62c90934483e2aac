//! The shape of the catalogue, shared by every language: one field per
//! user-visible text. A language is one value of [`Strings`] (see `en/` and
//! `zh_cn/`), so a language missing a field does not build.
//! Templates hold named placeholders (`{customer}`) filled by
//! [`super::fill`]; a translation may reorder them.

pub mod agenda;
pub mod background;
pub mod care;
pub mod cli_admin;
pub mod cli_records;
pub mod clock;
pub mod columns;
pub mod copy;
pub mod crm;
pub mod dashboard;
pub mod editing;
pub mod errors;
pub mod forms;
pub mod knowledge;
pub mod macros;
pub mod mail_imap;
pub mod mail_in;
pub mod mail_out;
pub mod mail_tui;
pub mod navigation;
pub mod occasions;
pub mod pg_connect;
pub mod pickers;
pub mod progress;
pub mod quality;
pub mod query;
pub mod report;
pub mod search;
pub mod settings;
pub mod tags;
pub mod triage;
pub mod views;

use crate::domain::enums::{
    CallbackOutcome, Channel, CustomerKind, Direction, Priority, TicketKind, TicketStatus, Tier,
};
use crate::domain::sla::SlaState;
use crate::domain::urgency::UrgencyFactor;

// Declared through the macro so that every field is walked by `Texts`.
crate::i18n::texts::catalogue_struct! {
pub struct Strings {
    pub app_name: &'static str,
    pub header_agent: &'static str,
    pub header_open: &'static str,
    pub header_at_risk: &'static str,
    pub header_breached: &'static str,
    /// The long-overdue band's size (breached more than a day ago, listed after current work).
    pub header_long_overdue: &'static str,
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
    /// `{customers}` and `{tickets}`: [`Strings::customers_count`] and [`Strings::tickets_count`].
    pub msg_demo_loaded: &'static str,
    pub customers_count: super::Plural,
    pub tickets_count: super::Plural,
    pub msg_refreshed: &'static str,
    pub msg_error: &'static str,
    pub msg_config_problems: &'static str,
    pub msg_editor_failed: &'static str,
    pub msg_nothing_changed: &'static str,
    pub msg_not_in_this_view: &'static str,
    pub msg_fix_fields: &'static str,
    // Problems in the config file: `{file}` and the place in it, then what is wrong.
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
    /// After a folded multi-line value: how many more lines it holds.
    pub form_more_lines: super::Plural,
    pub invalid_ticket_number: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    // Customer card.
    pub card_title: &'static str,
    pub card_contact: &'static str,
    pub card_account: &'static str,
    pub card_orders: &'static str,
    /// After an order's amount once it is cancelled.
    pub card_order_cancelled: &'static str,
    /// After a refunded order's amount: `{amount}` what is left.
    pub card_order_net: &'static str,
    pub card_surveys: &'static str,
    pub card_tickets: &'static str,
    pub card_notes: &'static str,
    pub card_pinned: &'static str,
    /// A value with a remark after it, as the card shows a pinned tier or
    /// how long ago the last contact was, or a heading its count: `{value}`,
    /// `{remark}` (Chinese takes full-width parentheses).
    pub card_remark: &'static str,
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
    /// An urgency reason on a clock: `{clock}` its name, `{time}` the
    /// countdown, `{label}` the factor (overdue, time left).
    pub urgency_clock: &'static str,
    /// An urgency reason on the share of the target used: `{percent}`, `{label}`.
    pub urgency_share: &'static str,
    pub callback_outcome: &'static str,
    // Overlays.
    pub help_title: &'static str,
    pub scroll_position: &'static str,
    pub help_config_problems: &'static str,
    pub palette_title: &'static str,
    pub palette_prompt: &'static str,
    pub palette_empty: &'static str,
    pub contexts: &'static [(&'static str, &'static str)],
    /// Keyed by the action's stable name (`Action::name`).
    pub actions: &'static [(&'static str, &'static str)],
    /// An action's label in one context where it says more than the general
    /// one (`close` in a form keeps a draft): ((context, action), label).
    pub actions_in: &'static [((&'static str, &'static str), &'static str)],
    // Keys.
    pub key_ctrl: &'static str,
    pub key_alt: &'static str,
    /// Keyed by the key's stable name (`enter`, `esc`, `space` …).
    pub key_names: &'static [(&'static str, &'static str)],
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
    /// The complaint categories offered first (`domain::ticket::CATEGORIES`);
    /// a category typed freely shows as typed.
    pub categories: &'static [(&'static str, &'static str)],
    pub triage: &'static triage::TriageStrings,
    /// Before a marked row of the queue.
    pub mark: &'static str,
    pub crm: &'static crm::CrmStrings,
    pub dashboard: &'static dashboard::DashboardStrings,
    pub care: &'static care::CareStrings,
    pub quality: &'static quality::QualityStrings,
    pub background: &'static background::BackgroundStrings,
    pub pg_connect: &'static pg_connect::PgConnectStrings,
    pub copy: &'static copy::CopyStrings,
    pub progress: &'static progress::ProgressStrings,
    pub query: &'static query::QueryStrings,
    pub occasions: &'static occasions::OccasionStrings,
    pub forms: &'static forms::FormStrings,
    pub cli_records: &'static cli_records::CliRecordsStrings,
    pub cli_admin: &'static cli_admin::CliAdminStrings,
    pub report: &'static report::ReportStrings,
    pub errors: &'static errors::ErrorStrings,
    pub settings: &'static settings::SettingsStrings,
    pub macros: &'static macros::MacroStrings,
    pub knowledge: &'static knowledge::KnowledgeStrings,
    pub navigation: &'static navigation::NavigationStrings,
    pub editing: &'static editing::EditingStrings,
    pub pickers: &'static pickers::PickerStrings,
    pub tags: &'static tags::TagStrings,
    pub clock: &'static clock::ClockStrings,
    pub columns: &'static columns::ColumnsStrings,
    pub agenda: &'static agenda::AgendaStrings,
    pub search: &'static search::SearchStrings,
    pub views: &'static views::ViewStrings,
    pub mail_imap: &'static mail_imap::MailImapStrings,
    pub mail_in: &'static mail_in::MailInStrings,
    pub mail_out: &'static mail_out::MailOutStrings,
    pub mail_tui: &'static mail_tui::MailTuiStrings,
}
}
