//! TEMPORARY interface copy while the SLA engine is written; replaced wholesale.
use super::calendar::Calendar;
use chrono::{DateTime, Utc};
use serde::Serialize;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketEvent {
    Opened,
    Responded,
    Paused,
    Resumed,
    Resolved,
    Closed,
    Reopened,
    CallbackDone,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    Running,
    AtRisk,
    Breached,
    Paused,
    Met,
    Missed,
}
#[derive(Clone, Copy)]
pub enum Clock<'a> {
    Always,
    Business(&'a Calendar),
}
pub struct Target<'a> {
    pub minutes: i64,
    pub clock: Clock<'a>,
}
pub struct Targets<'a> {
    pub first_response: Option<Target<'a>>,
    pub resolution: Option<Target<'a>>,
    pub callback: Option<Target<'a>>,
}
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClockView {
    pub due: Option<DateTime<Utc>>,
    pub state: Option<SlaState>,
    pub done_at: Option<DateTime<Utc>>,
    pub seconds_left: Option<i64>,
    pub target_seconds: Option<i64>,
}
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SlaView {
    pub first_response: ClockView,
    pub resolution: ClockView,
    pub callback: ClockView,
}
pub fn evaluate(
    _events: &[(DateTime<Utc>, TicketEvent)],
    _targets: &Targets,
    _now: DateTime<Utc>,
    _share: f64,
) -> SlaView {
    SlaView::default()
}
impl SlaView {
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        None
    }
    pub fn worst_state(&self) -> Option<SlaState> {
        None
    }
}
