//! The queue's views bar: F1…F9 select a saved view, `[` `]` move through
//! them (round to the queue), each view shows its live count, and the queue
//! shows the selected view's tickets; snapshots in English and Chinese.

use crate::tui_support::{App, seed};
use frontdesk::i18n::Lang;

fn shown(app: &App) -> Vec<i64> {
    app.model.queue.list.rows().iter().map(|v| v.ticket.id).collect()
}

/// The seed's agent is `li`, who has no ticket; only 李四's repair (3) is
/// assigned, 欧阳娜娜's request (4) waits on her, and the three others are
/// past their first-response time. No complaint was opened this week.
#[test]
fn f_keys_select_a_view_and_brackets_cycle_back_to_the_queue() {
    let mut app = App::new(true, 120, 30);
    app.keys("2");
    let mut queue = shown(&app);
    queue.sort_unstable();
    assert_eq!(queue.len(), 4);
    let steps: &[(&str, usize, &[i64])] = &[
        ("<F2>", 2, &[1, 2, 4]),
        ("]", 3, &[1, 2, 3]),
        ("]", 4, &[4]),
        ("[ [", 2, &[1, 2, 4]),
        ("<F1>", 1, &[]),
        ("[", 0, &[]),
        ("[", 5, &[]),
        ("]", 0, &[]),
    ];
    for (keys, selected, ids) in steps {
        app.keys(keys);
        assert_eq!(app.model.views.selected, *selected, "after {keys}");
        let want = if *selected == 0 { queue.clone() } else { ids.to_vec() };
        let mut got = shown(&app);
        got.sort_unstable();
        assert_eq!(got, want, "after {keys}");
    }
    // No ninth view: F9 leaves the queue as it is.
    app.keys("<F9>");
    assert_eq!(app.model.views.selected, 0);
}

#[test]
fn the_bar_shows_every_view_with_its_count() {
    for (lang, counts) in [
        (
            Lang::En,
            [
                "Queue 4",
                "My queue 0",
                "Unassigned 3",
                "Breached 3",
                "Waiting on customer 1",
                "Complaints this week 0",
            ],
        ),
        (
            Lang::ZhCn,
            [
                "工单队列 4",
                "我的工单 0",
                "未指派 3",
                "已超时 3",
                "等待客户 1",
                "本周投诉 0",
            ],
        ),
    ] {
        // The bar starts late enough to show the view selected: the
        // first view, then the last, show every entry between them.
        let mut app = App::new_in(lang, true, 200, 30);
        let first = app.keys("2 <F1>").screen(200, 30);
        let last = app.keys("<F5>").screen(200, 30);
        for count in counts {
            assert!(
                first.contains(count) || last.contains(count),
                "{lang:?}: {count}\n{first}\n{last}"
            );
        }
    }
}

/// A view removed by another agent while selected: the next reload shows
/// the queue again.
#[test]
fn a_view_removed_elsewhere_gives_back_the_queue() {
    let mut app = App::new(true, 120, 30);
    app.keys("2 <F4>");
    assert_eq!(shown(&app), [4]);
    let conn = rusqlite::Connection::open(&app.path).unwrap();
    conn.execute("DELETE FROM views WHERE builtin = 'waiting'", []).unwrap();
    app.send(frontdesk::app::msg::Msg::ExternalChange);
    assert!(app.model.views.on_queue());
    assert_eq!(shown(&app).len(), 4);
    assert_eq!(app.model.views.views.len(), 4);
}

#[test]
fn snapshots_of_the_queue_on_a_view() {
    for lang in [Lang::En, Lang::ZhCn] {
        for (width, height) in [(80, 24), (120, 30)] {
            let mut app = App::seeded_in(lang, &[seed], width, height);
            app.keys("2 <F2>");
            let tag = if lang == Lang::En { "" } else { "_zh" };
            let screen = app.screen(width, height);
            // The bar shows the last view or ends in '…': views left out of
            // a narrow bar are never silently missing.
            let last = if lang == Lang::En {
                "Complaints this week 0"
            } else {
                "本周投诉 0"
            };
            let bar = screen.lines().nth(2).unwrap_or_default();
            assert!(bar.contains(last) || bar.contains('…'), "{bar}");
            insta::assert_snapshot!(format!("views_bar{tag}_{width}x{height}"), screen);
        }
    }
}

