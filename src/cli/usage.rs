//! clap's own refusals of a command line (an unknown option or command, a
//! missing argument, two options that do not go together, a value outside
//! a list clap checks itself) in the user's language. English keeps clap's
//! text, which also shows the usage line; another language words the same
//! facts, taken from the error's context, through the catalogue.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints `err` as clap would, or in the catalogue's words when the process
/// speaks another language and the error is one this module words.
pub fn print(err: &clap::Error) {
    if crate::i18n::language() != crate::i18n::Lang::En
        && let Some(text) = worded(err, crate::i18n::get())
    {
        errln!("frontdesk: {}", crate::domain::text::sanitize_line(&text));
        return;
    }
    let _ = err.print();
}

/// The refusal in the catalogue's words, or `None` for a kind of error this
/// module does not word (clap's text is shown then).
pub fn worded(err: &clap::Error, s: &crate::i18n::Strings) -> Option<String> {
    use crate::i18n::fill;
    let e = s.errors;
    let one = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        _ => None,
    };
    let refusal = match err.kind() {
        ErrorKind::UnknownArgument => fill(e.usage_unknown_argument, &[("arg", &one(ContextKind::InvalidArg)?)]),
        ErrorKind::InvalidSubcommand => fill(
            e.usage_unknown_command,
            &[("command", &one(ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::MissingRequiredArgument => fill(e.usage_missing, &[("args", &one(ContextKind::InvalidArg)?)]),
        ErrorKind::ArgumentConflict => {
            let arg = one(ContextKind::InvalidArg)?;
            let other = one(ContextKind::PriorArg).unwrap_or_default();
            fill(e.usage_conflict, &[("arg", &arg), ("other", &other)])
        }
        ErrorKind::InvalidValue => {
            let arg = one(ContextKind::InvalidArg)?;
            let value = format!("{:?}", one(ContextKind::InvalidValue)?);
            let values = one(ContextKind::ValidValue).unwrap_or_default();
            fill(
                e.usage_invalid_value,
                &[("arg", &arg), ("value", &value), ("values", &values)],
            )
        }
        _ => return None,
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(one);
    let suggestion = suggestion
        .map(|s| fill(e.usage_did_you_mean, &[("suggestion", &s)]))
        .unwrap_or_default();
    Some(fill(
        e.usage_refused,
        &[("refusal", &refusal), ("suggestion", &suggestion)],
    ))
}
