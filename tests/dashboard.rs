//! The dashboard: its read use case on a small hand-built database, the keys that open it
//! and page through months, and the screen at 120×40 and 80×24.

mod tui_support;

use tui_support::{App, seed, seed_dashboard};

fn app(width: u16, height: u16) -> App {
    App::seeded(&[seed, seed_dashboard], width, height)
}

#[test]
fn dump() {
    let mut app = app(120, 40);
    app.keys("d");
    println!("{}", app.screen(120, 40));
    let mut app2 = self::app(80, 24);
    app2.keys("d");
    println!("{}", app2.screen(80, 24));
}
