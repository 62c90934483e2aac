//! Modal, keyboard-only forms. A form holds what was typed until it is
//! saved or cancelled: a validation error or a conflict only adds a message
//! next to the field, never clears it. Fields are checked with the domain's
//! validators as the user leaves them, and the service checks everything
//! again on save (its errors land on the field they name).

pub mod article;
pub mod attachment;
pub mod contact;
pub mod crm;
pub mod customer;
pub mod drafts;
mod failure;
pub mod picker;
pub mod send_choice;
pub mod ticket;

use super::input::TextInput;
use super::keys::{Key, KeyCode};
use crate::domain::customer::CustomerInput;
use crate::domain::error::Invalid;
use crate::i18n::{Strings, fill};
use crate::service::interactions::LogInput;
use crate::service::tickets::{TicketChanges, TicketInput};
pub use failure::{Conflict, Failure, FieldError};
use picker::{Picker, Source};

/// A field's own check: one of the domain validators.
pub type Check = fn(&str) -> Result<(), Invalid>;

/// Pasted text for a one-line box: each line break (`\r\n`, `\r`, `\n`)
/// a space, so the lines stay apart and nothing reads as Enter.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Line,
    /// Long text: edited in one line here, or whole in `$EDITOR`.
    Long,
    /// One of these stable keys; `""` stands for "none".
    Choice(Vec<&'static str>),
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The service's name for it, so its errors find their way here.
    pub key: &'static str,
    pub kind: FieldKind,
    pub input: TextInput,
    /// The value the form opened with; an edit sends only what differs.
    pub initial: String,
    pub required: bool,
    pub error: Option<FieldError>,
    pub check: Option<Check>,
    /// Known values offered under the field as it is typed in.
    pub picker: Option<Picker>,
}

impl Field {
    pub fn new(key: &'static str, kind: FieldKind, value: &str) -> Field {
        Field {
            key,
            kind,
            input: TextInput::new(value),
            initial: value.to_string(),
            required: false,
            error: None,
            check: None,
            picker: None,
        }
    }

    /// Offers the values of `source` under the field as it is typed in.
    pub fn pick(mut self, source: Source) -> Field {
        self.picker = Some(Picker::new(source));
        self
    }

    /// The text changed: its pick list opens for it, or closes when blank.
    fn typed(&mut self) {
        self.error = None;
        let blank = self.picked_text().is_empty();
        if let Some(picker) = &mut self.picker {
            picker.open = !blank;
        }
    }

