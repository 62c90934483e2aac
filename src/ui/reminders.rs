//! The Reminders view, full screen: a section per window (overdue, today,
//! upcoming, later) with its count, a row per reminder.

use super::cells::{Col, cell, cell_right, col, flex, span, whole, widths};
use super::sections::{self, Empty, Sections};
use crate::app::model::Model;
use crate::app::reminders::{Reminders, lines, reason_label, relative, section_label};
use crate::app::theme::Role;
use crate::domain::cadence::Due;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// The selection mark, due, relative, reason, ticket, customer, note; the
/// ticket column is sized by its numbers (see [`column_widths`]).
const COLUMNS: [Col; 7] = [
    col(1, 0),
    col(11, 0),
    // "702d overdue": the longest a relative time gets.
    col(12, 0),
    col(13, 0),
    col(6, 0),
    col(16, 0),
    flex(11),
];

/// The customer column grows with the screen up to this, the note takes
/// the rest.
const CUSTOMER_MAX: usize = 30;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, view: &Reminders) {
    let (s, theme) = (model.strings, &model.theme);
    frame.render_widget(Clear, body);
    let counts = fill(
        s.crm.title_counts,
        &[
            ("overdue", &view.count(Due::Overdue).to_string()),
            ("today", &view.count(Due::Today).to_string()),
            ("upcoming", &view.count(Due::Upcoming).to_string()),
        ],
    );
    let title = format!("{}  ·  {counts}", s.crm.title);
    let inner = super::modal(model, frame, body, &title);
    if inner.height == 0 {
        return;
    }
    let tickets: Vec<String> = view.rows.iter().map(ticket_number).collect();
    let ticket_col = whole(s.crm.col_ticket, tickets.iter().map(String::as_str));
    let w = column_widths(ticket_col, usize::from(inner.width));
    let titles = [
        "",
        s.crm.col_due,
        s.crm.col_relative,
        s.crm.col_reason,
        s.crm.col_ticket,
        s.crm.col_customer,
        s.crm.col_note,
    ];
    let header: Vec<String> = titles.iter().zip(&w).map(|(t, w)| cell(t, *w)).collect();
    let header = Line::from(span(theme, header.join(" "), Role::Muted));
    frame.buffer_mut().set_line(inner.x, inner.y, &header, inner.width);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if view.rows.is_empty() {
        let empty = Empty {
            loading: view.loading,
            unreadable: view.unreadable,
            unreadable_text: s.crm.unreadable,
            none_text: s.crm.none,
        };
        sections::paint_empty(model, frame, list, empty);
        return;
    }
    let painter = Windows { model, view, w };
    sections::paint(
        model,
        frame,
        list,
        &lines(&view.rows),
        view.selected,
        s.crm.selected_mark,
        &painter,
    );
}

/// The reminders' lines as painted: a heading per window, a row per reminder.
struct Windows<'a> {
    model: &'a Model,
    view: &'a Reminders,
    w: Vec<usize>,
}

impl Sections<Due> for Windows<'_> {
    fn heading(&self, due: Due, count: usize) -> (String, Role) {
        let s = self.model.strings;
        let text = fill(
            s.crm.section,
            &[("name", section_label(s, due)), ("count", &count.to_string())],
        );

        let role = if due == Due::Overdue && count > 0 {
            Role::Breached
        } else {
            Role::Title
        };
        (text, role)
    }

    fn row(&self, index: usize, mark: Span<'static>) -> Option<(Vec<Vec<Span<'static>>>, &[usize])> {
        let (model, w) = (self.model, &self.w);
        let (s, theme) = (model.strings, &model.theme);
        let r = self.view.rows.get(index)?;
        let due_role = match r.when {
            Due::Overdue => Role::Breached,
            Due::Today => Role::AtRisk,
            Due::Upcoming | Due::Later => Role::Muted,
        };
        let ticket = ticket_number(r);
        let customer = format!("{} {}", r.customer_code, r.customer_name);
        let local = crate::app::format::local_short(r.due_at, model.now, model.session.timezone);
        let note = crate::i18n::reminder_note(s, r);
        let cells: Vec<Vec<Span>> = vec![
            vec![mark],
            vec![span(theme, cell(&local, w[1]), Role::Text)],
            vec![span(theme, cell(&relative(r.due_at, model.now, s), w[2]), due_role)],
            vec![span(theme, cell(reason_label(s, r.reason), w[3]), Role::Text)],
            vec![span(theme, cell_right(&ticket, w[4]), Role::Muted)],
            vec![span(theme, cell(customer.trim(), w[5]), Role::Text)],
            vec![span(theme, cell(&note, w[6]), Role::Muted)],
        ];
        Some((cells, w))
    }
}

/// `#12`, or nothing for a reminder without a ticket.
fn ticket_number(r: &crate::service::reminders::ReminderView) -> String {
    r.ticket_id.map(|t| format!("#{t}")).unwrap_or_default()
}

/// The columns for `total` cells, the ticket column as wide as its widest
/// number: the customer gets a third of the room beyond the minimum, up to
/// [`CUSTOMER_MAX`].
fn column_widths(ticket: Col, total: usize) -> Vec<usize> {
    let mut columns = COLUMNS;
    columns[4] = ticket;
    let mut w = widths(&columns, total);
    let spare = w[6].saturating_sub(COLUMNS[6].width);
    let more = (spare / 3).min(CUSTOMER_MAX.saturating_sub(w[5]));
    w[5] += more;
    w[6] -= more;
    w
}
