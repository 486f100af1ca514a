//! Writing the kiosk's status (`lighthouse_core::status::Status`): a small file kept
//! current while it runs, for someone logged in over SSH (`lighthouse-kiosk status`), and a
//! copy in a shared content folder's `status/`, for `fleet` on any PC that shares it.

use super::health::{Health, HealthReport};
use crate::counting::Counting;
use crate::disk_watch::DiskWatch;
use crate::photos::Photos;
use crate::state::{AppState, StatusChanged, ThisScreen};
use crate::supervise::screen_picture::PictureTaken;
use chrono::NaiveDate;
use lighthouse_core::counts::DayCounts;
use lighthouse_core::photo_cache::PhotoStatus;
use lighthouse_core::status::{self, now_ms, ContentState, PhotoCounts, Status, VideoCounts};
use lighthouse_core::{ContentSource, Diagnostic};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// How often the file is rewritten when nothing happens; changes are written at once.
const STATUS_INTERVAL: Duration = Duration::from_secs(10);
/// How often, at most, a screen's status is written into the shared folder when nothing
/// that matters to other screens changes (every write is copied to every other screen).
const FLEET_INTERVAL: Duration = Duration::from_secs(60);

/// The status now, from the kiosk's state.
pub fn gather(
    state: &AppState,
    photos: &PhotoStatus,
    health: &Health,
    disk: &DiskWatch,
    screen: &str,
    days: BTreeMap<NaiveDate, DayCounts>,
    picture_at_ms: Option<u64>,
) -> Status {
    let loaded = state.status();
    let HealthReport {
        started_at_ms,
        uptime_seconds,
        seconds_since_heartbeat,
        mode,
        renderer,
        memory,
        memory_measured_at_ms,
        display,
        web_view_restarts,
    } = health.report();
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    Status {
        screen: screen.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        pid: std::process::id(),
        updated_at_ms: now_ms(),
        started_at_ms,
        uptime_seconds,
        content: ContentState {
            source: state.source.to_string(),
            revision: loaded.revision,
            checked_at_ms: loaded.checked_at_ms,
            showing_older_content: loaded.showing_older_content,
            folder_error: loaded.folder_error.clone(),
            errors,
            warnings: loaded.diagnostics.len() - errors,
            problems: loaded.diagnostics.iter().map(Diagnostic::in_both).collect(),
            revision_shown: loaded.content_revision.clone(),
            shown: loaded.shown.clone(),
            waiting_for: loaded.waiting_for.clone(),
            conflicts: match &state.source {
                lighthouse_core::ContentSource::Dir(dir) => lighthouse_core::conflicts::find(dir)
                    .into_iter()
                    .map(|c| c.copy)
                    .collect(),
                lighthouse_core::ContentSource::EmbeddedDefaults => Vec::new(),
            },
        },
        photos: PhotoCounts {
            ready: photos.ready.len(),
            waiting: photos.pending,
            refused: photos.refused.clone(),
        },
        // The page's own report, added by `gather_from`.
        videos: VideoCounts::default(),
        memory,
        memory_measured_at_ms,
        disk_full: disk.full(),
        display,
        notice: notice_on_screen(&state.content()),
        picture_at_ms,
        web_view_restarts,
        days,
        seconds_since_heartbeat,
        mode,
        language: state.content().settings.default_language.clone(),
        renderer,
        webkit: crate::webview::renderer::webkit_version().to_owned(),
        memory_available_mib: lighthouse_core::machine::memory_available_mib(),
        temperature_c: lighthouse_core::machine::temperature_c(),
        log_file: crate::logging::log_file().display().to_string(),
    }
}

/// The status of `app` now.
pub fn gather_from(app: &AppHandle) -> Status {
    let status = gather(
        &app.state::<AppState>(),
        &app.state::<Photos>().status(),
        &app.state::<Health>(),
        &app.state::<DiskWatch>(),
        &app.state::<ThisScreen>().name,
        recent_counts(app),
        app.try_state::<PictureTaken>().and_then(|p| p.at_ms()),
    );
    Status {
        videos: video_counts(app),
        ..status
    }
}

