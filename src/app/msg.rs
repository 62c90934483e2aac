//! What flows into `update` (messages) and out of it (effects). Effects are
//! data: the `tui` driver runs them through the services and sends the
//! results back in as messages, so `update` never touches the store.

use super::action::Action;
use super::conflict::{Record, Stored};
use super::forms::{Failure, Submission};
use super::keys::Key;
use crate::domain::customer::Customer;
use crate::domain::interaction::TimelineEntry;
use crate::service::screens::{Counts, CustomerCard, Overview};
use crate::service::tickets::{TicketChanges, TicketDetail, TicketView};
use crate::service::triage::{Seen, TriageCard, Undo};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// What a save produced: which record to show afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    CustomerAdded {
        id: i64,
        code: String,
        name: String,
    },
    CustomerSaved {
        id: i64,
        code: String,
    },
    TicketOpened {
        id: i64,
    },
    TicketSaved {
        id: i64,
    },
    InteractionEdited {
        id: i64,
    },
    Replied {
        ticket: i64,
        /// Queued as a message to the customer: the outbox is sent next.
        by_mail: bool,
    },
    Noted {
        ticket: i64,
    },
    Logged {
        customer_id: i64,
    },
    OrderAdded {
        code: String,
        amount_cents: i64,
    },
    OrderCorrected {
        order: i64,
        kind: crate::domain::order::CorrectionKind,
        amount_cents: i64,
        net_cents: i64,
    },
    /// The survey form follows for this customer and ticket.
    CallbackDone {
        ticket: i64,
        code: String,
        name: String,
    },
    SurveyAdded {
        low: bool,
    },
    ReminderAdded {
        id: i64,
    },
    ArticleAdded {
        id: i64,
        title: String,
    },
}

pub enum Msg {
    Key(Key),
    /// Text pasted into the terminal (bracketed paste): text for the field
    /// being typed in, never keys.
    Paste(String),
    /// A named action from outside the keymap (tests, the palette).
    Action(Action),
    Mouse(Mouse),
    Resize(u16, u16),
    /// The clock, about once a second.
    Tick(DateTime<Utc>),
    /// Another process wrote to the database.
    ExternalChange,
    /// Idle time: carry on with work under way (a customer search).
    Continue,
    Overview(Box<Overview>),
    Queue(Vec<TicketView>, Counts),
    Timeline(i64, Vec<TimelineEntry>),
    Card(Box<CustomerCard>),
    Ticket(Box<TicketDetail>),
    CustomerForEdit(Box<Customer>),
    Saved(Saved),
    SaveFailed(Failure),
    /// A read failed; shown as a message, the screen stays as it was.
    LoadFailed(String),
    EditorDone(Result<String, String>),
    DemoDone(Result<(usize, usize), String>),
    /// The next ticket to triage, or none left.
    TriageCard(Option<Box<TriageCard>>),
    /// A triage change was made (with its undo and a description), or
    /// refused (a conflict when a ticket changed since it was seen).
    TriageChanged(Result<(Vec<Undo>, String), Failure>),
    /// An undo was made (the tickets it restored, with their new
    /// versions), or refused (a conflict when a ticket changed since).
    TriageUndone(Result<Vec<(i64, i64)>, Failure>),
    /// Back from Ctrl-Z or the editor: the screen must be drawn anew.
    Redraw,
    /// The agenda for the Reminders view (boxed: it is large beside the other messages).
    Reminders(Box<crate::service::agenda::Agenda>),
    /// A stored reminder was marked done (its id), or refused.
    ReminderDone(Result<i64, String>),
    /// The dashboard's figures for a month, or why they could not be read.
    Dashboard(
        crate::domain::period::Month,
        Result<Box<crate::service::dashboard::Dashboard>, String>,
    ),
    /// The report stamp has not moved: the figures kept for this month still hold.
    DashboardUnchanged(crate::domain::period::Month),
    /// The other agents with this ticket open, after our heartbeat.
    Presence(i64, Vec<String>),
    /// The record an edit conflicted with, as stored now (or why not).
    Current(Result<Box<Stored>, Failure>),
    /// The Data quality view's lists, or why they could not be read.
    Quality(Result<Box<crate::service::quality::Review>, String>),
    /// What a merge of these two customers would move from each.
    MergeCounts(
        i64,
        i64,
        Result<(crate::service::merge::Moved, crate::service::merge::Moved), String>,
    ),
    /// A merge was made, or refused (the service's words).
    Merged(Result<Box<crate::service::merge::MergeReport>, String>),
    /// The dry run of archiving for these days: who would be archived.
    InactiveFound(i64, Result<Vec<crate::domain::customer::Customer>, String>),
    /// Customers archived for inactivity (how many, for these days), or why not.
    ArchivedInactive(i64, Result<usize, String>),
    /// Reads are running in the background (true) or all are back (false).
    Reading(bool),
    /// What the writer thread is doing with the saves sent to it.
    Writing(super::saves::Writing),
    /// The ticket tags in use, for the tags form's pick lists, or why not.
    TagsInUse(Result<Vec<String>, String>),
    /// Every macro, for the picker, or why they could not be read.
    Macros(Result<Vec<crate::domain::macros::Macro>, String>),
    /// A macro was applied to a ticket (its number, the macro's name), or
    /// refused (a conflict when the ticket changed since it was seen).
    MacroApplied(Result<(i64, String), Failure>),
    /// The knowledge base's articles for a search (`""`: most used first).
    Articles(String, Result<Vec<crate::domain::kb::Article>, String>),
    /// What an expression found (its text, whether over every ticket), or why not.
    Found {
        expr: String,
        all: bool,
        result: Result<Box<crate::service::find::Found>, String>,
    },
    /// The views bar's views and counts, with the selected view's tickets.
    Views(Result<Box<crate::service::views::ViewsRead>, String>),
    /// The queue's most urgent tickets alone, read first at start so its
    /// rows show before every active ticket and customer is read.
    QueueHead(Vec<TicketView>),
    /// The mail of ticket `id`, read with it (right after `Msg::Ticket`).
    TicketMail(i64, Box<crate::service::mail::thread::TicketMail>),
    /// The header's outbox counts, or why they could not be read.
    OutboxCounts(Result<crate::service::mail::thread::OutboxCounts, String>),
    /// An attachment was written to this file, or why not.
    AttachmentSaved(Result<std::path::PathBuf, crate::service::mail::attachment_file::SaveRefused>),
    /// The outbox was sent: how many left, how many wait for a retry, how
    /// many failed for good; or why it could not be.
    MailSent(Result<(usize, usize, usize), String>),
    /// A fetch of the `[mail] sources` ended (boxed: the report is large).
    /// A fetch's sum, or why it could not start (a bad `[mail]` setting).
    MailFetched(Result<Box<crate::service::mail::FetchReport>, String>),
}

