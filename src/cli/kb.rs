//! `kb add|list|search|show`

use super::Env;
use super::output::{Table, field, label_width, print_json};
use crate::domain::kb::Article;
use crate::domain::text::sanitize_block;
use crate::service::{Error, kb};
use clap::Subcommand;

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum KbCommand {
    /// Add an article
    Add {
        /// The article's title
        #[arg(long)]
        title: String,
        /// The text, as inserted into a reply by `ticket reply --kb`
        #[arg(long)]
        body: String,
        /// A FAQ, a solved case or a reply script [default: faq]
        #[arg(long, value_parser = super::values::article_kind())]
        kind: Option<String>,
        /// Comma-separated tags
        #[arg(long)]
        tags: Option<String>,
    },
    /// Articles, most used first
    List {
        /// At most this many (0 = all)
        #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
        limit: usize,
    },
    /// Articles containing every word (English words and Chinese terms of any length)
    Search {
        /// The words to look for
        query: String,
        /// At most this many (0 = all)
        #[arg(long, default_value_t = 20, value_parser = super::parse::limit)]
        limit: usize,
    },
    /// One article
    Show {
        /// The article's id
        id: i64,
    },
}

pub fn run(env: &mut Env, cmd: KbCommand) -> Result<(), Error> {
    match cmd {
        KbCommand::Add {
            title,
            body,
            kind,
            tags,
        } => {
            let a = kb::add(
                &mut env.store,
                &env.ctx,
                &title,
                &body,
                kind.as_deref(),
                tags.as_deref(),
            )?;
            if env.json {
                print_json(&a);
            } else {
                outln!("{}", a.id);
            }
        }
        KbCommand::List { limit } => {
            let list = kb::list(&mut env.store, limit)?;
            print_list(env.json, &list);
        }
        KbCommand::Search { query, limit } => {
            let list = kb::search(&mut env.store, &query, limit)?;
            print_list(env.json, &list);
        }
        KbCommand::Show { id } => {
            let a = kb::get(&mut env.store, id)?;
            if env.json {
                print_json(&a);
                return Ok(());
            }
            let r = crate::i18n::get().cli_records;
            field(r.label_article, &format!("#{} {}", a.id, a.title));
            field(r.label_kind, r.article_kind(a.kind));
            field(r.label_tags, &a.tags.join(r.list_separator));
            field(r.label_used, &a.used_count.to_string());
            outln!("\n{}", sanitize_block(&a.body));
        }
    }
    Ok(())
}

fn print_list(json: bool, list: &[Article]) {
    if json {
        print_json(list);
        return;
    }
    let r = crate::i18n::get().cli_records;
    let kind_width = label_width(6, r.article_kinds.iter().map(|k| k.1));
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_kind, kind_width),
        (r.col_used, 5),
        (r.col_title, 50),
        (r.col_tags, 24),
    ]);
    for a in list {
        table.row(vec![
            a.id.to_string(),
            r.article_kind(a.kind).into(),
            a.used_count.to_string(),
            a.title.clone(),
            a.tags.join(","),
        ]);
    }
    table.print();
}
