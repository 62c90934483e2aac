//! The monthly review and surveys through the real binary, on hand-built data whose every KPI
//! is worked out by hand below. Times are UTC; the config puts the report months in UTC too,
//! except in the test of month bounds in Asia/Shanghai.

use crate::common;

use common::{Desk, parse_json, stdout};
use serde_json::{Value, json};
use std::path::PathBuf;

/// A throwaway database (the shared [`Desk`]) with a config file of its own.
struct Db {
    desk: Desk,
    config: PathBuf,
}

impl Db {
    /// A fresh database whose config sets `sla.timezone` (the report's zone).
    fn new(timezone: &str) -> Db {
        let desk = Desk::new();
        let config = desk.dir().join("config.toml");
        std::fs::write(&config, format!("[sla]\ntimezone = \"{timezone}\"\n")).unwrap();
        Db { desk, config }
    }

    fn path(&self) -> PathBuf {
        self.desk.db.clone()
    }

    fn cmd(&self, now: &str, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.desk.cmd_as("tester", now);
        cmd.arg("--config").arg(&self.config).args(args);
        cmd
    }

    /// Runs a command that must succeed; its standard output.
    fn run(&self, now: &str, args: &[&str]) -> String {
        stdout(&mut self.cmd(now, args))
    }

    fn json(&self, now: &str, args: &[&str]) -> Value {
        parse_json(&self.run(now, &[args, &["--json"]].concat()))
    }

    /// Runs a command that must fail with `code` and write nothing; its standard error.
    fn fail(&self, now: &str, args: &[&str], code: i32) -> String {
        let before = self.desk.dump();
        let out = self.cmd(now, args).assert().code(code).get_output().stderr.clone();
        assert_eq!(before, self.desk.dump(), "{args:?} changed the database");
        String::from_utf8(out).unwrap()
    }

    /// Opens a ticket at `opened`; its id. (Through the shared helper, without this
    /// config: opening a ticket does not depend on the report's time zone.)
    fn ticket(&self, opened: &str, customer: &str, kind: &str) -> String {
        let subject = format!("{kind} of {opened}");
        common::id(&self.desk.ticket_at(opened, customer, kind, &subject, &[])).to_string()
    }
}

/// Ids of the tickets of the scenario, named as in the comments.
struct Scenario {
    t1: String,
    t4: String,
    t6: String,
}