/// Videos skipped so far, and the decoders this PC has (looked for once).
fn video_counts(app: &AppHandle) -> VideoCounts {
    static DECODERS: std::sync::OnceLock<crate::videos::Decoders> = std::sync::OnceLock::new();
    let decoders = DECODERS.get_or_init(crate::videos::decoders);
    let skips = app.state::<crate::videos::Skips>().count();
    VideoCounts {
        skipped: skips.skipped,
        skipped_files: skips.files,
        decoders: decoders.present.clone(),
        decoders_missing: decoders.missing.clone(),
    }
}

/// The last days' counts, when the settings allow counting.
fn recent_counts(app: &AppHandle) -> BTreeMap<NaiveDate, DayCounts> {
    if !app.state::<AppState>().content().settings.count_visits {
        return BTreeMap::new();
    }
    app.state::<Counting>().recent(status::RECENT_DAYS)
}

/// Keeps the status file at `path` (and the shared folder's copy) current, on Tauri's runtime.
pub fn start(app: &AppHandle, path: PathBuf) {
    tauri::async_runtime::spawn(keep(app.clone(), path));
}

async fn keep(app: AppHandle, path: PathBuf) {
    let mut ticks = tokio::time::interval(STATUS_INTERVAL);
    let mut failed = false;
    let changed = app.state::<StatusChanged>();
    let shared = match &app.state::<AppState>().source {
        ContentSource::Dir(dir) => Some(dir.clone()),
        ContentSource::EmbeddedDefaults => None,
    };
    let mut last_shared: Option<(String, Instant)> = None;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            () = changed.notified() => {}
        }
        let now = gather_from(&app);
        // Into the shared folder on a change that matters to the fleet, or once a minute.
        let summary = fleet_summary(&now);
        let share = shared.clone().filter(|_| {
            last_shared
                .as_ref()
                .is_none_or(|(said, when)| *said != summary || when.elapsed() >= FLEET_INTERVAL)
        });
        if share.is_some() {
            last_shared = Some((summary, Instant::now()));
        }
        let target = path.clone();
        let writer = app.clone();
        let written = tauri::async_runtime::spawn_blocking(move || {
            if let Some(dir) = share {
                if let Err(err) = status::write_fleet(&dir, &now) {
                    log::debug!(
                        "cannot write this screen's status into {}: {err}",
                        dir.display()
                    );
                }
            }
            let written = status::write(&target, &now);
            writer.state::<DiskWatch>().wrote(&target, written)
        })
        .await
        .map_err(std::io::Error::other)
        .and_then(|r| r);
        match written {
            // A full disk is said once by the disk watch, not here too.
            Err(err) if !failed && !lighthouse_core::disk::is_full(&err) => {
                log::warn!("cannot write the status file {}: {err}", path.display());
                failed = true;
            }
            Ok(()) => failed = false,
            Err(_) => {}
        }
    }
}

/// What other screens need to hear about at once: the content shown and how it went.
fn fleet_summary(status: &Status) -> String {
    let content = &status.content;
    format!(
        "{} {} {} {} {} {}",
        content.revision_shown,
        content.showing_older_content,
        content.errors,
        content.waiting_for.len(),
        status.photos.refused.len(),
        status.web_view_restarts.len()
    )
}

/// The notice `content` puts on screen now, in both languages.
fn notice_on_screen(
    content: &lighthouse_core::Content,
) -> Option<lighthouse_core::messages::Words> {
    let notice = content.notice.as_ref()?;
    notice
        .is_shown_at(crate::hours::clock::now())
        .then(|| lighthouse_core::messages::Words {
            zh: notice
                .text
                .get("zh", &content.settings.default_language)
                .to_owned(),
            en: notice
                .text
                .get("en", &content.settings.default_language)
                .to_owned(),
        })
}
