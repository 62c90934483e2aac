//! Reads apart (`Store::apart`): a connection of their own on another
//! thread, beside the store's read (the agenda's low surveys, the report's
//! churn scan and surveys). On a file it reads what the store committed, the
//! same rows the store's own read returns; on a server there is none and the
//! callers read in their own transaction. The agenda, occasion and report
//! tests hold both ways to the same figures: they run on either engine.

use crate::common::{Desk, on_postgres};
use chrono::{DateTime, Utc};

const DAY: &str = "2026-03-20T09:00:00Z";

fn now() -> DateTime<Utc> {
    DAY.parse().unwrap()
}

#[test]
fn a_read_apart_sees_what_the_store_committed() {
    let desk = Desk::new();
    let store = desk.store();
    let Some(apart) = store.apart() else {
        assert!(on_postgres(), "a file always has a reader apart");
        return;
    };
    let low = |store: &mut frontdesk::store::Store| store.read(|tx| tx.low_surveys_unanswered(now())).unwrap();
    let apart_low = || apart.read(|tx| tx.low_surveys_unanswered(now())).unwrap();
    assert!(apart_low().is_empty());

    let ana = desk.customer_at("2026-03-01T09:00:00Z", "Ana Lima", &[])["id"].to_string();
    let bo = desk.customer_at("2026-03-01T09:00:00Z", "Bo Chen", &[])["id"].to_string();
    desk.low_survey_at("2026-03-10T09:00:00Z", &ana);
    desk.low_survey_at("2026-03-11T09:00:00Z", &bo);
    desk.low_survey_at("2026-03-12T09:00:00Z", &bo);

    let mut store = desk.store();
    let ids = |rows: &[frontdesk::store::LowSurveyRow]| -> Vec<(i64, i64)> {
        rows.iter().map(|r| (r.survey_id, r.customer_id)).collect()
    };
    let apart_rows = apart_low();
    assert_eq!(apart_rows.len(), 3, "the surveys written after the reader was made");
    assert_eq!(ids(&apart_rows), ids(&low(&mut store)));
}
