//! Response-time targets end to end through the CLI, with `--now` moving the
//! clock: each scenario of the SLA semantics on a fresh database.

use crate::common;

use common::Desk;

/// Two customers: 曾国藩 (standard) and Smith Ltd (high-value).
fn desk() -> Desk {
    let desk = Desk::new();
    desk.ok_at(
        "2026-10-05T00:00:00Z",
        &["customer", "add", "--name", "曾国藩", "--code", "C1"],
    );
    desk.ok_at(
        "2026-10-05T00:00:00Z",
        &[
            "customer",
            "add",
            "--name",
            "Smith Ltd",
            "--code",
            "C2",
            "--tier",
            "high-value",
        ],
    );
    desk
}

/// Runs a command at `now`, for its exit code.
fn run(desk: &Desk, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    desk.cmd_at(now).args(args).assert()
}

/// Opens a ticket and returns its id.
fn ticket(desk: &Desk, now: &str, customer: &str, kind: &str, priority: &str) -> String {
    desk.ok_at(
        now,
        &[
            "ticket",
            "add",
            "--customer",
            customer,
            "--kind",
            kind,
            "--priority",
            priority,
            "--subject",
            "屏幕碎了",
        ],
    )
    .trim()
    .to_string()
}

/// The state and due time of one clock of a ticket at `now`.
fn clock(desk: &Desk, now: &str, id: &str, clock: &str) -> (String, String) {
    let t = desk.json_at(now, &["ticket", "show", id]);
    let c = &t["sla"][clock];
    (
        c["state"].as_str().unwrap_or("null").to_string(),
        c["due"].as_str().unwrap_or("null").to_string(),
    )
}

#[test]
fn first_response_runs_then_turns_at_risk_then_breaches() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "complaint", "normal");
    // Complaint: first response within 1 h; at risk with under 25 % (15 min) left.
    let cases = [
        ("2026-10-05T09:30:00Z", "running"),
        ("2026-10-05T09:44:59Z", "running"),
        ("2026-10-05T09:45:01Z", "at_risk"),
        ("2026-10-05T10:00:01Z", "breached"),
    ];
    for (now, want) in cases {
        assert_eq!(
            clock(&desk, now, &id, "first_response"),
            (want.to_string(), "2026-10-05T10:00:00Z".into()),
            "{now}"
        );
    }
}

#[test]
fn an_internal_note_never_counts_as_a_response() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "inquiry", "normal");
    desk.ok_at(
        "2026-10-05T09:10:00Z",
        &["ticket", "note", &id, "--summary", "内部备注：先查库存"],
    );
    let t = desk.json_at("2026-10-05T09:20:00Z", &["ticket", "show", &id]);
    assert!(t["first_response_at"].is_null());
    assert_eq!(t["status"], "new");
    assert_eq!(t["sla"]["first_response"]["state"], "running");
    assert_eq!(
        clock(&desk, "2026-10-05T10:30:00Z", &id, "first_response").0,
        "breached"
    );
}

#[test]
fn a_reply_before_the_due_time_is_met_and_after_it_missed() {
    let desk = desk();
    let early = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "inquiry", "normal");
    let late = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "inquiry", "normal");
    desk.ok_at(
        "2026-10-05T09:59:00Z",
        &["ticket", "reply", &early, "--summary", "您好，已收到"],
    );
    desk.ok_at(
        "2026-10-05T10:05:00Z",
        &["ticket", "reply", &late, "--summary", "抱歉久等"],
    );
    assert_eq!(clock(&desk, "2026-10-05T12:00:00Z", &early, "first_response").0, "met");
    assert_eq!(
        clock(&desk, "2026-10-05T12:00:00Z", &late, "first_response").0,
        "missed"
    );
    // An outbound logged contact on the ticket answers too.
    let logged = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "inquiry", "normal");
    desk.ok_at(
        "2026-10-05T09:30:00Z",
        &[
            "log",
            "--customer",
            "C1",
            "--ticket",
            &logged,
            "--channel",
            "phone",
            "--direction",
            "out",
            "--summary",
            "回电",
        ],
    );
    assert_eq!(clock(&desk, "2026-10-05T12:00:00Z", &logged, "first_response").0, "met");
}

