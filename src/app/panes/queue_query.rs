//! The queue's `/` in the filter language. Each keystroke only parses (a
//! few microseconds); the query itself runs on the background worker and
//! its tickets replace the list when they come back, so typing never waits
//! on the database. Words alone keep the instant local match over the
//! queue's rows (customer name, pinyin, number, subject) and gain the
//! full-text matches when they arrive. A term that cannot be read is shown
//! under the list, the text stays as typed and the list keeps its last
//! good result.

use super::filtered::Match;
use super::queue::QueuePane;
use crate::domain::enums::TicketStatus;
use crate::domain::query::{Query, Test};
use crate::service::find::Found;
use crate::service::tickets::TicketView;
use std::collections::HashMap;

/// The most tickets the queue's `/` shows from a query: a page an agent
/// scrolls, read in well under the time between two keystrokes.
pub const FIND_LIMIT: usize = 500;

/// The state of the queue's query beside its text (the filter input).
#[derive(Debug, Default)]
pub struct QueueQuery {
    /// Why the typed text cannot be read, worded for the user.
    pub error: Option<String>,
    /// `<C-t>`: every ticket, resolved and closed ones too.
    pub all_tickets: bool,
    /// The expression of the saved view selected ("" on the queue): the
    /// typed text narrows it, over every ticket as the view does.
    pub view: String,
    /// The expression whose tickets the list shows instead of the queue.
    pub shown: Option<String>,
    /// The queue as last read, kept while a query's tickets are shown.
    queue_rows: Option<Vec<TicketView>>,
    /// The text that matched, by ticket, where words were searched for.
    pub snippets: HashMap<i64, String>,
    /// The tickets shown are the first [`FIND_LIMIT`] of more: the title
    /// says `500+`, not a count the query did not make.
    pub capped: bool,
}

/// What the typed text asks of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// Nothing typed: the queue as it is.
    Queue,
    /// Words only: the local match over the rows now, the full text of
    /// `expr` on top (`all`: over every ticket, as in a view).
    Words { expr: String, all: bool },
    /// Terms (or every ticket): the worker's tickets, `all` over every ticket.
    Tickets { expr: String, all: bool },
}

impl QueuePane {
    /// The `/` text as typed (`wanted` puts a selected view's expression before it).
    pub fn queue_expression(&self) -> String {
        self.list.filter.text().trim().to_string()
    }

    /// What `query` (read from the `/` text) asks of the list.
    pub fn wanted(&self, query: &Query) -> Wanted {
        let expr = self.queue_expression();
        let view = self.query.view.trim();
        let words_only = query.terms.is_empty() && query.sort.is_none();
        if !view.is_empty() {
            // The view's own read shows its tickets; what is typed narrows them.
            return match (expr.is_empty(), words_only) {
                (true, _) => Wanted::Queue,
                (false, true) => Wanted::Words {
                    expr: format!("{view} {expr}"),
                    all: true,
                },
                (false, false) => Wanted::Tickets {
                    expr: format!("{view} {expr}"),
                    all: true,
                },
            };
        }
        let all = self.query.all_tickets || names_settled(query);
        if words_only && !all {
            if expr.is_empty() {
                return Wanted::Queue;
            }
            return Wanted::Words { expr, all: false };
        }
        Wanted::Tickets { expr, all }
    }

    /// Found tickets for `expr` replace the list (the queue is kept aside).
    pub fn show_found(&mut self, expr: &str, found: Found, height: usize) {
        if self.query.queue_rows.is_none() {
            self.query.queue_rows = Some(self.list.rows().to_vec());
        }
        self.snippets_of(&found);
        self.query.shown = Some(expr.to_string());
        self.query.capped = found.tickets.len() >= FIND_LIMIT;
        let selected = self.list.selected().map(|v| v.ticket.id);
        self.list.set_rows(found.tickets);
        self.list.cursor = super::cursor::Cursor::default();
        match selected {
            Some(id) if self.list.select_id(id, height) => {}
            _ => self.list.cursor.clamp(self.list.len(), height),
        }
    }

    /// Full-text matches of the words: added after the local matches.
    pub fn add_text_matches(&mut self, found: Found) {
        self.snippets_of(&found);
        let positions: HashMap<i64, usize> = self
            .list
            .rows()
            .iter()
            .enumerate()
            .map(|(i, v)| (v.ticket.id, i))
            .collect();
        let Some(matches) = self.list.matches_mut() else {
            return;
        };
        for view in &found.tickets {
            let Some(&row) = positions.get(&view.ticket.id) else {
                continue;
            };
            if !matches.iter().any(|m| m.row == row) {
                matches.push(Match {
                    row,
                    hits: Vec::new(),
                    score: 0,
                });
            }
        }
    }

    /// Back to the queue's own rows (the query cleared or words only).
    pub fn show_queue(&mut self, height: usize) {
        self.query.shown = None;
        self.query.snippets.clear();
        if let Some(rows) = self.query.queue_rows.take() {
            self.load(rows, height);
        }
    }

    /// A reload of the queue while a query's tickets are shown: kept aside
    /// (the caller asks the query again). False when the list shows the queue.
    pub fn keep_aside(&mut self, views: &mut Vec<TicketView>) -> bool {
        if self.query.shown.is_none() {
            return false;
        }
        self.query.queue_rows = Some(std::mem::take(views));
        true
    }

    /// How many tickets the queue holds while a query's are shown instead.
    pub fn queue_len(&self) -> Option<usize> {
        self.query.shown.as_ref()?;
        self.query.queue_rows.as_ref().map(Vec::len)
    }

    /// The matched text of the selected ticket, if words found it.
    pub fn selected_snippet(&self) -> Option<&str> {
        let id = self.selected()?.ticket.id;
        self.query.snippets.get(&id).map(String::as_str)
    }

    fn snippets_of(&mut self, found: &Found) {
        self.query.snippets = found
            .tickets
            .iter()
            .zip(&found.snippets)
            .filter_map(|(v, s)| s.clone().map(|s| (v.ticket.id, s)))
            .collect();
    }
}

/// A `status:` term that names resolved or closed tickets looks beyond the
/// queue, which holds neither (but resolved ones awaiting their callback).
fn names_settled(query: &Query) -> bool {
    query.terms.iter().any(|t| {
        !t.negated
            && matches!(&t.test, Test::Status(s)
                if s.iter().any(|s| matches!(s, TicketStatus::Resolved | TicketStatus::Closed)))
    })
}
