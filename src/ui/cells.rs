//! Text for table cells: neutralised, cut to a display width with an
//! ellipsis, padded, and with matched characters highlighted.

use crate::app::theme::{Role, Theme};
use crate::domain::text::{fit, is_unsafe_for_terminal, sanitize_line, truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use std::borrow::Cow;

// Column widths live beside the cells they size.
pub use super::cols::{Col, col, col_for, flex, grows, whole, widths};

/// Data text fitted to exactly `cols` columns.
pub fn cell(text: &str, cols: usize) -> String {
    fit(&sanitize_line(text), cols)
}

/// Like [`cell`] but right-aligned (numbers, countdowns).
pub fn cell_right(text: &str, cols: usize) -> String {
    let cut = truncate(text, cols);
    format!("{}{cut}", " ".repeat(cols.saturating_sub(width(&cut))))
}

/// A name fitted to `cols` with the characters at `hits` (char indices
/// into the name) in the match style.
pub fn highlighted(name: &str, hits: &[usize], cols: usize, base: Style, matched: Style) -> Vec<Span<'static>> {
    let clean = sanitize_line(name);
    // Neutralising removed characters: the indices no longer line up.
    let hits = if matches!(clean, Cow::Borrowed(_)) { hits } else { &[] };
    let cut = truncate(&clean, cols);
    let was_cut = matches!(cut, Cow::Owned(_));
    let count = cut.chars().count();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in cut.chars().enumerate() {
        let hit = hits.contains(&i) && !(was_cut && i + 1 == count);
        if hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { matched } else { base },
            ));
        }
        run_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { matched } else { base }));
    }
    let pad = cols.saturating_sub(width(&cut));
    if pad > 0 {
        spans.push(Span::styled(" ".repeat(pad), base));
    }
    spans
}

/// Paints a table row straight into the buffer: each shown column's cell
/// at its place, one space apart, over `style` (the selection) when given.
/// The blanks that pad a cell are not drawn: the buffer is blank already,
/// and laying out spaces was half of a frame's work.
pub fn paint_row(buf: &mut Buffer, row: Rect, cells: Vec<Vec<Span<'static>>>, widths: &[usize], style: Option<Style>) {
    if let Some(style) = style {
        buf.set_style(row, style);
    }
    let right = row.right();
    let mut x = row.x;
    for (cell, width) in cells.into_iter().zip(widths) {
        if *width == 0 {
            continue;
        }
        let start = x;
        let end = start
            .saturating_add(u16::try_from(*width).unwrap_or(u16::MAX))
            .min(right);
        let mut at = start;
        let last = cell.len().saturating_sub(1);
        for (i, mut span) in cell.into_iter().enumerate() {
            if i == last {
                let kept = span.content.trim_end_matches(' ').len();
                if kept < span.content.len() {
                    let mut text = span.content.into_owned();
                    text.truncate(kept);
                    span.content = text.into();
                }
            }
            if at >= end {
                break;
            }
            at = buf.set_span(at, row.y, &span, end - at).0;
        }
        x = end.saturating_add(1);
        if x >= right {
            break;
        }
    }
}

/// The last step of every frame, after all views drew: a character the
/// terminal cannot be trusted to draw as wide as the frame counted it (a
/// line separator, an invisible format character) that reached a cell
/// without going through `sanitize_*` leaves it. The cell keeps the width
/// it was laid out with, so nothing after it shifts and no stale cell is
/// left when the terminal draws the frame.
///
/// A zero-width joiner at either end of a cell joins nothing in it (an
/// emoji sequence is one cell): some terminals would glue the next cell's
/// character onto this one, so it goes too.
pub fn scrub(buf: &mut Buffer) {
    const ZWJ: char = '\u{200D}';
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        let loose_joiner = symbol.starts_with(ZWJ) || symbol.ends_with(ZWJ);
        if loose_joiner || symbol.chars().any(is_unsafe_for_terminal) {
            let kept = symbol.trim_matches(ZWJ);
            let kept: String = kept.chars().filter(|c| !is_unsafe_for_terminal(*c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// Shorthand for a styled span of already safe text.
pub fn span(theme: &Theme, text: impl Into<String>, role: Role) -> Span<'static> {
    Span::styled(text.into(), theme.style(role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_survive_cutting_chinese_names() {
        let spans = highlighted("张三丰大侠", &[0, 1], 7, Style::default(), Style::default().bold());
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "张三丰…");
        assert_eq!(spans[0].content, "张三");
        assert!(spans[0].style.add_modifier.contains(ratatui::style::Modifier::BOLD));
        let spans = highlighted("a\u{1b}]0;x\u{7}b", &[0], 4, Style::default(), Style::default().bold());
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "ab  ");
        assert_eq!(cell("王小明同学你好", 9), "王小明同…");
        assert_eq!(cell_right("5m", 4), "  5m");
    }

    /// A Chinese name cut to any width: never wider than asked, never half
    /// a character, and what is kept is the name's beginning.
    #[test]
    fn chinese_names_cut_to_every_width_by_columns_not_characters() {
        let name = "北京华联商厦股份有限公司";
        assert_eq!(width(name), 24);
        for cols in 0..=30 {
            let plain = cell(name, cols);
            let right = cell_right(name, cols);
            let lit: String = highlighted(name, &[0, 3], cols, Style::default(), Style::default())
                .iter()
                .map(|s| s.content.as_ref())
                .collect();
            for (how, text) in [("cell", &plain), ("highlighted", &lit), ("cell_right", &right)] {
                assert_eq!(width(text), cols, "{how} at {cols}: {text:?}");
                let kept = text.trim().trim_end_matches('…');
                assert!(name.starts_with(kept), "{how} at {cols} split the name: {text:?}");
                // Two columns a character: a cut keeps an even width before the ellipsis.
                assert_eq!(width(kept) % 2, 0, "{how} at {cols}: {text:?}");
            }
        }
        assert_eq!(cell(name, 10), "北京华联… ");
        assert_eq!(cell(name, 9), "北京华联…");
        // Values with Chinese units line up on their right edge by columns.
        assert_eq!(cell_right("35分钟", 8), "  35分钟");
    }

    #[test]
    fn text_drawn_without_sanitizing_is_scrubbed_in_place() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "a\u{2028}b\u{600}1c", Style::default());
        scrub(&mut buf);
        let cells: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        // A prepended sign made its cluster two wide: the place stays.
        assert_eq!(cells, ["a", " ", "b", "1", " ", "c", " ", " "]);
    }

    #[test]
    fn a_joiner_that_joins_nothing_in_its_cell_is_scrubbed() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "w\u{200d}j👨\u{200d}👩", Style::default());
        scrub(&mut buf);
        let cells: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(cells, ["w", "j", "👨\u{200d}👩", " ", " ", " "]);
    }
}
