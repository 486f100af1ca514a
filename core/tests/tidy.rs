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
