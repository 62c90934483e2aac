//! The reads behind birthday, anniversary and low-survey reminders. Both
//! are filtered in SQL, so only the few customers whose day falls in the
//! window (or whose low survey is still unanswered) reach Rust.

use super::sql::{ListOf, params};
use super::{StoreError, Tx};
use crate::domain::time::from_unix;
use chrono::{DateTime, NaiveDate, Utc};

/// A live customer whose birthday or "customer since" day falls on one of
/// the window's month-days.
#[derive(Debug, Clone)]
pub struct OccasionRow {
    pub customer_id: i64,
    pub code: String,
    pub name: String,
    /// Set only when it falls in the window and birthdays are asked for.
    pub birthday: Option<NaiveDate>,
    /// Set only when it falls in the window and anniversaries are asked for.
    pub since: Option<NaiveDate>,
    pub last_outbound: Option<DateTime<Utc>>,
}

/// A survey of a live customer with a score below 4 and no outbound
/// contact with them after it (up to `now`). Without its words: tens of
/// thousands are read to make a page of follow-ups, whose words come from
/// [`Tx::survey_notes`].
#[derive(Debug, Clone)]
pub struct LowSurveyRow {
    pub survey_id: i64,
    pub customer_id: i64,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub scores: [i64; 3],
}

/// What a follow-up on a survey says: the customer's code and name, the comment.
#[derive(Debug, Clone)]
pub struct SurveyNote {
    pub survey_id: i64,
    pub code: String,
    pub name: String,
    pub comment: String,
}

/// ?1 the surveys' ids (JSON).
pub(super) const SURVEY_NOTES_SQL: &str = "SELECT s.id, c.code, c.name, s.comment
  FROM json_each(?1) j JOIN surveys s ON s.id = j.value JOIN customers c ON c.id = s.customer_id";

/// ?1 the window's `MM-DD` keys (JSON), ?2 `now`, ?3 birthdays wanted,
/// ?4 anniversaries wanted. The dates are stored as `YYYY-MM-DD`, so the
/// month-day is `substr(…, 6, 5)`, indexed by migration 0016: the two
/// halves of the union are index searches for the window's days (one pass
/// over the 100k customers took 60–110 ms); Rust then parses the dates of
/// the few that match.
pub(super) const OCCASIONS_SQL: &str = concat!(
    "SELECT c.id, c.code, c.name,
       CASE WHEN ?3 AND substr(c.birthday, 6, 5) IN (SELECT value FROM json_each(?1))
            THEN c.birthday END,
       CASE WHEN ?4 AND substr(c.since, 6, 5) IN (SELECT value FROM json_each(?1))
            THEN c.since END,
       ",
    last_outbound_of_c!(),
    "
  FROM customers c
 WHERE NOT c.archived
   AND c.id IN (SELECT id FROM customers
                 WHERE ?3 AND substr(birthday, 6, 5) IN (SELECT value FROM json_each(?1))
                UNION ALL
                SELECT id FROM customers
                 WHERE ?4 AND substr(since, 6, 5) IN (SELECT value FROM json_each(?1)))"
);

/// ?1 `now`. About half the surveys are low, so reading them all in table
/// order (`+s.at` keeps SQLite off the date index and its row lookups) is
/// faster: 120 ms against 160 ms on the 100k demo. The outbound-contact
/// check reads the stored last outbound contact (migration 0016): a contact
/// after the survey exists when the last one is after it, and up to `now`;
/// only when the last one lies after `now` (a replaced clock) are the
/// interactions searched by `interactions_direction`.
pub(super) const LOW_SURVEYS_SQL: &str = "SELECT s.id, s.customer_id, s.ticket_id, s.at,
       s.quality, s.response, s.communication
  FROM surveys s JOIN customers c ON c.id = s.customer_id
 WHERE (s.quality < 4 OR s.response < 4 OR s.communication < 4)
   AND +s.at <= ?1 AND NOT c.archived
   AND NOT EXISTS (SELECT 1 FROM customer_last_outbound lo
                    WHERE lo.customer_id = s.customer_id AND lo.at > s.at
                      AND (lo.at <= ?1
                           OR EXISTS (SELECT 1 FROM interactions i
                                       WHERE i.customer_id = s.customer_id AND i.direction = 'out'
                                         AND i.at > s.at AND i.at <= ?1)))";

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|d| d.parse().ok())
}

impl Tx<'_> {
    /// Customers with a birthday or anniversary on one of `month_days`
    /// (`MM-DD`), and their last outbound contact up to `now`.
    pub fn occasion_rows(
        &self,
        month_days: &[String],
        now: DateTime<Utc>,
        birthdays: bool,
        anniversaries: bool,
    ) -> Result<Vec<OccasionRow>, StoreError> {
        if !(birthdays || anniversaries) || month_days.is_empty() {
            return Ok(Vec::new());
        }
        let keys = serde_json::to_string(month_days).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.db.prepare(&self.db.json_list(OCCASIONS_SQL, ListOf::Text))?;
        let rows = stmt.query_map(params![keys, now.timestamp(), birthdays, anniversaries], |r| {
            Ok(OccasionRow {
                customer_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                birthday: date(r.get(3)?),
                since: date(r.get(4)?),
                last_outbound: r.get::<Option<i64>>(5)?.map(from_unix),
            })
        })?;
        Ok(rows)
    }

    /// Low surveys up to `now` with no outbound contact after them.
    pub fn low_surveys_unanswered(&self, now: DateTime<Utc>) -> Result<Vec<LowSurveyRow>, StoreError> {
        let mut stmt = self.db.prepare(LOW_SURVEYS_SQL)?;
        let rows = stmt.query_map(params![now.timestamp()], |r| {
            Ok(LowSurveyRow {
                survey_id: r.get(0)?,
                customer_id: r.get(1)?,
                ticket_id: r.get(2)?,
                at: from_unix(r.get(3)?),
                scores: [r.get(4)?, r.get(5)?, r.get(6)?],
            })
        })?;
        Ok(rows)
    }

    /// The words of these surveys' follow-ups, in no order (a survey gone
    /// since it was listed is left out).
    pub fn survey_notes(&self, survey_ids: &[i64]) -> Result<Vec<SurveyNote>, StoreError> {
        let mut stmt = self.db.prepare(&self.db.json_list(SURVEY_NOTES_SQL, ListOf::Integer))?;
        stmt.query_map(params![super::report::ids_json(survey_ids)], |r| {
            Ok(SurveyNote {
                survey_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                comment: r.get(3)?,
            })
        })
    }
}
