//! English: knowledge.

use crate::i18n::Plural;
use crate::i18n::catalog::knowledge::KnowledgeStrings;

pub const KNOWLEDGE: KnowledgeStrings = KnowledgeStrings {
    title: Plural {
        one: "Knowledge base · {count} article",
        other: "Knowledge base · {count} articles",
    },
    pick_title: "Insert from the knowledge base into #{ticket}",
    search_prompt: "Search: ",
    search_hint: "{key} searches titles, text and tags",
    col_kind: "Kind",
    col_used: "Used",
    col_title: "Title",
    col_tags: "Tags",
    loading: "Loading…",
    empty: "No articles yet: {key} adds one.",
    empty_pick: "The knowledge base has no articles yet.",
    no_match: "No article holds every word of “{query}”.",
    used: Plural {
        one: "used in {count} reply",
        other: "used in {count} replies",
    },
    inserted: "Inserted “{title}”: its use counts when you save.",
    added: "Article #{id} added: {title}",
    form_title: "New knowledge-base article",
    fields: &[("title", "Title"), ("text", "Text")],
};
