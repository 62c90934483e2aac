//! The macro picker (`M`): the macros in a small list over the screen,
//! narrowed by typing (names match as customer names do, pinyin
//! included), each shown with what it does; Enter applies the selected one
//! to the ticket the picker was opened on.

use super::panes::filtered::{Filtered, Row};
use crate::domain::macros::Macro;
use crate::domain::search::{Matcher, SearchKey, rank};
use crate::i18n::Strings;

/// Lines of the picker under its list: the selected macro's reply, then
/// the picker's keys.
pub const FOOT_LINES: u16 = 2;

/// One macro in the picker, with its effect in words.
#[derive(Debug, Clone, PartialEq)]
pub struct MacroRow {
    pub item: Macro,
    pub does: String,
}

impl Row for MacroRow {
    fn id(&self) -> i64 {
        self.item.id
    }
}

pub struct MacroPicker {
    /// The ticket the macro goes to, at the version it was seen: a macro
    /// applied to a ticket changed since is refused, not applied blindly.
    pub ticket: i64,
    pub version: i64,
    /// The macros have not arrived yet.
    pub loading: bool,
    pub list: Filtered<MacroRow>,
    keys: Vec<(SearchKey, i64, i64)>,
    matcher: Matcher,
}

impl MacroPicker {
    pub fn new(ticket: i64, version: i64) -> MacroPicker {
        let mut list = Filtered::default();
        list.editing = true;
        MacroPicker {
            ticket,
            version,
            loading: true,
            list,
            keys: Vec::new(),
            matcher: Matcher::new(),
        }
    }

    /// The macros have come: listed by name, the filter typed meanwhile kept.
    pub fn fill(&mut self, macros: Vec<Macro>, s: &Strings, height: usize) {
        self.loading = false;
        let rows: Vec<MacroRow> = macros
            .into_iter()
            .map(|item| MacroRow {
                does: crate::i18n::macro_text::does(s, &item),
                item,
            })
            .collect();
        self.keys = rows
            .iter()
            .enumerate()
            .map(|(position, row)| {
                // The name is what is typed; tags found too ("refund").
                let tags = [row.item.add_tags.join(" "), row.item.remove_tags.join(" ")].join(" ");
                let key = SearchKey::new(&row.item.name, &tags, "", "", "");
                // Equal scores keep the list's (name) order.
                (key, -(position as i64), row.item.id)
            })
            .collect();
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.replace(
            rows,
            |q| rank(matcher, q, keys.iter().map(|(k, order, id)| (k, *order, *id))),
            height,
        );
    }

    pub fn refilter(&mut self, height: usize) {
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.refilter(
            |q| rank(matcher, q, keys.iter().map(|(k, order, id)| (k, *order, *id))),
            height,
        );
    }

    pub fn selected(&self) -> Option<&Macro> {
        self.list.selected().map(|row| &row.item)
    }
}
