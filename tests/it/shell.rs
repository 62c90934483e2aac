//! The shell: completion scripts and man pages generated from the clap
//! definitions, help text on every argument, the values of every fixed set
//! listed, and examples that parse.

use assert_cmd::Command;
use clap::CommandFactory;
use frontdesk::cli::Cli;
use std::path::Path;
use tempfile::TempDir;

/// The binary in an environment that reaches none of the machine's files:
/// the database and config paths point into `dir`, where nothing exists.
fn frontdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").expect("frontdesk binary");
    let home = dir.join("home");
    cmd.env("FRONTDESK_DB", dir.join("frontdesk.db"))
        .env("FRONTDESK_CONFIG", dir.join("config.toml"))
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("FRONTDESK_NOW");
    cmd
}

/// Runs `args`, which must succeed; returns standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = frontdesk(dir).args(args).output().expect("run frontdesk");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    assert!(err.is_empty(), "{args:?} wrote to standard error: {err}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The names of the files in `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn completion_scripts_name_the_commands_and_the_values_of_a_set() {
    let dir = TempDir::new().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(dir.path(), &["completions", shell]);
        for word in ["ticket", "customer", "callback", "completions", "priority"] {
            assert!(script.contains(word), "{shell}: no {word:?}");
        }
        // The values of --priority and --tier are offered.
        for value in ["urgent", "after-sales", "high-value", "follow-up"] {
            assert!(script.contains(value), "{shell}: no value {value:?}");
        }
    }
    assert!(ok(dir.path(), &["completions", "fish"]).contains("complete -c frontdesk"));
    // No database (nor anything else) was created.
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

/// What bash offers after `frontdesk WORDS… <TAB>`, by the generated script.
fn bash_offers(script: &Path, words: &[&str]) -> Vec<String> {
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = format!(
        "source '{}'; COMP_WORDS=(frontdesk {} ''); COMP_CWORD={}; _frontdesk frontdesk '' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.join(" "),
        words.len() + 1,
        words.last().map(|w| w.trim_matches('\'')).unwrap_or("frontdesk"),
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &line])
        .output()
        .expect("bash");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The bash script run by bash: it offers the commands, and the values of