/// September and October 2026 (UTC). Default policies: complaint and inquiry first response
/// 1 h, resolution 24 h; request first response 24 h; repair and other first response 4 h;
/// callback 24 h after resolution for all, every target 24×7 except the request resolution.
fn build(db: &Db) -> Scenario {
    for (code, name) in [
        ("C1", "Alice"),
        ("C2", "Bob"),
        ("C3", "Chen"),
        ("C4", "Dora"),
        ("C5", "Eve"),
    ] {
        db.run(
            "2026-05-01T00:00:00Z",
            &["customer", "add", "--code", code, "--name", name],
        );
    }
    // Activity for the churn rate: one inbound contact each (C1 is active all along).
    for (code, at) in [
        ("C1", "2026-06-15T10:00:00Z"),
        ("C2", "2026-06-20T10:00:00Z"),
        ("C3", "2026-07-20T10:00:00Z"),
        ("C4", "2026-08-10T10:00:00Z"),
        ("C5", "2026-10-15T10:00:00Z"),
    ] {
        db.run(
            at,
            &[
                "log",
                "--customer",
                code,
                "--channel",
                "phone",
                "--summary",
                "hello",
                "--at",
                at,
            ],
        );
    }

    // T0: opened in May and never touched again: open at both month ends.
    db.ticket("2026-05-01T10:00:00Z", "C1", "other");

    // September.
    // T1 complaint: replied after 30 min (met), resolved after 11 h (met), called back in time.
    let t1 = db.ticket("2026-09-10T09:00:00Z", "C1", "complaint");
    db.run("2026-09-10T09:30:00Z", &["ticket", "reply", &t1, "--summary", "sorry"]);
    db.run("2026-09-10T20:00:00Z", &["ticket", "resolve", &t1]);
    db.run(
        "2026-09-11T10:00:00Z",
        &["ticket", "callback", &t1, "--outcome", "satisfied"],
    );
    // T2 inquiry: first reply after 2 h (missed), a second reply, resolved after 48 h, no callback.
    let t2 = db.ticket("2026-09-20T10:00:00Z", "C1", "inquiry");
    db.run(
        "2026-09-20T12:00:00Z",
        &["ticket", "reply", &t2, "--summary", "looking"],
    );
    db.run("2026-09-20T13:00:00Z", &["ticket", "reply", &t2, "--summary", "more"]);
    db.run("2026-09-22T10:00:00Z", &["ticket", "resolve", &t2]);
    // T3 request opened 25 September, answered only on 2 October (missed), resolved 5 October.
    let t3 = db.ticket("2026-09-25T10:00:00Z", "C1", "request");

    // October.
    db.run(
        "2026-10-02T09:00:00Z",
        &["ticket", "reply", &t3, "--summary", "feasible"],
    );
    db.run("2026-10-05T10:00:00Z", &["ticket", "resolve", &t3]);
    // T4 complaint: replied in 20 min, pending 24 h, resolved 36 h after opening of which 12 h
    // counted (met thanks to the pause), called back in time.
    let t4 = db.ticket("2026-10-01T08:00:00Z", "C1", "complaint");
    db.run("2026-10-01T08:20:00Z", &["ticket", "reply", &t4, "--summary", "on it"]);
    db.run("2026-10-01T09:00:00Z", &["ticket", "set", &t4, "--status", "pending"]);
    db.run(
        "2026-10-02T09:00:00Z",
        &[
            "log",
            "--customer",
            "C1",
            "--ticket",
            &t4,
            "--channel",
            "phone",
            "--direction",
            "in",
            "--summary",
            "photos",
            "--at",
            "2026-10-02T09:00:00Z",
        ],
    );
    db.run("2026-10-02T20:00:00Z", &["ticket", "resolve", &t4]);
    db.run(
        "2026-10-03T10:00:00Z",
        &["ticket", "callback", &t4, "--outcome", "resolved"],
    );
    // T5 complaint: reply after 2 h (missed), resolved after 48 h (missed), no callback.
    let t5 = db.ticket("2026-10-10T10:00:00Z", "C1", "complaint");
    db.run(
        "2026-10-10T12:00:00Z",
        &["ticket", "reply", &t5, "--summary", "checking"],
    );
    db.run("2026-10-12T10:00:00Z", &["ticket", "resolve", &t5]);
    // T6 inquiry: reply in 30 min (met), resolved, reopened, resolved again, called back.
    let t6 = db.ticket("2026-10-20T10:00:00Z", "C1", "inquiry");
    db.run("2026-10-20T10:30:00Z", &["ticket", "reply", &t6, "--summary", "answer"]);
    db.run("2026-10-20T12:00:00Z", &["ticket", "resolve", &t6]);
    db.run("2026-10-21T09:00:00Z", &["ticket", "reopen", &t6]);
    db.run("2026-10-21T10:00:00Z", &["ticket", "resolve", &t6]);
    db.run(
        "2026-10-21T15:00:00Z",
        &["ticket", "callback", &t6, "--outcome", "satisfied"],
    );
    // T8 request: reply in 1 h (met), resolved next day, called back.
    let t8 = db.ticket("2026-10-15T10:00:00Z", "C1", "request");
    db.run("2026-10-15T11:00:00Z", &["ticket", "reply", &t8, "--summary", "ok"]);
    db.run("2026-10-16T10:00:00Z", &["ticket", "resolve", &t8]);
    db.run(
        "2026-10-16T15:00:00Z",
        &["ticket", "callback", &t8, "--outcome", "satisfied"],
    );
    // T7 request (a Sunday): reply after 23 h (met), still open.
    let t7 = db.ticket("2026-10-25T10:00:00Z", "C1", "request");
    db.run(
        "2026-10-26T09:00:00Z",
        &["ticket", "reply", &t7, "--summary", "need details"],
    );
    // T9 other: resolved after 24 h without a reply — the first response counts at the
    // resolution (4 h target: missed); no callback; reopened in November.
    let t9 = db.ticket("2026-10-28T10:00:00Z", "C1", "other");
    db.run("2026-10-29T10:00:00Z", &["ticket", "resolve", &t9]);
    // T10 repair: never answered, open.
    db.ticket("2026-10-30T10:00:00Z", "C1", "repair");
    // November: reopening T9 does not change October.
    db.run("2026-11-02T09:00:00Z", &["ticket", "reopen", &t9]);

    // Surveys: two in September, three in October.
    for (at, customer, ticket, scores) in [
        ("2026-09-12T10:00:00Z", "C1", Some(&t1), ["5", "5", "5"]),
        ("2026-09-28T10:00:00Z", "C2", None, ["3", "3", "4"]),
        ("2026-10-04T10:00:00Z", "C1", Some(&t4), ["5", "4", "4"]),
        ("2026-10-18T10:00:00Z", "C3", None, ["2", "3", "3"]),
        ("2026-10-22T10:00:00Z", "C1", Some(&t6), ["4", "4", "4"]),
    ] {
        let mut args = vec!["survey", "add", "--customer", customer];
        if let Some(t) = ticket {
            args.extend(["--ticket", t.as_str()]);
        }
        args.extend([
            "--quality",
            scores[0],
            "--response",
            scores[1],
            "--communication",
            scores[2],
        ]);
        db.run(at, &args);
    }

    // Assignees for the breakdown by agent (not events: the clocks do not move).
    for (ticket, agent) in [(&t1, "ann"), (&t4, "ann"), (&t5, "ann"), (&t2, "bob"), (&t6, "bob")] {
        db.run("2026-11-02T10:00:00Z", &["ticket", "set", ticket, "--assignee", agent]);
    }
    Scenario { t1, t4, t6 }
}

