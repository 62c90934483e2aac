//! Survey rows (满意度调研).

use super::rows::instant;
use super::sql::{Row, column_error, params};
use super::{StoreError, Tx};
use crate::domain::survey::{SATISFIED_SCORE, Scores, Survey};
use chrono::{DateTime, Utc};

/// What `survey list` asks for.
#[derive(Debug, Clone, Default)]
pub struct SurveyQuery {
    pub customer_id: Option<i64>,
    /// Taken at or after.
    pub from: Option<DateTime<Utc>>,
    /// Taken before.
    pub to: Option<DateTime<Utc>>,
    /// Only surveys with a score below 4.
    pub low: bool,
    pub limit: Option<usize>,
}

pub(super) const SURVEY_COLUMNS: &str = "s.id, s.customer_id, c.code, c.name, s.ticket_id, s.at, s.quality, \
    s.response, s.communication, s.comment, s.agent";

/// A score column; the schema keeps it within 1..=5, anything else is reported.
pub(super) fn score(row: &Row, index: usize) -> Result<u8, StoreError> {
    let value: i64 = row.get(index)?;
    u8::try_from(value)
        .ok()
        .filter(|s| (1..=5).contains(s))
        .ok_or_else(|| column_error(index, &format!("score {value} is not 1 to 5")))
}

/// A survey from the first columns of [`SURVEY_COLUMNS`].
pub(super) fn survey(row: &Row) -> Result<Survey, StoreError> {
    Ok(Survey {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        customer_code: row.get(2)?,
        customer_name: row.get(3)?,
        ticket_id: row.get(4)?,
        at: instant(row, 5)?,
        scores: Scores {
            quality: score(row, 6)?,
            response: score(row, 7)?,
            communication: score(row, 8)?,
        },
        comment: row.get(9)?,
        agent: row.get(10)?,
    })
}

impl Tx<'_> {
    pub fn insert_survey(&self, s: &Survey) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO surveys (customer_id, ticket_id, at, quality, response, communication,
                   comment, agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                s.customer_id,
                s.ticket_id,
                s.at.timestamp(),
                s.scores.quality,
                s.scores.response,
                s.scores.communication,
                s.comment,
                s.agent,
            ],
        )
    }

    pub fn survey(&self, id: i64) -> Result<Survey, StoreError> {
        self.db
            .query_opt(
                &format!(
                    "SELECT {SURVEY_COLUMNS} FROM surveys s JOIN customers c ON c.id = s.customer_id WHERE s.id = ?1"
                ),
                [id],
                survey,
            )?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Survey,
                key: id.to_string(),
            })
    }

    /// Newest first.
    pub fn list_surveys(&self, q: &SurveyQuery) -> Result<Vec<Survey>, StoreError> {
        let limit = q.limit.map_or(-1, |l| l as i64);
        // The lowest of the three scores: a scalar min() on SQLite, least() on PostgreSQL.
        let lowest = self.db.pick("min", "least");
        // Each optional filter names its column before `IS NULL`: PostgreSQL
        // types a parameter where it first meets it, and a null alone says nothing.
        let mut stmt = self.db.prepare(&format!(
            "SELECT {SURVEY_COLUMNS} FROM surveys s JOIN customers c ON c.id = s.customer_id
             WHERE (s.customer_id = ?1 OR ?1 IS NULL)
               AND (s.at >= ?2 OR ?2 IS NULL)
               AND (s.at < ?3 OR ?3 IS NULL)
               AND (?4 = 0 OR {lowest}(s.quality, s.response, s.communication) < ?5)
             ORDER BY s.at DESC, s.id DESC LIMIT ?6"
        ))?;
        let rows = stmt.query_map(
            params![
                q.customer_id,
                q.from.map(|t| t.timestamp()),
                q.to.map(|t| t.timestamp()),
                q.low,
                SATISFIED_SCORE,
                limit
            ],
            survey,
        )?;
        Ok(rows)
    }
}
