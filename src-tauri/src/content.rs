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
/// How often a folder waiting for the rest of a publication is looked at again, in case the
/// file that completes it arrived without a word from the watcher.
const WAITING_RECHECK: Duration = Duration::from_secs(30);
/// After this long with files that still differ from the manifest, they are not on their
/// way: most often a file edited after the folder was published. The folder is then shown
/// as it stands (if it is valid), and staff are told to publish again.
const WAITING_LIMIT: Duration = Duration::from_secs(10 * 60);

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
            // A newer publication began to arrive while the files were read.
            Ok(now) => Attempt::Waiting(now, vec![manifest::MANIFEST_FILE.to_owned()]),
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

/// The folder as it stands, for when a publication is not whole: valid content with a
/// warning that says why it is shown unpublished, or nothing.
fn as_it_stands(
    source: &ContentSource,
    hashes: &Hashes,
    files: &[String],
    why: &str,
) -> Option<Attempt> {
    let ContentSource::Dir(dir) = source else {
        return None;
    };
    let revision = manifest::build(dir, hashes).ok()?.revision;
    let Attempt::Good(content, mut diagnostics, revision) = read(source, revision) else {
        return None;
    };
    diagnostics.push(
        Diagnostic::warning(
            manifest::MANIFEST_FILE,
            format!(
                "{} file(s) differ from the published content ({}); {why}",
                files.len(),
                short_list(files)
            ),
        )
        .hint(
            "if these files were changed after publishing, publish the folder again from the PC \
             where the content is edited: lighthouse-kiosk publish FOLDER",
        ),
    );
    Some(Attempt::Good(content, diagnostics, revision))
}

/// The first few of `files`, and how many more.
pub fn short_list(files: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list = files
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if files.len() > SHOWN {
        list.push_str(&format!(" and {} more", files.len() - SHOWN));
    }
    list
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
        // Nothing better is on screen yet: the folder as it stands beats the built-in content.
        Attempt::Waiting(_, files) => match as_it_stands(
            source,
            hashes,
            &files,
            "showing the folder as it stands until the rest arrives",
        ) {
            Some(Attempt::Good(content, diagnostics, revision)) => {
                log_diagnostics(&diagnostics);
                let mut status = Status::first(diagnostics, false, None, revision);
                status.waiting_for = files;
                (*content, status)
            }
            _ => {
                let mut status = Status::first(Vec::new(), true, None, BUILT_IN.to_owned());
                status.waiting_for = files;
                (defaults(), status)
            }
        },
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
    let mut still_waiting = Vec::new();
    if let Attempt::Waiting(_, files) = &attempt {
        if state.waiting_for_longer_than(WAITING_LIMIT) {
            if let Some(stands) = as_it_stands(
                &state.source,
                &state.hashes,
                files,
                "they have for 10 minutes, so the folder is shown as it stands",
            ) {
                log_attempt(&state.source, &stands, "");
                still_waiting = files.clone();
                attempt = stands;
            }
        }
    }
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
            // Shown as it stands: still not what was published, and staff must hear of it.
            if !still_waiting.is_empty() {
                state.wait_for(still_waiting);
            }
            // Even with the same content a photo file may have been replaced.
            if let Some(photos) = app.try_state::<Photos>() {
                photos.refresh();
            }
        }
        // Nothing to do until the rest arrives: the watcher calls again when it does, and
        // `recheck_while_waiting` in case it does not.
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
