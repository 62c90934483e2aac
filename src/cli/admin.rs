//! `init` and `demo`

use super::Env;
use super::args::DemoArgs;
use crate::i18n::fill;
use crate::service::{Error, demo};

pub fn init(env: &mut Env) -> Result<(), Error> {
    let version = env.store.schema_version()?;
    if env.json {
        super::output::print_json(&serde_json::json!({
            "path": env.store.path().display().to_string(),
            "schema_version": version,
        }));
    } else {
        let path = env.store.path().display().to_string();
        outln!("{}", crate::domain::text::sanitize_line(&path));
        let words = crate::i18n::get().cli_admin;
        outln!("{}", fill(words.schema_version, &[("version", &version.to_string())]));
    }
    Ok(())
}

/// The sizes `demo` was asked for.
pub fn demo_sizes(a: &DemoArgs) -> demo::Sizes {
    demo::Sizes {
        customers: a.customers,
        tickets: a.tickets,
        interactions: a.interactions,
    }
}

pub fn demo(env: &mut Env, a: &DemoArgs) -> Result<(), Error> {
    let sizes = demo_sizes(a);
    let started = std::time::Instant::now();
    let progress = super::progress::Bar::on_stderr();
    let existing = if a.force {
        demo::Existing::AddTo
    } else {
        demo::Existing::Refuse
    };
    let report = demo::generate_with(
        &mut env.store,
        &env.ctx,
        &env.config,
        sizes,
        a.seed,
        existing,
        &progress,
    )?;
    drop(progress);
    if env.json {
        super::output::print_json(&report);
    } else {
        let counts = [
            report.customers,
            report.tickets,
            report.interactions,
            report.orders,
            report.surveys,
        ]
        .map(|n| n.to_string());
        let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
        let names = ["customers", "tickets", "interactions", "orders", "surveys"];
        let mut args: Vec<(&str, &str)> = names.iter().copied().zip(counts.iter().map(String::as_str)).collect();
        args.push(("seconds", &seconds));
        outln!("{}", fill(crate::i18n::get().cli_admin.demo_added, &args));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    /// The TUI's "Load sample data" uses the service's defaults; `demo`
    /// without options must give the same data.
    #[test]
    fn demo_defaults_are_the_services() {
        let Ok(Cli {
            command: Some(Command::Demo(args)),
            ..
        }) = Cli::try_parse_from(["frontdesk", "demo"])
        else {
            panic!("`frontdesk demo` parses");
        };
        let (sizes, default) = (demo_sizes(&args), demo::Sizes::DEFAULT);
        assert_eq!(
            (sizes.customers, sizes.tickets, sizes.interactions, args.seed),
            (
                default.customers,
                default.tickets,
                default.interactions,
                demo::DEFAULT_SEED
            )
        );
    }
}
