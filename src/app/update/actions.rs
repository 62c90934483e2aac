//! What each action does, given what is on screen.

use super::{clamp_cursors, follow, palette_height, records, reload};
use crate::app::action::Action;
use crate::app::layout;
use crate::app::model::{Help as HelpView, Model};
use crate::app::msg::Effect;
use crate::app::navigation::Link;
use crate::app::panes::PaneId;
use crate::app::panes::cursor::Scroll;
use crate::app::screens::Kind;
use crate::i18n::fill;

pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    use Action::*;
    // The conflict dialog is modal: only its own keys reach it.
    if model.screens.top_kind() == Kind::Conflict {
        return super::conflict::apply(model, action);
    }
    if let Some(effects) = quality_action(model, action) {
        return effects;
    }
    if let Some(effects) = super::pickers::action(model, action) {
        return effects;
    }
    if let Some(effects) = super::macros::action(model, action) {
        return effects;
    }
    if let Some(effects) = super::knowledge::apply(model, action) {
        return effects;
    }
    if let Some(effects) = super::mail::action(model, action) {
        return effects;
    }
    if let Some(effects) = super::views::action(model, action) {
        return effects;
    }
    match action {
        Quit => super::drafts::quit(model),
        Help => {
            model.screens.take_palette();
            model.screens.open_help(HelpView::default());
            Vec::new()
        }
        Palette => {
            let chain = model.chain_below_overlays();
            model.screens.take_help();
            let height = palette_height(model.area);
            let mut palette = crate::app::palette::Palette::new(&model.keymap, &chain, model.strings, height);
            let views = model
                .views
                .views
                .iter()
                .map(|(v, _)| model.strings.views.name_of(v).into_owned());
            palette.name_views(&views.collect::<Vec<_>>(), height);
            model.screens.open_palette(palette);
            Vec::new()
        }
        // The full-screen mode is left when it is on top; otherwise the
        // topmost overlay closes.
        Close => match model.screens.top_kind() {
            Kind::Triage => super::triage::leave(model),
            Kind::Reminders => super::reminders::leave(model),
            Kind::Dashboard => super::dashboard::leave(model),
            Kind::Quality => super::quality::leave(model),
            Kind::Detail => super::navigation::back(model),
            _ => {
                close_top(model);
                Vec::new()
            }
        },
        Triage => super::triage::enter(model),
        Mark | MarkAll => super::triage::mark(model, action),
        UntriagedOnly => super::triage::untriaged_only(model),
        AllTickets if model.focus == PaneId::Queue && model.filtering() => super::queue_query::toggle_all(model),
        AllTickets => Vec::new(),
        Skip | Undo | SetPending | Resolve | PriorityUrgent | PriorityHigh | PriorityNormal | PriorityLow => {
            super::triage::apply(model, action)
        }
        Suspend => vec![Effect::Suspend],
        Refresh if model.screens.dashboard().is_some() => super::dashboard::refresh(model),
        Refresh => {
            model.say(model.strings.msg_refreshed.to_string());
            reload(model)
        }
        Demo => {
            if model.is_empty_database() {
                vec![Effect::RunDemo]
            } else {
                model.warn(model.strings.msg_demo_only_empty.to_string());
                Vec::new()
            }
        }
        FocusNext => focus(model, model.focus.next()),
        FocusPrev => focus(model, model.focus.prev()),
        FocusCustomers => focus(model, PaneId::Customers),
        FocusQueue => focus(model, PaneId::Queue),
        FocusTimeline => focus(model, PaneId::Timeline),
        ToggleTimeline => {
            let folded = layout::timeline_folded(model.area, model.fold_timeline);
            model.fold_timeline = Some(!folded);
            clamp_cursors(model);
            Vec::new()
        }
        Up | Down | Top | Bottom | PageUp | PageDown => movement(model, action),
        Open => open(model),
        Filter => filter(model),
        ClearFilter => clear_filter(model),
        Accept => {
            set_editing(model, false);
            Vec::new()
        }
        New | Edit | Reply | Note | Log | Assign | Priority | Status => records::apply(model, action),
        NextField | PrevField | Submit | Editor => records::form_action(model, action),
        Reminders | AddOrder | CorrectOrder | Callback | Survey | ReminderDone | AddReminder => {
            super::crm::apply(model, action)
        }
        NextSection | PrevSection | ToggleOverdue | CycleReason | ToggleMine => {
            super::reminders::agenda_key(model, action)
        }
        Dashboard => super::dashboard::enter(model),
        PrevMonth | NextMonth => super::dashboard::step(model, action),
        // The form's discard asks first; outside a form and the dialog
        // they do nothing.
        Discard => super::drafts::discard(model),
        Reapply => Vec::new(),
        // Outside the Data quality view (handled above) they do nothing.
        DataQuality | Merge | ArchiveInactive | SwapKeep | Confirm => Vec::new(),
        // Handled above, by the macro picker.
        ApplyMacro => Vec::new(),
        // Handled above, where the knowledge base takes its key.
        Knowledge => Vec::new(),
        Tags => super::tags::open(model),
        // Handled above, by the views bar.
        PrevView | NextView | View1 | View2 | View3 | View4 | View5 | View6 | View7 | View8 | View9 => Vec::new(),
        // Taken by `mail::action` above.
        ToggleQuotes | SaveAttachment | ToggleSend | FetchMail | SendMail => Vec::new(),
    }
}

