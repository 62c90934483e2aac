//! A paste is text, never keys: it goes whole into the field or box being
//! typed in, and nowhere else does it run anything. As keys, a line break
//! moved to the next field and the lines after it changed a choice or were
//! lost; on the panes its letters ran commands.

use super::*;

fn paste(m: &mut Model, text: &str) -> Vec<Effect> {
    update(m, Msg::Paste(text.into()))
}

#[test]
fn a_paste_goes_whole_into_the_field_being_typed_in() {
    let mut m = loaded();
    press(&mut m, "2 r");
    assert!(paste(&mut m, "第一行\n第二行\r\nthird line").is_empty());
    let form = m.screens.form().unwrap();
    assert_eq!(
        form.value("summary"),
        "第一行\n第二行\nthird line",
        "a long field keeps its lines"
    );
    assert_eq!(form.focused().map(|f| f.key), Some("summary"));
    assert_eq!(form.value("channel"), "phone", "the choice below is untouched");
    // A one-line field takes the lines joined; typing goes on after them.
    press(&mut m, "<Esc> <C-x> y 1 n");
    paste(&mut m, "赵\n六\r\n");
    type_text(&mut m, "!");
    assert_eq!(m.screens.form().unwrap().value("name"), "赵 六 !");
    // A choice takes nothing from a paste.
    press(&mut m, "<Esc> <C-x> y 2 r <Down>");
    paste(&mut m, "email me");
    assert_eq!(m.screens.form().unwrap().value("channel"), "phone");
}

#[test]
fn a_paste_runs_no_command_and_fills_a_filter_being_typed() {
    let mut m = loaded();
    let effects = paste(&mut m, "q r d\n:");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!m.quit && m.screens.form().is_none() && m.screens.palette().is_none());
    press(&mut m, "1 G /");
    assert_ne!(selected_customer(&m), "张三");
    let effects = paste(&mut m, "zs\n");
    assert_eq!(m.customers.list.filter.text(), "zs ");
    assert_eq!(selected_customer(&m), "张三");
    let id = m.customers.selected().unwrap().id;
    let loads: Vec<_> = effects
        .iter()
        .filter(|e| matches!(e, Effect::LoadTimeline(_)))
        .collect();
    assert!(
        matches!(loads.as_slice(), [Effect::LoadTimeline(i)] if *i == id),
        "{effects:?}"
    );
    // A question before typed work is lost is not answered by a paste.
    press(&mut m, "<Esc> 2 r");
    type_text(&mut m, "一");
    press(&mut m, "<C-x>");
    paste(&mut m, "y");
    assert_eq!(m.screens.form().unwrap().value("summary"), "一");
}
