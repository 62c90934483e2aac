//! The words of the pick lists under form fields (customer, assignee,
//! category, department) and of the assignee rule, reached through
//! `Strings::pickers`.

use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct PickerStrings {
        /// Under the last choice shown when more match: `{count}` of them.
        pub more: Plural,
        /// A customer field whose text matches no customer.
        pub no_customer: &'static str,
        /// An assignee field whose text is no agent of the team.
        pub no_agent: &'static str,
        /// Why an assignee is refused once the team has agents.
        pub unknown_agent: &'static str,
        /// The same, with the nearest agent's name `{nearest}`.
        pub unknown_agent_nearest: &'static str,
    }
}
