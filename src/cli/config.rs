//! `config path | show | check`: the settings file, without a database (none
//! is opened or created), so a broken setup can be looked at before `init`.

use super::Cli;
use super::output::print_json;
use crate::config::Config;
use crate::config::input::{self, InputKind};
use crate::domain::error::Invalid;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::Error;
use clap::Subcommand;
use serde_json::json;

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum ConfigCommand {
    /// The config file read (and whether it exists)
    Path,
    /// The settings in force as TOML: the defaults with the file's valid keys over them
    Show,
    /// Check the file; exit 2 listing each problem with file, line and key
    Check,
}

pub fn run(cli: &Cli, cmd: &ConfigCommand) -> Result<(), Error> {
    let path = cli.config_path();
    let shown = sanitize_line(&path.display().to_string()).into_owned();
    match cmd {
        ConfigCommand::Path => {
            let exists = path.exists();
            // A FIFO, a device or a huge file is there but never read.
            let unusable = input::check(&path, InputKind::Config).err().filter(|_| exists);
            if cli.json {
                print_json(&json!({
                    "path": path.display().to_string(),
                    "exists": exists,
                    "problem": unusable.as_ref().map(|e| crate::i18n::describe_reason(&e.reason, crate::i18n::get())),
                }));
            } else if let Some(e) = unusable {
                let reason = crate::i18n::describe_reason(&e.reason, crate::i18n::get());
                let why = sanitize_line(&reason);
                let words = crate::i18n::get().settings;
                outln!("{}", fill(words.path_unusable, &[("path", &shown), ("why", &why)]));
            } else if exists {
                outln!("{shown}");
            } else {
                let words = crate::i18n::get().settings;
                outln!("{}", fill(words.path_missing, &[("path", &shown)]));
            }
        }
        ConfigCommand::Show => {
            cli.warn_if_config_missing();
            let loaded = Config::load(&path);
            super::speak_as(&loaded.config);
            report(&loaded.problems);
            let text = toml::to_string(&loaded.effective).map_err(|e| Error::Output(e.to_string()))?;
            let heading = crate::i18n::get().settings.show_heading;
            outln!("{}", fill(heading, &[("path", &shown)]));
            out!("{text}");
        }
        ConfigCommand::Check => {
            cli.warn_if_config_missing();
            let loaded = Config::load(&path);
            super::speak_as(&loaded.config);
            let words = crate::i18n::get().settings;
            let mut problems: Vec<String> = loaded.problems.iter().map(|p| words.problem(p)).collect();
            problems.extend(crate::tui::settings_warnings(&loaded.deferred));
            if cli.json {
                print_json(&json!({
                    "path": path.display().to_string(),
                    "problems": loaded.problems,
                    "keymap_and_theme": &problems[loaded.problems.len()..],
                }));
            } else {
                for problem in &problems {
                    outln!("{}", sanitize_line(problem));
                }
            }
            if !problems.is_empty() {
                let reason = crate::domain::error::Reason::ConfigProblems { count: problems.len() };
                return Err(Invalid::new("config", path.display().to_string(), reason).into());
            }
            if !cli.json {
                outln!("{}", fill(words.no_problems, &[("path", &shown)]));
            }
        }
    }
    Ok(())
}

/// Problems go to standard error, so the TOML on standard output stays clean.
fn report(problems: &[crate::config::Problem]) {
    let words = crate::i18n::get().settings;
    for problem in problems {
        errln!("frontdesk: {}", sanitize_line(&words.problem(problem)));
    }
}
