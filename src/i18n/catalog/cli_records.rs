//! The human output of the record commands: customer, ticket, log, timeline, sla, routing, order, kb, reminder, survey and their tables.

crate::i18n::texts::catalogue_struct! {
    pub struct CliRecordsStrings {}
}
