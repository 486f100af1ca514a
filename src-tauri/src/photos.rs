//! Photos for the screen: derivatives made in the background on both cores, then served to
//! the webview through the `photo://` scheme, whose only reach is the derivative cache.

use crate::events::{PhotosChanged, PHOTOS_CHANGED};
use crate::state::AppState;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{photos_folder, prepare_all, Derivative, Outcome, PhotoCache};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{Content, ContentSource};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};
use tauri::http::{Request, Response, StatusCode};
use tauri::{AppHandle, Emitter, Manager};

/// The URI scheme the UI loads photos from: `photo://localhost/<derivative file name>`.
pub const PHOTO_SCHEME: &str = "photo";
/// Both cores decode; the UI's own thread is not one of them.
const WORKERS: usize = 2;

/// What the UI needs to show one photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoView {
    pub full: String,
    pub width: u32,
    pub height: u32,
    pub thumbnail: String,
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
}

impl PhotoView {
    fn of(derivative: &Derivative) -> PhotoView {
        PhotoView {
            full: format!("{PHOTO_SCHEME}://localhost/{}", derivative.full),
            width: derivative.full_size.0,
            height: derivative.full_size.1,
            thumbnail: format!("{PHOTO_SCHEME}://localhost/{}", derivative.thumbnail),
            thumbnail_width: derivative.thumbnail_size.0,
            thumbnail_height: derivative.thumbnail_size.1,
        }
    }
}

/// Every photo the content names, by name: ready, refused (with why) or still being made.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoStatus {
    pub ready: BTreeMap<String, PhotoView>,
    pub refused: BTreeMap<String, String>,
    pub pending: usize,
}

/// The photo side of the running kiosk.
#[derive(Debug)]
pub struct Photos {
    cache: PhotoCache,
    status: Mutex<PhotoStatus>,
    /// Asks the worker thread for a new pass; passes asked for while one runs are merged.
    wake: Mutex<mpsc::Sender<()>>,
}

impl Photos {
    /// Starts the photo worker for `screen`-sized derivatives in `cache_dir`.
    pub fn start(app: &AppHandle, cache_dir: PathBuf, screen: Size) -> Photos {
        let cache = PhotoCache::open(cache_dir, screen);
        log::info!(
            "photo cache {} for a {screen} screen",
            cache.dir().display()
        );
        let (wake, woken) = mpsc::channel::<()>();
        let app = app.clone();
        std::thread::Builder::new()
            .name("photos".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    while woken.try_recv().is_ok() {}
                    run_pass(&app);
                }
            })
            .expect("start the photo thread");
        Photos {
            cache,
            status: Mutex::new(PhotoStatus::default()),
            wake: Mutex::new(wake),
        }
    }

    /// Makes sure the photos of the current content are (or will be) ready.
    pub fn refresh(&self) {
        let _ = self
            .wake
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(());
    }

    pub fn status(&self) -> PhotoStatus {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Answers a `photo://` request from the cache, and from nowhere else.
    pub fn serve(&self, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
        let name = request.uri().path().trim_start_matches('/');
        match self.cache.file(name).map(std::fs::read) {
            Some(Ok(bytes)) => Response::builder()
                .header("Content-Type", "image/jpeg")
                // A derivative's name changes whenever its picture does.
                .header("Cache-Control", "max-age=31536000, immutable")
                .body(bytes),
            _ => Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body(Vec::new()),
        }
        .unwrap_or_else(|_| Response::new(Vec::new()))
    }
}

/// The photos `content` names (its gallery and its highlights'), with their files.
fn wanted(source: &ContentSource, content: &Content) -> Vec<(String, PathBuf)> {
    let ContentSource::Dir(dir) = source else {
        return Vec::new();
    };
    let folder = photos_folder(dir);
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
        .filter(|name| seen.insert(name.to_string()))
        .map(|name| (name.to_owned(), folder.join(name)))
        .collect()
}

/// One pass over the current content's photos: cached ones at once, the rest decoded, each
/// announced to the UI as soon as it is ready; then derivatives nothing needs are removed.
fn run_pass(app: &AppHandle) {
    let state = app.state::<AppState>();
    let photos = app.state::<Photos>();
    let wanted = wanted(&state.source, &state.content());
    {
        let mut status = photos.status.lock().unwrap_or_else(PoisonError::into_inner);
        status
            .ready
            .retain(|name, _| wanted.iter().any(|(n, _)| n == name));
        status.refused.clear();
        // Every photo reports once in this pass, ready ones included.
        status.pending = wanted.len();
    }
    if wanted.is_empty() {
        announce(app);
        return;
    }
    let started = std::time::Instant::now();
    let keys = Mutex::new(HashSet::new());
    let made = Mutex::new(0usize);
    prepare_all(&photos.cache, &wanted, WORKERS, &|name, outcome| {
        let mut status = photos.status.lock().unwrap_or_else(PoisonError::into_inner);
        status.pending = status.pending.saturating_sub(1);
        match outcome {
            Outcome::Cached(derivative) | Outcome::Made(derivative) => {
                keys.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(derivative.key.clone());
                if status
                    .ready
                    .insert(name.to_owned(), PhotoView::of(&derivative))
                    .is_none()
                {
                    *made.lock().unwrap_or_else(PoisonError::into_inner) += 1;
                }
            }
            Outcome::Refused(reason) => {
                log::error!("{PHOTOS_DIR}/{name} {reason}; it is not shown");
                status.ready.remove(name);
                status.refused.insert(name.to_owned(), reason.to_string());
            }
        }
        drop(status);
        announce(app);
    });
    let removed = photos
        .cache
        .remove_unused(&keys.into_inner().unwrap_or_default());
    let status = photos.status();
    log::info!(
        "photos: {} ready, {} refused, {} new in {} ms; {removed} unused cache files removed",
        status.ready.len(),
        status.refused.len(),
        made.into_inner().unwrap_or(0),
        started.elapsed().as_millis()
    );
}

fn announce(app: &AppHandle) {
    let ready = app.state::<Photos>().status().ready.len();
    if let Err(err) = app.emit(PHOTOS_CHANGED, PhotosChanged { ready }) {
        log::error!("cannot tell the UI about photos: {err}");
    }
}
