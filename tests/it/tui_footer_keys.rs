//! The footer names what its keys do where they are pressed: in the macro picker (`M`)
//! Enter applies the highlighted macro, so the footer says so rather than "Open".

use crate::tui_support::{App, now, seed};
use frontdesk::config::Config;
use frontdesk::domain::macros::MacroInput;
use frontdesk::i18n::Lang;
use frontdesk::service::{Ctx, macros};
use frontdesk::store::Store;

fn seed_macro(store: &mut Store, _config: &Config) {
    let input = MacroInput {
        name: "等待客户补充资料".into(),
        status: Some("pending".into()),
        ..Default::default()
    };
    macros::add(store, &Ctx::new("li", now()), &input).unwrap();
}

#[test]
fn the_macro_pickers_footer_says_enter_applies_the_macro() {
    for (lang, apply, cancel) in [
        (Lang::En, "Enter Apply the macro", "Esc Cancel"),
        (Lang::ZhCn, "Enter 执行宏", "Esc 取消"),
    ] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = App::seeded_in(lang, &[seed, seed_macro], width, height);
            app.keys("2 g g M");
            assert!(app.model.screens.macros().is_some(), "the picker is open");
            let screen = app.screen(width, height);
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains(apply), "{lang:?} {width}: {footer}");
            assert!(footer.contains(cancel), "{lang:?} {width}: {footer}");
        }
    }
}