/// The Data quality view's own actions, and Close while its confirmation
/// is open; `h` from anywhere enters it. `None`: the usual handling.
fn quality_action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    if action == Action::DataQuality {
        return Some(super::quality::enter(model));
    }
    if model.screens.top_kind() != Kind::Quality {
        return None;
    }
    super::quality::apply(model, action)
}

/// Closes the topmost overlay: a form is kept as a draft when typed in;
/// the palette, the help or the card or ticket just close.
fn close_top(model: &mut Model) {
    if model.screens.top_kind() == Kind::Form {
        return super::drafts::close(model);
    }
    model.bulk = None;
    model.screens.pop();
}

pub fn focus(model: &mut Model, pane: PaneId) -> Vec<Effect> {
    model.screens.take_detail();
    model.focus = pane;
    clamp_cursors(model);
    follow(model)
}

/// Up, down and paging move whatever is on top.
fn movement(model: &mut Model, action: Action) -> Vec<Effect> {
    match model.screens.top_kind() {
        Kind::Palette => {
            let palette_rows = palette_height(model.area);
            if let Some(palette) = model.screens.palette_mut() {
                let len = palette.list.len();
                palette.list.cursor.apply(action, len, palette_rows);
            }
        }
        Kind::Help => {
            let (lines, height) = overlay_size(model);
            if let Some(scroll) = overlay_scroll(model) {
                scroll.apply(action, lines, height);
            }
        }
        Kind::Detail => super::navigation::movement(model, action),
        Kind::Triage => {
            let (lines, height) = super::triage::doc_size(model);
            if let Some(triage) = model.screens.triage_mut() {
                triage.scroll.apply(action, lines, height);
            }
        }
        Kind::Reminders => super::reminders::movement(model, action),
        Kind::Quality => super::quality::movement(model, action),
        Kind::Main => {
            let height = model.list_height(model.focus);
            let (cursor, len) = model.cursor_mut(model.focus);
            if cursor.apply(action, len, height) {
                return follow(model);
            }
        }
        Kind::Dashboard => super::navigation::dashboard_movement(model, action),
        Kind::Form | Kind::Conflict | Kind::Macros | Kind::Knowledge | Kind::KnowledgePick => {}
    }
    Vec::new()
}

/// Lines of the help or the card or ticket on top, and the height it is
/// shown in.
pub(super) fn overlay_size(model: &Model) -> (usize, usize) {
    let body = model.screen().body;
    if model.screens.top_kind() == Kind::Help {
        let (_, height) = layout::inner_size(layout::help_area(body));
        return (model.help_doc().lines.len(), height);
    }
    let (_, height) = layout::inner_size(layout::detail_area(body));
    (model.detail_doc().map_or(0, |d| d.lines.len()), height)
}

fn overlay_scroll(model: &mut Model) -> Option<&mut Scroll> {
    match model.screens.top_kind() {
        Kind::Help => model.screens.help_mut().map(|help| &mut help.scroll),
        Kind::Detail => model.screens.detail_mut().map(|page| page.place_mut().0),
        _ => None,
    }
}