const AFTER: &str = "2026-11-03T00:00:00Z";

fn kpi(report: &Value, key: &str) -> (Value, Value, Value) {
    let k = &report[key];
    (k["value"].clone(), k["previous"].clone(), k["change"].clone())
}

#[test]
fn every_kpi_of_october_worked_out_by_hand() {
    let db = Db::new("UTC");
    build(&db);
    let r = db.json(AFTER, &["report", "--month", "2026-10"]);
    assert_eq!(r["month"], "2026-10");
    assert_eq!(r["previous_month"], "2026-09");
    assert_eq!(r["from"], "2026-10-01T00:00:00Z");
    assert_eq!(r["to"], "2026-11-01T00:00:00Z");
    assert_eq!(r["as_of"], "2026-11-01T00:00:00Z");

    // Satisfaction. September: means 5 and 10/3 → (5 + 3.3333) / 2 = 25/6 = 4.1667.
    // October: means 13/3, 8/3 and 4 → (13 + 8 + 12) / 9 = 33/9 = 3.6667; change −0.5.
    assert_eq!(kpi(&r, "satisfaction_avg"), (json!(3.6667), json!(4.1667), json!(-0.5)));
    // Mean ≥ 4: September 1 of 2 = 0.5; October 2 of 3 = 0.6667; change 1/6 = 0.1667.
    assert_eq!(kpi(&r, "satisfied_share"), (json!(0.6667), json!(0.5), json!(0.1667)));
    // Complaints resolved in the month. September: T1 met → 1/1. October: T4 met (12 h counted
    // of 24, the pending day paused the clock), T5 missed (48 h) → 1/2 = 0.5; change −0.5.
    assert_eq!(kpi(&r, "complaint_on_time_rate"), (json!(0.5), json!(1.0), json!(-0.5)));
    // First responded in the month. September: T1 met, T2 missed (2 h > 1 h) → 0.5.
    // October: T3 missed (request 24 h, answered after 7 days), T4 met, T5 missed, T6 met,
    // T7 met (23 h), T8 met, T9 missed (no reply: counts at its resolution, 24 h > 4 h);
    // T10 was never answered and is not counted → 4/7 = 0.5714; change 0.0714.
    assert_eq!(
        kpi(&r, "first_response_compliance"),
        (json!(0.5714), json!(0.5), json!(0.0714))
    );
    // Resolved in the month with at most one outbound contact before the resolution and never
    // reopened. September: T1 yes (its callback came after), T2 no (two replies) → 0.5.
    // October: T3, T4, T5, T8, T9 yes (T9 is reopened only in November; the inbound message
    // on T4 is no outbound contact), T6 no (reopened) → 5/6 = 0.8333; change 0.3333.
    assert_eq!(
        kpi(&r, "first_contact_resolution_rate"),
        (json!(0.8333), json!(0.5), json!(0.3333))
    );
    // Requests opened in the month, resolved by its end. September: T3 (resolved 5 October)
    // → 0/1 = 0. October: T7 open, T8 resolved → 1/2 = 0.5; change 0.5.
    assert_eq!(kpi(&r, "request_resolution_rate"), (json!(0.5), json!(0.0), json!(0.5)));
    // Callbacks due in the month. September: T1 due 11 Sep 20:00, done 10:00 (met); T2 due
    // 23 Sep 10:00, never done → 1/2 = 0.5. October: T3 due 6 Oct (not done), T4 due 3 Oct
    // 20:00 (done 10:00), T5 due 13 Oct (not done), T6 due 22 Oct 10:00 from its second
    // resolution (done 21 Oct 15:00), T8 due 17 Oct (done 16 Oct), T9 due 30 Oct (not done)
    // → 3/6 = 0.5; change 0.
    assert_eq!(kpi(&r, "callback_on_time_rate"), (json!(0.5), json!(0.5), json!(0.0)));
    // Minutes from opening to the latest resolution. September: T1 660, T2 2880 → 1770.
    // October: T3 14400 (10 days), T4 2160, T5 2880, T6 1440 (to the second resolution),
    // T8 1440, T9 1440 → 23760 / 6 = 3960; change 2190.
    assert_eq!(
        kpi(&r, "avg_handling_minutes"),
        (json!(3960.0), json!(1770.0), json!(2190.0))
    );
    // Active in the 90 days before the month's start, silent in the 90 days before its end.
    // September: active before 1 Sep (3 Jun–31 Aug): C1, C2, C3, C4; silent 3 Jul–30 Sep:
    // C2 → 1/4 = 0.25. October: active 3 Jul–30 Sep: C1, C3, C4; silent 3 Aug–31 Oct: C3
    // → 1/3 = 0.3333; change 0.0833.
    assert_eq!(kpi(&r, "churn_rate"), (json!(0.3333), json!(0.25), json!(0.0833)));
    // Open at the month's end. 1 October: T0 and T3 → 2. 1 November: T0, T7, T10 → 3 (T9 was
    // resolved then; its reopening on 2 November is later); change 1.
    assert_eq!(kpi(&r, "backlog"), (json!(3), json!(2), json!(1)));

    // Denominators, and the survey distribution (rounded means 4, 3, 4).
    assert_eq!(r["first_response_compliance"]["measured"], 7);
    assert_eq!(r["churn_rate"]["measured"], 3);
    assert!(r["backlog"].get("measured").is_none());
    assert_eq!(
        r["satisfaction_distribution"],
        json!({"1": 0, "2": 0, "3": 1, "4": 2, "5": 0})
    );
    assert!(r.get("breakdown").is_none());
}

