//! The knowledge base: add, list, search and show articles.

use super::{Ctx, Error};
use crate::domain::kb::{Article, new_article, search_terms};
use crate::store::Store;

pub fn add(
    store: &mut Store,
    ctx: &Ctx,
    title: &str,
    body: &str,
    kind: Option<&str>,
    tags: Option<&str>,
) -> Result<Article, Error> {
    let mut article = new_article(title, body, kind, tags, ctx.now)?;
    store.write(|tx| {
        article.id = tx.insert_article(&article)?;
        ctx.audit(tx, "article", article.id, "created", None, Some(article.title.clone()))?;
        Ok(article.clone())
    })
}

pub fn list(store: &mut Store, limit: usize) -> Result<Vec<Article>, Error> {
    store.read(|tx| Ok(tx.list_articles(limit)?))
}

/// Articles containing every word of `query`; English words and Chinese
/// terms of any length match.
pub fn search(store: &mut Store, query: &str, limit: usize) -> Result<Vec<Article>, Error> {
    let (long, short) = search_terms(query);
    store.read(|tx| Ok(tx.search_articles(&long, &short, limit)?))
}

pub fn get(store: &mut Store, id: i64) -> Result<Article, Error> {
    store.read(|tx| Ok(tx.article(id)?))
}
