//! Which files of a content folder are content. The watcher, the photo scan and the
//! manifest all ask here, so a file that one of them ignores is ignored by all.

use crate::model::{CONTENT_FILES, PHOTOS_DIR};
use std::path::{Component, Path};

/// Where each screen writes its status in a shared folder (read by `fleet`); not content.
pub const STATUS_DIR: &str = "status";

/// File and folder names that are never content: editors' swap, backup and lock files, vim's
/// write test, and what Syncthing keeps while it copies (`.syncthing.*.tmp`,
/// `~syncthing~*.tmp`, `.stfolder`, `.stversions`) or keeps of two edits made at once on two
/// PCs (`*.sync-conflict-*`, the losing side). Hidden names are never content.
pub fn is_not_content(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~syncthing~")
        || name.contains(".sync-conflict-")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name == "4913"
}

/// Whether `path`, in the content folder `dir`, may be content: nothing under `status/`,
/// and no part of it a name that is never content.
pub fn may_be_content(dir: &Path, path: &Path) -> bool {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    if relative.starts_with(STATUS_DIR) {
        return false;
    }
    !relative
        .components()
        .any(|c| is_not_content(&c.as_os_str().to_string_lossy()))
}

/// Whether `name` (a path written in a manifest) is one of the JSON files or a file under
/// photos/, with no way out of the folder (no absolute path, no "..").
pub fn names_a_content_file(name: &str) -> bool {
    if CONTENT_FILES.contains(&name) {
        return true;
    }
    let path = Path::new(name);
    path.starts_with(PHOTOS_DIR)
        && path.components().count() > 1
        && path
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
}

/// The content files of `dir`, by path: the JSON files that are there, and every file under
/// photos/ (not the sync tools' own files).
pub fn content_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = CONTENT_FILES
        .iter()
        .filter(|name| dir.join(name).is_file())
        .map(|name| (*name).to_owned())
        .collect();
    let mut stack = vec![dir.join(PHOTOS_DIR)];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_not_content(&name) {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => stack.push(path),
                Ok(kind) if kind.is_file() => {
                    if let Ok(relative) = path.strip_prefix(dir) {
                        files.push(relative.to_string_lossy().into_owned());
                    }
                }
                _ => {}
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_files_sync_leftovers_and_status_are_not_content() {
        let dir = Path::new("/c");
        for path in [
            "/c/.highlights.json.swp",
            "/c/highlights.json~",
            "/c/4913",
            "/c/photos/.syncthing.a.jpg.tmp",
            "/c/photos/~syncthing~a.jpg.tmp",
            "/c/photos/a.sync-conflict-20261128-101500-ABCDEFG.jpg",
            "/c/.stfolder",
            "/c/.stversions/highlights~20261128.json",
            "/c/status/lobby.json",
        ] {
            assert!(!may_be_content(dir, Path::new(path)), "{path}");
        }
        for path in [
            "/c/highlights.json",
            "/c/photos/a.jpg",
            "/c/manifest.json",
            "/c",
        ] {
            assert!(may_be_content(dir, Path::new(path)), "{path}");
        }
    }

    #[test]
    fn a_manifest_names_only_files_inside_the_folder() {
        assert!(names_a_content_file("settings.json"));
        assert!(names_a_content_file("photos/2024/a.jpg"));
        for outside in ["photos", "photos/../etc/passwd", "/etc/passwd", "notes.txt"] {
            assert!(!names_a_content_file(outside), "{outside}");
        }
    }
}
