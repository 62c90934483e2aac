//! Simplified Chinese: pickers.

use crate::i18n::Plural;
use crate::i18n::catalog::pickers::PickerStrings;

pub const PICKERS: PickerStrings = PickerStrings {
    more: Plural {
        one: "…还有 {count} 个匹配",
        other: "…还有 {count} 个匹配",
    },
    no_customer: "没有匹配的客户",
    no_agent: "没有这位客服",
    unknown_agent: "不是团队中的客服（见 `agent list`）",
    unknown_agent_nearest: "不是团队中的客服，您要找的是否是 {nearest}？",
};
