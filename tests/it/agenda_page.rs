//! The agenda's first page is made from the page's rows alone (the rest of
//! each section only counted): it must list and count exactly what the
//! whole agenda cut to the page does, for every filter and page size.

use frontdesk::config::Config;
use frontdesk::domain::agenda::{Filter, Owner, Section};
use frontdesk::domain::enums::ReminderReason;
use frontdesk::service::agenda::{self, Page};
use frontdesk::service::demo::{self, Sizes};
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store};

#[test]
fn a_page_is_the_start_of_the_whole_agenda_with_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Ctx::new("tester", "2026-06-15T10:00:00Z".parse().unwrap());
    let mut store = Store::create(&dir.path().join("agenda.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx, &Config::defaults()).unwrap();
    let sizes = Sizes {
        customers: 400,
        tickets: 400,
        interactions: 1200,
    };
    demo::generate(&mut store, &ctx, &Config::defaults(), sizes, 5).unwrap();
    let busiest: String = rusqlite::Connection::open(dir.path().join("agenda.db"))
        .unwrap()
        .query_row(
            "SELECT owner FROM customers GROUP BY owner ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let filters = [
        Filter::default(),
        Filter {
            reason: Some(ReminderReason::Cadence),
            owner: Owner::All,
        },
        Filter {
            reason: None,
            owner: Owner::Agent(busiest.clone()),
        },
    ];
    for filter in &filters {
        for overdue in [false, true] {
            let whole = agenda::agenda(&mut store, &ctx, filter, Page { limit: None, overdue }).unwrap();
            assert!(whole.rows.len() > 5, "{filter:?}: {} rows", whole.rows.len());
            for limit in [1, 7, 20, whole.rows.len() - 1, whole.rows.len() + 5] {
                let page = Page {
                    limit: Some(limit),
                    overdue,
                };
                let paged = agenda::agenda(&mut store, &ctx, filter, page).unwrap();
                let case = format!("{filter:?}, overdue {overdue}, limit {limit}");
                assert_eq!(paged.counts, whole.counts, "{case}");
                assert_eq!(paged.rows, whole.rows[..limit.min(whole.rows.len())], "{case}");
            }
        }
    }
    // The backlog counted and the backlog listed are the same reminders
    // (low-survey follow-ups of the backlog are counted without being made).
    let surveys = [
        Filter {
            reason: Some(ReminderReason::Survey),
            owner: Owner::All,
        },
        Filter {
            reason: Some(ReminderReason::Survey),
            owner: Owner::Agent(busiest),
        },
    ];
    for filter in filters.iter().chain(&surveys) {
        let mut count = |overdue| {
            let page = Page { limit: None, overdue };
            agenda::agenda(&mut store, &ctx, filter, page).unwrap()
        };
        let (counted, listed) = (count(false), count(true));
        assert_eq!(counted.counts, listed.counts, "{filter:?}");
        let overdue_rows = listed.rows.iter().filter(|r| r.section == Section::Overdue).count();
        assert_eq!(listed.counts.overdue, overdue_rows, "{filter:?}");
    }
}
