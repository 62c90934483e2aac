//! Simplified Chinese: occasions.

use crate::i18n::catalog::occasions::OccasionStrings;

pub const OCCASIONS: OccasionStrings = OccasionStrings {
    fields: &[("birthday", "生日")],
    msg_occasion_not_done: "生日或纪念日提醒需通过一次呼出联系完成：按 {key} 记录",
    msg_survey_not_done: "低分回访提醒需在满意度调查后进行一次呼出联系完成：按 {key} 记录",
};
