//! Editing records in the TUI: a ticket's subject and kind, the resolution
//! summary a resolved status asks for, `e` on a timeline interaction, and
//! long text from `$EDITOR` keeping its lines.

use super::{loaded, press, type_text};
use crate::app::forms::{FieldError, FormKind, Submission};
use crate::app::msg::{Effect, Msg, Saved};
use crate::app::update;
use crate::domain::enums::{Channel, Direction};
use crate::domain::error::Reason;
use crate::domain::interaction::TimelineEntry;

fn submission(effects: &[Effect]) -> &Submission {
    match effects {
        [Effect::Save(submission)] => submission,
        other => panic!("expected one save, got {other:?}"),
    }
}

#[test]
fn e_edits_the_subject_and_kind_of_a_ticket() {
    let mut m = loaded();
    // Past priority, status, assignee, department and category.
    press(&mut m, "2 e <Tab> <Tab> <Tab> <Tab> <Tab>");
    let form = m.screens.form().expect("the edit form");
    assert_eq!(form.focused().map(|f| f.key), Some("subject"));
    assert_eq!(form.value("subject"), "屏幕坏点");
    press(&mut m, "<C-u>");
    type_text(&mut m, "屏幕坏点，要求换货");
    // Tab to the kind; `i` picks the first kind starting with it.
    press(&mut m, "<Tab> i");
    let effects = press(&mut m, "<C-s>");
    let Submission::EditTicket { id, version, changes } = submission(&effects) else {
        panic!("{effects:?}")
    };
    assert_eq!((*id, *version), (7, 3));
    assert_eq!(changes.subject.as_deref(), Some("屏幕坏点，要求换货"));
    assert_eq!(changes.kind.as_deref(), Some("inquiry"));
    assert_eq!((changes.priority.as_ref(), changes.description.as_ref()), (None, None));
}

#[test]
fn a_blank_subject_is_refused_on_the_form() {
    let mut m = loaded();
    press(&mut m, "2 e <Tab> <Tab> <Tab> <Tab> <Tab> <C-u> <C-s>");
    let form = m.screens.form().expect("the form stays open");
    assert_eq!(form.focused().map(|f| f.key), Some("subject"));
    assert!(matches!(
        form.focused().unwrap().error,
        Some(FieldError::Invalid(Reason::Required))
    ));
}

#[test]
fn setting_resolved_asks_how_it_was_resolved() {
    let mut m = loaded();
    press(&mut m, "2 s r");
    assert_eq!(m.screens.form().unwrap().value("status"), "resolved");
    // Saved without a summary: nothing is sent, the summary field is marked.
    assert!(press(&mut m, "<C-s>").is_empty());
    let form = m.screens.form().expect("the form stays open");
    assert_eq!(form.focused().map(|f| f.key), Some("resolution"));
    assert!(matches!(
        form.focused().unwrap().error,
        Some(FieldError::Invalid(Reason::Required))
    ));
    type_text(&mut m, "已更换屏幕");
    let effects = press(&mut m, "<C-s>");
    let Submission::EditTicket { changes, .. } = submission(&effects) else {
        panic!("{effects:?}")
    };
    assert_eq!(changes.status.as_deref(), Some("resolved"));
    assert_eq!(changes.resolution.as_deref(), Some("已更换屏幕"));
    // Any other status needs no summary.
    let mut m = loaded();
    let effects = press(&mut m, "2 s p <C-s>");
    let Submission::EditTicket { changes, .. } = submission(&effects) else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (changes.status.as_deref(), changes.resolution.as_deref()),
        (Some("pending"), None)
    );
}

#[test]
fn the_full_edit_form_asks_for_the_summary_too() {
    let mut m = loaded();
    // Priority, then status: `r` there sets resolved.
    press(&mut m, "2 e <Tab> r <C-s>");
    let form = m.screens.form().expect("the form stays open");
    assert_eq!(form.focused().map(|f| f.key), Some("resolution"));
}

fn entry(id: i64, source: &'static str, summary: &str) -> TimelineEntry {
    TimelineEntry {
        id,
        at: super::now(),
        source,
        ticket_id: Some(7),
        channel: (source == "interaction").then_some(Channel::Phone),
        direction: (source == "interaction").then_some(Direction::Inbound),
        agent: "li".into(),
        summary: summary.into(),
    }
}

#[test]
fn e_on_a_timeline_interaction_edits_its_text() {
    let mut m = loaded();
    update(
        &mut m,
        Msg::Timeline(
            1,
            vec![
                entry(41, "interaction", "客户来电 138000"),
                entry(5, "ticket", "opened #7"),
            ],
        ),
    );
    press(&mut m, "3 e");
    let form = m.screens.form().expect("the interaction form, not the customer's");
    assert_eq!(form.kind, FormKind::EditInteraction { id: 41 });
    assert_eq!(form.value("summary"), "客户来电 138000");
    // Unchanged text is nothing to save.
    assert!(press(&mut m, "<C-s>").is_empty());
    assert!(m.screens.form().is_none());
    press(&mut m, "e");
    type_text(&mut m, "01111");
    let effects = press(&mut m, "<C-s>");
    let Submission::EditInteraction { id, summary } = submission(&effects) else {
        panic!("{effects:?}")
    };
    assert_eq!((*id, summary.as_str()), (41, "客户来电 13800001111"));
    let effects = update(&mut m, Msg::Saved(Saved::InteractionEdited { id: 41 }));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::LoadTimeline(1))),
        "{effects:?}"
    );
    assert!(m.message.as_ref().unwrap().text.contains("#41"));
    // A ticket event is history: `e` says so and opens nothing.
    press(&mut m, "j e");
    assert!(m.screens.form().is_none());
    assert!(m.message.as_ref().unwrap().error);
}

#[test]
fn text_from_the_editor_keeps_its_lines_in_a_long_field_only() {
    let mut m = loaded();
    press(&mut m, "2 e <Tab> <Tab> <Tab> <Tab> <Tab>");
    update(&mut m, Msg::EditorDone(Ok("第一行\r\n第二行\n".into())));
    assert_eq!(m.screens.form().unwrap().value("subject"), "第一行 第二行");
    press(&mut m, "<Tab> <Tab>");
    let form = m.screens.form().unwrap();
    assert_eq!(form.focused().map(|f| f.key), Some("description"));
    update(&mut m, Msg::EditorDone(Ok("第一行\r\n\n第三行\n".into())));
    assert_eq!(m.screens.form().unwrap().value("description"), "第一行\n\n第三行");
}