    /// What the pick list matches: the text, or in a list box the word
    /// being typed at its end.
    fn picked_text(&self) -> &str {
        match &self.picker {
            Some(p) if p.source.is_list() => crate::domain::ticket_tags::last_word(self.value()),
            _ => self.value().trim(),
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn check(mut self, check: Check) -> Field {
        self.check = Some(check);
        self
    }

    pub fn value(&self) -> &str {
        self.input.text()
    }

    pub fn changed(&self) -> bool {
        self.value() != self.initial
    }

    /// Runs the field's check and keeps its verdict; true when fine.
    fn validate(&mut self) -> bool {
        self.error = self
            .check
            .and_then(|check| check(self.value()).err())
            .map(|e| FieldError::Invalid(e.reason));
        self.error.is_none()
    }

    /// Choice fields step through their options; text fields edit.
    fn handle(&mut self, key: Key) -> bool {
        let FieldKind::Choice(options) = &self.kind else {
            return self.input.handle(key);
        };
        let current = options.iter().position(|o| *o == self.value()).unwrap_or(0);
        let count = options.len().max(1);
        let next = match (key.code, key.text()) {
            (KeyCode::Right, _) | (_, Some(' ')) => (current + 1) % count,
            (KeyCode::Left, _) => (current + count - 1) % count,
            // A letter jumps to the next option starting with it.
            (_, Some(c)) => match (1..=count)
                .map(|step| (current + step) % count)
                .find(|i| options.get(*i).is_some_and(|o| o.starts_with(c.to_ascii_lowercase())))
            {
                Some(i) => i,
                None => return false,
            },
            _ => return false,
        };
        let value = options.get(next).copied().unwrap_or("");
        self.input.set(value);
        true
    }
}

/// What the form is for, with the record and version it edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewCustomer,
    EditCustomer {
        id: i64,
        version: i64,
    },
    NewTicket,
    EditTicket {
        id: i64,
        version: i64,
    },
    Reply {
        ticket: i64,
    },
    Note {
        ticket: i64,
    },
    Log,
    AddOrder,
    CorrectOrder,
    Callback {
        ticket: i64,
    },
    Survey,
    AddReminder,
    NewArticle,
    EditInteraction {
        id: i64,
    },
    Resolve {
        id: i64,
        version: i64,
    },
    /// Saves attachment `id` to a file (see `attachment`).
    SaveAttachment {
        id: i64,
    },
}

/// A form's content as the service takes it.
#[derive(Debug, Clone)]
pub enum Submission {
    NewCustomer(CustomerInput),
    EditCustomer {
        id: i64,
        version: i64,
        input: CustomerInput,
    },
    NewTicket(TicketInput),
    EditTicket {
        id: i64,
        version: i64,
        changes: TicketChanges,
    },
    Reply {
        ticket: i64,
        summary: String,
        channel: Option<String>,
        /// Knowledge-base articles inserted into the text: their use is
        /// counted with the save.
        articles: Vec<i64>,
        /// Recorded and queued as a message to the customer, then sent.
        send: bool,
    },
    Note {
        ticket: i64,
        summary: String,
        articles: Vec<i64>,
    },
    Log(LogInput),
    Order(crate::service::orders::OrderInput),
    CorrectOrder {
        kind: crate::domain::order::CorrectionKind,
        input: crate::service::orders::CorrectionInput,
    },
    Callback {
        ticket: i64,
        outcome: String,
        summary: Option<String>,
    },
    Survey(crate::service::surveys::SurveyInput),
    Reminder(crate::service::reminders::ReminderInput),
    Article(article::ArticleInput),
    EditInteraction {
        id: i64,
        summary: String,
    },
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message about the whole form (a conflict, a missing record).
    pub message: Option<String>,
    /// Knowledge-base articles inserted into the text (`<C-k>` in a reply
    /// or a note), counted as used when the form is saved.
    pub articles: Vec<i64>,
}

impl Form {
    /// A form opens on its first empty required field: what the user has
    /// to type next, past anything the view already filled in.
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        let focus = fields
            .iter()
            .position(|f| f.required && f.value().trim().is_empty())
            .unwrap_or(0);
        Form {
            kind,
            title,
            fields,
            focus,
            message: None,
            articles: Vec::new(),
        }
    }

    /// Puts the keyboard on the field named `key`, the one the view the
    /// form was opened from is about; a form without it stays as it is.
    pub fn about(mut self, key: &str) -> Form {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
        self
    }

    /// Something was typed: closing would lose it.
    pub fn is_changed(&self) -> bool {
        self.fields.iter().any(Field::changed)
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields.iter().find(|f| f.key == key).map_or("", Field::value)
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn is_last(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    /// Leaves the focused field for the one `step` away, checking it first.
    pub fn move_focus(&mut self, step: isize) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.validate();
            if let Some(picker) = &mut field.picker {
                picker.close();
            }
        }
        self.focus = self
            .focus
            .saturating_add_signed(step)
            .min(self.fields.len().saturating_sub(1));
    }

