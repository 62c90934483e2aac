//! The selection and scroll position of a list, kept in the model (not in
//! the widget) so that the view only reads and mouse clicks can be mapped to
//! rows without asking the renderer.

use crate::app::action::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
}

/// Where a movement action takes a selection in a list of `len` rows with
/// `height` visible (a page).
pub fn moved(selected: usize, action: Action, len: usize, height: usize) -> usize {
    let page = height.max(1);
    let last = len.saturating_sub(1);
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        _ => selected,
    }
}

impl Cursor {
    /// Applies a movement action to a list of `len` rows with `height`
    /// visible; returns whether the selection moved.
    pub fn apply(&mut self, action: Action, len: usize, height: usize) -> bool {
        let before = self.selected;
        self.selected = moved(self.selected, action, len, height);
        self.clamp(len, height);
        self.selected != before
    }

    /// Moves by `delta` rows (the mouse wheel).
    pub fn shift(&mut self, delta: isize, len: usize, height: usize) -> bool {
        let before = self.selected;
        self.selected = self.selected.saturating_add_signed(delta).min(len.saturating_sub(1));
        self.clamp(len, height);
        self.selected != before
    }

    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index;
        self.clamp(len, height);
    }

    /// Keeps the selection inside the list and on screen after the list or
    /// the screen changed size.
    pub fn clamp(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        // No empty space below the last row when the list could fill it.
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// The list row shown at visible line `line`, if any.
    pub fn row_at(&self, line: usize, len: usize) -> Option<usize> {
        let row = self.offset + line;
        (row < len).then_some(row)
    }
}

/// A scrolled document (help, ticket, customer card): no selection, only
/// the first visible line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub top: usize,
}

impl Scroll {
    pub fn apply(&mut self, action: Action, lines: usize, height: usize) -> bool {
        let before = self.top;
        let max = lines.saturating_sub(height.max(1));
        let page = height.max(1);
        self.top = match action {
            Action::Up => self.top.saturating_sub(1),
            Action::Down => self.top + 1,
            Action::Top => 0,
            Action::Bottom => max,
            Action::PageUp => self.top.saturating_sub(page),
            Action::PageDown => self.top + page,
            _ => self.top,
        }
        .min(max);
        self.top != before
    }

    pub fn shift(&mut self, delta: isize, lines: usize, height: usize) -> bool {
        let before = self.top;
        self.top = self
            .top
            .saturating_add_signed(delta)
            .min(lines.saturating_sub(height.max(1)));
        self.top != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_pages_and_keeps_the_selection_visible() {
        let mut c = Cursor::default();
        assert!(!c.apply(Action::Up, 100, 10));
        c.apply(Action::PageDown, 100, 10);
        assert_eq!((c.selected, c.offset), (10, 1));
        c.apply(Action::Bottom, 100, 10);
        assert_eq!((c.selected, c.offset), (99, 90));
        c.apply(Action::Top, 100, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.select(50, 100, 10);
        c.clamp(20, 10);
        assert_eq!((c.selected, c.offset), (19, 10));
        assert_eq!(c.row_at(3, 20), Some(13));
        assert_eq!(c.row_at(12, 20), None);
        c.apply(Action::Down, 0, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
    }

    #[test]
    fn scroll_stops_at_the_end() {
        let mut s = Scroll::default();
        s.apply(Action::Bottom, 30, 10);
        assert_eq!(s.top, 20);
        assert!(!s.apply(Action::Down, 30, 10));
        s.apply(Action::PageUp, 30, 10);
        assert_eq!(s.top, 10);
        s.apply(Action::Down, 5, 10);
        assert_eq!(s.top, 0);
    }
}
