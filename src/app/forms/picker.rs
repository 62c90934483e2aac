//! A pick list under a form field: as the user types, the known values
//! that match show under the field (customers as the customer filter finds
//! them, pinyin included; the team's agents; the categories and departments
//! in use). `↑` `↓` move in it, Enter or Tab takes the highlighted one and
//! moves on, Esc closes it. What was typed is never lost: the list only
//! offers, and a field keeps its text until a choice is taken.

use crate::domain::search::{Matcher, SearchKey, rank};
use crate::i18n::Strings;
use crate::service::pickers::PickLists;

/// Matches shown under a field at most; the rest are counted.
pub const SHOWN: usize = 5;

/// Where a field's choices come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Customers; the field takes the chosen one's code.
    Customers,
    /// The team's agents; the field takes the name. The service refuses
    /// any other name once the team has agents.
    Agents,
    /// Categories and departments in use: offered, free text still allowed.
    Categories,
    Departments,
    /// Ticket tags in use, read when the tags form opens. The box holds a
    /// list: the word being typed is matched, and a choice replaces it.
    Tags,
}

impl Source {
    /// The field holds several values, the last one being typed.
    pub fn is_list(self) -> bool {
        self == Source::Tags
    }
}

/// One match: what the field takes, and what is shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A customer search under way, a slice of the customers at a time (see
/// `app::panes::customers`): 100,000 of them take longer than a frame.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Rows of the customer list to look at: all, or the matches of a
    /// shorter query the current one extends.
    pub pool: Option<Vec<usize>>,
    pub next: usize,
    pub done: bool,
    /// Every matching row so far (the pool of a longer query).
    pub rows: Vec<usize>,
    /// How many of `rows` match better than by scattered letters.
    pub better: usize,
    /// The best matches so far as (score, row), best first.
    pub top: Vec<(i64, usize)>,
    /// The row whose code is the text typed, if found: it comes first,
    /// so Enter on an exact code takes that customer whatever else matches.
    pub exact: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub source: Source,
    /// The list shows: the field was typed in since a choice was taken or
    /// the list closed.
    pub open: bool,
    /// The text the matches are for.
    pub query: String,
    /// The best matches, at most [`SHOWN`].
    pub choices: Vec<Choice>,
    /// How many match in all.
    pub total: usize,
    pub selected: usize,
    /// The customer search for `query`.
    pub search: Search,
}

impl Picker {
    pub fn new(source: Source) -> Picker {
        Picker {
            source,
            open: false,
            query: String::new(),
            choices: Vec::new(),
            total: 0,
            selected: 0,
            search: Search::default(),
        }
    }

    /// Moves the highlight `step` rows, wrapping round.
    pub fn shift(&mut self, step: isize) {
        let count = self.choices.len();
        if count > 0 {
            self.selected = (self.selected as isize + step).rem_euclid(count as isize) as usize;
        }
    }

    pub fn highlighted(&self) -> Option<&Choice> {
        self.choices.get(self.selected)
    }

    /// New matches for the same or a new query; the highlight stays on the
    /// same value when it is still shown (a search finishing must not move
    /// it under the user's finger), else goes to the best.
    pub fn offer(&mut self, choices: Vec<Choice>, total: usize) {
        let kept = self.highlighted().map(|c| c.value.clone());
        self.selected = kept
            .and_then(|v| choices.iter().position(|c| c.value == v))
            .unwrap_or(0);
        self.choices = choices;
        self.total = total;
    }

    pub fn close(&mut self) {
        self.open = false;
        self.search = Search::default();
    }
}

/// An entry of a short list: the value, its label and what is matched.
#[derive(Debug)]
struct Entry {
    value: String,
    label: String,
    key: SearchKey,
}

/// The agents, categories and departments, each with a search key built
/// once per load, so typing only runs the matcher.
#[derive(Debug, Default)]
pub struct Known {
    matcher: Matcher,
    agents: Vec<Entry>,
    categories: Vec<Entry>,
    departments: Vec<Entry>,
    tags: Vec<Entry>,
    /// The team has agents: an assignee must be one of them.
    pub has_agents: bool,
}

