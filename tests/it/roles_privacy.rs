//! Roles, the masked display mode, escape sequences from the database never
//! reaching the terminal, and the audit trail on show pages.

use crate::care_support;

use care_support::{Desk, stderr};

fn forbidden(desk: &Desk, agent: &str, args: &[&str]) {
    let before = desk.counts();
    let out = desk.run_as(agent, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains("supervisor or admin role"), "{}", stderr(&out));
    assert_eq!(desk.counts(), before, "{args:?} wrote something");
}

#[test]
fn with_no_agents_listed_everyone_is_admin() {
    let desk = Desk::new();
    desk.ok(&["customer", "add", "--name", "张三"]);
    desk.ok_as("anyone", &["customer", "archive", "1"]);
    desk.ok_as(
        "anyone",
        &["routing", "add", "--department", "billing", "--category", "billing"],
    );
    let list = desk.ok(&["agent", "list"]);
    assert!(list.contains("everyone acts as admin"), "{list}");
}

#[test]
fn once_agents_are_listed_policy_edits_and_archiving_need_a_supervisor() {
    let desk = Desk::new();
    desk.ok(&["customer", "add", "--name", "张三"]);
    // The first agent becomes admin whatever role was asked for.
    let first = desk.ok_as("someone", &["agent", "add", "boss", "--role", "agent"]);
    assert!(first.contains("boss added as admin"), "{first}");
    // Adding agents now needs admin.
    let out = desk.run_as("li.na", &["agent", "add", "li.na", "--role", "admin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs the admin role"), "{}", stderr(&out));
    desk.ok_as("boss", &["agent", "add", "li.na", "--department", "service"]);

    desk.ok(&["customer", "add", "--name", "张三 (dup)"]);
    for agent in ["li.na", "not.listed"] {
        forbidden(&desk, agent, &["customer", "archive", "1"]);
        forbidden(&desk, agent, &["customer", "merge", "1", "2"]);
        forbidden(&desk, agent, &["customer", "archive-inactive", "--days", "1"]);
        forbidden(
            &desk,
            agent,
            &["sla", "policy", "add", "--name", "vip", "--first-response", "1h"],
        );
        forbidden(&desk, agent, &["sla", "policy", "remove", "1"]);
        forbidden(
            &desk,
            agent,
            &[
                "sla",
                "calendar",
                "add",
                "late",
                "--tz",
                "UTC",
                "--hours",
                "mon-fri 12:00-20:00",
            ],
        );
        forbidden(&desk, agent, &["routing", "add", "--department", "billing"]);
        forbidden(&desk, agent, &["routing", "remove", "1"]);
    }
    // Day-to-day work needs no role.
    desk.ok_as("li.na", &["customer", "edit", "1", "--phone", "13812345678"]);

    desk.ok_as("boss", &["agent", "add", "li.na", "--role", "supervisor"]);
    desk.ok_as("li.na", &["customer", "archive", "1"]);
    desk.ok_as(
        "li.na",
        &["sla", "policy", "add", "--name", "vip", "--first-response", "1h"],
    );

    let agents = desk.json(&["agent", "list"]);
    let roles: Vec<(String, String)> = agents
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap().into(), a["role"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        roles,
        [("boss".into(), "admin".into()), ("li.na".into(), "supervisor".into())]
    );
}

