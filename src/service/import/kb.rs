//! Importing knowledge-base articles. An article with the same title and
//! body as one already present is skipped, so re-imports add nothing.

use super::{ImportReport, Record, validate_all};
use crate::domain::kb::new_article;
use crate::service::{Ctx, Error};
use crate::store::Store;
use std::collections::HashSet;

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
    if dry_run {
        return Ok(ImportReport {
            rows: rows.len(),
            dry_run,
            ..Default::default()
        });
    }
    store.write(|tx| {
        let mut out = ImportReport {
            rows: rows.len(),
            ..Default::default()
        };
        let mut seen = HashSet::new();
        for (_, article) in &rows {
            let key = (article.title.clone(), article.body.clone());
            if !seen.insert(key) || tx.article_exists(&article.title, &article.body)? {
                out.skipped += 1;
                continue;
            }
            let id = tx.insert_article(article)?;
            ctx.audit(tx, "article", id, "imported", None, Some(article.title.clone()))?;
            out.added += 1;
        }
        Ok(out)
    })
}
