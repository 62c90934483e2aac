//! Importing knowledge-base articles. An article with the same title and
//! body as one already present is skipped, so re-imports add nothing.

use super::{ImportReport, Record, validate_all, write_new};
use crate::domain::kb::{Article, new_article};
use crate::service::{Ctx, Error};
use crate::store::{Store, Tx};

pub const COLUMNS: &[&str] = &["title", "body", "kind", "tags"];

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| {
        new_article(
            r.get("title").unwrap_or(""),
            r.get("body").unwrap_or(""),
            r.get("kind"),
            r.get("tags"),
            ctx.now,
        )
    })?;
    let key = |a: &Article| Some((a.title.clone(), a.body.clone()));
    let exists = |tx: &Tx, (title, body): &(String, String)| Ok(tx.article_exists(title, body)?);
    write_new(store, &rows, dry_run, key, exists, |tx, article, _| {
        let id = tx.insert_article(article)?;
        ctx.audit(tx, "article", id, "imported", None, Some(article.title.clone()))?;
        Ok(())
    })
}