#[test]
fn eight_hours_pending_move_the_resolution_due_time_by_eight_hours() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "complaint", "normal");
    assert_eq!(
        clock(&desk, "2026-10-05T09:00:00Z", &id, "resolution").1,
        "2026-10-06T09:00:00Z"
    );
    desk.ok_at("2026-10-05T10:00:00Z", &["ticket", "set", &id, "--status", "pending"]);
    assert_eq!(clock(&desk, "2026-10-05T12:00:00Z", &id, "resolution").0, "paused");
    desk.ok_at("2026-10-05T18:00:00Z", &["ticket", "set", &id, "--status", "open"]);
    assert_eq!(
        clock(&desk, "2026-10-05T18:00:00Z", &id, "resolution"),
        ("running".to_string(), "2026-10-06T17:00:00Z".to_string())
    );
}

#[test]
fn reopening_restarts_resolution_and_keeps_a_met_first_response() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "complaint", "normal");
    desk.ok_at("2026-10-05T09:10:00Z", &["ticket", "reply", &id, "--summary", "已受理"]);
    desk.ok_at("2026-10-05T12:00:00Z", &["ticket", "resolve", &id]);
    assert_eq!(clock(&desk, "2026-10-05T12:00:00Z", &id, "resolution").0, "met");
    let t = desk.json_at(
        "2026-10-07T08:00:00Z",
        &["ticket", "reopen", &id, "--summary", "客户说问题又出现了"],
    );
    assert_eq!(t["status"], "open");
    assert_eq!(t["reopen_count"], 1);
    assert_eq!(t["sla"]["first_response"]["state"], "met");
    assert_eq!(t["sla"]["resolution"]["state"], "running");
    assert_eq!(t["sla"]["resolution"]["due"], "2026-10-08T08:00:00Z");
    // Reopening an open ticket is refused.
    run(&desk, "2026-10-07T09:00:00Z", &["ticket", "reopen", &id]).code(2);
}

#[test]
fn a_breached_urgent_complaint_comes_first_in_the_queue() {
    let desk = desk();
    let inquiry = ticket(&desk, "2026-10-05T08:00:00Z", "C2", "inquiry", "high");
    let complaint = ticket(&desk, "2026-10-05T07:00:00Z", "C1", "complaint", "urgent");
    let repair = ticket(&desk, "2026-10-05T09:00:00Z", "C2", "repair", "low");
    let queue = desk.json_at("2026-10-05T08:30:00Z", &["ticket", "list", "--queue"]);
    let order: Vec<String> = queue.as_array().unwrap().iter().map(|t| t["id"].to_string()).collect();
    assert_eq!(order, vec![complaint.clone(), inquiry, repair]);
    assert_eq!(queue[0]["sla"]["first_response"]["state"], "breached");
    assert!(queue[0]["urgency"].as_i64() > queue[1]["urgency"].as_i64());
    let why = queue[0]["urgency_breakdown"].to_string();
    assert!(why.contains("overdue"), "{why}");
    // The human table shows the same order.
    let text = desk.ok_at("2026-10-05T08:30:00Z", &["ticket", "list", "--queue"]);
    let first_row = text.lines().nth(1).unwrap();
    assert!(
        first_row.starts_with(&complaint) && first_row.contains("breached"),
        "{text}"
    );
}

