//! Names, phone numbers, e-mail addresses and postal addresses of sample
//! people and companies, in Chinese or English.
//!
//! E-mail domains are all under `example.com`, `example.net` and
//! `example.org` (reserved by RFC 2606), so sample data can never reach a
//! real mailbox.

use super::rng::Rng;
use super::words::{Lang, Words};

/// A sample person: display name and the local part of their e-mail address.
pub struct Person {
    pub name: String,
    pub mail_user: String,
}

/// A sample company: its name, web domain, and (for a Chinese company) the
/// area code of its city for a landline.
pub struct Company {
    pub name: String,
    pub domain: String,
    pub area_code: Option<&'static str>,
}

const PERSONAL_DOMAINS_ZH: &[&str] = &["cn.example.com", "mail.example.net", "example.org"];
const PERSONAL_DOMAINS_EN: &[&str] = &["example.com", "example.net", "example.org"];

fn pick<T: Copy + Default>(rng: &mut Rng, items: &[T]) -> T {
    rng.pick(items).copied().unwrap_or_default()
}

pub fn person(rng: &mut Rng, words: &Words, lang: Lang) -> Person {
    match lang {
        Lang::Zh => {
            let (surname, surname_py) = pick(rng, &words.zh_surnames);
            let (g1, g1_py) = pick(rng, &words.zh_given);
            // About a third of Chinese given names have one character (张伟).
            let (g2, g2_py) = if rng.chance(0.35) {
                ("", "")
            } else {
                pick(rng, &words.zh_given)
            };
            let mail_user = match rng.below(3) {
                0 => format!("{g1_py}{g2_py}.{surname_py}"),
                1 => format!("{surname_py}{g1_py}{g2_py}"),
                _ => format!("{surname_py}.{g1_py}{g2_py}{}", rng.range(1, 99)),
            };
            Person {
                name: format!("{surname}{g1}{g2}"),
                mail_user,
            }
        }
        Lang::En => {
            let first = pick(rng, &words.en_first);
            let last = pick(rng, &words.en_last);
            let (f, l) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
            let mail_user = match rng.below(3) {
                0 => format!("{f}.{l}"),
                1 => format!("{}{l}", &f[..1]),
                _ => format!("{f}.{l}{}", rng.range(1, 99)),
            };
            Person {
                name: format!("{first} {last}"),
                mail_user,
            }
        }
    }
}

pub fn company(rng: &mut Rng, words: &Words, lang: Lang) -> Company {
    match lang {
        Lang::Zh => {
            let (city, area_code) = pick(rng, &words.zh_cities);
            let (trade, trade_py) = pick(rng, &words.zh_trades);
            let line = pick(rng, &words.zh_lines);
            let form = pick(rng, &words.zh_forms);
            Company {
                name: format!("{city}{trade}{line}{form}"),
                domain: format!("{trade_py}{}.example.com", rng.range(1, 999)),
                area_code: Some(area_code),
            }
        }
        Lang::En => {
            let name = pick(rng, &words.en_names);
            let line = pick(rng, &words.en_lines);
            let form = pick(rng, &words.en_forms);
            let slug = format!("{name}{line}").to_ascii_lowercase();
            Company {
                name: format!("{name} {line} {form}"),
                domain: format!("{slug}.example.com"),
                area_code: None,
            }
        }
    }
}

/// A personal e-mail address at one of the reserved example domains.
pub fn personal_email(rng: &mut Rng, person: &Person, lang: Lang) -> String {
    let domains = match lang {
        Lang::Zh => PERSONAL_DOMAINS_ZH,
        Lang::En => PERSONAL_DOMAINS_EN,
    };
    format!("{}@{}", person.mail_user, pick(rng, domains))
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.below(10) as u8)).collect()
}

/// A mobile number: Chinese 1[3-9]x xxxx xxxx in the ways people write it,
/// or an international one.
pub fn mobile(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let head = format!("1{}{}", rng.range(3, 9), digits(rng, 1));
            let (mid, tail) = (digits(rng, 4), digits(rng, 4));
            match rng.weighted(&[5, 3, 2]) {
                0 => format!("{head}{mid}{tail}"),
                1 => format!("{head} {mid} {tail}"),
                _ => format!("+86 {head} {mid} {tail}"),
            }
        }
        Lang::En => match rng.below(5) {
            0 => format!("+44 7{} {}", digits(rng, 3), digits(rng, 6)),
            1 => format!("+1 ({}) {}-{}", rng.range(201, 989), digits(rng, 3), digits(rng, 4)),
            2 => format!("+61 4{} {} {}", digits(rng, 2), digits(rng, 3), digits(rng, 3)),
            3 => format!("+49 15{} {}", digits(rng, 1), digits(rng, 7)),
            _ => format!("+65 9{} {}", digits(rng, 3), digits(rng, 4)),
        },
    }
}

/// A company switchboard: a Chinese landline with the city's area code, or
/// an international office number.
pub fn landline(rng: &mut Rng, company: &Company) -> String {
    match company.area_code {
        Some(code) => format!("{code}-{}{}", rng.range(5, 8), digits(rng, 7)),
        None => format!("+44 20 7{} {}", digits(rng, 3), digits(rng, 4)),
    }
}

pub fn address(rng: &mut Rng, words: &Words, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let (city, district) = pick(rng, &words.zh_districts);
            let road = pick(rng, &words.zh_roads);
            let number = rng.range(1, 999);
            if rng.chance(0.6) {
                let building = rng.range(1, 12);
                let room = rng.range(1, 30) * 100 + rng.range(1, 8);
                format!("{city}{district}{road}{number}号{building}栋{room}室")
            } else {
                format!("{city}{district}{road}{number}号")
            }
        }
        Lang::En => {
            let street = pick(rng, &words.en_streets);
            let town = pick(rng, &words.en_towns);
            format!("{} {street}, {town}", rng.range(1, 240))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate;

    #[test]
    fn generated_contacts_pass_validation() {
        let words = Words::load();
        for i in 0..500 {
            let mut rng = Rng::for_item(9, 0, i);
            for lang in [Lang::Zh, Lang::En] {
                let p = person(&mut rng, &words, lang);
                let c = company(&mut rng, &words, lang);
                let email = personal_email(&mut rng, &p, lang);
                let work = format!("{}@{}", p.mail_user, c.domain);
                for e in [&email, &work] {
                    assert_eq!(validate::email(e).as_deref(), Ok(e.as_str()));
                }
                for phone in [mobile(&mut rng, lang), landline(&mut rng, &c)] {
                    assert!(validate::phone(&phone).is_ok(), "{phone}");
                }
                assert!(!address(&mut rng, &words, lang).is_empty());
                assert!(validate::required("name", &p.name, validate::LINE_MAX).is_ok());
            }
        }
    }

    #[test]
    fn chinese_mobiles_look_right() {
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let m: String = mobile(&mut rng, Lang::Zh)
                .trim_start_matches("+86")
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(m.len(), 11, "{m}");
            assert!(m.starts_with('1') && (b'3'..=b'9').contains(&m.as_bytes()[1]), "{m}");
        }
    }
}
