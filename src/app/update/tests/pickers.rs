//! Pick lists driven by keys: `zs` finds 张三 in a customer field and Enter
//! takes its code; arrows move in the list, Esc closes it keeping the text;
//! the assignee is offered from the agents, a category from those in use.

use super::*;
use crate::app::forms::Submission;
use crate::app::keymap::Context;
use crate::service::pickers::PickLists;

/// [`loaded`], with a team of two agents and the usual categories.
fn with_team() -> Model {
    let mut m = model();
    let Msg::Overview(mut o) = overview(PEOPLE, vec![ticket(7, 2, "张三", "屏幕坏点")]) else {
        unreachable!()
    };
    o.picks = PickLists {
        agents: vec![("li.na".into(), Some("service".into())), ("wang.fang".into(), None)],
        categories: vec!["product-quality".into(), "billing".into()],
        departments: vec!["sales".into(), "service".into()],
    };
    update(&mut m, Msg::Overview(o));
    m
}

fn focused_key(m: &Model) -> &'static str {
    m.screens.form().unwrap().focused().unwrap().key
}

fn choices(m: &Model) -> Vec<String> {
    let form = m.screens.form().unwrap();
    form.pick_list()
        .map(|p| p.choices.iter().map(|c| c.value.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn typing_zs_offers_zhang_san_and_enter_takes_the_code() {
    let mut m = with_team();
    press(&mut m, "2 n");
    assert_eq!(focused_key(&m), "subject", "the customer came from the queue");
    press(&mut m, "<S-Tab> <S-Tab> <C-u>");
    assert_eq!(focused_key(&m), "customer");
    assert_eq!(m.chain(), [Context::Form], "no list before typing");
    type_text(&mut m, "zs");
    assert_eq!(choices(&m), ["C2026002"]);
    assert_eq!(m.chain(), [Context::Picker, Context::Form]);
    press(&mut m, "<Enter>");
    let form = m.screens.form().unwrap();
    assert_eq!(form.value("customer"), "C2026002");
    assert_eq!(focused_key(&m), "kind", "Enter took the match and moved on");
    assert_eq!(m.chain(), [Context::Form]);
    press(&mut m, "<Tab>");
    type_text(&mut m, "坏点");
    let effects = press(&mut m, "<C-s>");
    let [Effect::Save(submission)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let Submission::NewTicket(input) = submission.as_ref() else {
        panic!("{submission:?}")
    };
    assert_eq!(input.customer, "C2026002");
}

#[test]
fn an_exact_code_comes_first_whatever_else_matches() {
    let mut m = model();
    // C10 is the more recent customer: at an equal score it would lead.
    update(&mut m, overview(&[("C10", "十号"), ("C1", "一号")], Vec::new()));
    press(&mut m, "1 l");
    let form = m.screens.form().unwrap();
    assert_eq!(form.value("customer"), "C10");
    m.screens.form_mut().unwrap().focus = 0;
    press(&mut m, "<C-u>");
    type_text(&mut m, "c1");
    assert_eq!(choices(&m), ["C1", "C10"]);
    press(&mut m, "<Enter>");
    assert_eq!(m.screens.form().unwrap().value("customer"), "C1");
}

#[test]
fn arrows_move_in_the_list_and_esc_keeps_the_text() {
    let mut m = with_team();
    press(&mut m, "2 n <S-Tab> <S-Tab> <C-u>");
    // Every customer has a C in the code: all four match, best first.
    type_text(&mut m, "c");
    assert_eq!(choices(&m).len(), 4);
    let first = choices(&m)[0].clone();
    press(&mut m, "<Down> <C-n>");
    let third = choices(&m)[2].clone();
    press(&mut m, "<C-p> <Down> <Esc>");
    let form = m.screens.form().unwrap();
    assert!(form.pick_list().is_none(), "Esc closed the list");
    assert_eq!(form.value("customer"), "c", "and kept what was typed");
    assert!(m.screens.form().is_some(), "the form stays open");
    // Typing again opens it; Tab takes the highlighted one.
    type_text(&mut m, "2026003");
    assert_eq!(choices(&m), ["C2026003"]);
    press(&mut m, "<Tab>");
    assert_eq!(m.screens.form().unwrap().value("customer"), "C2026003");
    assert_ne!(first, third);
}

#[test]
fn a_customer_nobody_has_says_so_and_enter_moves_on_with_the_text() {
    let mut m = with_team();
    press(&mut m, "2 n <S-Tab> <S-Tab> <C-u>");
    type_text(&mut m, "qqq");
    let form = m.screens.form().unwrap();
    let list = form.pick_list().expect("the list says none match");
    assert!(list.choices.is_empty());
    press(&mut m, "<Enter>");
    assert_eq!(m.screens.form().unwrap().value("customer"), "qqq");
    assert_eq!(focused_key(&m), "kind");
}

#[test]
fn the_assignee_is_offered_from_the_team() {
    let mut m = with_team();
    press(&mut m, "2 a");
    type_text(&mut m, "wf");
    assert_eq!(choices(&m), ["wang.fang"]);
    press(&mut m, "<Enter>");
    assert_eq!(m.screens.form().unwrap().value("assignee"), "wang.fang");
    // Without agents any name goes, and nothing is offered.
    let mut m = loaded();
    press(&mut m, "2 a");
    type_text(&mut m, "wf");
    assert!(m.screens.form().unwrap().pick_list().is_none());
}

#[test]
fn ctrl_n_shows_every_choice_before_typing() {
    let mut m = with_team();
    press(&mut m, "2 n <Tab> <Tab> <Tab>");
    assert_eq!(focused_key(&m), "category");
    press(&mut m, "<C-n>");
    assert_eq!(choices(&m), ["product-quality", "billing"]);
    press(&mut m, "<C-n> <Enter>");
    assert_eq!(m.screens.form().unwrap().value("category"), "billing");
    assert_eq!(focused_key(&m), "body");
    // A customer field lists only what matches: there are too many.
    press(&mut m, "<S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <C-u>");
    assert_eq!(focused_key(&m), "customer");
    press(&mut m, "<C-n>");
    assert!(m.screens.form().unwrap().pick_list().is_none());
}

#[test]
fn category_and_department_offer_known_values_and_keep_free_text() {
    let mut m = with_team();
    press(&mut m, "2 e");
    let form = m.screens.form().unwrap();
    let category = form.fields.iter().position(|f| f.key == "category").unwrap();
    let department = form.fields.iter().position(|f| f.key == "department").unwrap();
    m.screens.form_mut().unwrap().focus = department;
    type_text(&mut m, "sa");
    assert_eq!(choices(&m), ["sales"]);
    press(&mut m, "<Tab>");
    m.screens.form_mut().unwrap().focus = category;
    type_text(&mut m, "bil");
    assert_eq!(choices(&m), ["billing"]);
    type_text(&mut m, "l-later");
    assert!(m.screens.form().unwrap().pick_list().is_none(), "no match, no list");
    press(&mut m, "<Enter>");
    let form = m.screens.form().unwrap();
    assert_eq!(
        (form.value("department"), form.value("category")),
        ("sales", "bill-later")
    );
}