/// The mouse wheel over the overlay on top.
pub fn scroll_overlay(model: &mut Model, delta: isize) {
    match model.screens.top_kind() {
        Kind::Conflict => super::conflict::scroll(model, delta),
        Kind::Palette => {
            let palette_rows = palette_height(model.area);
            if let Some(palette) = model.screens.palette_mut() {
                let len = palette.list.len();
                palette.list.cursor.shift(delta, len, palette_rows);
            }
        }
        Kind::Help | Kind::Detail => {
            let (lines, height) = overlay_size(model);
            if let Some(scroll) = overlay_scroll(model) {
                scroll.shift(delta, lines, height);
            }
        }
        _ => {}
    }
}

/// Enter: the palette runs its command or opens its record; a list opens
/// its row's card or ticket page, a page the record its selected line names.
fn open(model: &mut Model) -> Vec<Effect> {
    match model.screens.top_kind() {
        Kind::Palette => match model
            .screens
            .take_palette()
            .map(|p| (p.selected_action(), p.selected_record()))
        {
            Some((_, Some(record))) => super::navigation::open(model, record),
            Some((Some(action), None)) => apply(model, action),
            _ => Vec::new(),
        },
        Kind::Detail => super::navigation::open_selected(model),
        Kind::Triage => super::navigation::open_from_triage(model),
        Kind::Dashboard => super::navigation::open_from_dashboard(model),
        Kind::Reminders => super::reminders::open(model),
        Kind::Quality => super::quality::open(model),
        Kind::Main => match model.focus {
            PaneId::Customers => match model.customers.selected() {
                Some(c) => open_card(model, c.id),
                None => Vec::new(),
            },
            PaneId::Queue => match model.queue.selected() {
                Some(v) => open_ticket(model, v.ticket.id),
                None => Vec::new(),
            },
            PaneId::Timeline => match model.timeline.selected().and_then(|e| e.ticket_id) {
                Some(id) => open_ticket(model, id),
                None => match model.timeline.customer_id() {
                    Some(id) => open_card(model, id),
                    None => Vec::new(),
                },
            },
        },
        _ => Vec::new(),
    }
}

pub fn open_card(model: &mut Model, id: i64) -> Vec<Effect> {
    super::navigation::open(model, Link::Customer(id))
}

pub fn open_ticket(model: &mut Model, id: i64) -> Vec<Effect> {
    super::navigation::open(model, Link::Ticket(id))
}

fn filter(model: &mut Model) -> Vec<Effect> {
    if model.screens.detail().is_some() || model.focus == PaneId::Timeline {
        let label = model.strings.action(Action::Filter.name());
        model.warn(fill(model.strings.msg_not_in_this_view, &[("action", label)]));
        return Vec::new();
    }
    set_editing(model, true);
    Vec::new()
}

fn set_editing(model: &mut Model, editing: bool) {
    match model.focus {
        PaneId::Customers => model.customers.list.editing = editing,
        PaneId::Queue => model.queue.list.editing = editing,
        PaneId::Timeline => {}
    }
}

fn clear_filter(model: &mut Model) -> Vec<Effect> {
    let height = model.list_height(model.focus);
    // The record under the cursor stays selected in the whole list.
    match model.focus {
        PaneId::Customers => {
            let list = &mut model.customers.list;
            let selected = list.selected().map(|c| c.id);
            list.editing = false;
            if !list.filter.is_empty() {
                list.filter.clear();
                model.customers.refilter(height);
                if let Some(id) = selected {
                    model.customers.list.select_id(id, height);
                }
            }
        }
        PaneId::Queue => {
            let selected = model.queue.list.selected().map(|v| v.ticket.id);
            model.queue.list.editing = false;
            super::queue_query::cleared(model, height);
            let list = &mut model.queue.list;
            if !list.filter.is_empty() {
                list.filter.clear();
                model.queue.refilter(height);
                if let Some(id) = selected {
                    model.queue.list.select_id(id, height);
                }
            }
        }
        PaneId::Timeline => {}
    }
    follow(model)
}
