//! Derivatives on disk, so a photo is decoded once, not at every start.
//!
//! A derivative's file name starts with a key made from the source file's identity (path,
//! size, modification time), the screen size and the pipeline version: a changed photo, a
//! new monitor or a new pipeline gives a new key, and the old files are cleaned away. A warm
//! start therefore only lists the cache folder and stats each photo; it decodes nothing.

use crate::model::Content;
use crate::photos::PhotoError;
use crate::pipeline::{render, Size, PIPELINE_VERSION};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many photos are decoded at once: both cores of the kiosk PC. The slideshow keeps
/// moving meanwhile because WebKit draws in its own processes.
pub const PHOTO_WORKERS: usize = 2;

/// A photo ready to show: the cache file names of its two pictures and their sizes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Derivative {
    pub key: String,
    pub full: String,
    pub full_size: (u32, u32),
    pub thumbnail: String,
    pub thumbnail_size: (u32, u32),
}

/// The derivative cache of one screen size.
#[derive(Debug, Clone)]
pub struct PhotoCache {
    dir: PathBuf,
    screen: Size,
}

/// The photos folder of `content_dir`, resolved to its canonical path once, so every photo
/// path built on it gives the same cache key however the content folder was named.
pub fn photos_folder(content_dir: &Path) -> PathBuf {
    let photos = content_dir.join(crate::model::PHOTOS_DIR);
    photos.canonicalize().unwrap_or(photos)
}

/// What the UI needs to show one photo: where its two pictures are and their sizes; for a
/// video, where it plays from and how long it is (its pictures are empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoView {
    pub full: String,
    pub width: u32,
    pub height: u32,
    pub thumbnail: String,
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video_ms: Option<u64>,
}

impl PhotoView {
    /// The view of `derivative`, whose files the UI finds under `base_url`.
    pub fn of(derivative: &Derivative, base_url: &str) -> PhotoView {
        PhotoView {
            full: format!("{base_url}{}", derivative.full),
            width: derivative.full_size.0,
            height: derivative.full_size.1,
            thumbnail: format!("{base_url}{}", derivative.thumbnail),
            thumbnail_width: derivative.thumbnail_size.0,
            thumbnail_height: derivative.thumbnail_size.1,
            video: None,
            video_ms: None,
        }
    }
}

/// Every photo the content names, by name: ready, refused (with why) or still being made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoStatus {
    pub ready: BTreeMap<String, PhotoView>,
    pub refused: BTreeMap<String, String>,
    pub pending: usize,
}

/// The photos `content` shows (its gallery, then its highlights'), each once, with their
/// files in `content_dir`. The one rule for which photos get derivatives: `prepare` and the
/// running kiosk both use it, so neither cleans away what the other made.
pub fn wanted(content_dir: &Path, content: &Content) -> Vec<(String, PathBuf)> {
    let folder = photos_folder(content_dir);
    let mut seen = HashSet::new();
    content
        .photos
        .iter()
        .map(|photo| photo.file.as_str())
        .chain(
            content
                .highlights
                .iter()
                .flat_map(|h| h.photos.iter().map(String::as_str)),
        )
        // Videos are played from the folder itself, not made smaller (see video.rs).
        .filter(|name| !crate::video::is_video_name(name))
        .filter(|name| seen.insert(name.to_string()))
        .map(|name| (name.to_owned(), folder.join(name)))
        .collect()
}

