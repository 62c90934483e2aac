//! The whole state of the terminal UI. Views read it; only `update`
//! changes it.

use super::doc::Doc;
use super::keys::Key;
use super::layout::{self, Screen};
use super::panes::PaneId;
use super::panes::cursor::{Cursor, Scroll};
use super::panes::customers::CustomersPane;
use super::panes::queue::QueuePane;
use super::panes::timeline::TimelinePane;
use super::screens::{self, Layer, Overlay, Screens};
use crate::app::keymap::{Context, Keymap};
use crate::app::theme::Theme;
use crate::i18n::Strings;
use crate::service::screens::Counts;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::layout::Rect;

/// Facts about this session shown in the header and used for display.
#[derive(Debug, Clone)]
pub struct Session {
    pub database: String,
    pub agent: String,
    /// The display zone (`[ui] timezone`): times are shown in it, and the
    /// header names it.
    pub timezone: Tz,
    /// `--now` was given: the clock stands still.
    pub clock_fixed: bool,
    /// Screen-sharing mode: phones and e-mails are shown partly hidden.
    pub masked: bool,
}

pub use super::navigation::Detail;

/// A line of feedback in the footer; it goes away after a few ticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    pub ticks_left: u8,
}

#[derive(Debug, Clone, Default)]
pub struct Help {
    pub scroll: Scroll,
}

pub struct Model {
    pub strings: &'static Strings,
    pub keymap: Keymap,
    pub theme: Theme,
    pub session: Session,
    pub now: DateTime<Utc>,
    /// The terminal's size.
    pub area: Rect,
    pub focus: PaneId,
    /// `z` folds or shows the timeline; `None` decides by the screen size.
    pub fold_timeline: Option<bool>,
    pub customers: CustomersPane,
    pub queue: QueuePane,
    pub timeline: TimelinePane,
    pub counts: Counts,
    /// The first overview has arrived (before it, "loading", not "empty").
    pub loaded: bool,
    /// The screen showing and the overlays open over it: the one place
    /// that says what the user sees and what has the keys.
    pub screens: Screens,
    pub message: Option<Message>,
    /// Keys typed so far of a longer binding (`g` of `g g`).
    pub pending: Vec<Key>,
    /// Problems found in the config file, for the help overlay.
    pub warnings: Vec<String>,
    pub quit: bool,
    /// Something visible changed since the last frame.
    pub dirty: bool,
    /// After a save, the record to select when the reload arrives.
    pub select_after_load: Option<(PaneId, i64)>,
    pub queue_loaded_at: DateTime<Utc>,
    /// The open form changes all these marked tickets at once.
    pub bulk: Option<Vec<i64>>,
    /// The triage run in progress (kept while triage is left and entered).
    pub triage_run: super::triage::Run,
    /// Triage decisions and bulk changes of the session, for `u`.
    pub history: super::triage::History,
    pub alerts: super::alerts::Alerts,
    /// Ring the terminal bell when a ticket newly turns at risk or breached.
    pub bell: bool,
    /// Who else has the ticket on screen open.
    pub presence: super::presence::Presence,
    /// Reads are running in the background: the header says so, so a
    /// screen waiting for figures never looks hung.
    pub reading: bool,
    /// Forms closed with typed text, and the question asked before any is lost.
    pub drafts: super::forms::drafts::Drafts,
    /// Saves running on the writer thread, and the forms they came from.
    pub saves: super::saves::Saves,
    /// The agents, categories and departments the forms' pick lists offer.
    pub known: super::forms::picker::Known,
    /// The queue's views bar: the saved views, their counts, the one shown.
    pub views: super::panes::views_bar::ViewsBar,
    /// Mail: the header's outbox counts, where attachments are saved.
    pub mail: super::mail::MailState,
}

/// How long a footer message stays, in ticks (seconds).
pub const MESSAGE_TICKS: u8 = 6;

impl Model {
    pub fn new(strings: &'static Strings, keymap: Keymap, theme: Theme, session: Session, now: DateTime<Utc>) -> Model {
        let mut warnings = keymap.warnings.clone();
        warnings.extend(theme.warnings.iter().cloned());
        Model {
            strings,
            keymap,
            theme,
            session,
            now,
            area: Rect::new(0, 0, 80, 24),
            focus: PaneId::Customers,
            fold_timeline: None,
            customers: CustomersPane::default(),
            queue: QueuePane::default(),
            timeline: TimelinePane::default(),
            counts: Counts::default(),
            loaded: false,
            screens: Screens::default(),
            message: None,
            pending: Vec::new(),
            warnings,
            quit: false,
            dirty: true,
            select_after_load: None,
            queue_loaded_at: now,
            bulk: None,
            triage_run: Default::default(),
            history: Default::default(),
            alerts: Default::default(),
            bell: false,
            presence: super::presence::Presence::new(now),
            reading: false,
            drafts: Default::default(),
            saves: Default::default(),
            known: Default::default(),
            views: Default::default(),
            mail: Default::default(),
        }
    }

    pub fn screen(&self) -> Screen {
        layout::screen(self.area, self.focus, self.fold_timeline)
    }

    /// Visible rows of a pane's list; a folded pane counts as the size it
    /// would have, so its cursor stays sensible when it unfolds.
    pub fn list_height(&self, pane: PaneId) -> usize {
        let screen = self.screen();
        let rect = screen.pane(pane).unwrap_or(screen.body);
        layout::list_height(pane, rect)
    }

    /// Work is under way that `Msg::Continue` carries on.
    pub fn busy(&self) -> bool {
        self.customers.busy()
            || self.screens.palette().is_some_and(|p| p.search.is_some())
            || self.screens.form().is_some_and(super::forms::Form::searching)
    }

