//! English: query.

use crate::i18n::catalog::query::QueryStrings;

pub const QUERY: QueryStrings = QueryStrings {
    unknown_key: "no key “{key}”; the keys are {keys}",
    unknown_key_nearest: "no key “{key}” — did you mean “{nearest}”? The keys are {keys}",
    unknown_value: "“{value}” is no {key}; use one of {allowed}",
    unknown_value_nearest: "“{value}” is no {key} — did you mean “{nearest}”? Use one of {allowed}",
    empty_value: "“{key}:” needs a value",
    bad_time: "“{value}” is not a time: {forms}; before it, < > <= or >=",
    no_order: "“{key}” has no order: < and > work with priority, opened, updated and due",
    unclosed_quote: "a quote is not closed",
    second_sort: "only one sort: per query",
    negated_text: "words cannot be negated: put - before a key:value term",
};
