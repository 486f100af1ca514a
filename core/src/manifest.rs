//! A published content folder: `lighthouse-kiosk publish` checks the folder, then writes
//! `manifest.json` last, with the size and SHA-256 of every content file. A folder copied to
//! the kiosks file by file (Syncthing, rsync, git) is never whole at once; a kiosk that finds
//! a manifest only takes the content once every file matches it, and until then keeps
//! showing what it showed.
//!
//! The manifest's revision (a short hash of every file's name and hash) is also the content's
//! identity on the fleet view: two screens with the same revision show the same content.

use crate::folder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

use crate::hashes::{hex, Hashes};

pub const MANIFEST_FILE: &str = "manifest.json";

/// One content file as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub size: u64,
    pub sha256: String,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// A short hash of every file's name and hash.
    pub revision: String,
    /// When it was published, as the publishing PC's local time.
    pub published_at: String,
    /// Every content file, by its path in the folder (`photos/2024/a.jpg`).
    pub files: BTreeMap<String, FileEntry>,
}

/// How a folder stands against its manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderState {
    /// No manifest: the folder is taken as it is.
    Unpublished { revision: String },
    /// Every file matches the manifest.
    Complete { revision: String },
    /// Files are still on their way: these do not match yet.
    Waiting {
        revision: String,
        differing: Vec<String>,
    },
    /// The manifest itself cannot be read.
    Damaged { reason: String },
}

/// The manifest of `dir` as it is now.
pub fn build(dir: &Path, hashes: &Hashes) -> std::io::Result<Manifest> {
    let names = folder::content_files(dir);
    // On every core: at the first start, every photo's bytes are read (1,500 camera photos
    // are over a gigabyte), and the window waits for the content.
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let share = names.len().div_ceil(workers).max(1);
    let files = std::thread::scope(|scope| {
        let hashing: Vec<_> = names
            .chunks(share)
            .map(|names| {
                scope.spawn(move || {
                    names
                        .iter()
                        .map(|name| {
                            let (size, sha256) = hashes.of(&dir.join(name))?;
                            Ok((name.clone(), FileEntry { size, sha256 }))
                        })
                        .collect::<std::io::Result<Vec<_>>>()
                })
            })
            .collect();
        hashing
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<std::io::Result<Vec<_>>>()
    })?;
    let files: BTreeMap<String, FileEntry> = files.into_iter().flatten().collect();
    Ok(Manifest {
        revision: revision_of(&files),
        published_at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        files,
    })
}

/// A short, stable name for a set of files: the first 12 hex digits of a SHA-256 over each
/// file's name and hash.
pub fn revision_of(files: &BTreeMap<String, FileEntry>) -> String {
    let mut hasher = Sha256::new();
    for (name, entry) in files {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(entry.sha256.as_bytes());
        hasher.update([0]);
    }
    hex(&hasher.finalize())[..12].to_owned()
}

/// Where `dir` stands against its manifest (if it has one).
pub fn folder_state(dir: &Path, hashes: &Hashes) -> FolderState {
    let manifest = match std::fs::read(dir.join(MANIFEST_FILE)) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return match build(dir, hashes) {
                Ok(manifest) => FolderState::Unpublished {
                    revision: manifest.revision,
                },
                Err(_) => FolderState::Unpublished {
                    revision: String::new(),
                },
            };
        }
        Err(err) => {
            return FolderState::Damaged {
                reason: err.to_string(),
            }
        }
        Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(manifest) => manifest,
            Err(err) => {
                return FolderState::Damaged {
                    reason: err.to_string(),
                }
            }
        },
    };
    // A manifest may come from any PC that shares the folder: it may only name content files.
    if let Some(stranger) = manifest
        .files
        .keys()
        .find(|name| !folder::names_a_content_file(name))
    {
        return FolderState::Damaged {
            reason: format!("it names {stranger:?}, which is not a content file of this folder"),
        };
    }
    // Files the manifest does not list are left out of the judgement: a photo of the next
    // publication that arrived first, or a file a tool left behind, is not shown by this
    // publication's JSON files (which do match) and must not hold the screen back.
    let differing: Vec<String> = manifest
        .files
        .iter()
        .filter(|(name, entry)| {
            hashes.of(&dir.join(name)).map_or(true, |(size, hash)| {
                size != entry.size || hash != entry.sha256
            })
        })
        .map(|(name, _)| name.clone())
        .collect();
    if differing.is_empty() {
        FolderState::Complete {
            revision: manifest.revision,
        }
    } else {
        FolderState::Waiting {
            revision: manifest.revision,
            differing,
        }
    }
}

