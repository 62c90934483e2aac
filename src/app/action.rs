//! The one vocabulary of things a user can do. The keymap binds keys to
//! these, the help overlay and the footer list them, the command palette
//! searches them; a new action is one line here, one in the keymap and one
//! label in the string catalogue.

use crate::app::keymap::Context;

/// Declares the actions with their stable names (the `run` of the keymap).
macro_rules! actions {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the keymap file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),+ }
            }
        }
    };
}

actions! {
    Up => "up",
    Down => "down",
    Top => "top",
    Bottom => "bottom",
    PageUp => "page_up",
    PageDown => "page_down",
    FocusNext => "focus_next",
    FocusPrev => "focus_prev",
    FocusCustomers => "focus_customers",
    FocusQueue => "focus_queue",
    FocusTimeline => "focus_timeline",
    ToggleTimeline => "toggle_timeline",
    Open => "open",
    Close => "close",
    Filter => "filter",
    ClearFilter => "clear_filter",
    Accept => "accept",
    New => "new",
    Edit => "edit",
    Reply => "reply",
    Note => "note",
    Log => "log",
    Assign => "assign",
    Priority => "priority",
    Status => "status",
    Palette => "palette",
    Help => "help",
    Refresh => "refresh",
    Demo => "demo",
    Suspend => "suspend",
    Quit => "quit",
    NextField => "next_field",
    PrevField => "prev_field",
    Submit => "submit",
    Editor => "editor",
    Triage => "triage",
    Skip => "skip",
    Undo => "undo",
    SetPending => "set_pending",
    Resolve => "resolve",
    PriorityUrgent => "priority_urgent",
    PriorityHigh => "priority_high",
    PriorityNormal => "priority_normal",
    PriorityLow => "priority_low",
    Mark => "mark",
    MarkAll => "mark_all",
    Reminders => "reminders",
    AddOrder => "add_order",
    CorrectOrder => "correct_order",
    Callback => "callback",
    Survey => "survey",
    ReminderDone => "reminder_done",
    AddReminder => "add_reminder",
    Dashboard => "dashboard",
    PrevMonth => "prev_month",
    NextMonth => "next_month",
    Reapply => "reapply",
    Discard => "discard",
    DataQuality => "data_quality",
    Merge => "merge",
    ArchiveInactive => "archive_inactive",
    SwapKeep => "swap_keep",
    Confirm => "confirm",
    UntriagedOnly => "untriaged_only",
    ApplyMacro => "apply_macro",
    Knowledge => "knowledge",
    Tags => "tags",
    NextSection => "next_section",
    PrevSection => "prev_section",
    ToggleOverdue => "toggle_overdue",
    CycleReason => "cycle_reason",
    ToggleMine => "toggle_mine",
    AllTickets => "all_tickets",
    PrevView => "prev_view",
    NextView => "next_view",
    View1 => "view_1",
    View2 => "view_2",
    View3 => "view_3",
    View4 => "view_4",
    View5 => "view_5",
    View6 => "view_6",
    View7 => "view_7",
    View8 => "view_8",
    View9 => "view_9",
    ToggleQuotes => "toggle_quotes",
    SaveAttachment => "save_attachment",
    ToggleSend => "toggle_send",
    FetchMail => "fetch_mail",
    SendMail => "send_mail",
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// Moving a cursor: too common to spend footer room on.
    pub fn is_movement(self) -> bool {
        use Action::*;
        matches!(self, Up | Down | Top | Bottom | PageUp | PageDown)
    }

    /// The one screen where the action means something, for those that
    /// belong to one: the palette offers them only there.
    pub fn only_in(self) -> Option<Context> {
        use Action::*;
        match self {
            Skip | Undo | SetPending | Resolve | PriorityUrgent | PriorityHigh | PriorityNormal | PriorityLow => {
                Some(Context::Triage)
            }
            PrevMonth | NextMonth => Some(Context::Dashboard),
            ReminderDone | NextSection | PrevSection | ToggleOverdue | CycleReason | ToggleMine => {
                Some(Context::Reminders)
            }
            UntriagedOnly => Some(Context::Queue),
            AllTickets => Some(Context::Filter),
            a if a.view_number().is_some() || matches!(a, PrevView | NextView) => Some(Context::Queue),
            Merge | ArchiveInactive => Some(Context::Quality),
            ToggleQuotes | SaveAttachment => Some(Context::Detail),
            _ => None,
        }
    }

    /// The views bar entry a `view_N` action selects (1 to 9).
    pub fn view_number(self) -> Option<usize> {
        use Action::*;
        [View1, View2, View3, View4, View5, View6, View7, View8, View9]
            .iter()
            .position(|a| *a == self)
            .map(|i| i + 1)
    }

    /// Offered by the command palette: everything but what only makes sense
    /// inside a form, a filter or the palette itself.
    pub fn in_palette(self) -> bool {
        use Action::*;
        !matches!(
            self,
            NextField
                | PrevField
                | Submit
                | Editor
                | Accept
                | Palette
                | Close
                | Reapply
                | Discard
                | SwapKeep
                | Confirm
                | ToggleSend
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
            assert_eq!(Action::ALL.iter().filter(|b| b.name() == a.name()).count(), 1);
        }
        assert_eq!(Action::from_name("launch_rockets"), None);
    }

    /// The catalogue keys action labels by name: a new action without a
    /// label in every language would show its bare name.
    #[test]
    fn every_action_has_a_label_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            let labels = lang.strings().actions;
            for a in Action::ALL {
                assert!(
                    labels.iter().any(|(name, _)| *name == a.name()),
                    "{a:?} in {}",
                    lang.tag()
                );
            }
        }
    }
}