#[test]
fn the_callback_is_due_a_day_after_resolution_and_records_its_outcome() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "repair", "normal");
    assert_eq!(
        clock(&desk, "2026-10-05T09:00:00Z", &id, "callback"),
        ("null".into(), "null".into())
    );
    desk.ok_at(
        "2026-10-05T09:30:00Z",
        &["ticket", "reply", &id, "--summary", "师傅下午上门"],
    );
    desk.ok_at("2026-10-05T15:00:00Z", &["ticket", "resolve", &id]);
    assert_eq!(
        clock(&desk, "2026-10-06T08:00:00Z", &id, "callback"),
        ("running".into(), "2026-10-06T15:00:00Z".into())
    );
    // A callback before resolution is refused.
    let open = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "repair", "normal");
    run(
        &desk,
        "2026-10-05T10:00:00Z",
        &["ticket", "callback", &open, "--outcome", "satisfied"],
    )
    .code(2);
    run(
        &desk,
        "2026-10-06T10:00:00Z",
        &["ticket", "callback", &id, "--outcome", "happy"],
    )
    .code(2);
    let t = desk.json_at(
        "2026-10-06T10:00:00Z",
        &["ticket", "callback", &id, "--outcome", "follow-up"],
    );
    assert_eq!(t["sla"]["callback"]["state"], "met");
    assert_eq!(t["sla"]["callback"]["outcome"], "follow-up");
    // Follow-up keeps the ticket in the queue; satisfied takes it out.
    let in_queue = |now: &str| {
        let q = desk.json_at(now, &["ticket", "list", "--queue"]);
        q.as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"].as_i64() == id.parse().ok())
    };
    assert!(in_queue("2026-10-06T11:00:00Z"));
    desk.ok_at(
        "2026-10-07T10:00:00Z",
        &["ticket", "callback", &id, "--outcome", "satisfied"],
    );
    assert!(!in_queue("2026-10-07T11:00:00Z"));
    let late = ticket(&desk, "2026-10-05T09:00:00Z", "C1", "repair", "normal");
    desk.ok_at("2026-10-05T15:00:00Z", &["ticket", "resolve", &late]);
    desk.ok_at(
        "2026-10-06T16:00:00Z",
        &["ticket", "callback", &late, "--outcome", "resolved"],
    );
    assert_eq!(clock(&desk, "2026-10-06T16:00:00Z", &late, "callback").0, "missed");
}

#[test]
fn requests_resolve_in_three_working_days_of_the_default_calendar() {
    let desk = desk();
    // Friday 2026-10-09 17:00 Shanghai = 09:00Z; 27 business hours on Mon–Fri 09:00–18:00:
    // Fri 1 h, Mon 9 h, Tue 9 h, Wed 8 h → Wed 2026-10-14 17:00 +08:00.
    let id = ticket(&desk, "2026-10-09T09:00:00Z", "C1", "request", "normal");
    assert_eq!(
        clock(&desk, "2026-10-09T09:00:00Z", &id, "resolution").1,
        "2026-10-14T09:00:00Z"
    );
}

#[test]
fn calendars_with_holidays_and_make_up_days() {
    let desk = desk();
    desk.ok_at(
        "2026-09-01T00:00:00Z",
        &[
            "sla",
            "calendar",
            "add",
            "cn",
            "--tz",
            "Asia/Shanghai",
            "--hours",
            "mon-fri 09:00-12:00,13:00-18:00",
            "--holiday",
            "2026-10-01",
            "--holiday",
            "2026-10-02",
            "--holiday",
            "2026-10-05",
            "--holiday",
            "2026-10-06",
            "--holiday",
            "2026-10-07",
            "--holiday",
            "2026-10-08",
            "--workday",
            "2026-10-10",
        ],
    );
    let due = |start: &str, minutes: &str| {
        desk.ok_at(
            "2026-09-01T00:00:00Z",
            &["sla", "due", "--calendar", "cn", "--start", start, "--minutes", minutes],
        )
        .trim()
        .to_string()
    };
    let cases = [
        // Wed 16:00 local + 180 min: 2 h that day, then the holidays, then Fri 09:00 (09-30 is a Wednesday).
        ("2026-09-30T16:00:00+08:00", "180", "2026-10-09T02:00:00Z"),
        // The lunch break does not count.
        ("2026-09-29T11:30:00+08:00", "60", "2026-09-29T05:30:00Z"),
        // Saturday 10-10 is a make-up working day.
        ("2026-10-09T17:00:00+08:00", "120", "2026-10-10T02:00:00Z"),
        // A start on a Sunday counts from Monday's opening.
        ("2026-09-27T10:00:00+08:00", "30", "2026-09-28T01:30:00Z"),
    ];
    for (start, minutes, want) in cases {
        assert_eq!(due(start, minutes), want, "{start} + {minutes}");
    }
    let elapsed = desk.ok_at(
        "2026-09-01T00:00:00Z",
        &[
            "sla",
            "elapsed",
            "--calendar",
            "cn",
            "--from",
            "2026-09-30T09:00:00+08:00",
            "--to",
            "2026-10-09T10:00:00+08:00",
        ],
    );
    // Wed 09-30 (8 h) + Fri 10-09 09:00–10:00 (1 h).
    assert_eq!(elapsed.trim(), "540");
    run(
        &desk,
        "2026-09-01T00:00:00Z",
        &[
            "sla",
            "due",
            "--calendar",
            "nope",
            "--start",
            "2026-10-01",
            "--minutes",
            "5",
        ],
    )
    .code(4);
    run(
        &desk,
        "2026-09-01T00:00:00Z",
        &[
            "sla",
            "calendar",
            "add",
            "x",
            "--tz",
            "Mars/Base",
            "--hours",
            "mon 09:00-10:00",
        ],
    )
    .code(2);
    run(
        &desk,
        "2026-09-01T00:00:00Z",
        &["sla", "calendar", "add", "x", "--tz", "UTC", "--hours", "someday 9-5"],
    )
    .code(2);
}

