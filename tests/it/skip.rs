//! Tests that need a tool of the machine (tmux, sqlite3, script, useradd…)
//! skip with a message where it is missing, but never in CI (`CI=true`):
//! `.ci/run` installs every tool they use, so a missing one there is a
//! broken set-up, not a reason to pass.

/// Says why the test is skipped; fails it instead when running in CI.
pub fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and {why}: .ci/run must provide it"
    );
    eprintln!("skipped: {why}");
}
