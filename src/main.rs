use clap::Parser;
use frontdesk::cli::{self, Cli};

fn main() {
    let cli = Cli::parse();
    std::process::exit(cli::run(cli));
}
