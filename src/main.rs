use frontdesk::cli;

fn main() {
    restore_sigpipe();
    let code = match cli::parse(std::env::args_os().collect()) {
        Ok(cli) => cli::run(cli),
        Err(code) => code,
    };
    std::process::exit(code);
}

/// Rust ignores SIGPIPE, so `frontdesk export … | head` would make every
/// later print fail (and `println!` panic). A command-line tool should stop
/// quietly when its reader goes away, as other Unix tools do.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; resetting a
    // signal disposition to its default has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
