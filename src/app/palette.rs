//! The command palette (`:`): every action with its key, found by fuzzy
//! typing, run in the context the palette was opened over.

use super::action::Action;
use super::panes::filtered::{Filtered, Row};
use crate::app::keymap::{Context, Keymap};
use crate::domain::search::{Matcher, SearchKey, rank};
use crate::i18n::Strings;

#[derive(Debug, Clone, PartialEq)]
pub struct PaletteItem {
    pub action: Action,
    pub label: String,
    /// The key that does the same, as the footer writes it.
    pub keys: String,
    position: i64,
}

impl Row for PaletteItem {
    fn id(&self) -> i64 {
        self.position
    }
}

pub struct Palette {
    pub list: Filtered<PaletteItem>,
    keys: Vec<(SearchKey, i64, i64)>,
    matcher: Matcher,
}

impl Palette {
    /// Lists the actions with the keys they have in `chain` (the context
    /// the palette is opened over), or in any context.
    pub fn new(keymap: &Keymap, chain: &[Context], s: &Strings, height: usize) -> Palette {
        let items: Vec<PaletteItem> = Action::ALL
            .iter()
            .filter(|a| a.in_palette())
            .filter(|a| a.only_in().is_none_or(|home| chain.contains(&home)))
            .enumerate()
            .map(|(position, &action)| {
                // The first binding in `chain`, else anywhere, with its context.
                let binding = chain
                    .iter()
                    .chain(&Context::ALL)
                    .find_map(|c| keymap.bindings(*c).iter().find(|b| b.action == action).map(|b| (*c, b)));
                PaletteItem {
                    action,
                    label: binding.map_or_else(
                        || s.action(action.name()).to_string(),
                        |(context, b)| super::help::binding_label(b, context, s).to_string(),
                    ),
                    keys: binding
                        .map(|(_, b)| super::help::keys_label(&b.keys, s))
                        .unwrap_or_default(),
                    position: position as i64,
                }
            })
            .collect();
        let keys = items
            .iter()
            .map(|item| {
                let key = SearchKey::new(&item.label, item.action.name(), "", "", "");
                // Equal scores keep the list's order.
                (key, -item.position, item.position)
            })
            .collect();
        let mut palette = Palette {
            list: Filtered::default(),
            keys,
            matcher: Matcher::new(),
        };
        palette.list.editing = true;
        palette.list.replace(items, |_| Vec::new(), height);
        palette
    }

    pub fn refilter(&mut self, height: usize) {
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.refilter(
            |q| rank(matcher, q, keys.iter().map(|(k, order, id)| (k, *order, *id))),
            height,
        );
    }

    pub fn selected_action(&self) -> Option<Action> {
        self.list.selected().map(|item| item.action)
    }
}
