//! The kiosk's private counts (see lighthouse_core::counts), kept in memory and written to
//! disk when they changed, every 15 seconds, off the UI thread: a power cut loses at most
//! the last quarter of a minute.

use crate::disk_watch::DiskWatch;
use crate::hours::clock;
use crate::state::AppState;
use chrono::NaiveDate;
use lighthouse_core::counts::{Counts, CountsError, DayCounts, Event};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How often new counts are written to disk (when there are any).
const SAVE_EVERY: Duration = Duration::from_secs(15);

#[derive(Debug)]
pub struct Counting {
    path: PathBuf,
    counts: Mutex<Counts>,
    changed: AtomicBool,
}

impl Counting {
    /// The counts kept in `path`. A damaged file is set aside (renamed, never deleted) and
    /// counting starts afresh.
    pub fn open(path: PathBuf) -> Counting {
        let counts = match Counts::load(&path) {
            Ok(counts) => counts,
            Err(err @ CountsError::Damaged { .. }) => {
                let aside = path.with_extension(format!(
                    "json.damaged-{}",
                    chrono::Local::now().format("%Y%m%d-%H%M%S")
                ));
                match std::fs::rename(&path, &aside) {
                    Ok(()) => log::warn!(
                        "{err}; it is kept as {} and counting starts afresh",
                        aside.display()
                    ),
                    Err(rename) => log::warn!(
                        "{err}; it could not be set aside ({rename}); counting starts afresh"
                    ),
                }
                Counts::default()
            }
            Err(err) => {
                log::warn!("{err}; counting starts afresh");
                Counts::default()
            }
        };
        Counting {
            path,
            counts: Mutex::new(counts),
            changed: AtomicBool::new(false),
        }
    }

    pub fn add(&self, event: &Event) {
        self.counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .add(clock::now().date(), event);
        self.changed.store(true, Ordering::Relaxed);
    }

    /// Today's counts.
    pub fn today(&self) -> DayCounts {
        let counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        counts
            .days
            .get(&clock::now().date())
            .cloned()
            .unwrap_or_default()
    }

    /// The counts of the last `days` days, today included (days without any are left out).
    pub fn recent(&self, days: usize) -> BTreeMap<NaiveDate, DayCounts> {
        let today = clock::now().date();
        let first = today - chrono::Days::new(days.saturating_sub(1) as u64);
        let counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        counts
            .days
            .range(first..=today)
            .map(|(day, counted)| (*day, counted.clone()))
            .collect()
    }

    /// Writes the counts if anything changed since the last write.
    pub fn save_if_changed(&self, disk: &DiskWatch) {
        if !self.changed.swap(false, Ordering::Relaxed) {
            return;
        }
        let snapshot = self
            .counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Err(err) = disk.wrote(&self.path, snapshot.save(&self.path)) {
            // Kept in memory and tried again at the next save; a full disk is said once.
            if !lighthouse_core::disk::is_full(&err) {
                log::warn!("cannot write the counts {}: {err}", self.path.display());
            }
            self.changed.store(true, Ordering::Relaxed);
        }
    }
}

/// Counts `event` when the settings allow counting.
pub fn count(app: &AppHandle, event: &Event) {
    // Nothing is counted before the content (and with it the setting) is loaded.
    let loaded = app.try_state::<AppState>();
    if loaded.is_some_and(|state| state.content().settings.count_visits) {
        app.state::<Counting>().add(event);
    }
}

/// Writes the counts once a minute, on Tauri's runtime (the writing itself on a blocking
/// thread).
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut ticks = tokio::time::interval(SAVE_EVERY);
        loop {
            ticks.tick().await;
            let app = app.clone();
            let _ = tauri::async_runtime::spawn_blocking(move || {
                app.state::<Counting>()
                    .save_if_changed(&app.state::<DiskWatch>())
            })
            .await;
        }
    });
}
