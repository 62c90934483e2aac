//! Forms driven by keys: what was typed survives errors, service errors land on
//! their field, an edit sends only its changes, saving reloads, `$EDITOR` fills a field.

use super::*;
use crate::app::forms::FieldError;
use crate::domain::error::{Entity, Reason};

#[test]
fn a_form_keeps_what_was_typed_and_shows_errors_inline() {
    let mut m = loaded();
    press(&mut m, "n");
    type_text(&mut m, "赵六");
    press(&mut m, "<Tab> <Tab> <Tab> <Tab>");
    type_text(&mut m, "12");
    press(&mut m, "<Tab>");
    let form = m.screens.form().unwrap();
    let phone = form.fields.iter().find(|f| f.key == "phone").unwrap();
    let error = phone.error.as_ref().unwrap().describe(m.strings);
    assert!(error.contains("5 to 15 digits"), "{error}");
    type_text(&mut m, "not-an-email");
    assert!(press(&mut m, "<C-s>").is_empty(), "nothing is saved");
    let form = m.screens.form().unwrap();
    assert_eq!(
        form.fields[form.focus].key, "phone",
        "the first bad field has the focus"
    );
    assert_eq!(form.value("name"), "赵六");
    assert_eq!(form.value("email"), "not-an-email");
    press(&mut m, "<C-u>");
    type_text(&mut m, "13812345678");
    press(&mut m, "<Down> <C-u>");
    type_text(&mut m, "zl@example.com");
    let effects = press(&mut m, "<C-s>");
    let [Effect::Save(submission)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let crate::app::forms::Submission::NewCustomer(input) = submission.as_ref() else {
        panic!("{submission:?}")
    };
    assert_eq!(input.name.as_deref(), Some("赵六"));
    assert_eq!(input.phone.as_deref(), Some("13812345678"));
    assert_eq!(input.code, None, "blank fields are not sent");
}

#[test]
fn service_errors_land_on_their_field_and_a_conflict_keeps_the_form() {
    let mut m = loaded();
    press(&mut m, "2 a");
    type_text(&mut m, "wang");
    let effects = press(&mut m, "<C-s>");
    assert!(matches!(effects.as_slice(), [Effect::Save(_)]));
    update(
        &mut m,
        Msg::SaveFailed(Failure::Invalid(Invalid::new(
            "assignee",
            "wang",
            Reason::NotOneOf {
                allowed: vec!["li".into()],
            },
        ))),
    );
    let form = m.screens.form().unwrap();
    let error = form.fields[0].error.as_ref().unwrap().describe(m.strings);
    assert_eq!(error, "expected one of: li");
    // A conflict reads the ticket as it is now, for the conflict dialog.
    let conflict = crate::app::forms::Conflict {
        entity: Entity::Ticket,
        id: 7,
        expected: 3,
        actual: 4,
    };
    let effects = update(&mut m, Msg::SaveFailed(Failure::Conflict(conflict)));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadCurrent(crate::app::conflict::Record::Ticket(7))]
    ));
    // Removed meanwhile: the form says so and keeps what was typed.
    update(
        &mut m,
        Msg::Current(Err(Failure::NotFound {
            entity: Entity::Ticket,
            key: "7".into(),
        })),
    );
    let form = m.screens.form().unwrap();
    assert!(form.message.as_deref().unwrap().contains("ticket 7 not found"));
    assert!(m.screens.conflict().is_none());
    assert_eq!(form.value("assignee"), "wang", "nothing typed is lost");
}

#[test]
fn an_edit_sends_only_changes_at_the_version_it_read() {
    let mut m = loaded();
    press(&mut m, "2 p <Right> <C-s>");
    // The save runs on the writer thread: the form waits off screen for its result.
    assert!(m.screens.form().is_none() && m.saves.in_flight() == 1);
    let mut m2 = loaded();
    press(&mut m2, "2 p <Right>");
    let effects = press(&mut m2, "<C-s>");
    let [Effect::Save(submission)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let crate::app::forms::Submission::EditTicket { id, version, changes } = submission.as_ref() else {
        panic!("{submission:?}")
    };
    assert_eq!((*id, *version), (7, 3));
    assert_eq!(changes.priority.as_deref(), Some("normal"));
    assert_eq!(changes.status, None);
    // An edit that changes nothing closes without a save.
    let mut m3 = loaded();
    assert!(press(&mut m3, "2 s <C-s>").is_empty());
    assert!(m3.screens.form().is_none());
}

#[test]
fn saving_closes_the_form_reloads_and_selects_the_new_record() {
    let mut m = loaded();
    press(&mut m, "n");
    type_text(&mut m, "赵六");
    let effects = update(
        &mut m,
        Msg::Saved(Saved::CustomerAdded {
            id: 5,
            code: "C2026005".into(),
            name: "赵六".into(),
        }),
    );
    assert!(m.screens.form().is_none());
    assert!(matches!(effects.first(), Some(Effect::LoadOverview)));
    assert!(m.message.as_ref().unwrap().text.contains("赵六"));
    let mut people = PEOPLE.to_vec();
    people.push(("C2026005", "赵六"));
    update(&mut m, overview(&people, Vec::new()));
    assert_eq!(selected_customer(&m), "赵六");
}

#[test]
fn the_editor_fills_the_focused_field() {
    let mut m = loaded();
    press(&mut m, "2 r");
    let effects = press(&mut m, "<C-e>");
    assert!(matches!(effects.as_slice(), [Effect::OpenEditor(text)] if text.is_empty()));
    update(&mut m, Msg::EditorDone(Ok("第一行\nsecond line\n".into())));
    assert_eq!(m.screens.form().unwrap().value("summary"), "第一行\nsecond line");
    update(&mut m, Msg::EditorDone(Err("vi: not found".into())));
    assert!(
        m.screens
            .form()
            .unwrap()
            .message
            .as_deref()
            .unwrap()
            .contains("vi: not found")
    );
}

/// A customer that is not found is marked on the form's customer field,
/// from the error's data (the entity), in any language.
#[test]
fn a_customer_not_found_marks_the_customer_field() {
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhCn] {
        let mut m = loaded();
        m.strings = lang.strings();
        press(&mut m, "l");
        let form = m.screens.form().expect("the log form is open");
        let customer = form.fields.iter().position(|f| f.key == "customer").unwrap();
        let missing = crate::service::Error::NotFound {
            entity: Entity::Customer,
            key: "C-0999".into(),
        };
        update(&mut m, Msg::SaveFailed(Failure::of(missing)));
        let form = m.screens.form().unwrap();
        assert_eq!(form.focus, customer, "{lang:?}");
        let marked = FieldError::NotFound {
            entity: Entity::Customer,
            key: "C-0999".into(),
        };
        assert_eq!(form.fields[customer].error.as_ref(), Some(&marked), "{lang:?}");
        assert_eq!(form.message, None, "{lang:?}");
        let shown = marked.describe(m.strings);
        assert!(shown.contains("C-0999"), "{shown}");
    }
}
