//! What the running kiosk knows, shared by the commands, the content watcher and the
//! status writer.

use lighthouse_core::hashes::Hashes;
use lighthouse_core::reload::PublicationWait;
use lighthouse_core::status::{now_ms, Shown, ShownFrom};
use lighthouse_core::ValidAlone;
use lighthouse_core::{Content, ContentSource, Diagnostic};
use serde::Serialize;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

#[derive(Debug)]
pub struct AppState {
    /// Where the content comes from.
    pub source: ContentSource,
    /// The content on screen. Replaced whole, so a reader never sees half an update.
    content: RwLock<Arc<Content>>,
    /// What staff need to know about the last attempt to load the content.
    status: Mutex<LoadStatus>,
    /// When the process started, for the start-up time logged at the first painted slide.
    pub started: Instant,
    /// Held while the content is loaded again, so two reloads never race.
    reload: Mutex<()>,
    /// The content files' hashes, remembered between reloads (see manifest.rs).
    pub hashes: Hashes,
    /// Since when the folder has been waiting for the rest of a publication.
    waiting: Mutex<PublicationWait>,
}

/// Whether the content is loaded. The window opens while it loads; the page's first ask
/// for the content waits here, and everything that works on it starts before it opens.
#[derive(Debug)]
pub struct ContentReady(tokio::sync::watch::Sender<bool>);

impl Default for ContentReady {
    fn default() -> Self {
        ContentReady(tokio::sync::watch::Sender::new(false))
    }
}

impl ContentReady {
    pub fn open(&self) {
        self.0.send_replace(true);
    }

    pub async fn wait(&self) {
        // The sender lives as long as the app, so the wait ends only when it opens.
        let _ = self.0.subscribe().wait_for(|ready| *ready).await;
    }
}

/// This screen, among the screens sharing a content folder.
#[derive(Debug, Clone)]
pub struct ThisScreen {
    pub name: String,
    pub settings: lighthouse_core::screen::ScreenSettings,
}

/// Something the status file tells changed (content reloaded, photos ready, a restart):
/// the status writer is woken to write it at once.
#[derive(Debug, Default)]
pub struct StatusChanged(Notify);

impl StatusChanged {
    pub fn notify(&self) {
        self.0.notify_one();
    }

    pub async fn notified(&self) {
        self.0.notified().await;
    }
}

/// The outcome of the latest load, for the log and for staff.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadStatus {
    /// Increases by one each time new content goes on screen.
    pub revision: u64,
    /// Milliseconds since 1970 of the latest load attempt.
    pub checked_at_ms: u64,
    /// True when the latest attempt failed and older content is still on screen.
    pub showing_older_content: bool,
    /// Everything the latest attempt found (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// Set when the folder itself could not be read.
    pub folder_error: Option<String>,
    /// What content is on screen, the same on every screen that shows it: the published
    /// revision, or for an unpublished folder the same hash of its files.
    pub content_revision: String,
    /// Where the content on screen comes from, and when it was accepted.
    pub shown: Shown,
    /// Files of a publication still on their way (the content on screen stays until they
    /// all match the manifest).
    pub waiting_for: Vec<String>,
}

impl AppState {
    /// `hashes`: those the first load computed, so no file is hashed twice at start.
    pub fn new(
        source: ContentSource,
        content: Content,
        status: LoadStatus,
        started: Instant,
        hashes: Hashes,
    ) -> Self {
        let mut waiting = PublicationWait::default();
        if !status.waiting_for.is_empty() {
            waiting.note(Instant::now());
        }
        AppState {
            source,
            content: RwLock::new(Arc::new(content)),
            status: Mutex::new(status),
            started,
            reload: Mutex::new(()),
            hashes,
            waiting: Mutex::new(waiting),
        }
    }

    /// Waits until no other reload runs; the reload lasts as long as the guard.
    pub fn reloading(&self) -> std::sync::MutexGuard<'_, ()> {
        self.reload.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn content(&self) -> Arc<Content> {
        // A poisoned lock still holds whole content: it is only ever replaced in one step.
        Arc::clone(&self.content.read().unwrap_or_else(PoisonError::into_inner))
    }

