//! `lighthouse-kiosk publish DIR`: checks the folder, then writes its manifest last, so
//! screens that receive the folder file by file take it only once all of it has arrived.

use super::{say, say_line};
use crate::args::Args;
use crate::exit;
use anyhow::Context;
use lighthouse_core::manifest::{self, MANIFEST_FILE};
use lighthouse_core::{report, today};
use std::path::Path;

pub fn run(args: &Args, dir: &Path) -> anyhow::Result<i32> {
    let report = lighthouse_core::load_dir(dir, today())?;
    if report.content.is_none() {
        let lang = args.lang_or(report.language());
        say(&report::human(&report, &dir.display().to_string(), lang));
        eprintln!("error: not published: the screens would not show this content; fix the errors above first");
        return Ok(exit::PROBLEMS);
    }
    let manifest = manifest::build(dir, &lighthouse_core::hashes::Hashes::default())
        .and_then(|m| manifest::write(dir, &m).map(|()| m))
        .with_context(|| format!("cannot write {}", dir.join(MANIFEST_FILE).display()))?;
    say_line(&format!(
        "published {} as revision {}: {} files ({} warning(s))",
        dir.display(),
        manifest.revision,
        manifest.files.len(),
        report.warnings()
    ));
    Ok(exit::OK)
}
