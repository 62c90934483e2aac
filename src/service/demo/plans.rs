//! Scripts of ticket lives: when the team answers, asks the customer for
//! more, resolves, calls back, closes or reopens. Durations are drawn as
//! shares of the ticket's SLA targets, so most targets are met and some are
//! missed, as in a real team.
//!
//! Most tickets follow [`natural`]; a few [`Showcase`] scripts end right
//! before `now` in each interesting state (a first response at risk, a
//! breached resolution, a callback due…) so that even a small demo shows
//! every state of the queue.

use super::life::{Act, Actor, Step, TextKey};
use super::rng::Rng;
use super::when::{DAY, HOUR, MINUTE, after, instant};
use crate::domain::enums::{CallbackOutcome, Channel, Direction, TicketStatus};
use crate::domain::sla::{Target, Targets};

/// Wall-clock lengths of a ticket's targets from a start instant, in
/// seconds; business-time targets are stretched over nights and weekends.
pub struct Spans<'r> {
    pub targets: Targets<'r>,
}

/// Used where no policy sets a target, so scripts still have a time scale.
const DEFAULT_FIRST_RESPONSE: i64 = 4 * HOUR;
const DEFAULT_RESOLUTION: i64 = 3 * DAY;
const DEFAULT_CALLBACK: i64 = DAY;

fn span(target: &Option<Target>, start: i64, default: i64) -> i64 {
    let Some(target) = target else {
        return default;
    };
    let due = target.clock.add_seconds(instant(start), target.seconds());
    (due.timestamp() - start).max(MINUTE)
}

impl Spans<'_> {
    pub fn first_response(&self, start: i64) -> i64 {
        span(&self.targets.first_response, start, DEFAULT_FIRST_RESPONSE)
    }
    pub fn resolution(&self, start: i64) -> i64 {
        span(&self.targets.resolution, start, DEFAULT_RESOLUTION)
    }
    pub fn callback(&self, start: i64) -> i64 {
        span(&self.targets.callback, start, DEFAULT_CALLBACK)
    }
}

/// A script being written; steps never go back in time.
pub struct Script<'a> {
    pub steps: Vec<Step>,
    last: i64,
    spans: &'a Spans<'a>,
    channel: Channel,
    /// Chance of each optional contact (opening call, notes, updates), set
    /// so the tickets use their share of the requested interactions.
    extra: f64,
}

impl<'a> Script<'a> {
    pub fn new(opened: i64, spans: &'a Spans<'a>, channel: Channel, extra: f64) -> Self {
        Script {
            steps: Vec::new(),
            last: opened,
            spans,
            channel,
            extra,
        }
    }

    fn push(&mut self, at: i64, act: Act) {
        let at = at.max(self.last);
        self.last = at;
        self.steps.push(Step { at: instant(at), act });
    }

    fn contact(&mut self, at: i64, direction: Direction, channel: Channel, text: TextKey, by: Actor) {
        self.push(
            at,
            Act::Contact {
                direction,
                channel,
                text,
                by,
            },
        );
    }

    fn optional(&mut self, rng: &mut Rng, share: f64) -> bool {
        rng.chance(self.extra * share)
    }

    /// The customer's first contact, logged when the ticket is opened.
    fn opening_contact(&mut self, rng: &mut Rng, opened: i64) {
        if self.channel != Channel::Other && self.optional(rng, 1.0) {
            self.contact(opened, Direction::Inbound, self.channel, "open", Actor::Desk);
        }
    }

    fn respond(&mut self, at: i64) {
        self.contact(at, Direction::Outbound, self.channel, "reply", Actor::Assignee);
    }

    fn note(&mut self, at: i64, text: TextKey) {
        self.contact(at, Direction::Note, Channel::Other, text, Actor::Assignee);
    }

    /// Asks the customer for something and waits (pending).
    fn ask(&mut self, at: i64) {
        self.contact(at, Direction::Outbound, self.channel, "ask", Actor::Assignee);
        self.push(at, Act::Status(TicketStatus::Pending, Actor::Assignee));
    }

    /// The customer answers, which resumes a pending ticket.
    fn answer(&mut self, at: i64) {
        self.contact(at, Direction::Inbound, self.channel, "answer", Actor::Assignee);
    }

