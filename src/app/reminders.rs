//! The Reminders view: the agenda of open reminders (keep-in-touch
//! cadence, callbacks owed, stored ones, occasions) in sections — today,
//! upcoming, then the overdue backlog, counted until `b` lists it — one row
//! selected, `f`/`O` filtering by reason and owner. Pure: the rows come
//! from `service::agenda::agenda`.

use super::action::Action;
use super::sections;
use crate::domain::agenda::{Filter, Owner, Section};
use crate::domain::enums::ReminderReason;
use crate::i18n::{Strings, fill};
use crate::service::agenda::{Agenda, Counts, Page};
use crate::service::reminders::ReminderView;
use chrono::{DateTime, Utc};

/// The most rows one read lists (today's first, then upcoming): the
/// sections' counts are whole, the list stops here, as the screen does.
pub const PAGE: usize = 500;

/// What the view asks the service for; its keys change it and read again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Ask {
    /// `f`: one reason, or all.
    pub reason: Option<ReminderReason>,
    /// `O`: the acting agent's reminders only.
    pub mine: bool,
    /// `b`: the overdue rows listed, not only counted.
    pub overdue: bool,
}

impl Ask {
    pub fn filter(self) -> Filter {
        Filter {
            reason: self.reason,
            owner: if self.mine { Owner::Mine } else { Owner::All },
        }
    }

    pub fn page(self) -> Page {
        Page {
            limit: Some(PAGE),
            overdue: self.overdue,
        }
    }
}

#[derive(Debug, Default)]
pub struct Reminders {
    /// Section after section (today, upcoming, then overdue when listed),
    /// as the service lists them.
    pub rows: Vec<ReminderView>,
    /// Every section's count, its rows listed or not.
    pub counts: Counts,
    pub ask: Ask,
    /// The list has been asked for and not yet come.
    pub loading: bool,
    /// Index of the selected row.
    pub selected: usize,
    /// The last read failed (the footer says why): an empty list is not
    /// "nothing to do".
    pub unreadable: bool,
    /// The section to select once the list comes (overdue, just opened).
    pub jump_to: Option<Section>,
}

/// A line of the view: a section's heading with its count, or a row (no
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
    /// cursor on its neighbour); a section asked to be jumped to wins.
    pub fn load(&mut self, agenda: Agenda) {
        let before = self.selected().map(identity);
        self.rows = agenda.rows;
        self.counts = agenda.counts;
        self.loading = false;
        self.unreadable = false;
        let (rows, len) = (&self.rows, self.rows.len());
        self.selected = sections::reselected(self.selected, before, len, |i| rows.get(i).map(identity));
        if let Some(section) = self.jump_to.take()
            && let Some(first) = self.first_of(section)
        {
            self.selected = first;
        }
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

    /// The first row of `section`, if it has rows listed.
    fn first_of(&self, section: Section) -> Option<usize> {
        self.rows.iter().position(|r| r.section == section)
    }

    /// Tab / S-Tab: the first row of the next (or previous) section with
    /// rows, round the end; the selection stays when no other has any.
    pub fn jump(&mut self, forward: bool) {
        let with_rows: Vec<(Section, usize)> = Section::ALL
            .iter()
            .filter_map(|s| self.first_of(*s).map(|first| (*s, first)))
            .collect();
        let Some(current) = self.selected().map(|r| r.section) else {
            return;
        };
        let Some(at) = with_rows.iter().position(|(s, _)| *s == current) else {
            return;
        };
        let n = with_rows.len();
        if n < 2 {
            return;
        }
        let to = if forward { (at + 1) % n } else { (at + n - 1) % n };
        self.selected = with_rows[to].1;
    }
}

/// The lines of the view: every section's heading (with its whole count)
/// in the agenda order, each followed by its listed rows.
pub fn lines(view: &Reminders) -> Vec<Line<Section>> {
    let mut out = Vec::new();
    for section in Section::ALL {
        out.push(Line::Heading(section, view.counts.of(section)));
        let of_section = view.rows.iter().enumerate().filter(|(_, r)| r.section == section);
        out.extend(of_section.map(|(i, _)| Line::Row(i)));
    }
    out
}