#[test]
fn the_last_admin_cannot_be_demoted() {
    let desk = Desk::new();
    desk.ok_as("boss", &["agent", "add", "boss"]);
    let out = desk.run_as("boss", &["agent", "add", "boss", "--role", "agent"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("last admin"), "{}", stderr(&out));
    desk.ok_as("boss", &["agent", "add", "second", "--role", "admin"]);
    desk.ok_as("boss", &["agent", "add", "boss", "--role", "agent"]);
}

#[test]
fn role_changes_are_audited() {
    let desk = Desk::new();
    desk.ok_as("boss", &["agent", "add", "boss"]);
    desk.ok_as("boss", &["agent", "add", "li.na"]);
    desk.ok_as("boss", &["agent", "add", "li.na", "--role", "supervisor"]);
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    let entries: Vec<(String, String, Option<String>)> = conn
        .prepare("SELECT agent, field, new_value FROM audit WHERE entity = 'agent' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        entries,
        [
            ("boss".into(), "created".into(), Some("admin".into())),
            ("boss".into(), "created".into(), Some("agent".into())),
            ("boss".into(), "role".into(), Some("supervisor".into())),
        ]
    );
}

const PHONE: &str = "13812345678";
const EMAIL: &str = "zhang.san@example.com";

fn assert_masked(text: &str) {
    assert!(!text.contains(PHONE) && !text.contains(EMAIL), "{text}");
    assert!(
        text.contains("138****5678") && text.contains("z*******@example.com"),
        "{text}"
    );
}

#[test]
fn masked_mode_hides_phones_and_emails_in_human_and_json_output() {
    let desk = Desk::new();
    desk.ok(&[
        "customer",
        "add",
        "--name",
        "张三",
        "--phone",
        "13900000000",
        "--email",
        "old@example.com",
    ]);
    desk.ok(&["customer", "edit", "1", "--phone", PHONE, "--email", EMAIL]);

    let flag = |args: &[&str]| {
        let mut all = vec!["--masked"];
        all.extend_from_slice(args);
        desk.ok(&all)
    };
    for args in [
        &["customer", "list"][..],
        &["customer", "show", "1"],
        &["--json", "customer", "list"],
        &["--json", "customer", "show", "1"],
    ] {
        let text = flag(args);
        assert_masked(&text);
        // The old values in the audit trail are masked too.
        assert!(
            !text.contains("13900000000") && !text.contains("old@example.com"),
            "{text}"
        );
    }
    let env = desk
        .cmd()
        .env("FRONTDESK_MASKED", "1")
        .args(["customer", "show", "1"])
        .output()
        .unwrap();
    assert_masked(&String::from_utf8(env.stdout).unwrap());
    std::fs::write(desk.path("config.toml"), "[ui]\nmasked = true\n").unwrap();
    assert_masked(&desk.ok(&["customer", "list"]));
    // Masking is display only: the data is intact.
    std::fs::remove_file(desk.path("config.toml")).unwrap();
    let plain = desk.ok(&["customer", "show", "1"]);
    assert!(plain.contains(PHONE) && plain.contains(EMAIL), "{plain}");
    let off = desk
        .cmd()
        .env("FRONTDESK_MASKED", "0")
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8(off.stdout).unwrap().contains(PHONE));
}

const HOSTILE: &str = "\x1b]0;pwned\x07张三\x1b[31m";

fn no_terminal_controls(what: &str, bytes: &[u8]) {
    for (byte, name) in [(0x1b, "ESC"), (0x07, "BEL"), (0x9b, "C1 CSI")] {
        assert!(
            !bytes.contains(&byte),
            "{what} holds {name}: {}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn escape_sequences_in_names_never_reach_the_terminal() {
    let desk = Desk::new();
    desk.ok(&[
        "customer",
        "add",
        "--name",
        HOSTILE,
        "--notes",
        "line\x1b[2J\u{9b}31m\nnext",
    ]);
    let ticket = desk.ticket_for("1", HOSTILE);
    desk.ok(&["ticket", "note", &ticket, "--summary", HOSTILE]);
    desk.ok(&[
        "sla",
        "calendar",
        "add",
        "\x1b[5mcal",
        "--tz",
        "UTC",
        "--hours",
        "mon-fri 09:00-17:00",
    ]);
    for args in [
        &["customer", "list"][..],
        &["customer", "show", "1"],
        &["customer", "list", "--filter", "张三"],
        &["ticket", "list"],
        &["ticket", "show", &ticket],
        &["timeline", "1"],
        &["sla", "calendar", "list"],
        &["--json", "customer", "show", "1"],
        &["--json", "ticket", "show", &ticket],
    ] {
        let out = desk.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        no_terminal_controls(&format!("{args:?}"), &out.stdout);
        no_terminal_controls(&format!("{args:?} stderr"), &out.stderr);
    }
    // The name itself is stored as given and still found by its visible part.
    let shown = desk.json(&["customer", "show", "1"]);
    assert_eq!(shown["name"], HOSTILE);
    assert!(desk.ok(&["customer", "show", "1"]).contains("张三"));
    // An error message quoting a hostile value is neutralised too.
    let out = desk.run(&["customer", "show", "\x1b]0;x\x07"]);
    assert_eq!(out.status.code(), Some(4));
    no_terminal_controls("not found", &out.stderr);
}

#[test]
fn show_pages_carry_the_audit_trail() {
    let desk = Desk::new();
    let ticket = desk.ticket();
    desk.ok(&["customer", "edit", "1", "--phone", "13900000000"]);
    desk.ok_as("wang.wu", &["ticket", "set", &ticket, "--priority", "urgent"]);
    let customer = desk.ok(&["customer", "show", "1"]);
    assert!(customer.contains("Audit:"), "{customer}");
    assert!(customer.contains("13812345678 → 13900000000"), "{customer}");
    let shown = desk.ok(&["ticket", "show", &ticket]);
    assert!(
        shown.contains("wang.wu") && shown.contains("normal → urgent"),
        "{shown}"
    );
    let json = desk.json(&["ticket", "show", &ticket]);
    let last = json["audit"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["field"], "priority");
    assert_eq!(last["agent"], "wang.wu");
    assert_eq!(last["old_value"], "normal");
    assert_eq!(last["new_value"], "urgent");
}
