//! The words of the CRM parts of the terminal UI — the Reminders view and
//! the order, callback, survey and reminder forms — kept beside the main
//! catalogue and reached through `Strings::crm`.

use crate::domain::cadence::Due;
use crate::domain::enums::ReminderReason;

pub struct CrmStrings {
    pub title: &'static str,
    /// `{0}` overdue, `{1}` today, `{2}` upcoming.
    pub title_counts: &'static str,
    /// A section heading: `{0}` its name, `{1}` its count.
    pub section: &'static str,
    pub sections: &'static [(Due, &'static str)],
    pub reasons: &'static [(ReminderReason, &'static str)],
    /// Before the selected row.
    pub selected_mark: &'static str,
    pub col_due: &'static str,
    pub col_relative: &'static str,
    pub col_reason: &'static str,
    pub col_customer: &'static str,
    pub col_ticket: &'static str,
    pub col_note: &'static str,
    pub none: &'static str,
    pub unreadable: &'static str,
    /// `{0}` a duration like `2d`.
    pub overdue_by: &'static str,
    pub due_in: &'static str,
    pub due_now: &'static str,
    /// Form field labels the main catalogue does not have.
    pub fields: &'static [(&'static str, &'static str)],
    pub form_order: &'static str,
    pub form_correct_order: &'static str,
    pub form_callback: &'static str,
    pub form_survey: &'static str,
    pub form_reminder: &'static str,
    pub msg_order_added: &'static str,
    /// `{0}` the order, `{1}` refund or cancel, `{2}` its amount, `{3}` the net left.
    pub msg_order_corrected: &'static str,
    pub msg_callback_done: &'static str,
    pub msg_survey_added: &'static str,
    pub msg_survey_low: &'static str,
    pub msg_reminder_added: &'static str,
    pub msg_reminder_done: &'static str,
    pub msg_done_failed: &'static str,
    /// `x` on a cadence reminder: `{0}` the key that logs a contact.
    pub msg_cadence_not_done: &'static str,
    /// `x` on a callback reminder: `{0}` the key that does the callback.
    pub msg_callback_not_done: &'static str,
    /// `c` on a row that is not a callback: `{0}` its reason.
    pub msg_not_a_callback: &'static str,
    /// `c` on an open ticket: `{0}` its number, `{1}` its status.
    pub msg_callback_open: &'static str,
    pub msg_no_reminder: &'static str,
    pub msg_no_customer: &'static str,
}
