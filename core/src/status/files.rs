//! Where statuses are kept: the kiosk's own file, and each screen's copy in a shared
//! folder's status/ folder.

use super::Status;
use crate::folder::STATUS_DIR;
use std::path::Path;

/// Writes `status` to `path`, whole (see [`crate::atomic`]).
pub fn write(path: &Path, status: &Status) -> std::io::Result<()> {
    let text = serde_json::to_vec_pretty(status).map_err(std::io::Error::other)?;
    crate::atomic::write_making_folder(path, &text)
}

/// Writes `status` as the screen's file in the shared folder's status/ folder.
/// Never creates the shared folder itself: while it is missing (deleted, or a share not yet
/// mounted), making an empty one would stand in the way of the real one coming back.
pub fn write_fleet(content_dir: &Path, status: &Status) -> std::io::Result<()> {
    if !content_dir.is_dir() {
        return Ok(());
    }
    let path = content_dir
        .join(STATUS_DIR)
        .join(format!("{}.json", status.screen));
    write(&path, status)
}

/// Where the picture of `screen` is kept in the shared folder `content_dir`.
pub fn picture_path(content_dir: &Path, screen: &str) -> std::path::PathBuf {
    content_dir.join(STATUS_DIR).join(format!("{screen}.jpg"))
}

/// Every screen's status in the shared folder, by name.
pub fn read_fleet(content_dir: &Path) -> Vec<(String, Result<Status, String>)> {
    let Ok(entries) = std::fs::read_dir(content_dir.join(STATUS_DIR)) else {
        return Vec::new();
    };
    let mut screens: Vec<_> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let screen = name.strip_suffix(".json")?.to_owned();
            if screen.starts_with('.') {
                return None;
            }
            Some((screen, read(&entry.path())?))
        })
        .collect();
    screens.sort_by(|a, b| a.0.cmp(&b.0));
    screens
}

/// Reads the status file; `None` when there is none.
pub fn read(path: &Path) -> Option<Result<Status, String>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(serde_json::from_slice(&bytes).map_err(|e| e.to_string())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => Some(Err(err.to_string())),
    }
}
