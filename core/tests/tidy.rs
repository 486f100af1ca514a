//! Rules of the house that no compiler checks, checked here so they stay true.

use std::path::Path;
use std::process::Command;

/// Crates that would pull a GUI into `lighthouse-core`, whose `check` and tests must build
/// and run on a machine with no display and no WebKit.
const GUI_CRATES: [&str; 8] = [
    "tauri",
    "wry",
    "tao",
    "gtk",
    "gdk",
    "webkit2gtk",
    "glib",
    "javascriptcore-rs",
];

#[test]
fn the_content_library_has_no_gui_dependency() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "tree",
            "--offline",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}", "--manifest-path"])
        .arg(&manifest)
        .args(["-p", "lighthouse-core"])
        .output()
        .expect("run cargo tree");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(crates.contains(&"image"), "the tree was read: {crates:?}");
    let gui: Vec<&&str> = crates
        .iter()
        .filter(|name| GUI_CRATES.iter().any(|gui| name.starts_with(gui)))
        .collect();
    assert!(gui.is_empty(), "lighthouse-core depends on {gui:?}");
}

/// The workspace root (this file is in core/tests).
fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `dir` (relative to the root) whose name ends with `extension`, as its
/// path relative to `dir`, sorted.
fn files(dir: &str, extension: &str) -> Vec<std::path::PathBuf> {
    let base = root().join(dir);
    let mut found = Vec::new();
    let mut stack = vec![base.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(extension) {
                found.push(path.strip_prefix(&base).unwrap().to_owned());
            }
        }
    }
    found.sort();
    found
}

/// A file's code without its unit tests (everything from `#[cfg(test)]` on).
fn without_tests(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

/// The module a source file is, as a path from the crate root: `supervise/watchdog.rs` is
/// `supervise::watchdog`, `cli/mod.rs` is `cli`, `lib.rs` is the root (empty).
fn module_of(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Every module path a piece of Rust code names through `crate::` or `super::`, with `use`
/// trees (`crate::{a, b::c}`) spread out. `here` is the module the code is in.
fn named_modules(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut named = Vec::new();
    let parent = here[..here.len().saturating_sub(1)].to_vec();
    for (start, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let preceded_by_ident = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            rest = &rest[at + start.len()..];
            if !preceded_by_ident {
                spread_tree(rest, base.clone(), &mut named);
            }
        }
    }
    named
}

/// Reads one path (or `{…}` tree) at the start of `text`, adding each full path to `out`.
fn spread_tree(text: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix;
    let mut i = 0;
    let bytes = text.as_bytes();
    loop {
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if i > start {
            path.push(text[start..i].to_owned());
        }
        let group = if text[i..].starts_with("::{") {
            Some(3)
        } else if i == start && text[i..].starts_with('{') {
            Some(1)
        } else {
            None
        };
        if let Some(opening) = group {
            i += opening;
            loop {
                while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\n' || bytes[i] == b',')
                {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return i + 1;
                }
                i += spread_tree(&text[i..], path.clone(), out);
            }
        }
        if text[i..].starts_with("::") {
            i += 2;
            continue;
        }
        out.push(path);
        // Skip `as name` and stop at the end of this path.
        return i;
    }
}

/// The module graph of one crate (`src` relative to the root): which module files each
/// module file names, each edge once, pointing at the longest module path that exists.
fn module_graph(
    src: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let modules: Vec<(Vec<String>, String)> = files(src, ".rs")
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(root().join(src).join(&file)).unwrap();
            (module_of(&file), text)
        })
        .collect();
    let known: std::collections::BTreeSet<Vec<String>> =
        modules.iter().map(|(m, _)| m.clone()).collect();
    let mut graph = std::collections::BTreeMap::new();
    for (module, text) in &modules {
        let edges: &mut std::collections::BTreeSet<String> =
            graph.entry(module.join("::")).or_default();
        for named in named_modules(without_tests(text), module) {
            let target = (0..=named.len())
                .rev()
                .map(|n| named[..n].to_vec())
                .find(|prefix| known.contains(prefix))
                .unwrap_or_default();
            // A module naming its own parts, or the crate root's re-exports, is no import.
            if !target.is_empty() && !target.starts_with(module) && !module.starts_with(&target) {
                edges.insert(target.join("::"));
            }
        }
    }
    graph
}

