//! The human output of the care commands: init, demo, backup, doctor, agent, import, export, config.

use crate::domain::enums::Role;

crate::i18n::texts::catalogue_struct! {
pub struct CliAdminStrings {
    // init, demo.
    /// `{version}`.
    pub schema_version: &'static str,
    /// `{customers}`, `{tickets}`, `{interactions}`, `{orders}`, `{surveys}`, `{seconds}`.
    pub demo_added: &'static str,
    // backup.
    /// `{path}`, `{pages}`, `{bytes}`, `{millis}`.
    pub backup_done: &'static str,
    /// The daily backup failed: `{dir}`, `{error}`.
    pub daily_backup_failed: &'static str,
    /// `{files}`: backups dated after today, left alone.
    pub daily_backup_future: &'static str,
    // doctor: field labels.
    /// A label before its value: `{label}`.
    pub field: &'static str,
    pub doctor_database: &'static str,
    pub doctor_header: &'static str,
    pub doctor_integrity: &'static str,
    pub doctor_foreign_keys: &'static str,
    pub doctor_schema: &'static str,
    pub doctor_application: &'static str,
    pub doctor_journal: &'static str,
    pub doctor_size: &'static str,
    pub doctor_rows: &'static str,
    // doctor: values.
    pub ok: &'static str,
    pub problem: &'static str,
    /// `{problem}` then why: the header's states.
    pub with_reason: &'static str,
    pub header_empty: &'static str,
    pub header_not_sqlite: &'static str,
    pub header_damaged: &'static str,
    pub header_truncated: &'static str,
    pub could_not_run: &'static str,
    pub unreadable: &'static str,
    /// `{version}`.
    pub schema_current: &'static str,
    /// `{version}`, `{expected}`.
    pub schema_other: &'static str,
    /// `{expected}`.
    pub schema_unreadable: &'static str,
    /// `{bytes}`, `{wal}`; `{pages}` is [`Self::size_pages`] or nothing.
    pub size: &'static str,
    /// `{count}`, `{size}`, `{free}`.
    pub size_pages: &'static str,
    /// `{table}`, `{count}`.
    pub rows_item: &'static str,
    pub rows_gap: &'static str,
    pub rows_none: &'static str,
    /// Before each finding: `{finding}`.
    pub warning_line: &'static str,
    pub problem_line: &'static str,
    pub no_problems_found: &'static str,
    pub problems_found: crate::i18n::Plural,
    // doctor: findings. SQLite's own messages are quoted as they are.
    pub finding_not_sqlite: &'static str,
    /// `{why}`.
    pub finding_header_damaged: &'static str,
    /// `{bytes}`, `{expected}`.
    pub finding_truncated: &'static str,
    /// `{error}`.
    pub finding_unreadable: &'static str,
    /// `{line}`.
    pub finding_integrity: &'static str,
    /// `{row}`, `{table}`, `{parent}`.
    pub finding_foreign_key: &'static str,
    /// `{id}`.
    pub finding_row: &'static str,
    pub finding_some_row: &'static str,
    /// `{found}`, `{ours}`.
    pub finding_application_id: &'static str,
    /// `{found}`, `{expected}`.
    pub finding_schema: &'static str,
    /// `{found}`, `{wanted}`.
    pub finding_journal: &'static str,
    /// `{file}`, `{mode}`.
    pub finding_permissions: &'static str,
    // agent.
    /// `{name}`, `{role}`.
    pub agent_added: &'static str,
    pub agent_updated: &'static str,
    pub agent_first: &'static str,
    pub agents_none: &'static str,
    pub col_name: &'static str,
    pub col_role: &'static str,
    pub col_department: &'static str,
    pub col_since: &'static str,
    pub role_agent: &'static str,
    pub role_supervisor: &'static str,
    pub role_admin: &'static str,
    // import.
    /// `{rows}`.
    pub import_dry_run: &'static str,
    /// `{rows}`, `{added}`, `{skipped}`, `{created}`.
    pub import_done: &'static str,
}
}

impl CliAdminStrings {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Agent => self.role_agent,
            Role::Supervisor => self.role_supervisor,
            Role::Admin => self.role_admin,
        }
    }
}
