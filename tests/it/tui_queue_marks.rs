//! Marking tickets in the queue (`x`) keeps each marked row's SLA countdown whole: the
//! mark gets its own room before the countdown instead of pushing it out of its column.

use crate::tui_support::App;
use frontdesk::app::panes::queue::live_clock;
use frontdesk::i18n::Lang;
use frontdesk::i18n::urgency::countdown;

#[test]
fn a_marked_row_keeps_its_whole_countdown() {
    for lang in [Lang::En, Lang::ZhCn] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = App::new_in(lang, true, width, height);
            app.keys("2 g g x j x");
            assert_eq!(app.model.queue.marked.len(), 2);
            let screen = app.screen(width, height);
            for index in 0..2 {
                let (view, _) = app.model.queue.list.get(index).unwrap();
                let (_, left) = live_clock(view, app.model.now);
                let left = left.expect("the seeded tickets have a running clock");
                let clock = countdown(left, app.model.strings);
                // The mark, then the countdown right-aligned in its own cells.
                let shown = format!("✓ {clock:>7} ");
                assert!(
                    screen.lines().any(|line| line.contains(&shown)),
                    "{lang:?} {width}: `{shown}` for #{}\n{screen}",
                    view.ticket.id
                );
            }
        }
    }
}

/// After [`seed`]: the first ticket was decided on in triage, so the queue shows the
/// triaged mark before its status.
fn seed_triaged(store: &mut frontdesk::store::Store, _config: &frontdesk::config::Config) {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.execute("UPDATE tickets SET triaged_by = 'li', triaged_at = 0 WHERE id = 1", [])
        .unwrap();
}

/// A triaged ticket in the queue never costs the status column at 80 columns: the mark
/// takes a spare column when there is one and is otherwise cut with the status.
#[test]
fn a_triaged_mark_keeps_the_status_column_at_80_columns() {
    for lang in [Lang::En, Lang::ZhCn] {
        let s = lang.strings();
        let plain = App::seeded_in(lang, &[crate::tui_support::seed], 80, 24).screen(80, 24);
        assert!(plain.contains(s.col_status), "{lang:?}: status shown\n{plain}");
        let app = App::seeded_in(lang, &[crate::tui_support::seed, seed_triaged], 80, 24);
        let screen = app.screen(80, 24);
        assert!(screen.contains(s.triage.triaged_mark), "{lang:?}: the mark\n{screen}");
        assert!(screen.contains(s.col_status), "{lang:?}: status kept\n{screen}");
    }
}

/// `U` narrows the queue to untriaged tickets; its title says so for as long as it
/// does, in both languages, so the shorter list never passes for the whole queue.
#[test]
fn the_queue_title_says_when_it_shows_only_untriaged_tickets() {
    for (lang, title) in [(Lang::En, "Queue 3 · untriaged"), (Lang::ZhCn, "工单队列 3 · 未分诊")] {
        let mut app = App::seeded_in(lang, &[crate::tui_support::seed, seed_triaged], 120, 40);
        let all = app.model.queue.list.len();
        app.keys("2 U");
        assert_eq!(
            app.model.queue.list.len(),
            all - 1,
            "{lang:?}: the triaged ticket is hidden"
        );
        assert!(app.screen(120, 40).contains(title), "{lang:?}\n{}", app.screen(120, 40));
        app.keys("U");
        assert!(!app.screen(120, 40).contains(title), "{lang:?}: all again");
    }
}
