//! The triage mark from the command line: `ticket list --queue --untriaged`,
//! the `triaged_by`/`triaged_at` fields of a ticket's JSON, and the export.

use crate::common;

use common::*;
use frontdesk::service::{Ctx, triage};

/// Three open tickets of 张三; the second decided on in triage by li.na.
fn desk_with_one_triaged() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    for subject in ["屏幕坏点", "发票怎么开", "上门维修"] {
        desk.ticket("C2026001", "complaint", subject, &[]);
    }
    let mut store = desk.store();
    let ctx = Ctx::new("li.na", NOW.parse().unwrap());
    let version = frontdesk::service::tickets::get(&mut store, &ctx, 2)
        .unwrap()
        .ticket
        .version;
    let changes = frontdesk::service::tickets::TicketChanges {
        priority: Some("high".into()),
        ..Default::default()
    };
    triage::change(&mut store, &ctx, &[triage::Seen { id: 2, version }], &changes).unwrap();
    desk
}

fn ids(list: &serde_json::Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn the_queue_lists_only_untriaged_tickets_on_request() {
    let desk = desk_with_one_triaged();
    let all = desk.json(&["ticket", "list", "--queue"]);
    assert_eq!(ids(&all).len(), 3);
    let untriaged = desk.json(&["ticket", "list", "--queue", "--untriaged"]);
    assert_eq!(ids(&untriaged), vec![1, 3]);
    // Without --queue the option has nothing to narrow: invalid input.
    let err = desk.fails(2, &["ticket", "list", "--untriaged"]);
    assert!(err.contains("--queue"), "{err}");
}

#[test]
fn a_tickets_json_says_who_triaged_it_and_when_in_utc() {
    let desk = desk_with_one_triaged();
    let triaged = desk.show_ticket(2);
    assert_eq!(triaged["triaged_by"], "li.na");
    assert_eq!(triaged["triaged_at"], NOW);
    assert!(is_utc_instant(triaged["triaged_at"].as_str().unwrap()));
    let never = desk.show_ticket(1);
    assert!(
        never["triaged_by"].is_null() && never["triaged_at"].is_null(),
        "{never}"
    );
    // The human page says it too, and nothing on a ticket nobody triaged.
    let page = desk.ok(&["ticket", "show", "2"]);
    let line = page.lines().find(|l| l.starts_with("Triaged")).unwrap_or_default();
    assert!(line.contains("by li.na, "), "{page}");
    assert!(!desk.ok(&["ticket", "show", "1"]).contains("Triaged"));
}

#[test]
fn the_ticket_export_carries_the_mark_and_imports_back() {
    let desk = desk_with_one_triaged();
    let csv = desk.ok(&["export", "tickets"]);
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",triaged_by,triaged_at"), "{header}");
    assert!(csv.contains(&format!("li.na,{NOW}")), "{csv}");
    // The export reads back into another desk; the mark is not carried over.
    let other = Desk::new();
    let file = desk.dir().join("tickets.csv");
    std::fs::write(&file, &csv).unwrap();
    other.ok(&["import", "tickets", file.to_str().unwrap()]);
    let imported = other.json(&["ticket", "list", "--queue", "--untriaged"]);
    assert_eq!(ids(&imported).len(), 3);
}
