//! The human output of the care commands: init, demo, backup, doctor, agent, import, export, config.

crate::i18n::texts::catalogue_struct! {
    pub struct CliAdminStrings {}
}
