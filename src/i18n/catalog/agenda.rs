//! The words of the agenda (the reminders in sections: today, upcoming,
//! overdue), in the TUI's Reminders view and `reminder list`; reached
//! through `Strings::agenda`.

use crate::domain::agenda::Section;

crate::i18n::texts::catalogue_struct! {
    pub struct AgendaStrings {
        pub sections: &'static [(Section, &'static str)],
        /// A section's heading: `{name}` its name, `{count}` how many it holds.
        pub heading: &'static str,
        /// The heading of a section with nothing in it: `{name}`.
        pub heading_empty: &'static str,
        /// The overdue heading while its rows are hidden: `{name}`, `{count}`,
        /// `{key}` the key that shows them.
        pub heading_collapsed: &'static str,
        /// In the title: the filter, `{reason}` and `{owner}` as below.
        pub title_filter: &'static str,
        /// The reason filter when every reason is listed.
        pub all_reasons: &'static str,
        /// The owner filter: everyone's reminders.
        pub owner_all: &'static str,
        /// The owner filter: the acting agent's, `{agent}`.
        pub owner_mine: &'static str,
        /// `reminder list`'s overdue heading when their rows are not listed:
        /// `{name}`, `{count}`, and how to list them.
        pub cli_collapsed: &'static str,
        /// `reminder list` under the heading of an upcoming section cut by `--limit`:
        /// `{shown}` of `{count}`.
        pub cli_more: &'static str,
    }
}

impl AgendaStrings {
    pub fn section(&self, section: Section) -> &'static str {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map_or(section.key(), |(_, label)| label)
    }
}
