//! Moving between records on the model alone: the palette's record rows,
//! a page that cannot be read, and what going back reads again.

use super::*;
use crate::app::navigation::Link;

fn palette_rows(m: &Model) -> Vec<(Option<Link>, String)> {
    let list = &m.screens.palette().expect("the palette").list;
    (0..list.len())
        .filter_map(|i| list.get(i))
        .map(|(item, _)| (item.record, item.label.clone()))
        .collect()
}

#[test]
fn the_palette_names_a_ticket_by_number_and_customers_by_pinyin() {
    let mut m = loaded();
    // (typed, the first row's record and label)
    let cases: &[(&str, Option<Link>, &str)] = &[
        ("7", Some(Link::Ticket(7)), "Open ticket #7  屏幕坏点"),
        ("#8", Some(Link::Ticket(8)), "Open ticket #8  Late delivery"),
        ("#123", Some(Link::Ticket(123)), "Open ticket #123"),
        ("zs", Some(Link::Customer(2)), "Open customer C2026002 张三"),
        ("wangxm", Some(Link::Customer(4)), "Open customer C2026004 王小明"),
        ("C2026003", Some(Link::Customer(3)), "Open customer C2026003 李四"),
        // One letter names no customer; `#` asks for a ticket only.
        ("w", None, ""),
        ("#zs", None, ""),
    ];
    for (typed, record, label) in cases {
        press(&mut m, ":");
        type_text(&mut m, typed);
        while m.busy() {
            update(&mut m, Msg::Continue);
        }
        let rows = palette_rows(&m);
        let first = rows.first().cloned().unwrap_or((None, String::new()));
        assert_eq!(first.0, *record, "{typed}: {rows:?}");
        if record.is_some() {
            assert_eq!(first.1, *label, "{typed}");
        }
        press(&mut m, "<Esc>");
    }
}

#[test]
fn a_page_that_cannot_be_read_goes_and_going_back_reads_the_one_under_it() {
    let mut m = loaded();
    press(&mut m, "2 <Enter>");
    press(&mut m, ":");
    type_text(&mut m, "#99");
    assert!(matches!(
        press(&mut m, "<Enter>").as_slice(),
        [Effect::LoadTicket(99), ..]
    ));
    assert_eq!(m.screens.pages().map(|p| p.depth()), Some(2));
    update(&mut m, Msg::LoadFailed("no ticket #99".into()));
    assert_eq!(m.screens.detail().map(|p| p.target()), Some(Link::Ticket(7)));
    press(&mut m, ":");
    type_text(&mut m, "zs");
    press(&mut m, "<Enter>");
    assert_eq!(m.screens.detail().map(|p| p.target()), Some(Link::Customer(2)));
    // Back: the ticket under the card is read again, as it may have changed.
    let effects = press(&mut m, "<Esc>");
    assert!(
        effects.iter().any(|e| matches!(e, Effect::LoadTicket(7))),
        "{effects:?}"
    );
    assert!(matches!(press(&mut m, "<Esc>").as_slice(), [Effect::LeaveTicket(7)]));
    assert!(m.screens.detail().is_none());
}
