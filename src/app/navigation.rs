//! Moving between records: the pages of the card-or-ticket overlay as a
//! stack (Enter on a line that names a record opens it on top, Esc goes
//! back one page), and the cursor over those lines.
//!
//! Why a stack inside the one Detail overlay rather than an overlay per
//! page: a customer card and a ticket page are the same kind of box, and
//! going ticket → customer → ticket must come back the same way, each page
//! where it was left. The overlay closes when its last page does, so the
//! last Esc lands on the screen the drill-down started from (panes, triage,
//! dashboard, reminders), untouched under it.

use super::action::Action;
use super::help::keys_label;
use super::keymap::Context;
use super::panes::cursor::Scroll;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::mail::thread::TicketMail;
use crate::service::screens::CustomerCard;
use crate::service::tickets::TicketDetail;

/// A record a line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Customer(i64),
    Ticket(i64),
}

/// What a selectable line of a page names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTarget {
    /// A record with a page of its own: Enter opens it.
    Page(Link),
    /// An interaction in a ticket's history. It has no page: its text is
    /// all there is, so Enter and `e` open it in the form that edits it
    /// (as `e` does in the timeline).
    Interaction(i64),
    /// An attachment of an e-mail ticket: Enter asks where to save it.
    Attachment(i64),
}

impl From<Link> for LineTarget {
    fn from(link: Link) -> LineTarget {
        LineTarget::Page(link)
    }
}

/// One page: the customer card or the ticket page, with where it is
/// scrolled to and which of its links is selected.
pub enum Detail {
    Card {
        id: i64,
        card: Option<Box<CustomerCard>>,
        scroll: Scroll,
        /// Index into the page's links (see [`crate::app::doc::Doc::links`]).
        link: usize,
    },
    Ticket {
        id: i64,
        detail: Option<Box<TicketDetail>>,
        scroll: Scroll,
        link: usize,
        /// Its messages, attachments and outbox states, read with it.
        mail: Option<Box<TicketMail>>,
        /// The quoted history of its messages is shown (`f`), not folded.
        quotes_open: bool,
    },
}

impl Detail {
    /// A page for the record, to be read.
    pub fn of(target: Link) -> Detail {
        match target {
            Link::Customer(id) => Detail::Card {
                id,
                card: None,
                scroll: Scroll::default(),
                link: 0,
            },
            Link::Ticket(id) => Detail::Ticket {
                id,
                detail: None,
                scroll: Scroll::default(),
                link: 0,
                mail: None,
                quotes_open: false,
            },
        }
    }

    /// The record the page shows.
    pub fn target(&self) -> Link {
        match self {
            Detail::Card { id, .. } => Link::Customer(*id),
            Detail::Ticket { id, .. } => Link::Ticket(*id),
        }
    }

    pub fn scroll(&self) -> Scroll {
        match self {
            Detail::Card { scroll, .. } | Detail::Ticket { scroll, .. } => *scroll,
        }
    }

    pub fn link(&self) -> usize {
        match self {
            Detail::Card { link, .. } | Detail::Ticket { link, .. } => *link,
        }
    }

    /// Where the page is scrolled to and its selected link.
    pub fn place_mut(&mut self) -> (&mut Scroll, &mut usize) {
        match self {
            Detail::Card { scroll, link, .. } | Detail::Ticket { scroll, link, .. } => (scroll, link),
        }
    }

    /// Nothing has been read for it yet.
    pub fn is_empty(&self) -> bool {
        matches!(
            self,
            Detail::Card { card: None, .. } | Detail::Ticket { detail: None, .. }
        )
    }
}

/// Pages kept to go back to; beyond this the oldest is forgotten, so a
/// long wander never grows without end.
pub const MAX_PAGES: usize = 64;

/// The pages of the overlay, the first opened first; never empty, by its
/// shape: a first page and those opened over it.
pub struct Pages {
    first: Detail,
    above: Vec<Detail>,
}

impl Pages {
    pub fn new(first: Detail) -> Pages {
        Pages {
            first,
            above: Vec::new(),
        }
    }

    /// The page on screen.
    pub fn top(&self) -> &Detail {
        self.above.last().unwrap_or(&self.first)
    }

    pub fn top_mut(&mut self) -> &mut Detail {
        self.above.last_mut().unwrap_or(&mut self.first)
    }

    pub fn push(&mut self, page: Detail) {
        if self.depth() >= MAX_PAGES {
            // The oldest page is forgotten; the next one becomes the first.
            self.first = self.above.remove(0);
        }
        self.above.push(page);
    }

    /// Closes the page on top and hands it back, unless it is the first
    /// one (then the caller closes the overlay).
    pub fn pop(&mut self) -> Option<Detail> {
        self.above.pop()
    }

    /// The page Esc goes back to.
    pub fn previous(&self) -> Option<&Detail> {
        match self.above.len() {
            0 => None,
            1 => Some(&self.first),
            n => self.above.get(n - 2),
        }
    }

    pub fn depth(&self) -> usize {
        1 + self.above.len()
    }
}