#[derive(Debug, Clone)]
pub enum Effect {
    LoadOverview,
    LoadQueue,
    LoadTimeline(i64),
    LoadCard(i64),
    LoadTicket(i64),
    LoadCustomerForEdit(i64),
    Save(Box<Submission>),
    /// Suspends the screen for `$EDITOR` on this text.
    OpenEditor(String),
    Suspend,
    /// Rings the terminal bell.
    Bell,
    RunDemo,
    /// The most urgent ticket needing a decision, skipping these.
    LoadTriage(Vec<i64>),
    /// Changes to these tickets as they were seen, all or none; the text
    /// describes the change.
    /// Boxed: the changes are the largest payload of any effect.
    TriageChange(Vec<Seen>, Box<TicketChanges>, String),
    TriageUndo(Vec<Undo>),
    /// The Reminders view's agenda, as its keys ask for it.
    LoadReminders(crate::app::reminders::Ask),
    ReminderDone(i64),
    /// The dashboard's figures for a month; with the stamp of figures already kept for it,
    /// read only if the stamp has moved since (else `Msg::DashboardUnchanged`).
    LoadDashboard(
        crate::domain::period::Month,
        Option<crate::service::dashboard::ReportStamp>,
    ),
    /// Our heartbeat on this ticket at this time, then who else is on it.
    BeatTicket(i64, DateTime<Utc>),
    /// We closed this ticket or moved on.
    LeaveTicket(i64),
    /// Reads the record an edit conflicted with, and its audit trail.
    LoadCurrent(Record),
    /// The triage card of this ticket read again, skipping these.
    ReloadTriage(i64, Vec<i64>),
    LoadQuality,
    /// Counts what merging either of these two customers would move.
    LoadMergeCounts(i64, i64),
    /// Merges `duplicate` into `keep` (customer ids).
    Merge {
        keep: i64,
        duplicate: i64,
    },
    /// Lists the customers inactive for this many days, archiving nothing.
    FindInactive(i64),
    /// Archives every customer inactive for this many days, in one transaction.
    ArchiveInactive(i64),
    /// Reads every macro for the picker.
    LoadMacros,
    /// Reads the ticket tags in use, for the tags form.
    LoadTags,
    /// Applies macro `name` to ticket `ticket` as seen at `version`.
    ApplyMacro {
        ticket: i64,
        version: i64,
        name: String,
    },
    /// The knowledge base's articles holding every word of the query
    /// (all of them, most used first, for `""`).
    LoadArticles(String),
    /// The tickets a filter-language expression selects: in the queue, or
    /// every ticket (`all`).
    FindTickets {
        expr: String,
        all: bool,
    },
    /// Counts every saved view and finds the tickets of the one at this
    /// position (none: the queue is showing).
    LoadViews(Option<i64>),
    /// The queue's first screenful (see [`Msg::QueueHead`]).
    LoadQueueHead,
    /// Counts the replies waiting in the outbox and those that failed.
    LoadOutboxCounts,
    /// Writes attachment `id` to the file at `path` (as typed); replaces a
    /// file there only with `overwrite`.
    SaveAttachment {
        id: i64,
        path: String,
        overwrite: bool,
    },
    /// Sends what is due in the outbox (`mail send`), on the writer thread.
    SendMail,
    /// Reads the `[mail] sources` into tickets (`mail fetch`), on the writer thread.
    FetchMail,
}
