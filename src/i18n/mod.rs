//! The catalogue: every user-visible text of the terminal UI and of the
//! CLI's human output, in every language. The shape is shared
//! (`catalog`); each language is one folder holding one value of it
//! (`en/`, `zh_cn/`), so a language lacking a text does not build, and a
//! new language is a new folder plus one line in [`Lang`]. JSON keys,
//! stored values and option names stay English and never pass through here.

pub mod catalog;
mod describe;
mod en;
mod fill;
mod labels;
mod lang;
pub mod macro_text;
mod mail_imap;
pub mod pg_connect;
mod query_problem;
mod reasons;
mod reminder_note;
pub mod texts;
pub mod urgency;
mod zh_cn;

pub use catalog::Strings;
pub use describe::{
    describe, describe_invalid, describe_reason, describe_store, entity_name, mail_detail, not_found, told,
};
pub use en::EN;
pub use fill::{Plural, fill};
pub use lang::{Lang, language, set_language};
pub use reminder_note::reminder_note;
pub use zh_cn::ZH_CN;

/// The catalogue of this process's language (see [`set_language`]).
pub fn get() -> &'static Strings {
    language().strings()
}

#[cfg(test)]
mod tests;
