//! `lighthouse-kiosk prepare`: the derivatives of every photo the content shows, made
//! without a display (the same photos the kiosk would prepare, so it finds them all done).

use super::{say, say_line};
use crate::args::Args;
use crate::exit;
use anyhow::bail;
use lighthouse_core::hashes::{Hashes, HASHES_FILE};
use lighthouse_core::manifest;
use lighthouse_core::messages::Words;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{prepare_all, wanted, Outcome, PhotoCache, PHOTO_WORKERS};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{report, today, words, ContentSource};
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
            "error: {}",
            words!("prepare.content_has_errors").in_lang(lang)
        );
        return Ok(exit::PROBLEMS);
    };
    let lang = args.lang_or(report.language());
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
                say_line(&format!(
                    "{PHOTOS_DIR}/{name}: {}",
                    reason.words().in_lang(lang)
                ));
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
            eprintln!(
                "{}",
                progress(done, photos.len(), now - started).in_lang(lang)
            );
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
    let summary = words!(
        "prepare.summary",
        ready = cached + made,
        screen = screen.to_string(),
        seconds = format!("{:.1}", elapsed.as_secs_f64()),
        rate = format!("{:.1}", per_second(cached + made + refused, elapsed)),
        made = made,
        cached = cached,
        refused = refused,
        cache = cache.dir().display().to_string(),
    );
    say_line(summary.in_lang(lang));
    Ok(if refused == 0 {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

fn per_second(done: usize, elapsed: Duration) -> f64 {
    done as f64 / elapsed.as_secs_f64().max(0.001)
}

/// `prepared 120 of 1500 photos, 38.2 photos/s, about 36 s left`, in both languages.
fn progress(done: usize, total: usize, elapsed: Duration) -> Words {
    let rate = per_second(done, elapsed);
    let left = if rate > 0.0 {
        let seconds = (total.saturating_sub(done)) as f64 / rate;
        let time = lighthouse_core::time_words::how_long(Duration::from_secs_f64(seconds.ceil()));
        words!("prepare.left", time = time)
    } else {
        words!("prepare.left_unknown")
    };
    words!(
        "prepare.progress",
        done = done,
        total = total,
        rate = format!("{rate:.1}"),
        left = left
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_says_the_rate_and_the_time_left() {
        let said = progress(120, 1500, Duration::from_secs(4));
        assert_eq!(
            said.en,
            "prepared 120 of 1500 photos, 30.0 photos/s, about 46 s left"
        );
        assert_eq!(said.zh, "已准备 120/1500 张照片，每秒 30.0 张，约剩 46 秒");
        assert_eq!(
            progress(100, 1500, Duration::from_secs(10)).en,
            "prepared 100 of 1500 photos, 10.0 photos/s, about 2 min left"
        );
        let unknown = progress(0, 10, Duration::from_secs(2));
        assert_eq!(
            unknown.en,
            "prepared 0 of 10 photos, 0.0 photos/s, time left not known yet"
        );
        assert_eq!(
            unknown.zh,
            "已准备 0/10 张照片，每秒 0.0 张，剩余时间尚不可知"
        );
    }
}