#[test]
fn nothing_measured_is_null_and_the_month_in_progress_counts_up_to_now() {
    let db = Db::new("UTC");
    // An empty August: every rate and mean is null, the backlog is 0.
    let empty = db.json(AFTER, &["report", "--month", "2026-08"]);
    for key in [
        "satisfaction_avg",
        "satisfied_share",
        "complaint_on_time_rate",
        "first_response_compliance",
        "first_contact_resolution_rate",
        "request_resolution_rate",
        "callback_on_time_rate",
        "avg_handling_minutes",
        "churn_rate",
    ] {
        assert_eq!(kpi(&empty, key), (Value::Null, Value::Null, Value::Null), "{key}");
    }
    assert_eq!(kpi(&empty, "backlog"), (json!(0), json!(0), json!(0)));

    build(&db);
    // Without --month: the month of --now, seen at --now (inclusive): 20 October 12:00.
    let now = "2026-10-20T12:00:00Z";
    let r = db.json(now, &["report"]);
    assert_eq!(r["month"], "2026-10");
    assert_eq!(r["as_of"], now);
    // First responses so far: T3 missed, T4 met, T5 missed, T6 met (10:30), T8 met → 3/5.
    assert_eq!(r["first_response_compliance"]["value"], json!(0.6));
    // Requests opened so far: T8, resolved → 1/1.
    assert_eq!(r["request_resolution_rate"]["value"], json!(1.0));
    // Open now: T0 only (T6 was resolved at 12:00:00 exactly, which is now).
    assert_eq!(r["backlog"]["value"], json!(1));
    // Two October surveys were taken by now (4 Oct 5/4/4, 18 Oct 2/3/3): (13 + 8) / 6 = 3.5.
    assert_eq!(r["satisfaction_avg"]["value"], json!(3.5));
}