/// Writes `manifest` into `dir`, whole, by a rename.
pub fn write(dir: &Path, manifest: &Manifest) -> std::io::Result<()> {
    let text = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    crate::atomic::write(&dir.join(MANIFEST_FILE), &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lighthouse-manifest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("photos/2024")).unwrap();
        std::fs::write(dir.join("settings.json"), "{}").unwrap();
        std::fs::write(dir.join("highlights.json"), "{\"highlights\": []}").unwrap();
        std::fs::write(dir.join("photos/2024/a.jpg"), b"picture").unwrap();
        // What sync tools leave around: never content.
        std::fs::write(dir.join("photos/.syncthing.b.jpg.tmp"), b"half").unwrap();
        std::fs::write(dir.join("photos/~syncthing~c.jpg.tmp"), b"half").unwrap();
        dir
    }

    #[test]
    fn a_folder_matches_the_manifest_written_from_it() {
        let dir = folder("matches");
        let hashes = Hashes::default();
        let manifest = build(&dir, &hashes).unwrap();
        assert_eq!(
            manifest.files.keys().collect::<Vec<_>>(),
            ["highlights.json", "photos/2024/a.jpg", "settings.json"]
        );
        write(&dir, &manifest).unwrap();
        assert_eq!(
            folder_state(&dir, &hashes),
            FolderState::Complete {
                revision: manifest.revision.clone()
            }
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_file_not_yet_arrived_or_still_old_keeps_the_folder_waiting() {
        let dir = folder("waiting");
        let hashes = Hashes::default();
        let mut manifest = build(&dir, &hashes).unwrap();
        // The publication has a new photo and a changed highlights.json; neither is here yet.
        manifest.files.insert(
            "photos/new.jpg".into(),
            FileEntry {
                size: 3,
                sha256: "00".into(),
            },
        );
        manifest.files.get_mut("highlights.json").unwrap().sha256 = "ff".into();
        write(&dir, &manifest).unwrap();
        let FolderState::Waiting { differing, .. } = folder_state(&dir, &hashes) else {
            panic!("not waiting");
        };
        assert_eq!(differing, ["highlights.json", "photos/new.jpg"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_file_the_manifest_does_not_list_does_not_hold_the_screen_back() {
        let dir = folder("extra");
        let hashes = Hashes::default();
        let manifest = build(&dir, &hashes).unwrap();
        write(&dir, &manifest).unwrap();
        // The next publication's photo arrives first; Windows adds its thumbnail cache.
        std::fs::write(dir.join("photos/next.jpg"), b"next").unwrap();
        std::fs::write(dir.join("photos/Thumbs.db"), b"cache").unwrap();
        assert_eq!(
            folder_state(&dir, &hashes),
            FolderState::Complete {
                revision: manifest.revision
            }
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_manifest_naming_files_outside_the_content_is_damaged() {
        let dir = folder("outside");
        let hashes = Hashes::default();
        for stranger in [
            "/dev/zero",
            "../secret.json",
            "photos/../../x",
            "photos",
            "notes.txt",
        ] {
            let mut manifest = build(&dir, &hashes).unwrap();
            manifest.files.insert(
                stranger.into(),
                FileEntry {
                    size: 0,
                    sha256: "00".into(),
                },
            );
            write(&dir, &manifest).unwrap();
            assert!(
                matches!(folder_state(&dir, &hashes), FolderState::Damaged { .. }),
                "{stranger} was accepted"
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_revision_names_the_content_and_changes_with_it() {
        let dir = folder("revision");
        let hashes = Hashes::default();
        let before = build(&dir, &hashes).unwrap().revision;
        assert_eq!(before.len(), 12);
        assert_eq!(build(&dir, &hashes).unwrap().revision, before, "stable");
        std::fs::write(dir.join("settings.json"), "{ }").unwrap();
        assert_ne!(build(&dir, &hashes).unwrap().revision, before);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
