//! The Data quality view: likely duplicate pairs and customers missing
//! contact details, one row selected over both sections, and the two
//! confirmations (merge a pair, archive the inactive). Pure: the lists come
//! from `service::quality::review`.

use super::action::Action;
use super::format;
use super::keys::{Key, KeyCode};
use super::sections;
use crate::domain::customer::Customer;
use crate::domain::duplicates::{Evidence, email_key, phone_key};
use crate::domain::search::pinyin_spelling;
use crate::service::merge::Moved;
use crate::service::quality::{DuplicateView, Review};

#[derive(Debug, Default)]
pub struct Quality {
    pub review: Review,
    /// The lists have been asked for and not yet come.
    pub loading: bool,
    /// The last read failed (the footer says why): empty lists are not
    /// "all clean".
    pub unreadable: bool,
    /// Index over all rows: the pairs first, then the customers missing
    /// contact details.
    pub selected: usize,
    pub confirm: Option<Confirm>,
}

/// The section a row is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Duplicates,
    Missing,
}

/// A line of the view: a section heading with its count, the section's
/// column titles, or a row (its index over all rows).
pub use super::sections::Line;

/// The selected row.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    Pair(&'a DuplicateView),
    Missing(&'a Customer),
}

/// The modal over the view, waiting for `y` or `n`.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    // Boxed: two whole customers are much larger than the archive's days.
    Merge(Box<MergeConfirm>),
    Archive(ArchiveConfirm),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MergeConfirm {
    pub keep: Customer,
    pub duplicate: Customer,
    /// What each would bring along: (keep's, duplicate's) as they stand,
    /// swapped with them; `None` while being counted.
    pub counts: Option<(Moved, Moved)>,
    /// The counts could not be read: why.
    pub error: Option<String>,
    /// Sent to the service; further keys wait for its answer.
    pub busy: bool,
}

impl MergeConfirm {
    /// What moves to the kept customer.
    pub fn moving(&self) -> Option<Moved> {
        self.counts.map(|(_, moved)| moved)
    }

    /// The kept customer becomes the duplicate and the other way round.
    pub fn swap(&mut self) {
        std::mem::swap(&mut self.keep, &mut self.duplicate);
        self.counts = self.counts.map(|(a, b)| (b, a));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveConfirm {
    /// As typed: digits only, possibly none yet.
    pub days: String,
    /// The dry run for `days`: the customers it would archive, `None`
    /// while it runs.
    pub found: Option<Vec<Customer>>,
    /// The dry run was refused (the days out of range): the service's words.
    pub error: Option<String>,
    pub busy: bool,
}

/// The days a user may type: enough digits for the service's range and a
/// little more, so a mistyped one gets the service's error, not a cut.
const MAX_DAY_DIGITS: usize = 6;

impl ArchiveConfirm {
    pub fn new(days: i64) -> ArchiveConfirm {
        ArchiveConfirm {
            days: days.to_string(),
            found: None,
            error: None,
            busy: false,
        }
    }

    /// The days as a number, if any are typed.
    pub fn days(&self) -> Option<i64> {
        self.days.parse().ok()
    }

    /// A digit typed or Backspace: true when the days changed (and the
    /// dry run must run again).
    pub fn edit(&mut self, key: Key) -> bool {
        let changed = match (key.text(), key.code) {
            (Some(c), _) if c.is_ascii_digit() && self.days.len() < MAX_DAY_DIGITS => {
                self.days.push(c);
                true
            }
            (_, KeyCode::Backspace) => self.days.pop().is_some(),
            _ => false,
        };
        if changed {
            self.found = None;
            self.error = None;
        }
        changed
    }
}

impl Quality {
    pub fn len(&self) -> usize {
        self.review.duplicates.len() + self.review.missing_contact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        let pairs = &self.review.duplicates;
        match pairs.get(index) {
            Some(pair) => Some(Row::Pair(pair)),
            None => self.review.missing_contact.get(index - pairs.len()).map(Row::Missing),
        }
    }

    pub fn selected(&self) -> Option<Row<'_>> {
        self.row(self.selected)
    }

    /// The customer a row is about: the first of a pair.
    pub fn selected_customer(&self) -> Option<&Customer> {
        match self.selected()? {
            Row::Pair(pair) => Some(&pair.first),
            Row::Missing(c) => Some(c),
        }
    }

    /// The field a form on the selected row's customer opens on: a
    /// customer missing contact details is edited for a phone number (the
    /// first of the two contact fields).
    pub fn selected_field(&self) -> Option<(i64, &'static str)> {
        match self.selected()? {
            Row::Missing(c) => Some((c.id, "phone")),
            Row::Pair(_) => None,
        }
    }

    /// New lists: the same row stays selected if it is still there,
    /// otherwise the one that took its place (a pair merged leaves the
    /// cursor on its neighbour).
    pub fn load(&mut self, review: Review) {
        let before = self.selected().map(identity);
        self.review = review;
        self.loading = false;
        self.unreadable = false;
        self.selected = sections::reselected(self.selected, before, self.len(), |i| self.row(i).map(identity));
    }

    /// A read failed while the lists were awaited.
    pub fn failed(&mut self) {
        if self.loading {
            self.loading = false;
            self.unreadable = true;
        }
    }

    pub fn apply(&mut self, action: Action, height: usize) {
        self.selected = super::panes::cursor::moved(self.selected, action, self.len(), height);
    }

    /// The mouse wheel: `delta` rows down (or up).
    pub fn shift(&mut self, delta: isize) {
        self.selected = sections::shifted(self.selected, delta, self.len());
    }

    /// The lines of the view: each section's heading (always, with its
    /// count), its column titles when it has rows, then its rows.
    pub fn lines(&self) -> Vec<Line<Section>> {
        let pairs = self.review.duplicates.len();
        let missing = self.review.missing_contact.len();
        let ranges = [
            (Section::Duplicates, (0..pairs).collect()),
            (Section::Missing, (pairs..pairs + missing).collect()),
        ];
        sections::lines(ranges, true)
    }
}

/// What identifies a row across reloads: a pair by its two customers, a
/// customer by its id.
fn identity(row: Row) -> (i64, Option<i64>) {
    match row {
        Row::Pair(p) => (p.first.id, Some(p.second.id)),
        Row::Missing(c) => (c.id, None),
    }
}

/// The value two customers share for one piece of evidence, as the view
/// shows it: the phone or e-mail (masked when asked), the name, the
/// pinyin; nothing for similar names, which are both on the row already.
pub fn shared_value(pair: &DuplicateView, evidence: Evidence, masked: bool) -> String {
    let (a, b) = (&pair.first, &pair.second);
    match evidence {
        Evidence::SamePhone => phone_key(&a.phone)
            .map(|p| format::phone(&p, masked))
            .unwrap_or_default(),
        Evidence::SameEmail => email_key(&a.email)
            .map(|e| format::email(&e, masked))
            .unwrap_or_default(),
        Evidence::SameName => a.name.trim().to_string(),
        // "Zhang San" and 张三: the Chinese one spells it.
        Evidence::SamePinyin => pinyin_spelling(&a.name)
            .or_else(|| pinyin_spelling(&b.name))
            .unwrap_or_default(),
        Evidence::SimilarName => String::new(),
    }
}

#[cfg(test)]
#[path = "quality_tests.rs"]
mod tests;
