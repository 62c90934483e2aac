//! The command line as clap reads it, with clap's own refusals made to name
//! the argument and the value like every other exit 2 (CLI.md): a negative
//! number is refused as the value of its option, not as an unknown option,
//! and invalid UTF-8 is located.

use super::Cli;
use crate::domain::error::{Invalid, Reason};
use crate::i18n::fill;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// The most rows a `--limit` asks for: beyond it a number is a slip, and
/// SQLite's and the queue's arithmetic would overflow on the absurd ones.
pub const LIMIT_MAX: usize = 1_000_000;

/// Parses `args` (the program name first); on failure prints why and gives
/// the exit code: 0 for `--help` and `--version`, 2 for a refusal.
pub fn parse(args: Vec<OsString>) -> Result<Cli, i32> {
    // A refusal here comes before any settings are read: the locale speaks.
    crate::i18n::set_language(crate::i18n::Lang::from_environment(|name| std::env::var(name).ok()));
    let matches = Cli::command()
        .try_get_matches_from(&args)
        .map_err(|err| refuse(&err, &args))?;
    if let Some(message) = empty_path(&matches) {
        errln!("frontdesk: {message}");
        return Err(2);
    }
    Cli::from_arg_matches(&matches).map_err(|err| refuse(&err, &args))
}

/// An empty `--db` or `--config` (or `FRONTDESK_DB=`, `FRONTDESK_CONFIG=`),
/// named as the user gave it: the variable when the value came from it.
fn empty_path(matches: &clap::ArgMatches) -> Option<String> {
    use clap::parser::ValueSource;
    ["db", "config"].into_iter().find_map(|id| {
        let value = matches.get_one::<std::path::PathBuf>(id)?;
        if !value.as_os_str().is_empty() {
            return None;
        }
        let variable = Cli::command()
            .get_arguments()
            .find(|a| a.get_id() == id)
            .and_then(|a| a.get_env())
            .map(|v| v.to_string_lossy().into_owned());
        let invalid = match (matches.value_source(id), variable) {
            (Some(ValueSource::EnvVariable), Some(variable)) => Invalid::new(variable, "", Reason::EmptyVariable),
            _ => {
                let option = format!("--{id}");
                Invalid::new(option.clone(), "", Reason::EmptyPath { option })
            }
        };
        Some(told(&invalid))
    })
}

/// The `--limit` of every list: a whole number from 0 (all) to [`LIMIT_MAX`].
pub fn limit(value: &str) -> Result<usize, Invalid> {
    value.parse::<usize>().ok().filter(|n| *n <= LIMIT_MAX).ok_or_else(|| {
        let range = Reason::WholeNumber {
            min: 0,
            max: LIMIT_MAX as i64,
        };
        Invalid::new("--limit", value, range)
    })
}

/// A refusal of the command line in the process's language, made safe for
/// the terminal (the value is quoted escaped already).
fn told(invalid: &Invalid) -> String {
    let text = crate::i18n::describe_invalid(invalid, crate::i18n::get());
    crate::domain::text::sanitize_line(&text).into_owned()
}

fn refuse(err: &clap::Error, args: &[OsString]) -> i32 {
    match err.kind() {
        ErrorKind::InvalidUtf8 => {
            errln!("frontdesk: {}", invalid_utf8(args));
            2
        }
        ErrorKind::UnknownArgument => {
            match hyphen_value(err, args) {
                Some(HyphenValue::Negative(message)) => errln!("frontdesk: {message}"),
                Some(HyphenValue::Hint(hint)) => {
                    super::usage::print(err);
                    errln!("frontdesk: {hint}");
                }
                None => {
                    super::usage::print(err);
                }
            }
            2
        }
        ErrorKind::ValueValidation if domain_refusal(err).is_some() => {
            errln!("frontdesk: {}", domain_refusal(err).map(told).unwrap_or_default());
            2
        }
        ErrorKind::ValueValidation if whole_number_refusal(err).is_some() => {
            errln!("frontdesk: {}", whole_number_refusal(err).unwrap_or_default());
            2
        }
        _ => {
            super::usage::print(err);
            err.exit_code()
        }
    }
}

/// A word outside an option's fixed set (see `values`), refused in the
/// domain's words: `invalid priority "asap": expected one of: …`.
fn domain_refusal(err: &clap::Error) -> Option<&crate::domain::error::Invalid> {
    std::error::Error::source(err)?.downcast_ref()
}

