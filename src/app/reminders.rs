//! The Reminders view: every open reminder (keep-in-touch cadence,
//! callbacks owed, stored ones) in sections by when it is due, one row
//! selected. Pure: the rows come from `service::reminders::list`.

use super::action::Action;
use super::sections;
use crate::domain::cadence::Due;
use crate::domain::enums::ReminderReason;
use crate::i18n::{Strings, fill};
use crate::service::reminders::ReminderView;
use chrono::{DateTime, Utc};

#[derive(Debug, Default)]
pub struct Reminders {
    /// Soonest first, as the service lists them, so the windows come in
    /// order: overdue, today, upcoming, later.
    pub rows: Vec<ReminderView>,
    /// The list has been asked for and not yet come.
    pub loading: bool,
    /// Index of the selected row.
    pub selected: usize,
    /// The last read failed (the footer says why): an empty list is not
    /// "nothing to do".
    pub unreadable: bool,
}

/// A line of the view: a window's heading with its count, or a row (no
/// column titles: one row of them is over the whole list).
pub use super::sections::Line;

/// What identifies a reminder across reloads: computed ones have no id.
type Identity = (Option<i64>, ReminderReason, Option<i64>, Option<i64>);

fn identity(r: &ReminderView) -> Identity {
    (r.id, r.reason, r.customer_id, r.ticket_id)
}

impl Reminders {
    pub fn selected(&self) -> Option<&ReminderView> {
        self.rows.get(self.selected)
    }

    /// New rows: the same reminder stays selected if it is still there,
    /// otherwise the one that took its place (a reminder done leaves the
    /// cursor on its neighbour).
    pub fn load(&mut self, rows: Vec<ReminderView>) {
        let before = self.selected().map(identity);
        self.rows = rows;
        self.loading = false;
        self.unreadable = false;
        let (rows, len) = (&self.rows, self.rows.len());
        self.selected = sections::reselected(self.selected, before, len, |i| rows.get(i).map(identity));
    }

    pub fn apply(&mut self, action: Action, height: usize) {
        self.selected = super::panes::cursor::moved(self.selected, action, self.rows.len(), height);
    }

    /// The mouse wheel: `delta` rows down (or up).
    pub fn shift(&mut self, delta: isize) {
        self.selected = sections::shifted(self.selected, delta, self.rows.len());
    }

    /// A read failed while the list was awaited (other reads failing
    /// leave it alone): the view says so instead of "loading".
    pub fn failed(&mut self) {
        if self.loading {
            self.loading = false;
            self.unreadable = true;
        }
    }

    /// How many reminders each window holds.
    pub fn count(&self, due: Due) -> usize {
        self.rows.iter().filter(|r| r.when == due).count()
    }
}

/// The lines of the view: a heading before each window's rows. Overdue,
/// today and upcoming always have a heading (an empty one says "0");
/// "later" only when the service returned some.
pub fn lines(rows: &[ReminderView]) -> Vec<Line<Due>> {
    let windows = [Due::Overdue, Due::Today, Due::Upcoming, Due::Later].map(|due| {
        let of_due = rows.iter().enumerate().filter(|(_, r)| r.when == due);
        (due, of_due.map(|(i, _)| i).collect::<Vec<_>>())
    });
    let shown = windows
        .into_iter()
        .filter(|(due, rows)| *due != Due::Later || !rows.is_empty());
    sections::lines(shown, false)
}

/// `2d overdue`, `in 3h`, `in 45m`: how far the due time is, in its
/// largest unit.
pub fn relative(due: DateTime<Utc>, now: DateTime<Utc>, s: &Strings) -> String {
    let seconds = (due - now).num_seconds();
    let n = seconds.unsigned_abs();
    let amount = if n >= 86_400 {
        format!("{}{}", n / 86_400, s.unit_day)
    } else if n >= 3_600 {
        format!("{}{}", n / 3_600, s.unit_hour)
    } else if n >= 60 {
        format!("{}{}", n / 60, s.unit_minute)
    } else {
        return s.crm.due_now.to_string();
    };
    let template = if seconds < 0 { s.crm.overdue_by } else { s.crm.due_in };
    fill(template, &[("duration", &amount)])
}

pub fn reason_label(s: &Strings, reason: ReminderReason) -> &'static str {
    s.crm
        .reasons
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or(reason.key(), |(_, label)| label)
}

pub fn section_label(s: &Strings, due: Due) -> &'static str {
    s.crm
        .sections
        .iter()
        .find(|(d, _)| *d == due)
        .map_or(due.key(), |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::get;

    fn at(t: &str) -> DateTime<Utc> {
        t.parse().unwrap()
    }

    fn row(id: i64, when: Due) -> ReminderView {
        ReminderView {
            id: Some(id),
            reason: ReminderReason::Manual,
            due_at: at("2026-10-05T09:30:00Z"),
            when,
            customer_id: Some(1),
            customer_code: "C1".into(),
            customer_name: "张三".into(),
            ticket_id: None,
            note: String::new(),
            facts: Default::default(),
            done_at: None,
        }
    }

    #[test]
    fn relative_due_times_in_their_largest_unit() {
        let s = get();
        let now = at("2026-10-05T09:30:00Z");
        let cases = [
            ("2026-10-03T08:00:00Z", "2d overdue"),
            ("2026-10-05T06:00:00Z", "3h overdue"),
            ("2026-10-05T09:10:00Z", "20m overdue"),
            ("2026-10-05T09:30:30Z", "now"),
            ("2026-10-05T09:29:31Z", "now"),
            ("2026-10-05T10:15:00Z", "in 45m"),
            ("2026-10-05T13:30:00Z", "in 4h"),
            ("2026-10-12T09:30:00Z", "in 7d"),
        ];
        for (due, want) in cases {
            assert_eq!(relative(at(due), now, s), want, "{due}");
        }
    }

    #[test]
    fn sections_have_headings_and_later_only_when_present() {
        use Line::*;
        let rows = [row(1, Due::Overdue), row(2, Due::Overdue), row(3, Due::Upcoming)];
        assert_eq!(
            lines(&rows),
            vec![
                Heading(Due::Overdue, 2),
                Row(0),
                Row(1),
                Heading(Due::Today, 0),
                Heading(Due::Upcoming, 1),
                Row(2),
            ]
        );
        let rows = [row(1, Due::Today), row(2, Due::Later)];
        assert_eq!(
            lines(&rows),
            vec![
                Heading(Due::Overdue, 0),
                Heading(Due::Today, 1),
                Row(0),
                Heading(Due::Upcoming, 0),
                Heading(Due::Later, 1),
                Row(1),
            ]
        );
    }

    #[test]
    fn a_reload_keeps_the_same_reminder_or_its_place() {
        let mut view = Reminders {
            rows: vec![row(1, Due::Overdue), row(2, Due::Today), row(3, Due::Today)],
            selected: 1,
            ..Default::default()
        };
        // Another reminder came in before it: the selection follows #2.
        view.load(vec![
            row(9, Due::Overdue),
            row(1, Due::Overdue),
            row(2, Due::Today),
            row(3, Due::Today),
        ]);
        assert_eq!(view.selected().and_then(|r| r.id), Some(2));
        // #2 is done: its neighbour takes its place.
        view.load(vec![row(9, Due::Overdue), row(1, Due::Overdue), row(3, Due::Today)]);
        assert_eq!(view.selected().and_then(|r| r.id), Some(3));
        // The last one goes: the cursor stays on the list.
        view.load(vec![row(9, Due::Overdue)]);
        assert_eq!(view.selected, 0);
        view.load(Vec::new());
        assert_eq!(view.selected(), None);
    }
}
