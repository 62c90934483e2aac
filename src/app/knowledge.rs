//! The knowledge base in the terminal UI: one state for both ways in. As a
//! screen (`K`) it lists the articles most used first, searches them after
//! `/`, shows one whole on Enter and adds one with `n`; over a reply or a
//! note (`<C-k>`) it is a search whose Enter puts the chosen article's text
//! into the form. Pure: the articles come from `service::kb`, the same
//! search as `kb search`.

use super::doc::{Doc, piece};
use super::forms::{Form, FormKind};
use super::input::TextInput;
use super::panes::cursor::{Cursor, Scroll};
use super::theme::Role;
use crate::domain::kb::Article;
use crate::i18n::Strings;
use ratatui::layout::Rect;

/// How many articles a search shows: more is a list nobody reads through.
pub const SEARCH_LIMIT: usize = 200;

/// Which way the knowledge base was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The full screen, to browse and add.
    Browse,
    /// Over the reply or note of this ticket: Enter inserts.
    Pick { ticket: i64 },
}

#[derive(Debug, Clone)]
pub struct Knowledge {
    pub mode: Mode,
    pub query: TextInput,
    /// The search line has the keys (always when picking).
    pub searching: bool,
    /// The articles of the last search, for `shown_query`.
    pub articles: Vec<Article>,
    /// The query whose articles are shown; differs from `query` while a
    /// search is under way.
    pub shown_query: Option<String>,
    pub cursor: Cursor,
    /// Browse: the article read whole, and how far down.
    pub reading: Option<(i64, Scroll)>,
}

impl Knowledge {
    pub fn browse() -> Knowledge {
        Knowledge::new(Mode::Browse, false)
    }

    pub fn pick(ticket: i64) -> Knowledge {
        Knowledge::new(Mode::Pick { ticket }, true)
    }

    fn new(mode: Mode, searching: bool) -> Knowledge {
        Knowledge {
            mode,
            query: TextInput::default(),
            searching,
            articles: Vec::new(),
            shown_query: None,
            cursor: Cursor::default(),
            reading: None,
        }
    }

    /// Nothing has been read yet for this query.
    pub fn loading(&self) -> bool {
        self.shown_query.is_none()
    }

    pub fn selected(&self) -> Option<&Article> {
        self.articles.get(self.cursor.selected)
    }

    /// The article being read, as last loaded.
    pub fn read_article(&self) -> Option<&Article> {
        let (id, _) = self.reading?;
        self.articles.iter().find(|a| a.id == id)
    }

    /// A search's result: taken only when it is for the query typed now
    /// (one for an earlier query may come back late). The article selected
    /// stays selected when the new list has it.
    pub fn loaded(&mut self, query: &str, articles: Vec<Article>, height: usize) -> bool {
        if query != self.query.text() {
            return false;
        }
        let selected = self.selected().map(|a| a.id);
        self.articles = articles;
        self.shown_query = Some(query.to_string());
        let at = selected
            .and_then(|id| self.articles.iter().position(|a| a.id == id))
            .unwrap_or(0);
        self.cursor = Cursor::default();
        self.cursor.select(at, self.articles.len(), height);
        if self.read_article().is_none() {
            self.reading = None;
        }
        true
    }
}

/// Where the parts of the knowledge base go inside its box: the search
/// line, the column titles, the list, and under it a preview of the
/// selected article's text (when there is room for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub search: Rect,
    pub header: Rect,
    pub list: Rect,
    pub preview: Rect,
}

/// Rows of the preview: about a third of the box, when it is tall enough.
fn preview_rows(height: u16) -> u16 {
    if height < 12 { 0 } else { height / 3 }
}

pub fn parts(inner: Rect) -> Parts {
    let row = |y: u16, height: u16| Rect { y, height, ..inner };
    let preview = preview_rows(inner.height);
    // The preview's rows include a blank one above it.
    let list_rows = inner.height.saturating_sub(2 + preview);
    Parts {
        search: row(inner.y, inner.height.min(1)),
        header: row(inner.y + 1, inner.height.saturating_sub(1).min(1)),
        list: row(inner.y + 2, list_rows),
        preview: row(
            inner.y + 2 + list_rows + 1,
            preview
                .saturating_sub(1)
                .min(inner.height.saturating_sub(3 + list_rows)),
        ),
    }
}

/// The box of the screen: the whole body.
pub fn screen_area(body: Rect) -> Rect {
    body
}

/// The box of the search over a form: wide, from the top of the body, and
/// on a tall screen short enough to leave the form (centred) in sight.
pub fn pick_area(body: Rect) -> Rect {
    let area = super::layout::centered(body, 96, body.height.min(PICK_ROWS));
    Rect { y: body.y, ..area }
}

/// The search over a form is at most this tall.
const PICK_ROWS: u16 = 16;

/// The inside of a bordered box with a column of padding each side (as
/// `ui::modal` draws it).
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    }
}

