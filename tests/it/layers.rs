//! The layers of docs/architecture.md, checked on the source text: every
//! `crate::FOLDER` path (and each name of a `crate::{a, b}` group) in
//! `src/FOLDER/**.rs` must point to a folder that FOLDER may use; the
//! terminal libraries stay out of the core and rusqlite inside `store/`;
//! the modules of `domain/` use each other without cycles. A failure names
//! the file and the line.
//!
//! Comments and string literals are blanked before the search, so a doc
//! comment naming another layer is no dependency. `super::` paths are not
//! followed: paths into another folder are written `crate::…`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each folder of `src/` and the folders it may use. A folder may always
/// use itself. Lower layers never use higher ones; `cli` may launch `tui`,
/// never the reverse.
const MAY_USE: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("store", &["domain"]),
    ("config", &["domain"]),
    ("service", &["domain", "store", "config"]),
    ("i18n", &["domain", "config", "service"]),
    ("app", &["domain", "config", "service", "i18n"]),
    ("cli", &["domain", "config", "service", "i18n", "tui"]),
    ("ui", &["domain", "config", "service", "i18n", "app"]),
    ("tui", &["domain", "config", "service", "i18n", "app", "ui"]),
];

/// Uses against the table that are known and named, each with its reason.
/// An entry nothing matches any more fails the test, so the list can only
/// shrink.
const KNOWN_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    "app",
    "ui::render",
    "test code only: app's screen-stack tests draw the model to check that the top layer is what is drawn",
)];

/// Libraries only some folders may name.
const TERMINAL: &[&str] = &["ratatui", "crossterm"];
const CORE: &[&str] = &["domain", "store", "config", "service", "i18n"];
const ENGINE: &str = "rusqlite";

