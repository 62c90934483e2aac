//! The words of full-text search (`ticket list --search`, `timeline
//! --search`), reached through `Strings::search`.

crate::i18n::texts::catalogue_struct! {
    pub struct SearchStrings {
        /// Why a search text is refused: it holds no word and no CJK
        /// character (only spaces or punctuation).
        pub no_term: &'static str,
        /// Under an empty ticket search: `{text}` is what was searched for.
        pub no_tickets: &'static str,
        /// Under an empty search of contacts logged without a ticket.
        pub no_contacts: &'static str,
    }
}
