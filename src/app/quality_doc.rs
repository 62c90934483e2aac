//! The Data quality confirmations as documents: a merge (who is kept, who
//! is merged in, why they look alike, what moves) and archiving the
//! inactive (the days, the rule, who would go). Built here so their height
//! is known before they are painted; data text is neutralised by `Doc`.

use super::doc::{Doc, piece};
use super::format;
use super::model::Model;
use super::quality::{ArchiveConfirm, Confirm, MergeConfirm, shared_value};
use crate::app::theme::Role;
use crate::domain::customer::Customer;
use crate::domain::text::{fit, sanitize_line};
use crate::i18n::fill;

/// Columns of the labels.
const LABEL: usize = 14;

/// Customers the archive confirmation names before "… and N more".
const LISTED: usize = 8;

pub fn confirm_doc(model: &Model, confirm: &Confirm, width: usize) -> Doc {
    match confirm {
        Confirm::Merge(m) => merge_doc(model, m, width),
        Confirm::Archive(a) => archive_doc(model, a, width),
    }
}

/// `C0001 张三 · 138… · zhang@…`: what tells the two apart.
fn who(model: &Model, c: &Customer) -> String {
    let masked = model.session.masked;
    let mut parts = vec![format!("{} {}", c.code, c.name.trim())];
    if !c.phone.trim().is_empty() {
        parts.push(format::phone(&c.phone, masked));
    }
    if !c.email.trim().is_empty() {
        parts.push(format::email(&c.email, masked));
    }
    parts.join(model.strings.quality.evidence_separator)
}

fn merge_doc(model: &Model, m: &MergeConfirm, width: usize) -> Doc {
    let q = model.strings.quality;
    let mut doc = Doc::new(width);
    doc.field(q.merge_keep, &who(model, &m.keep), LABEL);
    doc.field(q.merge_duplicate, &who(model, &m.duplicate), LABEL);
    if let Some(pair) = model
        .screens
        .quality()
        .and_then(|v| v.review.duplicates.iter().find(|p| same_pair(p, m)))
    {
        doc.field(q.merge_evidence, &evidence_text(model, pair), LABEL);
    }
    doc.blank();
    doc.push(vec![piece(
        sanitize_line(&fill(q.merge_moves, &[("code", &m.keep.code)])).into_owned(),
        Role::Title,
    )]);
    let counts = match (&m.error, m.moving()) {
        (Some(why), _) => (fill(model.strings.msg_error, &[("why", why)]), Role::Error),
        (None, Some(n)) => (moved_text(q, &n), Role::Text),
        (None, None) => (q.merge_counting.to_string(), Role::Muted),
    };
    doc.paragraph(&counts.0, counts.1, 2);
    doc.paragraph(
        &fill(
            q.merge_after,
            &[("duplicate", &m.duplicate.code), ("keep", &m.keep.code)],
        ),
        Role::Text,
        0,
    );
    doc.blank();
    doc.paragraph(q.merge_swap_note, Role::Muted, 0);
    doc
}

/// What a merge moves, "3 tickets, 1 interaction, …", each counted in words.
pub fn moved_text(q: &crate::i18n::catalog::quality::QualityStrings, n: &crate::service::merge::Moved) -> String {
    [
        (q.moved_tickets, n.tickets),
        (q.moved_interactions, n.interactions),
        (q.moved_orders, n.orders),
        (q.moved_surveys, n.surveys),
        (q.moved_reminders, n.reminders),
    ]
    .iter()
    .map(|(words, count)| words.of(*count as i64, &[]))
    .collect::<Vec<_>>()
    .join(q.moved_separator)
}

fn same_pair(pair: &crate::service::quality::DuplicateView, m: &MergeConfirm) -> bool {
    let ids = [pair.first.id, pair.second.id];
    ids.contains(&m.keep.id) && ids.contains(&m.duplicate.id)
}

/// `same phone 13812345678 · same pinyin zhangsan`.
pub fn evidence_text(model: &Model, pair: &crate::service::quality::DuplicateView) -> String {
    let q = model.strings.quality;
    pair.evidence
        .iter()
        .map(|e| {
            let value = shared_value(pair, *e, model.session.masked);
            let label = q.evidence_label(*e);
            if value.is_empty() {
                label.to_string()
            } else {
                format!("{label} {value}")
            }
        })
        .collect::<Vec<_>>()
        .join(q.evidence_separator)
}

fn archive_doc(model: &Model, a: &ArchiveConfirm, width: usize) -> Doc {
    let (s, q) = (model.strings, model.strings.quality);
    let mut doc = Doc::new(width);
    doc.push(vec![
        piece(fit(q.archive_days, LABEL), Role::Muted),
        piece(" ", Role::Text),
        piece(fill(q.days_typed, &[("days", &a.days)]), Role::Key),
    ]);
    doc.paragraph(q.archive_rule, Role::Text, 0);
    doc.blank();
    match (&a.error, &a.found) {
        (Some(why), _) => doc.paragraph(why, Role::Error, 0),
        (None, None) => doc.paragraph(q.archive_finding, Role::Muted, 0),
        (None, Some(found)) if found.is_empty() => doc.paragraph(q.archive_none, Role::Text, 0),
        (None, Some(found)) => {
            doc.push(vec![piece(
                q.archive_found.of(found.len() as i64, &[("days", &a.days)]),
                Role::Title,
            )]);
            for c in found.iter().take(LISTED) {
                let last = c.last_activity_at.map_or_else(
                    || q.never.to_string(),
                    |t| format::ago(t, model.now, model.session.timezone, s),
                );
                let name = format!("{} {}", c.code, c.name.trim());
                let room = width.saturating_sub(2 + 2 + 10);
                doc.push(vec![
                    piece("  ", Role::Text),
                    piece(fit(&sanitize_line(&name), room), Role::Text),
                    piece("  ", Role::Text),
                    piece(last, Role::Muted),
                ]);
            }
            if found.len() > LISTED {
                let more = (found.len() - LISTED).to_string();
                doc.paragraph(&fill(q.archive_more, &[("count", &more)]), Role::Muted, 2);
            }
        }
    }
    doc.blank();
    doc.paragraph(q.archive_type_days, Role::Muted, 0);
    doc
}