impl Known {
    /// Keys for the lists read with the overview; category keys hold their
    /// label in the interface language too, so `产品`, `chanpin` and `cpzl`
    /// find `product-quality`.
    pub fn new(lists: PickLists, s: &Strings) -> Known {
        let entry = |value: String, label: String| Entry {
            key: SearchKey::new(&value, &label, "", "", ""),
            value,
            label,
        };
        let has_agents = !lists.agents.is_empty();
        Known {
            matcher: Matcher::new(),
            agents: lists
                .agents
                .into_iter()
                .map(|(name, department)| entry(name, department.unwrap_or_default()))
                .collect(),
            categories: lists
                .categories
                .into_iter()
                .map(|c| {
                    let label = s.category(&c).to_string();
                    if label == c {
                        return entry(c, String::new());
                    }
                    // The label is the name people say: matched as a name, so
                    // its pinyin finds it too (`js` → 技术问题), the key as a code.
                    Entry {
                        key: SearchKey::new(&label, &c, "", "", ""),
                        value: c,
                        label,
                    }
                })
                .collect(),
            departments: lists.departments.into_iter().map(|d| entry(d, String::new())).collect(),
            tags: Vec::new(),
            has_agents,
        }
    }

    /// The tags in use, read for the tags form (not with the overview:
    /// finding them reads every ticket).
    pub fn set_tags(&mut self, tags: Vec<String>) {
        self.tags = tags
            .into_iter()
            .map(|t| Entry {
                key: SearchKey::new(&t, "", "", "", ""),
                value: t,
                label: String::new(),
            })
            .collect();
    }

    /// The best matches of `query` in a short list, and how many match.
    /// Customers are searched elsewhere (their index is the customer list's).
    pub fn find(&self, source: Source, query: &str) -> (Vec<Choice>, usize) {
        let entries = match source {
            Source::Agents => &self.agents,
            Source::Categories => &self.categories,
            Source::Departments => &self.departments,
            Source::Tags => &self.tags,
            Source::Customers => return (Vec::new(), 0),
        };
        // Ties keep the list's order (by name): all have the same "activity".
        let mut hits = rank(&self.matcher, query, entries.iter().map(|e| (&e.key, 0, e)));
        // The value typed in full comes first, so Enter keeps it.
        hits.sort_by_key(|(_, e)| !e.value.eq_ignore_ascii_case(query.trim()));
        let total = hits.len();
        let choices = hits
            .into_iter()
            .take(SHOWN)
            .map(|(_, e)| Choice {
                value: e.value.clone(),
                label: e.label.clone(),
            })
            .collect();
        (choices, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn known() -> Known {
        let lists = PickLists {
            agents: vec![
                ("li.na".into(), Some("service".into())),
                ("wang.fang".into(), None),
                ("张伟".into(), Some("售后".into())),
            ],
            categories: vec!["product-quality".into(), "billing".into(), "退货".into()],
            departments: vec![
                "customer-service".into(),
                "service".into(),
                "sales".into(),
                "售后".into(),
            ],
        };
        Known::new(lists, Lang::ZhCn.strings())
    }

    /// The short lists match as the customer filter does: fuzzy, any
    /// case, pinyin and initials, and a category by its label too.
    #[test]
    fn short_lists_find_what_the_customer_filter_would() {
        let known = known();
        let cases: &[(Source, &str, &[&str])] = &[
            (Source::Agents, "li", &["li.na"]),
            (Source::Agents, "LI.N", &["li.na"]),
            (Source::Agents, "wf", &["wang.fang"]),
            (Source::Agents, "zw", &["张伟"]),
            (Source::Agents, "zhangwei", &["张伟"]),
            (Source::Agents, "xyz", &[]),
            (Source::Categories, "bill", &["billing"]),
            (Source::Categories, "质量", &["product-quality"]),
            (Source::Categories, "th", &["退货"]),
            (Source::Categories, "cpzl", &["product-quality"]),
            (Source::Categories, "zhangdan", &["billing"]),
            (Source::Categories, "product", &["product-quality"]),
            (Source::Departments, "sa", &["sales"]),
            (Source::Departments, "sh", &["售后"]),
            (Source::Customers, "zs", &[]),
            (Source::Departments, "service", &["service", "customer-service"]),
        ];
        for (source, query, expected) in cases {
            let (choices, total) = known.find(*source, query);
            let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
            assert_eq!(&values, expected, "{source:?} {query:?}");
            assert_eq!(total, expected.len());
        }
        assert!(known.has_agents);
    }

    #[test]
    fn the_highlight_wraps_and_stays_on_its_value() {
        let choice = |v: &str| Choice {
            value: v.into(),
            label: String::new(),
        };
        let mut picker = Picker::new(Source::Agents);
        picker.offer(vec![choice("a"), choice("b"), choice("c")], 3);
        picker.shift(-1);
        assert_eq!(picker.highlighted(), Some(&choice("c")));
        picker.shift(1);
        assert_eq!(picker.selected, 0);
        picker.shift(1);
        picker.offer(vec![choice("x"), choice("b")], 2);
        assert_eq!(picker.highlighted(), Some(&choice("b")), "b stays highlighted");
        picker.offer(vec![choice("y")], 1);
        assert_eq!(picker.highlighted(), Some(&choice("y")));
    }
}