    fn resolve(&mut self, rng: &mut Rng, at: i64) {
        if self.optional(rng, 0.5) {
            let before = at - rng.range(10 * MINUTE, 2 * HOUR);
            self.contact(before, Direction::Outbound, self.channel, "followup", Actor::Assignee);
        }
        self.push(at, Act::Status(TicketStatus::Resolved, Actor::Assignee));
        if self.optional(rng, 0.6) {
            self.note(at + rng.range(MINUTE, 20 * MINUTE), "resolve");
        }
    }

    fn callback(&mut self, at: i64, outcome: CallbackOutcome) {
        self.push(at, Act::Callback(outcome));
    }

    fn close(&mut self, at: i64) {
        self.push(at, Act::Status(TicketStatus::Closed, Actor::Assignee));
    }

    /// The customer reports the problem again and the ticket is reopened.
    fn reopen(&mut self, at: i64) {
        self.contact(at, Direction::Inbound, self.channel, "reopen", Actor::Desk);
        self.push(at, Act::Status(TicketStatus::Open, Actor::Assignee));
    }

    /// After a reopen: answered, resolved again (its clock restarted at the
    /// reopen), called back and closed.
    fn rework(&mut self, rng: &mut Rng, reopened: i64) {
        self.respond(after(
            reopened,
            self.spans.first_response(reopened),
            rng.between(0.1, 0.9),
        ));
        let resolved = after(reopened, self.spans.resolution(reopened), rng.between(0.2, 0.9));
        self.resolve(rng, resolved);
        let outcome = if rng.chance(0.7) {
            CallbackOutcome::Satisfied
        } else {
            CallbackOutcome::Resolved
        };
        self.callback(
            after(resolved, self.spans.callback(resolved), rng.between(0.1, 0.9)),
            outcome,
        );
        self.close(self.last + rng.range(DAY, 5 * DAY));
    }
}

/// A share of a target: mostly within it, late with chance `late`.
fn share(rng: &mut Rng, late: f64) -> f64 {
    if rng.chance(late) {
        rng.between(1.05, 3.0)
    } else {
        rng.between(0.08, 0.95)
    }
}

/// An ordinary ticket life from `opened`: answered, maybe waiting on the
/// customer, resolved, mostly called back, closed, now and then reopened;
/// one in two hundred is neglected at some stage and stays open.
pub fn natural(rng: &mut Rng, s: &mut Script, opened: i64, assign: bool) {
    let spans = s.spans;
    s.opening_contact(rng, opened);
    let fr = spans.first_response(opened);
    if assign {
        s.push(after(opened, fr, rng.between(0.02, 0.3)), Act::Assign);
    }
    // Neglected tickets stop at one stage: unanswered, answered only, or waiting forever.
    let neglected = rng.chance(0.005).then(|| rng.below(3));
    if neglected == Some(0) {
        return;
    }
    let responded = after(opened, fr, share(rng, 0.12));
    s.respond(responded);
    if s.optional(rng, 0.4) {
        s.note(responded + rng.range(10 * MINUTE, 3 * HOUR), "note");
    }
    if neglected == Some(1) {
        return;
    }
    let res = spans.resolution(opened);
    let mut paused = 0;
    for _ in 0..rng.weighted(&[75, 20, 5]) {
        let asked = after(s.last, res, rng.between(0.05, 0.3));
        s.ask(asked);
        if neglected == Some(2) {
            return;
        }
        let gap = rng.range(2 * HOUR, 3 * DAY);
        s.answer(asked + gap);
        paused += gap;
    }
    let resolved = (after(opened, res, share(rng, 0.15)) + paused).max(s.last + 10 * MINUTE);
    s.resolve(rng, resolved);
    // Whether the callback settled the matter (satisfied or resolved).
    let mut settled = false;
    if rng.chance(0.75) {
        let called = after(s.last, spans.callback(s.last), share(rng, 0.12));
        let outcome = [
            CallbackOutcome::Satisfied,
            CallbackOutcome::Resolved,
            CallbackOutcome::FollowUp,
        ][rng.weighted(&[60, 28, 12])];
        s.callback(called, outcome);
        settled = outcome != CallbackOutcome::FollowUp;
        if outcome == CallbackOutcome::FollowUp {
            if rng.chance(0.55) {
                let reopened = s.last + rng.range(2 * HOUR, 2 * DAY);
                s.reopen(reopened);
                s.rework(rng, reopened);
                return;
            }
            let at = s.last + rng.range(DAY, 3 * DAY);
            s.contact(at, Direction::Outbound, Channel::Phone, "followup", Actor::Owner);
        }
    }
    // A few tickets whose callback settled them are never formally closed
    // (they have left the queue); the others are closed in the end, or they
    // would sit in the queue for months.
    if !settled || rng.chance(0.96) {
        s.close(s.last + rng.range(DAY, 7 * DAY));
        if rng.chance(0.02) {
            let reopened = s.last + rng.range(DAY, 20 * DAY);
            s.reopen(reopened);
            s.rework(rng, reopened);
        }
    }
}

