//! Loading the content at start and after every change, always keeping good content on
//! screen: what a change means is decided by `lighthouse_core::reload`; this carries it out
//! on the kiosk's state, tells the UI and the log.

use crate::events;
use crate::hours::clock;
use crate::photos::Photos;
use crate::state::{AppState, LoadStatus, StatusChanged};
use lighthouse_core::hashes::Hashes;
use lighthouse_core::last_good;
use lighthouse_core::reload::{self, Attempt, Step, BUILT_IN, WAITING_RECHECK};
use lighthouse_core::status::{local_time, now_ms, Shown, ShownFrom};
use lighthouse_core::watch::FolderWatcher;
use lighthouse_core::words;
use lighthouse_core::ValidAlone;
use lighthouse_core::{load_embedded_defaults, Content, ContentSource, Diagnostic, ReadFiles};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;
use tauri::{AppHandle, Manager};

/// The content to start with, and what staff should know about it. A folder with a mistake
/// in it must not leave the screen blank, nor lose the staff's content: the last content
/// accepted from it stands in, or, when none ever was, the built-in default content.
pub fn initial(source: &ContentSource, hashes: &Hashes, said: &Said) -> (Content, LoadStatus) {
    let attempt = reload::load(source, hashes, clock::today());
    log_attempt(
        source,
        &attempt,
        "the last good content is shown until it is fixed",
        said,
    );
    match attempt {
        Attempt::Good {
            content,
            diagnostics,
            revision,
            read,
        } => {
            log::info!(
                "content loaded from {source} (revision {revision}): {} highlights, {} photos, {} contacts",
                content.highlights.len(),
                content.photos.len(),
                content.contacts.entries.len()
            );
            keep(source, &read, &revision);
            (
                *content,
                LoadStatus::first(diagnostics, None, revision, accepted_now()),
            )
        }
        // Nothing better is on screen yet: the folder as it stands beats older content.
        Attempt::Waiting { files, .. } => {
            let stands = reload::as_it_stands(
                source,
                hashes,
                &files,
                words!("publication.shown_while_arriving"),
                clock::today(),
            );
            let (content, mut status) = match stands {
                Some(Attempt::Good {
                    content,
                    diagnostics,
                    revision,
                    ..
                }) => {
                    log_diagnostics(&diagnostics, said);
                    (
                        *content,
                        LoadStatus::first(diagnostics, None, revision, accepted_now()),
                    )
                }
                _ => stand_in(source, Vec::new(), None, ValidAlone::default()),
            };
            status.waiting_for = files;
            (content, status)
        }
        Attempt::Bad {
            diagnostics,
            folder_error,
            alone,
            ..
        } => stand_in(source, diagnostics, folder_error, *alone),
    }
}

/// Content from the folder, accepted now.
fn accepted_now() -> Shown {
    Shown {
        from: ShownFrom::Folder,
        accepted_at_ms: Some(now_ms()),
    }
}

/// What stands in for a folder that cannot be shown at start: the content last accepted
/// from it, else the built-in content; with the folder's own settings and notice when they
/// are valid.
fn stand_in(
    source: &ContentSource,
    diagnostics: Vec<Diagnostic>,
    folder_error: Option<String>,
    alone: ValidAlone,
) -> (Content, LoadStatus) {
    let kept = match source {
        ContentSource::Dir(dir) => last_good::read(
            &lighthouse_core::paths::last_good_dir(),
            &dir.display().to_string(),
            clock::today(),
        ),
        ContentSource::EmbeddedDefaults => None,
    };
    let (mut content, revision, shown) = match kept {
        Some((report, accepted)) => {
            log::warn!(
                "showing the content accepted from {source} at {} (revision {}) until the folder is fixed",
                local_time(accepted.accepted_at_ms),
                accepted.revision
            );
            let shown = Shown {
                from: ShownFrom::Kept,
                accepted_at_ms: Some(accepted.accepted_at_ms),
            };
            let content = report.content.expect("read gives only valid content");
            (content, accepted.revision, shown)
        }
        None => {
            log::warn!("no content was ever accepted from {source}: showing the built-in default content until it is fixed");
            (defaults(), BUILT_IN.to_owned(), Shown::default())
        }
    };
    if !alone.is_empty() {
        log::info!("following the settings and notice in {source} that are valid on their own");
        alone.put_into(&mut content);
    }
    (
        content,
        LoadStatus::first(diagnostics, folder_error, revision, shown),
    )
}

/// Keeps what was read as the last good content of `source` (a folder), for a restart that
/// finds a mistake in it. A copy that cannot be written costs only that.
fn keep(source: &ContentSource, read: &ReadFiles, revision: &str) {
    let ContentSource::Dir(dir) = source else {
        return;
    };
    let kept_in = lighthouse_core::paths::last_good_dir();
    if let Err(err) = last_good::keep(
        &kept_in,
        read,
        &dir.display().to_string(),
        revision,
        now_ms(),
    ) {
        log::warn!(
            "cannot keep a copy of the content in {}: {err}; a restart with a mistake in the folder would show the built-in content",
            kept_in.display()
        );
    }
}

