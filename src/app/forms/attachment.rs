//! The form saving an attachment to a file (`w`, or Enter on its line):
//! where to (the cleaned file name in the download folder unless another
//! path is typed) and whether an existing file may be replaced (no unless
//! chosen, and the save says so when one is there).

use super::{Field, FieldKind, Form, FormKind};
use crate::app::msg::Effect;
use crate::domain::mail::AttachmentInfo;
use crate::i18n::{Strings, fill};
use crate::service::mail::attachment_file::default_path;
use std::path::Path;

pub fn save_attachment(s: &Strings, a: &AttachmentInfo, folder: &Path) -> Form {
    let path = default_path(&a.file_name, folder).display().to_string();
    let name = crate::domain::mail::file_name::clean(&a.file_name);
    Form::new(
        FormKind::SaveAttachment { id: a.id },
        fill(s.mail_tui.save_title, &[("name", &name)]),
        vec![
            Field::new("path", FieldKind::Line, &path).required(),
            Field::new("overwrite", FieldKind::Choice(vec!["no", "yes"]), "no"),
        ],
    )
}

/// The save form's write, for the writer thread; `None` for other forms.
pub fn effect(form: &Form) -> Option<Effect> {
    let FormKind::SaveAttachment { id } = form.kind else {
        return None;
    };
    Some(Effect::SaveAttachment {
        id,
        path: form.value("path").to_string(),
        overwrite: form.value("overwrite") == "yes",
    })
}
