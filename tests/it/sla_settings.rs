//! A store remembers the SLA calendars and policies between its reads
//! (`store/sla_settings.rs`): a long-lived store — the TUI's — must still
//! see another agent's change of a policy at its next read, and never a
//! change its own write rolled back.

use crate::common::{Desk, NOW};
use frontdesk::domain::enums::TicketKind;
use frontdesk::domain::policy::TargetSpec;
use frontdesk::service::sla::Rules;
use frontdesk::service::tickets;
use frontdesk::service::{Ctx, Error};
use frontdesk::store::{Store, StoreError, Tx};

fn first_response_due(store: &mut Store, id: i64) -> Option<String> {
    let ctx = Ctx::new("tester", NOW.parse().unwrap());
    let view = tickets::queue(store, &ctx, None)
        .unwrap()
        .into_iter()
        .find(|v| v.ticket.id == id)
        .expect("the ticket is in the queue");
    view.sla.first_response.due.map(|d| d.to_rfc3339())
}

/// A desk with one complaint in its queue, and the complaint's id.
fn a_complaint() -> (Desk, i64) {
    let desk = Desk::new();
    let code = desk.customer("李雷", &[])["code"].as_str().unwrap().to_string();
    let id = desk.ticket(&code, "complaint", "退款", &[])["id"].as_i64().unwrap();
    (desk, id)
}

#[test]
fn a_policy_changed_elsewhere_counts_at_the_next_read_of_a_store_that_remembered_the_old() {
    let (desk, id) = a_complaint();
    let mut reader = desk.store();
    let before = first_response_due(&mut reader, id);
    assert_eq!(first_response_due(&mut reader, id), before, "read twice, the same");

    desk.ok(&[
        "sla",
        "policy",
        "add",
        "--name",
        "加急",
        "--kind",
        "complaint",
        "--first-response",
        "5m",
    ]);
    let after = first_response_due(&mut reader, id);
    assert_eq!(after.as_deref(), Some("2026-03-02T08:05:00+00:00"), "was {before:?}");
}

fn first_for(kind: TicketKind, minutes: i64, name: &str) -> impl Fn(&Tx) -> Result<i64, StoreError> {
    let name = name.to_string();
    move |tx| {
        let mut policy = tx.policies()?[0].clone();
        policy.name = name.clone();
        policy.position = 0;
        policy.kind = Some(kind);
        policy.first_response = Some(TargetSpec {
            minutes,
            calendar: None,
        });
        tx.insert_policy(&policy)
    }
}

#[test]
fn a_policy_a_rolled_back_write_added_is_never_remembered() {
    let (desk, id) = a_complaint();
    let mut store = desk.store();
    let before = first_response_due(&mut store, id);
    // A write adds a five-minute complaint policy, reads the settings with
    // it, and fails: rolled back, the report stamp's epoch back where it was.
    let add_complaint = first_for(TicketKind::Complaint, 5, "rolled back");
    let failed: Result<(), Error> = store.write(|tx| {
        add_complaint(tx)?;
        Rules::load(tx)?;
        Err(StoreError::Sqlite("stop".into()).into())
    });
    assert!(failed.is_err());
    // Another change moves the epoch to the number the rolled-back write
    // had reached: the settings read then must not come back.
    let add_inquiry = first_for(TicketKind::Inquiry, 7 * 60, "inquiries");
    store.write(|tx| Ok::<_, Error>(add_inquiry(tx)?)).unwrap();
    assert_eq!(first_response_due(&mut store, id), before);
}