/// Loads the content again after a change; puts it on screen only if it is valid. Reloads
/// never overlap: one that is asked for while another runs waits for it.
pub fn reload(app: &AppHandle) {
    let state = app.state::<AppState>();
    let _one_at_a_time = state.reloading();
    let was_broken = state.status().showing_older_content;
    let mut attempt = reload::load(&state.source, &state.hashes, clock::today());
    let mut step = reload::decide(&attempt, false, state.waiting_for(Instant::now()));
    if let Step::LookAgain(after) = step {
        log::info!(
            "the content in {} looks half saved (or a file is being replaced); looking again in {} ms",
            state.source,
            after.as_millis()
        );
        std::thread::sleep(after);
        attempt = reload::load(&state.source, &state.hashes, clock::today());
        step = reload::decide(&attempt, true, state.waiting_for(Instant::now()));
    }
    let said = app.state::<Said>();
    log_attempt(
        &state.source,
        &attempt,
        "the last good content stays on screen",
        &said,
    );
    let mut still_waiting = Vec::new();
    if step == Step::ShowAsItStands {
        if let Attempt::Waiting { files, .. } = &attempt {
            let minutes = reload::WAITING_LIMIT.as_secs() / 60;
            let why = words!("publication.waited_too_long", minutes = minutes);
            if let Some(stands) =
                reload::as_it_stands(&state.source, &state.hashes, files, why, clock::today())
            {
                log_attempt(&state.source, &stands, "", &said);
                still_waiting = files.clone();
                attempt = stands;
            }
        }
    }
    match attempt {
        Attempt::Good {
            content,
            diagnostics,
            revision,
            read,
        } => {
            keep(&state.source, &read, &revision);
            let changed = content.first_change(&state.content());
            match state.replace(*content, diagnostics, revision) {
                Some(revision) => {
                    log::info!(
                        "content reloaded from {} (revision {revision}){}",
                        state.source,
                        if was_broken { "; it is good again" } else { "" }
                    );
                    events::content_changed(app, revision, changed);
                }
                // Back to what is on screen: nothing changes there, but the log must not
                // end on the error any more.
                None if was_broken => log::info!(
                    "content in {} is good again; the content on screen is unchanged",
                    state.source
                ),
                None => {}
            }
            // Shown as it stands: still not what was published, and staff must hear of it.
            if !still_waiting.is_empty() {
                state.wait_for(still_waiting, Instant::now());
            }
            // Even with the same content a photo file may have been replaced.
            if let Some(photos) = app.try_state::<Photos>() {
                photos.refresh();
            }
            // The page gives skipped videos another chance with new content; so does the status.
            if let Some(skips) = app.try_state::<crate::videos::Skips>() {
                skips.clear();
            }
        }
        // Nothing to do until the rest arrives: the watcher calls again when it does, and
        // `recheck_while_waiting` in case it does not.
        Attempt::Waiting { files, .. } => state.wait_for(files, Instant::now()),
        Attempt::Bad {
            diagnostics,
            folder_error,
            alone,
            ..
        } => {
            state.keep_older(diagnostics, folder_error);
            // A new PIN, new hours or a notice take effect even while another file has a
            // mistake.
            if let Some(revision) = state.follow(*alone) {
                log::info!(
                    "following the new settings or notice in {}, which are valid on their own",
                    state.source
                );
                events::content_changed(app, revision, None);
            }
        }
    }
    if let Some(status) = app.try_state::<StatusChanged>() {
        status.notify();
    }
}

/// Watches the content folder, if there is one, reloading after every change.
pub fn watch(app: &AppHandle) -> Option<FolderWatcher> {
    let ContentSource::Dir(dir) = &app.state::<AppState>().source else {
        return None;
    };
    tauri::async_runtime::spawn(recheck_while_waiting(app.clone()));
    let app = app.clone();
    Some(FolderWatcher::start(dir.clone(), move || reload(&app)))
}

/// Looks at a folder waiting for the rest of a publication again every so often: a missed
/// file event must not leave a screen waiting for ever, and after `WAITING_LIMIT` the folder
/// is shown as it stands.
async fn recheck_while_waiting(app: AppHandle) {
    let mut ticks = tokio::time::interval(WAITING_RECHECK);
    loop {
        ticks.tick().await;
        if !app.state::<AppState>().status().waiting_for.is_empty() {
            let app = app.clone();
            let _ = tauri::async_runtime::spawn_blocking(move || reload(&app)).await;
        }
    }
}

/// Logs what staff should know about an attempt; `instead` says what stays on screen when
/// it cannot be shown. A problem already logged, and still the same, is not logged again.
fn log_attempt(source: &ContentSource, attempt: &Attempt, instead: &str, said: &Said) {
    match attempt {
        Attempt::Good { diagnostics, .. } => log_diagnostics(diagnostics, said),
        Attempt::Waiting { revision, files } => log::info!(
            "waiting for the publication {revision} to arrive whole ({} file(s) still differ); {instead}",
            files.len()
        ),
        Attempt::Bad {
            diagnostics,
            folder_error: None,
            ..
        } => {
            log_diagnostics(diagnostics, said);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            log::error!("content in {source} has {errors} error(s); {instead}");
        }
        Attempt::Bad {
            folder_error: Some(err),
            ..
        } => log::error!("{err}; {instead}"),
    }
}

fn defaults() -> Content {
    load_embedded_defaults(clock::today())
        .content
        .expect("the built-in default content is checked by the test suite")
}

/// The problems last logged, so that one that stays the same through many reloads (a
/// warning nobody has fixed yet) is logged once, not at every reload.
#[derive(Debug, Default)]
pub struct Said(Mutex<Vec<String>>);

fn log_diagnostics(diagnostics: &[Diagnostic], said: &Said) {
    let now: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let mut before = said.0.lock().unwrap_or_else(PoisonError::into_inner);
    for (diagnostic, text) in diagnostics.iter().zip(&now) {
        if before.contains(text) {
            continue;
        }
        // English for IT, then Chinese for the staff who read the log too.
        let chinese = diagnostic.in_lang(lighthouse_core::messages::Lang::Zh);
        if diagnostic.is_error() {
            log::error!("{text}\n{chinese}");
        } else {
            log::warn!("{text}\n{chinese}");
        }
    }
    *before = now;
}
