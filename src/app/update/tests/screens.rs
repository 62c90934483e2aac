//! One screen stack: what is drawn on top is what gets the keys, and Esc
//! closes only the top. Keys go down `Screens::layers` from the top, the
//! drawing goes up it; these tests hold the two together.

use super::*;
use crate::app::keymap::Context;
use crate::app::model::Help;
use crate::app::screens::Kind;

/// The layers, screen first.
fn kinds(m: &Model) -> Vec<Kind> {
    m.screens.layers().map(|layer| layer.kind()).collect()
}

/// The screen as drawn, one string per row.
fn drawn(m: &Model) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| crate::ui::render(m, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..40)
        .map(|y| (0..120).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn esc_closes_only_the_topmost_layer() {
    use Kind::*;
    let mut m = loaded();
    // Each step: the keys, then the layers and the context the next key
    // is looked up in first.
    let steps: &[(&str, &[Kind], Context)] = &[
        ("2 <Enter>", &[Main, Detail], Context::Detail),
        ("n", &[Main, Detail, Form], Context::Form),
        ("<Esc>", &[Main, Detail], Context::Detail),
        ("<Esc>", &[Main], Context::Queue),
        ("d", &[Dashboard], Context::Dashboard),
        ("?", &[Dashboard, Help], Context::Help),
        ("<Esc>", &[Dashboard], Context::Dashboard),
        ("<Esc>", &[Main], Context::Queue),
        ("t", &[Triage], Context::Triage),
        (":", &[Triage, Palette], Context::Palette),
        ("<Esc>", &[Triage], Context::Triage),
        ("<Esc>", &[Main], Context::Queue),
    ];
    for (keys, layers, context) in steps {
        press(&mut m, keys);
        assert_eq!(kinds(&m), *layers, "after {keys}");
        assert_eq!(m.chain().first(), Some(context), "after {keys}");
    }
    assert!(!m.quit);
}

#[test]
fn entering_a_full_screen_mode_closes_the_card_under_it_and_replaces_the_mode() {
    let mut m = loaded();
    press(&mut m, "2 <Enter> m");
    assert_eq!(kinds(&m), [Kind::Reminders], "the ticket page gave way");
    // No default key goes straight from one mode to another; a user's
    // keymap can bind one.
    update(&mut m, Msg::Action(crate::app::Action::DataQuality));
    assert_eq!(kinds(&m), [Kind::Quality], "one full-screen mode at a time");
    press(&mut m, "<Esc>");
    assert_eq!(kinds(&m), [Kind::Main], "leaving goes back to the panes");
}

#[test]
fn help_opened_over_a_form_is_drawn_on_top_and_gets_the_keys_first() {
    let mut m = loaded();
    press(&mut m, "2 <Enter> n");
    // No default key opens the help inside a form; a user's keymap can.
    m.screens.open_help(Help::default());
    assert_eq!(kinds(&m), [Kind::Main, Kind::Detail, Kind::Form, Kind::Help]);
    assert_eq!(m.chain(), [Context::Help]);
    let screen = drawn(&m);
    assert!(screen.contains(" Keys "), "{screen}");
    assert!(!screen.contains("New ticket"), "the help covers the form:\n{screen}");
    // `q` closes the help; it is not typed into the form under it.
    press(&mut m, "q");
    assert_eq!(kinds(&m), [Kind::Main, Kind::Detail, Kind::Form]);
    assert!(!m.screens.form().unwrap().is_changed());
    assert!(drawn(&m).contains("New ticket"));
    // Now the form has the keys: `q` is text.
    press(&mut m, "q");
    assert_eq!(m.screens.form().unwrap().value("customer"), "q");
}

#[test]
fn the_overlay_opened_last_is_the_one_drawn_on_top() {
    let mut m = loaded();
    press(&mut m, "2 r");
    let title = m.screens.form().unwrap().title.clone();
    let form = m.screens.take_form().unwrap();
    // The same two overlays in either order: the later one is on top
    // both on screen and for the keys.
    m.screens.open_help(Help::default());
    m.screens.open_form(form);
    assert_eq!(m.chain(), [Context::Form]);
    let screen = drawn(&m);
    assert!(screen.contains(" Keys ") && screen.contains(&title), "{screen}");
    let form = m.screens.take_form().unwrap();
    m.screens.take_help();
    m.screens.open_form(form);
    m.screens.open_help(Help::default());
    assert_eq!(m.chain(), [Context::Help]);
    assert!(!drawn(&m).contains(&title));
}

#[test]
fn the_palette_lists_the_commands_of_the_view_under_it() {
    let mut m = loaded();
    // Over a card the palette offers the card's keys, not a filter's.
    press(&mut m, "2 <Enter> :");
    assert_eq!(
        m.chain_below_overlays(),
        [Context::Detail, Context::List, Context::Global]
    );
    press(&mut m, "<Esc> <Esc> / :");
    assert_eq!(m.chain(), [Context::Filter], "the filter keeps the keys");
    assert_eq!(
        m.chain_below_overlays(),
        [Context::Queue, Context::List, Context::Global]
    );
}

#[test]
fn leaving_a_screen_that_only_reads_rereads_the_queue_not_every_customer() {
    let mut m = loaded();
    for screen in ["d", "m"] {
        press(&mut m, screen);
        let effects = press(&mut m, "<Esc>");
        assert_eq!(kinds(&m), [Kind::Main], "after {screen} <Esc>");
        assert!(
            matches!(effects.as_slice(), [Effect::LoadQueue]),
            "after {screen} <Esc>: {effects:?}"
        );
    }
    // Another agent's write while a screen is up reads the panes under it again.
    press(&mut m, "d");
    let effects = update(&mut m, Msg::ExternalChange);
    assert!(effects.iter().any(|e| matches!(e, Effect::LoadOverview)), "{effects:?}");
}