/// `j`/`k` on a page: to the next or previous link while it is on screen,
/// otherwise the page scrolls a line, so text between links can still be
/// read; other movements scroll. The selection follows onto the screen
/// when a scroll leaves it behind. `links` are line numbers, top first;
/// `lines` the page's length and `height` the lines shown.
pub fn step(links: &[usize], place: (&mut Scroll, &mut usize), lines: usize, height: usize, action: Action) {
    let (scroll, link) = place;
    let height = height.max(1);
    let on_screen = |line: usize, top: usize| line >= top && line < top + height;
    match action {
        Action::Down => match links.get(*link + 1) {
            Some(&next) if on_screen(next, scroll.top) => *link += 1,
            _ => {
                scroll.apply(action, lines, height);
            }
        },
        Action::Up => match link.checked_sub(1).and_then(|i| links.get(i)) {
            Some(&previous) if on_screen(previous, scroll.top) => *link -= 1,
            _ => {
                scroll.apply(action, lines, height);
            }
        },
        _ => {
            scroll.apply(action, lines, height);
        }
    }
    follow(links, scroll.top, height, link, action);
}

/// After a scroll, a selection left off screen moves to the nearest link
/// on screen (the first when going down, the last going up).
pub fn follow(links: &[usize], top: usize, height: usize, link: &mut usize, action: Action) {
    let on_screen = |line: &usize| *line >= top && *line < top + height;
    if links.get(*link).is_none_or(on_screen) {
        return;
    }
    let mut visible = links.iter().enumerate().filter(|(_, line)| on_screen(line));
    let nearest = match action {
        Action::Up | Action::PageUp | Action::Top => visible.next_back(),
        _ => visible.next(),
    };
    if let Some((i, _)) = nearest {
        *link = i;
    }
}

/// For a page's title: the key that goes back and the page it goes back
/// to, when pages lie under it.
pub fn back_hint(model: &super::model::Model) -> Option<String> {
    let s = model.strings;
    let previous = model.screens.pages()?.previous()?;
    let key = model.keymap.binding_for(&[Context::Detail], Action::Close).map_or_else(
        || s.action(Action::Close.name()).to_string(),
        |b| keys_label(&b.keys, s),
    );
    Some(match previous {
        Detail::Ticket { id, .. } => fill(
            s.navigation.back_to_ticket,
            &[("key", &key), ("ticket", &id.to_string())],
        ),
        Detail::Card { id, card, .. } => {
            let customer = card
                .as_ref()
                .map_or_else(|| id.to_string(), |c| sanitize_line(&c.customer.code).into_owned());
            fill(s.navigation.back_to_customer, &[("key", &key), ("customer", &customer)])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (links, selected, top, action) → (selected, top), on a page of 30
    /// lines shown 10 at a time.
    #[test]
    fn j_and_k_go_from_link_to_link_and_scroll_between() {
        let far = [2, 5, 25];
        type Case<'a> = (&'a [usize], usize, usize, Action, usize, usize);
        let cases: &[Case] = &[
            // The next link is on screen: the selection moves, the page stays.
            (&far, 0, 0, Action::Down, 1, 0),
            // The next one is below the screen: the page scrolls a line.
            (&far, 1, 0, Action::Down, 1, 1),
            // Scrolled until the selection is off the top: it follows.
            (&far, 1, 15, Action::Down, 2, 16),
            // Up to a link on screen.
            (&far, 1, 0, Action::Up, 0, 0),
            // Up with the previous link above the screen: scroll back.
            (&far, 2, 20, Action::Up, 2, 19),
            // The first link: scroll up, nothing to select above.
            (&far, 0, 1, Action::Up, 0, 0),
            // No links: a plain scroll.
            (&[], 0, 0, Action::Down, 0, 1),
            // The last link at the end of the page: j stops.
            (&[29], 0, 20, Action::Down, 0, 20),
            // A page down leaves the first links behind: the first link on screen.
            (&far, 0, 10, Action::PageDown, 2, 20),
            // Back to the top: the last link on screen.
            (&far, 2, 20, Action::Top, 1, 0),
        ];
        for &(links, selected, top, action, want_selected, want_top) in cases {
            let (mut scroll, mut link) = (Scroll { top }, selected);
            step(links, (&mut scroll, &mut link), 30, 10, action);
            assert_eq!(
                (link, scroll.top),
                (want_selected, want_top),
                "{links:?} from {selected} at {top}, {action:?}"
            );
        }
    }

    #[test]
    fn pages_go_back_the_way_they_came_and_keep_the_first() {
        let mut pages = Pages::new(Detail::of(Link::Ticket(7)));
        pages.push(Detail::of(Link::Customer(2)));
        pages.push(Detail::of(Link::Ticket(9)));
        assert_eq!(pages.previous().map(Detail::target), Some(Link::Customer(2)));
        assert_eq!(pages.pop().map(|p| p.target()), Some(Link::Ticket(9)));
        assert_eq!(pages.pop().map(|p| p.target()), Some(Link::Customer(2)));
        assert!(pages.pop().is_none());
        assert_eq!(pages.top().target(), Link::Ticket(7));
        for id in 0..100 {
            pages.push(Detail::of(Link::Ticket(id)));
        }
        assert_eq!(pages.depth(), MAX_PAGES);
        assert_eq!(pages.top().target(), Link::Ticket(99));
        while pages.pop().is_some() {}
        assert_eq!(pages.top().target(), Link::Ticket(100 - MAX_PAGES as i64));
    }
}
