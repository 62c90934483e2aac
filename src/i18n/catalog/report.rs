//! The words of `report` (monthly and weekly), in the source documents' own terms.

pub struct ReportStrings {}
