//! Render snapshots of the terminal UI at 80×24 and 120×40: the main
//! screen, a ticket, a form with an error, help, the customer card and the
//! welcome of an empty database; each also in Chinese (`…_zh_…`) at both
//! sizes. The data is made through the services on a
//! temporary file with a fixed clock, and the model is driven by keys
//! through the same driver the event loop uses, so every run draws the
//! same screens.

use crate::tui_support;

use frontdesk::i18n::Lang;
use tui_support::{App, ZH_SIZES};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The scene `prepare` makes on the seeded database, in English and in
/// Chinese (`{name}_zh_{size}`) at each size.
pub fn each_size(name: &str, prepare: impl Fn(&mut App)) {
    let runs = SIZES.iter().map(|size| (Lang::En, "", *size));
    for (lang, tag, (width, height)) in runs.chain(ZH_SIZES.iter().map(|size| (Lang::ZhCn, "_zh", *size))) {
        let mut app = App::new_in(lang, true, width, height);
        prepare(&mut app);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}{tag}_{width}x{height}"), screen);
    }
}

#[test]
fn main_screen() {
    each_size("main", |_| {});
}

#[test]
fn main_screen_filtered_by_pinyin() {
    each_size("filter_pinyin", |app| {
        app.keys("/ z s");
    });
}

#[test]
fn ticket_page() {
    each_size("ticket", |app| {
        // The queue's first ticket: the most overdue one.
        app.keys("2 g g <Enter>");
    });
}

#[test]
fn form_with_an_error() {
    each_size("form_error", |app| {
        app.keys("1 n").text("赵六");
        app.keys("<Tab> <Tab> <Tab> <Tab>").text("12");
        app.keys("<Tab>");
    });
}

/// A reply saved empty: its text is marked, named as a reply's content
/// (内容), not a summary.
#[test]
fn reply_saved_empty() {
    each_size("reply_empty", |app| {
        app.keys("2 g g <Enter> r <C-s>");
    });
}

#[test]
fn help() {
    each_size("help", |app| {
        app.keys("?");
    });
}

/// 张三's complaint: a reply, a note, and a met first response.
#[test]
fn ticket_page_with_history() {
    each_size("ticket_history", |app| {
        app.keys("2 / z h a n g <Enter> <Enter>");
    });
}

#[test]
fn customer_card() {
    each_size("card", |app| {
        app.keys("1 / z s <Enter> <Enter>");
    });
}

#[test]
fn palette() {
    each_size("palette", |app| {
        app.keys(":").text("rep");
    });
}

#[test]
fn welcome_on_an_empty_database() {
    for (width, height) in SIZES {
        let app = App::new(false, width, height);
        insta::assert_snapshot!(format!("welcome_{width}x{height}"), app.screen(width, height));
    }
    for (width, height) in ZH_SIZES {
        let app = App::new_in(Lang::ZhCn, false, width, height);
        insta::assert_snapshot!(format!("welcome_zh_{width}x{height}"), app.screen(width, height));
    }
}

/// Where `text` starts on screen, in cells.
fn find(buffer: &ratatui::buffer::Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(at) = row.find(text) {
            return (row[..at].chars().count() as u16, y);
        }
    }
    panic!("{text} is not on screen");
}

#[test]
fn colours_come_from_the_theme_and_no_color_drops_them() {
    use frontdesk::app::theme::Role;
    let mut app = App::new(true, 120, 40);
    let buffer = app.buffer(120, 40);
    let (x, y) = find(&buffer, "-19h00m");
    let breached = app.model.theme.style(Role::Breached);
    assert_eq!(buffer[(x, y)].fg, breached.fg.unwrap());
    app.model.theme = app.model.theme.without_color();
    let plain = app.buffer(120, 40);
    let coloured = plain
        .content()
        .iter()
        .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(coloured, 0, "NO_COLOR: not one coloured cell");
    assert!(
        plain[(x, y)].modifier.contains(ratatui::style::Modifier::BOLD),
        "breached stays bold"
    );
}

/// Line and paragraph separators, NEL and invisible format characters in
/// a customer, a ticket and an interaction, as imports and e-mails bring them.
const INVISIBLES: &[char] = &[
    '\u{2028}',
    '\u{2029}',
    '\u{85}',
    '\u{200b}',
    '\u{200c}',
    '\u{200e}',
    '\u{200f}',
    '\u{202e}',
    '\u{2066}',
    '\u{feff}',
    '\u{ad}',
    '\u{600}',
    '\u{e0041}',
];

