//! Importing a large ticket file: read record by record and written in one
//! transaction, a bad record anywhere (the last included) still writes
//! nothing; the due times written with each ticket are those its clocks
//! give; no progress bar reaches standard error when it is not a terminal.

use crate::common;

use common::Desk;
use frontdesk::service::import::{self, ImportKind};
use frontdesk::service::{Ctx, sla};

const NOW: &str = "2026-10-05T09:00:00Z";

/// Enough rows that they are written across many pages and statements.
const ROWS: usize = 3_000;

/// `ROWS` tickets of every status, with and without times, for a few
/// hundred customers named by code, some by name only; `last` replaces
/// the last row.
fn tickets_csv(last: Option<&str>) -> String {
    let mut csv = String::from(
        "external_id,customer_code,customer_name,kind,priority,status,subject,opened_at,first_response_at,resolved_at,callback_at\n",
    );
    let statuses = ["new", "open", "pending", "resolved", "closed"];
    let kinds = ["complaint", "inquiry", "request", "repair", "after-sales"];
    for n in 0..ROWS {
        if n + 1 == ROWS
            && let Some(row) = last
        {
            csv.push_str(row);
            csv.push('\n');
            continue;
        }
        let (code, name) = if n % 7 == 0 {
            (String::new(), format!("Walk-in {}", n % 13))
        } else {
            (format!("C{}", n % 300), format!("Customer {}", n % 300))
        };
        let day = 1 + n % 28;
        let status = statuses[n % statuses.len()];
        let responded = if n % 3 == 0 {
            format!("2025-09-{day:02}T10:00:00Z")
        } else {
            String::new()
        };
        let resolved = if status == "resolved" && n % 2 == 0 {
            format!("2025-09-{day:02}T12:00:00Z")
        } else {
            String::new()
        };
        let callback = if status == "closed" && n % 4 == 1 {
            format!("2025-09-{day:02}T15:00:00Z")
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "T{n},{code},{name},{},{},{status},Question {n},2025-09-{day:02}T09:00:00Z,{responded},{resolved},{callback}\n",
            kinds[n % kinds.len()],
            ["urgent", "high", "normal", "low"][n % 4],
        ));
    }
    csv
}

/// A database with the default policies and rules, as `init` leaves it.
fn initialised() -> Desk {
    let desk = Desk::new();
    desk.ok(&["init"]);
    desk
}

fn write(desk: &Desk, name: &str, text: &str) -> String {
    let path = desk.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_bad_last_record_of_a_big_file_writes_nothing_and_names_it() {
    let desk = initialised();
    let file = write(
        &desk,
        "t.csv",
        &tickets_csv(Some(
            "LAST,C1,Customer 1,inquiry,soonish,new,Last one,2025-09-01T09:00:00Z,,,",
        )),
    );
    let line = (ROWS + 1).to_string();
    let err = desk.invalid(&["import", "tickets", &file], "priority", "soonish");
    assert!(err.contains(&format!("line {line}")), "{err}");
    let tickets = desk.json(&["ticket", "list", "--limit", "0"]);
    assert_eq!(tickets.as_array().map(Vec::len), Some(0));
}

#[test]
fn import_and_recompute_print_only_their_summary_on_a_pipe() {
    let desk = initialised();
    let file = write(&desk, "t.csv", &tickets_csv(None));
    let stderr = |args: &[&str]| {
        let out = desk.cmd_at(NOW).args(args).assert().success().get_output().clone();
        assert!(!out.stdout.is_empty(), "{args:?} printed its summary");
        String::from_utf8(out.stderr).unwrap()
    };
    // What every command says there (the notice of a missing config file).
    let quiet = stderr(&["customer", "list"]);
    for args in [&["import", "tickets", &file][..], &["customer", "recompute"]] {
        assert_eq!(stderr(args), quiet, "{args:?}");
    }
    let report = desk.json_at(NOW, &["import", "tickets", &file]);
    assert_eq!(report["skipped"].as_u64(), Some(ROWS as u64), "{report}");
}

/// A ticket's id and its stored due times: first response, resolution,
/// callback, next.
type Dues = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// The stored due times of every ticket, by id.
fn dues(desk: &Desk) -> Vec<Dues> {
    let number = |cell: &Option<String>| cell.as_deref().map(|n| n.parse::<i64>().unwrap());
    desk.rows("SELECT id, first_response_due, resolution_due, callback_due, next_due FROM tickets ORDER BY id")
        .iter()
        .map(|r| {
            (
                number(&r[0]).unwrap(),
                number(&r[1]),
                number(&r[2]),
                number(&r[3]),
                number(&r[4]),
            )
        })
        .collect()
}

#[test]
fn imported_due_times_are_those_a_refresh_from_the_stored_events_gives() {
    let desk = initialised();
    let file = write(&desk, "t.csv", &tickets_csv(None));
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc();
    let ctx = Ctx::new("li", now);
    let mut store = desk.store();
    let report = import::run(&mut store, &ctx, ImportKind::Tickets, file.as_ref(), None, false).unwrap();
    assert_eq!(report.added, ROWS);
    let written = dues(&desk);
    assert_eq!(written.len(), ROWS);
    assert!(written.iter().any(|d| d.4.is_some()), "some clocks run");
    store
        .write(|tx| {
            for (id, ..) in &written {
                sla::refresh(tx, &ctx, *id)?;
            }
            Ok::<_, frontdesk::service::Error>(())
        })
        .unwrap();
    assert_eq!(dues(&desk), written);
}

/// The schema's indexes and triggers as SQLite's catalogue holds them.
fn indexes_and_triggers(desk: &Desk) -> Vec<Vec<Option<String>>> {
    desk.rows("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
}

#[test]
fn an_import_sets_indexes_and_triggers_aside_and_leaves_them_as_they_were() {
    let desk = initialised();
    let before = (!common::on_postgres()).then(|| indexes_and_triggers(&desk));
    // Into a new file the import drops the secondary indexes and suspends
    // the insert triggers, rebuilding and indexing once at its end; into
    // one holding more than it adds it keeps the indexes.
    let first = write(&desk, "t.csv", &tickets_csv(None));
    desk.ok_at(NOW, &["import", "tickets", &first]);
    let more = write(
        &desk,
        "more.csv",
        "external_id,customer_code,customer_name,kind,status,subject,opened_at\n\
         M1,C7,Customer 7,inquiry,open,Zanzibar parcel,2025-09-03T09:00:00Z\n\
         M2,C9000,Wanjiru Kamau,inquiry,open,Parcel lost,2025-09-04T09:00:00Z\n",
    );
    desk.ok_at(NOW, &["import", "tickets", &more]);
    if let Some(before) = before {
        assert_eq!(indexes_and_triggers(&desk), before);
    }
    let subjects = |args: &[&str]| -> Vec<String> {
        let list = desk.json_at(NOW, args);
        list.as_array()
            .unwrap()
            .iter()
            .map(|t| common::text(t, "subject").to_string())
            .collect()
    };
    let search = |text: &str| subjects(&["ticket", "list", "--search", text, "--limit", "0"]);
    assert_eq!(search("Question 2998"), vec!["Question 2998"]);
    assert_eq!(search("Zanzibar"), vec!["Zanzibar parcel"]);
    let filtered = desk.json_at(NOW, &["customer", "list", "--filter", "wanjiru"]);
    assert_eq!(filtered.as_array().map(Vec::len), Some(1), "{filtered}");
    let histories = desk.rows("SELECT count(*) FROM ticket_history");
    assert_eq!(histories[0][0].as_deref(), Some((ROWS + 2).to_string().as_str()));
    desk.ok(&["doctor"]);
}