impl PhotoCache {
    /// Opens (creating) the cache in `dir`. When it cannot be created or written, a folder
    /// in the temporary directory is used instead: a broken cache must never stop photos.
    pub fn open(dir: PathBuf, screen: Size) -> PhotoCache {
        match writable(&dir) {
            Ok(()) => PhotoCache { dir, screen },
            Err(err) => {
                let fallback = private_temp_dir();
                log::warn!(
                    "photo cache {} cannot be used ({err}); using {} instead",
                    dir.display(),
                    fallback.display()
                );
                if let Err(err) = writable(&fallback) {
                    log::error!(
                        "photo cache {} cannot be used either: {err}",
                        fallback.display()
                    );
                }
                PhotoCache {
                    dir: fallback,
                    screen,
                }
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The same folder for a screen of another size (a monitor swapped or rotated): its
    /// keys differ, so every photo is made again at the new size, beside the old pictures
    /// until a pass removes them as unused.
    pub fn for_screen(&self, screen: Size) -> PhotoCache {
        PhotoCache {
            dir: self.dir.clone(),
            screen,
        }
    }

    /// The cache key of the photo at `path` as it is now, from its metadata alone.
    ///
    /// `path` should be canonical (see [`photos_folder`]): the same file reached as
    /// `content/photos/a.jpg` and as `/srv/content/photos/a.jpg` must give one key, or
    /// `prepare` and the kiosk would not share their work. Resolving it here, once per photo,
    /// would double the cost of a warm start.
    pub fn key(&self, path: &Path) -> std::io::Result<String> {
        let meta = std::fs::metadata(path)?;
        let mut hash = Fnv::new();
        hash.write(&PIPELINE_VERSION.to_le_bytes());
        hash.write(path.as_os_str().as_encoded_bytes());
        hash.write(&meta.len().to_le_bytes());
        hash.write(&meta.mtime().to_le_bytes());
        hash.write(&meta.mtime_nsec().to_le_bytes());
        hash.write(&meta.ino().to_le_bytes());
        hash.write(&self.screen.width.to_le_bytes());
        hash.write(&self.screen.height.to_le_bytes());
        Ok(format!("{:016x}", hash.finish()))
    }

    /// What the cache holds now, by key. Read once per pass, not once per photo.
    pub fn listing(&self) -> Listing {
        let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if let Some((key, _)) = name.split_once('.') {
                    by_key.entry(key.to_owned()).or_default().push(name);
                }
            }
        }
        Listing { by_key }
    }

    /// The derivative of the photo at `path` if the cache has it for the file as it is now.
    pub fn lookup(&self, listing: &Listing, path: &Path) -> Option<Derivative> {
        let key = self.key(path).ok()?;
        let names = listing.by_key.get(&key)?;
        let find = |kind: &str| {
            names.iter().find_map(|name| {
                let rest = name.strip_prefix(&format!("{key}.{kind}."))?;
                let size = rest.strip_suffix(".jpg")?.parse::<Size>().ok()?;
                Some((name.clone(), (size.width, size.height)))
            })
        };
        let (full, full_size) = find("full")?;
        let (thumbnail, thumbnail_size) = find("thumb")?;
        Some(Derivative {
            key,
            full,
            full_size,
            thumbnail,
            thumbnail_size,
        })
    }

    /// Decodes the photo at `path` and stores its derivatives.
    pub fn make(&self, path: &Path) -> Result<Derivative, PhotoError> {
        let key = self.key(path)?;
        let rendered = render(path, self.screen)?;
        let full = format!("{key}.full.{}.jpg", rendered.full.size);
        let thumbnail = format!("{key}.thumb.{}.jpg", rendered.thumbnail.size);
        let unwritable = |err: std::io::Error| PhotoError::CacheUnwritable(err.to_string());
        self.store(&full, &rendered.full.jpeg).map_err(unwritable)?;
        self.store(&thumbnail, &rendered.thumbnail.jpeg)
            .map_err(unwritable)?;
        Ok(Derivative {
            key,
            full,
            full_size: (rendered.full.size.width, rendered.full.size.height),
            thumbnail,
            thumbnail_size: (
                rendered.thumbnail.size.width,
                rendered.thumbnail.size.height,
            ),
        })
    }

    /// Writes a derivative whole (see [`crate::atomic`]). A cache folder deleted while the
    /// kiosk runs (a cleaner, a person tidying up) is made again.
    fn store(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(name);
        match crate::atomic::write(&path, bytes) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                crate::atomic::write_making_folder(&path, bytes)
            }
            other => other,
        }
    }

    /// Whether derivatives can be saved in the cache folder now (making it if it is gone).
    pub fn is_writable(&self) -> bool {
        writable(&self.dir).is_ok()
    }

    /// Removes every derivative whose key is not in `keep`; returns how many files went.
    pub fn remove_unused(&self, keep: &HashSet<String>) -> usize {
        let listing = self.listing();
        let mut removed = 0;
        for (key, names) in &listing.by_key {
            if keep.contains(key) || !is_key(key) {
                continue;
            }
            for name in names {
                if std::fs::remove_file(self.dir.join(name)).is_ok() {
                    removed += 1;
                }
            }
        }
        removed
    }

    /// The path of a cache file, if `name` is one of the cache's own derivative names.
    /// Nothing else can be reached through it (no folders, no other files).
    pub fn file(&self, name: &str) -> Option<PathBuf> {
        let (key, rest) = name.split_once('.')?;
        let valid = is_key(key)
            && (rest.starts_with("full.") || rest.starts_with("thumb."))
            && rest.ends_with(".jpg")
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.');
        valid.then(|| self.dir.join(name))
    }
}

