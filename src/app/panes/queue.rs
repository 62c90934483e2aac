//! The queue: active tickets in triage order, with their SLA clocks counted
//! down against the model's clock between reloads.

use super::filtered::{Filtered, Row};
use crate::domain::search::{Hit, Matcher, SearchKey, rank};
use crate::domain::sla::SlaState;
use crate::service::tickets::TicketView;
use chrono::{DateTime, Utc};

impl Row for TicketView {
    fn id(&self) -> i64 {
        self.ticket.id
    }
}

#[derive(Default)]
pub struct QueuePane {
    pub list: Filtered<TicketView>,
    /// Per ticket: the customer's name (so pinyin finds it), number, code,
    /// subject and assignee; built once per load.
    keys: Vec<(SearchKey, i64, i64)>,
    matcher: Matcher,
    /// Tickets marked for a change to all of them at once.
    pub marked: std::collections::BTreeSet<i64>,
    /// Show only tickets nobody has decided on in triage yet.
    pub untriaged_only: bool,
    /// The `/` as the filter language (see `queue_query`).
    pub query: super::queue_query::QueueQuery,
}

impl QueuePane {
    pub fn load(&mut self, mut views: Vec<TicketView>, height: usize) {
        if self.untriaged_only {
            views.retain(|v| v.ticket.triaged_at.is_none());
        }
        // The old keys are freed before the new are built: both at once
        // were the reload's peak.
        drop(std::mem::take(&mut self.keys));
        self.keys = views
            .iter()
            .enumerate()
            .map(|(position, v)| {
                let t = &v.ticket;
                let numbers = format!("#{} {}", t.id, t.customer_code);
                let key = SearchKey::new(&t.customer_name, &numbers, &t.subject, "", &t.assignee);
                // Equal scores keep triage order: earlier is "more recent".
                (key, -(position as i64), t.id)
            })
            .collect();
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.replace(views, |q| find(matcher, keys, q), height);
        // A ticket that left the queue cannot stay marked.
        let rows = self.list.rows();
        self.marked.retain(|id| rows.iter().any(|v| v.ticket.id == *id));
    }

    pub fn refilter(&mut self, height: usize) {
        let (keys, matcher) = (&self.keys, &self.matcher);
        self.list.refilter(|q| find(matcher, keys, q), height);
    }

    /// `x`: marks or unmarks the selected ticket.
    pub fn toggle_mark(&mut self) {
        if let Some(id) = self.selected().map(|v| v.ticket.id)
            && !self.marked.remove(&id)
        {
            self.marked.insert(id);
        }
    }

    /// `X`: marks every ticket shown (the filter's matches).
    pub fn mark_shown(&mut self) {
        let ids: Vec<i64> = (0..self.list.len())
            .filter_map(|i| self.list.get(i).map(|(v, _)| v.ticket.id))
            .collect();
        self.marked.extend(ids);
    }

    pub fn selected(&self) -> Option<&TicketView> {
        self.list.selected()
    }

    /// A ticket of the queue by number.
    pub fn ticket(&self, id: i64) -> Option<&TicketView> {
        self.list.rows().iter().find(|v| v.ticket.id == id)
    }
}

fn find(matcher: &Matcher, keys: &[(SearchKey, i64, i64)], query: &str) -> Vec<(Hit, i64)> {
    rank(matcher, query, keys.iter().map(|(k, order, id)| (k, *order, *id)))
}

/// The ticket's most pressing clock as of `now`: its state, and seconds
/// until it is due (negative when overdue). A running clock whose due time
/// has passed since the last reload is shown as breached straight away.
/// With no clock counting, the state says why (paused, met, missed).
pub fn live_clock(view: &TicketView, now: DateTime<Utc>) -> (Option<SlaState>, Option<i64>) {
    let Some((_, clock)) = view.sla.next() else {
        let paused = view.sla.clocks().iter().any(|(_, c)| c.state == Some(SlaState::Paused));
        return (
            if paused {
                Some(SlaState::Paused)
            } else {
                view.sla.worst_state()
            },
            None,
        );
    };
    let left = clock.due.map(|d| (d - now).num_seconds());
    let state = match (clock.state, left) {
        (Some(SlaState::Running | SlaState::AtRisk), Some(left)) if left < 0 => Some(SlaState::Breached),
        (state, _) => state,
    };
    (state, left)
}
