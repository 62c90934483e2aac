//! Simplified Chinese: search.

use crate::i18n::catalog::search::SearchStrings;

pub const SEARCH: SearchStrings = SearchStrings {
    no_term: "没有可搜索的词或汉字",
    no_tickets: "没有与“{text}”匹配的工单。",
    no_contacts: "没有与“{text}”匹配的未关联工单的沟通记录。",
};
