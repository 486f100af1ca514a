//! Loading the content at start and after every change, always keeping good content on
//! screen: new content replaces the old only when it is valid.

use crate::events::{ContentChanged, CONTENT_CHANGED};
use crate::photos::Photos;
use crate::state::{AppState, Status};
use crate::watchdog::StatusChanged;
use lighthouse_core::watch::FolderWatcher;
use lighthouse_core::{load_embedded_defaults, today, Content, ContentSource, Diagnostic};
use tauri::{AppHandle, Emitter, Manager};

/// One attempt to load the content, already logged.
enum Attempt {
    /// Valid content, with its warnings.
    Good(Box<Content>, Vec<Diagnostic>),
    /// Content with errors, or a folder that cannot be read: nothing to show.
    Bad {
        diagnostics: Vec<Diagnostic>,
        folder_error: Option<String>,
    },
}

/// Loads `source` and logs what staff should know about it; `instead` says what stays on
/// screen when it cannot be shown.
fn attempt(source: &ContentSource, instead: &str) -> Attempt {
    match source.load(today()) {
        Ok(report) => {
            log_diagnostics(&report.diagnostics);
            let errors = report.errors();
            match report.content {
                Some(content) => Attempt::Good(Box::new(content), report.diagnostics),
                None => {
                    log::error!("content in {source} has {errors} error(s); {instead}");
                    Attempt::Bad {
                        diagnostics: report.diagnostics,
                        folder_error: None,
                    }
                }
            }
        }
        Err(err) => {
            log::error!("{err}; {instead}");
            Attempt::Bad {
                diagnostics: Vec::new(),
                folder_error: Some(err.to_string()),
            }
        }
    }
}

/// The content to start with, and what staff should know about it. A broken content folder
/// must not leave the screen blank: the built-in default content stands in until it is fixed.
pub fn initial(source: &ContentSource) -> (Content, Status) {
    match attempt(
        source,
        "showing the built-in default content until it is fixed",
    ) {
        Attempt::Good(content, diagnostics) => {
            log::info!(
                "content loaded from {source}: {} highlights, {} photos, {} contacts",
                content.highlights.len(),
                content.photos.len(),
                content.contacts.entries.len()
            );
            (*content, Status::first(diagnostics, false, None))
        }
        Attempt::Bad {
            diagnostics,
            folder_error,
        } => (defaults(), Status::first(diagnostics, true, folder_error)),
    }
}

/// Loads the content again after a change; puts it on screen only if it is valid. Reloads
/// never overlap: one that is asked for while another runs waits for it.
pub fn reload(app: &AppHandle) {
    let state = app.state::<AppState>();
    let _one_at_a_time = state.reloading();
    match attempt(&state.source, "the last good content stays on screen") {
        Attempt::Good(content, diagnostics) => {
            if let Some(revision) = state.replace(*content, diagnostics) {
                log::info!(
                    "content reloaded from {} (revision {revision})",
                    state.source
                );
                announce(app, revision);
            }
            // Even with the same content a photo file may have been replaced.
            if let Some(photos) = app.try_state::<Photos>() {
                photos.refresh();
            }
        }
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