    pub fn status(&self) -> LoadStatus {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Puts `content` (from the folder, as `content_revision`) on screen unless it is what is
    /// already there; returns the new revision when it changed.
    pub fn replace(
        &self,
        content: Content,
        diagnostics: Vec<Diagnostic>,
        content_revision: String,
    ) -> Option<u64> {
        let changed = self.swap(content);
        self.stop_waiting();
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        if changed {
            status.revision += 1;
        }
        *status = LoadStatus {
            revision: status.revision,
            checked_at_ms: now_ms(),
            showing_older_content: false,
            diagnostics,
            folder_error: None,
            shown: if changed || status.shown.from != ShownFrom::Folder {
                Shown {
                    from: ShownFrom::Folder,
                    accepted_at_ms: Some(now_ms()),
                }
            } else {
                status.shown.clone()
            },
            content_revision,
            waiting_for: Vec::new(),
        };
        changed.then_some(status.revision)
    }

    /// Follows the settings and notice of a folder whose other files have errors: the
    /// content on screen stays, with these. Returns the new revision when they changed.
    pub fn follow(&self, alone: ValidAlone) -> Option<u64> {
        let mut content = Content::clone(&self.content());
        alone.put_into(&mut content);
        if !self.swap(content) {
            return None;
        }
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        status.revision += 1;
        Some(status.revision)
    }

    /// Puts `content` on screen unless it is what is there; whether it changed.
    fn swap(&self, content: Content) -> bool {
        let mut current = self.content.write().unwrap_or_else(PoisonError::into_inner);
        let changed = **current != content;
        if changed {
            *current = Arc::new(content);
        }
        changed
    }

    /// Records a failed load; the content on screen stays.
    pub fn keep_older(&self, diagnostics: Vec<Diagnostic>, folder_error: Option<String>) {
        self.stop_waiting();
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        *status = LoadStatus {
            revision: status.revision,
            checked_at_ms: now_ms(),
            showing_older_content: true,
            diagnostics,
            folder_error,
            content_revision: status.content_revision.clone(),
            shown: status.shown.clone(),
            waiting_for: Vec::new(),
        };
    }

    /// Records at `now` that a publication is still arriving; the content on screen stays,
    /// and this is not a mistake of anybody's (yet: see `waiting_for`).
    pub fn wait_for(&self, files: Vec<String>, now: Instant) {
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        status.checked_at_ms = now_ms();
        status.waiting_for = files;
        self.waiting().note(now);
    }

    /// How long, at `now`, the folder has been waiting for the rest of a publication
    /// without a break, if it is.
    pub fn waiting_for(&self, now: Instant) -> Option<Duration> {
        self.waiting().length(now)
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, PublicationWait> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn stop_waiting(&self) {
        self.waiting().end();
    }
}

impl LoadStatus {
    /// The status at start: `shown` (as `content_revision`) is on screen; the folder's own
    /// `diagnostics` and `folder_error` are what staff need to hear about.
    pub fn first(
        diagnostics: Vec<Diagnostic>,
        folder_error: Option<String>,
        content_revision: String,
        shown: Shown,
    ) -> Self {
        LoadStatus {
            revision: 1,
            checked_at_ms: now_ms(),
            showing_older_content: diagnostics.iter().any(Diagnostic::is_error)
                || folder_error.is_some(),
            diagnostics,
            folder_error,
            content_revision,
            shown,
            waiting_for: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lighthouse_core::{load_embedded_defaults, today};

    fn state() -> (AppState, Content) {
        let content = load_embedded_defaults(today()).content.unwrap();
        let state = AppState::new(
            ContentSource::EmbeddedDefaults,
            content.clone(),
            LoadStatus::first(Vec::new(), None, String::new(), Shown::default()),
            Instant::now(),
            Hashes::default(),
        );
        (state, content)
    }

    #[test]
    fn the_same_content_again_is_not_a_change() {
        let (state, content) = state();
        assert_eq!(state.replace(content, Vec::new(), String::new()), None);
        assert_eq!(state.status().revision, 1);
    }

    #[test]
    fn new_content_goes_on_screen_with_the_next_revision() {
        let (state, mut content) = state();
        content.settings.slide_seconds += 1;
        assert_eq!(
            state.replace(content.clone(), Vec::new(), String::new()),
            Some(2)
        );
        assert_eq!(*state.content(), content);
    }

    #[test]
    fn a_failed_load_keeps_the_content_and_says_so() {
        let (state, content) = state();
        let broken = lighthouse_core::messages::Words::same("broken");
        state.keep_older(vec![Diagnostic::error("settings.json", broken)], None);
        assert_eq!(*state.content(), content);
        let status = state.status();
        assert!(status.showing_older_content);
        assert_eq!(status.diagnostics.len(), 1);
        assert_eq!(status.revision, 1);
    }

    #[test]
    fn waiting_lasts_from_the_first_wait_until_content_is_taken_or_refused() {
        let (state, content) = state();
        let start = Instant::now();
        let minute = Duration::from_secs(60);
        assert_eq!(state.waiting_for(start), None, "not waiting yet");
        state.wait_for(vec!["photos/a.jpg".into()], start);
        state.wait_for(vec!["photos/a.jpg".into()], start + minute);
        assert_eq!(
            state.waiting_for(start + 2 * minute),
            Some(2 * minute),
            "a second wait neither starts the clock again nor moves it on"
        );
        state.replace(content, Vec::new(), String::new());
        assert_eq!(state.waiting_for(start + 3 * minute), None, "taken");
        state.wait_for(vec!["photos/a.jpg".into()], start);
        state.keep_older(Vec::new(), Some("gone".into()));
        assert_eq!(state.waiting_for(start + minute), None, "refused");
    }
}
