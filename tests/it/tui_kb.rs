//! The knowledge base in the terminal UI, driven by keys through the same
//! driver as the event loop on a temporary database: `<C-k>` in a reply or
//! a note inserts an article and counts its use once when saved, Esc leaves
//! the form as it was, and the `K` screen browses, searches, reads and adds
//! articles. Snapshots at 80×24 and 120×40, in English and in Chinese.

use crate::tui_support::{self, App, ZH_SIZES, now};

use frontdesk::app::forms::FormKind;
use frontdesk::app::screens::Kind;
use frontdesk::config::Config;
use frontdesk::i18n::Lang;
use frontdesk::service::{Ctx, kb, tickets};
use frontdesk::store::Store;

/// Three articles; the refund script is the most used.
fn seed_kb(store: &mut Store, _: &Config) {
    let ctx = Ctx::new("li", now());
    let articles = [
        (
            "退款流程",
            "您好，退款将在三个工作日内原路退回。\n如有疑问请随时联系我们。",
            "script",
            "退款,售后",
        ),
        (
            "How to reset a password",
            "Open Settings, choose Security, then Reset password.",
            "faq",
            "account",
        ),
        (
            "屏幕坏点处理",
            "请提供购买凭证和坏点照片，我们会安排换新。",
            "case",
            "质量,换货",
        ),
    ];
    for (title, body, kind, tags) in articles {
        kb::add(store, &ctx, title, body, Some(kind), Some(tags)).unwrap();
    }
    // The refund script was used twice before.
    for _ in 0..2 {
        tickets::reply_with(store, &ctx, 1, None, None, Some(1)).unwrap();
    }
}

fn app(width: u16, height: u16) -> App {
    App::seeded(&[tui_support::seed, seed_kb], width, height)
}

fn used(app: &mut App, id: i64) -> i64 {
    kb::get(&mut app.driver.store, id).unwrap().used_count
}

/// The ticket of the reply or note open now.
fn form_ticket(app: &App) -> i64 {
    match app.model.screens.form().map(|f| f.kind) {
        Some(FormKind::Reply { ticket } | FormKind::Note { ticket }) => ticket,
        other => panic!("no reply or note open: {other:?}"),
    }
}

fn last_text(app: &mut App, ticket: i64) -> String {
    let detail = tickets::detail(&mut app.driver.store, &Ctx::new("li", now()), ticket).unwrap();
    let last = detail.interactions.iter().max_by_key(|i| i.id).unwrap();
    last.summary.clone()
}

#[test]
fn an_article_inserted_into_a_reply_is_in_its_text_and_counted_once() {
    let mut app = app(120, 40);
    app.keys("2 g g r").text("您好，");
    let ticket = form_ticket(&app);
    app.keys("<C-k>");
    assert_eq!(app.model.screens.top_kind(), Kind::KnowledgePick);
    app.text("退款").keys("<Enter>");
    assert_eq!(app.model.screens.top_kind(), Kind::Form);
    let form = app.model.screens.form().unwrap();
    assert_eq!(
        form.value("summary"),
        "您好，\n\n您好，退款将在三个工作日内原路退回。\n如有疑问请随时联系我们。"
    );
    // Previewed and inserted, not yet counted.
    assert_eq!(used(&mut app, 1), 2);
    // The same article twice, and another one: each counted once.
    app.keys("<C-k>")
        .text("退款")
        .keys("<Enter> <C-k>")
        .text("坏点")
        .keys("<Enter>");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    assert_eq!(used(&mut app, 1), 3);
    assert_eq!(used(&mut app, 3), 1);
    assert_eq!(used(&mut app, 2), 0);
    let text = last_text(&mut app, ticket);
    assert!(
        text.starts_with("您好，\n\n您好，退款") && text.ends_with("我们会安排换新。"),
        "{text}"
    );
}

#[test]
fn a_note_counts_its_article_too() {
    let mut app = app(120, 40);
    app.keys("2 g g i");
    let ticket = form_ticket(&app);
    // Most used first, then oldest: the second row is the password FAQ.
    app.keys("<C-k> <Down> <Enter> <C-s>");
    assert_eq!((used(&mut app, 1), used(&mut app, 2), used(&mut app, 3)), (2, 1, 0));
    assert_eq!(
        last_text(&mut app, ticket),
        "Open Settings, choose Security, then Reset password."
    );
}

#[test]
fn esc_leaves_the_form_as_it_was_and_counts_nothing() {
    let mut app = app(120, 40);
    app.keys("2 g g r").text("稍等");
    app.keys("<C-k>").text("password").keys("<Down> <Esc>");
    let form = app.model.screens.form().expect("back in the form");
    assert_eq!(form.value("summary"), "稍等");
    assert!(form.articles.is_empty());
    app.keys("<C-s>");
    assert_eq!((used(&mut app, 1), used(&mut app, 2), used(&mut app, 3)), (2, 0, 0));
}

#[test]
fn a_search_that_finds_nothing_inserts_nothing() {
    let mut app = app(120, 40);
    app.keys("2 g g r").text("x");
    app.keys("<C-k>").text("没有这种文章").keys("<Enter>");
    assert_eq!(app.model.screens.top_kind(), Kind::KnowledgePick, "the search stays");
    assert!(
        app.screen(120, 40)
            .contains("No article holds every word of “没有这种文章”.")
    );
    app.keys("<Esc>");
    assert_eq!(app.model.screens.form().unwrap().value("summary"), "x");
}

