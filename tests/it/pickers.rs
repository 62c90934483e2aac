//! The assignee rule from the shell: once the team has agents, a ticket
//! goes only to one of them (exit 2 naming the field, the value and the
//! nearest agent); before that, any name goes, and "" is always nobody.

use crate::common::{Desk, NOW, id, stdout};

/// A desk with one customer and one ticket; returns it and the ticket's id.
fn desk_with_ticket() -> (Desk, String) {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1"]);
    let ticket = id(&desk.ticket("C1", "complaint", "Broken kettle", &[])).to_string();
    (desk, ticket)
}

#[test]
fn any_assignee_goes_while_no_agents_are_listed() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["ticket", "set", &ticket, "--assignee", "li.nna"]);
    assert_eq!(desk.show_ticket(ticket.parse().unwrap())["assignee"], "li.nna");
    desk.ok(&["routing", "add", "--department", "service", "--assignee", "anyone"]);
}

#[test]
fn an_unknown_assignee_is_refused_once_the_team_has_agents() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    // Only an admin adds the second agent, and only a supervisor routes.
    stdout(
        desk.cmd_as("li.na", NOW)
            .args(["agent", "add", "wang.fang", "--role", "agent"]),
    );
    let err = desk.invalid(
        &["ticket", "set", &ticket, "--assignee", "li.nna"],
        "assignee",
        "li.nna",
    );
    assert!(err.contains("li.na?"), "the nearest agent is offered: {err}");
    let err = desk.invalid(
        &["ticket", "set", &ticket, "--assignee", "nobody.here"],
        "assignee",
        "nobody.here",
    );
    assert!(!err.contains("did you mean"), "no agent is near: {err}");
    let before = desk.dump();
    let out = desk
        .cmd_as("li.na", NOW)
        .args(["routing", "add", "--department", "service", "--assignee", "wang.fnag"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("assignee") && err.contains("wang.fnag") && err.contains("wang.fang?"),
        "{err}"
    );
    assert_eq!(before, desk.dump(), "a refused rule writes nothing");
    // A known agent and nobody are fine.
    desk.ok(&["ticket", "set", &ticket, "--assignee", "wang.fang"]);
    desk.ok(&["ticket", "set", &ticket, "--assignee", ""]);
    assert_eq!(desk.show_ticket(ticket.parse().unwrap())["assignee"], "");
}

#[test]
fn a_rule_from_before_the_team_was_listed_cannot_route_to_a_stranger() {
    let (desk, _) = desk_with_ticket();
    desk.ok(&["routing", "add", "--department", "service", "--assignee", "li.nna"]);
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    desk.invalid(
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "inquiry",
            "--subject",
            "Hello",
        ],
        "assignee",
        "li.nna",
    );
}

#[test]
fn the_refusal_is_worded_in_chinese_too() {
    let (desk, ticket) = desk_with_ticket();
    desk.ok(&["agent", "add", "li.na", "--role", "admin"]);
    let out = desk
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["ticket", "set", &ticket, "--assignee", "li.nna"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("不是团队中的客服") && err.contains("li.na？"), "{err}");
}

mod service {
    //! The assignee rule through the service, as a table: with and without
    //! agents, a new value against the ticket's current one.

    use frontdesk::domain::customer::CustomerInput;
    use frontdesk::domain::error::{Invalid, Reason};
    use frontdesk::service::tickets::{self, TicketChanges, TicketInput};
    use frontdesk::service::{Ctx, Error, customers, roles, triage};
    use frontdesk::store::{OpenOptions, Store};

    /// A store with one ticket assigned to `old.name` before any agent was
    /// listed, then the agents `team` (the first becomes admin).
    fn store_with(team: &[&str]) -> (tempfile::TempDir, Store, Ctx, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
        let ctx = Ctx::new(
            team.first().copied().unwrap_or("li.na"),
            "2026-10-05T08:00:00Z".parse().unwrap(),
        );
        let customer = CustomerInput {
            name: Some("张三".into()),
            code: Some("C1".into()),
            ..Default::default()
        };
        customers::add(&mut store, &ctx, &customer).unwrap();
        let input = TicketInput {
            customer: "C1".into(),
            kind: "complaint".into(),
            subject: "坏了".into(),
            ..Default::default()
        };
        let id = tickets::add(&mut store, &ctx, &input).unwrap().ticket.id;
        let old = TicketChanges {
            assignee: Some("old.name".into()),
            ..Default::default()
        };
        tickets::set(&mut store, &ctx, id, &old, None).unwrap();
        for name in team {
            roles::add_agent(&mut store, &ctx, name, "agent", None).unwrap();
        }
        (dir, store, ctx, id)
    }

    fn refused(value: &str, nearest: Option<&str>) -> Result<(), Invalid> {
        Err(Invalid::new(
            "assignee",
            value,
            Reason::UnknownAgent {
                nearest: nearest.map(str::to_string),
            },
        ))
    }

    #[test]
    fn the_assignee_rule_as_a_table() {
        let team: &[&str] = &["li.na", "wang.fang"];
        let cases: &[(&[&str], &str, Result<(), Invalid>)] = &[
            (&[], "li.nna", Ok(())),
            (&[], "", Ok(())),
            (team, "li.na", Ok(())),
            (team, "", Ok(())),
            // Unchanged: a name from before the team was listed stays.
            (team, "old.name", Ok(())),
            (team, "li.nna", refused("li.nna", Some("li.na"))),
            (team, "LI.NA", refused("LI.NA", Some("li.na"))),
            (team, "wang", refused("wang", None)),
        ];
        for (team, value, expected) in cases {
            let (_dir, mut store, ctx, id) = store_with(team);
            let changes = TicketChanges {
                assignee: Some(value.to_string()),
                priority: Some("high".into()),
                ..Default::default()
            };
            let got = match tickets::set(&mut store, &ctx, id, &changes, None) {
                Ok(_) => Ok(()),
                Err(Error::Invalid(invalid)) => Err(invalid),
                Err(other) => panic!("{team:?} {value:?}: {other:?}"),
            };
            assert_eq!(&got, expected, "{team:?} {value:?}");
            // Triage (and bulk) changes go through the same rule.
            let seen = [triage::Seen {
                id,
                version: tickets::get(&mut store, &ctx, id).unwrap().ticket.version,
            }];
            let triaged = triage::change(&mut store, &ctx, &seen, &changes).map(drop);
            assert_eq!(triaged.is_ok(), expected.is_ok(), "triage {team:?} {value:?}");
        }
    }
}
