//! Loading the content at start and after every change, always keeping good content on
//! screen: new content replaces the old only when it is valid.

use crate::events::{ContentChanged, CONTENT_CHANGED};
use crate::photos::Photos;
use crate::state::{AppState, Status};
use crate::watchdog::StatusChanged;
use lighthouse_core::manifest::{self, FolderState, Hashes};
use lighthouse_core::watch::FolderWatcher;
use lighthouse_core::{load_embedded_defaults, today, Content, ContentSource, Diagnostic};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// How long a broken file gets to become whole before it counts as a mistake: saving in
/// two steps takes an editor a few milliseconds, a network share a little longer.
const HALF_SAVED_GRACE: Duration = Duration::from_secs(1);

/// One attempt to load the content, already logged.
enum Attempt {
    /// Valid content, with its warnings and the revision it is.
    Good(Box<Content>, Vec<Diagnostic>, String),
    /// A publication is still arriving: these files do not match its manifest yet.
    Waiting(String, Vec<String>),
    /// Content with errors, or a folder that cannot be read: nothing to show.
    Bad {
        diagnostics: Vec<Diagnostic>,
        folder_error: Option<String>,
    },
}

/// Loads `source`, without a word to the log yet. A folder with a manifest is loaded only
/// once every file matches it (and still matches after the load, in case a newer
/// publication began to arrive meanwhile).
fn load(source: &ContentSource, hashes: &Hashes) -> Attempt {
    let gate = |dir: &std::path::Path| match manifest::folder_state(dir, hashes) {
        FolderState::Unpublished { revision } | FolderState::Complete { revision } => Ok(revision),
        FolderState::Waiting {
            revision,
            differing,
        } => Err(Attempt::Waiting(revision, differing)),
        FolderState::Damaged { reason } => Err(Attempt::Bad {
            diagnostics: vec![Diagnostic::error(
                manifest::MANIFEST_FILE,
                format!("the manifest cannot be read: {reason}"),
            )
            .hint("publish the folder again (lighthouse-kiosk publish), or delete manifest.json")],
            folder_error: None,
        }),
    };
    let revision = match source {
        ContentSource::EmbeddedDefaults => BUILT_IN.to_owned(),
        ContentSource::Dir(dir) => match gate(dir) {
            Ok(revision) => revision,
            Err(attempt) => return attempt,
        },
    };
    let attempt = read(source, revision);
    match (source, &attempt) {
        (ContentSource::Dir(dir), Attempt::Good(_, _, revision)) => match gate(dir) {
            Ok(now) if now == *revision => attempt,
            Ok(now) => Attempt::Waiting(now, Vec::new()),
            Err(changed) => changed,
        },
        _ => attempt,
    }
}

/// The revision named for the content built into the binary.
const BUILT_IN: &str = "built-in";

fn read(source: &ContentSource, revision: String) -> Attempt {
    match source.load(today()) {
        Ok(report) => match report.content {
            Some(content) => Attempt::Good(Box::new(content), report.diagnostics, revision),
            None => Attempt::Bad {
                diagnostics: report.diagnostics,
                folder_error: None,
            },
        },
        Err(err) => Attempt::Bad {
            diagnostics: Vec::new(),
            folder_error: Some(err.to_string()),
        },
    }
}

