//! The agenda (issue #13): reminders in sections — today, upcoming, then
//! the overdue backlog counted until asked for — by the display zone's day,
//! filtered by reason and owner; through the service and the Reminders
//! view's keys, with its snapshots at 80×24 and 120×30 in both languages.

use crate::crm_support;
use crate::tui_support;

use crm_support::*;
use frontdesk::domain::agenda::{Filter, Owner, Section};
use frontdesk::domain::cadence::When;
use frontdesk::domain::enums::ReminderReason;
use frontdesk::i18n::Lang;
use frontdesk::service::agenda::{self, Agenda, Page};
use frontdesk::service::reminders::{self, ReminderInput, ReminderView};
use tui_support::App;

const EVERYTHING: Page = Page {
    limit: None,
    overdue: true,
};

fn agenda_of(app: &mut App, filter: &Filter, page: Page) -> Agenda {
    agenda::agenda(&mut app.driver.store, &app.driver.ctx, filter, page).unwrap()
}

fn add(app: &mut App, due: &str, note: &str) {
    let input = ReminderInput {
        customer: "C2026001".into(),
        ticket: None,
        due: due.into(),
        note: note.into(),
    };
    reminders::add(&mut app.driver.store, &app.driver.ctx, &input).unwrap();
}

fn view(app: &App) -> &frontdesk::app::reminders::Reminders {
    app.model.screens.reminders().expect("the Reminders view")
}

fn selected(app: &App) -> &ReminderView {
    view(app).selected().expect("a selected reminder")
}

