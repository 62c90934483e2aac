//! The knowledge base: add, list, search and show articles.

use super::tickets::record_contact;
use super::{Ctx, Error};
use crate::domain::enums::{Channel, Direction};
use crate::domain::interaction::Interaction;
use crate::domain::kb::{Article, new_article, search_terms};
use crate::domain::validate::{self, TEXT_MAX};
use crate::store::{Store, Tx};
use std::collections::BTreeSet;

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

/// A reply whose text the agent put together with these articles (inserted
/// while writing it in the terminal UI): the reply is written and each
/// article's use counted once, in one transaction, so a reply that fails
/// counts nothing. Like `ticket reply --kb`, but the text already holds the
/// articles, as edited.
pub fn reply_using(
    store: &mut Store,
    ctx: &Ctx,
    ticket: i64,
    summary: &str,
    channel: Option<&str>,
    articles: &[i64],
) -> Result<Interaction, Error> {
    let summary = validate::required("summary", summary, TEXT_MAX)?;
    let channel: Option<Channel> = channel.map(str::parse).transpose()?;
    store.write(|tx| {
        let t = tx.ticket(ticket)?;
        count_uses(tx, articles)?;
        let channel = channel.unwrap_or(t.channel);
        record_contact(tx, ctx, &t, channel, Direction::Outbound, &summary, ctx.now)
    })
}

/// An internal note written with these articles: as [`reply_using`].
pub fn note_using(
    store: &mut Store,
    ctx: &Ctx,
    ticket: i64,
    summary: &str,
    articles: &[i64],
) -> Result<Interaction, Error> {
    let summary = validate::required("summary", summary, TEXT_MAX)?;
    store.write(|tx| {
        let t = tx.ticket(ticket)?;
        count_uses(tx, articles)?;
        record_contact(tx, ctx, &t, Channel::Other, Direction::Note, &summary, ctx.now)
    })
}

/// One more use for each article, however often it was inserted.
fn count_uses(tx: &Tx, articles: &[i64]) -> Result<(), Error> {
    let once: BTreeSet<i64> = articles.iter().copied().collect();
    for id in once {
        tx.use_article(id)?;
    }
    Ok(())
}
