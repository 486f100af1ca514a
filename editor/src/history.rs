//! Undo: every save keeps the versions of the files it replaces, and a deleted photo is
//! moved here rather than unlinked. The history is a hidden folder of the content folder
//! (`.history/`), which the kiosk, `check`, `publish` and the watcher ignore, as they ignore
//! every hidden name. It is kept under a size, the oldest saves going first.

use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The history's folder inside the content folder.
pub const HISTORY_DIR: &str = ".history";
/// The history is kept below this many bytes (photos count), the oldest saves going first.
pub const SIZE_CAP: u64 = 500 * 1024 * 1024;
/// Each kept version's record.
const RECORD: &str = "record.json";
/// The photos a record keeps.
const PHOTOS: &str = "photos";

/// What made a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Why {
    /// A save replaced these files.
    Save,
    /// A photo was deleted.
    DeletePhoto,
    /// An undo replaced these files.
    Restore,
}

/// One record: when, why, and what it keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub id: String,
    /// Local time, as 2026-12-03T14:05:09.
    pub at: String,
    pub why: Why,
    pub files: Vec<String>,
    pub photos: Vec<String>,
}

fn root(dir: &Path) -> PathBuf {
    dir.join(HISTORY_DIR)
}

/// Keeps `files` (name, text) and moves `photos` (names in photos/) into a new record;
/// returns its id. The record is written last, so a half-made one is never listed.
pub fn keep(
    dir: &Path,
    why: Why,
    files: &[(String, String)],
    photos: &[String],
) -> io::Result<String> {
    let now = chrono::Local::now();
    let base = now.format("%Y%m%d-%H%M%S-%3f").to_string();
    let mut id = base.clone();
    let mut n = 1;
    while root(dir).join(&id).exists() {
        n += 1;
        id = format!("{base}-{n}");
    }
    let folder = root(dir).join(&id);
    std::fs::create_dir_all(folder.join(PHOTOS))?;
    for (name, text) in files {
        std::fs::write(folder.join(name), text)?;
    }
    for name in photos {
        let from = dir.join(lighthouse_core::model::PHOTOS_DIR).join(name);
        std::fs::rename(&from, folder.join(PHOTOS).join(name))?;
    }
    let record = Record {
        id: id.clone(),
        at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        why,
        files: files.iter().map(|(name, _)| name.clone()).collect(),
        photos: photos.to_vec(),
    };
    let text = serde_json::to_string_pretty(&record).map_err(io::Error::other)?;
    lighthouse_core::atomic::write(&folder.join(RECORD), text.as_bytes())?;
    prune(dir, SIZE_CAP);
    Ok(id)
}

/// Every record, newest first.
pub fn list(dir: &Path) -> Vec<Record> {
    let Ok(entries) = std::fs::read_dir(root(dir)) else {
        return Vec::new();
    };
    let mut records: Vec<Record> = entries
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path().join(RECORD)).ok())
        .filter_map(|text| serde_json::from_str(&text).ok())
        .collect();
    records.sort_by(|a, b| b.id.cmp(&a.id));
    records
}

/// Whether `id` can be a record's name (digits and dashes only: nothing else is looked up).
pub fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// The record `id`, if it is kept.
pub fn find(dir: &Path, id: &str) -> Option<Record> {
    if !is_id(id) {
        return None;
    }
    list(dir).into_iter().find(|record| record.id == id)
}

/// The text a record keeps of `file`.
pub fn kept_text(dir: &Path, record: &Record, file: &str) -> io::Result<String> {
    std::fs::read_to_string(root(dir).join(&record.id).join(file))
}

/// Moves a kept photo back into photos/, unless a photo of that name is there (then it
/// stays kept and `false` is returned).
pub fn bring_back_photo(dir: &Path, record: &Record, name: &str) -> io::Result<bool> {
    let to = dir.join(lighthouse_core::model::PHOTOS_DIR).join(name);
    let from = root(dir).join(&record.id).join(PHOTOS).join(name);
    std::fs::create_dir_all(dir.join(lighthouse_core::model::PHOTOS_DIR))?;
    // A hard link never replaces an existing file: a photo of that name is never lost.
    match std::fs::hard_link(&from, &to) {
        Ok(()) => {
            std::fs::remove_file(&from)?;
            Ok(true)
        }
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(err) => Err(err),
    }
}

/// Removes the oldest records until the history is below `cap` bytes; the newest is kept
/// whatever its size.
fn prune(dir: &Path, cap: u64) {
    let records = list(dir);
    let sizes: Vec<u64> = records
        .iter()
        .map(|record| folder_size(&root(dir).join(&record.id)))
        .collect();
    let mut total: u64 = sizes.iter().sum();
    for (record, size) in records.iter().zip(&sizes).skip(1).rev() {
        if total <= cap {
            break;
        }
        if std::fs::remove_dir_all(root(dir).join(&record.id)).is_ok() {
            total -= size;
        }
    }
}

fn folder_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => folder_size(&entry.path()),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_listed_newest_first_and_the_oldest_go_past_the_cap() {
        let dir = tempdir();
        let big = "x".repeat(1000);
        let first = keep(
            &dir,
            Why::Save,
            &[("highlights.json".into(), big.clone())],
            &[],
        )
        .unwrap();
        let second = keep(
            &dir,
            Why::Save,
            &[("contacts.json".into(), big.clone())],
            &[],
        )
        .unwrap();
        let ids: Vec<_> = list(&dir).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, [second.clone(), first.clone()]);
        prune(&dir, 1500);
        let ids: Vec<_> = list(&dir).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, [second]);
    }

    #[test]
    fn a_deleted_photo_comes_back_but_never_over_another() {
        let dir = tempdir();
        std::fs::create_dir_all(dir.join("photos")).unwrap();
        std::fs::write(dir.join("photos/a.jpg"), "old").unwrap();
        let id = keep(&dir, Why::DeletePhoto, &[], &["a.jpg".into()]).unwrap();
        assert!(!dir.join("photos/a.jpg").exists());
        let record = find(&dir, &id).unwrap();
        std::fs::write(dir.join("photos/a.jpg"), "new").unwrap();
        assert!(!bring_back_photo(&dir, &record, "a.jpg").unwrap());
        assert_eq!(
            std::fs::read_to_string(dir.join("photos/a.jpg")).unwrap(),
            "new"
        );
        std::fs::remove_file(dir.join("photos/a.jpg")).unwrap();
        assert!(bring_back_photo(&dir, &record, "a.jpg").unwrap());
        assert_eq!(
            std::fs::read_to_string(dir.join("photos/a.jpg")).unwrap(),
            "old"
        );
    }

    #[test]
    fn only_plain_ids_are_looked_up() {
        assert!(is_id("20261203-140509-123"));
        for bad in ["", "../x", "a", "1/2", "..", "1\u{0}"] {
            assert!(!is_id(bad), "{bad:?}");
        }
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "lighthouse-history-{}-{}",
            std::process::id(),
            lighthouse_core::door::new_token().unwrap()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
