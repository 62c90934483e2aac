//! English: pickers.

use crate::i18n::Plural;
use crate::i18n::catalog::pickers::PickerStrings;

pub const PICKERS: PickerStrings = PickerStrings {
    more: Plural {
        one: "… {count} more match",
        other: "… {count} more matches",
    },
    no_customer: "no customer matches",
    no_agent: "no agent of that name",
    unknown_agent: "not an agent of the team (see `agent list`)",
    unknown_agent_nearest: "not an agent of the team; did you mean {nearest}?",
};
