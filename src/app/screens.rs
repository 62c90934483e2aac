//! What the user sees, as one value: the screen that fills the body and
//! the overlays open over it, bottom first.
//!
//! Why a base screen plus a stack of overlays rather than a single stack:
//! the full-screen modes (triage, reminders, dashboard, data quality) never
//! pile up — entering one leaves the other, and leaving it goes back to the
//! panes, never to the mode before — so they are one `Screen` value; the
//! overlays (card or ticket page, help, palette, form, conflict dialog) do
//! pile up, and whichever opened last is on top. The type makes both
//! impossible to get wrong: there is always exactly one screen, and at most
//! one overlay of each kind. The card-or-ticket overlay holds its own stack
//! of pages (see `navigation`), so drilling down never piles overlays.
//!
//! Render and key routing both walk [`Screens::layers`]: drawing bottom-up,
//! keys from the top down, so what has the keys is what is seen on top.
//! A new screen is a variant here (the one registration); the compiler
//! then asks for its key contexts (`Model::layer_chain`) and its drawing
//! (`ui::draw_layer`), both exhaustive matches.

use super::conflict::Conflict;
use super::dashboard::DashboardScreen;
use super::forms::Form;
use super::knowledge::Knowledge;
use super::macros::MacroPicker;
use super::model::{Detail, Help};
use super::navigation::Pages;
use super::palette::Palette;
use super::quality::Quality;
use super::reminders::Reminders;
use super::triage::Triage;

/// What fills the body under the overlays.
#[derive(Default)]
pub enum Screen {
    /// The customers, queue and timeline panes (or the welcome screen of
    /// an empty database).
    #[default]
    Main,
    Triage(Triage),
    Reminders(Reminders),
    Dashboard(DashboardScreen),
    Quality(Quality),
    /// The knowledge base, to browse and add articles.
    Knowledge(Knowledge),
}

/// A box drawn over the screen that takes the keys while it is on top.
pub enum Overlay {
    /// Customer cards and ticket pages, one over the other as they were
    /// opened (see [`Pages`]); the list and global keys still work under it.
    Detail(Box<Pages>),
    Help(Help),
    Palette(Box<Palette>),
    Form(Form),
    /// The conflict dialog, over the form whose save it is about.
    Conflict(Conflict),
    /// The macro picker (`M`), over the ticket it applies to.
    Macros(Box<MacroPicker>),
    /// The knowledge-base search over a reply or note, inserting into it.
    KnowledgePick(Box<Knowledge>),
}

impl Overlay {
    /// A modal overlay takes all the keys; the others let the list and
    /// global keys through, and are part of the view palette commands
    /// run in.
    pub fn is_modal(&self) -> bool {
        !matches!(self, Overlay::Detail(_))
    }
}

/// One layer of what is on screen.
#[derive(Clone, Copy)]
pub enum Layer<'a> {
    Screen(&'a Screen),
    Overlay(&'a Overlay),
}

/// Which layer, without what it holds: for deciding where an action goes
/// before changing the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Main,
    Triage,
    Reminders,
    Dashboard,
    Quality,
    Knowledge,
    Detail,
    Help,
    Palette,
    Form,
    Conflict,
    Macros,
    KnowledgePick,
}

impl Layer<'_> {
    pub fn kind(self) -> Kind {
        match self {
            Layer::Screen(Screen::Main) => Kind::Main,
            Layer::Screen(Screen::Triage(_)) => Kind::Triage,
            Layer::Screen(Screen::Reminders(_)) => Kind::Reminders,
            Layer::Screen(Screen::Dashboard(_)) => Kind::Dashboard,
            Layer::Screen(Screen::Quality(_)) => Kind::Quality,
            Layer::Screen(Screen::Knowledge(_)) => Kind::Knowledge,
            Layer::Overlay(Overlay::Detail(_)) => Kind::Detail,
            Layer::Overlay(Overlay::Help(_)) => Kind::Help,
            Layer::Overlay(Overlay::Palette(_)) => Kind::Palette,
            Layer::Overlay(Overlay::Form(_)) => Kind::Form,
            Layer::Overlay(Overlay::Conflict(_)) => Kind::Conflict,
            Layer::Overlay(Overlay::Macros(_)) => Kind::Macros,
            Layer::Overlay(Overlay::KnowledgePick(_)) => Kind::KnowledgePick,
        }
    }
}

/// The screen and its overlays, bottom first.
#[derive(Default)]
pub struct Screens {
    screen: Screen,
    overlays: Vec<Overlay>,
}

