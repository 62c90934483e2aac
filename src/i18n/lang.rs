//! Which language speaks: chosen by `[ui] language` (`auto`, `en`,
//! `zh-CN`); `auto` reads the locale the way C programs do.

use super::Strings;
use crate::config::Language;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::ZhCn];

    /// Its tag in settings and tests.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Its catalogue.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &super::EN,
            Lang::ZhCn => &super::ZH_CN,
        }
    }

    /// The language a setting asks for; `auto` looks at the environment
    /// through `var` (the process's, or a test's).
    pub fn choose(setting: Language, var: impl Fn(&str) -> Option<String>) -> Lang {
        match setting {
            Language::En => Lang::En,
            Language::ZhCn => Lang::ZhCn,
            Language::Auto => Lang::from_environment(var),
        }
    }

    /// As C's `setlocale` decides messages: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty wins; a Chinese
    /// locale (`zh_CN.UTF-8`, `zh_SG`, `zh`, also `zh_TW`, which reads
    /// Simplified better than English) means Chinese, anything else English.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty());
        match locale {
            Some(locale) if is_chinese(&locale) => Lang::ZhCn,
            _ => Lang::En,
        }
    }
}

fn is_chinese(locale: &str) -> bool {
    // `zh_CN.UTF-8@modifier`: the language is what comes before `_`, `-`, `.` or `@`.
    let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
    language.eq_ignore_ascii_case("zh")
}

/// The language of this process: set once its settings are read, English before.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of everything this process prints from now on.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of this process.
pub fn language() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::ZhCn,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn auto_reads_the_locale_in_the_order_of_c() {
        let cases: &[(&[(&str, &str)], Lang)] = &[
            (&[], Lang::En),
            (&[("LANG", "zh_CN.UTF-8")], Lang::ZhCn),
            (&[("LANG", "zh_CN.utf8")], Lang::ZhCn),
            (&[("LANG", "zh")], Lang::ZhCn),
            (&[("LANG", "zh_TW.UTF-8")], Lang::ZhCn),
            (&[("LANG", "en_US.UTF-8")], Lang::En),
            (&[("LANG", "C.UTF-8")], Lang::En),
            (&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")], Lang::En),
            (&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")], Lang::ZhCn),
            (&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN.UTF-8")], Lang::En),
            (&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], Lang::ZhCn),
            (&[("LANG", "zhuang")], Lang::En),
        ];
        for (vars, expected) in cases {
            assert_eq!(Lang::choose(Language::Auto, env(vars)), *expected, "{vars:?}");
        }
    }

    #[test]
    fn a_named_language_ignores_the_locale() {
        let chinese = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(Lang::choose(Language::En, &chinese), Lang::En);
        assert_eq!(Lang::choose(Language::ZhCn, env(&[])), Lang::ZhCn);
    }
}
