//! The Reminders view, full screen: the agenda's sections (today,
//! upcoming, overdue) with their counts, a row per reminder listed; the
//! title names the filter.

use super::cells::{Col, cell, cell_right, col, flex, span, whole, widths};
use super::sections::{self, Empty, Sections};
use crate::app::action::Action;
use crate::app::format::grouped;
use crate::app::help::keys_label;
use crate::app::keymap::Context;
use crate::app::model::Model;
use crate::app::reminders::{Reminders, filter_label, lines, reason_label, relative};
use crate::app::theme::Role;
use crate::domain::agenda::Section;
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
    let title = format!(
        "{}  ·  {}",
        s.crm.title,
        filter_label(s, view.ask, &model.session.agent)
    );
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
    if view.rows.is_empty() && (view.loading || view.unreadable) {
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
        &lines(view),
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

impl Sections<Section> for Windows<'_> {
    fn heading(&self, section: Section, count: usize) -> (String, Role) {
        let (model, s) = (self.model, self.model.strings);
        let name = s.agenda.section(section);
        let shown = grouped(count as u64);
        let text = if count == 0 {
            fill(s.agenda.heading_empty, &[("name", name)])
        } else if section == Section::Overdue && !self.view.ask.overdue {
            let key = model
                .keymap
                .binding_for(&[Context::Reminders], Action::ToggleOverdue)
                .map(|b| keys_label(&b.keys, s))
                .unwrap_or_default();
            fill(
                s.agenda.heading_collapsed,
                &[("name", name), ("count", &shown), ("key", &key)],
            )
        } else {
            fill(s.agenda.heading, &[("name", name), ("count", &shown)])
        };
        let role = match section {
            Section::Overdue if count > 0 => Role::Breached,
            _ if count == 0 => Role::Muted,
            _ => Role::Title,
        };
        (text, role)
    }

    fn row(&self, index: usize, mark: Span<'static>) -> Option<(Vec<Vec<Span<'static>>>, &[usize])> {
        let (model, w) = (self.model, &self.w);
        let (s, theme) = (model.strings, &model.theme);
        let r = self.view.rows.get(index)?;
        // Past due (overdue, or earlier today) reads as late; the rest of today as soon.
        let due_role = match r.when {
            _ if r.due_at < model.now => Role::Breached,
            Due::Overdue | Due::Today => Role::AtRisk,
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
