//! Typed work in forms: only the save key saves, Esc keeps a draft that the
//! same form brings back, discarding and quitting with drafts ask first,
//! and a form opens on the field there is to type.

use super::*;

/// Every form the panes open, with what is typed into its first field.
const OPENERS: &[&str] = &[
    "2 r", "2 i", "2 a", "2 p", "2 s", "2 e", "2 n", "2 l", "2 o", "2 v", "1 n",
];

fn saves(effects: &[Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, Effect::Save(_) | Effect::TriageChange(..)))
}

#[test]
fn movement_keys_never_save_any_form() {
    for opener in OPENERS {
        let mut m = loaded();
        press(&mut m, opener);
        type_text(&mut m, "我们明天上门");
        let fields = m.screens.form().expect(opener).fields.len();
        for key in ["<Down>", "<Tab>", "<Enter>"] {
            for _ in 0..fields + 2 {
                let effects = press(&mut m, key);
                assert!(!saves(&effects), "{opener} then {key}: {effects:?}");
            }
            assert!(m.screens.form().is_some(), "{opener} then {key}: still open");
        }
        assert!(
            m.message.as_ref().is_some_and(|msg| msg.text.contains("C-s saves")),
            "{opener}: the last field says which key saves"
        );
    }
}

#[test]
fn a_reply_is_sent_only_by_the_save_key() {
    let mut m = loaded();
    press(&mut m, "2 r");
    type_text(&mut m, "已安排换货");
    for keys in ["<Down> <Down> <Down>", "<Tab> <Tab> <Tab>", "<Enter> <Enter>"] {
        for key in keys.split_whitespace() {
            assert!(press(&mut m, key).is_empty(), "{keys}");
        }
        press(&mut m, "<Up> <Up>");
    }
    assert_eq!(m.screens.form().unwrap().value("summary"), "已安排换货");
    let effects = press(&mut m, "<C-s>");
    let [Effect::Save(submission)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(matches!(
        submission.as_ref(),
        crate::app::forms::Submission::Reply { ticket: 7, summary, .. } if summary == "已安排换货"
    ));
}

#[test]
fn esc_keeps_a_draft_that_the_same_form_brings_back() {
    let mut m = loaded();
    press(&mut m, "2 r");
    type_text(&mut m, "明天上门");
    press(&mut m, "<Left> <Left>");
    press(&mut m, "<Esc>");
    assert!(m.screens.form().is_none());
    assert!(m.message.as_ref().unwrap().text.contains("Draft kept"));
    // Another form, or the same form on another ticket, starts empty.
    press(&mut m, "2 i");
    assert_eq!(m.screens.form().unwrap().value("summary"), "");
    press(&mut m, "<Esc> j r");
    assert_eq!(m.screens.form().unwrap().value("summary"), "");
    press(&mut m, "<Esc> k r");
    let form = m.screens.form().unwrap();
    assert_eq!(form.value("summary"), "明天上门");
    let summary = form.fields.iter().find(|f| f.key == "summary").unwrap();
    assert_eq!(summary.input.window(40).1, 4, "the cursor where it was left");
    assert!(m.message.as_ref().unwrap().text.contains("draft is back"));
    // Typing on goes where the cursor was.
    type_text(&mut m, "午");
    assert_eq!(m.screens.form().unwrap().value("summary"), "明天午上门");
    // An untouched form keeps nothing, nor does one the view preset.
    let mut m = loaded();
    press(&mut m, "2 r <Esc>");
    assert!(m.drafts.is_empty());
    let mut log = crate::app::forms::contact::log(m.strings, "C2026002", "张三", None);
    super::super::crm::outbound(&mut log);
    assert!(!log.is_changed(), "a contact from Reminders starts outbound");
}

#[test]
fn discarding_typed_text_asks_first() {
    let mut m = loaded();
    press(&mut m, "2 r");
    type_text(&mut m, "不要了");
    press(&mut m, "<C-x>");
    assert!(m.screens.form().is_some(), "nothing dropped before the answer");
    let footer = crate::app::forms::drafts::question(&m).unwrap();
    assert!(footer.contains("Discard what you typed in “Reply to #7”"), "{footer}");
    // Any key but y keeps it, and is not typed into the form.
    press(&mut m, "n");
    assert_eq!(m.screens.form().unwrap().value("summary"), "不要了");
    press(&mut m, "<C-x> y");
    assert!(m.screens.form().is_none() && m.drafts.is_empty());
    press(&mut m, "2 r");
    assert_eq!(m.screens.form().unwrap().value("summary"), "", "gone for good");
    // An untouched form closes without a question.
    press(&mut m, "<C-x>");
    assert!(m.screens.form().is_none() && m.drafts.asking.is_none());
}

#[test]
fn quitting_with_drafts_asks_and_says_how_many() {
    let mut m = loaded();
    press(&mut m, "2 r");
    type_text(&mut m, "一");
    press(&mut m, "<Esc> 2 i");
    type_text(&mut m, "二");
    press(&mut m, "<Esc> q");
    assert!(!m.quit);
    let footer = crate::app::forms::drafts::question(&m).unwrap();
    assert!(footer.contains("Unsaved drafts: 2"), "{footer}");
    press(&mut m, "<Esc>");
    assert!(!m.quit && m.drafts.len() == 2, "Esc answers no");
    press(&mut m, "<C-c> y");
    assert!(m.quit);
}

#[test]
fn a_form_opens_on_the_field_there_is_to_type() {
    let cases = [
        ("2 r", "summary"),
        ("2 l", "summary"),
        ("2 o", "amount"),
        ("2 v", "quality"),
        ("2 n", "subject"),
        ("1 n", "name"),
        ("2 a", "assignee"),
        ("2 e", "priority"),
    ];
    for (keys, field) in cases {
        let mut m = loaded();
        press(&mut m, keys);
        let form = m.screens.form().expect(keys);
        assert_eq!(form.focused().map(|f| f.key), Some(field), "{keys}");
    }
}
