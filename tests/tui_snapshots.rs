//! Render snapshots of the terminal UI at 80×24 and 120×40: the main
//! screen, a ticket, a form with an error, help, the customer card and the
//! welcome of an empty database. The data is made through the services on a
//! temporary file with a fixed clock, and the model is driven by keys
//! through the same driver the event loop uses, so every run draws the
//! same screens.

mod tui_support;

use tui_support::App;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn each_size(name: &str, prepare: impl Fn(&mut App)) {
    for (width, height) in SIZES {
        let mut app = App::new(true, width, height);
        prepare(&mut app);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
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
    use frontdesk::config::theme::Role;
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
