//! A list narrowed by a `/` filter: all rows, the matches of the current
//! query (best first, with the characters to highlight) and the cursor.
//! The search itself is passed in, so the customer list can use the
//! service's index and the queue its own.

use super::cursor::Cursor;
use crate::app::input::TextInput;
use crate::domain::search::Hit;
use std::collections::HashMap;

/// Rows are kept apart by id, so the selection survives a reload.
pub trait Row {
    fn id(&self) -> i64;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub row: usize,
    /// Char indices of the highlighted name.
    pub hits: Vec<usize>,
    pub score: i64,
}

#[derive(Debug, Clone)]
pub struct Filtered<T> {
    rows: Vec<T>,
    positions: HashMap<i64, usize>,
    /// `None` while no filter is set: every row in its own order.
    matches: Option<Vec<Match>>,
    pub filter: TextInput,
    /// The filter line has the keyboard.
    pub editing: bool,
    pub cursor: Cursor,
}

impl<T> Default for Filtered<T> {
    fn default() -> Self {
        Filtered {
            rows: Vec::new(),
            positions: HashMap::new(),
            matches: None,
            filter: TextInput::default(),
            editing: false,
            cursor: Cursor::default(),
        }
    }
}

impl<T: Row> Filtered<T> {
    /// New rows from a reload: the filter is applied again and the same
    /// record stays selected when it is still there.
    pub fn replace(&mut self, rows: Vec<T>, find: impl Fn(&str) -> Vec<(Hit, i64)>, height: usize) {
        let selected = self.selected().map(Row::id);
        self.positions = rows.iter().enumerate().map(|(i, r)| (r.id(), i)).collect();
        self.rows = rows;
        self.run(find);
        match selected {
            Some(id) if self.select_id(id, height) => {}
            _ => self.cursor.clamp(self.len(), height),
        }
    }

    /// The filter text changed: the best match is selected.
    pub fn refilter(&mut self, find: impl Fn(&str) -> Vec<(Hit, i64)>, height: usize) {
        self.run(find);
        self.cursor = Cursor::default();
        self.cursor.clamp(self.len(), height);
    }

    fn run(&mut self, find: impl Fn(&str) -> Vec<(Hit, i64)>) {
        let query = self.filter.text().trim();
        self.matches = if query.is_empty() {
            None
        } else {
            Some(
                find(query)
                    .into_iter()
                    .filter_map(|(hit, id)| {
                        self.positions.get(&id).map(|&row| Match {
                            row,
                            hits: hit.name_indices,
                            score: hit.score,
                        })
                    })
                    .collect(),
            )
        };
    }

    /// New rows whose matches the caller will work out (see
    /// `customers::CustomersPane`); until then every row shows.
    pub fn set_rows(&mut self, rows: Vec<T>) {
        self.positions = rows.iter().enumerate().map(|(i, r)| (r.id(), i)).collect();
        self.rows = rows;
        self.matches = None;
    }

    /// The matches as the caller found them; `None` shows every row.
    pub fn matches_mut(&mut self) -> &mut Option<Vec<Match>> {
        &mut self.matches
    }

    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    /// How many rows are shown (all, or the matches).
    pub fn len(&self) -> usize {
        self.matches.as_ref().map_or(self.rows.len(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_filtered(&self) -> bool {
        self.matches.is_some()
    }

    /// The shown row at `index` and its highlighted chars.
    pub fn get(&self, index: usize) -> Option<(&T, &[usize])> {
        match &self.matches {
            None => self.rows.get(index).map(|r| (r, &[][..])),
            Some(m) => m
                .get(index)
                .and_then(|m| self.rows.get(m.row).map(|r| (r, m.hits.as_slice()))),
        }
    }

    /// The highest id loaded, shown or not.
    pub fn newest_id(&self) -> Option<i64> {
        self.positions.keys().max().copied()
    }

    /// Any loaded record by id, shown or not.
    pub fn by_id(&self, id: i64) -> Option<&T> {
        self.positions.get(&id).and_then(|&i| self.rows.get(i))
    }

    pub fn selected(&self) -> Option<&T> {
        self.get(self.cursor.selected).map(|(r, _)| r)
    }

    /// Selects the record with this id if it is shown.
    pub fn select_id(&mut self, id: i64, height: usize) -> bool {
        let Some(&row) = self.positions.get(&id) else {
            return false;
        };
        let index = match &self.matches {
            None => Some(row),
            Some(m) => m.iter().position(|m| m.row == row),
        };
        match index {
            Some(i) => {
                self.cursor.select(i, self.len(), height);
                true
            }
            None => false,
        }
    }
}
