//! The progress bar of long commands (demo, import, export, recompute), on
//! standard error and only when it is a terminal: a pipe, a file or a test
//! sees nothing, so scripts read exactly what they read before.

use crate::service::progress::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar drawn on standard error if it is a terminal, else one that
    /// draws nothing.
    pub fn on_stderr() -> Bar {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        Bar {
            bar: ProgressBar::with_draw_target(None, target),
        }
    }
}

impl Progress for Bar {
    fn stage(&self, stage: Stage, total: Option<u64>) {
        let style = match total {
            Some(_) => ProgressStyle::with_template("{msg:>20} [{bar:30}] {human_pos}/{human_len} {eta}"),
            None => ProgressStyle::with_template("{msg:>20} {spinner} {human_pos}"),
        };
        if let Ok(style) = style {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message(name(stage));
        self.bar.set_length(total.unwrap_or(0));
        if total.is_none() {
            self.bar.unset_length();
        }
        self.bar.reset();
    }

    fn advance(&self, steps: u64) {
        self.bar.inc(steps);
    }
}

impl Drop for Bar {
    /// The bar leaves nothing behind: the command's own summary follows.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn name(stage: Stage) -> &'static str {
    let words = crate::i18n::get().progress;
    match stage {
        Stage::Reading => words.reading,
        Stage::Customers => words.customers,
        Stage::Tickets => words.tickets,
        Stage::Interactions => words.interactions,
        Stage::Orders => words.orders,
        Stage::Surveys => words.surveys,
        Stage::Reminders => words.reminders,
        Stage::Articles => words.articles,
        Stage::SearchIndex => words.search_index,
        Stage::Segments => words.segments,
        Stage::Rows => words.rows,
        Stage::Indexes => words.indexes,
        Stage::Mail => words.mail,
    }
}
