//! `completions SHELL` and `man`: generated from the clap definitions, so
//! they list every command, option and value the binary has. Both are
//! answered without a database (none is opened or created).

use super::Cli;
use crate::domain::error::Invalid;
use crate::domain::text::sanitize_line;
use crate::service::Error;
use clap::{Args, CommandFactory};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell the script is for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Instead of printing frontdesk.1, write a page per command into this
    /// existing folder (frontdesk.1, frontdesk-ticket.1, frontdesk-ticket-add.1 …)
    /// and print the files written
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// The command tree as the pages and scripts show it: `help` is an option
/// (`--help`), not a command of its own.
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    // Built, every subcommand knows its full name (`frontdesk-ticket-add`).
    cmd.build();
    cmd
}

pub fn completions(args: &CompletionsArgs) -> Result<(), Error> {
    let mut script = Vec::new();
    let mut cmd = command();
    let name = cmd.get_name().to_string();
    clap_complete::generate(args.shell, &mut cmd, name, &mut script);
    out!("{}", String::from_utf8_lossy(&script));
    Ok(())
}

pub fn man(args: &ManArgs) -> Result<(), Error> {
    let Some(dir) = &args.out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command())
            .render(&mut page)
            .map_err(|e| Error::Output(e.to_string()))?;
        out!("{}", String::from_utf8_lossy(&page));
        return Ok(());
    };
    // A folder is not made up: a mistyped one would leave stray pages.
    if !dir.is_dir() {
        let shown = dir.display().to_string();
        return Err(Invalid::new("--out", shown, crate::domain::reason::Reason::NotAFolder).into());
    }
    let mut written = Vec::new();
    write_pages(command(), dir, &mut written)?;
    for path in written {
        outln!("{}", sanitize_line(&path.display().to_string()));
    }
    Ok(())
}

/// Writes the page of `cmd` and of each of its subcommands, parents first.
fn write_pages(cmd: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> Result<(), Error> {
    let page = clap_mangen::Man::new(cmd.clone());
    let path = page
        .generate_to(dir)
        .map_err(|e| Error::Output(format!("{}: {e}", dir.join(page.get_filename()).display())))?;
    written.push(path);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub.clone(), dir, written)?;
    }
    Ok(())
}
