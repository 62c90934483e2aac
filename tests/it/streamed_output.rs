//! Long outputs leave as they are read (`ticket list --limit 0`, every
//! `export`): the same bytes as the collected output, one snapshot however
//! long the read, a closed pipe ending quietly, a failed write exiting 1.

use crate::common::{self, Desk, NOW};
use crate::query_plans::plan;
use frontdesk::service::progress::{Progress, Stage};
use frontdesk::service::{Ctx, export, tickets};
use frontdesk::store::{OpenOptions, Store, TicketQuery, export_queries};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// More tickets than a streamed table holds back to size its columns
/// (`STREAM_PAGE`, 200), with their interactions and customers.
const TICKETS: usize = 260;

fn demo_desk() -> Desk {
    let desk = Desk::new();
    let tickets = TICKETS.to_string();
    desk.ok(&[
        "demo",
        "--customers",
        "40",
        "--tickets",
        &tickets,
        "--interactions",
        "300",
    ]);
    desk
}

/// The binary on the desk's database, as a plain process (its pipes ours).
fn raw(desk: &Desk) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    cmd.env("FRONTDESK_CONFIG", desk.dir().join("no-such-config.toml"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .arg("--db")
        .arg(desk.target())
        .args(["--now", NOW]);
    cmd
}

fn ctx() -> Ctx {
    Ctx::new("tester", NOW.parse().unwrap())
}

/// A streamed JSON array is well formed and laid out exactly as serde_json
/// prints the whole array (what the collected output printed).
fn assert_whole_array(text: &str) -> Vec<serde_json::Value> {
    let value = common::parse_json(text);
    assert_eq!(text, format!("{}\n", serde_json::to_string_pretty(&value).unwrap()));
    value.as_array().expect("an array").clone()
}

#[test]
fn long_lists_and_exports_stream_the_bytes_of_the_whole_output() {
    let desk = demo_desk();
    let mut store = desk.store();
    let newest_first: Vec<i64> = tickets::list(&mut store, &ctx(), &TicketQuery::default())
        .unwrap()
        .iter()
        .map(|v| v.ticket.id)
        .collect();
    assert_eq!(newest_first.len(), TICKETS);

    let listed = assert_whole_array(&desk.ok(&["--json", "ticket", "list", "--limit", "0"]));
    let ids: Vec<i64> = listed.iter().map(common::id).collect();
    assert_eq!(ids, newest_first);
    let exported = assert_whole_array(&desk.ok(&["export", "tickets", "--format", "json"]));
    assert_eq!(exported, listed, "the export's tickets are the list's");
    for what in ["customers", "interactions", "orders", "surveys", "reminders", "audit"] {
        let rows = assert_whole_array(&desk.ok(&["export", what, "--format", "json"]));
        let csv = desk.ok(&["export", what]);
        assert_eq!(csv.lines().count(), rows.len() + 1, "{what}: a header and a row each");
    }
    // Nothing to export is an empty array, as before.
    assert_eq!(desk.ok(&["export", "order-corrections", "--format", "json"]), "[]\n");

    // The table: a long list's first page is the page a short list prints
    // (same widths), and every ticket has its line.
    let all = desk.ok(&["ticket", "list", "--limit", "0"]);
    let page = desk.ok(&["ticket", "list", "--limit", "150"]);
    assert!(all.starts_with(&page), "{page}\n---\n{all}");
    assert_eq!(all.lines().count(), TICKETS + 1);
    let last = all.lines().last().unwrap();
    assert!(last.starts_with(&format!("{} ", newest_first[TICKETS - 1])), "{last}");
}

/// Commands whose output streams, as tables, JSON arrays and CSV.
const STREAMS: [&[&str]; 4] = [
    &["ticket", "list", "--limit", "0"],
    &["--json", "ticket", "list", "--limit", "0"],
    &["export", "tickets", "--format", "json"],
    &["export", "interactions"],
];

/// A reader that goes away after the first line (`| head -1`) ends the
/// command quietly, as other Unix tools end: no message, no failure code.
#[test]
fn a_closed_pipe_ends_a_stream_quietly() {
    let desk = demo_desk();
    for args in STREAMS {
        let mut child = raw(&desk)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The reader is dropped: the pipe is closed.
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("cannot write") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            let quiet = out.status.success() || out.status.signal() == Some(libc::SIGPIPE);
            assert!(quiet, "{args:?}: {:?}", out.status);
        }
    }
}