/// Accessors for one kind of overlay. Opening one that is open already
/// replaces it where it is; otherwise it goes on top. `$wrap` and
/// `$unwrap` turn a value into what the variant holds and back (a large
/// one is boxed, so the stack stays small).
macro_rules! overlay_slot {
    ($variant:ident, $ty:ty, $wrap:expr, $unwrap:expr, $get:ident, $get_mut:ident, $take:ident, $open:ident) => {
        pub fn $get(&self) -> Option<&$ty> {
            self.overlays.iter().find_map(|o| match o {
                Overlay::$variant(x) => Some(std::borrow::Borrow::borrow(x)),
                _ => None,
            })
        }

        pub fn $get_mut(&mut self) -> Option<&mut $ty> {
            self.overlays.iter_mut().find_map(|o| match o {
                Overlay::$variant(x) => Some(std::borrow::BorrowMut::borrow_mut(x)),
                _ => None,
            })
        }

        /// Closes it, handing back what it held.
        pub fn $take(&mut self) -> Option<$ty> {
            let at = self
                .overlays
                .iter()
                .position(|o| matches!(o, Overlay::$variant(_)))?;
            match self.overlays.remove(at) {
                Overlay::$variant(x) => Some($unwrap(x)),
                _ => None,
            }
        }

        pub fn $open(&mut self, value: $ty) {
            match self.$get_mut() {
                Some(slot) => *slot = value,
                None => self.overlays.push(Overlay::$variant($wrap(value))),
            }
        }
    };
}

/// Accessors for one full-screen mode.
macro_rules! screen_slot {
    ($variant:ident, $ty:ty, $get:ident, $get_mut:ident) => {
        pub fn $get(&self) -> Option<&$ty> {
            match &self.screen {
                Screen::$variant(x) => Some(x),
                _ => None,
            }
        }

        pub fn $get_mut(&mut self) -> Option<&mut $ty> {
            match &mut self.screen {
                Screen::$variant(x) => Some(x),
                _ => None,
            }
        }
    };
}

impl Screens {
    /// Every layer, the screen first and the topmost overlay last: the
    /// order to draw in; `.rev()` is the order keys look in.
    pub fn layers(&self) -> impl DoubleEndedIterator<Item = Layer<'_>> {
        std::iter::once(Layer::Screen(&self.screen)).chain(self.overlays.iter().map(Layer::Overlay))
    }

    /// The layer that has the keys.
    pub fn top(&self) -> Layer<'_> {
        self.layers().next_back().unwrap_or(Layer::Screen(&self.screen))
    }

    /// Which layer has the keys.
    pub fn top_kind(&self) -> Kind {
        self.top().kind()
    }

    /// The topmost layer that is not a modal overlay: the view the user
    /// works in, where palette commands run.
    pub fn view(&self) -> Layer<'_> {
        self.layers()
            .rev()
            .find(|layer| !matches!(layer, Layer::Overlay(o) if o.is_modal()))
            .unwrap_or(Layer::Screen(&self.screen))
    }

    /// Which layer is the view (see [`Screens::view`]).
    pub fn view_kind(&self) -> Kind {
        self.view().kind()
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// A full-screen mode, or the panes. Whatever was the screen gives
    /// way, and so does a card or ticket page over it.
    pub fn enter(&mut self, screen: Screen) {
        self.take_detail();
        self.screen = screen;
    }

    /// Back to the panes; the overlays stay.
    pub fn leave_screen(&mut self) {
        self.screen = Screen::Main;
    }

    /// No full-screen mode is on: the panes (or the welcome) show.
    pub fn on_main(&self) -> bool {
        matches!(self.screen, Screen::Main)
    }

    screen_slot!(Triage, Triage, triage, triage_mut);
    screen_slot!(Reminders, Reminders, reminders, reminders_mut);
    screen_slot!(Dashboard, DashboardScreen, dashboard, dashboard_mut);
    screen_slot!(Quality, Quality, quality, quality_mut);
    screen_slot!(Knowledge, Knowledge, knowledge, knowledge_mut);

    /// The card or ticket page on screen: the top page of the overlay.
    pub fn detail(&self) -> Option<&Detail> {
        self.pages().map(Pages::top)
    }

    pub fn detail_mut(&mut self) -> Option<&mut Detail> {
        self.pages_mut().map(Pages::top_mut)
    }

    pub fn pages(&self) -> Option<&Pages> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Detail(pages) => Some(pages.as_ref()),
            _ => None,
        })
    }

    fn pages_mut(&mut self) -> Option<&mut Pages> {
        self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Detail(pages) => Some(pages.as_mut()),
            _ => None,
        })
    }

    /// Closes the cards and ticket pages, all of them.
    pub fn take_detail(&mut self) -> Option<Box<Pages>> {
        let at = self.overlays.iter().position(|o| matches!(o, Overlay::Detail(_)))?;
        match self.overlays.remove(at) {
            Overlay::Detail(pages) => Some(pages),
            _ => None,
        }
    }

    /// A card or ticket page on top of those open, or in a new overlay
    /// on top of everything.
    pub fn open_detail(&mut self, page: Detail) {
        match self.pages_mut() {
            Some(pages) => pages.push(page),
            None => self.overlays.push(Overlay::Detail(Box::new(Pages::new(page)))),
        }
    }

    /// Esc on a page: back to the page under it, or, on the last one, the
    /// overlay closes. True when a page is left on screen.
    pub fn back_detail(&mut self) -> bool {
        match self.pages_mut().map(|pages| pages.pop().is_some()) {
            Some(true) => true,
            Some(false) => {
                self.take_detail();
                false
            }
            None => false,
        }
    }

    overlay_slot!(Help, Help, same, same, help, help_mut, take_help, open_help);
    overlay_slot!(
        Palette,
        Palette,
        Box::new,
        |b: Box<Palette>| *b,
        palette,
        palette_mut,
        take_palette,
        open_palette
    );
    overlay_slot!(Form, Form, same, same, form, form_mut, take_form, open_form);
    overlay_slot!(
        Conflict,
        Conflict,
        same,
        same,
        conflict,
        conflict_mut,
        take_conflict,
        open_conflict
    );
    overlay_slot!(
        KnowledgePick,
        Knowledge,
        Box::new,
        |b: Box<Knowledge>| *b,
        knowledge_pick,
        knowledge_pick_mut,
        take_knowledge_pick,
        open_knowledge_pick
    );

    overlay_slot!(
        Macros,
        MacroPicker,
        Box::new,
        |b: Box<MacroPicker>| *b,
        macros,
        macros_mut,
        take_macros,
        open_macros
    );

    /// Closes the topmost overlay, handing it back; `None` when only the
    /// screen is left.
    pub fn pop(&mut self) -> Option<Overlay> {
        self.overlays.pop()
    }

    /// Something is open over the screen.
    pub fn has_overlay(&self) -> bool {
        !self.overlays.is_empty()
    }

    /// A modal overlay (form, conflict dialog, palette, help) is open.
    pub fn modal_open(&self) -> bool {
        self.overlays.iter().any(Overlay::is_modal)
    }
}