    /// A pane's cursor and the number of rows it moves over.
    pub fn cursor_mut(&mut self, pane: PaneId) -> (&mut Cursor, usize) {
        match pane {
            PaneId::Customers => {
                let len = self.customers.list.len();
                (&mut self.customers.list.cursor, len)
            }
            PaneId::Queue => {
                let len = self.queue.list.len();
                (&mut self.queue.list.cursor, len)
            }
            PaneId::Timeline => {
                let len = self.timeline.entries.len();
                (&mut self.timeline.cursor, len)
            }
        }
    }

    /// True when the database has no customers: the welcome screen shows.
    pub fn is_empty_database(&self) -> bool {
        self.loaded && self.customers.list.rows().is_empty()
    }

    /// Where keys are looked up now, innermost first: those of the layer
    /// on top (see [`Screens::top`]).
    pub fn chain(&self) -> Vec<Context> {
        self.layer_chain(self.screens.top(), true)
    }

    /// The chain of the view under the modal overlays (form, palette,
    /// help, conflict dialog), without a filter being typed: where a
    /// palette command runs.
    pub fn chain_below_overlays(&self) -> Vec<Context> {
        self.layer_chain(self.screens.view(), false)
    }

    /// The contexts one layer looks keys up in, innermost first. Every
    /// layer's list ends its chain: a layer under it never sees the keys.
    fn layer_chain(&self, layer: Layer, filter: bool) -> Vec<Context> {
        match layer {
            Layer::Overlay(Overlay::Conflict(_)) => vec![Context::Conflict],
            // An open pick list takes the keys it needs; the form the rest.
            Layer::Overlay(Overlay::Form(form)) if form.pick_list().is_some() => vec![Context::Picker, Context::Form],
            Layer::Overlay(Overlay::Form(_)) => vec![Context::Form],
            Layer::Overlay(Overlay::Palette(_)) => vec![Context::Palette],
            // The macro picker has the palette's keys in its own context, so
            // the footer says what Enter does there: apply the macro.
            Layer::Overlay(Overlay::Macros(_)) => vec![Context::Macros],
            Layer::Overlay(Overlay::Help(_)) => vec![Context::Help],
            Layer::Overlay(Overlay::KnowledgePick(_)) => vec![Context::KnowledgeSearch],
            Layer::Screen(screens::Screen::Knowledge(k)) if k.searching => vec![Context::KnowledgeSearch],
            Layer::Screen(screens::Screen::Knowledge(_)) => vec![Context::Knowledge],
            Layer::Overlay(Overlay::Detail(_)) => vec![Context::Detail, Context::List, Context::Global],
            Layer::Screen(screens::Screen::Triage(_)) => vec![Context::Triage],
            Layer::Screen(screens::Screen::Reminders(_)) => vec![Context::Reminders],
            Layer::Screen(screens::Screen::Dashboard(_)) => vec![Context::Dashboard],
            Layer::Screen(screens::Screen::Quality(quality)) => vec![if quality.confirm.is_some() {
                Context::QualityConfirm
            } else {
                Context::Quality
            }],
            Layer::Screen(screens::Screen::Main) if filter && self.filtering() => vec![Context::Filter],
            Layer::Screen(screens::Screen::Main) => {
                let pane = match self.focus {
                    PaneId::Customers => Context::Customers,
                    PaneId::Queue => Context::Queue,
                    PaneId::Timeline => Context::Timeline,
                };
                vec![pane, Context::List, Context::Global]
            }
        }
    }

    /// The focused pane's filter line has the keyboard (when nothing
    /// modal is over it).
    pub fn filtering(&self) -> bool {
        self.screens.on_main()
            && self.screens.detail().is_none()
            && match self.focus {
                PaneId::Customers => self.customers.list.editing,
                PaneId::Queue => self.queue.list.editing,
                PaneId::Timeline => false,
            }
    }

    /// The open card or ticket page as a document, wrapped to its box.
    pub fn detail_doc(&self) -> Option<Doc> {
        let (width, _) = layout::inner_size(layout::detail_area(self.screen().body));
        let page = self.screens.detail()?;
        let mut doc = match page {
            Detail::Card { card: Some(card), .. } => super::detail::card_doc(self, card, width),
            Detail::Ticket {
                detail: Some(detail),
                mail,
                quotes_open,
                ..
            } => {
                let thread = super::mail::Thread {
                    mail: mail.as_deref(),
                    quotes_open: *quotes_open,
                };
                super::detail::ticket_doc(self, detail, thread, width)
            }
            _ => return None,
        };
        doc.select_link(page.link());
        Some(doc)
    }

    /// A conflict dialog as a document, wrapped to its box.
    pub fn conflict_doc(&self, conflict: &super::conflict::Conflict) -> Doc {
        let (width, _) = layout::inner_size(layout::conflict_area(self.screen().body, 0));
        super::conflict_doc::conflict_doc(self, conflict, width)
    }

    /// Lines of a conflict dialog (taken out of the model while it scrolls).
    pub fn conflict_doc_lines(&self, conflict: &super::conflict::Conflict) -> usize {
        self.conflict_doc(conflict).lines.len()
    }

    pub fn help_doc(&self) -> Doc {
        let (width, _) = layout::inner_size(layout::help_area(self.screen().body));
        super::help::help_doc(self, width)
    }

    pub fn say(&mut self, text: String) {
        self.message = Some(Message {
            text,
            error: false,
            ticks_left: MESSAGE_TICKS,
        });
    }

    pub fn warn(&mut self, text: String) {
        self.message = Some(Message {
            text,
            error: true,
            ticks_left: MESSAGE_TICKS,
        });
    }
}
