//! A reminder's note in the catalogue's words: the CLI's `reminder list`
//! table and the TUI's Reminders view. A stored reminder shows its note as
//! typed; a computed one is worded from its facts, never from the service's
//! English sentence (which stays for `--json`).

use super::{Plural, Strings, fill};
use crate::service::reminders::{NoteFacts, ReminderView};

/// The note of `r` in the language of `s`.
pub fn reminder_note(s: &Strings, r: &ReminderView) -> String {
    let c = s.crm;
    match &r.facts {
        NoteFacts::Typed => r.note.clone(),
        NoteFacts::Cadence { tier, last_outbound } => {
            let tier = s.tier(*tier);
            match last_outbound {
                Some(day) => fill(
                    c.note_cadence,
                    &[("tier", tier), ("date", &day.format("%Y-%m-%d").to_string())],
                ),
                None => fill(c.note_cadence_never, &[("tier", tier)]),
            }
        }
        NoteFacts::Callback { ticket, subject } => fill(
            c.note_callback,
            &[("ticket", &ticket.to_string()), ("subject", subject)],
        ),
        NoteFacts::Birthday { day, turns } => fill(
            c.note_birthday,
            &[("day", &day.format("%m-%d").to_string()), ("age", &turns.to_string())],
        ),
        NoteFacts::Anniversary { years, since } => {
            let anniversary: &Plural = &c.note_anniversary;
            anniversary.of(i64::from(*years), &[("since", &since.to_string())])
        }
        NoteFacts::Survey {
            scores: [q, r, m],
            earlier,
            comment,
        } => {
            let mut note = fill(c.note_survey, &[("scores", &format!("{q}/{r}/{m}"))]);
            if *earlier > 0 {
                note.push_str(&fill(c.note_survey_earlier, &[("count", &earlier.to_string())]));
            }
            if let Some(comment) = comment {
                note.push_str(&fill(c.note_survey_comment, &[("comment", comment)]));
            }
            note
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::Due;
    use crate::domain::enums::{ReminderReason, Tier};
    use crate::i18n::Lang;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn view(facts: NoteFacts) -> ReminderView {
        ReminderView {
            id: None,
            reason: ReminderReason::Cadence,
            due_at: "2026-10-05T09:30:00Z".parse().unwrap(),
            when: Due::Today,
            section: crate::domain::agenda::Section::Today,
            customer_id: Some(1),
            customer_code: "C1".into(),
            customer_name: "张三".into(),
            ticket_id: None,
            note: facts.english(),
            facts,
            done_at: None,
        }
    }

    /// English is word for word the service's note (what `--json` keeps);
    /// Chinese words the same facts, with no English left but data.
    #[test]
    fn computed_notes_in_both_languages() {
        let cases = [
            (
                NoteFacts::Cadence {
                    tier: Tier::AtRisk,
                    last_outbound: Some(day("2026-09-01")),
                },
                "流失风险客户定期联系，上次呼出 2026-09-01",
            ),
            (
                NoteFacts::Cadence {
                    tier: Tier::HighValue,
                    last_outbound: None,
                },
                "高价值客户定期联系，尚无呼出联系",
            ),
            (
                NoteFacts::Callback {
                    ticket: 17,
                    subject: "打印机卡纸".into(),
                },
                "回访工单 #17 打印机卡纸",
            ),
            (
                NoteFacts::Birthday {
                    day: day("2026-10-07"),
                    turns: 40,
                },
                "10-07 生日（40 岁）",
            ),
            (
                NoteFacts::Anniversary {
                    years: 1,
                    since: day("2025-10-07"),
                },
                "成为客户 1 周年（2025-10-07 起）",
            ),
            (
                NoteFacts::Anniversary {
                    years: 3,
                    since: day("2023-10-07"),
                },
                "成为客户 3 周年（2023-10-07 起）",
            ),
            (
                NoteFacts::Survey {
                    scores: [2, 3, 2],
                    earlier: 0,
                    comment: None,
                },
                "满意度调查评分 2/3/2",
            ),
            (
                NoteFacts::Survey {
                    scores: [1, 2, 3],
                    earlier: 2,
                    comment: Some("太慢了…".into()),
                },
                "满意度调查评分 1/2/3（此前另有 2 份）：“太慢了…”",
            ),
        ];
        for (facts, chinese) in cases {
            let r = view(facts);
            assert_eq!(reminder_note(Lang::En.strings(), &r), r.note, "{:?}", r.facts);
            assert_eq!(reminder_note(Lang::ZhCn.strings(), &r), chinese, "{:?}", r.facts);
        }
    }

    #[test]
    fn a_typed_note_shows_as_typed_in_any_language() {
        let mut r = view(NoteFacts::Typed);
        r.note = "call back about the invoice {date}".into();
        assert_eq!(reminder_note(Lang::ZhCn.strings(), &r), r.note);
    }
}