#[test]
fn every_use_of_another_folder_follows_the_layers() {
    let mut problems = Vec::new();
    let mut exceptions_used = BTreeSet::new();
    for file in sources() {
        let Some(folder) = top_module(&file.relative) else {
            continue; // lib.rs, main.rs: the root wires everything.
        };
        let layer = folder.as_str();
        let Some(allowed) = MAY_USE.iter().find(|(l, _)| *l == layer).map(|(_, a)| *a) else {
            problems.push(format!(
                "{}: folder `{folder}` is not in the table of layers (tests/it/layers.rs, docs/architecture.md)",
                file.relative
            ));
            continue;
        };
        for found in crate_paths(&file.code) {
            let target = found.first.as_str();
            if target == layer || allowed.contains(&target) {
                continue;
            }
            let excused = KNOWN_EXCEPTIONS
                .iter()
                .position(|(l, path, _)| *l == layer && found.path.starts_with(path));
            if let Some(i) = excused {
                exceptions_used.insert(i);
                continue;
            }
            problems.push(format!(
                "{}:{}: `{layer}` uses `crate::{}`, but {layer} may use only {}",
                file.relative,
                found.line,
                found.path,
                if allowed.is_empty() {
                    "itself".to_string()
                } else {
                    allowed.join(", ")
                }
            ));
        }
    }
    for (i, (layer, path, why)) in KNOWN_EXCEPTIONS.iter().enumerate() {
        if !exceptions_used.contains(&i) {
            problems.push(format!(
                "the exception `{layer}` -> `crate::{path}` ({why}) is no longer needed: remove it from tests/it/layers.rs"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn terminal_libraries_stay_out_of_the_core_and_rusqlite_inside_the_store() {
    let mut problems = Vec::new();
    for file in sources() {
        let Some(folder) = top_module(&file.relative) else {
            continue;
        };
        let layer = folder.as_str();
        let mut forbidden: Vec<&str> = Vec::new();
        if CORE.contains(&layer) {
            forbidden.extend(TERMINAL);
        }
        if layer != "store" {
            forbidden.push(ENGINE);
        }
        for word in forbidden {
            for line in lines_naming(&file.code, word) {
                problems.push(format!("{}:{line}: `{layer}` names `{word}`", file.relative));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_modules_of_domain_use_each_other_without_cycles() {
    let cycles = module_cycles("domain");
    assert!(cycles.is_empty(), "cycles between modules of src/domain: {cycles:?}");
}

/// The checks themselves, on made-up source.
#[test]
fn the_search_finds_paths_and_groups_and_skips_comments_and_strings() {
    let code = strip(
        "use crate::app::model::Model;\n\
         // crate::ui in a comment\n\
         /* crate::tui\n in a block */ let s = \"crate::cli\";\n\
         use crate::{\n    service::Ctx,\n    store::{Store, Tx},\n};\n\
         let c = '\"'; $crate::cli::output::x(); let r = r#\"crate::ui\"#;\n\
         fn f<'a>(x: &'a str) { ratatui_like(x); }\n",
    );
    let found: Vec<(usize, String)> = crate_paths(&code).into_iter().map(|f| (f.line, f.path)).collect();
    assert_eq!(
        found,
        [
            (1, "app::model::Model".to_string()),
            (6, "service::Ctx".to_string()),
            (7, "store::{Store, Tx}".to_string()),
            (9, "cli::output::x".to_string()),
        ]
    );
    assert_eq!(
        lines_naming(&code, "ratatui"),
        Vec::<usize>::new(),
        "a word, not a prefix"
    );
    assert_eq!(lines_naming("use ratatui::layout::Rect;", "ratatui"), [1]);
    assert_eq!(top_module("src/strings/en.rs").as_deref(), Some("strings"));
    assert_eq!(top_module("src/lib.rs"), None);
}

struct Source {
    /// `src/…`, as the failure names it.
    relative: String,
    /// The text with comments and string literals blanked (lines kept).
    code: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "src/ has its sources: {}", files.len());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            Source {
                relative,
                code: strip(&text),
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/app/model.rs` → `app`; `src/strings_care.rs` → `strings_care`;
/// `None` for the crate root files.
fn top_module(relative: &str) -> Option<String> {
    let rest = relative.strip_prefix("src/")?;
    match rest.split_once('/') {
        Some((folder, _)) => Some(folder.to_string()),
        None if rest == "lib.rs" || rest == "main.rs" => None,
        None => Some(rest.trim_end_matches(".rs").to_string()),
    }
}

/// One `crate::…` path: its line, its text after `crate::` (a group item
/// for `crate::{…}`), and its first name, the top-level module.
struct CratePath {
    line: usize,
    path: String,
    first: String,
}

fn crate_paths(code: &str) -> Vec<CratePath> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::").map(|i| i + from) {
        from = at + "crate::".len();
        // `$crate::` counts; `mycrate::` or `r#crate` do not.
        if at > 0 && is_ident(bytes[at - 1]) {
            continue;
        }
        if bytes.get(from) == Some(&b'{') {
            let end = matching_brace(code, from);
            for (offset, item) in group_items(&code[from + 1..end]) {
                let start = from + 1 + offset;
                found.push(path_at(code, start, item.to_string()));
            }
            from = end;
        } else {
            let end = code[from..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |i| i + from);
            let path = code[from..end].trim_end_matches(':').to_string();
            found.push(path_at(code, from, path));
        }
    }
    found
}

fn path_at(code: &str, at: usize, path: String) -> CratePath {
    let first = path
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("")
        .to_string();
    CratePath {
        line: code[..at].matches('\n').count() + 1,
        path,
        first,
    }
}

/// The items of a `{…}` group at its own depth, each with its offset in `inner`.
fn group_items(inner: &str) -> Vec<(usize, &str)> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push((start, &inner[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push((start, &inner[start..]));
    items
        .into_iter()
        .filter_map(|(offset, item)| {
            let trimmed = item.trim_start();
            let offset = offset + item.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            (!trimmed.is_empty()).then_some((offset, trimmed))
        })
        .collect()
}

fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    code.len()
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The lines where `word` stands as a whole word (`ratatui::…`, `use ratatui;`).
fn lines_naming(code: &str, word: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let bytes = line.as_bytes();
        let hit = line.match_indices(word).any(|(i, _)| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + word.len()).copied();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        });
        if hit {
            lines.push(n + 1);
        }
    }
    lines
}

/// `text` with comments and the contents of string and char literals
/// replaced by spaces; line breaks stay, so line numbers hold.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && !prev_ident && matches!(next, Some('#') | Some('"')) {
            // A raw string r"…" or r#"…"# (or the raw identifier r#name).
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push('r');
            out.push_str(&"#".repeat(hashes));
            out.push('"');
            i += 2 + hashes;
            while i < chars.len() {
                let closes =
                    chars[i] == '"' && chars[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes;
                if closes {
                    out.push('"');
                    out.push_str(&"#".repeat(hashes));
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1b}') or a lifetime ('a).
            let literal_end = if next == Some('\\') {
                chars[i + 2..].iter().position(|&q| q == '\'').map(|p| i + 2 + p + 1)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            match literal_end {
                Some(end) => {
                    out.push_str("' '");
                    out.push_str(&" ".repeat(end - i - 3));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Cycles between the modules of `src/FOLDER/`: a module is a file or a
/// subfolder there; it uses another by `crate::FOLDER::NAME` or, from a
/// file directly in the folder, `super::NAME`. Tests (`*_tests.rs`, and
/// what follows `#[cfg(test)]`) may reach across and are left out.
fn module_cycles(folder: &str) -> Vec<Vec<String>> {
    let prefix = format!("src/{folder}/");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in sources() {
        let Some(rest) = file.relative.strip_prefix(&prefix) else {
            continue;
        };
        if rest.ends_with("_tests.rs") || rest == "mod.rs" {
            continue;
        }
        let module = rest.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        let code = file.code.split("#[cfg(test)]").next().unwrap_or("");
        let mut uses = BTreeSet::new();
        let own = format!("{folder}::");
        for found in crate_paths(code) {
            if let Some(inner) = found.path.strip_prefix(&own) {
                uses.insert(inner.split("::").next().unwrap_or("").to_string());
            }
        }
        if !rest.contains('/') {
            for (i, _) in code.match_indices("super::") {
                let name: String = code[i + "super::".len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                uses.insert(name);
            }
        }
        uses.remove(&module);
        uses.retain(|name| !name.is_empty());
        graph.entry(module).or_default().extend(uses);
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|name| modules.contains(name));
    }
    let mut cycles = Vec::new();
    for start in &modules {
        // A cycle is reported once, from its smallest module.
        if let Some(path) = path_back(&graph, start, start, &mut BTreeSet::new())
            && path.iter().all(|m| m >= start)
        {
            cycles.push(path);
        }
    }
    cycles
}

/// A path of uses from `from` back to `to`, if there is one.
fn path_back(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in graph.get(from).into_iter().flatten() {
        if next == to {
            return Some(vec![from.to_string(), to.to_string()]);
        }
        if seen.insert(next.clone())
            && let Some(mut rest) = path_back(graph, next, to, seen)
        {
            rest.insert(0, from.to_string());
            return Some(rest);
        }
    }
    None
}