#[test]
fn breakdown_by_kind() {
    let db = Db::new("UTC");
    build(&db);
    let r = db.json(AFTER, &["report", "--month", "2026-10", "--by", "kind"]);
    assert_eq!(r["by"], "kind");
    let groups: Vec<&str> = r["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["complaint", "inquiry", "other", "repair", "request"]);
    let complaint = &r["breakdown"][0];
    // October complaints T4, T5; September T1.
    // First response: T4 met, T5 missed → 0.5; September T1 met → 1.0.
    assert_eq!(
        kpi(complaint, "first_response_compliance"),
        (json!(0.5), json!(1.0), json!(-0.5))
    );
    assert_eq!(
        kpi(complaint, "complaint_on_time_rate"),
        (json!(0.5), json!(1.0), json!(-0.5))
    );
    // One reply each, not reopened → 2/2; September 1/1.
    assert_eq!(
        kpi(complaint, "first_contact_resolution_rate"),
        (json!(1.0), json!(1.0), json!(0.0))
    );
    assert_eq!(
        kpi(complaint, "request_resolution_rate"),
        (Value::Null, Value::Null, Value::Null)
    );
    // Callbacks: T4 met, T5 not done → 0.5; September T1 met → 1.0.
    assert_eq!(
        kpi(complaint, "callback_on_time_rate"),
        (json!(0.5), json!(1.0), json!(-0.5))
    );
    // (2160 + 2880) / 2 = 2520; September 660; change 1860.
    assert_eq!(
        kpi(complaint, "avg_handling_minutes"),
        (json!(2520.0), json!(660.0), json!(1860.0))
    );
    // Surveys on complaint tickets: October 13/3 (on T4); September 5 (on T1).
    assert_eq!(
        kpi(complaint, "satisfaction_avg"),
        (json!(4.3333), json!(5.0), json!(-0.6667))
    );
    assert_eq!(kpi(complaint, "churn_rate"), (Value::Null, Value::Null, Value::Null));
    assert_eq!(kpi(complaint, "backlog"), (json!(0), json!(0), json!(0)));
    // Requests: T7 open, T8 resolved → 0.5; September T3 → 0; backlog T7 (T3 in September).
    let request = &r["breakdown"][4];
    assert_eq!(
        kpi(request, "request_resolution_rate"),
        (json!(0.5), json!(0.0), json!(0.5))
    );
    assert_eq!(kpi(request, "backlog"), (json!(1), json!(1), json!(0)));
    // "other": T0 open in both months, T9 resolved in October.
    assert_eq!(kpi(&r["breakdown"][2], "backlog"), (json!(1), json!(1), json!(0)));
}

#[test]
fn report_formats() {
    let db = Db::new("UTC");
    build(&db);
    let args = ["report", "--month", "2026-10"];
    insta::assert_snapshot!("text", db.run(AFTER, &args));
    insta::assert_snapshot!("markdown", db.run(AFTER, &[&args[..], &["--format", "md"]].concat()));
    insta::assert_snapshot!("csv", db.run(AFTER, &[&args[..], &["--format", "csv"]].concat()));
    // By agent, October: ann has T4 and T5 (complaints, one met; the survey on T4, 13/3), bob
    // has T6 (met, reopened, called back in time; its survey 4.00), the rest are unassigned:
    // T3, T7, T8, T9 (first response 2 of 4, callbacks 1 of 3 (T8), handling (14400 + 1440
    // + 1440) / 3 = 5760) and the backlog T0, T7, T10.
    insta::assert_snapshot!(
        "text_by_agent",
        db.run(AFTER, &[&args[..], &["--by", "agent"]].concat())
    );
    insta::assert_snapshot!(
        "csv_by_agent",
        db.run(AFTER, &[&args[..], &["--format", "csv", "--by", "agent"]].concat())
    );
    insta::assert_snapshot!(
        "markdown_by_agent",
        db.run(AFTER, &[&args[..], &["--format", "md", "--by", "agent"]].concat())
    );
    // --json and --format json are the same.
    let a = db.run(AFTER, &[&args[..], &["--json"]].concat());
    let b = db.run(AFTER, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(a, b);
}

#[test]
fn report_input_errors() {
    let db = Db::new("UTC");
    db.run(AFTER, &["init"]);
    // (arguments, what the message names)
    let cases: &[(&[&str], &str)] = &[
        (&["report", "--month", "2026-13"], "month"),
        (&["report", "--month", "October"], "month"),
        (&["report", "--month", "2026-12"], "after the current month"),
        (&["report", "--format", "pdf"], "format"),
        (&["report", "--format", "csv", "--json"], "format"),
        (&["report", "--by", "tier"], "by"),
        (&["report", "--weekly", "--weeks", "0"], "weeks"),
        (&["report", "--weekly", "--weeks", "105"], "weeks"),
        (&["report", "--weekly", "--weeks", "two"], "weeks"),
        (&["report", "--weeks", "3"], "goes with --weekly"),
        (&["report", "--weekly", "--by", "agent"], "by"),
        (&["report", "--weekly", "--month", "2026-12"], "after the current month"),
    ];
    for (args, names) in cases {
        let err = db.fail(AFTER, args, 2);
        assert!(err.contains(names), "{args:?}: {err}");
    }
}

#[test]
fn months_are_counted_in_the_configured_zone() {
    let db = Db::new("Asia/Shanghai");
    db.run(
        "2026-09-01T00:00:00Z",
        &["customer", "add", "--code", "C1", "--name", "张三"],
    );
    // 1 October 01:00 in Shanghai is still 30 September in UTC.
    db.ticket("2026-09-30T17:00:00Z", "C1", "request");
    let oct = db.json(AFTER, &["report", "--month", "2026-10"]);
    assert_eq!(oct["timezone"], "Asia/Shanghai");
    assert_eq!(oct["from"], "2026-09-30T16:00:00Z");
    assert_eq!(oct["to"], "2026-10-31T16:00:00Z");
    assert_eq!(
        kpi(&oct, "request_resolution_rate"),
        (json!(0.0), Value::Null, Value::Null)
    );
    assert_eq!(oct["request_resolution_rate"]["measured"], 1);
    let sep = db.json(AFTER, &["report", "--month", "2026-09"]);
    assert_eq!(sep["request_resolution_rate"]["measured"], 0);
    // The default month is the month of --now in Shanghai.
    let default = db.json("2026-09-30T16:30:00Z", &["report"]);
    assert_eq!(default["month"], "2026-10");
}

#[test]
fn surveys_add_and_list() {
    let db = Db::new("UTC");
    let s = build(&db);
    // Newest first; --low: a score below 4 (means 3.33 and 2.67).
    let all = db.json(AFTER, &["survey", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 5);
    let low = db.json(AFTER, &["survey", "list", "--low"]);
    let low: Vec<(&str, &str)> = low
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["customer_code"].as_str().unwrap(), s["at"].as_str().unwrap()))
        .collect();
    assert_eq!(low, [("C3", "2026-10-18T10:00:00Z"), ("C2", "2026-09-28T10:00:00Z")]);
    let oct_low = db.json(AFTER, &["survey", "list", "--low", "--month", "2026-10"]);
    assert_eq!(oct_low.as_array().unwrap().len(), 1);
    let c1 = db.json(AFTER, &["survey", "list", "--customer", "C1", "--month", "2026-10"]);
    let tickets: Vec<Value> = c1.as_array().unwrap().iter().map(|s| s["ticket_id"].clone()).collect();
    let id = |t: &str| json!(t.parse::<i64>().unwrap());
    assert_eq!(tickets, [id(&s.t6), id(&s.t4)]);
    let first = &c1[1];
    assert_eq!(
        (&first["quality"], &first["response"], &first["communication"]),
        (&json!(5), &json!(4), &json!(4))
    );
    assert_eq!(first["mean"], json!(4.33));
    assert_eq!(first["low"], json!(false));
    assert_eq!(first["agent"], "tester");
    let text = db.run(AFTER, &["survey", "list", "--low"]);
    assert!(text.lines().next().unwrap().starts_with("ID"), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");

    // Added now, printed whole with --json.
    let added = db.json(
        AFTER,
        &[
            "survey",
            "add",
            "--customer",
            "C2",
            "--quality",
            "4",
            "--response",
            "5",
            "--communication",
            "5",
            "--comment",
            "快",
        ],
    );
    assert_eq!(added["at"], AFTER);
    assert_eq!(added["comment"], "快");
    assert_eq!(added["ticket_id"], Value::Null);
}

#[test]
fn survey_input_errors_write_nothing() {
    let db = Db::new("UTC");
    let s = build(&db);
    let now = AFTER;
    let base = |q: &'static str, r: &'static str, c: &'static str| {
        vec![
            "survey",
            "add",
            "--customer",
            "C2",
            "--quality",
            q,
            "--response",
            r,
            "--communication",
            c,
        ]
    };
    // (arguments, exit code, what the message names)
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (base("0", "5", "5"), 2, "quality"),
        (base("5", "6", "5"), 2, "response"),
        (base("5", "5", "x"), 2, "communication"),
        (base("5", "5", "-1"), 2, "communication"),
        // T1 is C1's ticket, not C2's.
        (
            [base("5", "5", "5"), vec!["--ticket", s.t1.as_str()]].concat(),
            2,
            "ticket",
        ),
        ([base("5", "5", "5"), vec!["--ticket", "999"]].concat(), 4, "ticket 999"),
        (
            vec![
                "survey",
                "add",
                "--customer",
                "C9",
                "--quality",
                "5",
                "--response",
                "5",
                "--communication",
                "5",
            ],
            4,
            "C9",
        ),
        (vec!["survey", "list", "--month", "2026-1"], 2, "month"),
        (vec!["survey", "list", "--customer", "C9"], 4, "C9"),
    ];
    for (args, code, names) in &cases {
        let err = db.fail(now, args, *code);
        assert!(err.contains(names), "{args:?}: {err}");
    }
    assert_eq!(db.json(now, &["survey", "list"]).as_array().unwrap().len(), 5);
}

