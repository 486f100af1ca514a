//! Loading the content at start and after every change, always keeping good content on
//! screen: new content replaces the old only when it is valid.

use crate::events::{ContentChanged, CONTENT_CHANGED};
use crate::photos::Photos;
use crate::state::{AppState, Status};
use lighthouse_core::watch::FolderWatcher;
use lighthouse_core::{load_embedded_defaults, today, Content, ContentSource, Diagnostic};
use tauri::{AppHandle, Emitter, Manager};

/// The content to start with, and what staff should know about it. A broken content folder
/// must not leave the screen blank: the built-in default content stands in until it is fixed.
pub fn initial(source: &ContentSource) -> (Content, Status) {
    match source.load(today()) {
        Ok(report) => {
            log_diagnostics(&report.diagnostics);
            match report.content {
                Some(content) => {
                    log::info!(
                        "content loaded from {source}: {} highlights, {} photos, {} contacts",
                        content.highlights.len(),
                        content.photos.len(),
                        content.contacts.entries.len()
                    );
                    (content, Status::first(report.diagnostics, false, None))
                }
                None => {
                    log::error!(
                        "content in {source} has {} error(s); showing the built-in default content until they are fixed",
                        report.errors()
                    );
                    (defaults(), Status::first(report.diagnostics, true, None))
                }
            }
        }
        Err(err) => {
            log::error!("{err}; showing the built-in default content until it is there");
            (
                defaults(),
                Status::first(Vec::new(), true, Some(err.to_string())),
            )
        }
    }
}

/// Loads the content again after a change; puts it on screen only if it is valid.
pub fn reload(app: &AppHandle) {
    let state = app.state::<AppState>();
    match state.source.load(today()) {
        Ok(report) => {
            log_diagnostics(&report.diagnostics);
            match report.content {
                Some(content) => {
                    if let Some(revision) = state.replace(content, report.diagnostics) {
                        log::info!(
                            "content reloaded from {} (revision {revision})",
                            state.source
                        );
                        if let Err(err) = app.emit(CONTENT_CHANGED, ContentChanged { revision }) {
                            log::error!("cannot tell the UI about new content: {err}");
                        }
                    }
                    // Even with the same content a photo file may have been replaced.
                    if let Some(photos) = app.try_state::<Photos>() {
                        photos.refresh();
                    }
                }
                None => {
                    log::error!(
                        "content in {} has {} error(s); the last good content stays on screen",
                        state.source,
                        report.errors()
                    );
                    state.keep_older(report.diagnostics, None);
                }
            }
        }
        Err(err) => {
            log::error!("{err}; the last good content stays on screen");
            state.keep_older(Vec::new(), Some(err.to_string()));
        }
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
