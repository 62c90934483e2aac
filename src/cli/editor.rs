//! The text of `ticket reply|note`, as `git commit` takes a message: from
//! `--summary`, from `--body-file FILE` (`-` = standard input), or written
//! in `$EDITOR` under a commented template. An empty text cancels.

use crate::config::input::{self, InputKind};
use crate::domain::error::{FileProblem, Invalid, Reason};
use crate::domain::validate;
use crate::service::Error;
use crate::tui::editor;
use std::io::{IsTerminal, Read};
use std::path::Path;

/// Where the text comes from, as the options gave it.
pub struct Source<'a> {
    pub summary: Option<String>,
    pub body_file: Option<&'a Path>,
}

impl Source<'_> {
    /// Whether the command line carries the text (else the editor opens).
    pub fn given(&self) -> bool {
        self.summary.is_some() || self.body_file.is_some()
    }

    /// The text; `template` (the comment block shown in the editor) is
    /// only built when the editor opens. A written text left empty cancels;
    /// a blank `--summary` is the service's to refuse as any blank value.
    pub fn text(self, template: impl FnOnce() -> Result<String, Error>) -> Result<String, Error> {
        let text = match (self.summary, self.body_file) {
            (Some(summary), _) => return Ok(summary),
            (None, Some(path)) => read_body(path)?,
            (None, None) => in_editor(&template()?)?,
        };
        if text.trim().is_empty() {
            return Err(Invalid::new("summary", "", Reason::EmptyText).into());
        }
        Ok(text)
    }
}

fn read_body(path: &Path) -> Result<String, Error> {
    let refuse = |problem| Invalid::new("body-file", path.display().to_string(), Reason::File(problem));
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        // No more than a file could hold: a stream without end is cut there.
        std::io::stdin()
            .take(InputKind::Text.limit() + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| refuse(FileProblem::Unreadable { detail: e.to_string() }))?;
        if bytes.len() as u64 > InputKind::Text.limit() {
            return Err(refuse(FileProblem::TooLarge {
                bytes: bytes.len() as u64,
                limit: InputKind::Text.limit(),
                role: crate::domain::error::FileRole::Text,
            })
            .into());
        }
        bytes
    } else {
        input::read(path, InputKind::Text)?
    };
    let text = String::from_utf8(bytes).map_err(|_| refuse(FileProblem::NotUtf8))?;
    // The checks the service makes of any text, made here so that a
    // refusal names the option and the file, not `summary` and the text.
    if let Err(problem) = validate::text("body-file", &text, validate::TEXT_MAX) {
        return Err(Invalid::new("body-file", path.display().to_string(), problem.reason).into());
    }
    // A file is taken as it is ("#12" may start a line); only the line
    // breaks are made one kind.
    Ok(text.replace("\r\n", "\n").trim().to_string())
}

/// Runs the editor on `template` and keeps what was written above and
/// between its comment lines. Without a terminal the fallback `vi` cannot
/// work, so unless the user named an editor (a script may be one) the
/// command asks for the options instead of hanging.
fn in_editor(template: &str) -> Result<String, Error> {
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if editor::chosen().is_none() && !terminal {
        return Err(Invalid::new(
            "summary",
            "",
            Reason::GiveEither {
                first: "--summary".into(),
                second: "--body-file".into(),
            },
        )
        .into());
    }
    let written = editor::edit(template)
        .map_err(|detail| Invalid::new("editor", editor::command(), Reason::EditorFailed { detail }))?;
    Ok(editor::without_comments(&written))
}
