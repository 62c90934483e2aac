//! `interaction edit`: correct what a recorded contact or note says.

use super::Env;
use super::ticket::print_interaction;
use crate::service::Error;
use crate::service::interactions::{self, InteractionEdit};
use clap::Subcommand;

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum InteractionCommand {
    /// Rewrite an interaction's text; the old text stays in the audit log
    Edit {
        /// The interaction's id (see `ticket show --json` or `timeline --json`)
        id: i64,
        /// The corrected text
        #[arg(long, required = true)]
        summary: Option<String>,
    },
}

pub fn run(env: &mut Env, cmd: InteractionCommand) -> Result<(), Error> {
    match cmd {
        InteractionCommand::Edit { id, summary } => {
            let edit = InteractionEdit { summary, body: None };
            let i = interactions::edit(&mut env.store, &env.ctx, id, &edit)?;
            print_interaction(env, &i);
        }
    }
    Ok(())
}