/// The cache folder's contents, grouped by key.
#[derive(Debug, Default)]
pub struct Listing {
    by_key: HashMap<String, Vec<String>>,
}

fn is_key(key: &str) -> bool {
    key.len() == 16 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A cache folder of this user's own in the temporary directory: created private (0700),
/// and refused if someone else made it first, since its pictures are served to the screen.
fn private_temp_dir() -> PathBuf {
    use std::os::unix::fs::DirBuilderExt;
    let owner = std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("lighthouse-kiosk-photos-{owner}"));
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
    match std::fs::symlink_metadata(&dir) {
        Ok(meta) if meta.is_dir() && meta.uid() == owner => dir,
        _ => std::env::temp_dir().join(format!(
            "lighthouse-kiosk-photos-{owner}-{}",
            std::process::id()
        )),
    }
}

fn writable(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let probe = dir.join(format!(".probe.{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(probe)
}

/// What happened to one photo in [`prepare_all`].
#[derive(Debug)]
pub enum Outcome {
    /// Its derivatives were already in the cache.
    Cached(Derivative),
    /// It was decoded now.
    Made(Derivative),
    Refused(PhotoError),
}

/// Makes sure every photo in `photos` (`(name, path)`) has its derivatives: those already
/// cached first (no decoding), then the rest on `workers` threads. `report` hears about each
/// photo as soon as it is done, from whichever thread did it.
pub fn prepare_all(
    cache: &PhotoCache,
    photos: &[(String, PathBuf)],
    workers: usize,
    report: &(dyn Fn(&str, Outcome) + Sync),
) {
    let listing = cache.listing();
    let mut missing = Vec::new();
    for (name, path) in photos {
        match cache.lookup(&listing, path) {
            Some(derivative) => report(name, Outcome::Cached(derivative)),
            None => missing.push((name, path)),
        }
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, missing.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, path)) = missing.get(i) else {
                    return;
                };
                // A decoder bug on one odd file must not take the photo worker down with it.
                CATCHING_PANICS.with(|catching| catching.set(true));
                let made =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cache.make(path)))
                        .unwrap_or_else(|_| {
                            Err(PhotoError::Damaged("the decoder failed on it".into()))
                        });
                CATCHING_PANICS.with(|catching| catching.set(false));
                match made {
                    Ok(derivative) => report(name, Outcome::Made(derivative)),
                    Err(err) => report(name, Outcome::Refused(err)),
                }
            });
        }
    });
}

thread_local! {
    /// Set while a photo is decoded: a panic there is caught and the photo refused.
    static CATCHING_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic on this thread now will be caught (and the photo being decoded refused)
/// rather than end the thread: a panic hook can tell a bug from a refused photo.
pub fn panic_is_caught_here() -> bool {
    CATCHING_PANICS.with(std::cell::Cell::get)
}

/// 64-bit FNV-1a: a stable hash (std's hasher may change between Rust releases, and the
/// keys outlive the binary that wrote them).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_derivative_names_reach_a_file() {
        let cache = PhotoCache {
            dir: PathBuf::from("/cache"),
            screen: Size::new(1920, 1080),
        };
        assert_eq!(
            cache.file("0123456789abcdef.full.1620x1080.jpg"),
            Some(PathBuf::from("/cache/0123456789abcdef.full.1620x1080.jpg"))
        );
        assert_eq!(cache.file("../secret.jpg"), None);
        assert_eq!(cache.file("0123456789abcdef.full./../../etc/passwd"), None);
        assert_eq!(cache.file("0123456789abcdef.full.1x1.png"), None);
        assert_eq!(cache.file("settings.json"), None);
    }
}
