//! Plays a ticket's scripted steps the way the services would have recorded
//! them, so sample tickets are indistinguishable from real ones: an outbound
//! contact is the first response and opens a new ticket, an inbound one on a
//! pending ticket resumes it, status changes record the clock events of
//! [`transition`], and every field change leaves an audit entry.

use crate::domain::enums::{CallbackOutcome, Channel, Direction, TicketStatus};
use crate::domain::sla::TicketEvent;
use crate::domain::ticket::{Ticket, transition};
use chrono::{DateTime, Utc};

/// Who does a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// Whoever runs the demo: they enter tickets and dispatch them.
    Desk,
    /// The agent the ticket is assigned to.
    Assignee,
    /// The customer's account owner, who makes the callback.
    Owner,
}

/// What the text of a contact is about; a key of `assets/demo/text_*.txt`.
pub type TextKey = &'static str;

#[derive(Debug, Clone, Copy)]
pub enum Act {
    Contact {
        direction: Direction,
        channel: Channel,
        text: TextKey,
        by: Actor,
    },
    Status(TicketStatus, Actor),
    /// The dispatcher gives the ticket to its planned department and assignee.
    Assign,
    Callback(CallbackOutcome),
}

#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub act: Act,
}

pub struct Contact {
    pub at: DateTime<Utc>,
    pub direction: Direction,
    pub channel: Channel,
    pub text: TextKey,
    pub by: Actor,
}

pub struct Change {
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The reminder a follow-up callback leaves, done by the next step taken
/// on the ticket.
pub struct Reminder {
    pub created: DateTime<Utc>,
    pub done: Option<DateTime<Utc>>,
}

/// What a step can change of a ticket (see `contact`, `set_status`,
/// `assign`, `callback` and `Ticket::record`): compared before and after
/// each step instead of the whole ticket with its texts.
#[derive(PartialEq)]
struct StepFields {
    status: TicketStatus,
    department: String,
    assignee: String,
    first_response_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    reopen_count: i64,
    callback_at: Option<DateTime<Utc>>,
    callback_outcome: Option<CallbackOutcome>,
}

impl StepFields {
    fn of(t: &Ticket) -> Self {
        StepFields {
            status: t.status,
            department: t.department.clone(),
            assignee: t.assignee.clone(),
            first_response_at: t.first_response_at,
            resolved_at: t.resolved_at,
            closed_at: t.closed_at,
            reopen_count: t.reopen_count,
            callback_at: t.callback_at,
            callback_outcome: t.callback_outcome,
        }
    }
}

/// A ticket after its steps, with everything they recorded.
pub struct Life {
    pub ticket: Ticket,
    pub events: Vec<(DateTime<Utc>, TicketEvent, Actor)>,
    pub contacts: Vec<Contact>,
    pub changes: Vec<Change>,
    pub reminders: Vec<Reminder>,
}

impl Life {
    /// A ticket just opened: the `opened` event, and the department the
    /// routing rules gave it (its `department` field, if any).
    pub fn open(ticket: Ticket) -> Life {
        let at = ticket.opened_at;
        let mut life = Life {
            events: vec![(at, TicketEvent::Opened, Actor::Desk)],
            contacts: Vec::new(),
            changes: Vec::new(),
            reminders: Vec::new(),
            ticket,
        };
        life.change(at, Actor::Desk, "created", None, Some(life.ticket.subject.clone()));
        if !life.ticket.department.is_empty() {
            let department = life.ticket.department.clone();
            life.change(at, Actor::Desk, "department", None, Some(department));
        }
        life
    }

    fn change(&mut self, at: DateTime<Utc>, by: Actor, field: &'static str, old: Option<String>, new: Option<String>) {
        self.changes.push(Change {
            at,
            by,
            field,
            old,
            new,
        });
    }