/// An article read whole: its title, what it is, and its text.
pub fn article_doc(s: &Strings, article: &Article, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    doc.heading(&format!("#{} {}", article.id, article.title));
    let mut meta = vec![
        s.cli_records.article_kind(article.kind).to_string(),
        s.knowledge.used.of(article.used_count, &[]),
    ];
    if !article.tags.is_empty() {
        meta.push(article.tags.join(s.cli_records.list_separator));
    }
    doc.push(vec![piece(
        crate::domain::text::sanitize_line(&meta.join(" · ")),
        Role::Muted,
    )]);
    doc.blank();
    doc.paragraph(&article.body, Role::Text, 0);
    doc
}

/// The form a search over it inserts into: a reply or a note.
pub fn ticket_of(form: &Form) -> Option<i64> {
    match form.kind {
        FormKind::Reply { ticket } | FormKind::Note { ticket } => Some(ticket),
        _ => None,
    }
}

/// Puts an article's text into the reply or note at the cursor of its text
/// field, a blank line apart from the text around it, and remembers the
/// article so its use is counted when the form is saved.
pub fn insert(form: &mut Form, article: &Article) {
    let Some(at) = form.fields.iter().position(|f| f.key == "summary") else {
        return;
    };
    form.focus = at;
    let field = &mut form.fields[at];
    let before = field.input.before_cursor();
    let after = &field.value()[before.len()..];
    let gap = if before.trim().is_empty() || before.ends_with("\n\n") {
        ""
    } else if before.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let gap_after = if after.trim().is_empty() || after.starts_with("\n\n") {
        ""
    } else if after.starts_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let text = format!("{gap}{}{gap_after}", article.body);
    field.input.insert(&text);
    field.error = None;
    if !form.articles.contains(&article.id) {
        form.articles.push(article.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::forms::contact;
    use crate::domain::kb::ArticleKind;

    fn article(id: i64, body: &str) -> Article {
        Article {
            id,
            title: format!("a{id}"),
            body: body.into(),
            kind: ArticleKind::Script,
            tags: Vec::new(),
            used_count: 0,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    fn reply_with(typed: &str) -> Form {
        let t = crate::app::update::tests::ticket(7, 1, "张三", "退款").ticket;
        let mut form = contact::reply(crate::i18n::Lang::En.strings(), &t);
        form.fields[0].input.set(typed);
        form
    }

    #[test]
    fn an_article_goes_in_after_what_was_typed_with_a_blank_line() {
        let cases = [
            ("", "先道歉。"),
            ("您好，", "您好，\n\n先道歉。"),
            ("您好，\n", "您好，\n\n先道歉。"),
            ("您好，\n\n", "您好，\n\n先道歉。"),
            ("  ", "  先道歉。"),
        ];
        for (typed, want) in cases {
            let mut form = reply_with(typed);
            insert(&mut form, &article(3, "先道歉。"));
            assert_eq!(form.value("summary"), want, "{typed:?}");
            assert_eq!(form.articles, [3]);
        }
    }

    #[test]
    fn an_article_inserted_before_typed_text_is_set_apart_from_it_too() {
        let mut form = reply_with("谢谢");
        form.fields[0]
            .input
            .handle(crate::app::keys::Key::plain(crate::app::keys::KeyCode::Home));
        insert(&mut form, &article(3, "您好。"));
        assert_eq!(form.value("summary"), "您好。\n\n谢谢");
        let mut form = reply_with("您好，谢谢");
        for _ in 0..2 {
            form.fields[0]
                .input
                .handle(crate::app::keys::Key::plain(crate::app::keys::KeyCode::Left));
        }
        insert(&mut form, &article(3, "X"));
        assert_eq!(form.value("summary"), "您好，\n\nX\n\n谢谢");
    }

    #[test]
    fn an_article_inserted_twice_is_remembered_once() {
        let mut form = reply_with("x");
        form.focus = 1;
        insert(&mut form, &article(3, "a"));
        insert(&mut form, &article(4, "b"));
        insert(&mut form, &article(3, "a"));
        assert_eq!(form.articles, [3, 4]);
        assert_eq!(form.focus, 0, "the text field has the keys after inserting");
        assert_eq!(form.value("summary"), "x\n\na\n\nb\n\na");
    }

    #[test]
    fn a_late_result_for_an_earlier_query_is_dropped() {
        let mut k = Knowledge::browse();
        assert!(k.loading());
        k.query.set("退款");
        assert!(!k.loaded("退", vec![article(1, "x")], 10));
        assert!(k.loading());
        assert!(k.loaded("退款", vec![article(1, "x"), article(2, "y")], 10));
        k.cursor.select(1, 2, 10);
        // Read again (another agent added one): the selection follows id 2.
        assert!(k.loaded("退款", vec![article(5, "z"), article(1, "x"), article(2, "y")], 10));
        assert_eq!(k.selected().map(|a| a.id), Some(2));
    }

    #[test]
    fn the_preview_takes_a_third_of_a_tall_box_and_none_of_a_short_one() {
        let tall = parts(Rect::new(0, 0, 80, 30));
        assert_eq!((tall.list.y, tall.list.height), (2, 18));
        assert_eq!((tall.preview.y, tall.preview.height), (21, 9));
        let short = parts(Rect::new(0, 0, 80, 8));
        assert_eq!(short.list.height, 6);
        assert_eq!(short.preview.height, 0);
    }
}