/// Logs what staff should know about an attempt; `instead` says what stays on screen when
/// it cannot be shown.
fn log_attempt(source: &ContentSource, attempt: &Attempt, instead: &str) {
    match attempt {
        Attempt::Good(_, diagnostics, _) => log_diagnostics(diagnostics),
        Attempt::Waiting(revision, files) => log::info!(
            "waiting for the publication {revision} to arrive whole ({} file(s) still differ); {instead}",
            files.len()
        ),
        Attempt::Bad {
            diagnostics,
            folder_error: None,
        } => {
            log_diagnostics(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            log::error!("content in {source} has {errors} error(s); {instead}");
        }
        Attempt::Bad {
            folder_error: Some(err),
            ..
        } => log::error!("{err}; {instead}"),
    }
}

/// Loads and logs.
fn attempt(source: &ContentSource, hashes: &Hashes, instead: &str) -> Attempt {
    let attempt = load(source, hashes);
    log_attempt(source, &attempt, instead);
    attempt
}

/// The content to start with, and what staff should know about it. A broken content folder
/// must not leave the screen blank: the built-in default content stands in until it is fixed.
pub fn initial(source: &ContentSource, hashes: &Hashes) -> (Content, Status) {
    match attempt(
        source,
        hashes,
        "showing the built-in default content until it is fixed",
    ) {
        Attempt::Good(content, diagnostics, revision) => {
            log::info!(
                "content loaded from {source} (revision {revision}): {} highlights, {} photos, {} contacts",
                content.highlights.len(),
                content.photos.len(),
                content.contacts.entries.len()
            );
            (*content, Status::first(diagnostics, false, None, revision))
        }
        Attempt::Waiting(_, files) => {
            let mut status = Status::first(Vec::new(), true, None, BUILT_IN.to_owned());
            status.waiting_for = files;
            (defaults(), status)
        }
        Attempt::Bad {
            diagnostics,
            folder_error,
        } => (
            defaults(),
            Status::first(diagnostics, true, folder_error, BUILT_IN.to_owned()),
        ),
    }
}

/// Loads the content again after a change; puts it on screen only if it is valid. Reloads
/// never overlap: one that is asked for while another runs waits for it.
pub fn reload(app: &AppHandle) {
    let state = app.state::<AppState>();
    let _one_at_a_time = state.reloading();
    let was_broken = state.status().showing_older_content;
    let mut attempt = load(&state.source, &state.hashes);
    if matches!(attempt, Attempt::Bad { .. }) {
        // Many editors save in two steps (empty the file, then write it): a file caught in
        // between is not a mistake yet. Look again before calling it broken.
        std::thread::sleep(HALF_SAVED_GRACE);
        attempt = load(&state.source, &state.hashes);
    }
    log_attempt(
        &state.source,
        &attempt,
        "the last good content stays on screen",
    );
    match attempt {
        Attempt::Good(content, diagnostics, revision) => {
            match state.replace(*content, diagnostics, revision) {
                Some(revision) => {
                    log::info!(
                        "content reloaded from {} (revision {revision}){}",
                        state.source,
                        if was_broken { "; it is good again" } else { "" }
                    );
                    announce(app, revision);
                }
                // Back to what is on screen: nothing changes there, but the log must not
                // end on the error any more.
                None if was_broken => log::info!(
                    "content in {} is good again; the content on screen is unchanged",
                    state.source
                ),
                None => {}
            }
            // Even with the same content a photo file may have been replaced.
            if let Some(photos) = app.try_state::<Photos>() {
                photos.refresh();
            }
        }
        // Nothing to do until the rest arrives: the watcher calls again when it does.
        Attempt::Waiting(_, files) => state.wait_for(files),
        Attempt::Bad {
            diagnostics,
            folder_error,
        } => state.keep_older(diagnostics, folder_error),
    }
    if let Some(status) = app.try_state::<StatusChanged>() {
        status.notify();
    }
}

/// Tells the UI to fetch the content again: it changed, or the day did (and with it the
/// highlights shown).
pub fn announce(app: &AppHandle, revision: u64) {
    if let Err(err) = app.emit(CONTENT_CHANGED, ContentChanged { revision }) {
        log::error!("cannot tell the UI about new content: {err}");
    }
}

/// Watches the content folder, if there is one, reloading after every change.
pub fn watch(app: &AppHandle) -> Option<FolderWatcher> {
    let ContentSource::Dir(dir) = &app.state::<AppState>().source else {
        return None;
    };
    let app = app.clone();
    Some(FolderWatcher::start(dir.clone(), move || reload(&app)))
}

fn defaults() -> Content {
    load_embedded_defaults(today())
        .content
        .expect("the built-in default content is checked by the test suite")
}

fn log_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        if diagnostic.is_error() {
            log::error!("{diagnostic}");
        } else {
            log::warn!("{diagnostic}");
        }
    }
}
