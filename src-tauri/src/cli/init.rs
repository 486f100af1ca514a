//! `lighthouse-kiosk init DIR`: the default content, its schemas and an empty photos folder,
//! as a starting point. Never overwrites: staff's work in an existing folder is left alone.

use super::say_line;
use crate::exit;
use anyhow::{bail, Context};
use lighthouse_core::model::{CONTENT_FILES, PHOTOS_DIR};
use lighthouse_core::{defaults, schema};
use std::path::Path;

pub fn run(dir: &Path) -> anyhow::Result<i32> {
    let existing: Vec<&str> = CONTENT_FILES
        .into_iter()
        .filter(|name| dir.join(name).exists())
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already has {}; init never overwrites content (choose an empty folder)",
            dir.display(),
            existing.join(", ")
        );
    }
    std::fs::create_dir_all(dir.join(PHOTOS_DIR))
        .and_then(|()| {
            defaults::FILES
                .iter()
                .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
        })
        .and_then(|()| schema::write_schemas(dir))
        .with_context(|| format!("cannot write {}", dir.display()))?;
    say_line(&format!(
        "wrote the default content to {}\n\
         edit the JSON files there, put photos in {}/, then start the kiosk with --content {}",
        dir.display(),
        dir.join(PHOTOS_DIR).display(),
        dir.display()
    ));
    Ok(exit::OK)
}
