//! Roles enforced by the PostgreSQL server (assets/migrations/pg/0019): an
//! agent's login cannot merge, archive, change policies or roles — not
//! through frontdesk whoever it claims to be, not by hand-written SQL —
//! while a supervisor's login can, and an agent's everyday work goes on.

use crate::pg_server::TestDb;
use chrono::{TimeZone, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::Role;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, Error, customers, merge, policies, roles, tickets};
use frontdesk::store::{OpenOptions, Store};
use postgres::{Client, NoTls};
use std::str::FromStr;

const PASSWORD: &str = "frontdesk-test-pw";

/// The owner's store, two logins (a supervisor and a plain agent, roles of
/// the whole server, so named after this test's database) and data.
struct Team {
    db: TestDb,
    owner: Store,
    supervisor: String,
    agent: String,
    keep: String,
    duplicate: String,
}

fn ctx(agent: &str) -> Ctx {
    Ctx::new(agent, Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap())
}

fn team() -> Option<Team> {
    let db = TestDb::fresh()?;
    let mut owner = db.store();
    let (supervisor, agent) = (format!("{}_sup", db.name), format!("{}_agt", db.name));
    let mut admin = db.admin();
    for login in [&supervisor, &agent] {
        admin
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {login}; CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}' IN ROLE frontdesk_agent"
            ))
            .unwrap();
    }
    let boss = ctx("owner");
    roles::add_agent(&mut owner, &boss, "owner", "admin", None).unwrap();
    roles::add_agent(&mut owner, &boss, &supervisor, "supervisor", None).unwrap();
    roles::add_agent(&mut owner, &boss, &agent, "agent", None).unwrap();
    let mut code = |name: &str| {
        let input = CustomerInput {
            name: Some(name.into()),
            ..Default::default()
        };
        customers::add(&mut owner, &boss, &input).unwrap().code
    };
    let (keep, duplicate) = (code("张三"), code("张三 (重复)"));
    let ticket = TicketInput {
        customer: duplicate.clone(),
        kind: "complaint".into(),
        subject: "快递丢失".into(),
        ..Default::default()
    };
    tickets::add(&mut owner, &boss, &ticket).unwrap();
    Some(Team {
        db,
        owner,
        supervisor,
        agent,
        keep,
        duplicate,
    })
}

impl Team {
    fn client_as(&self, login: &str) -> Client {
        postgres::Config::from_str(&self.db.url_as(login))
            .unwrap()
            .password(PASSWORD)
            .connect(NoTls)
            .unwrap()
    }

    fn store_as(&self, login: &str) -> Store {
        Store::on_postgres(self.client_as(login), login, &OpenOptions::default()).unwrap()
    }

    /// Whether the customer `code` names is archived, as the owner reads it.
    fn archived(&mut self, code: &str) -> bool {
        customers::get(&mut self.owner, code).unwrap().archived
    }

    fn keep_and_duplicate(&self) -> (String, String) {
        (self.keep.clone(), self.duplicate.clone())
    }
}

fn refused_to(result: Result<impl std::fmt::Debug, Error>, login: &str, needed: Role) {
    match result {
        Err(Error::Forbidden { agent, needed: n, .. }) => {
            assert_eq!((agent.as_str(), n), (login, needed));
        }
        other => panic!("{login} was not refused: {other:?}"),
    }
}

#[test]
fn an_agents_login_cannot_merge_archive_or_change_policies_whoever_it_claims_to_be() {
    let Some(mut t) = team() else { return };
    let mut store = t.store_as(&t.agent);
    // It claims to be the supervisor: frontdesk's own check passes, the
    // server's does not.
    let claimed = ctx(&t.supervisor);
    refused_to(
        customers::archive(&mut store, &claimed, &t.keep),
        &t.agent,
        Role::Supervisor,
    );
    refused_to(
        merge::merge(&mut store, &claimed, &t.keep, &t.duplicate),
        &t.agent,
        Role::Supervisor,
    );
    refused_to(
        policies::set_email_reply(&mut store, &claimed, Some(60)),
        &t.agent,
        Role::Supervisor,
    );
    let boss = ctx("owner");
    refused_to(
        roles::add_agent(&mut store, &boss, &t.agent, "admin", None),
        &t.agent,
        Role::Admin,
    );
    let (keep, duplicate) = t.keep_and_duplicate();
    assert!(!t.archived(&keep) && !t.archived(&duplicate));
    assert_eq!(policies::email_reply(&mut t.owner).unwrap(), Some(1440));
    let dup = customers::get(&mut t.owner, &t.duplicate).unwrap();
    assert_eq!(
        merge::preview(&mut t.owner, dup.id, dup.id).unwrap().0.tickets,
        1,
        "nothing moved"
    );
    // Everyday work goes on.
    let note = TicketInput {
        customer: t.keep.clone(),
        kind: "inquiry".into(),
        subject: "发票抬头".into(),
        ..Default::default()
    };
    tickets::add(&mut store, &ctx(&t.agent), &note).unwrap();
}

#[test]
fn hand_written_sql_from_an_agents_login_is_refused_by_the_server() {
    let Some(mut t) = team() else { return };
    let mut client = t.client_as(&t.agent);
    let statements = [
        "UPDATE customers SET archived = true",
        "DELETE FROM customers",
        "UPDATE tickets SET customer_id = (SELECT min(id) FROM customers)",
        "DELETE FROM routing_rules",
        "DELETE FROM sla_policies",
        "UPDATE meta SET value = '1' WHERE key = 'email_reply_minutes'",
        "UPDATE agents SET role = 'admin'",
        "DELETE FROM audit",
        "TRUNCATE customers CASCADE",
        "ALTER TABLE customers DISABLE TRIGGER ALL",
        "UPDATE frontdesk_schema SET version = 1",
    ];
    for sql in statements {
        let err = client.batch_execute(sql).expect_err(sql);
        let code = err.code().map(|c| c.code().to_string());
        assert!(matches!(code.as_deref(), Some("42501")), "{sql}: {code:?} {err}");
    }
    let (keep, _) = t.keep_and_duplicate();
    assert!(!t.archived(&keep));
    assert_eq!(
        roles::list(&mut t.owner)
            .unwrap()
            .iter()
            .filter(|a| a.role == Role::Admin)
            .count(),
        1
    );
}

#[test]
fn a_supervisors_login_may_archive_and_merge() {
    let Some(mut t) = team() else { return };
    let mut store = t.store_as(&t.supervisor);
    let me = ctx(&t.supervisor);
    merge::merge(&mut store, &me, &t.keep, &t.duplicate).unwrap();
    customers::archive(&mut store, &me, &t.keep).unwrap();
    let (keep, _) = t.keep_and_duplicate();
    assert!(t.archived(&keep));
}
