//! Every language's catalogue is complete: no label falls back to an English key.

use super::*;
use crate::domain::enums::{CallbackOutcome, Channel, Direction, Priority, TicketKind, TicketStatus, Tier};
use crate::domain::urgency::UrgencyFactor;

/// A missing label would fall back to an English key: catch it here.
#[test]
fn every_vocabulary_has_a_label() {
    for lang in Lang::ALL {
        every_label_in(lang.strings());
    }
}

fn every_label_in(s: &Strings) {
    for t in Tier::ALL {
        assert!(s.tiers.iter().any(|e| e.0 == *t), "{t:?}");
    }
    for p in Priority::ALL {
        assert!(s.priorities.iter().any(|e| e.0 == *p), "{p:?}");
    }
    for v in TicketStatus::ALL {
        assert!(s.statuses.iter().any(|e| e.0 == *v), "{v:?}");
    }
    for v in TicketKind::ALL {
        assert!(s.kinds.iter().any(|e| e.0 == *v), "{v:?}");
    }
    for v in Channel::ALL {
        assert!(s.channels.iter().any(|e| e.0 == *v), "{v:?}");
    }
    for v in Direction::ALL {
        assert!(s.directions.iter().any(|e| e.0 == *v), "{v:?}");
    }
    for f in [
        UrgencyFactor::Overdue,
        UrgencyFactor::TimeLeft,
        UrgencyFactor::TargetUsed,
        UrgencyFactor::Priority,
        UrgencyFactor::Tier,
        UrgencyFactor::Complaint,
        UrgencyFactor::CallbackDue,
    ] {
        assert_ne!(s.urgency_factor(f), "?", "{f:?}");
    }
    for v in CallbackOutcome::ALL {
        assert!(s.outcomes.iter().any(|e| e.0 == *v), "{v:?}");
    }
}
