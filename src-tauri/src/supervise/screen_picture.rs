//! A picture of the screen for the fleet page: WebKit's snapshot of the page, shrunk to a
//! small JPEG and saved beside the screen's status as status/<screen>.jpg in the shared
//! content folder, once a minute and soon after new content goes on screen.

use crate::state::{AppState, StatusChanged, ThisScreen};
use crate::webview::{snapshot, window::MAIN_WINDOW};
use lighthouse_core::status::{self, now_ms};
use lighthouse_core::ContentSource;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// How often a picture is taken when nothing changes.
const EVERY: Duration = Duration::from_secs(60);
/// Set by `make bench` to measure what pictures cost: seconds between pictures, 0 for none.
const TEST_EVERY_VARIABLE: &str = "LIGHTHOUSE_TEST_PICTURE_SECONDS";

/// How often a picture is taken: [`EVERY`], or what a benchmark asks for (`None`: never).
fn every() -> Option<Duration> {
    match std::env::var(TEST_EVERY_VARIABLE)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        None => Some(EVERY),
        Some(0) => None,
        Some(seconds) => {
            log::warn!("a picture of the screen every {seconds} s ({TEST_EVERY_VARIABLE})");
            Some(Duration::from_secs(seconds))
        }
    }
}
/// How often the content's revision is looked at.
const LOOK: Duration = Duration::from_secs(5);
/// New content gets this long to be drawn before its picture is taken.
const AFTER_CHANGE: Duration = Duration::from_secs(3);
/// A snapshot WebKit has not delivered by then is given up.
const GIVE_UP: Duration = Duration::from_secs(10);

/// When the last picture was saved (ms since 1970; 0 before the first), for the status.
#[derive(Debug, Default)]
pub struct PictureTaken(AtomicU64);

impl PictureTaken {
    pub fn at_ms(&self) -> Option<u64> {
        Some(self.0.load(Ordering::Relaxed)).filter(|at| *at > 0)
    }
}

/// Takes pictures while the kiosk runs, when it shows a shared folder.
pub fn start(app: &AppHandle) {
    app.manage(PictureTaken::default());
    let ContentSource::Dir(dir) = app.state::<AppState>().source.clone() else {
        return;
    };
    let Some(every) = every() else {
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let target = status::picture_path(&dir, &app.state::<ThisScreen>().name);
        // The first slide is drawn by then.
        tokio::time::sleep(AFTER_CHANGE).await;
        let mut taken: Option<(Instant, u64)> = None;
        let mut ticks = tokio::time::interval(LOOK.min(every));
        loop {
            ticks.tick().await;
            let revision = app.state::<AppState>().status().revision;
            let due = match taken {
                None => true,
                Some((at, shown)) => shown != revision || at.elapsed() >= every,
            };
            if !due {
                continue;
            }
            if taken.is_some_and(|(_, shown)| shown != revision) {
                tokio::time::sleep(AFTER_CHANGE).await;
            }
            taken = Some((Instant::now(), revision));
            match take(&app, &target, &dir).await {
                Ok(bytes) => {
                    log::debug!(
                        "saved a picture of the screen ({bytes} bytes) as {}",
                        target.display()
                    );
                    app.state::<PictureTaken>()
                        .0
                        .store(now_ms(), Ordering::Relaxed);
                    app.state::<StatusChanged>().notify();
                }
                Err(why) => log::warn!("no picture of the screen for the fleet page: {why}"),
            }
        }
    });
}

/// One picture, saved; its size in bytes.
async fn take(app: &AppHandle, target: &Path, dir: &Path) -> Result<usize, String> {
    let window = app
        .get_webview_window(MAIN_WINDOW)
        .ok_or("the window is not open")?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    snapshot::take(&window, move |pixels| {
        let _ = sender.send(pixels);
    })
    .map_err(|e| e.to_string())?;
    let pixels = tokio::time::timeout(GIVE_UP, receiver)
        .await
        .map_err(|_| format!("WebKit gave no snapshot within {GIVE_UP:?}"))?
        .map_err(|_| "the snapshot was dropped".to_owned())??;
    // A missing shared folder is not made here (see status::write_fleet).
    if !dir.is_dir() {
        return Err(format!("{} is not there", dir.display()));
    }
    let target = target.to_path_buf();
    tauri::async_runtime::spawn_blocking(move || {
        let jpeg = lighthouse_core::screen_picture::from_bgrx(
            pixels.width,
            pixels.height,
            pixels.stride,
            &pixels.bytes,
        )
        .map_err(|e| e.to_string())?;
        lighthouse_core::atomic::write_making_folder(&target, &jpeg)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        Ok(jpeg.len())
    })
    .await
    .map_err(|e| e.to_string())?
}
