//! The triage screen's words, kept beside the main catalogue (which is
//! already long) and reached through `Strings::triage`.

pub struct TriageStrings {
    pub title: &'static str,
    /// `{0}` tickets waiting after this one.
    pub remaining: &'static str,
    pub customer: &'static str,
    pub other_open: &'static str,
    pub recent: &'static str,
    pub none_left: &'static str,
    pub decided: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub undo_refused: &'static str,
    pub failed: &'static str,
    pub marked: &'static str,
    pub bulk_changed: &'static str,
    /// A form's title and the number of marked tickets it changes.
    pub bulk_title: &'static str,
    pub newly_at_risk: &'static str,
    pub newly_breached: &'static str,
}