    /// A key for the focused field; typing clears that field's message.
    pub fn handle_key(&mut self, key: Key) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let changed = field.handle(key);
        if changed {
            field.typed();
        }
        changed
    }

    /// The focused field's pick list, when it is showing: it has matches,
    /// or it says that none match where only a match will do.
    pub fn pick_list(&self) -> Option<&Picker> {
        let picker = self.focused()?.picker.as_ref()?;
        let says_none = matches!(picker.source, Source::Customers | Source::Agents);
        (picker.open && (!picker.choices.is_empty() || says_none)).then_some(picker)
    }

    /// The focused field's text and pick list, to match one against the other.
    pub fn focused_picker_mut(&mut self) -> Option<(String, &mut Picker)> {
        let field = self.fields.get_mut(self.focus)?;
        let text = field.picked_text().to_string();
        Some((text, field.picker.as_mut()?))
    }

    /// A customer search of a pick list is still under way.
    pub fn searching(&self) -> bool {
        self.fields
            .iter()
            .filter_map(|f| f.picker.as_ref())
            .any(|p| p.open && p.source == Source::Customers && !p.search.done)
    }

    /// Enter or Tab in a pick list: the highlighted value replaces the text
    /// (none highlighted: the text stays), and the next field has the keys.
    /// In a list box it replaces the word being typed, and the box keeps
    /// the keys for the next word.
    pub fn take_choice(&mut self) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let list = field.picker.as_ref().is_some_and(|p| p.source.is_list());
        if let Some(choice) = field
            .picker
            .as_ref()
            .and_then(Picker::highlighted)
            .map(|c| c.value.clone())
        {
            let text = if list {
                let typed = field.value();
                let kept = &typed[..typed.len() - field.picked_text().len()];
                format!("{kept}{choice} ")
            } else {
                choice
            };
            field.input.set(&text);
            field.error = None;
        }
        match field.picker.as_mut() {
            Some(picker) if list => picker.close(),
            _ => self.move_focus(1),
        }
    }

    /// Pasted text for the focused field: whole into a long field (its line
    /// breaks made `\n`), on one line into a one-line field, nothing into a
    /// choice. Returns whether the field changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let text = match field.kind {
            FieldKind::Choice(_) => return false,
            FieldKind::Long => text.replace("\r\n", "\n").replace('\r', "\n"),
            FieldKind::Line => one_line(text),
        };
        let changed = field.input.insert(&text);
        if changed {
            field.typed();
        }
        changed
    }

    /// Text back from `$EDITOR` for the focused field.
    pub fn set_focused(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            // Editors end files with a newline nobody meant to type. A long
            // field keeps the lines (one kind of break); a one-line field
            // gets them as spaces, as a paste would.
            let text = text.trim_end_matches(['\n', '\r']);
            match field.kind {
                FieldKind::Long => field.input.set(&text.replace("\r\n", "\n").replace('\r', "\n")),
                _ => field.input.set(&one_line(text)),
            }
            field.error = None;
        }
    }

    /// Checks every field; on a problem the first bad field gets the focus.
    pub fn validate_all(&mut self) -> bool {
        let mut first_bad = None;
        for (i, field) in self.fields.iter_mut().enumerate() {
            if !field.validate() && first_bad.is_none() {
                first_bad = Some(i);
            }
        }
        if let Some(i) = first_bad {
            self.focus = i;
            return false;
        }
        match self.kind {
            FormKind::EditTicket { .. } => ticket::check_resolution(self),
            _ => true,
        }
    }

    /// Puts a failed save's reason where the user will look for it.
    /// The field is found from the failure's data: the field an invalid
    /// value was typed in, the field naming a record that is not found.
    pub fn fail(&mut self, failure: &Failure, s: &Strings) {
        self.message = None;
        let field_named = |key: &str| self.fields.iter().position(|f| f.key == key);
        let marked = match failure {
            Failure::Invalid(invalid) => {
                field_named(&invalid.field).map(|i| (i, FieldError::Invalid(invalid.reason.clone())))
            }
            Failure::NotFound { entity, key } => failure::field_of(*entity).and_then(field_named).map(|i| {
                let error = FieldError::NotFound {
                    entity: *entity,
                    key: key.clone(),
                };
                (i, error)
            }),
            Failure::Conflict(_) => {
                let text = failure.describe(s);
                self.message = Some(fill(s.msg_conflict, &[("why", &text)]));
                return;
            }
            Failure::Other(_) => None,
        };
        match marked {
            Some((i, error)) => {
                self.fields[i].error = Some(error);
                self.focus = i;
            }
            None => self.message = Some(failure.describe(s)),
        }
    }

    /// The form's content for the service; `None` when an edit changed nothing.
    pub fn submission(&self) -> Option<Submission> {
        match self.kind {
            FormKind::NewCustomer | FormKind::EditCustomer { .. } => customer::submission(self),
            FormKind::NewTicket | FormKind::EditTicket { .. } | FormKind::Resolve { .. } => ticket::submission(self),
            FormKind::Reply { .. } | FormKind::Note { .. } | FormKind::Log | FormKind::EditInteraction { .. } => {
                contact::submission(self)
            }
            FormKind::AddOrder
            | FormKind::CorrectOrder
            | FormKind::Callback { .. }
            | FormKind::Survey
            | FormKind::AddReminder => crm::submission(self),
            FormKind::NewArticle => article::submission(self),
            // Not a record: its save is a file write of its own (`attachment::effect`).
            FormKind::SaveAttachment { .. } => None,
        }
    }

    /// The value of `key` if the user changed it (edits send only those).
    pub fn changed(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.key == key && f.changed())
            .map(|f| f.value().to_string())
    }

    /// The value of `key` when not blank.
    pub fn given(&self, key: &str) -> Option<String> {
        Some(self.value(key).to_string()).filter(|v| !v.trim().is_empty())
    }
}

/// Choice options from a vocabulary's keys, with "none" first when optional.
pub fn options(keys: impl Iterator<Item = &'static str>, optional: bool) -> FieldKind {
    let mut out: Vec<&'static str> = if optional { vec![""] } else { Vec::new() };
    out.extend(keys);
    FieldKind::Choice(out)
}
