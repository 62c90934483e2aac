//! The dashboard: its read use case on a small hand-built database, the keys that open it
//! and page through months, when it reads again, and the screen at 120×40 and 80×24.

use crate::tui_support;

use chrono::{DateTime, Utc};
use frontdesk::app::msg::Msg;
use frontdesk::app::panes::PaneId;
use frontdesk::config::Config;
use frontdesk::domain::churn::ChurnReason;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::kpi::{Kpi, Ratio};
use frontdesk::domain::period::Month;
use frontdesk::service::dashboard::{self, Dashboard};
use frontdesk::service::surveys::SurveyInput;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, customers, setup, surveys, tickets};
use frontdesk::store::{OpenOptions, Store};
use tui_support::{App, seed, seed_dashboard};

fn app(width: u16, height: u16) -> App {
    app_in(frontdesk::i18n::Lang::En, width, height)
}

fn app_in(lang: frontdesk::i18n::Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed, seed_dashboard], width, height)
}

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

/// The month on screen and the month of the figures shown.
fn shown(app: &App) -> (Month, Option<Month>) {
    let screen = app.model.screens.dashboard().expect("the dashboard is open");
    (screen.month, screen.figures().map(|f| f.report.month))
}

fn figures(app: &App) -> &Dashboard {
    app.model
        .screens
        .dashboard()
        .and_then(|d| d.figures())
        .expect("figures")
}

// The read use case ------------------------------------------------------------------------

fn at(text: &str) -> Ctx {
    let mut ctx = Ctx::new("li", text.parse::<DateTime<Utc>>().unwrap());
    // Weeks and months in UTC, to count them by hand.
    ctx.settings.timezone = chrono_tz::Tz::UTC;
    ctx
}

fn open(store: &mut Store, when: &str, customer: &str, kind: &str) -> i64 {
    let input = TicketInput {
        customer: customer.into(),
        kind: kind.into(),
        subject: format!("{kind} of {when}"),
        channel: Some("phone".into()),
        ..Default::default()
    };
    tickets::add(store, &at(when), &input).unwrap().ticket.id
}

fn survey(store: &mut Store, when: &str, customer: &str, scores: [&str; 3]) {
    tui_support::add_survey(store, &at(when), customer, scores);
}

/// Now is Wednesday 14 October 2026, 12:00 UTC. Default policies: inquiries must be
/// answered within an hour, around the clock.
fn small_desk() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("desk.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &at("2026-08-01T00:00:00Z"), &Config::defaults()).unwrap();
    let mut add = |name: &str| {
        let input = CustomerInput {
            name: Some(name.into()),
            ..Default::default()
        };
        customers::add(&mut store, &at("2026-08-01T00:00:00Z"), &input)
            .unwrap()
            .code
    };
    let (alice, zhou) = (add("Alice"), add("周杰"));
    let alice = alice.as_str();
    // A: this week, answered in 20 minutes, resolved the same day.
    let a = open(&mut store, "2026-10-13T09:00:00Z", alice, "inquiry");
    tickets::reply(&mut store, &at("2026-10-13T09:20:00Z"), a, "ok", None).unwrap();
    tickets::resolve(&mut store, &at("2026-10-13T15:00:00Z"), a, None).unwrap();
    // B: last week, answered after three hours, still open.
    let b = open(&mut store, "2026-10-06T09:00:00Z", alice, "inquiry");
    tickets::reply(&mut store, &at("2026-10-06T12:00:00Z"), b, "late", None).unwrap();
    // C: opened in September, resolved last week without a reply (answered late, then).
    let c = open(&mut store, "2026-09-29T10:00:00Z", alice, "inquiry");
    tickets::resolve(&mut store, &at("2026-10-07T10:00:00Z"), c, None).unwrap();
    // Two complaints this month put 周杰 at risk.
    open(&mut store, "2026-10-02T10:00:00Z", &zhou, "complaint");
    open(&mut store, "2026-10-12T10:00:00Z", &zhou, "complaint");
    survey(&mut store, "2026-09-10T10:00:00Z", alice, ["1", "1", "1"]);
    survey(&mut store, "2026-10-08T10:00:00Z", alice, ["5", "5", "4"]);
    survey(&mut store, "2026-10-09T10:00:00Z", alice, ["3", "3", "3"]);
    (dir, store)
}

