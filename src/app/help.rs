//! The help overlay, generated from the keymap in force: every context with
//! its keys and what they do, and any problems found in the config file.

use super::doc::{Doc, piece};
use super::keys::Key;
use super::model::Model;
use crate::app::keymap::{Binding, Context};
use crate::app::theme::Role;
use crate::i18n::Strings;

/// Keys as the footer and help write them: `g g`, `C-c`.
pub fn keys_label(keys: &[Key], s: &Strings) -> String {
    keys.iter().map(|k| k.label(s)).collect::<Vec<_>>().join(" ")
}

/// What a binding does, in the user's words if they gave some.
pub fn binding_label<'a>(b: &'a Binding, s: &'a Strings) -> &'a str {
    b.desc.as_deref().unwrap_or_else(|| s.action(b.action.name()))
}

pub fn help_doc(model: &Model, width: usize) -> Doc {
    let s = model.strings;
    let mut doc = Doc::new(width);
    if !model.warnings.is_empty() {
        doc.heading(s.help_config_problems);
        for w in &model.warnings {
            doc.paragraph(w, Role::Error, 2);
        }
    }
    for context in Context::ALL {
        let bindings = model.keymap.bindings(context);
        if bindings.is_empty() {
            continue;
        }
        doc.heading(Strings::keyed(s.contexts, context.name()));
        let key_width = bindings
            .iter()
            .map(|b| crate::domain::text::width(&keys_label(&b.keys, s)))
            .max()
            .unwrap_or(0)
            .max(6);
        for b in bindings {
            let keys = crate::domain::text::fit(&keys_label(&b.keys, s), key_width);
            doc.push(vec![
                piece("  ", Role::Text),
                piece(keys, Role::Key),
                piece("  ", Role::Text),
                piece(crate::domain::text::sanitize_line(binding_label(b, s)), Role::Text),
            ]);
        }
    }
    doc
}
