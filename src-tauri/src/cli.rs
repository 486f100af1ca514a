//! The commands that run without a window: `check` and `init`.

use crate::args::Format;
use lighthouse_core::model::{CONTENT_FILES, PHOTOS_DIR};
use lighthouse_core::{defaults, report, schema, today, ContentSource};
use std::path::Path;

/// Exit status: the content is valid (warnings allowed).
pub const EXIT_VALID: i32 = 0;
/// Exit status: the content has errors.
pub const EXIT_INVALID: i32 = 1;
/// Exit status: the command could not do its job (no such folder, cannot write, …).
pub const EXIT_FAILED: i32 = 2;

/// `lighthouse-kiosk check`: prints every problem; returns the exit status.
pub fn check(source: &ContentSource, format: Format) -> i32 {
    let report = match source.load(today()) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    match format {
        Format::Human => print!("{}", report::human(&report, &source.to_string())),
        Format::Json => print!("{}", report::json(&report)),
    }
    if report.content.is_some() {
        EXIT_VALID
    } else {
        EXIT_INVALID
    }
}

/// `lighthouse-kiosk init DIR`: writes the default content, its schemas and an empty photos
/// folder. Never overwrites: staff's work in an existing folder is left alone.
pub fn init(dir: &Path) -> i32 {
    let existing: Vec<&str> = CONTENT_FILES
        .into_iter()
        .filter(|name| dir.join(name).exists())
        .collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already has {}; init never overwrites content (choose an empty folder)",
            dir.display(),
            existing.join(", ")
        );
        return EXIT_FAILED;
    }
    let written = std::fs::create_dir_all(dir.join(PHOTOS_DIR))
        .and_then(|()| {
            defaults::FILES
                .iter()
                .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
        })
        .and_then(|()| schema::write_schemas(dir));
    match written {
        Ok(()) => {
            println!(
                "wrote the default content to {}\n\
                 edit the JSON files there, put photos in {}/, then start the kiosk with --content {}",
                dir.display(),
                dir.join(PHOTOS_DIR).display(),
                dir.display()
            );
            EXIT_VALID
        }
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", dir.display());
            EXIT_FAILED
        }
    }
}
