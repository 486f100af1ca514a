//! SHA-256 of the content folder's files, remembered by path, size, modification time and
//! inode, so an unchanged photo is read once: not at every reload, and, when the kiosk keeps
//! them in a file, not at every start either. Reading every byte of 1,500 camera photos takes
//! seconds after a reboot (the disk cache is cold), and the content's revision needs them.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The file's hashes are kept in, in the kiosk's cache folder.
pub const HASHES_FILE: &str = "content-hashes.json";

#[derive(Debug, Default)]
pub struct Hashes {
    known: Mutex<HashMap<PathBuf, Known>>,
    /// Where they are kept between runs, if anywhere.
    file: Option<PathBuf>,
    /// Whether `known` holds anything `file` does not.
    changed: AtomicBool,
}

/// A file as it was when it was hashed, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    size: u64,
    mtime: i64,
    mtime_nsec: i64,
    inode: u64,
    sha256: String,
}

impl Known {
    fn matches(&self, meta: &std::fs::Metadata) -> bool {
        (self.size, self.mtime, self.mtime_nsec, self.inode)
            == (meta.len(), meta.mtime(), meta.mtime_nsec(), meta.ino())
    }
}

impl Hashes {
    /// Hashes kept in `file` from earlier runs (none if it is missing or unreadable: they are
    /// only ever a shortcut), kept there again by [`Hashes::save`].
    pub fn kept_in(file: PathBuf) -> Hashes {
        let known = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Hashes {
            known: Mutex::new(known),
            file: Some(file),
            changed: AtomicBool::new(false),
        }
    }

    /// The size and SHA-256 of the file at `path` as it is now.
    pub fn of(&self, path: &Path) -> std::io::Result<(u64, String)> {
        let meta = std::fs::metadata(path)?;
        if let Some(known) = self.known().get(path) {
            if known.matches(&meta) {
                return Ok((meta.len(), known.sha256.clone()));
            }
        }
        // Not under the lock: other files are hashed meanwhile.
        let sha256 = sha256_of(path)?;
        let known = Known {
            size: meta.len(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
            inode: meta.ino(),
            sha256: sha256.clone(),
        };
        self.known().insert(path.to_owned(), known);
        self.changed.store(true, Ordering::Relaxed);
        Ok((meta.len(), sha256))
    }

    /// Writes the hashes to their file if any are new, leaving out files that are gone.
    pub fn save(&self) {
        let Some(file) = &self.file else { return };
        if !self.changed.swap(false, Ordering::Relaxed) {
            return;
        }
        let bytes = {
            let mut known = self.known();
            known.retain(|path, _| path.exists());
            serde_json::to_vec(&*known).expect("hashes serialise")
        };
        if let Err(err) = crate::atomic::write_making_folder(file, &bytes) {
            // Only a shortcut: the next start reads the photos again.
            log::warn!(
                "could not keep the content's hashes in {}: {err}",
                file.display()
            );
            self.changed.store(true, Ordering::Relaxed);
        }
    }

    fn known(&self) -> MutexGuard<'_, HashMap<PathBuf, Known>> {
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Bytes as lowercase hexadecimal digits.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 256 * 1024];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hex(&hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lighthouse-hashes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn hashes_kept_in_a_file_are_trusted_only_for_the_same_file() {
        let dir = folder("kept");
        let photo = dir.join("a.jpg");
        std::fs::write(&photo, b"picture").unwrap();
        let store = dir.join("cache").join(HASHES_FILE);
        let first = Hashes::kept_in(store.clone());
        let (_, hash) = first.of(&photo).unwrap();
        first.save();

        // A second run that finds a different hash in the file uses it: it did not read the
        // photo again.
        let mut kept: HashMap<PathBuf, Known> =
            serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
        kept.get_mut(&photo).unwrap().sha256 = "remembered".to_owned();
        std::fs::write(&store, serde_json::to_vec(&kept).unwrap()).unwrap();
        assert_eq!(
            Hashes::kept_in(store.clone()).of(&photo).unwrap().1,
            "remembered"
        );

        // A photo replaced by another (a new file, a new inode) is read again.
        std::fs::write(dir.join("b.jpg"), b"another picture").unwrap();
        std::fs::rename(dir.join("b.jpg"), &photo).unwrap();
        let again = Hashes::kept_in(store.clone());
        let (size, new_hash) = again.of(&photo).unwrap();
        assert_eq!(size, 15);
        assert_ne!(new_hash, hash);
        assert_ne!(new_hash, "remembered");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_deleted_file_leaves_the_kept_hashes_and_a_damaged_file_is_read_as_none() {
        let dir = folder("pruned");
        let store = dir.join(HASHES_FILE);
        let hashes = Hashes::kept_in(store.clone());
        for name in ["a.jpg", "b.jpg"] {
            std::fs::write(dir.join(name), name).unwrap();
            hashes.of(&dir.join(name)).unwrap();
        }
        hashes.save();
        std::fs::remove_file(dir.join("a.jpg")).unwrap();
        std::fs::write(dir.join("c.jpg"), b"c").unwrap();
        hashes.of(&dir.join("c.jpg")).unwrap();
        hashes.save();
        let kept: HashMap<PathBuf, Known> =
            serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
        let mut names: Vec<_> = kept.keys().filter_map(|p| p.file_name()).collect();
        names.sort();
        assert_eq!(names, ["b.jpg", "c.jpg"]);

        std::fs::write(&store, b"{ not json").unwrap();
        let fresh = Hashes::kept_in(store);
        assert!(fresh.known().is_empty());
        assert!(fresh.of(&dir.join("b.jpg")).is_ok());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
