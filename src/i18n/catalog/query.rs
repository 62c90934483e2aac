//! The words of the filter language (`ticket list --query`, the queue's
//! `/`): why a term is refused, and the queue's search line. Reached
//! through `Strings::query`.

crate::i18n::texts::catalogue_struct! {
    pub struct QueryStrings {
        /// A key that is none of the keys: `{key}`, then `{keys}` the list.
        pub unknown_key: &'static str,
        /// The same, with the nearest key `{nearest}`.
        pub unknown_key_nearest: &'static str,
        /// A value the key does not take: `{value}`, `{key}`, `{allowed}`.
        pub unknown_value: &'static str,
        /// The same, with the nearest value `{nearest}`.
        pub unknown_value_nearest: &'static str,
        /// `{key}:` with nothing after it.
        pub empty_value: &'static str,
        /// A time value `{value}` that is no TIME form; `{forms}` lists them.
        pub bad_time: &'static str,
        /// `<` or `>` on key `{key}`, which has no order.
        pub no_order: &'static str,
        /// A `"` never closed.
        pub unclosed_quote: &'static str,
        /// Two `sort:` terms.
        pub second_sort: &'static str,
        /// `-word`: bare words cannot be negated.
        pub negated_text: &'static str,
    }
}