/// An id, count or version that is not a whole number, in words: clap would
/// pass on Rust's own "invalid digit found in string".
fn whole_number_refusal(err: &clap::Error) -> Option<String> {
    use std::num::IntErrorKind;
    let parse_error = std::error::Error::source(err)?.downcast_ref::<std::num::ParseIntError>()?;
    let Some(ContextValue::String(arg)) = err.get(ContextKind::InvalidArg) else {
        return None;
    };
    let Some(ContextValue::String(value)) = err.get(ContextKind::InvalidValue) else {
        return None;
    };
    // "--seed <SEED>" → "--seed"; a positional "<ID>" → "id".
    let first = arg.split_whitespace().next().unwrap_or(arg);
    let name = if first.starts_with("--") {
        first.to_string()
    } else {
        first.trim_matches(|c| c == '<' || c == '>').to_lowercase()
    };
    let reason = match parse_error.kind() {
        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => Reason::NumberTooLarge,
        IntErrorKind::Empty => Reason::Required,
        _ => Reason::NotANumber,
    };
    Some(told(&Invalid::new(name, value.as_str(), reason)))
}

/// Names the argument (or `FRONTDESK_*` variable) whose value is not UTF-8,
/// with the value escaped and the bytes that are not UTF-8 named.
fn invalid_utf8(args: &[OsString]) -> String {
    let not_text = |name: &str, value: &std::ffi::OsStr| {
        let bytes = value
            .as_encoded_bytes()
            .utf8_chunks()
            .flat_map(|chunk| chunk.invalid().iter().map(|b| format!("\\x{b:02X}")))
            .collect();
        told(&Invalid::new(name, value.to_string_lossy(), Reason::NotUtf8 { bytes }))
    };
    let bad = args.iter().position(|a| a.to_str().is_none());
    if let Some(i) = bad {
        let value = &args[i];
        return match args.get(i.wrapping_sub(1)).and_then(|a| a.to_str()) {
            Some(option) if i > 1 && option.starts_with("--") => not_text(option, value),
            _ => not_text("argument", value),
        };
    }
    for (name, value) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("FRONTDESK_") && value.to_str().is_none() {
            return not_text(&name, &value);
        }
    }
    not_text("argument", std::ffi::OsStr::new(""))
}

enum HyphenValue {
    /// `--limit -5`: no count, id, version or position is negative.
    Negative(String),
    /// `--first-response -5h`: how to give an option a value starting with `-`.
    Hint(String),
}

/// clap takes a value starting with `-` for an option and calls it an
/// unexpected argument (naming only `-5` of `-5h`). A negative number is
/// refused as the value it is, naming the option before it; any other
/// such value gets a hint. Arguments that do take negative numbers
/// (`sla due --minutes`) say so in their definition.
fn hyphen_value(err: &clap::Error, args: &[OsString]) -> Option<HyphenValue> {
    let Some(ContextValue::String(token)) = err.get(ContextKind::InvalidArg) else {
        return None;
    };
    let i = args.iter().skip(1).position(|a| {
        a.to_str()
            .is_some_and(|a| a.starts_with('-') && a.starts_with(token.as_str()))
    })? + 1;
    let value = args[i].to_str()?;
    let option = args[i - 1]
        .to_str()
        .filter(|o| i > 1 && o.starts_with("--") && !o.contains('='));
    let digits = &value[1..];
    let negative = digits.chars().any(|c| c.is_ascii_digit()) && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    match (negative, option) {
        (true, Some(option)) => Some(HyphenValue::Negative(told(&Invalid::new(
            option,
            value,
            Reason::Negative,
        )))),
        (true, None) => Some(HyphenValue::Negative(told(&Invalid::new(
            "argument",
            value,
            Reason::Negative,
        )))),
        (false, Some(option)) => {
            let hint = crate::i18n::get().errors.value_hint;
            let quoted = format!("{value:?}");
            let hint = fill(hint, &[("quoted", &quoted), ("value", value), ("option", option)]);
            Some(HyphenValue::Hint(
                crate::domain::text::sanitize_line(&hint).into_owned(),
            ))
        }
        (false, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_whole_numbers_up_to_the_cap() {
        assert_eq!(limit("0"), Ok(0));
        assert_eq!(limit("1000000"), Ok(LIMIT_MAX));
        for bad in ["-5", "1000001", "99999999999999999999", "ten", ""] {
            assert!(limit(bad).is_err(), "{bad}");
        }
    }
}
