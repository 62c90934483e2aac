//! The human output of the care commands: init, demo, backup, doctor, agent, import, export, config.

pub struct CliAdminStrings {}
