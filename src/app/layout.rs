//! Where everything goes on screen. Pure geometry shared by the views (to
//! draw) and by `update` (page sizes, mouse clicks), so the two agree.

use super::panes::PaneId;
use ratatui::layout::Rect;

/// From this width the three panes stand side by side; below it the
/// timeline goes under the queue, which needs the width more.
pub const WIDE: u16 = 140;
/// Below this height a narrow screen folds the timeline into one line.
pub const TALL: u16 = 34;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub customers: Rect,
    pub queue: Option<Rect>,
    pub timeline: Option<Rect>,
    /// A one-line bar standing for a pane that is folded away.
    pub folded: Option<(Rect, PaneId)>,
}

/// Whether the timeline is folded: the user's choice (`z`), or by size.
pub fn timeline_folded(area: Rect, choice: Option<bool>) -> bool {
    choice.unwrap_or(area.width < WIDE && area.height < TALL)
}

pub fn screen(area: Rect, focus: PaneId, fold_choice: Option<bool>) -> Screen {
    let header = Rect {
        height: area.height.min(1),
        ..area
    };
    let footer = Rect {
        y: area.bottom().saturating_sub(1).max(header.bottom()),
        height: area.height.saturating_sub(1).min(1),
        ..area
    };
    let body = Rect {
        y: header.bottom(),
        height: footer.y.saturating_sub(header.bottom()),
        ..area
    };
    let folded = timeline_folded(area, fold_choice);
    let mut screen = Screen {
        header,
        body,
        footer,
        ..Screen::default()
    };
    let wide = area.width >= WIDE;
    let left_width = if wide {
        body.width * 28 / 100
    } else {
        (body.width * 38 / 100).clamp(body.width.min(24), 40)
    };
    let (left, right) = split_columns(body, left_width);
    screen.customers = left;
    if wide && !folded {
        let queue_width = body.width * 44 / 100;
        let (queue, timeline) = split_columns(right, queue_width);
        screen.queue = Some(queue);
        screen.timeline = Some(timeline);
    } else if folded {
        // The pane that has the keyboard takes the column; the other is a bar.
        let (main, bar) = split_rows(right, right.height.saturating_sub(1));
        let (shown, hidden) = if focus == PaneId::Timeline {
            (PaneId::Timeline, PaneId::Queue)
        } else {
            (PaneId::Queue, PaneId::Timeline)
        };
        match shown {
            PaneId::Timeline => screen.timeline = Some(main),
            _ => screen.queue = Some(main),
        }
        screen.folded = Some((bar, hidden));
    } else {
        let (queue, timeline) = split_rows(right, right.height * 60 / 100);
        screen.queue = Some(queue);
        screen.timeline = Some(timeline);
    }
    screen
}

fn split_columns(area: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(area.width);
    (
        Rect { width: left, ..area },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    )
}

fn split_rows(area: Rect, top: u16) -> (Rect, Rect) {
    let top = top.min(area.height);
    (
        Rect { height: top, ..area },
        Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        },
    )
}

impl Screen {
    pub fn pane(&self, pane: PaneId) -> Option<Rect> {
        match pane {
            PaneId::Customers => Some(self.customers),
            PaneId::Queue => self.queue,
            PaneId::Timeline => self.timeline,
        }
    }

    /// The pane under a screen position, for mouse clicks.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<PaneId> {
        let hit = |r: Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
        if let Some((bar, pane)) = self.folded
            && hit(bar)
        {
            return Some(pane);
        }
        PaneId::ALL.into_iter().find(|p| self.pane(*p).is_some_and(hit))
    }
}

/// Rows above the first list row inside a pane: the border, and for the
/// tables the column header.
pub fn rows_above_list(pane: PaneId) -> u16 {
    match pane {
        PaneId::Timeline => 1,
        // The views bar, then the column titles.
        PaneId::Queue => 3,
        PaneId::Customers => 2,
    }
}

/// How many list rows a pane of this size shows.
pub fn list_height(pane: PaneId, rect: Rect) -> usize {
    usize::from(rect.height.saturating_sub(rows_above_list(pane) + 1))
}

/// A box of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The customer card and the ticket page: the whole body, or on a very
/// wide screen most of it (much longer lines are hard to read).
pub fn detail_area(body: Rect) -> Rect {
    let width = if body.width >= 160 {
        body.width * 80 / 100
    } else {
        body.width
    };
    centered(body, width, body.height)
}

pub fn help_area(body: Rect) -> Rect {
    centered(body, 84, body.height)
}

pub fn palette_area(body: Rect) -> Rect {
    let area = centered(body, 72, body.height.min(18));
    Rect { y: body.y, ..area }
}

/// A form of `rows` lines, with its border and a line for its message.
pub fn form_area(body: Rect, rows: u16) -> Rect {
    centered(body, 78, rows.saturating_add(3))
}

/// The conflict dialog over a form: wide enough for its three columns of
/// values, as tall as its `lines` (within the screen). Its width does not
/// depend on `lines`, so the text can be wrapped before it is counted.
pub fn conflict_area(body: Rect, lines: usize) -> Rect {
    let height = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    centered(body, 110, height)
}

/// Lines of text inside a bordered box with one column of padding.
pub fn inner_size(area: Rect) -> (usize, usize) {
    (
        usize::from(area.width.saturating_sub(4)),
        usize::from(area.height.saturating_sub(2)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_columns_when_wide_and_a_fold_when_small() {
        let medium = screen(Rect::new(0, 0, 120, 40), PaneId::Customers, None);
        assert!(medium.folded.is_none());
        assert_eq!(medium.queue.unwrap().width, medium.timeline.unwrap().width);
        let wide = screen(Rect::new(0, 0, 200, 60), PaneId::Customers, None);
        assert!(wide.queue.is_some() && wide.timeline.is_some() && wide.folded.is_none());
        assert_eq!(wide.body.height, 58);
        let small = screen(Rect::new(0, 0, 80, 24), PaneId::Queue, None);
        assert_eq!(small.timeline, None);
        assert_eq!(small.folded.map(|(_, p)| p), Some(PaneId::Timeline));
        let small_timeline = screen(Rect::new(0, 0, 80, 24), PaneId::Timeline, None);
        assert_eq!(small_timeline.queue, None);
        assert!(small_timeline.timeline.is_some());
        let tall = screen(Rect::new(0, 0, 80, 50), PaneId::Queue, None);
        assert!(tall.queue.is_some() && tall.timeline.is_some());
        let unfolded = screen(Rect::new(0, 0, 80, 24), PaneId::Queue, Some(false));
        assert!(unfolded.timeline.is_some());
        let (bar, _) = small.folded.unwrap();
        assert_eq!(small.pane_at(bar.x + 1, bar.y), Some(PaneId::Timeline));
        assert_eq!(small.pane_at(1, 5), Some(PaneId::Customers));
        // Degenerate sizes never panic.
        for (w, h) in [(0, 0), (1, 1), (10, 3), (300, 2)] {
            screen(Rect::new(0, 0, w, h), PaneId::Timeline, None);
        }
    }
}