fn series(d: &Dashboard) -> Vec<(String, u64, u64, Ratio)> {
    d.weeks
        .iter()
        .map(|w| {
            (
                w.start.format("%m-%d").to_string(),
                w.opened,
                w.resolved,
                w.first_response,
            )
        })
        .collect()
}

fn ratio(hits: u64, total: u64) -> Ratio {
    Ratio { hits, total }
}

#[test]
fn the_use_case_gathers_the_month_its_weeks_and_the_customers_at_risk() {
    let (_dir, mut store) = small_desk();
    let ctx = at("2026-10-14T12:00:00Z");
    let october = dashboard::dashboard(&mut store, &ctx, month("2026-10")).unwrap();
    assert_eq!(october.report.month, month("2026-10"));
    assert_eq!(october.weeks.len(), dashboard::WEEKS);
    let weeks = series(&october);
    assert_eq!(weeks[0].0, "08-24", "eight weeks up to this one");
    assert_eq!(
        weeks[5..],
        [
            // C and the first complaint (Friday 2 October) opened.
            ("09-28".to_string(), 2, 0, ratio(0, 0)),
            // B opened and answered late; C resolved, so answered late too.
            ("10-05".to_string(), 1, 1, ratio(0, 2)),
            // A opened, answered in time and resolved; the second complaint.
            ("10-12".to_string(), 2, 1, ratio(1, 1)),
        ]
    );
    // Surveys by rounded mean score: 4.67 → 5 and 3 → 3; September's is not October's.
    assert_eq!(october.report.distribution, [0, 0, 1, 0, 1]);
    let backlog = october.report.kpi(Kpi::Backlog).unwrap();
    assert_eq!((backlog.value, backlog.previous), (Some(3.0), Some(1.0)));
    assert_eq!(october.as_of, ctx.now);
    // At risk now: Alice for her surveys (26 / 9 = 2.89 < 3), 周杰 for two complaints.
    let risks: Vec<(&str, &[ChurnReason])> = october
        .at_risk
        .iter()
        .map(|r| (r.customer.name.as_str(), r.warnings.as_slice()))
        .collect();
    assert!(
        matches!(
            risks[..],
            [
                ("Alice", [ChurnReason::LowSatisfaction { .. }]),
                ("周杰", [ChurnReason::Complaints { count: 2, .. }])
            ]
        ),
        "{risks:?}"
    );

    // The charts and the KPIs come from one read of the tickets: the same as read apart.
    let apart = frontdesk::service::report::weekly_of_month(&mut store, &ctx, month("2026-10"), dashboard::WEEKS);
    assert_eq!(october.weeks, apart.unwrap());
    let apart = frontdesk::service::report::monthly(&mut store, &ctx, month("2026-10")).unwrap();
    assert_eq!(october.report, apart);

    // September is seen from its end: C is opened and not yet answered or resolved, and
    // the complaint of 2 October is not there yet.
    let september = dashboard::dashboard(&mut store, &ctx, month("2026-09")).unwrap();
    let weeks = series(&september);
    assert_eq!(weeks.last().unwrap(), &("09-28".to_string(), 1, 0, ratio(0, 0)));
    assert_eq!(weeks[0].0, "08-10");
    assert_eq!(september.report.distribution, [1, 0, 0, 0, 0]);
    // A past month's weeks share the month's judging too: the same as read apart.
    let apart = frontdesk::service::report::weekly_of_month(&mut store, &ctx, month("2026-09"), dashboard::WEEKS);
    assert_eq!(september.weeks, apart.unwrap());
    // A month after the current one is refused, as by `report`.
    let err = dashboard::dashboard(&mut store, &ctx, month("2026-11")).unwrap_err();
    assert!(err.to_string().contains("month"), "{err}");
}

// Keys ---------------------------------------------------------------------------------------