/// The queue's `/` narrows within the view shown, not the whole queue.
#[test]
fn the_filter_narrows_within_the_view() {
    let mut app = App::new(true, 120, 30);
    app.keys("2 <F2> /").text("Alice");
    assert_eq!(app.model.queue.list.len(), 1);
    assert_eq!(app.model.queue.selected().map(|v| v.ticket.id), Some(2));
    // Alice's inquiry is in the queue, not in the view of tickets waiting
    // on the customer.
    app.keys("<Esc> <Esc> <F4> /").text("Alice");
    assert_eq!(app.model.queue.list.len(), 0);
    app.keys("<Esc> /").text("欧阳");
    assert_eq!(app.model.queue.list.len(), 1);
}

/// Terms typed in `/` narrow the view shown too: the query runs on the
/// view's expression followed by the typed text, and leaving the view
/// applies the text to the queue again.
#[test]
fn terms_typed_in_the_filter_narrow_the_view() {
    let mut app = App::new(true, 120, 30);
    app.keys("2 <F4> /").text("kind:request");
    assert_eq!(shown(&app), [4]);
    // The repair (3) is in the queue but does not wait on its customer.
    app.keys("<C-u>").text("kind:repair");
    let repair = app.model.queue.list.len();
    app.keys("<Enter>");
    assert_eq!(repair, 0, "the view's terms were dropped");
    // Past the last view, round to the queue.
    app.keys("] ]");
    assert!(app.model.views.on_queue());
    assert!(
        shown(&app).contains(&3),
        "back on the queue the text applies to it: {:?}",
        shown(&app)
    );
}

/// Another agent's write reloads the queue, and the counts and the view's
/// tickets with it.
#[test]
fn counts_and_the_view_follow_a_change_made_elsewhere() {
    let mut app = App::new(true, 200, 30);
    app.keys("2 <F1>");
    assert!(shown(&app).is_empty());
    let conn = rusqlite::Connection::open(&app.path).unwrap();
    conn.execute("UPDATE tickets SET assignee = 'li' WHERE id = 2", [])
        .unwrap();
    app.send(frontdesk::app::msg::Msg::ExternalChange);
    assert_eq!(shown(&app), [2]);
    let screen = app.screen(200, 30);
    assert!(
        screen.contains("My queue 1") && screen.contains("Unassigned 2"),
        "{screen}"
    );
}

/// The palette over the queue names the view rows after their views: a
/// view's name, in the interface language, finds the row that shows it
/// (below any customer the words happen to match, as records come first).
#[test]
fn the_palette_jumps_to_a_view_by_name() {
    let cases = [
        (
            Lang::En,
            "waiting on customer",
            "View 4 · Waiting on customer",
            "View 6",
        ),
        (Lang::ZhCn, "等待客户", "视图 4 · 等待客户", "视图 6"),
    ];
    for (lang, typed, label, missing) in cases {
        let mut app = App::new_in(lang, true, 120, 30);
        app.keys("2 :").text(typed);
        let palette = app.model.screens.palette().expect("the palette");
        let labels: Vec<&str> = (0..palette.list.len())
            .filter_map(|i| palette.list.get(i))
            .map(|(item, _)| item.label.as_str())
            .collect();
        let at = labels.iter().position(|l| *l == label);
        let Some(at) = at else {
            panic!("{lang:?}: {label} in {labels:?}")
        };
        // No sixth view: no row for F6.
        assert!(
            palette.list.rows().iter().all(|i| !i.label.starts_with(missing)),
            "{lang:?}"
        );
        for _ in 0..at {
            app.keys("<Down>");
        }
        app.keys("<Enter>");
        assert_eq!(app.model.views.selected, 4, "{lang:?}");
        assert_eq!(shown(&app), [4]);
    }
}
