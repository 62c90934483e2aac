//! What was typed into a form and not saved is never dropped unasked. Esc
//! on a changed form keeps it here as a draft; the same form opened again
//! on the same record takes it back, fields and cursor as they were. Only
//! an explicit discard, answered `y`, drops typed text, and quitting with
//! drafts left asks first. Drafts live as long as the session.

use super::{Form, FormKind};
use crate::app::model::Model;
use crate::i18n::fill;

/// Which form on which record a draft belongs to. An edit's version is
/// left out: the draft comes back over a newer record too, and its save
/// then meets the conflict dialog instead of overwriting blindly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftKey {
    kind: FormKind,
    /// The same kind of form can offer different fields (`a` and `e` on a
    /// ticket are both ticket edits).
    fields: Vec<&'static str>,
    /// What the form was opened on, as the view filled it in.
    customer: String,
    ticket: String,
}

impl DraftKey {
    pub fn of(form: &Form) -> DraftKey {
        let kind = match form.kind {
            FormKind::EditCustomer { id, .. } => FormKind::EditCustomer { id, version: 0 },
            FormKind::EditTicket { id, .. } => FormKind::EditTicket { id, version: 0 },
            FormKind::Resolve { id, .. } => FormKind::Resolve { id, version: 0 },
            other => other,
        };
        let initial = |key: &str| {
            form.fields
                .iter()
                .find(|f| f.key == key)
                .map(|f| f.initial.clone())
                .unwrap_or_default()
        };
        DraftKey {
            kind,
            fields: form.fields.iter().map(|f| f.key).collect(),
            customer: initial("customer"),
            ticket: initial("ticket"),
        }
    }
}

/// A question put before typed text is lost; `y` answers yes, any other
/// key no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Drop the open form and what was typed into it.
    Discard,
    /// Quit although drafts would be lost.
    Quit,
}

#[derive(Debug, Clone, Default)]
pub struct Drafts {
    kept: Vec<(DraftKey, Form)>,
    /// The question on screen, if any: it takes the next key.
    pub asking: Option<Question>,
}

impl Drafts {
    /// Keeps a form closed with typed text. A draft of the same form on the
    /// same record can be kept already (the form of a failed save comes back
    /// beside one typed meanwhile): both stay, the newer comes back first.
    pub fn keep(&mut self, form: Form) {
        let key = DraftKey::of(&form);
        self.kept.push((key, form));
    }

    /// The newest draft of this freshly built form, taken out of the store:
    /// it keeps the fresh title (a bulk edit names its count) and otherwise
    /// comes back as it was left.
    pub fn restore(&mut self, fresh: Form) -> (Form, bool) {
        let key = DraftKey::of(&fresh);
        match self.kept.iter().rposition(|(k, _)| *k == key) {
            Some(i) => {
                let (_, mut draft) = self.kept.remove(i);
                draft.title = fresh.title;
                (draft, true)
            }
            None => (fresh, false),
        }
    }

    /// How many drafts of the same form on the same record as `form` are kept.
    pub fn kept_like(&self, form: &Form) -> usize {
        let key = DraftKey::of(form);
        self.kept.iter().filter(|(k, _)| *k == key).count()
    }

    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

/// How many pieces of typed work quitting would lose: the drafts, the
/// open form if something was typed into it, and the forms of failed saves
/// waiting for the help, the palette or another form to close.
pub fn unsaved(model: &Model) -> usize {
    model.drafts.len()
        + usize::from(model.screens.form().is_some_and(Form::is_changed))
        + crate::app::saves::failed_waiting(model)
}

/// The question on screen, for the footer.
pub fn question(model: &Model) -> Option<String> {
    let s = model.strings.forms;
    Some(match model.drafts.asking? {
        Question::Discard => fill(
            s.ask_discard,
            &[("form", model.screens.form().map_or("", |f| f.title.as_str()))],
        ),
        Question::Quit => fill(s.ask_quit, &[("count", &unsaved(model).to_string())]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::forms::{contact, crm};
    use crate::i18n::get;

    fn ticket(id: i64) -> crate::domain::ticket::Ticket {
        crate::app::update::tests::ticket(id, 1, "张三", "屏幕坏点").ticket
    }

    #[test]
    fn a_draft_comes_back_only_to_the_same_form_on_the_same_record() {
        let s = get();
        let mut drafts = Drafts::default();
        let mut reply = contact::reply(s, &ticket(7));
        reply.fields[0].input.set("我们明天上门");
        reply.focus = 1;
        drafts.keep(reply);
        let cases = [
            (contact::note(s, &ticket(7)), false),
            (contact::reply(s, &ticket(8)), false),
            (crm::order(s, "C0001", "张三"), false),
            (contact::reply(s, &ticket(7)), true),
        ];
        for (fresh, back) in cases {
            let title = fresh.title.clone();
            let (form, restored) = drafts.restore(fresh);
            assert_eq!(restored, back, "{title}");
            assert_eq!(form.title, title);
            if back {
                assert_eq!((form.value("summary"), form.focus), ("我们明天上门", 1));
            }
        }
        assert!(drafts.is_empty(), "taken out when it comes back");
        // Orders for two customers are two drafts.
        let mut first = crm::order(s, "C0001", "张三");
        first.fields[1].input.set("12");
        drafts.keep(first);
        let (other, restored) = drafts.restore(crm::order(s, "C0002", "李四"));
        assert!(!restored && other.value("amount").is_empty());
        assert_eq!(drafts.len(), 1);
    }
}