    /// Plays `steps` in order, stopping at the first one not before `now`.
    /// `assign_to` is the (department, assignee) an `Assign` step sets.
    pub fn play(&mut self, steps: &[Step], now: DateTime<Utc>, assign_to: (&str, &str)) {
        for step in steps {
            if step.at >= now {
                break;
            }
            for reminder in &mut self.reminders {
                reminder.done.get_or_insert(step.at);
            }
            let before = StepFields::of(&self.ticket);
            match step.act {
                Act::Contact {
                    direction,
                    channel,
                    text,
                    by,
                } => self.contact(step.at, direction, channel, text, by),
                Act::Status(to, by) => self.set_status(step.at, to, by),
                Act::Assign => self.assign(step.at, assign_to),
                Act::Callback(outcome) => self.callback(step.at, outcome),
            }
            if StepFields::of(&self.ticket) != before {
                self.ticket.updated_at = step.at;
                self.ticket.version += 1;
            }
        }
    }

    fn contact(&mut self, at: DateTime<Utc>, direction: Direction, channel: Channel, text: TextKey, by: Actor) {
        self.contacts.push(Contact {
            at,
            direction,
            channel,
            text,
            by,
        });
        match direction {
            Direction::Outbound => {
                if self.ticket.first_response_at.is_none() {
                    self.ticket.first_response_at = Some(at);
                    self.events.push((at, TicketEvent::Responded, by));
                }
                if self.ticket.status == TicketStatus::New {
                    self.set_status(at, TicketStatus::Open, by);
                }
            }
            Direction::Inbound if self.ticket.status == TicketStatus::Pending => {
                self.set_status(at, TicketStatus::Open, by);
            }
            _ => {}
        }
    }

    /// A step the status machine refuses is left out: scripts are written
    /// to be valid, and a wrong one must not produce an impossible history.
    fn set_status(&mut self, at: DateTime<Utc>, to: TicketStatus, by: Actor) {
        let from = self.ticket.status;
        let Ok(events) = transition(from, to) else {
            return;
        };
        let t = &mut self.ticket;
        for event in events {
            self.events.push((at, event, by));
            t.record(event, at);
        }
        if from != to {
            t.status = to;
            self.change(at, by, "status", Some(from.key().into()), Some(to.key().into()));
        }
    }

    fn assign(&mut self, at: DateTime<Utc>, (department, assignee): (&str, &str)) {
        if self.ticket.department.is_empty() && !department.is_empty() {
            self.ticket.department = department.to_string();
            self.change(
                at,
                Actor::Desk,
                "department",
                Some(String::new()),
                Some(department.into()),
            );
        }
        if self.ticket.assignee.is_empty() && !assignee.is_empty() {
            self.ticket.assignee = assignee.to_string();
            self.change(at, Actor::Desk, "assignee", Some(String::new()), Some(assignee.into()));
        }
    }

    /// The post-resolution callback (回访), as `ticket callback` records it:
    /// the first one is a clock event, a follow-up outcome leaves a
    /// reminder, and the call is an outbound phone contact by the owner.
    fn callback(&mut self, at: DateTime<Utc>, outcome: CallbackOutcome) {
        if self.ticket.resolved_at.is_none() || self.ticket.status.is_open() {
            return;
        }
        let old = self.ticket.callback_outcome.map(|o| o.key().to_string());
        if self.ticket.callback_at.is_none() {
            self.events.push((at, TicketEvent::CallbackDone, Actor::Owner));
            self.ticket.callback_at = Some(at);
        }
        self.ticket.callback_outcome = Some(outcome);
        self.change(at, Actor::Owner, "callback", old, Some(outcome.key().into()));
        if outcome == CallbackOutcome::FollowUp {
            self.reminders.push(Reminder {
                created: at,
                done: None,
            });
        }
        let text = match outcome {
            CallbackOutcome::Satisfied => "callback-satisfied",
            CallbackOutcome::Resolved => "callback-resolved",
            CallbackOutcome::FollowUp => "callback-follow-up",
        };
        self.contact(at, Direction::Outbound, Channel::Phone, text, Actor::Owner);
    }
}
