//! Saves run off the event loop: the form being saved steps aside, keys
//! keep working, a failure brings the form back with its text and the whole
//! reason, and a second save of a record still being saved is refused.

use super::*;

/// What a save says when another agent held the file past the busy
/// timeout and every retry: long, and all of it worth reading.
fn busy() -> Failure {
    let error = crate::service::database::StoreError::Busy("database is locked".into());
    Failure::of(crate::service::Error::Storage(error))
}

fn new_customer(m: &mut Model, name: &str) -> Vec<Effect> {
    press(m, "1 n");
    type_text(m, name);
    press(m, "<C-s>")
}

#[test]
fn a_save_in_flight_leaves_the_keys_free_and_a_failure_brings_the_form_back_whole() {
    let mut m = loaded();
    let effects = new_customer(&mut m, "赵六");
    assert!(matches!(effects.as_slice(), [Effect::Save(_)]));
    assert!(m.screens.form().is_none(), "the form waits off screen");
    assert_eq!(m.saves.in_flight(), 1);
    // Meanwhile the user moves and reads.
    press(&mut m, "j");
    assert_eq!(selected_customer(&m), "张三");
    update(&mut m, Msg::SaveFailed(busy()));
    assert_eq!(m.saves.in_flight(), 0);
    let form = m.screens.form().expect("the form is back");
    assert_eq!(form.value("name"), "赵六", "with what was typed");
    assert_eq!(form.message.as_deref(), Some(busy_text().as_str()));
    assert_eq!(selected_customer(&m), "张三", "and the place moved to");
}

fn busy_text() -> String {
    match busy() {
        Failure::Other(text) => text,
        _ => unreachable!(),
    }
}

#[test]
fn a_save_done_while_another_form_is_open_leaves_that_form_as_it_is() {
    let mut m = loaded();
    new_customer(&mut m, "赵六");
    press(&mut m, "n");
    type_text(&mut m, "钱七");
    let saved = Saved::CustomerAdded {
        id: 5,
        code: "C2026005".into(),
        name: "赵六".into(),
    };
    let effects = update(&mut m, Msg::Saved(saved));
    assert!(matches!(effects.first(), Some(Effect::LoadOverview)));
    assert!(m.message.as_ref().unwrap().text.contains("赵六"));
    assert_eq!(m.screens.form().map(|f| f.value("name")), Some("钱七"));
}

#[test]
fn a_failed_save_waits_for_the_open_form_to_close_then_comes_back() {
    let mut m = loaded();
    new_customer(&mut m, "赵六");
    // Another form, left empty, is open when the failure comes.
    press(&mut m, "n");
    update(&mut m, Msg::SaveFailed(busy()));
    assert_eq!(m.screens.form().map(|f| f.value("name")), Some(""), "theirs stays");
    let warning = &m.message.as_ref().unwrap().text;
    assert!(warning.contains("comes back"), "{warning}");
    press(&mut m, "<Esc>");
    let form = m.screens.form().expect("the failed form is back");
    assert_eq!(form.value("name"), "赵六");
    assert_eq!(form.message.as_deref(), Some(busy_text().as_str()));
}

#[test]
fn a_second_save_of_a_record_still_being_saved_is_refused_on_its_form() {
    let mut m = loaded();
    let first = press(&mut m, "2 p <Right> <C-s>");
    assert!(matches!(first.as_slice(), [Effect::Save(_)]));
    let second = press(&mut m, "p <Right> <Right> <C-s>");
    assert!(second.is_empty(), "{second:?}");
    let form = m.screens.form().expect("kept open");
    assert!(form.message.as_deref().unwrap().contains("still running"));
    // Once the first save is back, this one goes.
    update(&mut m, Msg::Saved(Saved::TicketSaved { id: 7 }));
    assert!(matches!(press(&mut m, "<C-s>").as_slice(), [Effect::Save(_)]));
}

#[test]
fn a_failed_save_waits_for_the_palette_or_help_to_close_too() {
    for opener in [":", "?"] {
        let mut m = loaded();
        new_customer(&mut m, "赵六");
        press(&mut m, opener);
        update(&mut m, Msg::SaveFailed(busy()));
        assert!(
            m.screens.form().is_none(),
            "{opener}: nothing covers what the user reads"
        );
        press(&mut m, "<Esc>");
        let form = m.screens.form().expect("back once it closed");
        assert_eq!(form.value("name"), "赵六", "{opener}");
    }
}

#[test]
fn a_failed_save_closed_with_esc_never_replaces_a_draft_of_the_same_form() {
    let mut m = loaded();
    // A reply is saved; while it waits the same reply form is opened
    // again, typed in and closed: a draft.
    press(&mut m, "2 r");
    type_text(&mut m, "第一次");
    assert!(matches!(press(&mut m, "<C-s>").as_slice(), [Effect::Save(_)]));
    press(&mut m, "r");
    type_text(&mut m, "第二次");
    press(&mut m, "<Esc>");
    // The save fails: its form comes back and is closed too.
    update(&mut m, Msg::SaveFailed(busy()));
    assert_eq!(m.screens.form().map(|f| f.value("summary")), Some("第一次"));
    press(&mut m, "<Esc>");
    assert_eq!(m.drafts.len(), 2, "both texts kept");
    press(&mut m, "q");
    let footer = crate::app::forms::drafts::question(&m).unwrap();
    assert!(footer.contains("Unsaved drafts: 2"), "{footer}");
    press(&mut m, "n");
    // The same form brings them back newest first, saying another waits.
    press(&mut m, "r");
    assert_eq!(m.screens.form().unwrap().value("summary"), "第一次");
    assert!(m.message.as_ref().unwrap().text.contains("1 more"), "{:?}", m.message);
    press(&mut m, "<C-x> y r");
    assert_eq!(m.screens.form().unwrap().value("summary"), "第二次");
    assert!(m.drafts.is_empty());
}

#[test]
fn quitting_while_a_failed_saves_form_waits_asks_first() {
    // The save failed while the help was open: its form waits for the
    // help to close. Quitting from the help must not drop it unasked.
    let mut m = loaded();
    new_customer(&mut m, "赵六");
    press(&mut m, "?");
    update(&mut m, Msg::SaveFailed(busy()));
    assert!(m.screens.form().is_none(), "it waits");
    press(&mut m, "<C-c>");
    assert!(!m.quit, "asked first");
    let footer = crate::app::forms::drafts::question(&m).unwrap();
    assert!(footer.contains("Unsaved drafts: 1"), "{footer}");
    press(&mut m, "n");
    press(&mut m, "<Esc>");
    assert_eq!(
        m.screens.form().map(|f| f.value("name")),
        Some("赵六"),
        "and it is still there"
    );
}