fn same<T>(value: T) -> T {
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::navigation::Link;

    fn kinds(screens: &Screens) -> Vec<Kind> {
        screens.layers().map(Layer::kind).collect()
    }

    fn card(id: i64) -> Detail {
        Detail::of(Link::Customer(id))
    }

    #[test]
    fn overlays_stack_in_the_order_opened_one_of_each_kind() {
        let mut screens = Screens::default();
        assert_eq!(kinds(&screens), [Kind::Main]);
        screens.open_detail(card(1));
        screens.open_help(Help::default());
        // A second card goes on the first where it is, under the help.
        screens.open_detail(card(2));
        assert_eq!(kinds(&screens), [Kind::Main, Kind::Detail, Kind::Help]);
        assert!(matches!(screens.detail(), Some(Detail::Card { id: 2, .. })));
        assert_eq!(screens.pages().map(|p| p.depth()), Some(2));
        assert_eq!(screens.top_kind(), Kind::Help);
        // The view palette commands run in is the card under the help.
        assert_eq!(screens.view().kind(), Kind::Detail);
        assert!(screens.modal_open());
        // Back one page, then closing from the middle leaves the order of the rest.
        assert!(screens.back_detail());
        assert!(matches!(screens.detail(), Some(Detail::Card { id: 1, .. })));
        assert!(screens.take_detail().is_some());
        assert_eq!(kinds(&screens), [Kind::Main, Kind::Help]);
        assert!(matches!(screens.pop(), Some(Overlay::Help(_))));
        assert!(screens.pop().is_none() && !screens.has_overlay());
    }

    #[test]
    fn a_full_screen_mode_replaces_the_screen_and_the_card_only() {
        let mut screens = Screens::default();
        screens.open_detail(card(1));
        screens.open_help(Help::default());
        screens.enter(Screen::Triage(Triage::default()));
        assert_eq!(kinds(&screens), [Kind::Triage, Kind::Help]);
        screens.enter(Screen::Reminders(Reminders::default()));
        assert!(screens.triage().is_none() && screens.reminders().is_some());
        screens.leave_screen();
        assert!(screens.on_main());
        assert_eq!(kinds(&screens), [Kind::Main, Kind::Help]);
    }
}
