//! The human output of the record commands: customer, ticket, log, timeline, sla, routing, order, kb, reminder, survey and their tables.
//!
//! Enum values the TUI also shows (status, priority, kind, channel, tier,
//! SLA state, lifecycle) come from the shared labels of
//! [`super::Strings`]; the tables here are for values only the CLI prints
//! in its own short form.

use crate::domain::cadence::Due;
use crate::domain::duplicates::Evidence;
use crate::domain::enums::{Direction, ReminderReason};
use crate::domain::kb::ArticleKind;
use crate::domain::order::CorrectionKind;
use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
pub struct CliRecordsStrings {
    // Column headers of the human tables.
    pub col_id: &'static str,
    pub col_ticket_id: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_tier: &'static str,
    pub col_phone: &'static str,
    pub col_email: &'static str,
    pub col_last_contact: &'static str,
    pub col_status: &'static str,
    pub col_priority: &'static str,
    pub col_kind: &'static str,
    pub col_customer: &'static str,
    pub col_subject: &'static str,
    pub col_next_due: &'static str,
    pub col_sla: &'static str,
    pub col_assignee: &'static str,
    pub col_when: &'static str,
    pub col_channel: &'static str,
    pub col_direction: &'static str,
    pub col_agent: &'static str,
    pub col_ticket: &'static str,
    pub col_summary: &'static str,
    /// The position of a rule or policy in its list.
    pub col_position: &'static str,
    pub col_first_response: &'static str,
    pub col_resolution: &'static str,
    pub col_callback: &'static str,
    pub col_category: &'static str,
    pub col_keyword: &'static str,
    pub col_department: &'static str,
    pub col_amount: &'static str,
    pub col_net: &'static str,
    pub col_product: &'static str,
    pub col_note: &'static str,
    pub col_used: &'static str,
    pub col_title: &'static str,
    pub col_tags: &'static str,
    pub col_due: &'static str,
    /// Which window a reminder falls in (overdue, today …).
    pub col_window: &'static str,
    pub col_reason: &'static str,
    pub col_score_quality: &'static str,
    pub col_score_response: &'static str,
    pub col_score_communication: &'static str,
    pub col_mean: &'static str,
    pub col_low: &'static str,
    pub col_comment: &'static str,
    pub col_stage: &'static str,
    pub col_value: &'static str,
    pub col_reasons: &'static str,
    pub col_owner: &'static str,
    pub col_first: &'static str,
    pub col_second: &'static str,
    pub col_evidence: &'static str,
    /// Between the items of a list in one cell (tags, evidence).
    pub list_separator: &'static str,
    /// Between the churn warnings of a customer in one cell.
    pub reason_separator: &'static str,

    // Labels of `show` pages; `field_label` adds the colon: `{label}`.
    pub field_label: &'static str,
    pub label_customer: &'static str,
    pub label_kind: &'static str,
    pub label_tier: &'static str,
    /// After a tier set by hand.
    pub tier_pinned: &'static str,
    pub label_lifecycle: &'static str,
    pub label_next_contact: &'static str,
    pub label_contact: &'static str,
    pub label_phone: &'static str,
    pub label_email: &'static str,
    pub label_address: &'static str,
    pub label_industry: &'static str,
    pub label_owner: &'static str,
    pub label_since: &'static str,
    pub label_birthday: &'static str,
    pub label_value: &'static str,
    pub label_tags: &'static str,
    pub label_last_contact: &'static str,
    pub label_version: &'static str,
    pub label_archived: &'static str,
    pub yes: &'static str,
    pub heading_tickets: &'static str,
    pub heading_churn: &'static str,
    pub label_ticket: &'static str,
    pub label_priority: &'static str,
    pub label_status: &'static str,
    pub label_channel: &'static str,
    pub label_department: &'static str,
    pub label_assignee: &'static str,
    pub label_opened: &'static str,
    /// `{time}` the clock of the command.
    pub heading_sla: &'static str,
    pub clock_first_response: &'static str,
    pub clock_resolution: &'static str,
    pub clock_callback: &'static str,
    pub clock_no_target: &'static str,
    /// `{state}` its state, `{due}` when, `{done}` [`Self::clock_done`] or nothing.
    pub clock_due: &'static str,
    /// `{time}` when the clock stopped.
    pub clock_done: &'static str,
    /// `{outcome}` how the callback went.
    pub callback_outcome: &'static str,
    /// `{score}` the urgency score.
    pub heading_urgency: &'static str,
    pub heading_history: &'static str,
    pub heading_audit: &'static str,
    pub label_article: &'static str,
    pub label_used: &'static str,

