//! The header's outbox count: replies waiting to be sent by e-mail, and
//! those whose sending failed for good. Shown only while there are any, so
//! a desk that does not use mail never sees it.

use super::cells::span;
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::i18n::fill;
use ratatui::text::Span;

pub fn header_spans(model: &Model) -> Vec<Span<'static>> {
    let (m, theme) = (&model.strings.mail_tui, &model.theme);
    let counts = model.mail.outbox;
    let mut out = Vec::new();
    for (template, n, role) in [
        (m.header_waiting, counts.waiting, Role::Notice),
        (m.header_failed, counts.failed, Role::Breached),
    ] {
        if n == 0 {
            continue;
        }
        out.push(Span::styled(
            fill(template, &[("count", &n.to_string())]),
            theme.style(Role::Header).patch(theme.style(role)),
        ));
        out.push(span(theme, "  ", Role::Header));
    }
    out
}
