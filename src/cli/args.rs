//! The clap definitions of every command (see ../shared/CLI.md).

use super::examples;
use super::values::one_of;
use crate::domain::enums::{
    CallbackOutcome, Channel, CustomerKind, Direction, Priority, TicketKind, TicketStatus, Tier,
};
use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

pub use super::sla_args::{RoutingCommand, SlaCommand};

/// The heading of the options every command takes: in a command's `--help`
/// they come after its own.
const GLOBAL: &str = "Global options";

#[derive(Debug, Clone, Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "A keyboard-driven helpdesk and CRM for the terminal.\nWith no command, opens the terminal UI.",
    after_help = examples::FRONTDESK
)]
pub struct Cli {
    /// The database file, or a postgres://USER@HOST:PORT/NAME URL [default: <data dir>/frontdesk/frontdesk.db]
    // Any path is taken here, the empty one too: clap would refuse an empty
    // FRONTDESK_DB as "--db", and would do so even when --db is given. An empty
    // path is refused by `parse::refuse_empty_paths`, naming where it came from.
    #[arg(long, env = "FRONTDESK_DB", global = true, help_heading = GLOBAL, value_parser = any_path())]
    pub db: Option<PathBuf>,
    /// Who is acting; recorded on every write [default: the login name]
    #[arg(long, env = "FRONTDESK_AGENT", global = true, help_heading = GLOBAL)]
    pub agent: Option<String>,
    /// Replaces the clock (RFC 3339 or a date) for the whole command
    #[arg(long, env = "FRONTDESK_NOW", global = true, help_heading = GLOBAL)]
    pub now: Option<String>,
    /// The config file [default: <config dir>/frontdesk/config.toml]
    #[arg(long, env = "FRONTDESK_CONFIG", global = true, help_heading = GLOBAL, value_parser = any_path())]
    pub config: Option<PathBuf>,
    /// Machine-readable output for list, show and add commands
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,
    /// Partly hide phone numbers and e-mail addresses (screen sharing)
    #[arg(long, env = "FRONTDESK_MASKED", global = true, help_heading = GLOBAL, value_parser = clap::builder::FalseyValueParser::new())]
    pub masked: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A path as given, the empty one included (see `Cli::db`).
fn any_path() -> impl TypedValueParser<Value = PathBuf> {
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Create or migrate the database; print its path and schema version
    #[command(after_help = examples::INIT)]
    Init,
    /// Add realistic sample data (English and Chinese); the same seed gives the same data
    #[command(after_help = examples::DEMO)]
    Demo(DemoArgs),
    /// Keep customers
    #[command(subcommand, after_help = examples::CUSTOMER)]
    // Boxed: the customer fields make it by far the largest command.
    Customer(Box<CustomerCommand>),
    /// Keep service tickets
    #[command(subcommand, after_help = examples::TICKET)]
    Ticket(TicketCommand),
    /// Correct what a recorded interaction says (audited)
    #[command(subcommand, after_help = examples::INTERACTION)]
    Interaction(super::interaction::InteractionCommand),
    /// Log an interaction with a customer
    #[command(after_help = examples::LOG)]
    Log(LogArgs),
    /// A customer's interactions and ticket events, newest first
    #[command(after_help = examples::TIMELINE)]
    Timeline(TimelineArgs),
    /// Response-time targets: calendars, business-time math and policies
    #[command(subcommand, after_help = examples::SLA)]
    Sla(SlaCommand),
    /// Routing rules: which department (and agent) gets a new ticket
    #[command(subcommand, after_help = examples::ROUTING)]
    Routing(RoutingCommand),
    /// Record and list customers' orders
    #[command(subcommand, after_help = examples::ORDER)]
    Order(super::order::OrderCommand),
    /// Contact cadence, callbacks due and manual reminders
    #[command(subcommand, after_help = examples::REMINDER)]
    Reminder(super::reminder::ReminderCommand),
    /// Import a CSV file whole or not at all (another system's export with --map)
    #[command(after_help = examples::IMPORT)]
    Import(super::transfer::ImportArgs),
    /// Export records as CSV (the import columns) or JSON
    #[command(after_help = examples::EXPORT)]
    Export(super::transfer::ExportArgs),
    /// The knowledge base: FAQs, solved cases, reply scripts
    #[command(subcommand, after_help = examples::KB)]
    Kb(super::kb::KbCommand),
    /// A consistent copy of the live database, safe while others write
    #[command(after_help = examples::BACKUP)]
    Backup(super::care::BackupArgs),
    /// The whole database (history, audit, attachments) into an empty one,
    /// SQLite file or PostgreSQL URL either way
    #[command(after_help = examples::COPY)]
    Copy(super::copy::CopyArgs),
    /// Integrity, foreign-key and schema check; exit 1 on any problem
    #[command(after_help = examples::DOCTOR)]
    Doctor,
    /// Agents and their roles (agent, supervisor, admin)
    #[command(subcommand, after_help = examples::AGENT)]
    Agent(super::care::AgentCommand),
    /// Satisfaction surveys (scores 1-5); low ones listed for follow-up
    #[command(subcommand, after_help = examples::SURVEY)]
    Survey(super::survey::SurveyCommand),
    /// The monthly review: KPIs beside the previous month
    #[command(after_help = examples::REPORT)]
    Report(super::report::ReportArgs),
    /// The settings file: where it is, what is in force, what is wrong with it
    #[command(subcommand, after_help = examples::CONFIG)]
    Config(super::config::ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish …) to standard output
    #[command(after_help = examples::COMPLETIONS)]
    Completions(super::shell::CompletionsArgs),
    /// Print the man page (roff) to standard output, or write one page per command
    #[command(after_help = examples::MAN)]
    Man(super::shell::ManArgs),
    /// Macros: a named reply and field changes, applied with `ticket macro ID NAME`
    #[command(subcommand, after_help = super::macros::EXAMPLES)]
    Macro(super::macros::MacroCommand),
    /// Saved views: named queries, shown in the TUI's queue and listed by `ticket list --view NAME`
    #[command(subcommand, after_help = super::views::EXAMPLES)]
    View(super::views::ViewCommand),
    /// E-mail: read mail into tickets, and the attachments that came with it; replies' outbox and sending
    #[command(subcommand, after_help = super::mail_in::EXAMPLES)]
    Mail(super::mail_in::MailCommand),
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// How many customers to add
    #[arg(long, default_value_t = 200)]
    pub customers: usize,
    /// How many tickets to add
    #[arg(long, default_value_t = 400)]
    pub tickets: usize,
    /// How many interactions (calls, e-mails, chats …) to add
    #[arg(long, default_value_t = 2000)]
    pub interactions: usize,
    /// The random seed; the same seed gives the same data
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Add the sample data even though the database already holds customers or tickets
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum CustomerCommand {
    /// Add a customer (a code is generated when none is given)
    Add(CustomerFields),
    /// List customers, most recently active first, or ranked by --filter
    List(CustomerListArgs),
    /// One customer with their open tickets and history
    Show {
        /// Customer id or code
        key: String,
    },
    /// Change fields of a customer
    Edit {
        /// Customer id or code
        key: String,
        #[command(flatten)]
        fields: CustomerFields,
        /// Only if the record is still at this version (else exit 3)
        #[arg(long)]
        if_version: Option<i64>,
        /// Release a tier set by hand; the segmentation rules set it again
        #[arg(long, conflicts_with = "tier")]
        unpin_tier: bool,
    },
    /// Archive a customer (their history is kept)
    Archive {
        /// Customer id or code
        key: String,
    },
    /// Customers with churn warnings (流失预警) and their reasons
    Risk(super::crm::LimitArgs),
    /// Customers missing contact details (no phone and no e-mail)
    Quality(super::crm::LimitArgs),
    /// Likely duplicate customers (same phone or e-mail, similar names, same pinyin)
    Duplicates(super::crm::LimitArgs),
    /// Move all of DUPLICATE's history to KEEP and archive DUPLICATE
    Merge {
        /// The customer who stays (id or code)
        keep: String,
        /// The customer merged into KEEP and archived (id or code)
        duplicate: String,
    },
    /// Archive customers with no activity for --days days
    ArchiveInactive(super::crm::ArchiveInactiveArgs),
    /// Recompute every customer's tier and lifecycle stage now
    Recompute,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CustomerFields {
    /// The customer's name (a person or a company)
    #[arg(long)]
    pub name: Option<String>,
    /// The customer code [default on add: generated, e.g. C2026001]
    #[arg(long)]
    pub code: Option<String>,
    /// A person or a company
    #[arg(long, value_parser = one_of::<CustomerKind>())]
    pub kind: Option<String>,
    /// Contact person (联系人)
    #[arg(long)]
    pub contact: Option<String>,
    /// Phone number, e.g. 13812345678 or +86 21 5555 0100
    #[arg(long)]
    pub phone: Option<String>,
    /// E-mail address
    #[arg(long)]
    pub email: Option<String>,
    /// Postal address
    #[arg(long)]
    pub address: Option<String>,
    /// Industry, e.g. retail
    #[arg(long)]
    pub industry: Option<String>,
    /// Customer since (a date)
    #[arg(long)]
    pub since: Option<String>,
    /// The segment (客户分层); set by hand, it is pinned against the rules
    #[arg(long, value_parser = one_of::<Tier>())]
    pub tier: Option<String>,
    /// Comma-separated tags
    #[arg(long)]
    pub tags: Option<String>,
    /// Preferred channel ("" clears it)
    #[arg(long, value_parser = one_of::<Channel>().or_empty())]
    pub channel: Option<String>,
    /// Account owner (an agent)
    #[arg(long)]
    pub owner: Option<String>,
    /// Free-text notes
    #[arg(long)]
    pub notes: Option<String>,
    /// Birthday (a date like 1990-05-17; "" clears it)
    #[arg(long)]
    pub birthday: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CustomerListArgs {
    /// Fuzzy match on name, code, contact, phone, email and pinyin (zs, zhangsan → 张三)
    #[arg(long)]
    pub filter: Option<String>,
    /// Only customers of this tier
    #[arg(long, value_parser = one_of::<Tier>())]
    pub tier: Option<String>,
    /// Only customers with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum TicketCommand {
    /// Open a ticket for a customer
    Add(TicketAddArgs),
    /// All tickets, newest first; --queue: the open ones, most urgent first
    List(TicketListArgs),
    /// One ticket with its SLA clocks, urgency and history
    Show {
        /// The ticket's id
        id: i64,
    },
    /// Answer the customer (outbound; counts as a response)
    Reply {
        /// The ticket's id
        id: i64,
        /// What was said to the customer [default: written in $EDITOR]
        #[arg(long)]
        summary: Option<String>,
        /// Read the reply from this file ("-": standard input)
        #[arg(long, conflicts_with = "summary", value_parser = any_path())]
        body_file: Option<PathBuf>,
        /// How the answer went out [default: the ticket's channel]
        #[arg(long, value_parser = one_of::<Channel>())]
        channel: Option<String>,
        /// Insert a knowledge-base article into the reply (counts its use)
        #[arg(long)]
        kb: Option<i64>,
        /// Also send the reply to the customer by e-mail ([mail] smtp or sendmail); a failed send stays queued
        #[arg(long, conflicts_with = "channel")]
        send: bool,
    },
    /// An internal note (never counts as a response)
    Note {
        /// The ticket's id
        id: i64,
        /// The note [default: written in $EDITOR]
        #[arg(long)]
        summary: Option<String>,
        /// Read the note from this file ("-": standard input)
        #[arg(long, conflicts_with = "summary", value_parser = any_path())]
        body_file: Option<PathBuf>,
    },
    /// Change priority, status, assignee, department, category, subject, kind or description
    Set(TicketSetArgs),
    /// Resolve a ticket
    Resolve {
        /// The ticket's id
        id: i64,
        /// How it was resolved
        #[arg(long)]
        summary: Option<String>,
    },
    /// Reopen a resolved or closed ticket
    Reopen {
        /// The ticket's id
        id: i64,
        /// Why it is reopened
        #[arg(long)]
        summary: Option<String>,
    },
    /// Record the callback after resolution (回访) and its outcome
    Callback {
        /// The ticket's id
        id: i64,
        /// What the customer said: satisfied, the problem is resolved, or it needs a follow-up
        #[arg(long, value_parser = one_of::<CallbackOutcome>())]
        outcome: String,
        /// What was said on the callback
        #[arg(long)]
        summary: Option<String>,
    },
    /// Apply a macro (see `macro list`): its reply and changes in one step
    Macro {
        /// The ticket's id
        id: i64,
        /// The macro's name
        name: String,
        /// Only if the ticket is still at this version (else exit 3)
        #[arg(long)]
        if_version: Option<i64>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct TicketAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// What the ticket is about (工单类型)
    #[arg(long, value_parser = one_of::<TicketKind>())]
    pub kind: String,
    /// A one-line subject
    #[arg(long)]
    pub subject: String,
    /// How urgent it is [default: normal]
    #[arg(long, value_parser = one_of::<Priority>())]
    pub priority: Option<String>,
    /// Where the request came in [default: other]
    #[arg(long, value_parser = one_of::<Channel>())]
    pub channel: Option<String>,
    /// A category of your own, e.g. product-quality
    #[arg(long)]
    pub category: Option<String>,
    /// The description: what the customer asked or reported
    #[arg(long)]
    pub body: Option<String>,
    /// When the request came in (not after now; any TIME form, e.g. 2026-12-06 09:30) [default: now]
    #[arg(long)]
    pub opened_at: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TicketListArgs {
    /// The open tickets, most urgent first (the triage queue)
    #[arg(long)]
    pub queue: bool,
    /// With --queue: only tickets nobody has decided on in triage yet
    #[arg(long, requires = "queue")]
    pub untriaged: bool,
    /// Only tickets in this status
    #[arg(long, value_parser = one_of::<TicketStatus>())]
    pub status: Option<String>,
    /// Only tickets assigned to this agent
    #[arg(long)]
    pub assignee: Option<String>,
    /// Customer id or code
    #[arg(long)]
    pub customer: Option<String>,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
    /// The filter language, e.g. "kind:complaint priority:>=high -assignee:none opened:>=sow"
    // A query may begin with a negated term (`-status:closed`).
    #[arg(long, value_name = "EXPR", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Full text: English words and Chinese terms in the subject, description
    /// and every reply or note, best first (any status; with --queue only
    /// the open ones)
    #[arg(long)]
    pub search: Option<String>,
    /// The tickets of a saved view (`view list`): its name in either language or a shipped view's key; with --query both apply
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TicketSetArgs {
    /// The ticket's id
    pub id: i64,
    /// The new priority
    #[arg(long, value_parser = one_of::<Priority>())]
    pub priority: Option<String>,
    /// The new status
    #[arg(long, value_parser = one_of::<TicketStatus>())]
    pub status: Option<String>,
    /// The agent who takes it ("" for nobody); once agents are listed, one of them
    #[arg(long)]
    pub assignee: Option<String>,
    /// The department that takes it
    #[arg(long)]
    pub department: Option<String>,
    /// The category, e.g. product-quality
    #[arg(long)]
    pub category: Option<String>,
    /// Put a tag on the ticket (repeatable; "a,b" puts on both)
    #[arg(long = "add-tag", value_name = "TAG")]
    pub add_tag: Vec<String>,
    /// Take a tag off the ticket (repeatable)
    #[arg(long = "remove-tag", value_name = "TAG")]
    pub remove_tag: Vec<String>,
    /// A corrected one-line subject
    #[arg(long)]
    pub subject: Option<String>,
    /// What the ticket is about; the SLA targets follow the new kind
    #[arg(long, value_parser = one_of::<TicketKind>())]
    pub kind: Option<String>,
    /// The description: what the customer asked or reported
    #[arg(long)]
    pub description: Option<String>,
    /// Only if the ticket is still at this version (else exit 3)
    #[arg(long)]
    pub if_version: Option<i64>,
}

#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// How the contact happened
    #[arg(long, value_parser = one_of::<Channel>())]
    pub channel: String,
    /// From the customer (in), to the customer (out), or an internal note [default: in]
    #[arg(long, value_parser = one_of::<Direction>())]
    pub direction: Option<String>,
    /// What was said
    #[arg(long)]
    pub summary: String,
    /// The ticket it belongs to (the customer's)
    #[arg(long)]
    pub ticket: Option<i64>,
    /// When it happened (not after now; any TIME form, e.g. today 09:30) [default: now]
    #[arg(long)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TimelineArgs {
    /// Customer id or code (optional with --search: every customer)
    #[arg(required_unless_present = "search")]
    pub key: Option<String>,
    /// Contacts logged without a ticket whose text matches, best first (a
    /// ticket's own replies and notes are found by `ticket list --search`)
    #[arg(long)]
    pub search: Option<String>,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}
