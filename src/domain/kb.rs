//! Knowledge-base articles (知识库): FAQs, solved cases and reply scripts (话术).

use super::error::Invalid;
use super::validate::{self, LINE_MAX, TEXT_MAX};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    Faq,
    Case,
    Script,
}

impl ArticleKind {
    pub fn key(self) -> &'static str {
        match self {
            ArticleKind::Faq => "faq",
            ArticleKind::Case => "case",
            ArticleKind::Script => "script",
        }
    }
}

impl std::str::FromStr for ArticleKind {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        match s.trim().to_ascii_lowercase().as_str() {
            "faq" => Ok(ArticleKind::Faq),
            "case" => Ok(ArticleKind::Case),
            "script" => Ok(ArticleKind::Script),
            _ => Err(Invalid::new(
                "kind",
                s,
                crate::domain::error::Reason::NotOneOf {
                    allowed: ["faq", "case", "script"].map(String::from).to_vec(),
                },
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub kind: ArticleKind,
    pub tags: Vec<String>,
    pub used_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// A validated new article.
pub fn new_article(
    title: &str,
    body: &str,
    kind: Option<&str>,
    tags: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Article, Invalid> {
    Ok(Article {
        id: 0,
        title: validate::required("title", title, LINE_MAX)?,
        body: validate::required("body", body, TEXT_MAX)?,
        kind: kind.map_or(Ok(ArticleKind::Faq), str::parse)?,
        tags: validate::tags(tags.unwrap_or(""))?,
        used_count: 0,
        created_at: now,
        updated_at: now,
        version: 1,
    })
}

/// The terms of a search: words split on white space. Terms of three or more
/// characters go to the trigram index; shorter ones (a two-character Chinese
/// word such as 退款) are matched as substrings.
pub fn search_terms(query: &str) -> (Vec<String>, Vec<String>) {
    query
        .split_whitespace()
        .map(str::to_string)
        .partition(|term| term.chars().count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_by_length() {
        let cases = [
            ("退款 refund", (vec!["refund"], vec!["退款"])),
            ("如何申请退款", (vec!["如何申请退款"], vec![])),
            ("  ", (vec![], vec![])),
            ("a 发 invoice", (vec!["invoice"], vec!["a", "发"])),
        ];
        for (query, (long, short)) in cases {
            assert_eq!(
                search_terms(query),
                (
                    long.iter().map(|s| s.to_string()).collect(),
                    short.iter().map(|s| s.to_string()).collect()
                ),
                "{query}"
            );
        }
    }

    #[test]
    fn articles_are_validated() {
        let now = DateTime::UNIX_EPOCH;
        assert!(new_article("退款流程", "先确认订单…", Some("script"), Some("退款,售后"), now).is_ok());
        assert_eq!(new_article(" ", "x", None, None, now).unwrap_err().field, "title");
        assert_eq!(
            new_article("t", "x", Some("memo"), None, now).unwrap_err().field,
            "kind"
        );
    }
}
