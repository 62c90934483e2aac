//! The bottom line: a message after an action, or the keys that work here,
//! generated from the keymap of the current context.

use super::cells::span;
use crate::app::action::Action;
use crate::app::help::{binding_label, keys_label};
use crate::app::keymap::Context;
use crate::app::model::{Detail, Model};
use crate::app::panes::PaneId;
use crate::app::screens::{Layer, Screen};
use crate::app::theme::Role;
use crate::domain::text::{sanitize_line, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let cols = usize::from(area.width);
    // A question before typed work is lost outranks any message.
    let shown = match crate::app::forms::drafts::question(model) {
        Some(question) => Some((question, Role::Error)),
        None => model.message.as_ref().map(|m| {
            let role = if m.error { Role::Error } else { Role::Notice };
            (m.text.clone(), role)
        }),
    };
    if let Some((text, role)) = shown {
        let text = truncate(&sanitize_line(&text), cols.saturating_sub(1)).into_owned();
        frame.render_widget(Paragraph::new(Line::from(span(theme, format!(" {text}"), role))), area);
        return;
    }
    let mut spans: Vec<Span> = vec![span(theme, " ", Role::Hint)];
    if !model.pending.is_empty() {
        let typed = format!("{} … ", keys_label(&model.pending, model.strings));
        spans.push(span(theme, typed, Role::Key));
    }
    let used: usize = spans.iter().map(|sp| width(&sp.content)).sum();
    spans.extend(hints(model, &model.chain(), cols.saturating_sub(used)));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `key label` pairs for the actions bound in `chain` that do something
/// here, in keymap order, as many as fit in `cols`.
pub fn hints(model: &Model, chain: &[Context], cols: usize) -> Vec<Span<'static>> {
    let theme = &model.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    let mut seen: Vec<Action> = Vec::new();
    let mut keys_seen: Vec<&[crate::app::keys::Key]> = Vec::new();
    let in_chain = chain
        .iter()
        .flat_map(|c| model.keymap.bindings(*c).iter().map(move |b| (*c, b)));
    for (context, binding) in in_chain {
        // A key bound in an inner context hides the same key further out.
        let hidden = keys_seen.contains(&binding.keys.as_slice());
        keys_seen.push(&binding.keys);
        if hidden || binding.action.is_movement() || seen.contains(&binding.action) || !applies(model, binding.action) {
            continue;
        }
        seen.push(binding.action);
        let keys = keys_label(&binding.keys, model.strings);
        let label = sanitize_line(binding_label(binding, context, model.strings)).into_owned();
        let need = width(&keys) + 1 + width(&label) + 2;
        if used + need > cols {
            break;
        }
        used += need;
        spans.push(span(theme, keys, Role::Key));
        spans.push(span(theme, format!(" {label}  "), Role::Hint));
    }
    spans
}

/// Hints only for what would do something here.
fn applies(model: &Model, action: Action) -> bool {
    use Action::*;
    // The knowledge base inserts into a reply or a note only.
    if let (Knowledge, Some(form)) = (action, model.screens.form()) {
        return crate::app::knowledge::ticket_of(form).is_some();
    }
    // A form (and its conflict dialog) hints the same over any view;
    // otherwise the view under the palette or the help decides.
    if model.screens.form().is_none() {
        match model.screens.view() {
            Layer::Screen(Screen::Triage(triage)) => {
                return match action {
                    Undo => model.history.can_undo(),
                    Close | Quit | Help | Palette => true,
                    _ => triage.offers(action),
                };
            }
            Layer::Screen(Screen::Reminders(reminders)) => {
                let row = reminders.selected();
                return match action {
                    Callback => row.is_some_and(|r| r.reason == crate::domain::enums::ReminderReason::Callback),
                    Open | ReminderDone | Log | AddOrder | Survey => row.is_some(),
                    _ => true,
                };
            }
            Layer::Screen(Screen::Quality(quality)) => {
                use crate::app::quality::{Confirm, Row};
                return match action {
                    Open | Edit => quality.selected().is_some(),
                    Merge => matches!(quality.selected(), Some(Row::Pair(_))),
                    SwapKeep => matches!(quality.confirm, Some(Confirm::Merge(_))),
                    _ => true,
                };
            }
            Layer::Screen(Screen::Knowledge(k)) => {
                return match action {
                    Open => k.selected().is_some() && (k.reading.is_none() || k.searching),
                    _ => true,
                };
            }
            Layer::Screen(Screen::Dashboard(dashboard)) => {
                let at_risk = dashboard.figures().is_some_and(|f| !f.at_risk.is_empty());
                return matches!(action, Close | Quit | Help | Palette | PrevMonth | NextMonth | Refresh)
                    || (action == Open && at_risk);
            }
            Layer::Screen(Screen::Main) if model.is_empty_database() => {
                return matches!(action, New | Palette | Help | Quit);
            }
            _ => {}
        }
    }
    let ticket_here = matches!(model.screens.detail(), Some(Detail::Ticket { .. }))
        || (model.screens.detail().is_none() && model.focus == PaneId::Queue && model.queue.selected().is_some());
    let filter_set = match model.focus {
        PaneId::Customers => !model.customers.list.filter.is_empty(),
        PaneId::Queue => !model.queue.list.filter.is_empty(),
        PaneId::Timeline => false,
    };
    match action {
        Reply | Note | Assign | Priority | Status => ticket_here,
        Callback => ticket_here || (model.screens.detail().is_none() && model.focus == PaneId::Timeline),
        ReminderDone | AddReminder => false,
        Undo => model.history.can_undo(),
        ClearFilter => model.screens.detail().is_none() && (filter_set || model.filtering()),
        Filter => model.screens.detail().is_none() && model.focus != PaneId::Timeline,
        // On a card or ticket page, Enter opens the record its selected line names.
        Open => {
            model.screens.detail().is_none()
                || model.screens.palette().is_some()
                || model.detail_doc().is_some_and(|doc| !doc.links.is_empty())
        }
        Demo => model.is_empty_database(),
        // Only a page with quoted mail, or with attachments, offers them.
        ToggleQuotes => crate::app::mail::page_has_quotes(model),
        SaveAttachment => crate::app::mail::page_has_attachments(model),
        ToggleSend => model
            .screens
            .form()
            .is_some_and(|f| matches!(f.kind, crate::app::forms::FormKind::Reply { .. })),
        FocusCustomers | FocusQueue | FocusTimeline | FocusPrev | Suspend | Refresh => false,
        // Nine keys are too many for the footer: the views bar shows the
        // views, `[` `]` move through them, the help lists F1…F9.
        PrevView | NextView => !model.views.views.is_empty(),
        a if a.view_number().is_some() => false,
        // Only the queue's filter looks at tickets; the customer filter has none.
        AllTickets => model.focus == PaneId::Queue,
        _ => true,
    }
}
