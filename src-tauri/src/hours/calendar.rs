//! What is shown changing with the time: highlights and photos have days and times of the
//! week, and a notice its start and end, so when what is on screen changes (a new day, an
//! item's time or a notice starting or ending) the UI is told to fetch the content again.

use super::clock;
use crate::state::AppState;
use chrono::Timelike;
use lighthouse_core::Content;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// Times are written to the minute, so the calendar is looked at just after each minute
/// starts. Waking every minute beats sleeping until the next change, which a clock set
/// forward or a suspended PC would throw off.
fn until_next_minute() -> Duration {
    let now = clock::now();
    let into_minute = u64::from(now.second()) * 1000 + u64::from(now.nanosecond() / 1_000_000);
    Duration::from_millis(60_000_u64.saturating_sub(into_minute) + 50)
}

/// The items shown at a moment, by name: what the UI must be told about when it changes.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    highlights: Vec<String>,
    photos: Vec<String>,
    notice: bool,
}

fn shown_now(app: &AppHandle) -> Shown {
    let state = app.state::<AppState>();
    let shown: Content = state.content().shown_at(clock::now());
    Shown {
        highlights: shown.highlights.into_iter().map(|h| h.id).collect(),
        photos: shown.photos.into_iter().map(|p| p.file).collect(),
        notice: shown.notice.is_some(),
    }
}

/// Watches the time on Tauri's runtime.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut shown = shown_now(&app);
        loop {
            tokio::time::sleep(until_next_minute()).await;
            let now = shown_now(&app);
            // A reload between two looks may be why they differ: the page is then told twice
            // and asks twice, which costs nothing, where staying silent could leave a notice
            // or an item of the new minute off the screen until the next change.
            if now != shown {
                log::info!(
                    "at {} the items shown change: {} highlights, {} photos, {}",
                    clock::now().format("%a %Y-%m-%d %H:%M"),
                    now.highlights.len(),
                    now.photos.len(),
                    if now.notice { "a notice" } else { "no notice" }
                );
                let revision = app.state::<AppState>().status().revision;
                crate::events::content_changed(&app, revision, None);
            }
            shown = now;
        }
    });
}
