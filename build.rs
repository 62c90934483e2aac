//! Links the `frontdesk` program as a position-dependent executable on
//! Linux with the GNU toolchain.
//!
//! Why: chrono-tz's zone tables are a megabyte of statics holding pointers.
//! In a position-independent executable the loader rewrites each of them at
//! every start (58k relocations, some 330 pages copied on write) before
//! `main` runs: `frontdesk --version` took 4.3 ms instead of 2.7, a queue
//! listing 8.7 ms instead of 7.2 (see the commit that added this). Linked at
//! a fixed address the tables stay in the file's pages, read only where a
//! zone is used. What is given up is a randomised address for the program's
//! own image; the libraries, heap, stack and mappings are still randomised.
//! Set FRONTDESK_PIE=1 when building to keep the default.

fn main() {
    println!("cargo:rerun-if-env-changed=FRONTDESK_PIE");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let keep_pie = std::env::var_os("FRONTDESK_PIE").is_some_and(|v| v == "1");
    if target_os == "linux" && target_env == "gnu" && !keep_pie {
        println!("cargo:rustc-link-arg-bin=frontdesk=-no-pie");
    }
}
