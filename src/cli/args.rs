//! The clap definitions of every command (see ../shared/CLI.md).

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "A keyboard-driven helpdesk and CRM for the terminal.\nWith no command, opens the terminal UI."
)]
pub struct Cli {
    /// The database file [default: <data dir>/frontdesk/frontdesk.db]
    // Any path is taken here, the empty one too: clap would refuse an empty
    // FRONTDESK_DB as "--db", and would do so even when --db is given. An empty
    // path is refused by `parse::refuse_empty_paths`, naming where it came from.
    #[arg(long, env = "FRONTDESK_DB", global = true, value_parser = any_path())]
    pub db: Option<PathBuf>,
    /// Who is acting; recorded on every write [default: the login name]
    #[arg(long, env = "FRONTDESK_AGENT", global = true)]
    pub agent: Option<String>,
    /// Replaces the clock (RFC 3339 or a date) for the whole command
    #[arg(long, env = "FRONTDESK_NOW", global = true)]
    pub now: Option<String>,
    /// The config file [default: <config dir>/frontdesk/config.toml]
    #[arg(long, env = "FRONTDESK_CONFIG", global = true, value_parser = any_path())]
    pub config: Option<PathBuf>,
    /// Machine-readable output for list, show and add commands
    #[arg(long, global = true)]
    pub json: bool,
    /// Partly hide phone numbers and e-mail addresses (screen sharing)
    #[arg(long, env = "FRONTDESK_MASKED", global = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub masked: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A path as given, the empty one included (see `Cli::db`).
fn any_path() -> impl TypedValueParser<Value = PathBuf> {
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Create or migrate the database; print its path and schema version
    Init,
    /// Add realistic sample data (English and Chinese); the same seed gives the same data
    Demo(DemoArgs),
    /// Keep customers
    #[command(subcommand)]
    // Boxed: the customer fields make it by far the largest command.
    Customer(Box<CustomerCommand>),
    /// Keep service tickets
    #[command(subcommand)]
    Ticket(TicketCommand),
    /// Log an interaction with a customer
    Log(LogArgs),
    /// A customer's interactions and ticket events, newest first
    Timeline(TimelineArgs),
    /// Response-time targets: calendars, business-time math and policies
    #[command(subcommand)]
    Sla(SlaCommand),
    /// Routing rules: which department (and agent) gets a new ticket
    #[command(subcommand)]
    Routing(RoutingCommand),
    /// Record and list customers' orders
    #[command(subcommand)]
    Order(super::order::OrderCommand),
    /// Contact cadence, callbacks due and manual reminders
    #[command(subcommand)]
    Reminder(super::reminder::ReminderCommand),
    /// Import a CSV file whole or not at all (another system's export with --map)
    Import(super::transfer::ImportArgs),
    /// Export records as CSV (the import columns) or JSON
    Export(super::transfer::ExportArgs),
    /// The knowledge base: FAQs, solved cases, reply scripts
    #[command(subcommand)]
    Kb(super::kb::KbCommand),
    /// A consistent copy of the live database, safe while others write
    Backup(super::care::BackupArgs),
    /// Integrity, foreign-key and schema check; exit 1 on any problem
    Doctor,
    /// Agents and their roles (agent, supervisor, admin)
    #[command(subcommand)]
    Agent(super::care::AgentCommand),
    /// Satisfaction surveys (scores 1-5); low ones listed for follow-up
    #[command(subcommand)]
    Survey(super::survey::SurveyCommand),
    /// The monthly review: KPIs beside the previous month
    Report(super::report::ReportArgs),
    /// The settings file: where it is, what is in force, what is wrong with it
    #[command(subcommand)]
    Config(super::config::ConfigCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum SlaCommand {
    /// Business calendars
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The instant N business minutes after START (RFC 3339, UTC)
    Due {
        #[arg(long)]
        calendar: String,
        #[arg(long)]
        start: String,
        #[arg(long, allow_negative_numbers = true)]
        minutes: i64,
    },
    /// Whole business minutes between two instants
    Elapsed {
        #[arg(long)]
        calendar: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// The ordered SLA policies (first match wins)
    #[command(subcommand)]
    Policy(PolicyCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum CalendarCommand {
    /// Add or replace a calendar
    Add {
        name: String,
        /// Time zone, e.g. Asia/Shanghai
        #[arg(long)]
        tz: String,
        /// Working hours, e.g. "mon-fri 09:00-12:00,13:00-18:00" (repeatable)
        #[arg(long, required = true)]
        hours: Vec<String>,
        /// A date with no work (repeatable)
        #[arg(long)]
        holiday: Vec<String>,
        /// A make-up working day on a weekend, 调休 (repeatable)
        #[arg(long)]
        workday: Vec<String>,
    },
    /// List calendars
    List,
}

#[derive(Debug, Clone, Subcommand)]
pub enum PolicyCommand {
    /// List policies in the order they are tried
    List,
    /// Add a policy; targets like 1h, 24h, 3d, or 27h@default to count in a calendar
    Add(PolicyAddArgs),
    /// Remove a policy by id
    Remove { id: i64 },
}

#[derive(Debug, Clone, Args)]
pub struct PolicyAddArgs {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub priority: Option<String>,
    #[arg(long)]
    pub channel: Option<String>,
    #[arg(long)]
    pub tier: Option<String>,
    #[arg(long)]
    pub first_response: Option<String>,
    #[arg(long)]
    pub resolution: Option<String>,
    #[arg(long)]
    pub callback: Option<String>,
    /// Where in the order (1 = tried first) [default: 1]
    #[arg(long, default_value_t = 1)]
    pub position: i64,
}

#[derive(Debug, Clone, Subcommand)]
pub enum RoutingCommand {
    /// List routing rules in the order they are tried
    List,
    /// Add a rule (conditions left out match anything)
    Add(RoutingAddArgs),
    /// Remove a rule by id
    Remove { id: i64 },
}

#[derive(Debug, Clone, Args)]
pub struct RoutingAddArgs {
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub channel: Option<String>,
    /// Matches when the subject contains it (any case)
    #[arg(long)]
    pub keyword: Option<String>,
    #[arg(long)]
    pub department: String,
    #[arg(long)]
    pub assignee: Option<String>,
    /// Where in the order (1 = tried first) [default: last]
    #[arg(long, default_value_t = 0)]
    pub position: i64,
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 200)]
    pub customers: usize,
    #[arg(long, default_value_t = 400)]
    pub tickets: usize,
    #[arg(long, default_value_t = 2000)]
    pub interactions: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Add the sample data even though the database already holds customers or tickets
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer (a code is generated when none is given)
    Add(CustomerFields),
    /// List customers, most recently active first, or ranked by --filter
    List(CustomerListArgs),
    /// One customer with their open tickets and history
    Show { key: String },
    /// Change fields of a customer
    Edit {
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
    Archive { key: String },
    /// Customers with churn warnings (流失预警) and their reasons
    Risk(super::crm::LimitArgs),
    /// Customers missing contact details (no phone and no e-mail)
    Quality(super::crm::LimitArgs),
    /// Likely duplicate customers (same phone or e-mail, similar names, same pinyin)
    Duplicates(super::crm::LimitArgs),
    /// Move all of DUPLICATE's history to KEEP and archive DUPLICATE
    Merge { keep: String, duplicate: String },
    /// Archive customers with no activity for --days days
    ArchiveInactive(super::crm::ArchiveInactiveArgs),
    /// Recompute every customer's tier and lifecycle stage now
    Recompute,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CustomerFields {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub code: Option<String>,
    /// person or company
    #[arg(long)]
    pub kind: Option<String>,
    /// Contact person (联系人)
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub industry: Option<String>,
    /// Customer since (a date)
    #[arg(long)]
    pub since: Option<String>,
    /// high-value, potential, at-risk or standard (pins the tier)
    #[arg(long)]
    pub tier: Option<String>,
    /// Comma-separated tags
    #[arg(long)]
    pub tags: Option<String>,
    /// Preferred channel
    #[arg(long)]
    pub channel: Option<String>,
    /// Account owner (an agent)
    #[arg(long)]
    pub owner: Option<String>,
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
    #[arg(long)]
    pub tier: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}

#[derive(Debug, Clone, Subcommand)]
pub enum TicketCommand {
    /// Open a ticket for a customer
    Add(TicketAddArgs),
    /// All tickets, newest first; --queue: the open ones, most urgent first
    List(TicketListArgs),
    /// One ticket with its SLA clocks, urgency and history
    Show { id: i64 },
    /// Answer the customer (outbound; counts as a response)
    Reply {
        id: i64,
        #[arg(long, required_unless_present = "kb")]
        summary: Option<String>,
        #[arg(long)]
        channel: Option<String>,
        /// Insert a knowledge-base article into the reply (counts its use)
        #[arg(long)]
        kb: Option<i64>,
    },
    /// An internal note (never counts as a response)
    Note {
        id: i64,
        #[arg(long)]
        summary: String,
    },
    /// Change priority, status, assignee, department or category
    Set(TicketSetArgs),
    /// Resolve a ticket
    Resolve {
        id: i64,
        #[arg(long)]
        summary: Option<String>,
    },
    /// Reopen a resolved or closed ticket
    Reopen {
        id: i64,
        #[arg(long)]
        summary: Option<String>,
    },
    /// Record the callback after resolution (回访) and its outcome
    Callback {
        id: i64,
        /// satisfied, resolved or follow-up
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        summary: Option<String>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct TicketAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// complaint, inquiry, request, repair, after-sales or other
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub subject: String,
    #[arg(long)]
    pub priority: Option<String>,
    #[arg(long)]
    pub channel: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub opened_at: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TicketListArgs {
    #[arg(long)]
    pub queue: bool,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub assignee: Option<String>,
    /// Customer id or code
    #[arg(long)]
    pub customer: Option<String>,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}

#[derive(Debug, Clone, Args)]
pub struct TicketSetArgs {
    pub id: i64,
    #[arg(long)]
    pub priority: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub assignee: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    /// Only if the ticket is still at this version (else exit 3)
    #[arg(long)]
    pub if_version: Option<i64>,
}

#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub channel: String,
    /// in, out or note [default: in]
    #[arg(long)]
    pub direction: Option<String>,
    #[arg(long)]
    pub summary: String,
    #[arg(long)]
    pub ticket: Option<i64>,
    #[arg(long)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TimelineArgs {
    /// Customer id or code
    pub key: String,
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}
