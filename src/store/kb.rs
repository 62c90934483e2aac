//! Knowledge-base rows and their full-text search.

use super::sql::{Dialect, Row, params};
use super::{StoreError, Tx};
use crate::domain::kb::Article;
use crate::domain::time::from_unix;

const COLUMNS: &str = "a.id, a.title, a.body, a.kind, a.tags, a.used_count, a.created_at, a.updated_at, a.version";

fn article(r: &Row) -> Result<Article, StoreError> {
    let kind: String = r.get(3)?;
    Ok(Article {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        kind: kind.parse().unwrap_or(crate::domain::kb::ArticleKind::Faq),
        tags: super::rows::split_tags(&r.get::<String>(4)?),
        used_count: r.get(5)?,
        created_at: from_unix(r.get(6)?),
        updated_at: from_unix(r.get(7)?),
        version: r.get(8)?,
    })
}

/// An FTS5 phrase: the term in double quotes, inner quotes doubled, so user
/// text can never be read as query syntax.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// `%term%` with LIKE's wildcards escaped.
fn like(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

impl Tx<'_> {
    pub fn insert_article(&self, a: &Article) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO kb_articles (title, body, kind, tags, used_count, created_at, updated_at, version)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5, 1)",
            params![
                a.title,
                a.body,
                a.kind.key(),
                a.tags.join(","),
                a.created_at.timestamp()
            ],
        )
    }

    pub fn article(&self, id: i64) -> Result<Article, StoreError> {
        self.db
            .query_opt(
                &format!("SELECT {COLUMNS} FROM kb_articles a WHERE a.id = ?1"),
                [id],
                article,
            )?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Article,
                key: id.to_string(),
            })
    }

    pub fn article_exists(&self, title: &str, body: &str) -> Result<bool, StoreError> {
        self.db
            .prepare("SELECT 1 FROM kb_articles WHERE title = ?1 AND body = ?2")?
            .exists([title, body])
    }

    /// Counts one more use (inserted into a reply).
    pub fn use_article(&self, id: i64) -> Result<(), StoreError> {
        self.db
            .execute("UPDATE kb_articles SET used_count = used_count + 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Most used first.
    pub fn list_articles(&self, limit: usize) -> Result<Vec<Article>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {COLUMNS} FROM kb_articles a ORDER BY a.used_count DESC, a.id LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], article)?;
        Ok(rows)
    }

    /// Articles holding every term: `long` terms through the trigram index
    /// (ranked by bm25), `short` ones as substrings of title, body or tags.
    /// On PostgreSQL the trigram index (pg_trgm) serves the substring
    /// matches themselves: every term is an `ILIKE` (case-insensitive, as
    /// FTS5's trigrams are), and the articles whose titles are nearest the
    /// long terms (`similarity`) come first in bm25's place.
    pub fn search_articles(&self, long: &[String], short: &[String], limit: usize) -> Result<Vec<Article>, StoreError> {
        let sqlite = self.db.dialect() == Dialect::Sqlite;
        let mut sql = format!("SELECT {COLUMNS} FROM kb_articles a");
        let mut params: Vec<String> = Vec::new();
        let mut conditions: Vec<String> = Vec::new();
        let mut substrings: Vec<&String> = short.iter().collect();
        if !long.is_empty() && sqlite {
            sql.push_str(" JOIN kb_fts f ON f.rowid = a.id");
            params.push(long.iter().map(|t| phrase(t)).collect::<Vec<_>>().join(" AND "));
            conditions.push(format!("kb_fts MATCH ?{}", params.len()));
        } else {
            substrings.extend(long);
        }
        let like_op = self.db.pick("LIKE", "ILIKE");
        for term in substrings {
            params.push(like(term));
            let n = params.len();
            conditions.push(format!(
                "(a.title {like_op} ?{n} ESCAPE '\\' OR a.body {like_op} ?{n} ESCAPE '\\' OR a.tags {like_op} ?{n} ESCAPE '\\')"
            ));
        }
        if !conditions.is_empty() {
            sql.push_str(&format!(" WHERE {}", conditions.join(" AND ")));
        }
        let order = if long.is_empty() {
            "a.used_count DESC, a.id".to_string()
        } else if sqlite {
            "bm25(kb_fts), a.used_count DESC".to_string()
        } else {
            let mut nearness: Vec<String> = Vec::new();
            for term in long {
                params.push(term.clone());
                nearness.push(format!("similarity(a.title, ?{})", params.len()));
            }
            format!("{} DESC, a.used_count DESC, a.id", nearness.join(" + "))
        };
        sql.push_str(&format!(" ORDER BY {order} LIMIT {limit}"));
        let mut stmt = self.db.prepare_once(&sql)?;
        let rows = stmt.query_map(params, article)?;
        Ok(rows)
    }
}