/// an option with a fixed set.
#[test]
fn bash_completes_commands_and_the_values_of_a_set() {
    if std::process::Command::new("bash").arg("--version").output().is_err() {
        eprintln!("bash is not installed: the script itself is checked by the test above");
        return;
    }
    let dir = TempDir::new().unwrap();
    let script = dir.path().join("frontdesk.bash");
    std::fs::write(&script, ok(dir.path(), &["completions", "bash"])).unwrap();
    let commands = bash_offers(&script, &[]);
    for command in ["customer", "ticket", "report", "completions", "man"] {
        assert!(commands.iter().any(|c| c == command), "no {command} in {commands:?}");
    }
    assert_eq!(
        bash_offers(&script, &["ticket", "set", "1", "--priority"]),
        ["urgent", "high", "normal", "low"]
    );
    let shells = bash_offers(&script, &["completions"]);
    for shell in ["bash", "zsh", "fish"] {
        assert!(shells.iter().any(|s| s == shell), "no {shell} in {shells:?}");
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_shells_offered() {
    let dir = TempDir::new().unwrap();
    let out = frontdesk(dir.path()).args(["completions", "tcsh"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("tcsh") && err.contains("bash, elvish, fish"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn the_man_page_is_roff_for_frontdesk() {
    let dir = TempDir::new().unwrap();
    let page = ok(dir.path(), &["man"]);
    assert!(page.contains(".TH frontdesk 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(page.contains("frontdesk\\-ticket(1)"), "subcommands not referred to");
    assert!(page.contains("Examples:"));
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

#[test]
fn man_out_writes_a_page_per_command_and_lists_them() {
    let dir = TempDir::new().unwrap();
    let pages = dir.path().join("man1");
    std::fs::create_dir(&pages).unwrap();
    let listed = ok(dir.path(), &["man", "--out", pages.to_str().unwrap()]);
    let written = files(&pages);
    for page in [
        "frontdesk.1",
        "frontdesk-ticket.1",
        "frontdesk-ticket-add.1",
        "frontdesk-sla-policy-add.1",
    ] {
        assert!(written.contains(&page.to_string()), "no {page} in {written:?}");
    }
    assert!(!written.iter().any(|p| p.contains("help")), "{written:?}");
    assert_eq!(listed.lines().count(), written.len(), "{listed}");
    let add = std::fs::read_to_string(pages.join("frontdesk-ticket-add.1")).unwrap();
    assert!(add.contains(".TH frontdesk-ticket-add 1"), "{add}");
    assert!(add.contains("after\\-sales"), "the kinds are not listed: {add}");
    // Only the pages: no database beside them.
    assert_eq!(files(dir.path()), ["man1"]);
}

#[test]
fn man_out_into_a_missing_folder_is_refused() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-folder");
    let out = frontdesk(dir.path())
        .args(["man", "--out", missing.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("invalid --out") && err.contains("no-such-folder"), "{err}");
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

/// Every command, its full name beside it (`frontdesk ticket add`).
fn commands() -> Vec<(String, clap::Command)> {
    fn walk(name: String, cmd: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
        out.push((name.clone(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            walk(format!("{name} {}", sub.get_name()), sub, out);
        }
    }
    let mut root = Cli::command();
    root.build();
    let mut out = Vec::new();
    walk("frontdesk".into(), &root, &mut out);
    out
}

#[test]
fn every_option_and_argument_has_help() {
    let mut missing = Vec::new();
    // clap's own `help` command mirrors the others and is not ours to document.
    let ours = commands()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("frontdesk help"));
    for (name, cmd) in ours {
        for arg in cmd.get_arguments() {
            let generated = ["help", "version"].contains(&arg.get_id().as_str());
            if !generated && arg.get_help().is_none() && arg.get_long_help().is_none() {
                missing.push(format!("{name} {}", arg.get_id()));
            }
        }
        if cmd.get_about().is_none() {
            missing.push(format!("{name} (the command itself)"));
        }
    }
    assert!(missing.is_empty(), "without help text:\n{}", missing.join("\n"));
}

/// clap shows a default it knows; the text says one only when clap cannot.
#[test]
fn no_default_is_shown_twice() {
    for (name, cmd) in commands() {
        for arg in cmd.get_arguments() {
            let shown_by_clap = !arg.get_default_values().is_empty() && !arg.is_hide_default_value_set();
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !(shown_by_clap && help.contains("[default:")),
                "{name} --{}: {help}",
                arg.get_id()
            );
        }
    }
}

#[test]
fn every_option_with_a_fixed_set_lists_it() {
    let commands = commands();
    let cases: &[(&str, &str, &str)] = &[
        ("frontdesk ticket add", "kind", "after-sales"),
        ("frontdesk ticket add", "priority", "urgent"),
        ("frontdesk ticket add", "channel", "meeting"),
        ("frontdesk ticket list", "status", "pending"),
        ("frontdesk ticket set", "priority", "low"),
        ("frontdesk ticket set", "status", "closed"),
        ("frontdesk ticket reply", "channel", "email"),
        ("frontdesk ticket callback", "outcome", "follow-up"),
        ("frontdesk log", "channel", "visit"),
        ("frontdesk log", "direction", "note"),
        ("frontdesk customer add", "kind", "company"),
        ("frontdesk customer add", "tier", "at-risk"),
        ("frontdesk customer edit", "channel", "sms"),
        ("frontdesk customer list", "tier", "potential"),
        ("frontdesk sla policy add", "kind", "repair"),
        ("frontdesk sla policy add", "priority", "high"),
        ("frontdesk sla policy add", "channel", "social"),
        ("frontdesk sla policy add", "tier", "standard"),
        ("frontdesk routing add", "kind", "inquiry"),
        ("frontdesk routing add", "channel", "chat"),
        ("frontdesk kb add", "kind", "script"),
        ("frontdesk reminder list", "when", "overdue"),
        ("frontdesk agent add", "role", "supervisor"),
        ("frontdesk report", "format", "md"),
        ("frontdesk report", "by", "department"),
        ("frontdesk import", "records", "order-corrections"),
        ("frontdesk export", "records", "audit"),
        ("frontdesk export", "format", "json"),
        ("frontdesk completions", "shell", "fish"),
    ];
    for (command, arg, value) in cases {
        let (_, cmd) = commands
            .iter()
            .find(|(name, _)| name == command)
            .unwrap_or_else(|| panic!("no command {command}"));
        let arg = cmd
            .get_arguments()
            .find(|a| a.get_id() == arg)
            .unwrap_or_else(|| panic!("{command}: no argument {arg}"));
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        assert!(
            values.iter().any(|v| v == value),
            "{command} --{}: {values:?}",
            arg.get_id()
        );
    }
}

/// Splits an example line into words as a shell would (quotes, no
/// escapes), up to a redirection or a comment.
fn words(line: &str) -> Vec<String> {
    let (mut out, mut word, mut quoted, mut started) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, started) = (!quoted, true),
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                }
                started = false;
            }
            '>' | '#' if !quoted && !started => return out,
            c => (word, started) = (word + &c.to_string(), true),
        }
    }
    if started {
        out.push(word);
    }
    out
}

#[test]
fn every_example_parses_and_the_main_commands_have_them() {
    let mut with_examples = Vec::new();
    for (name, cmd) in commands() {
        let Some(after) = cmd.get_after_help() else { continue };
        let after = after.to_string();
        let mut lines = after.lines();
        assert_eq!(lines.next(), Some("Examples:"), "{name}");
        for line in lines {
            let args = words(line);
            assert!(line.starts_with("  frontdesk "), "{name}: {line}");
            if let Err(e) = Cli::command().try_get_matches_from(&args) {
                panic!("{name}: the example {line:?} does not parse: {e}");
            }
            // An example of a command shows that command.
            let shown = args.join(" ");
            assert!(shown.starts_with(&name), "{name}: {line}");
        }
        with_examples.push(name.trim_start_matches("frontdesk ").to_string());
    }
    let main = [
        "customer",
        "ticket",
        "log",
        "timeline",
        "sla",
        "routing",
        "order",
        "reminder",
        "import",
        "export",
        "kb",
        "backup",
        "agent",
        "survey",
        "report",
        "config",
        "completions",
        "man",
    ];
    for command in main {
        assert!(
            with_examples.iter().any(|c| c == command),
            "{command} --help has no examples"
        );
    }
}

#[test]
fn ticket_help_shows_examples_and_possible_values() {
    let dir = TempDir::new().unwrap();
    let help = ok(dir.path(), &["ticket", "--help"]);
    assert!(help.contains("Examples:\n  frontdesk ticket add --customer"), "{help}");
    let add = ok(dir.path(), &["ticket", "add", "--help"]);
    assert!(
        add.contains("[possible values: complaint, inquiry, request, repair, after-sales, other]"),
        "{add}"
    );
    assert!(add.contains("[possible values: urgent, high, normal, low]"), "{add}");
    let set = ok(dir.path(), &["ticket", "set", "--help"]);
    assert!(
        set.contains("[possible values: new, open, pending, resolved, closed]"),
        "{set}"
    );
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

/// A word outside an option's set is refused by the command line itself,
/// in the domain's words, before any database is looked for.
#[test]
fn a_value_outside_the_set_is_refused_before_the_database() {
    let dir = TempDir::new().unwrap();
    let cases = [
        (
            vec!["ticket", "set", "1", "--priority", "asap"],
            "invalid priority \"asap\": expected one of: urgent",
        ),
        (
            vec!["log", "--customer", "1", "--channel", "信鸽", "--summary", "x"],
            "invalid channel \"信鸽\"",
        ),
        (
            vec!["report", "--format", "pdf"],
            "invalid format \"pdf\": expected one of: text, json, csv, md",
        ),
        (vec!["reminder", "list", "--when", "soon"], "invalid when \"soon\""),
        (
            vec!["ticket", "set", "1", "--status", "\u{1b}[31mdone"],
            "invalid status \"\\u{1b}[31mdone\"",
        ),
    ];
    for (args, message) in cases {
        let out = frontdesk(dir.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!out.stderr.contains(&0x1b), "{args:?}: raw escape in {err}");
        assert!(out.stdout.is_empty());
    }
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

#[test]
fn values_of_a_set_are_taken_in_any_case_and_an_empty_channel_clears() {
    for args in [
        &["frontdesk", "ticket", "set", "1", "--priority", "URGENT"][..],
        &["frontdesk", "report", "--format", "markdown"],
        &["frontdesk", "customer", "edit", "C1", "--channel", ""],
    ] {
        if let Err(e) = Cli::command().try_get_matches_from(args) {
            panic!("{args:?}: {e}");
        }
    }
}