#[test]
fn ctrl_k_in_other_forms_still_cuts_to_the_end_of_the_line() {
    let mut app = app(120, 40);
    app.keys("2 g g a").text("wang.li");
    app.keys("<Home> <Right> <Right> <Right> <Right> <C-k>");
    assert_eq!(app.model.screens.top_kind(), Kind::Form);
    assert_eq!(app.model.screens.form().unwrap().value("assignee"), "wang");
}

#[test]
fn the_screen_browses_searches_reads_and_adds() {
    let mut app = app(120, 40);
    app.keys("K");
    assert_eq!(app.model.screens.top_kind(), Kind::Knowledge);
    let titles = |app: &App| -> Vec<String> {
        let k = app.model.screens.knowledge().unwrap();
        k.articles.iter().map(|a| a.title.clone()).collect()
    };
    assert_eq!(titles(&app)[0], "退款流程", "most used first");
    // `/` searches as typed; Enter gives the list the keys back.
    app.keys("/").text("password").keys("<Enter>");
    assert_eq!(titles(&app), ["How to reset a password"]);
    // Enter reads it whole; Esc goes back to the list, Esc again clears the search.
    app.keys("<Enter>");
    assert!(app.screen(120, 40).contains("Open Settings, choose Security"));
    app.keys("<Esc>");
    assert!(app.model.screens.knowledge().unwrap().reading.is_none());
    app.keys("/ <Esc>");
    assert_eq!(titles(&app).len(), 3);
    // `n` adds one: title, kind (s: script), tags, text.
    app.keys("n").text("催单话术");
    app.keys("<Tab> s <Tab>")
        .text("物流")
        .keys("<Tab>")
        .text("已为您催促物流，请耐心等待。");
    app.keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "saved");
    let all = titles(&app);
    assert_eq!(all.len(), 4);
    assert!(all.contains(&"催单话术".to_string()));
    let added = kb::get(&mut app.driver.store, 4).unwrap();
    assert_eq!(
        (added.kind.key(), added.tags.clone(), added.body.as_str()),
        ("script", vec!["物流".to_string()], "已为您催促物流，请耐心等待。")
    );
    // Esc leaves for the panes.
    app.keys("<Esc>");
    assert_eq!(app.model.screens.top_kind(), Kind::Main);
}

#[test]
fn an_article_without_a_title_is_refused_at_its_field() {
    let mut app = app(120, 40);
    app.keys("K n <Tab> <Tab> <Tab>").text("正文");
    app.keys("<C-s>");
    let form = app.model.screens.form().expect("still open");
    assert_eq!(form.focused().unwrap().key, "title");
    assert!(form.focused().unwrap().error.is_some());
    assert_eq!(app.model.screens.knowledge().unwrap().articles.len(), 3);
}

/// `scene` on the seeded database with articles, in English at both sizes
/// and in Chinese (`{name}_zh_…`).
fn each_size(name: &str, scene: impl Fn(&mut App)) {
    let runs = [(80, 24), (120, 40)].into_iter().map(|size| (Lang::En, "", size));
    for (lang, tag, (width, height)) in runs.chain(ZH_SIZES.into_iter().map(|size| (Lang::ZhCn, "_zh", size))) {
        let mut app = App::seeded_in(lang, &[tui_support::seed, seed_kb], width, height);
        scene(&mut app);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}{tag}_{width}x{height}"), screen);
    }
}

#[test]
fn snapshot_the_knowledge_base_screen() {
    each_size("kb_screen", |app| {
        app.keys("K");
    });
}

#[test]
fn snapshot_an_article_read_whole() {
    each_size("kb_article", |app| {
        app.keys("K <Enter>");
    });
}

#[test]
fn snapshot_the_search_over_a_reply() {
    each_size("kb_pick", |app| {
        app.keys("2 g g r").text("您好，");
        app.keys("<C-k>").text("退款");
    });
}

#[test]
fn snapshot_the_new_article_form() {
    each_size("kb_new_article", |app| {
        app.keys("K n").text("催单话术").keys("<Tab> s <Tab>").text("物流,售后");
    });
}

#[test]
fn the_palette_opens_the_knowledge_base() {
    let mut app = app(120, 40);
    app.keys(":").text("knowledge").keys("<Enter>");
    assert_eq!(app.model.screens.top_kind(), Kind::Knowledge);
    let mut zh = App::seeded_in(Lang::ZhCn, &[tui_support::seed, seed_kb], 120, 40);
    zh.keys(":").text("知识库").keys("<Enter>");
    assert_eq!(zh.model.screens.top_kind(), Kind::Knowledge);
}

#[test]
fn a_draft_keeps_its_inserted_articles_until_saved() {
    let mut app = app(120, 40);
    app.keys("2 g g r <C-k>").text("坏点").keys("<Enter> <Esc>");
    assert!(app.model.screens.form().is_none(), "kept as a draft");
    assert_eq!(used(&mut app, 3), 0);
    app.keys("r");
    assert_eq!(app.model.screens.form().unwrap().articles, [3]);
    app.keys("<C-s>");
    assert_eq!(used(&mut app, 3), 1);
}

#[test]
fn the_selected_article_stays_in_sight_when_the_screen_shrinks() {
    let mut app = app(120, 40);
    app.keys("K G");
    app.send(frontdesk::app::msg::Msg::Resize(80, 8));
    let k = app.model.screens.knowledge().unwrap();
    assert_eq!((k.cursor.selected, k.cursor.offset), (2, 1), "two rows shown");
    assert!(app.screen(80, 8).contains("屏幕坏点处理"));
}