/// A cycle in `graph`, if there is one, as the modules in it.
fn cycle(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some(path[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = std::collections::BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// The graph with each module replaced by its folder (its first part): the rooms.
fn folders(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let room = |m: &str| m.split("::").next().unwrap_or(m).to_owned();
    let mut rooms: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for (from, to) in graph {
        let entry = rooms.entry(room(from)).or_default();
        entry.extend(to.iter().map(|t| room(t)).filter(|t| *t != room(from)));
    }
    rooms
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for src in ["core/src", "editor/src", "src-tauri/src"] {
        let graph = module_graph(src);
        assert!(graph.len() > 5, "{src} was read: {graph:?}");
        if let Some(circle) = cycle(&graph) {
            panic!(
                "{src}: these modules import each other in a circle: {}",
                circle.join(" -> ")
            );
        }
        if let Some(circle) = cycle(&folders(&graph)) {
            panic!(
                "{src}: these folders import each other in a circle: {}",
                circle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_import_reader_sees_trees_parents_and_circles() {
    let here = vec!["supervise".to_owned(), "watchdog".to_owned()];
    let named = named_modules(
        "use crate::{commands, state::{AppState, X}};\nuse super::health::Health;\nlet x = lighthouse_core::x;",
        &here,
    );
    assert_eq!(
        named,
        [
            vec!["commands"],
            vec!["state", "AppState"],
            vec!["state", "X"],
            vec!["supervise", "health", "Health"],
        ]
    );
    let graph = [("a", ["b"]), ("b", ["c"]), ("c", ["a"])]
        .into_iter()
        .map(|(from, to)| {
            (
                from.to_owned(),
                to.iter().map(|t| (*t).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into()])
    );
}

/// Longer than this and a file holds more than one thing; split it along its seams.
const MOST_LINES: usize = 400;
/// The files that may be longer, and why: each is one table or one set of rules that reads
/// best whole.
const LONG_FILES: [(&str, &str); 2] = [
    (
        "core/src/validate.rs",
        "every check of the content, one function per file's rules; split by file it would scatter the cross-file checks",
    ),
    (
        "core/src/json.rs",
        "one parser that keeps every value's position; its parts share private state",
    ),
];

#[test]
fn no_source_file_is_longer_than_it_should_be() {
    let mut long = Vec::new();
    for (dir, extension) in [
        ("core/src", ".rs"),
        ("editor/src", ".rs"),
        ("editor/web/js", ".js"),
        ("src-tauri/src", ".rs"),
        ("ui/js", ".js"),
    ] {
        for file in files(dir, extension) {
            let name = format!("{dir}/{}", file.display());
            let text = std::fs::read_to_string(root().join(&name)).unwrap();
            let lines = without_tests(&text).lines().count();
            let excused = LONG_FILES.iter().any(|(excused, _)| *excused == name);
            if lines > MOST_LINES && !excused {
                long.push(format!("{name}: {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over {MOST_LINES} lines (without unit tests): {long:?}"
    );
}

#[test]
fn make_test_and_make_package_run_every_test_file() {
    let output = Command::new("make")
        .args(["--dry-run", "--silent", "rust-tests", "package"])
        .current_dir(root())
        .output()
        .expect("run make");
    let commands = String::from_utf8_lossy(&output.stdout);
    let mut not_run = Vec::new();
    for dir in ["core/tests", "tests/e2e/tests"] {
        for file in files(dir, ".rs") {
            let name = file.with_extension("").display().to_string();
            let run = commands.contains(&format!("--test {name} "))
                || commands.contains(&format!("--test {name}\n"))
                || commands.contains(&format!("--test {name}\r"));
            if !run {
                not_run.push(format!("{dir}/{}", file.display()));
            }
        }
    }
    assert!(commands.contains("cargo test"), "make printed: {commands}");
    assert!(
        not_run.is_empty(),
        "not run by make test or make package: {not_run:?}"
    );
}
