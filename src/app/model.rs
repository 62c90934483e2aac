//! The whole state of the terminal UI. Views read it; only `update`
//! changes it.

use super::doc::Doc;
use super::forms::Form;
use super::keys::Key;
use super::layout::{self, Screen};
use super::palette::Palette;
use super::panes::PaneId;
use super::panes::cursor::{Cursor, Scroll};
use super::panes::customers::CustomersPane;
use super::panes::queue::QueuePane;
use super::panes::timeline::TimelinePane;
use crate::app::keymap::{Context, Keymap};
use crate::app::theme::Theme;
use crate::service::screens::{Counts, CustomerCard};
use crate::service::tickets::TicketDetail;
use crate::strings::Strings;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::layout::Rect;

/// Facts about this session shown in the header and used for display.
#[derive(Debug, Clone)]
pub struct Session {
    pub database: String,
    pub agent: String,
    /// Times are shown in this zone (the business calendar's).
    pub timezone: Tz,
    /// `--now` was given: the clock stands still.
    pub clock_fixed: bool,
    /// Screen-sharing mode: phones and e-mails are shown partly hidden.
    pub masked: bool,
}

/// The customer card or the ticket page, over the panes.
pub enum Detail {
    Card {
        id: i64,
        card: Option<Box<CustomerCard>>,
        scroll: Scroll,
    },
    Ticket {
        id: i64,
        detail: Option<Box<TicketDetail>>,
        scroll: Scroll,
    },
}

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
    pub detail: Option<Detail>,
    pub form: Option<Form>,
    pub palette: Option<Palette>,
    pub help: Option<Help>,
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
    /// Triage mode, full screen, when on.
    pub triage: Option<super::triage::Triage>,
    /// The open form changes all these marked tickets at once.
    pub bulk: Option<Vec<i64>>,
    pub alerts: super::alerts::Alerts,
    /// Ring the terminal bell when a ticket newly turns at risk or breached.
    pub bell: bool,
    /// The Reminders view, full screen, when on.
    pub reminders: Option<super::reminders::Reminders>,
    /// The dashboard, full screen, when on.
    pub dashboard: Option<super::dashboard::DashboardScreen>,
    /// Who else has the ticket on screen open.
    pub presence: super::presence::Presence,
    /// A save met a record changed meanwhile: the dialog over the form.
    pub conflict: Option<super::conflict::Conflict>,
    /// The Data quality view, full screen, when on.
    pub quality: Option<super::quality::Quality>,
    /// Reads are running in the background: the header says so, so a
    /// screen waiting for figures never looks hung.
    pub reading: bool,
    /// Forms closed with typed text, and the question asked before any is lost.
    pub drafts: super::forms::drafts::Drafts,
    /// Saves running on the writer thread, and the forms they came from.
    pub saves: super::saves::Saves,
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
            detail: None,
            form: None,
            palette: None,
            help: None,
            message: None,
            pending: Vec::new(),
            warnings,
            quit: false,
            dirty: true,
            select_after_load: None,
            queue_loaded_at: now,
            triage: None,
            bulk: None,
            alerts: Default::default(),
            bell: false,
            reminders: None,
            dashboard: None,
            presence: super::presence::Presence::new(now),
            conflict: None,
            quality: None,
            reading: false,
            drafts: Default::default(),
            saves: Default::default(),
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

    /// Where keys are looked up now, innermost first: a modal form, the
    /// palette, the help, a filter being typed, the card or ticket page, and
    /// otherwise the focused pane, then lists, then everything.
    pub fn chain(&self) -> Vec<Context> {
        if self.conflict.is_some() {
            return vec![Context::Conflict];
        }
        if self.form.is_some() {
            return vec![Context::Form];
        }
        if self.palette.is_some() {
            return vec![Context::Palette];
        }
        if self.help.is_some() {
            return vec![Context::Help];
        }
        if self.filtering() {
            return vec![Context::Filter];
        }
        self.chain_below_overlays()
    }

    /// The chain without the palette and help: where a palette command runs.
    pub fn chain_below_overlays(&self) -> Vec<Context> {
        if self.triage.is_some() {
            return vec![Context::Triage];
        }
        if self.reminders.is_some() && self.detail.is_none() {
            return vec![Context::Reminders];
        }
        if self.dashboard.is_some() {
            return vec![Context::Dashboard];
        }
        if let Some(quality) = &self.quality
            && self.detail.is_none()
        {
            return vec![if quality.confirm.is_some() {
                Context::QualityConfirm
            } else {
                Context::Quality
            }];
        }
        if self.detail.is_some() {
            return vec![Context::Detail, Context::List, Context::Global];
        }
        let pane = match self.focus {
            PaneId::Customers => Context::Customers,
            PaneId::Queue => Context::Queue,
            PaneId::Timeline => Context::Timeline,
        };
        vec![pane, Context::List, Context::Global]
    }

    /// The focused pane's filter line has the keyboard.
    pub fn filtering(&self) -> bool {
        self.detail.is_none()
            && self.triage.is_none()
            && self.reminders.is_none()
            && self.dashboard.is_none()
            && self.quality.is_none()
            && match self.focus {
                PaneId::Customers => self.customers.list.editing,
                PaneId::Queue => self.queue.list.editing,
                PaneId::Timeline => false,
            }
    }

    /// The open card or ticket page as a document, wrapped to its box.
    pub fn detail_doc(&self) -> Option<Doc> {
        let (width, _) = layout::inner_size(layout::detail_area(self.screen().body));
        match self.detail.as_ref()? {
            Detail::Card { card: Some(card), .. } => Some(super::detail::card_doc(self, card, width)),
            Detail::Ticket {
                detail: Some(detail), ..
            } => Some(super::detail::ticket_doc(self, detail, width)),
            _ => None,
        }
    }

    /// The conflict dialog as a document, wrapped to its box.
    pub fn conflict_doc(&self) -> Option<Doc> {
        let conflict = self.conflict.as_ref()?;
        let (width, _) = layout::inner_size(layout::conflict_area(self.screen().body, 0));
        Some(super::conflict_doc::conflict_doc(self, conflict, width))
    }

    /// Lines of a conflict dialog (taken out of the model while it scrolls).
    pub fn conflict_doc_lines(&self, conflict: &super::conflict::Conflict) -> usize {
        let (width, _) = layout::inner_size(layout::conflict_area(self.screen().body, 0));
        super::conflict_doc::conflict_doc(self, conflict, width).lines.len()
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