#[test]
fn policies_first_match_wins_and_moves_due_times() {
    let desk = desk();
    let id = ticket(&desk, "2026-10-05T09:00:00Z", "C2", "inquiry", "urgent");
    assert_eq!(
        clock(&desk, "2026-10-05T09:00:00Z", &id, "first_response").1,
        "2026-10-05T10:00:00Z"
    );
    desk.ok_at(
        "2026-10-05T09:01:00Z",
        &[
            "sla",
            "policy",
            "add",
            "--name",
            "vip urgent",
            "--tier",
            "high-value",
            "--priority",
            "urgent",
            "--first-response",
            "15m",
            "--resolution",
            "4h",
        ],
    );
    let policies = desk.json_at("2026-10-05T09:01:00Z", &["sla", "policy", "list"]);
    assert_eq!(policies[0]["name"], "vip urgent");
    // The active ticket follows the new policy at once.
    assert_eq!(
        clock(&desk, "2026-10-05T09:12:00Z", &id, "first_response"),
        ("at_risk".into(), "2026-10-05T09:15:00Z".into())
    );
    let policy_id = policies[0]["id"].to_string();
    desk.ok_at("2026-10-05T09:06:00Z", &["sla", "policy", "remove", &policy_id]);
    assert_eq!(
        clock(&desk, "2026-10-05T09:06:00Z", &id, "first_response").1,
        "2026-10-05T10:00:00Z"
    );
    run(&desk, "2026-10-05T09:06:00Z", &["sla", "policy", "remove", &policy_id]).code(4);
    run(
        &desk,
        "2026-10-05T09:06:00Z",
        &["sla", "policy", "add", "--name", "x", "--resolution", "soon"],
    )
    .code(2);
    run(
        &desk,
        "2026-10-05T09:06:00Z",
        &["sla", "policy", "add", "--name", "x", "--resolution", "4h@nowhere"],
    )
    .code(2);
}

#[test]
fn routing_sends_complaints_to_departments_and_is_audited() {
    let desk = desk();
    let route = |category: &str| {
        let t = desk.json_at(
            "2026-10-05T09:00:00Z",
            &[
                "ticket",
                "add",
                "--customer",
                "C1",
                "--kind",
                "complaint",
                "--category",
                category,
                "--subject",
                "问题",
            ],
        );
        t["department"].as_str().unwrap().to_string()
    };
    assert_eq!(route("product-quality"), "product");
    assert_eq!(route("service-attitude"), "service");
    assert_eq!(route("delivery"), "");
    desk.ok_at(
        "2026-10-05T09:00:00Z",
        &[
            "routing",
            "add",
            "--keyword",
            "发票",
            "--department",
            "finance",
            "--assignee",
            "wang.fang",
            "--position",
            "1",
        ],
    );
    let t = desk.json_at(
        "2026-10-05T09:00:00Z",
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "inquiry",
            "--subject",
            "需要补开发票",
        ],
    );
    assert_eq!(
        (t["department"].as_str(), t["assignee"].as_str()),
        (Some("finance"), Some("wang.fang"))
    );
    let shown = desk.json_at("2026-10-05T09:00:00Z", &["ticket", "show", &t["id"].to_string()]);
    let audit = shown["audit"].to_string();
    assert!(
        audit.contains("\"field\":\"department\"") && audit.contains("finance"),
        "{audit}"
    );
}
