//! English: agenda.

use crate::domain::agenda::Section;
use crate::i18n::catalog::agenda::AgendaStrings;

pub const AGENDA: AgendaStrings = AgendaStrings {
    sections: &[
        (Section::Today, "Today"),
        (Section::Upcoming, "Upcoming"),
        (Section::Overdue, "Overdue"),
    ],
    heading: "{name} · {count}",
    heading_empty: "{name} · none",
    heading_collapsed: "{name} · {count}  ({key} shows them)",
    title_filter: "{reason} · {owner}",
    all_reasons: "all reasons",
    owner_all: "everyone's",
    owner_mine: "mine ({agent})",
    cli_collapsed: "{name} · {count}  (--when overdue lists them)",
    cli_more: "{shown} of {count} listed (--limit 0 lists all)",
};
