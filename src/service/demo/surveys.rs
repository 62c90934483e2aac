//! Satisfaction surveys (满意度调研) after some resolved tickets. Scores follow
//! how the ticket went: a satisfied callback scores high, a follow-up or a
//! missed target scores lower.

use super::Gen;
use super::customers::Cust;
use super::rng::Rng;
use super::when::{HOUR, instant};
use crate::domain::enums::CallbackOutcome;
use crate::domain::sla::{SlaState, SlaView};
use crate::domain::ticket::Ticket;
use crate::service::Error;
use crate::store::{BulkWriter, NewSurvey};

/// Share of resolved tickets whose customer answers a survey.
const ANSWERED: f64 = 0.35;

/// A customer's answer to the survey after a ticket.
pub struct Answer {
    at: i64,
    scores: [u8; 3],
    comment: String,
}

/// Whether the customer of a resolved ticket answers its survey, and how:
/// now and then.
pub fn answer(g: &Gen, rng: &mut Rng, cust: &Cust, t: &Ticket, sla: &SlaView) -> Option<Answer> {
    let resolved = t.resolved_at?;
    if !rng.chance(ANSWERED) {
        return None;
    }
    let sent = t.callback_at.unwrap_or(resolved).timestamp();
    let at = sent + rng.range(HOUR, 48 * HOUR);
    if at >= g.now {
        return None;
    }
    let mut mood = match t.callback_outcome {
        Some(CallbackOutcome::Satisfied) => 4.6,
        Some(CallbackOutcome::Resolved) => 4.0,
        Some(CallbackOutcome::FollowUp) => 2.4,
        None => 3.6,
    };
    for clock in [&sla.first_response, &sla.resolution] {
        if clock.state == Some(SlaState::Missed) {
            mood -= 0.8;
        }
    }
    let mut score = |bias: f64| (mood + bias + rng.between(-1.2, 1.2)).round().clamp(1.0, 5.0) as u8;
    let scores = [score(0.0), score(0.2), score(0.1)];
    let mean = f64::from(scores.iter().map(|s| u32::from(*s)).sum::<u32>()) / 3.0;
    let band = match mean {
        m if m < 3.0 => "survey-low",
        m if m < 4.0 => "survey-mid",
        _ => "survey-high",
    };
    let comment = if rng.chance(0.6) {
        g.render(rng, cust.lang, band, "", "")
    } else {
        String::new()
    };
    Some(Answer { at, scores, comment })
}

/// Writes `answer` to the survey of ticket `ticket_id`.
pub fn write(w: &mut BulkWriter, cust: &Cust, ticket_id: i64, answer: &Answer) -> Result<(), Error> {
    w.survey(&NewSurvey {
        customer_id: cust.id,
        ticket_id: Some(ticket_id),
        at: instant(answer.at),
        scores: answer.scores,
        comment: &answer.comment,
        agent: cust.owner,
    })?;
    Ok(())
}