fn title(app: &App, width: u16) -> String {
    app.screen(width, 30).lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn the_day_is_the_display_zones_at_its_boundaries() {
    let mut app = app(120, 40);
    // The team (SLA) works in Shanghai; this agent's days are New York's.
    app.driver.ctx.settings.timezone = chrono_tz::Asia::Shanghai;
    app.driver.ctx.settings.display_zone = chrono_tz::America::New_York;
    // 10:00 on Monday 5 October in New York (EDT, -04:00).
    app.driver.ctx.now = "2026-10-05T14:00:00Z".parse().unwrap();
    let cases = [
        // (typed due time, its section)
        ("2026-10-05 23:30", Section::Today),
        ("2026-10-06 00:10", Section::Upcoming),
        // Earlier today, already past: still today's work, not the backlog.
        ("2026-10-05 00:00", Section::Today),
        ("2026-10-05 09:59", Section::Today),
        ("2026-10-04 23:59", Section::Overdue),
        // The human forms, read in the same zone.
        ("today", Section::Today),
        ("tomorrow 10:00", Section::Upcoming),
        ("+2d", Section::Upcoming),
    ];
    for (i, (due, _)) in cases.iter().enumerate() {
        add(&mut app, due, &format!("boundary {i}"));
    }
    let all = agenda_of(&mut app, &Filter::default(), EVERYTHING);
    for (i, (due, want)) in cases.iter().enumerate() {
        let note = format!("boundary {i}");
        let row = all.rows.iter().find(|r| r.note == note).expect("listed");
        assert_eq!(row.section, *want, "{due}");
    }
    // 23:30 in New York is 11:30 the next day in Shanghai: by the team's
    // zone it would have been tomorrow's.
    let late = all.rows.iter().find(|r| r.note == "boundary 0").unwrap();
    assert_eq!(late.due_at.to_rfc3339(), "2026-10-06T03:30:00+00:00");
}

#[test]
fn sections_come_in_agenda_order_and_the_overdue_rows_only_when_asked() {
    let mut app = app(120, 40);
    let all = agenda_of(&mut app, &Filter::default(), EVERYTHING);
    let sections: Vec<Section> = all.rows.iter().map(|r| r.section).collect();
    let mut sorted = sections.clone();
    sorted.sort();
    assert_eq!(sections, sorted, "today, upcoming, then overdue");
    // Today and upcoming soonest first; overdue the most recently missed first.
    for pair in all.rows.windows(2).filter(|p| p[0].section == p[1].section) {
        if pair[0].section == Section::Overdue {
            assert!(pair[0].due_at >= pair[1].due_at);
        } else {
            assert!(pair[0].due_at <= pair[1].due_at);
        }
    }
    let first = agenda_of(&mut app, &Filter::default(), Page::default());
    assert_eq!(first.counts, all.counts, "the counts do not depend on what is listed");
    assert!(first.counts.overdue > 0 && first.counts.today > 0 && first.counts.upcoming > 0);
    assert!(first.rows.iter().all(|r| r.section != Section::Overdue));
    assert_eq!(first.rows.len(), all.counts.today + all.counts.upcoming);
    // A page: today's first.
    let page = Page {
        limit: Some(1),
        overdue: false,
    };
    let one = agenda_of(&mut app, &Filter::default(), page);
    assert_eq!(one.rows.len(), 1);
    assert_eq!(one.rows[0].section, Section::Today);
    assert_eq!(one.counts, all.counts);
}

#[test]
fn filters_by_reason_and_by_owner() {
    let mut app = app(120, 40);
    let all = reminders::list(&mut app.driver.store, &app.driver.ctx, When::All, &Filter::default()).unwrap();
    for reason in ReminderReason::ALL {
        let filter = Filter {
            reason: Some(*reason),
            owner: Owner::All,
        };
        let got = agenda_of(&mut app, &filter, EVERYTHING).rows;
        let want = all.iter().filter(|r| r.reason == *reason).count();
        assert_eq!(got.len(), want, "{reason}");
        assert!(got.iter().all(|r| r.reason == *reason), "{reason}");
    }
    // The seed's stored reminders and 陈静 (a customer) are wang's; the
    // other customers li's; no ticket is li's.
    let whose = |app: &mut App, owner: Owner| {
        let filter = Filter { reason: None, owner };
        agenda_of(app, &filter, EVERYTHING).rows
    };
    let wangs = whose(&mut app, Owner::Agent("wang".into()));
    assert!(wangs.iter().any(|r| r.reason == ReminderReason::Manual));
    assert!(wangs.iter().any(|r| r.customer_name == CHEN));
    assert!(wangs.iter().all(|r| r.reason != ReminderReason::Callback));
    let mine = whose(&mut app, Owner::Mine);
    assert!(!mine.is_empty());
    assert!(
        mine.iter()
            .all(|r| r.id.is_none() && r.reason != ReminderReason::Callback && r.customer_name != CHEN),
        "{mine:?}"
    );
    assert_eq!(wangs.len() + mine.len() + callbacks(&all), all.len());
    assert!(whose(&mut app, Owner::Agent("nobody".into())).is_empty());
    // The overdue count, made without their rows, honours the filter as the rows do.
    let filters = [
        (None, Owner::Mine),
        (None, Owner::Agent("wang".into())),
        (Some(ReminderReason::Cadence), Owner::All),
        (Some(ReminderReason::Manual), Owner::Agent("wang".into())),
    ];
    for (reason, owner) in filters {
        let filter = Filter { reason, owner };
        let listed = agenda_of(&mut app, &filter, EVERYTHING);
        let counted = agenda_of(&mut app, &filter, Page::default());
        assert_eq!(counted.counts, listed.counts, "{filter:?}");
        let overdue = listed.rows.iter().filter(|r| r.section == Section::Overdue).count();
        assert_eq!(counted.counts.overdue, overdue, "{filter:?}");
    }
}

/// Callbacks owed: the seed's tickets are nobody's.
fn callbacks(all: &[ReminderView]) -> usize {
    all.iter().filter(|r| r.reason == ReminderReason::Callback).count()
}

#[test]
fn tab_jumps_between_sections_and_b_lists_the_overdue_ones() {
    let mut app = app(120, 40);
    app.keys("m");
    assert_eq!(selected(&app).section, Section::Today);
    app.keys("<Tab>");
    assert_eq!(selected(&app).section, Section::Upcoming);
    // The overdue rows are not listed: round to today.
    app.keys("<Tab>");
    assert_eq!(selected(&app).section, Section::Today);
    app.keys("<S-Tab>");
    assert_eq!(selected(&app).section, Section::Upcoming);
    app.keys("b");
    assert!(view(&app).ask.overdue);
    assert_eq!(
        selected(&app).section,
        Section::Overdue,
        "b selects the first overdue row"
    );
    app.keys("<Tab>");
    assert_eq!(selected(&app).section, Section::Today);
    app.keys("<S-Tab> <S-Tab>");
    assert_eq!(selected(&app).section, Section::Upcoming);
    // Hidden again; the counts stay.
    app.keys("b");
    assert!(view(&app).rows.iter().all(|r| r.section != Section::Overdue));
    assert_eq!(view(&app).counts.overdue, 2);
    assert!(app.screen(120, 40).contains("Overdue · 2  (b shows them)"));
}

#[test]
fn f_cycles_the_reason_and_o_shows_mine_named_in_the_title() {
    let mut app = app(120, 30);
    app.keys("m");
    assert!(
        title(&app, 120).contains("all reasons · everyone's"),
        "{}",
        title(&app, 120)
    );
    app.keys("f");
    assert_eq!(view(&app).ask.reason, Some(ReminderReason::Cadence));
    assert!(
        title(&app, 120).contains("Keep in touch · everyone's"),
        "{}",
        title(&app, 120)
    );
    assert!(view(&app).rows.iter().all(|r| r.reason == ReminderReason::Cadence));
    app.keys("f");
    assert_eq!(view(&app).ask.reason, Some(ReminderReason::Callback));
    assert!(view(&app).rows.iter().all(|r| r.reason == ReminderReason::Callback));
    // Round the six reasons back to all.
    app.keys("f f f f f");
    assert_eq!(view(&app).ask.reason, None);
    app.keys("O");
    assert!(
        title(&app, 120).contains("all reasons · mine (li)"),
        "{}",
        title(&app, 120)
    );
    let mine = view(&app).rows.clone();
    assert!(!mine.is_empty() && mine.iter().all(|r| r.id.is_none() && r.customer_name != CHEN));
    app.keys("O");
    assert!(view(&app).rows.len() > mine.len());
    // The filter outlives a reload (a contact made here, C-r).
    app.keys("f O <C-r>");
    assert_eq!(view(&app).ask.reason, Some(ReminderReason::Cadence));
    assert!(view(&app).ask.mine);
}

/// The title names the reason and owner shown; the footer at 120 columns
/// names the keys that change them, in both languages.
#[test]
fn the_footer_names_the_filter_keys() {
    for (lang, wanted) in [
        (Lang::En, ["f Filter by reason", "O Mine or everyone's"]),
        (Lang::ZhCn, ["f 按原因筛选", "O 我的/全部"]),
    ] {
        let mut app = app_in(lang, 120, 30);
        app.keys("m");
        let screen = app.screen(120, 30);
        let footer = screen.lines().last().unwrap_or_default();
        for key in wanted {
            assert!(footer.contains(key), "{key} in {footer}");
        }
    }
}

#[test]
fn agenda_snapshots() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::ZhCn, "zh")] {
        for (width, height) in [(80, 24), (120, 30)] {
            let mut app = app_in(lang, width, height);
            app.keys("m");
            insta::assert_snapshot!(format!("agenda_{tag}_{width}x{height}"), app.screen(width, height));
            app.keys("b f");
            insta::assert_snapshot!(
                format!("agenda_{tag}_{width}x{height}_overdue_cadence"),
                app.screen(width, height)
            );
        }
    }
}
