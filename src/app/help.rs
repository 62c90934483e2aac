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
/// What a binding does, in words: the user's own `desc`, else the action's
/// label in `context` where the catalogue has one, else its general label.
pub fn binding_label<'a>(b: &'a Binding, context: Context, s: &'a Strings) -> &'a str {
    b.desc.as_deref().unwrap_or_else(|| {
        let (context, action) = (context.name(), b.action.name());
        s.actions_in
            .iter()
            .find(|((c, a), _)| *c == context && *a == action)
            .map_or_else(|| s.action(action), |(_, label)| label)
    })
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
                piece(
                    crate::domain::text::sanitize_line(binding_label(b, context, s)),
                    Role::Text,
                ),
            ]);
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::keymap::Keymap;
    use crate::i18n::Lang;

    /// A context label naming no context or action would never show.
    #[test]
    fn labels_in_a_context_name_a_context_and_an_action() {
        for lang in Lang::ALL {
            for ((context, action), _) in lang.strings().actions_in {
                assert!(Context::ALL.iter().any(|c| c.name() == *context), "{lang:?}: {context}");
                assert!(Action::from_name(action).is_some(), "{lang:?}: {action}");
            }
        }
    }

    /// The default keys carry no words of their own: every label of the
    /// help and the footer comes from the catalogue, so in every language.
    #[test]
    fn default_bindings_are_labelled_in_the_language_shown() {
        let keymap = Keymap::default();
        for context in Context::ALL {
            for b in keymap.bindings(context) {
                assert_eq!(b.desc, None, "{context:?} {:?}", b.action);
            }
        }
        let form_close = keymap
            .bindings(Context::Form)
            .iter()
            .find(|b| b.action == Action::Close);
        let label = |lang: Lang| binding_label(form_close.unwrap(), Context::Form, lang.strings()).to_string();
        assert_eq!(label(Lang::En), "Close, keep a draft");
        assert_eq!(label(Lang::ZhCn), "关闭并保留草稿");
    }
}
