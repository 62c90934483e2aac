//! The knowledge base: its screen (the search line, the articles most used
//! first, a preview of the selected one's text, or one article read whole)
//! and the same search in a box over a reply or a note.

use super::cells::{Col, cell, cell_right, col, col_for, flex, paint_row, span, widths};
use crate::app::action::Action;
use crate::app::help::keys_label;
use crate::app::keymap::Context;
use crate::app::knowledge::{self, Knowledge, Mode, Parts};
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::domain::kb::ArticleKind;
use crate::domain::text::width;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render_screen(model: &Model, frame: &mut Frame, body: Rect, k: &Knowledge) {
    let title = model.strings.knowledge.title.of(k.articles.len() as i64, &[]);
    let inner = super::modal(model, frame, knowledge::screen_area(body), &title);
    if let Some(article) = k.read_article() {
        let doc = knowledge::article_doc(model.strings, article, usize::from(inner.width));
        let top = k.reading.map_or(0, |(_, scroll)| scroll.top);
        super::doc::paint(model, frame, inner, &doc, top);
        return;
    }
    paint(model, frame, inner, k);
}

pub fn render_pick(model: &Model, frame: &mut Frame, body: Rect, k: &Knowledge) {
    let ticket = match k.mode {
        Mode::Pick { ticket } => ticket,
        Mode::Browse => 0,
    };
    let title = fill(model.strings.knowledge.pick_title, &[("ticket", &ticket.to_string())]);
    let inner = super::modal(model, frame, knowledge::pick_area(body), &title);
    paint(model, frame, inner, k);
}

/// The search line, the list and the preview, in `inner`.
fn paint(model: &Model, frame: &mut Frame, inner: Rect, k: &Knowledge) {
    if inner.height == 0 {
        return;
    }
    let parts = knowledge::parts(inner);
    search_line(model, frame, parts.search, k);
    list(model, frame, &parts, k);
    if parts.preview.height > 0 {
        // A rule on the blank row above sets the preview apart from the list.
        let rule = Rect {
            y: parts.preview.y - 1,
            height: 1,
            ..parts.preview
        };
        let line = "─".repeat(usize::from(rule.width));
        frame.render_widget(Paragraph::new(span(&model.theme, line, Role::Border)), rule);
    }
    if let Some(article) = k.selected() {
        let cols = usize::from(parts.preview.width);
        let lines: Vec<Line> = crate::app::doc::wrap(&crate::domain::text::sanitize_block(&article.body), cols)
            .into_iter()
            .take(usize::from(parts.preview.height))
            .map(|part| Line::from(span(&model.theme, part, Role::Muted)))
            .collect();
        frame.render_widget(Paragraph::new(lines), parts.preview);
    }
}

fn search_line(model: &Model, frame: &mut Frame, area: Rect, k: &Knowledge) {
    let (s, theme) = (model.strings.knowledge, &model.theme);
    let cols = usize::from(area.width);
    if !k.searching && k.query.is_empty() {
        let key = filter_key(model);
        let hint = fill(s.search_hint, &[("key", &key)]);
        frame.render_widget(Paragraph::new(span(theme, cell(&hint, cols), Role::Muted)), area);
        return;
    }
    let prompt = width(s.search_prompt);
    let (shown, cursor) = k.query.window(cols.saturating_sub(prompt + 1));
    let line = Line::from(vec![
        span(theme, s.search_prompt, Role::Key),
        span(theme, shown, Role::Input),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if k.searching {
        frame.set_cursor_position((area.x + (prompt + cursor) as u16, area.y));
    }
}

/// The key that starts a search on the screen, as the help names it.
fn filter_key(model: &Model) -> String {
    let s = model.strings;
    model
        .keymap
        .binding_for(&[Context::Knowledge], Action::Filter)
        .map_or_else(
            || s.action(Action::Filter.name()).to_string(),
            |b| keys_label(&b.keys, s),
        )
}

/// Kind, uses, title (the rest of the width), tags.
fn columns(model: &Model) -> [Col; 4] {
    let (s, r) = (model.strings.knowledge, model.strings.cli_records);
    let kinds = [ArticleKind::Faq, ArticleKind::Case, ArticleKind::Script].map(|k| r.article_kind(k));
    [
        col_for(kinds.into_iter().chain([s.col_kind]), 0),
        col(width(s.col_used).max(4), 2),
        flex(16),
        col(24, 1),
    ]
}

fn list(model: &Model, frame: &mut Frame, parts: &Parts, k: &Knowledge) {
    let (s, theme) = (model.strings.knowledge, &model.theme);
    let cols = columns(model);
    let w = widths(&cols, usize::from(parts.list.width));
    let buf = frame.buffer_mut();
    let titles = [s.col_kind, s.col_used, s.col_title, s.col_tags];
    let header: Vec<Vec<_>> = titles
        .iter()
        .zip(&w)
        .enumerate()
        .map(|(i, (t, cw))| {
            let text = if i == 1 { cell_right(t, *cw) } else { cell(t, *cw) };
            vec![span(theme, text, Role::Muted)]
        })
        .collect();
    paint_row(buf, parts.header, header, &w, None);
    if k.articles.is_empty() {
        let text = empty_text(model, k);
        let area = Rect {
            height: parts.list.height.min(1),
            ..parts.list
        };
        buf.set_span(
            area.x,
            area.y,
            &span(theme, cell(&text, usize::from(area.width)), Role::Muted),
            area.width,
        );
        return;
    }
    let r = model.strings.cli_records;
    let rows = usize::from(parts.list.height);
    for (line, index) in (k.cursor.offset..k.articles.len()).take(rows).enumerate() {
        let a = &k.articles[index];
        let row = Rect {
            y: parts.list.y + line as u16,
            height: 1,
            ..parts.list
        };
        let cells = vec![
            vec![span(theme, cell(r.article_kind(a.kind), w[0]), Role::Muted)],
            vec![span(theme, cell_right(&a.used_count.to_string(), w[1]), Role::Text)],
            vec![span(theme, cell(&a.title, w[2]), Role::Text)],
            vec![span(theme, cell(&a.tags.join(","), w[3]), Role::Muted)],
        ];
        let selected = (index == k.cursor.selected).then(|| theme.style(Role::Selected));
        paint_row(buf, row, cells, &w, selected);
    }
}

/// Why the list is empty: still loading, no article at all, or none
/// holding the words searched for.
fn empty_text(model: &Model, k: &Knowledge) -> String {
    let s = model.strings.knowledge;
    if k.loading() {
        return s.loading.to_string();
    }
    let query = k.shown_query.as_deref().unwrap_or("");
    match (query.trim().is_empty(), k.mode) {
        (false, _) => fill(s.no_match, &[("query", query)]),
        (true, Mode::Pick { .. }) => s.empty_pick.to_string(),
        (true, Mode::Browse) => {
            let key = model
                .keymap
                .binding_for(&[Context::Knowledge], Action::New)
                .map_or_else(String::new, |b| keys_label(&b.keys, model.strings));
            fill(s.empty, &[("key", &key)])
        }
    }
}