/// `report --weekly`: the dashboard's charts from the command line, the same weeks as the
/// service test below.
#[test]
fn weekly_report_on_the_command_line() {
    let db = Db::new("UTC");
    build(&db);
    let now = "2026-11-03T00:00:00Z";
    let csv = db.run(now, &["report", "--weekly", "--weeks", "3", "--format", "csv"]);
    assert_eq!(
        csv,
        "week_start,opened,resolved,first_response_met,first_response_measured,first_response_rate\n\
         2026-10-19,2,2,1,1,1\n\
         2026-10-26,2,1,1,2,0.5\n\
         2026-11-02,0,0,0,0,\n"
    );
    let json = db.json(now, &["report", "--weekly", "--weeks", "3"]);
    assert_eq!(json["weeks"].as_array().unwrap().len(), 3);
    assert_eq!(json["weeks"][1]["opened"], 2);
    assert_eq!(json["weeks"][2]["first_response_rate"], Value::Null);
    // October seen from its end: its last week (from 10-26) still counts what happened
    // in it before 11-01 and nothing after.
    let october = db.json(now, &["report", "--weekly", "--weeks", "2", "--month", "2026-10"]);
    assert_eq!(october["weeks"][0]["week_start"], "2026-10-19T00:00:00Z");
    // `as_of` as in `report --json`: the end of the month.
    assert_eq!(october["as_of"], "2026-11-01T00:00:00Z");
    let text = db.run(now, &["report", "--weekly", "--weeks", "3"]);
    assert!(text.contains("2026-10-26         2         1  50.0% (1/2)"), "{text}");
}

