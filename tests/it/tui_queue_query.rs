//! The queue's `/` in the filter language: terms narrow the list through
//! the worker's query, a bad term is told under the list with the text
//! kept and the last good result shown, words find text in descriptions
//! and interactions with the matching text shown, `<C-t>` looks at every
//! ticket, and `Esc` clears it all.

use crate::tui_support;

use frontdesk::i18n::Lang;
use tui_support::{App, seed};

fn subjects(app: &App) -> Vec<String> {
    (0..app.model.queue.list.len())
        .filter_map(|i| app.model.queue.list.get(i).map(|(v, _)| v.ticket.subject.clone()))
        .collect()
}

#[test]
fn terms_narrow_the_queue_and_a_bad_term_keeps_the_text_and_the_list() {
    let mut app = App::seeded(&[seed], 120, 40);
    assert_eq!(app.model.queue.list.len(), 4);
    app.keys("2 /").text("kind:repair");
    assert_eq!(subjects(&app), ["打印机无法开机，需要上门维修"]);
    assert_eq!(app.model.queue.query.error, None);
    // Either of two kinds, and a negation.
    app.keys("<C-u>").text("kind:repair,complaint -assignee:none");
    assert_eq!(subjects(&app), ["打印机无法开机，需要上门维修"]);
    app.keys("<C-u>").text("priority:>=high sort:priority");
    assert_eq!(
        subjects(&app),
        ["产品质量问题：屏幕有坏点", "打印机无法开机，需要上门维修"]
    );
    // A slip: told, naming the term and the nearest key; nothing else moves.
    // Until the colon it is a word searched for; the colon makes it a key.
    app.text(" prority");
    let before = subjects(&app);
    app.text(":low");
    let error = app.model.queue.query.error.clone().unwrap_or_default();
    assert!(
        error.starts_with("no key “prority”") && error.contains("priority"),
        "{error}"
    );
    assert_eq!(
        app.model.queue.queue_expression(),
        "priority:>=high sort:priority prority:low"
    );
    assert_eq!(subjects(&app), before, "the last good result stays");
    let screen = app.screen(120, 40);
    assert!(screen.contains("prority:low"), "{screen}");
    // Mended, the error goes.
    for _ in 0.." prority:low".len() {
        app.keys("<Backspace>");
    }
    assert_eq!(app.model.queue.query.error, None);
    // Esc: the whole queue again, nothing typed.
    app.keys("<Esc>");
    assert_eq!(app.model.queue.list.len(), 4);
    assert_eq!(app.model.queue.queue_expression(), "");
}

#[test]
fn words_find_the_text_of_interactions_with_its_snippet() {
    let mut app = App::seeded(&[seed], 120, 40);
    // 工程师 is only in a reply on 张三's complaint.
    app.keys("2 /").text("工程师");
    assert_eq!(subjects(&app), ["产品质量问题：屏幕有坏点"]);
    let snippet = app.model.queue.selected_snippet().unwrap_or_default().to_string();
    assert!(snippet.contains("工程师"), "{snippet:?}");
    assert!(app.screen(120, 40).contains("工程师"));
    // Names still match as before: the local match over the queue's rows.
    app.keys("<C-u>").text("zhangsan");
    assert_eq!(subjects(&app), ["产品质量问题：屏幕有坏点"]);
}

#[test]
fn ctrl_t_looks_at_every_ticket_and_says_so_in_the_title() {
    let mut app = App::seeded(&[seed], 120, 40);
    app.keys("2 /").text("status:closed");
    assert!(subjects(&app).is_empty(), "nothing is closed yet");
    app.keys("<C-u> <C-t>");
    assert!(app.model.queue.query.all_tickets);
    assert!(app.screen(120, 40).contains("all tickets"));
    assert_eq!(app.model.queue.list.len(), 4);
    app.keys("<Esc>");
    assert!(!app.model.queue.query.all_tickets);
    assert!(!app.screen(120, 40).contains("all tickets"));
}

#[test]
fn snapshots_of_a_bad_term() {
    let mut app = App::seeded(&[seed], 80, 24);
    app.keys("2 /").text("kind:complaint sla:late");
    insta::assert_snapshot!("queue_query_error_80x24", app.screen(80, 24));
    let mut app = App::seeded_in(Lang::ZhCn, &[seed], 80, 24);
    app.keys("2 /").text("kind:complaint sla:late");
    insta::assert_snapshot!("queue_query_error_zh_cn_80x24", app.screen(80, 24));
}

/// Under the input the typed term is already in view: the line under the
/// list starts with why it cannot be read, so the nearest key still fits
/// at 80 columns, in English and in Chinese.
#[test]
fn a_bad_term_at_80_columns_shows_the_nearest_key() {
    for (lang, nearest) in [
        (Lang::En, "did you mean “priority”"),
        (Lang::ZhCn, "是否要用“priority”"),
    ] {
        let mut app = App::seeded_in(lang, &[seed], 80, 24);
        app.keys("2 /").text("prority:low");
        let screen = app.screen(80, 24);
        assert!(screen.contains(nearest), "{screen}");
        assert!(screen.contains("/prority:low"), "the text stays as typed: {screen}");
        // The key that looks at resolved and closed tickets too is named.
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains("C-t "), "{footer}");
        // The customer filter has no tickets to widen: no C-t there.
        app.keys("<Esc> <Esc> 1 /").text("zs");
        let screen = app.screen(80, 24);
        let footer = screen.lines().last().unwrap_or_default();
        assert!(!footer.contains("C-t "), "{footer}");
    }
}

/// More tickets than the queue's `/` lists: 700 sample tickets, every
/// status asked for. The title says the first 500 are shown of more, not
/// that 500 match.
#[test]
fn a_query_past_the_limit_says_there_are_more() {
    fn many(store: &mut frontdesk::store::Store, config: &frontdesk::config::Config) {
        let sizes = frontdesk::service::demo::Sizes {
            customers: 40,
            tickets: 700,
            interactions: 50,
        };
        let ctx = frontdesk::service::Ctx::new("li", tui_support::now());
        frontdesk::service::demo::generate(store, &ctx, config, sizes, 1).unwrap();
    }
    let mut app = App::seeded(&[many], 120, 30);
    app.keys("2 /").text("status:new,open,pending,resolved,closed");
    assert_eq!(
        app.model.queue.list.len(),
        frontdesk::app::panes::queue_query::FIND_LIMIT
    );
    let screen = app.screen(120, 30);
    assert!(screen.contains(" 500+/"), "{screen}");
    // Fewer than the limit: the count as it is.
    app.keys("<C-u>").text("status:new");
    assert!(!app.screen(120, 30).contains("+/"));
}
