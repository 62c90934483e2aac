//! The words of the CRM parts of the terminal UI — the Reminders view and
//! the order, callback, survey and reminder forms — kept beside the main
//! catalogue and reached through `Strings::crm`.

use crate::domain::enums::ReminderReason;
use crate::domain::order::CorrectionKind;

crate::i18n::texts::catalogue_struct! {
    pub struct CrmStrings {
        pub title: &'static str,
        pub reasons: &'static [(ReminderReason, &'static str)],
        /// Refund or cancel, in the form's choice and the message after it.
        pub corrections: &'static [(CorrectionKind, &'static str)],
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
        /// `{duration}` like `2d`.
        pub overdue_by: &'static str,
        /// `{duration}` like `2d`.
        pub due_in: &'static str,
        pub due_now: &'static str,
        /// Form field labels the main catalogue does not have.
        pub fields: &'static [(&'static str, &'static str)],
        /// `{customer}` the customer's name.
        pub form_order: &'static str,
        pub form_correct_order: &'static str,
        /// `{ticket}` its number.
        pub form_callback: &'static str,
        /// `{customer}` the customer's name.
        pub form_survey: &'static str,
        /// `{customer}` the customer's name.
        pub form_reminder: &'static str,
        /// `{amount}` the order's amount, `{customer}` the customer's code.
        pub msg_order_added: &'static str,
        /// `{order}` the order, `{correction}` refund or cancel, `{amount}`
        /// its amount, `{net}` the net left.
        pub msg_order_corrected: &'static str,
        /// `{ticket}` its number.
        pub msg_callback_done: &'static str,
        pub msg_survey_added: &'static str,
        pub msg_survey_low: &'static str,
        pub msg_reminder_added: &'static str,
        pub msg_reminder_done: &'static str,
        /// `{reason}` why not.
        pub msg_done_failed: &'static str,
        /// `x` on a cadence reminder: `{key}` the key that logs a contact.
        pub msg_cadence_not_done: &'static str,
        /// `x` on a callback reminder: `{key}` the key that does the callback.
        pub msg_callback_not_done: &'static str,
        /// `c` on a row that is not a callback: `{reason}` its reason.
        pub msg_not_a_callback: &'static str,
        /// `c` on an open ticket: `{ticket}` its number, `{status}` its status.
        pub msg_callback_open: &'static str,
        pub msg_no_reminder: &'static str,
        pub msg_no_customer: &'static str,
        /// The note of a computed reminder (`service::reminders::NoteFacts`):
        /// `{tier}` the tier's name, `{date}` the last outbound contact's day.
        pub note_cadence: &'static str,
        /// `{tier}` the tier's name.
        pub note_cadence_never: &'static str,
        /// `{ticket}` its number, `{subject}` its subject.
        pub note_callback: &'static str,
        /// `{day}` month and day, `{age}` the age turned.
        pub note_birthday: &'static str,
        /// `{count}` years a customer, `{since}` since which day.
        pub note_anniversary: crate::i18n::Plural,
        /// `{scores}` like `2/3/2`.
        pub note_survey: &'static str,
        /// After the scores: `{count}` earlier low surveys the same call answers.
        pub note_survey_earlier: &'static str,
        /// After the scores: `{comment}` the start of the comment.
        pub note_survey_comment: &'static str,
    }
}

impl CrmStrings {
    /// The label of a correction, by its stored key.
    pub fn correction(&self, key: &str) -> Option<&'static str> {
        self.corrections
            .iter()
            .find(|(k, _)| k.key() == key)
            .map(|(_, label)| *label)
    }
}
