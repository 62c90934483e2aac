//! The Data quality view's rules: its lines, rows over both sections,
//! reloads keeping the selection, the shared values shown as evidence, the days typed and the
//! merge swapped.

use super::*;
use crate::app::keys::Key;

fn at(t: &str) -> chrono::DateTime<chrono::Utc> {
    t.parse().unwrap()
}

fn customer(id: i64, name: &str, phone: &str, email: &str) -> Customer {
    Customer {
        id,
        code: format!("C{id}"),
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        ..Customer::blank(at("2026-10-05T09:30:00Z"), "li")
    }
}

fn pair(a: i64, b: i64, evidence: &[Evidence]) -> DuplicateView {
    DuplicateView {
        first: customer(a, "张三", "13812345678", ""),
        second: customer(b, "章三", "+86 138 1234 5678", ""),
        evidence: evidence.to_vec(),
    }
}

fn view(pairs: &[(i64, i64)], missing: &[i64]) -> Quality {
    Quality {
        review: Review {
            duplicates: pairs
                .iter()
                .map(|(a, b)| pair(*a, *b, &[Evidence::SamePhone]))
                .collect(),
            duplicates_total: pairs.len(),
            missing_contact: missing.iter().map(|id| customer(*id, "李四", "", "")).collect(),
        },
        ..Default::default()
    }
}

#[test]
fn lines_have_both_headings_and_titles_only_over_rows() {
    use Line::*;
    use Section::*;
    type Case = (&'static [(i64, i64)], &'static [i64], Vec<Line<Section>>);
    let cases: [Case; 3] = [
        (
            &[(1, 2)],
            &[3, 4],
            vec![
                Heading(Duplicates, 1),
                Titles(Duplicates),
                Row(0),
                Heading(Missing, 2),
                Titles(Missing),
                Row(1),
                Row(2),
            ],
        ),
        (
            &[],
            &[3],
            vec![Heading(Duplicates, 0), Heading(Missing, 1), Titles(Missing), Row(0)],
        ),
        (&[], &[], vec![Heading(Duplicates, 0), Heading(Missing, 0)]),
    ];
    for (pairs, missing, want) in cases {
        assert_eq!(view(pairs, missing).lines(), want, "{pairs:?} {missing:?}");
    }
}

#[test]
fn rows_run_over_both_sections() {
    let mut v = view(&[(1, 2)], &[5, 6]);
    let customer_of = |v: &Quality| v.selected_customer().map(|c| c.id);
    assert_eq!(customer_of(&v), Some(1), "a pair's first customer");
    v.apply(Action::Down, 10);
    assert!(matches!(v.selected(), Some(Row::Missing(c)) if c.id == 5));
    v.apply(Action::Bottom, 10);
    assert_eq!(customer_of(&v), Some(6));
    v.apply(Action::Down, 10);
    assert_eq!(customer_of(&v), Some(6), "the last row stays");
    v.apply(Action::Top, 10);
    assert_eq!(customer_of(&v), Some(1));
    v.shift(-3);
    assert_eq!(v.selected, 0);
}

#[test]
fn a_reload_keeps_the_same_row_or_its_place() {
    let mut v = view(&[(1, 2), (3, 4)], &[5, 6]);
    v.selected = 1;
    // A pair came in before it: the selection follows 3/4.
    v.load(view(&[(9, 10), (1, 2), (3, 4)], &[5, 6]).review);
    assert_eq!(v.selected, 2);
    // 3/4 merged: its neighbour takes its place.
    v.load(view(&[(9, 10), (1, 2)], &[5, 6]).review);
    assert!(matches!(v.selected(), Some(Row::Missing(c)) if c.id == 5));
    // Everything fixed: nothing selected, no panic.
    v.load(Review::default());
    assert!(v.selected().is_none());
    assert_eq!(v.selected, 0);
}

#[test]
fn a_failed_read_only_counts_while_loading() {
    let mut v = view(&[], &[]);
    v.failed();
    assert!(!v.unreadable);
    v.loading = true;
    v.failed();
    assert!(v.unreadable && !v.loading);
    v.load(Review::default());
    assert!(!v.unreadable);
}

#[test]
fn shared_values_as_shown() {
    let mut p = pair(1, 2, &[]);
    p.first.email = "Zhang.San@Example.com".into();
    let mut english = p.clone();
    english.first.name = "Zhang San".into();
    let cases = [
        (&p, Evidence::SamePhone, false, "13812345678"),
        (&p, Evidence::SamePhone, true, "138****5678"),
        (&p, Evidence::SameEmail, false, "zhang.san@example.com"),
        (&p, Evidence::SameEmail, true, "z*******@example.com"),
        (&p, Evidence::SameName, false, "张三"),
        (&p, Evidence::SamePinyin, false, "zhangsan"),
        // The Chinese one of the two spells it.
        (&english, Evidence::SamePinyin, false, "zhangsan"),
        (&p, Evidence::SimilarName, false, ""),
    ];
    for (pair, evidence, masked, want) in cases {
        assert_eq!(
            shared_value(pair, evidence, masked),
            want,
            "{evidence:?} masked {masked}"
        );
    }
}

#[test]
fn days_take_digits_and_backspace_only() {
    let mut a = ArchiveConfirm::new(365);
    a.found = Some(Vec::new());
    let key = |k: &str| Key::parse(k).unwrap();
    let cases = [
        ("x", false, "365"),
        ("<C-d>", false, "365"),
        ("<Backspace>", true, "36"),
        ("<Backspace>", true, "3"),
        ("0", true, "30"),
        ("<Backspace>", true, "3"),
        ("<Backspace>", true, ""),
        ("<Backspace>", false, ""),
        ("7", true, "7"),
    ];
    for (typed, changed, days) in cases {
        assert_eq!(a.edit(key(typed)), changed, "{typed}");
        assert_eq!(a.days, days, "{typed}");
    }
    assert_eq!(a.days(), Some(7));
    assert!(a.found.is_none(), "a change asks for a new dry run");
    for _ in 0..10 {
        a.edit(key("9"));
    }
    assert_eq!(
        a.days.len(),
        MAX_DAY_DIGITS,
        "typing stops, the service judges the range"
    );
}

#[test]
fn swapping_swaps_the_counts_too() {
    let p = pair(1, 2, &[]);
    let moved = |tickets| Moved {
        tickets,
        ..Moved::default()
    };
    let mut m = MergeConfirm {
        keep: p.first,
        duplicate: p.second,
        counts: Some((moved(3), moved(1))),
        error: None,
        busy: false,
    };
    assert_eq!(m.moving().map(|n| n.tickets), Some(1));
    m.swap();
    assert_eq!((m.keep.id, m.duplicate.id), (2, 1));
    assert_eq!(m.moving().map(|n| n.tickets), Some(3));
}
