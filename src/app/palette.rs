//! The command palette (`:`): every action with its key, found by fuzzy
//! typing, run in the context the palette was opened over; and records to
//! jump to, a ticket by number (`#123`, `123`) or a customer by name or
//! code (the customer filter's matching, pinyin included), above them.

use super::action::Action;
use super::navigation::Link;
use super::panes::filtered::{Filtered, Row};
use crate::app::keymap::{Context, Keymap};
use crate::domain::search::{Hit, Matcher, SearchKey, rank};
use crate::i18n::Strings;

#[derive(Debug, Clone, PartialEq)]
pub struct PaletteItem {
    pub action: Action,
    pub label: String,
    /// The key that does the same, as the footer writes it.
    pub keys: String,
    /// A row that opens a record rather than running an action.
    pub record: Option<Link>,
    position: i64,
}

impl PaletteItem {
    /// A row that opens `record`, labelled `label`.
    pub fn record(record: Link, label: String) -> PaletteItem {
        PaletteItem {
            action: Action::Open,
            label,
            keys: String::new(),
            record: Some(record),
            position: 0,
        }
    }
}

impl Row for PaletteItem {
    fn id(&self) -> i64 {
        self.position
    }
}

/// The records a palette query names, found a slice of customers at a time.
pub struct RecordSearch {
    /// What customers are matched against; `None` when the query names none.
    pub query: Option<String>,
    /// The ticket the query names by number.
    pub ticket: Option<PaletteItem>,
    /// The next customer position to match.
    pub next: usize,
    /// The best matches so far, with their positions in the index.
    pub found: Vec<(Hit, usize)>,
}

pub struct Palette {
    pub list: Filtered<PaletteItem>,
    /// A customer search under way (see `Msg::Continue`).
    pub search: Option<RecordSearch>,
    /// The action rows, in their order; record rows come and go with the query.
    actions: Vec<PaletteItem>,
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
                    record: None,
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
            search: None,
            actions: items.clone(),
            keys,
            matcher: Matcher::new(),
        };
        palette.list.editing = true;
        palette.list.replace(items, |_| Vec::new(), height);
        palette
    }

    /// The query changed: the actions that match it, under `records`
    /// (the rows that open what the query names, best first).
    pub fn refilter(&mut self, height: usize, records: Vec<PaletteItem>) {
        let first = self.actions.len() as i64;
        let records: Vec<PaletteItem> = records
            .into_iter()
            .zip(first..)
            .map(|(item, position)| PaletteItem { position, ..item })
            .collect();
        let record_ids: Vec<i64> = records.iter().map(|r| r.position).collect();
        let mut rows = self.actions.clone();
        rows.extend(records);
        self.list.set_rows(rows);
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.refilter(
            |q| {
                let named = record_ids.iter().map(|&id| {
                    let hit = Hit {
                        score: i64::MAX,
                        name_indices: Vec::new(),
                    };
                    (hit, id)
                });
                named
                    .chain(rank(matcher, q, keys.iter().map(|(k, order, id)| (k, *order, *id))))
                    .collect()
            },
            height,
        );
    }

    /// Names the `view_N` rows after the views they show (`View 2 · 未指派`),
    /// so typing a view's name finds the row that shows it; a row with no
    /// view behind it is left out.
    pub fn name_views(&mut self, names: &[String], height: usize) {
        let named = |item: &PaletteItem| match item.action.view_number() {
            Some(n) => names
                .get(n - 1)
                .map(|name| format!("{} · {}", item.label, crate::domain::text::sanitize_line(name))),
            None => Some(item.label.clone()),
        };
        let items: Vec<PaletteItem> = self
            .actions
            .iter()
            .filter_map(|item| named(item).map(|label| PaletteItem { label, ..item.clone() }))
            .collect();
        self.keys
            .retain(|(_, _, position)| items.iter().any(|i| i.position == *position));
        for (key, _, position) in &mut self.keys {
            if let Some(item) = items
                .iter()
                .find(|i| i.position == *position && i.action.view_number().is_some())
            {
                *key = SearchKey::new(&item.label, item.action.name(), "", "", "");
            }
        }
        self.actions = items.clone();
        self.list.replace(items, |_| Vec::new(), height);
    }

    pub fn selected_action(&self) -> Option<Action> {
        self.list.selected().map(|item| item.action)
    }

    /// The record the selected row opens, if it is a record's row.
    pub fn selected_record(&self) -> Option<Link> {
        self.list.selected().and_then(|item| item.record)
    }
}