    // Confirmations.
    /// `{code}`, `{version}`.
    pub customer_updated: &'static str,
    /// `{code}`.
    pub customer_archived: &'static str,
    /// `{id}`, `{status}`, `{version}`.
    pub ticket_changed: &'static str,
    /// `{name}`.
    pub calendar_saved: &'static str,
    /// `{name}`, `{tz}`, `{hours}`.
    pub calendar_line: &'static str,
    /// `{dates}`.
    pub calendar_holidays: &'static str,
    /// `{dates}`.
    pub calendar_workdays: &'static str,
    /// `{order}`, `{kind}`, `{amount}`, `{net}`.
    pub order_corrected: &'static str,
    /// In the NET column of a cancelled order.
    pub order_cancelled: &'static str,
    /// Below an order: `{kind}`, `{agent}`.
    pub order_correction_by: &'static str,
    /// `{duplicate}`, `{keep}` and the moved counts `{tickets}`,
    /// `{interactions}`, `{orders}`, `{surveys}`, `{reminders}`.
    pub merged: &'static str,
    pub count_tickets: Plural,
    pub count_interactions: Plural,
    pub count_orders: Plural,
    pub count_surveys: Plural,
    pub count_reminders: Plural,
    /// Under `ticket list --queue` when the list reaches the long-overdue band.
    pub queue_long_overdue: Plural,
    /// Under `ticket list --queue` when `--limit` cuts the list before the
    /// end of the long-overdue band: `{count}` is the band's whole size.
    pub queue_long_overdue_beyond: Plural,
    /// `{count}` customers, `{days}`.
    pub would_archive_inactive: &'static str,
    pub archived_inactive: &'static str,
    /// `{customers}`, `{tiers}`, `{lifecycles}` (each a count below).
    pub recomputed: &'static str,
    pub count_customers: Plural,
    pub count_tier_changes: Plural,
    pub count_lifecycle_changes: Plural,

    // Churn warnings (流失预警), by reason.
    /// `{recent}`, `{before}`, `{window}` (a count of days), `{window_days}`.
    pub churn_fewer_contacts: &'static str,
    /// `{complaints}` (a count), `{window}` (a count of days).
    pub churn_complaints: &'static str,
    /// `{average}`, `{below}`.
    pub churn_low_satisfaction: &'static str,
    /// `{since}` (a count of days since the last order).
    pub churn_orders_daily: &'static str,
    /// `{since}`, `{usual_days}`.
    pub churn_orders_overdue: &'static str,
    pub count_days: Plural,
    pub count_complaints: Plural,

    // The CLI's own short forms of values.
    /// The DIR column of timelines: short, as a column four wide wants.
    pub directions: &'static [(Direction, &'static str)],
    /// A timeline entry that is a ticket event rather than a contact.
    pub timeline_ticket_event: &'static str,
    pub reminder_windows: &'static [(Due, &'static str)],
    pub reminder_reasons: &'static [(ReminderReason, &'static str)],
    pub article_kinds: &'static [(ArticleKind, &'static str)],
    pub correction_kinds: &'static [(CorrectionKind, &'static str)],
    /// Why two customers look like one (`customer duplicates`).
    pub evidence: &'static [(Evidence, &'static str)],
}
}

/// Finds a value's label in one of the tables above; the stable key when absent.
fn label<K: PartialEq + Copy>(table: &[(K, &'static str)], key: K, fallback: &'static str) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or(fallback, |(_, l)| l)
}

impl CliRecordsStrings {
    pub fn direction(&self, d: Direction) -> &'static str {
        label(self.directions, d, d.key())
    }
    pub fn reminder_window(&self, d: Due) -> &'static str {
        label(self.reminder_windows, d, d.key())
    }
    pub fn reminder_reason(&self, r: ReminderReason) -> &'static str {
        label(self.reminder_reasons, r, r.key())
    }
    pub fn article_kind(&self, k: ArticleKind) -> &'static str {
        label(self.article_kinds, k, k.key())
    }
    pub fn correction_kind(&self, k: CorrectionKind) -> &'static str {
        label(self.correction_kinds, k, k.key())
    }
    pub fn evidence(&self, e: Evidence) -> &'static str {
        label(self.evidence, e, e.key())
    }
}

