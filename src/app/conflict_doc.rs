//! The conflict dialog as a document: a table of the fields either side
//! changed (started from, yours, stored now), with who stored each value.

use super::conflict::{Conflict, Row};
use super::doc::{Doc, piece};
use super::format::{self, local_short};
use super::model::Model;
use crate::app::theme::Role;
use crate::domain::text::{fit, sanitize_line};
use crate::i18n::fill;

/// Columns of the field names.
const LABEL: usize = 16;

/// A value as the dialog shows it: choices by their label, phones and
/// e-mails hidden in screen-sharing mode, nothing as a dash.
fn shown(model: &Model, key: &str, value: &str) -> String {
    let s = model.strings;
    let text = match key {
        "phone" => format::phone(value, model.session.masked),
        "email" => format::email(value, model.session.masked),
        "priority" | "status" | "kind" | "tier" | "channel" => s.choice(key, value).to_string(),
        _ => value.to_string(),
    };
    if text.trim().is_empty() {
        s.dash.to_string()
    } else {
        sanitize_line(&text).into_owned()
    }
}

/// The dialog as a document, `width` columns wide.
pub fn conflict_doc(model: &Model, conflict: &Conflict, width: usize) -> Doc {
    let (s, c) = (model.strings, model.strings.care);
    let mut doc = Doc::new(width);
    doc.paragraph(&fill(c.conflict_intro, &[("record", &conflict.name)]), Role::Text, 0);
    let column = width.saturating_sub(LABEL + 2) / 3;
    let line = |label: &str, started: &str, yours: &str, now: &str, roles: [Role; 4]| {
        vec![
            piece(fit(label, LABEL), roles[0]),
            piece(format!("  {}", fit(started, column.saturating_sub(2))), roles[1]),
            piece(format!("  {}", fit(yours, column.saturating_sub(2))), roles[2]),
            piece(format!("  {}", fit(now, column.saturating_sub(2))), roles[3]),
        ]
    };
    let header = line(c.col_field, c.col_started, c.col_yours, c.col_now, [Role::Muted; 4]);
    let (mine, theirs): (Vec<&Row>, Vec<&Row>) = conflict.rows.iter().partition(|r| r.mine);
    for (heading, rows) in [(c.yours_heading, mine), (c.theirs_heading, theirs)] {
        if rows.is_empty() {
            continue;
        }
        doc.heading(heading);
        doc.push(header.clone());
        for row in rows {
            let yours_role = if row.mine { Role::Input } else { Role::Muted };
            let now_role = if row.theirs { Role::AtRisk } else { Role::Muted };
            doc.push(line(
                s.field(row.key),
                &shown(model, row.key, &row.started),
                &shown(model, row.key, &row.yours),
                &shown(model, row.key, &row.now),
                [Role::Text, Role::Muted, yours_role, now_role],
            ));
            let mut notes = Vec::new();
            if row.mine && row.theirs {
                notes.push(c.both_changed.to_string());
            }
            if let Some(by) = &row.by {
                let when = local_short(by.at, model.now, model.session.timezone);
                notes.push(fill(
                    c.changed_by,
                    &[("agent", &sanitize_line(&by.agent)), ("when", &when)],
                ));
            }
            if !notes.is_empty() {
                let text = format!("{}  {}", " ".repeat(LABEL), notes.join(" · "));
                doc.push(vec![piece(text, Role::Muted)]);
            }
        }
    }
    doc.blank();
    doc.paragraph(c.reapply_note, Role::Muted, 0);
    doc
}
