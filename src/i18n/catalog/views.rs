//! The words of saved views (`view list|add|remove`, `ticket list --view`
//! and the queue's views bar), reached through `Strings::views`.

crate::i18n::texts::catalogue_struct! {
    pub struct ViewStrings {
        /// The shipped views' display names, by key (`mine`, `unassigned`,
        /// `breached`, `waiting`, `complaints-week`).
        pub mine: &'static str,
        pub unassigned: &'static str,
        pub breached: &'static str,
        pub waiting: &'static str,
        pub complaints_week: &'static str,
        /// The views bar's first entry: every active ticket in triage order.
        pub queue: &'static str,
        /// A view's count in the bar before it is known.
        pub counting: &'static str,
        /// `view add`: `{name}` added.
        pub added: &'static str,
        /// `view remove`: `{name}` removed.
        pub removed: &'static str,
        /// `view list` with no view.
        pub none_yet: &'static str,
        /// Column headers of `view list`.
        pub col_name: &'static str,
        pub col_key: &'static str,
        pub col_query: &'static str,
        pub col_count: &'static str,
        /// After "view X not found": the views there are, `{names}` joined
        /// by `list_separator`.
        pub known: &'static str,
        pub list_separator: &'static str,
        /// The queue's title while a view is selected: `{view}` its name,
        /// `{count}` the tickets shown.
        pub title: &'static str,
    }
}

use crate::domain::views::{Builtin, SavedView};

impl ViewStrings {
    /// A shipped view's display name in this language.
    pub fn builtin(&self, b: Builtin) -> &'static str {
        match b {
            Builtin::Mine => self.mine,
            Builtin::Unassigned => self.unassigned,
            Builtin::Breached => self.breached,
            Builtin::Waiting => self.waiting,
            Builtin::ComplaintsWeek => self.complaints_week,
        }
    }

    /// The name a view shows: a shipped one's in this language, an added
    /// one's as typed.
    pub fn name_of<'a>(&self, view: &'a SavedView) -> std::borrow::Cow<'a, str> {
        match view.builtin {
            Some(b) => self.builtin(b).into(),
            None => view.name.as_str().into(),
        }
    }
}

/// A shipped view's display names in every language: `--view` takes any of
/// them, whatever language the interface speaks.
pub fn aliases(b: Builtin) -> Vec<&'static str> {
    crate::i18n::Lang::ALL
        .iter()
        .map(|l| l.strings().views.builtin(b))
        .collect()
}
