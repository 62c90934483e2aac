//! Satisfaction surveys (满意度调研): three scores from 1 to 5 — product quality, service
//! response, communication — and a comment. A survey with any score below 4 is "low" and is
//! listed for follow-up.

use super::error::Invalid;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The lowest score that is not "low" (SPEC.md §4: below 4 needs a follow-up).
pub const SATISFIED_SCORE: u8 = 4;

/// The three scores of one survey, each 1..=5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scores {
    pub quality: u8,
    pub response: u8,
    pub communication: u8,
}

impl Scores {
    /// Validates the three scores as typed, naming the first bad field.
    pub fn parse(quality: &str, response: &str, communication: &str) -> Result<Scores, Invalid> {
        Ok(Scores {
            quality: score("quality", quality)?,
            response: score("response", response)?,
            communication: score("communication", communication)?,
        })
    }

    /// The mean of the three scores.
    pub fn mean(&self) -> f64 {
        f64::from(u16::from(self.quality) + u16::from(self.response) + u16::from(self.communication)) / 3.0
    }

    /// Any score below [`SATISFIED_SCORE`].
    pub fn is_low(&self) -> bool {
        [self.quality, self.response, self.communication]
            .iter()
            .any(|&s| s < SATISFIED_SCORE)
    }
}

/// One score, 1 to 5.
pub fn score(field: &str, value: &str) -> Result<u8, Invalid> {
    match value.trim().parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        _ => Err(Invalid::new(field, value, crate::domain::error::Reason::Score)),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    pub id: i64,
    pub customer_id: i64,
    pub customer_code: String,
    pub customer_name: String,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub scores: Scores,
    pub comment: String,
    /// Who recorded it.
    pub agent: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_whole_numbers_from_one_to_five() {
        let cases = [
            ("1", Some(1)),
            ("5", Some(5)),
            (" 3 ", Some(3)),
            ("0", None),
            ("6", None),
            ("-1", None),
            ("4.5", None),
            ("five", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(score("quality", input).ok(), want, "{input:?}");
        }
    }

    #[test]
    fn the_first_bad_field_is_named() {
        let cases = [
            (("9", "1", "1"), "quality"),
            (("1", "x", "1"), "response"),
            (("1", "1", "0"), "communication"),
        ];
        for ((q, r, c), field) in cases {
            assert_eq!(Scores::parse(q, r, c).unwrap_err().field, field);
        }
    }

    #[test]
    fn mean_and_low() {
        // (scores, mean, low)
        let cases = [
            ((5, 5, 5), 5.0, false),
            ((4, 4, 4), 4.0, false),
            ((5, 5, 3), 13.0 / 3.0, true),
            ((1, 2, 3), 2.0, true),
        ];
        for ((quality, response, communication), mean, low) in cases {
            let s = Scores {
                quality,
                response,
                communication,
            };
            assert!((s.mean() - mean).abs() < 1e-12, "{s:?}");
            assert_eq!(s.is_low(), low, "{s:?}");
        }
    }
}