/// The service API the TUI dashboard uses: weekly series and the satisfaction distribution.
#[test]
fn weekly_series_and_distribution() {
    use frontdesk::domain::kpi::Ratio;
    use frontdesk::service::{Ctx, report};
    let db = Db::new("UTC");
    build(&db);
    let mut store = db.desk.store();
    let mut ctx = Ctx::new("tester", "2026-11-03T00:00:00Z".parse().unwrap());
    // Weeks and months in UTC, as in the config of the commands above.
    ctx.settings.timezone = chrono_tz::Tz::UTC;
    let weeks = report::weekly(&mut store, &ctx, 3).unwrap();
    let rows: Vec<(String, u64, u64, Ratio)> = weeks
        .iter()
        .map(|w| {
            (
                w.start.format("%m-%d").to_string(),
                w.opened,
                w.resolved,
                w.first_response,
            )
        })
        .collect();
    let ratio = |hits, total| Ratio { hits, total };
    assert_eq!(
        rows,
        [
            // T6 and T7 opened; T6 resolved twice; T6 answered in time.
            ("10-19".to_string(), 2, 2, ratio(1, 1)),
            // T9 and T10 opened; T9 resolved; T7 answered in time, T9 late (at resolution).
            ("10-26".to_string(), 2, 1, ratio(1, 2)),
            // This week: T9 was reopened, nothing else.
            ("11-02".to_string(), 0, 0, ratio(0, 0)),
        ]
    );
    assert_eq!(weeks[2].first_response.rate(), None);
    let october = "2026-10".parse().unwrap();
    assert_eq!(
        report::satisfaction_distribution(&mut store, &ctx, october).unwrap(),
        [0, 0, 1, 2, 0]
    );
    let monthly = report::monthly(&mut store, &ctx, october).unwrap();
    assert_eq!(monthly.distribution, [0, 0, 1, 2, 0]);
    let backlog = monthly.kpi(frontdesk::domain::kpi::Kpi::Backlog).unwrap();
    assert_eq!((backlog.value, backlog.previous), (Some(3.0), Some(2.0)));
}

