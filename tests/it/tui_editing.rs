//! Snapshots of editing in the terminal UI at 80×24 and 120×40, in English
//! and Chinese: a ticket's edit form holding a description of several lines
//! from `$EDITOR`, a resolved status asking for its summary, and `e` on a
//! timeline interaction.

use crate::tui_snapshots::each_size;
use frontdesk::app::msg::Msg;

/// The edit form of the queue's first ticket, its description written in
/// the editor: the lines stay lines.
#[test]
fn edit_form_with_a_long_description() {
    each_size("edit_ticket_lines", |app| {
        app.keys("2 g g e");
        // Past priority, status, assignee, department, category, subject, kind.
        app.keys(&["<Tab>"; 7].join(" "));
        app.send(Msg::EditorDone(Ok(
            "客户反映屏幕有坏点。\nThe dead pixel is near the top left corner.\n\n已约定周三上门更换屏幕。\n".into(),
        )));
    });
}

/// Status set to resolved and saved without saying how: the summary field
/// is marked and has the keyboard.
#[test]
fn resolved_asks_for_the_summary() {
    each_size("resolve_summary", |app| {
        app.keys("2 g g s r <C-s>");
    });
}

/// `e` on 张三's newest timeline line, an interaction: its text in a form.
#[test]
fn e_on_a_timeline_interaction() {
    each_size("edit_interaction", |app| {
        app.keys("1 / z s <Enter> 3 e");
    });
}
