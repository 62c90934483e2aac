//! English: occasions.

use crate::i18n::catalog::occasions::OccasionStrings;

pub const OCCASIONS: OccasionStrings = OccasionStrings {
    fields: &[("birthday", "Birthday")],
    msg_occasion_not_done: "A birthday or anniversary reminder ends with an outbound contact: press {key} to log one",
    msg_survey_not_done: "A low-survey follow-up ends with an outbound contact after the survey: press {key} to log one",
};