#[test]
fn policies_that_match_on_the_customer_tier_are_honoured() {
    let db = Db::new("UTC");
    db.run(
        "2026-10-01T00:00:00Z",
        &[
            "customer",
            "add",
            "--code",
            "V1",
            "--name",
            "VIP",
            "--tier",
            "high-value",
        ],
    );
    db.run(
        "2026-10-01T00:00:00Z",
        &[
            "sla",
            "policy",
            "add",
            "--name",
            "vip",
            "--tier",
            "high-value",
            "--first-response",
            "15m",
        ],
    );
    // A complaint answered after 30 min: met under the complaint policy (1 h), missed under
    // the high-value one (15 min), which comes first.
    let t = db.ticket("2026-10-05T10:00:00Z", "V1", "complaint");
    db.run("2026-10-05T10:30:00Z", &["ticket", "reply", &t, "--summary", "hi"]);
    let r = db.json(AFTER, &["report", "--month", "2026-10"]);
    assert_eq!(kpi(&r, "first_response_compliance").0, json!(0.0));
}

/// The report reads by range on its own indexes (migration 0003), index-only where it can:
/// that is what keeps it fast on a large file.
#[test]
fn report_queries_use_their_indexes() {
    if crate::common::file_only("SQLite's query plans") {
        return;
    }
    let db = Db::new("UTC");
    build(&db);
    let store = frontdesk::store::Store::open(&db.path(), &Default::default()).unwrap();
    store.analyze().unwrap();
    // (query, what its plan must say)
    let wanted = [
        // The histories first, each ticket looked up by its id (never a scan of every ticket).
        ("histories_since", "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"),
        // A range of ids, from the first ticket with an event since then (found on the index
        // of last events).
        (
            "histories_since",
            "SEARCH h USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)",
        ),
        ("history_ids_since", "COVERING INDEX ticket_history_last (last_at>?)"),
        ("open_tickets", "INDEX tickets_open (opened_at<?)"),
        (
            "activity_interactions",
            "COVERING INDEX interactions_activity (at>? AND at<?)",
        ),
        ("activity_tickets", "COVERING INDEX tickets_customer"),
        ("activity_orders", "COVERING INDEX orders_at (at>? AND at<?)"),
        ("surveys", "INDEX surveys_at (at>? AND at<?)"),
        ("surveys_with_tickets", "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"),
    ];
    let queries = frontdesk::store::report_queries();
    let plain_surveys = &queries.iter().find(|(n, _)| *n == "surveys").unwrap().1;
    // Without a breakdown no ticket is looked up (a join switched off by a parameter still was).
    assert!(
        !store.query_plan(plain_surveys).unwrap().join("\n").contains(" t "),
        "the plain survey read joins the tickets"
    );
    for (name, plan) in wanted {
        let sql = &queries.iter().find(|(n, _)| *n == name).unwrap().1;
        let got = store.query_plan(sql).unwrap().join("\n");
        assert!(got.contains(plan), "{name}: {got}");
    }
}
