//! The clap definitions of `sla`: calendars, policies and routing rules.

use super::values::one_of;
use crate::domain::enums::{Channel, Priority, TicketKind, Tier};
use clap::{Args, Subcommand};

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum SlaCommand {
    /// Business calendars
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The instant N business minutes after START (printed as RFC 3339, UTC)
    Due {
        /// The business calendar to count in (see `sla calendar list`)
        #[arg(long)]
        calendar: String,
        /// The instant to count from (any TIME form: 2026-12-07 10:00, tomorrow 10:00, +2h, RFC 3339 …)
        #[arg(long)]
        start: String,
        /// Business minutes to add (negative counts back)
        #[arg(long, allow_negative_numbers = true)]
        minutes: i64,
    },
    /// Whole business minutes between two instants
    Elapsed {
        /// The business calendar to count in (see `sla calendar list`)
        #[arg(long)]
        calendar: String,
        /// The earlier instant (any TIME form, e.g. 2026-12-07 10:00)
        #[arg(long)]
        from: String,
        /// The later instant (any TIME form, e.g. +3h30m)
        #[arg(long)]
        to: String,
    },
    /// The ordered SLA policies (first match wins)
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// The e-mail reply target: the first-response target of every e-mail
    /// ticket (default 24h, counted 24×7); shows it, or sets it (24h, 8h, 1d) or `off`
    EmailReply {
        /// The new target, e.g. 24h, or `off`; without it the target is shown
        target: Option<String>,
    },
}

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum CalendarCommand {
    /// Add or replace a calendar
    Add {
        /// The calendar's name (a calendar of that name is replaced)
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
#[command(defer = true)]
pub enum PolicyCommand {
    /// List policies in the order they are tried
    List,
    /// Add a policy; targets like 1h, 24h, 3d, or 27h@default to count in a calendar
    Add(PolicyAddArgs),
    /// Remove a policy by id
    Remove {
        /// The policy's id (see `sla policy list`)
        id: i64,
    },
}

#[derive(Debug, Clone, Args)]
pub struct PolicyAddArgs {
    /// The policy's name, shown beside each ticket it applies to
    #[arg(long)]
    pub name: String,
    /// Applies only to tickets of this kind [default: any]
    #[arg(long, value_parser = one_of::<TicketKind>())]
    pub kind: Option<String>,
    /// Applies only to tickets of this priority [default: any]
    #[arg(long, value_parser = one_of::<Priority>())]
    pub priority: Option<String>,
    /// Applies only to tickets that came in on this channel [default: any]
    #[arg(long, value_parser = one_of::<Channel>())]
    pub channel: Option<String>,
    /// Applies only to customers of this tier [default: any]
    #[arg(long, value_parser = one_of::<Tier>())]
    pub tier: Option<String>,
    /// Time to the first response, e.g. 1h, 30m, 27h@default [default: none]
    #[arg(long)]
    pub first_response: Option<String>,
    /// Time to resolution, e.g. 24h, 3d, 27h@default [default: none]
    #[arg(long)]
    pub resolution: Option<String>,
    /// Time from resolution to the callback (回访), e.g. 2d [default: none]
    #[arg(long)]
    pub callback: Option<String>,
    /// Where in the order (1 = tried first)
    #[arg(long, default_value_t = 1)]
    pub position: i64,
}

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum RoutingCommand {
    /// List routing rules in the order they are tried
    List,
    /// Add a rule (conditions left out match anything)
    Add(RoutingAddArgs),
    /// Remove a rule by id
    Remove {
        /// The rule's id (see `routing list`)
        id: i64,
    },
}

#[derive(Debug, Clone, Args)]
pub struct RoutingAddArgs {
    /// Matches tickets of this kind [default: any]
    #[arg(long, value_parser = one_of::<TicketKind>())]
    pub kind: Option<String>,
    /// Matches tickets of this category, e.g. product-quality [default: any]
    #[arg(long)]
    pub category: Option<String>,
    /// Matches tickets that came in on this channel [default: any]
    #[arg(long, value_parser = one_of::<Channel>())]
    pub channel: Option<String>,
    /// Matches when the subject contains it (any case)
    #[arg(long)]
    pub keyword: Option<String>,
    /// The department that gets the ticket
    #[arg(long)]
    pub department: String,
    /// The agent who gets the ticket, one of `agent list` once any is listed [default: nobody in particular]
    #[arg(long)]
    pub assignee: Option<String>,
    /// Where in the order (1 = tried first) [default: last]
    // 0 stands for "last", which is what help shows.
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    pub position: i64,
}