/// Tickets that end in a chosen state just before `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showcase {
    NewRunning,
    NewAtRisk,
    NewBreached,
    OpenRunning,
    OpenAtRisk,
    OpenBreached,
    Pending,
    CallbackRunning,
    CallbackAtRisk,
    CallbackBreached,
    FollowUp,
    ClosedMet,
    ClosedMissed,
    Reopened,
}

impl Showcase {
    pub const ALL: &'static [Showcase] = &[
        Showcase::NewRunning,
        Showcase::NewAtRisk,
        Showcase::NewBreached,
        Showcase::OpenRunning,
        Showcase::OpenAtRisk,
        Showcase::OpenBreached,
        Showcase::Pending,
        Showcase::CallbackRunning,
        Showcase::CallbackAtRisk,
        Showcase::CallbackBreached,
        Showcase::FollowUp,
        Showcase::ClosedMet,
        Showcase::ClosedMissed,
        Showcase::Reopened,
    ];

    /// When a ticket of this scenario must be opened so that its script
    /// ends in the chosen state at `now`. Spans are measured from `now`,
    /// which is close enough for targets counted in business time.
    pub fn opened(self, spans: &Spans, now: i64) -> i64 {
        use Showcase::*;
        let (fr, res, cb) = (spans.first_response(now), spans.resolution(now), spans.callback(now));
        let before_resolved = |late_cb: f64| now - after(0, cb, late_cb) - res / 2;
        match self {
            NewRunning => now - after(0, fr, 0.3),
            NewAtRisk => now - after(0, fr, 0.85),
            NewBreached => now - after(0, fr, 2.5),
            OpenRunning | Pending => now - after(0, res, 0.3),
            OpenAtRisk => now - after(0, res, 0.85),
            OpenBreached => now - after(0, res, 1.6),
            CallbackRunning => before_resolved(0.3),
            CallbackAtRisk => before_resolved(0.85),
            CallbackBreached => before_resolved(2.0),
            FollowUp => before_resolved(3.0),
            ClosedMet => now - fr - res - cb - 3 * DAY,
            ClosedMissed => now - 2 * fr - 2 * res - 2 * cb - 4 * DAY,
            Reopened => now - after(0, res, 0.4) - 5 * DAY,
        }
    }

    /// The script from `opened` (as given by [`Showcase::opened`]).
    pub fn script(self, rng: &mut Rng, s: &mut Script, opened: i64, now: i64) {
        use Showcase::*;
        let spans = s.spans;
        let (fr, res, cb) = (spans.first_response(now), spans.resolution(now), spans.callback(now));
        s.opening_contact(rng, opened);
        if self != NewRunning {
            s.push(after(opened, fr, 0.1), Act::Assign);
        }
        match self {
            NewRunning | NewAtRisk | NewBreached => return,
            OpenBreached | ClosedMissed => s.respond(after(opened, fr, 1.6)),
            _ => s.respond(after(opened, fr, 0.4)),
        }
        match self {
            OpenRunning => s.note(s.last + MINUTE, "note"),
            Pending => s.ask(after(opened, res, 0.15)),
            CallbackRunning | CallbackAtRisk | CallbackBreached | FollowUp | ClosedMet => {
                s.resolve(rng, after(opened, res, 0.5));
            }
            ClosedMissed => s.resolve(rng, after(opened, res, 1.8)),
            Reopened => s.resolve(rng, after(opened, res, 0.3)),
            _ => {}
        }
        let resolved = s.last;
        match self {
            FollowUp => s.callback(after(resolved, cb, 0.5), CallbackOutcome::FollowUp),
            ClosedMet => {
                s.callback(after(resolved, cb, 0.3), CallbackOutcome::Satisfied);
                s.close(s.last + DAY);
            }
            ClosedMissed => {
                s.callback(after(resolved, cb, 1.5), CallbackOutcome::Resolved);
                s.close(s.last + DAY);
            }
            Reopened => {
                s.callback(after(resolved, cb, 0.2), CallbackOutcome::FollowUp);
                let reopened = now - after(0, res, 0.4);
                s.reopen(reopened);
                s.respond(after(reopened, fr, 0.2));
            }
            _ => {}
        }
    }
}