#[test]
fn d_opens_the_current_month_and_brackets_page_through_months() {
    let mut app = app(120, 40);
    app.keys("d");
    assert_eq!(shown(&app), (month("2026-10"), Some(month("2026-10"))));
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("Dashboard 2026-10 (vs 2026-09)  ·  as of 17:30"),
        "{screen}"
    );
    assert!(screen.contains("陈静"), "the customer at risk is listed");
    // October's surveys: 5, 4.33 and 1.67 round to 5, 4 and 2.
    assert_eq!(figures(&app).report.distribution, [0, 1, 0, 1, 1]);

    app.keys("[");
    assert_eq!(shown(&app), (month("2026-09"), Some(month("2026-09"))));
    assert!(app.screen(120, 40).contains("Dashboard 2026-09 (vs 2026-08)"));
    // September's: 4.33 and 3.33.
    assert_eq!(figures(&app).report.distribution, [0, 0, 1, 1, 0]);
    app.keys("[");
    assert_eq!(shown(&app).0, month("2026-08"));

    app.keys("] ]");
    assert_eq!(shown(&app), (month("2026-10"), Some(month("2026-10"))));
    // Never beyond the month of now: it stays, and says why.
    app.keys("]");
    assert_eq!(shown(&app), (month("2026-10"), Some(month("2026-10"))));
    let message = app.model.message.as_ref().expect("a message");
    assert!(
        message.error && message.text.contains("2026-10 is the current month"),
        "{message:?}"
    );
}

#[test]
fn esc_goes_back_to_the_panes_with_the_cursor_kept() {
    let mut app = app(120, 40);
    app.keys("2 j j");
    let selected = app.model.queue.selected().map(|v| v.ticket.id);
    assert!(selected.is_some());
    // From a ticket page too: the dashboard takes the screen and the page closes.
    app.keys("<Enter>");
    assert!(app.model.screens.detail().is_some());
    app.keys("d");
    assert!(app.model.screens.detail().is_none() && app.model.screens.triage().is_none());
    assert!(app.model.screens.dashboard().is_some());
    app.keys("<Esc>");
    assert!(app.model.screens.dashboard().is_none());
    assert_eq!(app.model.focus, PaneId::Queue);
    assert_eq!(app.model.queue.selected().map(|v| v.ticket.id), selected);
    assert!(app.screen(120, 40).contains("Queue"), "the panes are back");
    // `q` leaves too, instead of quitting.
    app.keys("d q");
    assert!(app.model.screens.dashboard().is_none() && !app.model.quit);
}

#[test]
fn other_agents_writes_wait_their_turn_and_ctrl_r_reads_now() {
    let mut app = app(120, 40);
    app.keys("d");
    let before = figures(&app).report.distribution;
    // Another agent records a survey in the same second the dashboard was read.
    survey_elsewhere(&app);
    app.send(Msg::ExternalChange);
    let screen = app.model.screens.dashboard().unwrap();
    assert!(screen.stale, "marked for a later read");
    assert_eq!(
        figures(&app).report.distribution,
        before,
        "the last figures stay meanwhile"
    );
    app.keys("<C-r>");
    let mut after = before;
    after[4] += 1;
    assert_eq!(figures(&app).report.distribution, after);
    assert!(!app.model.screens.dashboard().unwrap().stale);
}

#[test]
fn the_palette_and_help_work_on_the_dashboard() {
    let mut app = app(120, 40);
    app.keys("d :").text("previous month");
    app.keys("<Enter>");
    assert_eq!(shown(&app).0, month("2026-09"));
    app.keys("?");
    let help: Vec<String> = app
        .model
        .help_doc()
        .lines
        .iter()
        .map(|line| line.iter().map(|p| p.text.as_str()).collect())
        .collect();
    let at = help.iter().position(|l| l == "Dashboard").expect("a Dashboard section");
    assert!(
        help[at..].iter().any(|l| l.contains("]") && l.contains("Next month")),
        "{help:?}"
    );
    app.keys("<Esc>");
    assert!(app.model.screens.help().is_none() && app.model.screens.dashboard().is_some());
}

// Screens ------------------------------------------------------------------------------------

#[test]
fn small_and_tiny_screens_never_panic() {
    for (width, height) in [
        (20, 6),
        (1, 1),
        (0, 0),
        (40, 12),
        (60, 20),
        (99, 29),
        (100, 30),
        (200, 60),
    ] {
        let mut app = app(width.max(1), height.max(1));
        app.keys("d");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
    }
}

#[test]
fn dashboard_screens() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app(width, height);
        app.keys("d");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("dashboard_{width}x{height}"), screen);
    }
}

#[test]
fn dashboard_screens_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let mut app = app_in(frontdesk::i18n::Lang::ZhCn, width, height);
        app.keys("d");
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("dashboard_zh_{width}x{height}"), screen);
    }
}

