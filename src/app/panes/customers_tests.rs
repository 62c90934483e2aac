use super::*;
use crate::domain::enums::Tier as CustomerTier;
use crate::service::customers::CustomerSearchRow;

fn pane(names: &[&str]) -> CustomersPane {
    let (rows, search): (Vec<CustomerRow>, Vec<CustomerSearchRow>) = names
        .iter()
        .zip(1..)
        .map(|(name, id)| {
            let (code, name) = (format!("C{id}"), name.to_string());
            let search = CustomerSearchRow {
                id,
                code: code.clone(),
                name: name.clone(),
                contact: String::new(),
                phone: String::new(),
                email: String::new(),
                last_activity: 0,
            };
            let tier = CustomerTier::Standard;
            let row = CustomerRow {
                id,
                code,
                name,
                tier,
                open_tickets: 0,
                last_contact: None,
            };
            (row, search)
        })
        .unzip();
    let mut pane = CustomersPane::default();
    pane.load(rows, SearchIndex::new(search), 20);
    pane
}

/// Types `query` into the filter and lets the search finish; the names shown.
fn filter(pane: &mut CustomersPane, query: &str) -> Vec<String> {
    pane.list.filter.set(query);
    pane.refilter(20);
    while pane.busy() {
        pane.step(20);
    }
    (0..pane.list.len())
        .filter_map(|i| pane.list.get(i).map(|(row, _)| row.name.clone()))
        .collect()
}

#[test]
fn scattered_letters_show_only_when_nothing_matches_better() {
    let mut pane = pane(&["Eddie Ravel", "Evan Smith"]);
    // "ev" begins Evan; its letters are only scattered through Eddie Ravel.
    assert_eq!(filter(&mut pane, "ev"), ["Evan Smith"]);
    // "evl" matches nobody better, so the scattered match is back, though
    // the search narrowed from "ev", which had dropped it.
    assert_eq!(filter(&mut pane, "evl"), ["Eddie Ravel"]);
    // Back and forth through the cache gives the same.
    assert_eq!(filter(&mut pane, "ev"), ["Evan Smith"]);
    assert_eq!(filter(&mut pane, "evl"), ["Eddie Ravel"]);
}

#[test]
fn a_better_match_in_a_later_slice_drops_earlier_scattered_ones() {
    // More customers than one slice: the scattered ones come first, the
    // better match only in the last slice.
    let mut names = vec!["Eddie Ravel"; STEP + 10];
    names.push("Evan Smith");
    let mut pane = pane(&names);
    assert_eq!(filter(&mut pane, "ev"), ["Evan Smith"]);
}

fn shown_ids(pane: &CustomersPane) -> Vec<i64> {
    (0..pane.list.len())
        .filter_map(|i| pane.list.get(i).map(|(row, _)| row.id))
        .collect()
}

/// A letter typed while the search of the query before it is still under
/// way: from that key on, only matches of the new query show (never a
/// leftover of the old one), and the finished list is what a search of the
/// new query from scratch gives.
#[test]
fn a_query_typed_mid_search_never_shows_the_older_querys_matches() {
    let kinds = ["张三", "Zoe Smith", "李四", "周七"];
    let names: Vec<&str> = (0..3 * STEP).map(|i| kinds[i % kinds.len()]).collect();
    let mut typed = pane(&names);
    typed.list.filter.set("z");
    typed.refilter(20);
    assert!(typed.busy(), "the first slice leaves the rest for later");
    typed.list.filter.set("zh");
    typed.refilter(20);
    loop {
        for i in 0..typed.list.len() {
            let name = typed.list.get(i).map(|(row, _)| row.name.as_str());
            assert!(matches!(name, Some("张三" | "周七")), "{name:?} shown for zh");
        }
        if !typed.busy() {
            break;
        }
        typed.step(20);
    }
    let mut fresh = pane(&names);
    filter(&mut fresh, "zh");
    assert_eq!(shown_ids(&typed), shown_ids(&fresh));
    assert_eq!(typed.list.len(), names.len() / 2);

    // Narrowing from the finished "z" gives what a fresh "zho" gives.
    filter(&mut typed, "z");
    filter(&mut typed, "zho");
    let mut fresh = pane(&names);
    filter(&mut fresh, "zho");
    assert_eq!(shown_ids(&typed), shown_ids(&fresh));
    assert!(!typed.list.is_empty());
}
