//! The words of moving between records (cards, ticket pages, the palette's
//! jumps), kept beside the main catalogue and reached through
//! `Strings::navigation`.

crate::i18n::texts::catalogue_struct! {
    pub struct NavigationStrings {
        /// A palette row that opens ticket `{ticket}` (a number typed as
        /// `#123` or `123`).
        pub palette_ticket: &'static str,
        /// A palette row that opens the customer `{code}` `{name}`.
        pub palette_customer: &'static str,
        /// In a page's title when pages lie under it: `{key}` (Esc) goes
        /// back to ticket `{ticket}`.
        pub back_to_ticket: &'static str,
        /// The same, back to customer `{customer}` (code and name).
        pub back_to_customer: &'static str,
    }
}
