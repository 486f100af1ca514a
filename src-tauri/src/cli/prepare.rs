//! `lighthouse-kiosk prepare`: the derivatives of every photo the content shows, made
//! without a display (the same photos the kiosk would prepare, so it finds them all done).

use super::{say, say_line};
use crate::args::Args;
use crate::exit;
use anyhow::bail;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{prepare_all, wanted, Outcome, PhotoCache, PHOTO_WORKERS};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{report, today, ContentSource};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Prints each refused photo and a summary.
pub fn run(
    args: &Args,
    source: &ContentSource,
    screen: Size,
    cache_dir: PathBuf,
) -> anyhow::Result<i32> {
    let ContentSource::Dir(dir) = source else {
        bail!("the built-in content has no photos; name a content folder");
    };
    let report = source.load(today())?;
    let Some(content) = &report.content else {
        let lang = args.lang_or(report.language());
        say(&report::human(&report, &source.to_string(), lang));
        eprintln!(
            "error: the kiosk would not show this content until its errors are fixed; \
             fix them and run prepare again"
        );
        return Ok(exit::PROBLEMS);
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
                say_line(&format!("{PHOTOS_DIR}/{name}: {reason}"));
            }
        }
    });
    let (cached, made, refused) = counts.into_inner().unwrap_or_default();
    say_line(&format!(
        "prepared {} photos for a {screen} screen in {:.1} s: {made} made, {cached} already there, {refused} refused (cache: {})",
        cached + made,
        started.elapsed().as_secs_f64(),
        cache.dir().display()
    ));
    Ok(if refused == 0 {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}