fn seed_invisibles(store: &mut frontdesk::store::Store, _config: &frontdesk::config::Config) {
    use frontdesk::domain::customer::CustomerInput;
    use frontdesk::service::interactions::LogInput;
    use frontdesk::service::tickets::TicketInput;
    use frontdesk::service::{Ctx, customers, interactions, tickets};
    let ctx = Ctx::new("li", tui_support::now() - chrono::Duration::hours(1));
    let input = CustomerInput {
        name: Some("分隔\u{2028}符\u{200b}\u{feff}号".into()),
        contact: Some("联系\u{2029}人\u{200e}".into()),
        notes: Some("第一段\u{2029}第二段\u{85}第三段\u{2028}\u{ad}结束\u{600}1".into()),
        ..Default::default()
    };
    let code = customers::add(store, &ctx, &input).unwrap().code;
    let ticket = TicketInput {
        customer: code.clone(),
        kind: "complaint".into(),
        subject: "换货\u{2028}申请\u{200f}\u{202e}加急\u{2066}".into(),
        body: Some("第一行\u{2028}第二行\u{2029}\u{200c}第三行\u{e0041}".into()),
        ..Default::default()
    };
    tickets::add(store, &ctx, &ticket).unwrap();
    let log = LogInput {
        customer: code,
        channel: "email".into(),
        direction: Some("in".into()),
        summary: "来信\u{2028}内容\u{feff}".into(),
        ticket: None,
        at: None,
    };
    interactions::log(store, &ctx, &log).unwrap();
}

/// The x of `needle` on the first row of the screen that holds `row_with`.
fn column_of(app: &tui_support::App, (width, height): (u16, u16), row_with: &str, needle: &str) -> u16 {
    let buffer = app.buffer(width, height);
    let screen = app.screen(width, height);
    let y = screen.lines().position(|l| l.contains(row_with)).expect(row_with);
    let cells: Vec<&str> = (0..width).map(|x| buffer[(x, y as u16)].symbol()).collect();
    let first = needle.chars().next().unwrap().to_string();
    (0..width)
        .find(|x| cells[*x as usize] == first && cells[*x as usize..].concat().starts_with(needle))
        .unwrap_or_else(|| panic!("{needle} on the row of {row_with}:\n{screen}"))
}

/// The screen, after checking that no cell of it holds an invisible.
fn checked_screen(app: &tui_support::App, (width, height): (u16, u16), what: &str) -> String {
    let buffer = app.buffer(width, height);
    let screen = app.screen(width, height);
    for cell in &buffer.content {
        let bad: Vec<char> = cell.symbol().chars().filter(|c| INVISIBLES.contains(c)).collect();
        assert!(bad.is_empty(), "{what} {width}x{height}: {bad:?}\n{screen}");
    }
    screen
}

#[test]
fn separators_and_invisible_characters_reach_no_cell_and_columns_line_up() {
    for size in SIZES {
        let mut app = tui_support::App::seeded(&[tui_support::seed, seed_invisibles], size.0, size.1);
        checked_screen(&app, size, "main");
        // The separator is a space now, and the tier column stays in line.
        assert_eq!(
            column_of(&app, size, "分隔 符号", "STD"),
            // Alice's code: her name may stand in the queue's row too.
            column_of(&app, size, "C2026004", "STD"),
        );
        // In the queue, the status column after the subject.
        app.keys("2");
        assert_eq!(
            column_of(&app, size, "换货 申请", "new "),
            column_of(&app, size, "Alice Wong", "new "),
        );
        app.keys("1 /").text("分隔").keys("<Enter> <Enter>");
        let card = checked_screen(&app, size, "card");
        assert!(card.contains("联系 人"), "{card}");
        if size == (120, 40) {
            // The notes' separators and NEL break their lines.
            assert!(card.contains("第一段") && card.contains("第二段"), "{card}");
            insta::assert_snapshot!("invisibles_card_120x40", card);
        }
        app.keys("<Esc> 2 /").text("换货").keys("<Enter> <Enter>");
        let ticket = checked_screen(&app, size, "ticket");
        assert!(ticket.contains("换货 申请加急"), "{ticket}");
        if size == (120, 40) {
            assert!(ticket.contains("第一行") && ticket.contains("第三行"), "{ticket}");
        }
    }
}

/// The customer card with separators and invisibles, in Chinese.
#[test]
fn invisibles_card_in_chinese() {
    for size in ZH_SIZES {
        let mut app = App::seeded_in(Lang::ZhCn, &[tui_support::seed, seed_invisibles], size.0, size.1);
        app.keys("1 /").text("分隔").keys("<Enter> <Enter>");
        let card = checked_screen(&app, size, "card");
        assert!(card.contains("联系 人"), "{card}");
        insta::assert_snapshot!(format!("invisibles_card_zh_{}x{}", size.0, size.1), card);
    }
}

/// Messages after an action come from the model's language, their named
/// placeholders filled in once: a name that looks like a placeholder stays
/// as typed.
#[test]
fn messages_speak_the_models_language() {
    let cases = [
        (
            Lang::En,
            "Added customer C2026007 赵六 {name}",
            "Loaded sample data: 1 customer, 2 tickets",
        ),
        (
            Lang::ZhCn,
            "已添加客户 C2026007 赵六 {name}",
            "已载入示例数据：1 个客户，2 个工单",
        ),
    ];
    for (lang, added, loaded) in cases {
        let mut app = App::new_in(lang, true, 120, 40);
        app.keys("1 n").text("赵六 {name}").keys("<C-s>");
        let message = |app: &App| app.model.message.as_ref().expect("a message").text.clone();
        assert_eq!(message(&app), added, "{lang:?}");
        assert!(app.screen(120, 40).contains(added));
        // Counts take their plural in English.
        app.send(frontdesk::app::msg::Msg::DemoDone(Ok((1, 2))));
        assert_eq!(message(&app), loaded, "{lang:?}");
    }
}
