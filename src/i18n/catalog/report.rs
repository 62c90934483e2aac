//! The words of `report` (monthly and weekly), in the source documents' own terms.

crate::i18n::texts::catalogue_struct! {
    pub struct ReportStrings {}
}
