//! Options that take one of a fixed set of words (priority, status, channel,
//! tier …): the set is listed by `--help`, the man page and shell completion,
//! and anything else is refused by clap before a database is opened, in the
//! domain's own words (`invalid priority "asap": expected one of: …`, exit 2).
//!
//! The words come from the domain vocabularies themselves (`ALL` and `key`),
//! so each set is written once and domain/ stays free of clap. The value is
//! handed on as the text given: the services take text (the TUI's forms and
//! imports send text too) and parse it with the same rule.

use crate::domain::error::Invalid;
use crate::domain::{enums, kpi};
use clap::builder::{PossibleValue, TypedValueParser};
use std::str::FromStr;
use std::sync::Arc;

/// The value parser of an option with a fixed set of words.
#[derive(Clone)]
pub struct OneOf {
    words: Vec<PossibleValue>,
    /// Whether "" is taken too: it clears the field (`customer edit --channel ""`).
    empty: bool,
    /// The domain's parse, whose refusal is the message.
    check: Check,
}

/// Whether a word is one of the set; the refusal is the message.
type Check = Arc<dyn Fn(&str) -> Result<(), Invalid> + Send + Sync>;

impl OneOf {
    /// The set `words`, checked by `T`'s parse.
    fn new<T: FromStr<Err = Invalid>>(words: impl IntoIterator<Item = PossibleValue>) -> OneOf {
        OneOf {
            words: words.into_iter().collect(),
            empty: false,
            check: Arc::new(|value| value.parse::<T>().map(drop)),
        }
    }

    /// Takes "" as well, for a field that "" clears.
    pub fn or_empty(mut self) -> OneOf {
        self.empty = true;
        self
    }
}

impl TypedValueParser for OneOf {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let (check, empty) = (self.check.clone(), self.empty);
        // A plain function as parser: clap keeps its error as the source,
        // which `parse::refuse` prints as the domain's refusal.
        let parse = move |text: &str| -> Result<String, Invalid> {
            if !(empty && text.trim().is_empty()) {
                check(text)?;
            }
            Ok(text.to_string())
        };
        parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.words.iter().cloned()))
    }
}

/// A closed vocabulary of the domain, as the command line offers it.
pub trait Vocabulary: FromStr<Err = Invalid> + Copy + 'static {
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
}

macro_rules! vocabularies {
    ($($name:ty),+ $(,)?) => {$(
        impl Vocabulary for $name {
            fn all() -> &'static [Self] {
                &<$name>::ALL
            }
            fn key(self) -> &'static str {
                <$name>::key(self)
            }
        }
    )+};
}

vocabularies!(
    enums::TicketKind,
    enums::Priority,
    enums::TicketStatus,
    enums::Channel,
    enums::Direction,
    enums::Tier,
    enums::CustomerKind,
    enums::CallbackOutcome,
    enums::ReminderReason,
    enums::Role,
    kpi::Breakdown,
);

/// The words of the vocabulary `T`.
pub fn one_of<T: Vocabulary>() -> OneOf {
    OneOf::new::<T>(T::all().iter().map(|v| PossibleValue::new(v.key())))
}

/// `kb add --kind`: the article kinds.
pub fn article_kind() -> OneOf {
    OneOf::new::<crate::domain::kb::ArticleKind>(["faq", "case", "script"].map(PossibleValue::new))
}

/// `reminder list --when`: the windows of the reminder list.
pub fn reminder_window() -> OneOf {
    let words = ["overdue", "today", "upcoming", "all"].map(PossibleValue::new);
    OneOf::new::<crate::domain::cadence::When>(words)
}

/// `report --format` (`report` itself weighs it against `--json`);
/// `markdown` is taken for `md` but not offered.
pub fn report_format() -> OneOf {
    let words = [
        PossibleValue::new("text"),
        PossibleValue::new("json"),
        PossibleValue::new("csv"),
        PossibleValue::new("md").alias("markdown"),
    ];
    OneOf {
        words: words.to_vec(),
        empty: false,
        check: Arc::new(move |value| {
            let allowed = words.iter().map(|w| w.get_name().to_string()).collect();
            let taken = words.iter().any(|w| w.matches(value.trim(), true));
            taken
                .then_some(())
                .ok_or_else(|| Invalid::new("format", value, crate::domain::reason::Reason::NotOneOf { allowed }))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(parser: &OneOf) -> Vec<String> {
        parser.words.iter().map(|w| w.get_name().to_string()).collect()
    }

    /// Every word offered is taken, and its own parse agrees: the lists
    /// written here cannot drift from the domain's.
    #[test]
    fn every_offered_word_is_taken() {
        let parsers = [
            one_of::<enums::Priority>(),
            one_of::<enums::Channel>(),
            one_of::<kpi::Breakdown>(),
            article_kind(),
            reminder_window(),
            report_format(),
        ];
        for parser in &parsers {
            for word in words(parser) {
                assert_eq!((parser.check)(&word), Ok(()), "{word}");
                assert_eq!((parser.check)(&word.to_uppercase()), Ok(()), "{word}");
            }
        }
    }

    #[test]
    fn a_word_outside_the_set_is_refused_by_the_domain() {
        let refusal = (one_of::<enums::Priority>().check)("asap").unwrap_err();
        assert_eq!(refusal.field, "priority");
        assert_eq!(refusal.value, "asap");
        let allowed = ["urgent", "high", "normal", "low"].map(String::from).to_vec();
        assert_eq!(refusal.reason, crate::domain::reason::Reason::NotOneOf { allowed });
        let refusal = (reminder_window().check)("soon").unwrap_err();
        assert_eq!((refusal.field.as_str(), refusal.value.as_str()), ("when", "soon"));
        assert_eq!(
            words(&one_of::<enums::Tier>()),
            ["high-value", "potential", "at-risk", "standard"]
        );
    }
}