/// A write that fails mid-stream (a full disk, here `/dev/full`, after the
/// first buffer of rows) fails the command with exit 1 and says why.
#[test]
fn a_write_failing_mid_stream_exits_1_and_says_so() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let desk = demo_desk();
    for args in STREAMS {
        let out = raw(&desk)
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("frontdesk: cannot write the output"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// What a progress listener heard.
#[derive(Default)]
struct Heard {
    stages: Mutex<Vec<(Stage, Option<u64>)>>,
    steps: Mutex<u64>,
}

impl Progress for Heard {
    fn stage(&self, stage: Stage, total: Option<u64>) {
        self.stages.lock().unwrap().push((stage, total));
    }
    fn advance(&self, steps: u64) {
        *self.steps.lock().unwrap() += steps;
    }
}

/// The export reads one snapshot: a ticket added while it runs (WAL lets
/// the writer commit meanwhile) is not half in it; the next export has it.
/// Its progress counts the rows up front and tells every one.
#[test]
fn an_export_is_one_snapshot_and_tells_its_progress() {
    let desk = demo_desk();
    let mut store = desk.store();
    let mut writer = desk.store();
    let customer = tickets::get(&mut writer, &ctx(), 1).unwrap().ticket.customer_code;
    let heard = Heard::default();
    let (mut seen, mut added) = (0, None);
    export::tickets(&mut store, &ctx(), &heard, &mut |_| {
        seen += 1;
        if added.is_none() {
            let input = tickets::TicketInput {
                customer: customer.clone(),
                kind: "inquiry".into(),
                subject: "written during the export".into(),
                ..Default::default()
            };
            added = Some(tickets::add(&mut writer, &ctx(), &input).unwrap().ticket.id);
        }
        Ok(())
    })
    .unwrap();
    assert!(added.is_some());
    assert_eq!(seen, TICKETS, "the ticket written meanwhile is not in this export");
    assert_eq!(*heard.stages.lock().unwrap(), vec![(Stage::Rows, Some(TICKETS as u64))]);
    assert_eq!(*heard.steps.lock().unwrap(), TICKETS as u64);

    let mut after = 0;
    export::tickets(&mut store, &ctx(), &heard, &mut |_| {
        after += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(after, TICKETS + 1);
}

/// Each export reads its table in one pass and finds what it joins by key:
/// no scan of another table per row.
#[test]
fn export_query_plans() {
    if crate::common::file_only("SQLite's query plans") {
        return;
    }
    let desk = demo_desk();
    let store = Store::open(&desk.db, &OpenOptions::default()).unwrap();
    for (name, sql) in export_queries() {
        let plan = plan(&store, &sql);
        let scans = plan.lines().filter(|l| l.contains("SCAN")).count();
        assert!(scans <= 1, "{name} scans more than its own table:\n{plan}");
        insta::assert_snapshot!(name, plan);
    }
}

/// The export reads all tickets' events in one query beside the tickets:
/// each ticket gets exactly the events a read of its own returns (in
/// order), tickets without events none, and no ticket is left out.
#[test]
fn each_ticket_gets_its_own_events_when_read_side_by_side() {
    let desk = demo_desk();
    // Tickets without events: the newest, the oldest and one between.
    desk.rows(
        "DELETE FROM ticket_events WHERE ticket_id IN (
           (SELECT id FROM tickets ORDER BY opened_at DESC, id DESC LIMIT 1),
           (SELECT id FROM tickets ORDER BY opened_at, id LIMIT 1),
           (SELECT id FROM tickets ORDER BY opened_at, id LIMIT 1 OFFSET 100))",
    );
    let mut store = desk.store();
    store
        .read(|tx| {
            let expected = tx.list_tickets(&TicketQuery::default())?;
            let mut seen = Vec::new();
            tx.each_ticket_with_events(|t, events| {
                assert_eq!(events, tx.ticket_events(t.id)?, "ticket {}", t.id);
                seen.push((t.id, events.is_empty()));
                Ok::<(), frontdesk::store::StoreError>(())
            })?;
            assert_eq!(
                seen.iter().map(|s| s.0).collect::<Vec<_>>(),
                expected.iter().map(|t| t.id).collect::<Vec<_>>()
            );
            // Both kinds occur, so the merge is tried on each.
            assert!(seen.iter().any(|s| s.1) && seen.iter().any(|s| !s.1));
            Ok::<(), frontdesk::store::StoreError>(())
        })
        .unwrap();
}
