//! The hand-written word lists of `assets/demo/*.txt`, embedded in the binary.
//!
//! Every file is lines of `key: value`; `#` starts a comment line. Entries
//! repeated in a file are drawn more often (that is how 有限公司 outweighs
//! 集团有限公司). A test checks that every list the generator uses is present
//! and well formed, so drawing from them never comes up empty at run time.

use std::collections::HashMap;

/// The language a customer speaks, which picks the lists their data comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// One value in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Bilingual {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Product {
    pub name: Bilingual,
    pub price_yuan: i64,
}

/// A list's lines grouped by key, in file order.
struct Lists(HashMap<&'static str, Vec<&'static str>>);

impl Lists {
    fn parse(text: &'static str) -> Lists {
        let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((key, value)) = line.split_once(':') {
                map.entry(key.trim()).or_default().push(value.trim());
            }
        }
        Lists(map)
    }

    fn get(&self, key: &str) -> &[&'static str] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    /// Values of the form `first second` (a word and its reading, a city and its area code).
    fn pairs(&self, key: &str) -> Vec<(&'static str, &'static str)> {
        self.get(key)
            .iter()
            .filter_map(|v| v.split_once(char::is_whitespace))
            .map(|(a, b)| (a, b.trim()))
            .collect()
    }

    /// Values of the form `English | 中文 [| more]`.
    fn columns(&self, key: &str) -> Vec<Vec<&'static str>> {
        self.get(key)
            .iter()
            .map(|v| v.split('|').map(str::trim).collect())
            .collect()
    }

    fn bilingual(&self, key: &str) -> Vec<Bilingual> {
        self.columns(key)
            .into_iter()
            .filter_map(|c| match c.as_slice() {
                [en, zh, ..] => Some(Bilingual { en, zh }),
                _ => None,
            })
            .collect()
    }
}

/// Every list the generator draws from.
pub struct Words {
    pub zh_surnames: Vec<(&'static str, &'static str)>,
    pub zh_given: Vec<(&'static str, &'static str)>,
    pub en_first: Vec<&'static str>,
    pub en_last: Vec<&'static str>,
    /// City and telephone area code.
    pub zh_cities: Vec<(&'static str, &'static str)>,
    /// Trade name and its pinyin (for a web domain).
    pub zh_trades: Vec<(&'static str, &'static str)>,
    pub zh_lines: Vec<&'static str>,
    pub zh_forms: Vec<&'static str>,
    pub en_names: Vec<&'static str>,
    pub en_lines: Vec<&'static str>,
    pub en_forms: Vec<&'static str>,
    /// City and district.
    pub zh_districts: Vec<(&'static str, &'static str)>,
    pub zh_roads: Vec<&'static str>,
    pub en_towns: Vec<&'static str>,
    pub en_streets: Vec<&'static str>,
    pub industries: Vec<Bilingual>,
    pub tags: Vec<&'static str>,
    pub products: Vec<Product>,
    pub notes: Vec<Bilingual>,
    text_en: Lists,
    text_zh: Lists,
}

impl Words {
    pub fn load() -> Words {
        let zh = Lists::parse(include_str!("../../../assets/demo/names_zh.txt"));
        let en = Lists::parse(include_str!("../../../assets/demo/names_en.txt"));
        let companies = Lists::parse(include_str!("../../../assets/demo/companies.txt"));
        let places = Lists::parse(include_str!("../../../assets/demo/places.txt"));
        let catalog = Lists::parse(include_str!("../../../assets/demo/catalog.txt"));
        let products = catalog
            .columns("product")
            .into_iter()
            .filter_map(|c| match c.as_slice() {
                [en, zh, price] => Some(Product {
                    name: Bilingual { en, zh },
                    price_yuan: price.parse().ok()?,
                }),
                _ => None,
            })
            .collect();
        Words {
            zh_surnames: zh.pairs("surname"),
            zh_given: zh.pairs("given"),
            en_first: en.get("first").to_vec(),
            en_last: en.get("last").to_vec(),
            zh_cities: companies.pairs("zh-city"),
            zh_trades: companies.pairs("zh-trade"),
            zh_lines: companies.get("zh-line").to_vec(),
            zh_forms: companies.get("zh-form").to_vec(),
            en_names: companies.get("en-name").to_vec(),
            en_lines: companies.get("en-line").to_vec(),
            en_forms: companies.get("en-form").to_vec(),
            zh_districts: places.pairs("zh-district"),
            zh_roads: places.get("zh-road").to_vec(),
            en_towns: places.get("en-town").to_vec(),
            en_streets: places.get("en-street").to_vec(),
            industries: catalog.bilingual("industry"),
            tags: catalog.get("tag").to_vec(),
            products,
            notes: catalog.bilingual("note"),
            text_en: Lists::parse(include_str!("../../../assets/demo/text_en.txt")),
            text_zh: Lists::parse(include_str!("../../../assets/demo/text_zh.txt")),
        }
    }

    /// The sentences under `key` (see `text_en.txt`) in a language.
    pub fn text(&self, lang: Lang, key: &str) -> &[&'static str] {
        match lang {
            Lang::Zh => self.text_zh.get(key),
            Lang::En => self.text_en.get(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::TicketKind;
    use crate::domain::ticket::CATEGORIES;

    /// The text keys the generator asks for; both languages must have each.
    const TEXT_KEYS: &[&str] = &[
        "detail",
        "open",
        "reply",
        "ask",
        "answer",
        "note",
        "resolve",
        "reopen",
        "callback-satisfied",
        "callback-resolved",
        "callback-follow-up",
        "followup",
        "standalone-in",
        "standalone-out",
        "standalone-note",
        "survey-low",
        "survey-mid",
        "survey-high",
    ];

    #[test]
    fn every_list_is_present() {
        let w = Words::load();
        let sizes = [
            w.zh_surnames.len(),
            w.zh_given.len(),
            w.en_first.len(),
            w.en_last.len(),
            w.zh_cities.len(),
            w.zh_trades.len(),
            w.zh_lines.len(),
            w.zh_forms.len(),
            w.en_names.len(),
            w.en_lines.len(),
            w.en_forms.len(),
            w.zh_districts.len(),
            w.zh_roads.len(),
            w.en_towns.len(),
            w.en_streets.len(),
            w.industries.len(),
            w.tags.len(),
            w.products.len(),
            w.notes.len(),
        ];
        assert!(sizes.iter().all(|n| *n >= 3), "{sizes:?}");
        let mut keys: Vec<String> = TEXT_KEYS.iter().map(|k| k.to_string()).collect();
        for kind in TicketKind::ALL {
            if *kind == TicketKind::Complaint {
                keys.extend(CATEGORIES.iter().map(|c| format!("subject-complaint-{c}")));
            } else {
                keys.push(format!("subject-{kind}"));
            }
        }
        for lang in [Lang::En, Lang::Zh] {
            for key in &keys {
                assert!(!w.text(lang, key).is_empty(), "{lang:?} {key}");
            }
        }
    }

    #[test]
    fn readings_are_plain_ascii() {
        let w = Words::load();
        for (hanzi, reading) in w.zh_surnames.iter().chain(&w.zh_given).chain(&w.zh_trades) {
            assert!(reading.chars().all(|c| c.is_ascii_lowercase()), "{hanzi} {reading}");
        }
        assert!(w.zh_cities.iter().all(|(_, code)| code.starts_with('0')));
    }
}
