//! Events the backend sends the UI. Small payloads: the UI asks for the data it needs.

use serde::Serialize;

/// New content is on the backend's side; the UI should fetch it with the `content` command.
pub const CONTENT_CHANGED: &str = "content-changed";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentChanged {
    pub revision: u64,
}

/// More (or fewer) photos are ready; the UI should fetch them with the `photos` command.
pub const PHOTOS_CHANGED: &str = "photos-changed";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotosChanged {
    pub ready: usize,
}
