//! `lighthouse-kiosk prepare`: the derivatives of every photo the content shows, made
//! without a display (the same photos the kiosk would prepare, so it finds them all done).

use super::{say, say_line};
use crate::args::Args;
use crate::exit;
use anyhow::bail;
use lighthouse_core::hashes::{Hashes, HASHES_FILE};
use lighthouse_core::manifest;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{prepare_all, wanted, Outcome, PhotoCache, PHOTO_WORKERS};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{report, today, ContentSource};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often a long `prepare` says how far it has come.
const PROGRESS_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
struct Counts {
    cached: usize,
    made: usize,
    refused: usize,
    said_at: Option<Instant>,
}

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
    let hashes = Hashes::kept_in(cache_dir.join(HASHES_FILE));
    let cache = PhotoCache::open(cache_dir, screen);
    let started = Instant::now();
    let counts = Mutex::new(Counts::default());
    prepare_all(&cache, &photos, PHOTO_WORKERS, &|name, outcome| {
        let mut counts = counts.lock().unwrap_or_else(PoisonError::into_inner);
        match outcome {
            Outcome::Cached(_) => counts.cached += 1,
            Outcome::Made(_) => counts.made += 1,
            Outcome::Refused(reason) => {
                counts.refused += 1;
                say_line(&format!("{PHOTOS_DIR}/{name}: {reason}"));
            }
        }
        // A first prepare of a large album takes minutes: say how it goes, now and then,
        // on standard error so the summary on standard output stays one line.
        let now = Instant::now();
        let done = counts.cached + counts.made + counts.refused;
        if done < photos.len()
            && now.duration_since(counts.said_at.unwrap_or(started)) >= PROGRESS_EVERY
        {
            counts.said_at = Some(now);
            eprintln!("{}", progress(done, photos.len(), now - started));
        }
    });
    // The kiosk names its content by every file's hash: made here, where the photos were just
    // read, its first start need not read them all again.
    manifest::folder_state(dir, &hashes);
    hashes.save();
    let Counts {
        cached,
        made,
        refused,
        ..
    } = counts.into_inner().unwrap_or_default();
    let elapsed = started.elapsed();
    say_line(&format!(
        "prepared {} photos for a {screen} screen in {:.1} s ({:.1} photos/s): {made} made, {cached} already there, {refused} refused (cache: {})",
        cached + made,
        elapsed.as_secs_f64(),
        per_second(cached + made + refused, elapsed),
        cache.dir().display()
    ));
    Ok(if refused == 0 {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

fn per_second(done: usize, elapsed: Duration) -> f64 {
    done as f64 / elapsed.as_secs_f64().max(0.001)
}

/// `prepared 120 of 1500 photos, 38.2 photos/s, about 36 s left`.
fn progress(done: usize, total: usize, elapsed: Duration) -> String {
    let rate = per_second(done, elapsed);
    let left = if rate > 0.0 {
        let seconds = (total.saturating_sub(done)) as f64 / rate;
        format!(
            "about {} left",
            lighthouse_core::time_words::how_long(Duration::from_secs_f64(seconds.ceil())).en
        )
    } else {
        "time left not known yet".to_owned()
    };
    format!("prepared {done} of {total} photos, {rate:.1} photos/s, {left}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_says_the_rate_and_the_time_left() {
        assert_eq!(
            progress(120, 1500, Duration::from_secs(4)),
            "prepared 120 of 1500 photos, 30.0 photos/s, about 46 s left"
        );
        assert_eq!(
            progress(100, 1500, Duration::from_secs(10)),
            "prepared 100 of 1500 photos, 10.0 photos/s, about 2 min left"
        );
        assert_eq!(
            progress(0, 10, Duration::from_secs(2)),
            "prepared 0 of 10 photos, 0.0 photos/s, time left not known yet"
        );
    }
}
