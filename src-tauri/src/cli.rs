//! The commands that run without a window: `check`, `init` and `prepare`.

use crate::args::Format;
use lighthouse_core::model::{CONTENT_FILES, PHOTOS_DIR};
use lighthouse_core::photo_cache::{prepare_all, wanted, Outcome, PhotoCache, PHOTO_WORKERS};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{defaults, report, schema, today, ContentSource};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

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

/// `lighthouse-kiosk prepare`: makes the derivatives of every photo the content shows (the
/// same photos the kiosk would prepare, so it finds them all done); prints each refused
/// photo and a summary.
pub fn prepare(source: &ContentSource, screen: Size, cache_dir: PathBuf) -> i32 {
    let ContentSource::Dir(dir) = source else {
        eprintln!("error: the built-in content has no photos; name a content folder");
        return EXIT_FAILED;
    };
    let report = match source.load(today()) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    let Some(content) = &report.content else {
        print!("{}", report::human(&report, &source.to_string()));
        eprintln!(
            "error: the kiosk would not show this content until its errors are fixed; \
             fix them and run prepare again"
        );
        return EXIT_INVALID;
    };
    let photos = wanted(dir, content);
    let cache = PhotoCache::open(cache_dir, screen);
    let started = Instant::now();
    let counts = Mutex::new((0usize, 0usize, 0usize));
    prepare_all(&cache, &photos, PHOTO_WORKERS, &|name, outcome| {
        let mut counts = counts.lock().unwrap_or_else(PoisonError::into_inner);
        match outcome {
            Outcome::Cached(_) => counts.0 += 1,
            Outcome::Made(_) => counts.1 += 1,
            Outcome::Refused(reason) => {
                counts.2 += 1;
                println!("{PHOTOS_DIR}/{name}: {reason}");
            }
        }
    });
    let (cached, made, refused) = counts.into_inner().unwrap_or_default();
    println!(
        "prepared {} photos for a {screen} screen in {:.1} s: {made} made, {cached} already there, {refused} refused (cache: {})",
        cached + made,
        started.elapsed().as_secs_f64(),
        cache.dir().display()
    );
    if refused == 0 {
        EXIT_VALID
    } else {
        EXIT_INVALID
    }
}