/// Under `NO_COLOR` not one cell is coloured, and the weekly bars still read: opened
/// solid, resolved hatched, both named by the legend.
#[test]
fn dashboard_without_colour_tells_the_bars_apart() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app(width, height);
        app.model.theme = app.model.theme.without_color();
        app.keys("d");
        let coloured = app
            .buffer(width, height)
            .content()
            .iter()
            .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
            .count();
        assert_eq!(coloured, 0, "NO_COLOR: not one coloured cell");
        let screen = app.screen(width, height);
        assert!(screen.contains("█ opened  ▒ resolved"), "{screen}");
        insta::assert_snapshot!(format!("dashboard_no_color_{width}x{height}"), screen);
    }
}

// Months already seen ----------------------------------------------------------------------

/// Marks the figures kept for `m` so that showing them again, instead of reading the month
/// anew, can be told apart: no real month has a hundred surveys of each score.
fn mark_kept(app: &mut App, m: Month) {
    let screen = app.model.screens.dashboard_mut().expect("the dashboard is open");
    let kept = screen.kept.get_mut(&m).expect("figures kept for the month");
    kept.report.distribution = [100; 5];
}

/// Another agent's survey now, all fives, for the first customer at risk on screen: it
/// changes the current month's figures.
fn survey_elsewhere(app: &App) {
    let mut other = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let input = SurveyInput {
        customer: figures(app).at_risk[0].customer.code.clone(),
        ticket: None,
        quality: "5".into(),
        response: "5".into(),
        communication: "5".into(),
        comment: None,
    };
    surveys::add(&mut other, &Ctx::new("wang", tui_support::now()), &input).unwrap();
}

#[test]
fn a_month_paged_back_to_is_shown_from_its_kept_figures() {
    let mut app = app(120, 40);
    app.keys("d [");
    assert_eq!(shown(&app), (month("2026-09"), Some(month("2026-09"))));
    mark_kept(&mut app, month("2026-10"));
    app.keys("]");
    assert_eq!(shown(&app), (month("2026-10"), Some(month("2026-10"))));
    assert_eq!(
        figures(&app).report.distribution,
        [100; 5],
        "nothing changed: the kept figures, not a new read"
    );
}

#[test]
fn a_write_that_changes_the_figures_drops_the_kept_month() {
    let mut app = app(120, 40);
    app.keys("d");
    let before = figures(&app).report.distribution;
    app.keys("[");
    mark_kept(&mut app, month("2026-10"));
    survey_elsewhere(&app);
    app.send(Msg::ExternalChange);
    app.keys("]");
    let mut after = before;
    after[4] += 1;
    assert_eq!(
        figures(&app).report.distribution,
        after,
        "read anew, with the new survey"
    );
    // September was read before the survey: it is no longer kept either.
    let screen = app.model.screens.dashboard().unwrap();
    assert_eq!(screen.kept.keys().copied().collect::<Vec<_>>(), [month("2026-10")]);
}

#[test]
fn a_write_that_cannot_change_them_keeps_the_month() {
    let mut app = app(120, 40);
    app.keys("d [");
    mark_kept(&mut app, month("2026-10"));
    let mut other = Store::open(&app.path, &OpenOptions::default()).unwrap();
    let ctx = Ctx::new("wang", tui_support::now());
    frontdesk::service::kb::add(&mut other, &ctx, "换屏流程", "先登记，再寄修。", None, None).unwrap();
    app.send(Msg::ExternalChange);
    app.keys("]");
    assert_eq!(figures(&app).report.distribution, [100; 5]);
    // `C-r` reads the month anew whatever was kept.
    app.keys("<C-r>");
    assert_ne!(figures(&app).report.distribution, [100; 5]);
}

#[test]
fn the_current_months_kept_figures_age_but_a_past_months_do_not() {
    let mut app = app(120, 40);
    app.keys("d [ ]");
    mark_kept(&mut app, month("2026-10"));
    mark_kept(&mut app, month("2026-09"));
    // A minute on, with nothing written: the current month's clocks may have run out since.
    app.model.now += chrono::Duration::seconds(60);
    app.keys("[");
    assert_eq!(figures(&app).report.distribution, [100; 5], "September holds");
    app.keys("]");
    assert_ne!(figures(&app).report.distribution, [100; 5], "October is read again");
}
