//! Issue #13 tried from the command line as a new user would (QA): text
//! typed with terminal controls in it is kept, found and echoed as it is
//! shown; bare text with nothing to search for is refused; a new database
//! holds nothing taken from the wall clock.

use crate::common;

use common::*;

#[test]
fn a_view_named_with_a_terminal_control_is_found_by_the_name_it_shows() {
    let desk = Desk::new();
    desk.ok(&["view", "add", "e\x1b[31mv\x1b[0m", "kind:complaint"]);
    let names: Vec<String> = desk
        .json(&["view", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| text(v, "name").to_string())
        .collect();
    assert!(names.iter().any(|n| n == "ev"), "{names:?}");
    desk.ok(&["ticket", "list", "--view", "ev"]);
    // Typed with the control again, it is still the same view.
    desk.fails(2, &["view", "add", "e\x1b[1mv", "kind:repair"]);
    desk.ok(&["view", "remove", "ev"]);
    desk.fails(4, &["ticket", "list", "--view", "ev"]);
}

#[test]
fn a_tag_typed_with_a_terminal_control_is_kept_as_shown() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &[]);
    desk.ok(&["ticket", "set", "1", "--add-tag", "a\x1b[31mB\x1b[0m,vip"]);
    assert_eq!(desk.show_ticket(1)["tags"], serde_json::json!(["ab", "vip"]));
    assert_eq!(ids(&desk.json(&["ticket", "list", "--query", "tag:ab"])), [1]);
    desk.ok(&["ticket", "set", "1", "--remove-tag", "ab"]);
    assert_eq!(desk.show_ticket(1)["tags"], serde_json::json!(["vip"]));
    // Nothing but a control is no tag at all.
    desk.refused_unchanged(2, &["ticket", "set", "1", "--add-tag", "\x1b[31m"]);
}

#[test]
fn a_search_that_finds_nothing_echoes_its_text_without_terminal_controls() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &[]);
    for args in [
        &["ticket", "list", "--search", "\x1b]0;title\x07 退款"][..],
        &["timeline", "--search", "\x1b]0;title\x07 退款"][..],
    ] {
        let out = desk.ok(args);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{args:?}: {out:?}");
        assert!(out.contains("退款"), "{args:?}: {out:?}");
    }
}

#[test]
fn a_query_whose_words_hold_nothing_to_search_for_is_refused() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕坏点", &[]);
    for expr in ["-", ",", "?", "kind:complaint ！", "“”"] {
        desk.invalid(&["ticket", "list", "--query", expr], "query", "");
    }
    desk.invalid(
        &["ticket", "list", "--query", "kind:complaint", "--search", "-"],
        "query",
        "-",
    );
    // A word beside the punctuation is searched for as before.
    assert_eq!(ids(&desk.json(&["ticket", "list", "--query", "坏点 -"])), [1]);
}

#[test]
fn shipped_views_carry_no_wall_clock_time_so_two_new_databases_are_alike() {
    // A creation stamp taken from the clock made two demos of one seed
    // differ whenever a second passed between them.
    let (one, two) = (Desk::new(), Desk::new());
    let shipped = |stamp: &str| {
        one.rows(&format!(
            "SELECT count(*) FROM views WHERE builtin IS NOT NULL AND {stamp}"
        ))[0][0]
            .clone()
    };
    assert_eq!(shipped("created_at = 0").as_deref(), Some("5"));
    assert_eq!(shipped("created_at <> 0").as_deref(), Some("0"));
    assert_eq!(one.dump(), two.dump());
}
