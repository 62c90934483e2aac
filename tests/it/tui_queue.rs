//! The queue holds every active ticket, however many: more than the 5,000
//! it used to stop at, with the count in its title, `G` reaching the last
//! one and the filter finding any of them.

use crate::tui_support;

use frontdesk::config::Config;
use frontdesk::service::Ctx;
use frontdesk::service::import::{self, ImportKind};
use frontdesk::store::Store;
use tui_support::{App, now, seed};

/// More active tickets than the old cap, in one import.
const MANY: usize = 5_200;

/// `MANY` new tickets for twenty customers, through `import tickets` as a
/// team moving from another system would bring them.
fn many_tickets(store: &mut Store, _: &Config) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tickets.csv");
    let mut csv = String::from("external_id,customer_name,kind,priority,subject\n");
    for n in 0..MANY {
        csv.push_str(&format!(
            "T{n},Bulk customer {},inquiry,low,Bulk question {n}\n",
            n % 20
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let ctx = Ctx::new("li", now());
    let report = import::run(store, &ctx, ImportKind::Tickets, &file, None, false).unwrap();
    assert_eq!(report.added, MANY);
}

#[test]
fn the_queue_holds_every_active_ticket_with_its_count_in_the_title() {
    let mut app = App::seeded(&[seed, many_tickets], 120, 40);
    let open = usize::try_from(app.model.counts.open).unwrap();
    assert!(open > MANY, "{open}");
    assert_eq!(app.model.queue.list.len(), open, "every active ticket is in the queue");
    let screen = app.screen(120, 40);
    let title = format!("Queue {} ", frontdesk::app::format::grouped(open as u64));
    assert!(screen.contains(&title), "{title:?} in\n{screen}");
    // The last ticket in triage order is reachable.
    app.keys("2 G");
    let last = app.model.queue.list.rows().last().map(|v| v.ticket.id);
    assert_eq!(app.model.queue.selected().map(|v| v.ticket.id), last);
    assert!(app.screen(120, 40).contains(&format!(" {} ", last.unwrap())));
    // So is any ticket by the filter, the first imported among them.
    app.keys("/").text("Bulk question 0").keys("<Enter>");
    let found: Vec<String> = (0..app.model.queue.list.len())
        .filter_map(|i| app.model.queue.list.get(i).map(|(v, _)| v.ticket.subject.clone()))
        .collect();
    assert!(found.iter().any(|s| s == "Bulk question 0"), "{found:?}");
}