#[cfg(test)]
mod tests {
    use super::CliRecordsStrings;
    use crate::i18n::Lang;
    use std::collections::BTreeSet;

    /// Every template of the area, by name.
    fn templates(r: &CliRecordsStrings) -> Vec<(&'static str, &'static str)> {
        let mut all = vec![
            ("field_label", r.field_label),
            ("heading_sla", r.heading_sla),
            ("clock_due", r.clock_due),
            ("clock_done", r.clock_done),
            ("callback_outcome", r.callback_outcome),
            ("heading_urgency", r.heading_urgency),
            ("customer_updated", r.customer_updated),
            ("customer_archived", r.customer_archived),
            ("ticket_changed", r.ticket_changed),
            ("calendar_saved", r.calendar_saved),
            ("calendar_line", r.calendar_line),
            ("calendar_holidays", r.calendar_holidays),
            ("calendar_workdays", r.calendar_workdays),
            ("order_corrected", r.order_corrected),
            ("order_correction_by", r.order_correction_by),
            ("merged", r.merged),
            ("would_archive_inactive", r.would_archive_inactive),
            ("archived_inactive", r.archived_inactive),
            ("recomputed", r.recomputed),
            ("churn_complaints", r.churn_complaints),
            ("churn_low_satisfaction", r.churn_low_satisfaction),
            ("churn_orders_daily", r.churn_orders_daily),
            ("churn_orders_overdue", r.churn_orders_overdue),
        ];
        for (name, plural) in [
            ("count_tickets", r.count_tickets),
            ("count_interactions", r.count_interactions),
            ("count_orders", r.count_orders),
            ("count_surveys", r.count_surveys),
            ("count_reminders", r.count_reminders),
            ("count_customers", r.count_customers),
            ("count_tier_changes", r.count_tier_changes),
            ("count_lifecycle_changes", r.count_lifecycle_changes),
            ("count_days", r.count_days),
            ("count_complaints", r.count_complaints),
        ] {
            all.push((name, plural.one));
            all.push((name, plural.other));
        }
        all
    }

    fn names(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    /// A translation may reorder the placeholders but must fill the same
    /// ones (a churn warning may leave out a count it says in words).
    #[test]
    fn every_language_fills_the_same_placeholders() {
        let english = templates(Lang::En.strings().cli_records);
        for lang in Lang::ALL {
            for ((name, en), (_, other)) in english.iter().zip(templates(lang.strings().cli_records)) {
                assert_eq!(names(en), names(other), "{name} in {}", lang.tag());
            }
        }
    }

    #[test]
    fn every_value_of_the_cli_tables_has_a_label() {
        use crate::domain::cadence::Due;
        use crate::domain::duplicates::Evidence;
        use crate::domain::enums::{Direction, ReminderReason};
        use crate::domain::kb::ArticleKind;
        use crate::domain::order::CorrectionKind;
        let dues = [Due::Overdue, Due::Today, Due::Upcoming, Due::Later];
        let kinds = [ArticleKind::Faq, ArticleKind::Case, ArticleKind::Script];
        let evidence = [
            Evidence::SamePhone,
            Evidence::SameEmail,
            Evidence::SameName,
            Evidence::SamePinyin,
            Evidence::SimilarName,
        ];
        for lang in Lang::ALL {
            let r = lang.strings().cli_records;
            assert!(Direction::ALL.iter().all(|d| r.directions.iter().any(|e| e.0 == *d)));
            assert!(
                ReminderReason::ALL
                    .iter()
                    .all(|d| r.reminder_reasons.iter().any(|e| e.0 == *d))
            );
            assert!(dues.iter().all(|d| r.reminder_windows.iter().any(|e| e.0 == *d)));
            assert!(kinds.iter().all(|d| r.article_kinds.iter().any(|e| e.0 == *d)));
            assert!(evidence.iter().all(|d| r.evidence.iter().any(|e| e.0 == *d)));
            let both = [CorrectionKind::Refund, CorrectionKind::Cancel];
            assert!(both.iter().all(|d| r.correction_kinds.iter().any(|e| e.0 == *d)));
        }
    }
}