/// The title's filter part: `all reasons · everyone's`, `Callback · mine (li)`.
pub fn filter_label(s: &Strings, ask: Ask, agent: &str) -> String {
    let reason = ask.reason.map_or(s.agenda.all_reasons, |r| reason_label(s, r));
    let owner = if ask.mine {
        fill(s.agenda.owner_mine, &[("agent", agent)])
    } else {
        s.agenda.owner_all.to_string()
    };
    fill(s.agenda.title_filter, &[("reason", reason), ("owner", &owner)])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::Due;
    use crate::i18n::get;

    fn at(t: &str) -> DateTime<Utc> {
        t.parse().unwrap()
    }

    fn row(id: i64, section: Section) -> ReminderView {
        let when = match section {
            Section::Today => Due::Today,
            Section::Upcoming => Due::Upcoming,
            Section::Overdue => Due::Overdue,
        };
        ReminderView {
            id: Some(id),
            reason: ReminderReason::Manual,
            due_at: at("2026-10-05T09:30:00Z"),
            when,
            section,
            customer_id: Some(1),
            customer_code: "C1".into(),
            customer_name: "张三".into(),
            ticket_id: None,
            note: String::new(),
            facts: Default::default(),
            done_at: None,
        }
    }

    fn agenda(rows: Vec<ReminderView>, overdue: usize) -> Agenda {
        let count = |s| rows.iter().filter(|r| r.section == s).count();
        let counts = Counts {
            today: count(Section::Today),
            upcoming: count(Section::Upcoming),
            overdue,
        };
        Agenda {
            rows,
            counts,
            overdue_listed: false,
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
    fn every_section_is_headed_with_its_whole_count_in_the_agenda_order() {
        use Line::*;
        let mut view = Reminders::default();
        // Overdue counted (1,234) but not listed.
        view.load(agenda(vec![row(1, Section::Today), row(2, Section::Today)], 1234));
        assert_eq!(
            lines(&view),
            vec![
                Heading(Section::Today, 2),
                Row(0),
                Row(1),
                Heading(Section::Upcoming, 0),
                Heading(Section::Overdue, 1234),
            ]
        );
        view.load(agenda(vec![row(3, Section::Upcoming), row(4, Section::Overdue)], 1));
        assert_eq!(
            lines(&view),
            vec![
                Heading(Section::Today, 0),
                Heading(Section::Upcoming, 1),
                Row(0),
                Heading(Section::Overdue, 1),
                Row(1),
            ]
        );
    }

    #[test]
    fn tab_jumps_to_the_next_section_with_rows_round_the_end() {
        let mut view = Reminders::default();
        view.load(agenda(
            vec![
                row(1, Section::Today),
                row(2, Section::Today),
                row(3, Section::Upcoming),
                row(4, Section::Overdue),
                row(5, Section::Overdue),
            ],
            2,
        ));
        // (forward, selected before, after)
        let cases = [
            (true, 0, 2),
            (true, 1, 2),
            (true, 2, 3),
            (true, 4, 0),
            (false, 0, 3),
            (false, 3, 2),
            (false, 2, 0),
            (false, 1, 3),
        ];
        for (forward, from, want) in cases {
            view.selected = from;
            view.jump(forward);
            assert_eq!(view.selected, want, "forward {forward} from {from}");
        }
        // One section only: nowhere else to go.
        view.load(agenda(vec![row(1, Section::Upcoming), row(2, Section::Upcoming)], 0));
        view.selected = 1;
        view.jump(true);
        assert_eq!(view.selected, 1);
    }

    #[test]
    fn opening_the_overdue_section_selects_its_first_row() {
        let mut view = Reminders::default();
        view.load(agenda(vec![row(1, Section::Today)], 2));
        view.jump_to = Some(Section::Overdue);
        view.load(agenda(
            vec![
                row(1, Section::Today),
                row(4, Section::Overdue),
                row(5, Section::Overdue),
            ],
            2,
        ));
        assert_eq!(view.selected().and_then(|r| r.id), Some(4));
        assert_eq!(view.jump_to, None);
    }

    #[test]
    fn the_title_names_the_filter() {
        let s = get();
        let cases = [
            (Ask::default(), "all reasons · everyone's"),
            (
                Ask {
                    reason: Some(ReminderReason::Callback),
                    mine: true,
                    overdue: false,
                },
                "Callback · mine (li)",
            ),
        ];
        for (ask, want) in cases {
            assert_eq!(filter_label(s, ask, "li"), want);
        }
    }

    #[test]
    fn a_reload_keeps_the_same_reminder_or_its_place() {
        let mut view = Reminders::default();
        view.load(agenda(
            vec![row(1, Section::Today), row(2, Section::Today), row(3, Section::Today)],
            0,
        ));
        view.selected = 1;
        // Another reminder came in before it: the selection follows #2.
        view.load(agenda(
            vec![
                row(9, Section::Today),
                row(1, Section::Today),
                row(2, Section::Today),
                row(3, Section::Today),
            ],
            0,
        ));
        assert_eq!(view.selected().and_then(|r| r.id), Some(2));
        // #2 is done: its neighbour takes its place.
        view.load(agenda(
            vec![row(9, Section::Today), row(1, Section::Today), row(3, Section::Today)],
            0,
        ));
        assert_eq!(view.selected().and_then(|r| r.id), Some(3));
        // The last one goes: the cursor stays on the list.
        view.load(agenda(vec![row(9, Section::Today)], 0));
        assert_eq!(view.selected, 0);
        view.load(agenda(Vec::new(), 0));
        assert_eq!(view.selected(), None);
    }
}
