//! The words of the knowledge base in the terminal UI (the screen, the
//! search over a reply or note, the article form), reached through
//! `Strings::knowledge`.

use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct KnowledgeStrings {
        /// The screen's title: `{count}` articles shown.
        pub title: Plural,
        /// The search over a reply or a note: `{ticket}` is its ticket.
        pub pick_title: &'static str,
        /// Before the search text.
        pub search_prompt: &'static str,
        /// On the empty search line while it does not have the keys:
        /// `{key}` starts searching.
        pub search_hint: &'static str,
        pub col_kind: &'static str,
        pub col_used: &'static str,
        pub col_title: &'static str,
        pub col_tags: &'static str,
        pub loading: &'static str,
        /// The knowledge base has no article: `{key}` adds one.
        pub empty: &'static str,
        /// In the search over a reply, where adding is not offered.
        pub empty_pick: &'static str,
        /// No article holds every word of `{query}`.
        pub no_match: &'static str,
        /// An article's use count, on its page: `{count}` replies.
        pub used: Plural,
        /// After Enter in the search: `{title}` went into the text.
        pub inserted: &'static str,
        /// After the form saved article `{id}`, `{title}`.
        pub added: &'static str,
        pub form_title: &'static str,
        /// Labels of the article form's own fields.
        pub fields: &'static [(&'static str, &'static str)],
    }
}
