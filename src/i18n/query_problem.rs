//! Words a [`QueryProblem`] (a term of the filter language that cannot be
//! read) in the catalogue's language. Keys and values stay as typed: they
//! are the language itself.

use super::{Strings, fill};
use crate::domain::query::{KEYS, QueryProblem};

pub fn problem(p: &QueryProblem, s: &Strings) -> String {
    let q = s.query;
    let keys = KEYS.join(", ");
    match p {
        QueryProblem::UnknownKey { key, nearest: None } => fill(q.unknown_key, &[("key", key), ("keys", &keys)]),
        QueryProblem::UnknownKey {
            key,
            nearest: Some(nearest),
        } => fill(
            q.unknown_key_nearest,
            &[("key", key), ("nearest", nearest), ("keys", &keys)],
        ),
        QueryProblem::UnknownValue {
            key,
            value,
            nearest,
            allowed,
        } => {
            let allowed = allowed.join(", ");
            let mut args = vec![("key", key.as_str()), ("value", value.as_str()), ("allowed", &allowed)];
            let template = match nearest {
                Some(nearest) => {
                    args.push(("nearest", nearest));
                    q.unknown_value_nearest
                }
                None => q.unknown_value,
            };
            fill(template, &args)
        }
        QueryProblem::EmptyValue { key } => fill(q.empty_value, &[("key", key)]),
        QueryProblem::Time { value, .. } => fill(q.bad_time, &[("value", value), ("forms", s.clock.forms)]),
        QueryProblem::NoOrder { key } => fill(q.no_order, &[("key", key)]),
        QueryProblem::UnclosedQuote => q.unclosed_quote.into(),
        QueryProblem::SecondSort => q.second_sort.into(),
        QueryProblem::NegatedText => q.negated_text.into(),
    }
}
