//! English: search.

use crate::i18n::catalog::search::SearchStrings;

pub const SEARCH: SearchStrings = SearchStrings {
    no_term: "has no word or Chinese character to search for",
    no_tickets: "No tickets match “{text}”.",
    no_contacts: "No contacts logged without a ticket match “{text}”.",
};
