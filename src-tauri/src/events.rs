//! Events the backend sends the UI, and their names: the UI listens for exactly these
//! (`ui/js/platform.js`; a test holds the two lists equal). Small payloads: the UI then asks
//! for the data it needs.

use lighthouse_core::model::Changed;
use serde::Serialize;
use tauri::{AppHandle, Emitter};

/// New content is on the backend's side; the UI fetches it with the `content` command.
pub const CONTENT_CHANGED: &str = "content-changed";
/// More (or fewer) photos are ready; the UI fetches them with the `photos` command.
pub const PHOTOS_CHANGED: &str = "photos-changed";
/// The building opened or closed (or its hours changed); the payload is the `Opening`.
pub const SCHEDULE_CHANGED: &str = "schedule-changed";

/// Every event name, for the test that holds the UI to them.
#[cfg(test)]
const ALL: [&str; 3] = [CONTENT_CHANGED, PHOTOS_CHANGED, SCHEDULE_CHANGED];

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ContentChanged {
    revision: u64,
    /// The item the new content adds or changes first, for the screen to show at once.
    changed: Option<Changed>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhotosChanged {
    ready: usize,
}

/// Tells the UI to fetch the content again: it changed (`changed`: the first item it adds
/// or changes, if any), or the day did (and with it the highlights shown).
pub fn content_changed(app: &AppHandle, revision: u64, changed: Option<Changed>) {
    send(app, CONTENT_CHANGED, ContentChanged { revision, changed });
}

pub fn photos_changed(app: &AppHandle, ready: usize) {
    send(app, PHOTOS_CHANGED, PhotosChanged { ready });
}

/// Sends `event` with `payload`; a failure is logged (the UI asks again at its next change).
pub fn send(app: &AppHandle, event: &str, payload: impl Serialize + Clone) {
    if let Err(err) = app.emit(event, payload) {
        log::error!("cannot send {event} to the UI: {err}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_listens_for_every_event_by_the_same_name_and_for_no_other() {
        let platform = include_str!("../../ui/js/platform.js");
        let listened: Vec<&str> = platform
            .lines()
            .filter_map(|line| line.trim().strip_prefix("const EVENT_"))
            .filter_map(|rest| rest.split('\'').nth(1))
            .collect();
        let mut sent = ALL.to_vec();
        sent.sort_unstable();
        let mut listened_sorted = listened.clone();
        listened_sorted.sort_unstable();
        assert_eq!(listened_sorted, sent, "platform.js: {listened:?}");
    }
}
