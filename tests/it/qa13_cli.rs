//! Issue #13 tried from the command line as a new user would (QA): text
//! typed with terminal controls in it is kept, found and echoed as it is
//! shown, and bare text with nothing to search for is refused.

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
