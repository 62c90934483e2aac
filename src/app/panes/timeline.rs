//! The timeline: the interactions and ticket events of the customer
//! selected in the other panes, newest first.

use super::cursor::Cursor;
use crate::domain::interaction::TimelineEntry;

/// How many entries are loaded; older history is on the customer card.
pub const TIMELINE_LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct TimelinePane {
    /// Whose timeline this is: id and name.
    pub customer: Option<(i64, String)>,
    pub entries: Vec<TimelineEntry>,
    pub cursor: Cursor,
    pub loading: bool,
}

impl TimelinePane {
    pub fn customer_id(&self) -> Option<i64> {
        self.customer.as_ref().map(|(id, _)| *id)
    }

    /// Switches to another customer; entries arrive with [`Self::loaded`].
    pub fn follow(&mut self, id: i64, name: &str) {
        self.customer = Some((id, name.to_string()));
        self.entries.clear();
        self.cursor = Cursor::default();
        self.loading = true;
    }

    pub fn loaded(&mut self, id: i64, entries: Vec<TimelineEntry>, height: usize) {
        // An answer for a customer no longer followed is dropped.
        if self.customer_id() == Some(id) {
            self.entries = entries;
            self.loading = false;
            self.cursor.clamp(self.entries.len(), height);
        }
    }

    pub fn selected(&self) -> Option<&TimelineEntry> {
        self.entries.get(self.cursor.selected)
    }
}
