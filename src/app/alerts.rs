//! Tickets that crossed into at risk or breached since the last refresh,
//! for the header's flag and the bell.

use crate::domain::sla::SlaState;
use crate::service::tickets::TicketView;
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub struct Alerts {
    at_risk: BTreeSet<i64>,
    breached: BTreeSet<i64>,
    /// Every ticket of the previous queue: only they can cross. One that
    /// arrives late (sample data, an import of old tickets, the first
    /// queue of the session) did not become late since the last look.
    known: BTreeSet<i64>,
    pub newly_at_risk: usize,
    pub newly_breached: usize,
}

impl Alerts {
    /// Takes in a fresh queue; true when a ticket crossed into at risk or
    /// breached since the previous one.
    pub fn observe(&mut self, views: &[TicketView]) -> bool {
        let ids = |state: SlaState| -> BTreeSet<i64> {
            views
                .iter()
                .filter(|v| v.sla.worst_state() == Some(state))
                .map(|v| v.ticket.id)
                .collect()
        };
        let (at_risk, breached) = (ids(SlaState::AtRisk), ids(SlaState::Breached));
        let crossed = |now: &BTreeSet<i64>, before: &BTreeSet<i64>| {
            now.difference(before).filter(|id| self.known.contains(id)).count()
        };
        self.newly_at_risk = crossed(&at_risk, &self.at_risk);
        self.newly_breached = crossed(&breached, &self.breached);
        self.known = views.iter().map(|v| v.ticket.id).collect();
        self.at_risk = at_risk;
        self.breached = breached;
        self.newly_at_risk + self.newly_breached > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::update::tests::ticket;
    use crate::domain::sla::ClockView;

    fn with(id: i64, state: SlaState) -> TicketView {
        let mut v = ticket(id, 1, "Alice Wong", "Late delivery");
        v.sla.resolution = ClockView {
            state: Some(state),
            ..Default::default()
        };
        v
    }

    #[test]
    fn only_crossings_since_the_last_refresh_count() {
        let mut alerts = Alerts::default();
        // What is late at the start is not news.
        assert!(!alerts.observe(&[with(1, SlaState::Breached), with(2, SlaState::Running)]));
        assert!(alerts.observe(&[with(1, SlaState::Breached), with(2, SlaState::AtRisk)]));
        assert_eq!((alerts.newly_at_risk, alerts.newly_breached), (1, 0));
        assert!(alerts.observe(&[with(1, SlaState::Breached), with(2, SlaState::Breached)]));
        assert_eq!((alerts.newly_at_risk, alerts.newly_breached), (0, 1));
        assert!(!alerts.observe(&[with(1, SlaState::Breached), with(2, SlaState::Breached)]));
        assert_eq!((alerts.newly_at_risk, alerts.newly_breached), (0, 0));
    }

    #[test]
    fn a_ticket_first_seen_late_is_no_crossing() {
        // Sample data loaded into an empty file, an import of old tickets:
        // they arrive late, none of them became late since the last look.
        let mut alerts = Alerts::default();
        assert!(!alerts.observe(&[]));
        let arrived = [
            with(1, SlaState::Breached),
            with(2, SlaState::AtRisk),
            with(3, SlaState::Running),
        ];
        assert!(!alerts.observe(&arrived));
        assert_eq!((alerts.newly_at_risk, alerts.newly_breached), (0, 0));
        assert!(alerts.observe(&[
            with(1, SlaState::Breached),
            with(2, SlaState::AtRisk),
            with(3, SlaState::Breached)
        ]));
        assert_eq!((alerts.newly_at_risk, alerts.newly_breached), (0, 1));
    }

    #[test]
    fn a_refresh_with_a_newly_breached_ticket_rings_the_bell_when_asked() {
        use crate::app::msg::{Effect, Msg};
        use crate::service::screens::Counts;
        let mut m = crate::app::update::tests::loaded();
        let queue = |state| Msg::Queue(vec![with(8, state)], Counts::default());
        // Every queue read is followed by the views bar's counts.
        let update = |m: &mut crate::app::model::Model, msg| {
            let mut effects = crate::app::update(m, msg);
            effects.retain(|e| !matches!(e, Effect::LoadViews(_)));
            effects
        };
        update(&mut m, queue(SlaState::Running));
        let effects = update(&mut m, queue(SlaState::Breached));
        assert!(effects.is_empty(), "no bell unless the config asks");
        // The header shows the count (see `ui::header`'s tests).
        assert_eq!(m.alerts.newly_breached, 1);
        m.bell = true;
        update(&mut m, queue(SlaState::AtRisk));
        let effects = update(&mut m, queue(SlaState::Breached));
        assert!(matches!(effects.as_slice(), [Effect::Bell]));
    }
}
