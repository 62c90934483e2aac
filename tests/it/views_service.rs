//! Saved views through the service layer: the shipped ones, adding and
//! removing, names that clash, and a shipped view removed for good.

use crate::ticket_support::at;
use frontdesk::domain::error::Entity;
use frontdesk::domain::views::Builtin;
use frontdesk::i18n::catalog::views::aliases;
use frontdesk::service::{Ctx, Error, views};
use frontdesk::store::{OpenOptions, Store};

fn desk() -> (tempfile::TempDir, Store, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
    (dir, store, Ctx::new("li.na", at("2026-12-07T09:00:00Z")))
}

fn names(store: &mut Store) -> Vec<String> {
    views::list(store).unwrap().into_iter().map(|v| v.name).collect()
}

#[test]
fn a_new_database_ships_five_views_in_bar_order() {
    let (_dir, mut store, _ctx) = desk();
    let list = views::list(&mut store).unwrap();
    let shipped: Vec<(Option<Builtin>, &str)> = list.iter().map(|v| (v.builtin, v.query.as_str())).collect();
    assert_eq!(
        shipped,
        [
            (Some(Builtin::Mine), "assignee:me status:active sort:due"),
            (Some(Builtin::Unassigned), "assignee:none status:active sort:due"),
            (Some(Builtin::Breached), "sla:breached -status:closed sort:due"),
            (Some(Builtin::Waiting), "status:pending sort:updated"),
            (Some(Builtin::ComplaintsWeek), "kind:complaint opened:>=sow sort:opened"),
        ]
    );
}

#[test]
fn a_view_is_found_by_its_key_and_its_names_in_either_language() {
    let (_dir, mut store, ctx) = desk();
    views::add(&mut store, &ctx, "VIP 投诉", "kind:complaint tag:vip", &aliases).unwrap();
    let cases: &[(&str, &str)] = &[
        ("mine", "mine"),
        ("MINE", "mine"),
        ("My queue", "mine"),
        ("my QUEUE", "mine"),
        ("我的工单", "mine"),
        ("complaints-week", "complaints-week"),
        ("Complaints this week", "complaints-week"),
        ("本周投诉", "complaints-week"),
        ("等待客户", "waiting"),
        (" vip 投诉 ", "VIP 投诉"),
    ];
    for (typed, stored) in cases {
        let view = views::named(&mut store, typed, &aliases).unwrap();
        assert_eq!(view.name, *stored, "{typed}");
    }
    let err = views::named(&mut store, "mine2", &aliases).unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { entity: Entity::View, key } if key == "mine2"),
        "{err:?}"
    );
}

#[test]
fn added_views_come_last_and_a_taken_name_is_refused() {
    let (_dir, mut store, ctx) = desk();
    let added = views::add(&mut store, &ctx, " VIP 投诉 ", "kind:complaint tag:vip", &aliases).unwrap();
    assert_eq!(
        (added.name.as_str(), added.position, added.builtin),
        ("VIP 投诉", 6, None)
    );
    assert_eq!(added.created_by, "li.na");
    let before = names(&mut store);
    // Any name a view already goes by, in any letter case or language.
    for taken in ["vip 投诉", "mine", "My Queue", "我的工单", "Breached", "已超时"] {
        let err = views::add(&mut store, &ctx, taken, "status:open", &aliases).unwrap_err();
        assert!(
            matches!(&err, Error::Invalid(i) if i.field == "name" && i.value == taken.trim()),
            "{taken}: {err:?}"
        );
    }
    for (name, query, field) in [("", "status:open", "name"), ("x", "  ", "query")] {
        let err = views::add(&mut store, &ctx, name, query, &aliases).unwrap_err();
        assert!(matches!(&err, Error::Invalid(i) if i.field == field), "{err:?}");
    }
    assert_eq!(names(&mut store), before);
}

#[test]
fn a_removed_shipped_view_stays_removed_and_frees_its_names() {
    let (dir, mut store, ctx) = desk();
    let removed = views::remove(&mut store, &ctx, "我的工单", &aliases).unwrap();
    assert_eq!(removed.builtin, Some(Builtin::Mine));
    let err = views::remove(&mut store, &ctx, "mine", &aliases).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotFound {
                entity: Entity::View,
                ..
            }
        ),
        "{err:?}"
    );
    drop(store);
    // Opening the file again (migrations run on open) does not bring it back.
    let mut store = Store::open(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
    assert_eq!(
        names(&mut store),
        ["unassigned", "breached", "waiting", "complaints-week"]
    );
    // Its display name is free for a view of one's own.
    let mine = views::add(&mut store, &ctx, "My queue", "assignee:me", &aliases).unwrap();
    assert_eq!(mine.builtin, None);
    assert_eq!(
        views::named(&mut store, "my queue", &aliases).unwrap().query,
        "assignee:me"
    );
}
