//! Photos for the screen: derivatives made in the background on both cores, then served to
//! the webview through the `photo://` scheme, whose only reach is the derivative cache.

use crate::disk_watch::DiskWatch;
use crate::state::{AppState, StatusChanged};
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{
    prepare_all, wanted, Derivative, Outcome, PhotoCache, PhotoStatus, PhotoView, PHOTO_WORKERS,
};
use lighthouse_core::pipeline::Size;
use lighthouse_core::ContentSource;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError, RwLock};
use std::time::Duration;
use tauri::http::{Request, Response, StatusCode};
use tauri::{AppHandle, Manager};

/// The URI scheme the UI loads photos from: `photo://localhost/<derivative file name>`.
pub const PHOTO_SCHEME: &str = "photo";
/// Where the scheme's pictures are, for the UI.
const PHOTO_URL: &str = "photo://localhost/";
/// How soon a cache that could not be written is looked at again; each look that finds it
/// still unusable doubles the wait, up to the longest.
const CACHE_RETRY_FIRST: Duration = Duration::from_secs(5);
const CACHE_RETRY_LONGEST: Duration = Duration::from_secs(300);

/// The photo side of the running kiosk.
#[derive(Debug)]
pub struct Photos {
    /// Replaced whole when the screen changes size; a pass keeps the one it started with.
    cache: RwLock<PhotoCache>,
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
            .spawn(move || work(&app, &woken))
            .expect("start the photo thread");
        Photos {
            cache: RwLock::new(cache),
            status: Mutex::new(PhotoStatus::default()),
            wake: Mutex::new(wake),
        }
    }

    fn cache(&self) -> PhotoCache {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Makes every photo again for a screen that is now `screen` (a monitor swapped or
    /// rotated while the kiosk runs), so none is shown blurred or needlessly large.
    pub fn screen_changed(&self, screen: Size) {
        let cache = {
            let mut cache = self.cache.write().unwrap_or_else(PoisonError::into_inner);
            *cache = cache.for_screen(screen);
            cache.clone()
        };
        log::info!(
            "photos are made again for a {screen} screen in {}",
            cache.dir().display()
        );
        self.refresh();
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
        respond(&self.cache(), request.uri().path())
    }
}

/// The answer to a request for `path` (`/<derivative file name>`): the picture, 403 for
/// anything that is not a derivative's name or is not a plain file (a link, a folder), 404
/// for a derivative that is not there. Only ever bytes of a derivative file.
fn respond(cache: &PhotoCache, path: &str) -> Response<Vec<u8>> {
    let refuse = |status: StatusCode| {
        Response::builder()
            .status(status)
            .body(Vec::new())
            .unwrap_or_default()
    };
    let Some(file) = cache.file(path.strip_prefix('/').unwrap_or(path)) else {
        return refuse(StatusCode::FORBIDDEN);
    };
    match std::fs::symlink_metadata(&file) {
        Ok(meta) if meta.file_type().is_file() => {}
        Ok(_) => return refuse(StatusCode::FORBIDDEN),
        Err(_) => return refuse(StatusCode::NOT_FOUND),
    }
    match std::fs::read(&file) {
        Ok(bytes) => Response::builder()
            .header("Content-Type", "image/jpeg")
            // A derivative's name changes whenever its picture does.
            .header("Cache-Control", "max-age=31536000, immutable")
            .body(bytes)
            .unwrap_or_default(),
        Err(_) => refuse(StatusCode::NOT_FOUND),
    }
}

/// What the scheme answers while the photo side is not running yet.
pub fn not_ready() -> Response<Vec<u8>> {
    Response::builder()
        .status(StatusCode::SERVICE_UNAVAILABLE)
        .body(Vec::new())
        .unwrap_or_default()
}

/// The photo thread: a pass each time it is woken. While the cache cannot be written, a cheap
/// probe looks again, soon at first and then less and less often (a full disk may stay full),
/// and the photos it failed are made as soon as it can be written.
fn work(app: &AppHandle, woken: &mpsc::Receiver<()>) {
    // How long to wait before probing the cache; None while it works.
    let mut retry: Option<Duration> = None;
    loop {
        match woken.recv_timeout(retry.unwrap_or(Duration::MAX)) {
            Ok(()) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if !app.state::<Photos>().cache().is_writable() {
                    retry = retry.map(|wait| (wait * 2).min(CACHE_RETRY_LONGEST));
                    continue;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        while woken.try_recv().is_ok() {}
        let cache_failed = run_pass(app);
        if cache_failed {
            app.state::<DiskWatch>()
                .failed_at(app.state::<Photos>().cache().dir());
        }
        retry = match (cache_failed, retry) {
            (false, _) => None,
            (true, None) => {
                log::warn!("the photo cache cannot be written; it is tried again by itself");
                Some(CACHE_RETRY_FIRST)
            }
            (true, Some(wait)) => Some((wait * 2).min(CACHE_RETRY_LONGEST)),
        };
    }
}

/// One pass over the current content's photos: cached ones at once, the rest decoded, each
/// announced to the UI as soon as it is ready; then derivatives nothing needs are removed.
/// Returns whether some photo failed because the cache could not be written.
fn run_pass(app: &AppHandle) -> bool {
    let state = app.state::<AppState>();
    let photos = app.state::<Photos>();
    let cache = photos.cache();
    let wanted = match &state.source {
        ContentSource::Dir(dir) => wanted(dir, &state.content()),
        ContentSource::EmbeddedDefaults => Vec::new(),
    };
    // Videos are not made smaller: only their containers are read, here, each pass.
    let (videos_ready, videos_refused) = match &state.source {
        ContentSource::Dir(dir) => {
            crate::videos::probe_all(&crate::videos::wanted(dir, &state.content()))
        }
        ContentSource::EmbeddedDefaults => Default::default(),
    };
    let videos_changed = {
        let mut status = photos.status.lock().unwrap_or_else(PoisonError::into_inner);
        let before = videos_in(&status);
        status
            .ready
            .retain(|name, _| wanted.iter().any(|(n, _)| n == name));
        status.refused.clear();
        status.ready.extend(videos_ready);
        status.refused.extend(videos_refused);
        // Every photo reports once in this pass, ready ones included.
        status.pending = wanted.len();
        // Photos are announced as each is done (below); videos are done here.
        videos_in(&status) != before
    };
    if wanted.is_empty() || videos_changed {
        announce(app);
    }
    if wanted.is_empty() {
        return false;
    }
    let started = std::time::Instant::now();
    let keys = Mutex::new(HashSet::new());
    // Photos decoded in this pass (the rest came from the cache).
    let decoded = Mutex::new(0usize);
    let cache_failed = std::sync::atomic::AtomicBool::new(false);
    prepare_all(&cache, &wanted, PHOTO_WORKERS, &|name, outcome| {
        let mut status = photos.status.lock().unwrap_or_else(PoisonError::into_inner);
        status.pending = status.pending.saturating_sub(1);
        let ready = |derivative: Derivative, status: &mut PhotoStatus| {
            keys.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(derivative.key.clone());
            let view = PhotoView::of(&derivative, PHOTO_URL);
            status.ready.insert(name.to_owned(), view.clone()) != Some(view)
        };
        let changed = match outcome {
            Outcome::Cached(derivative) => ready(derivative, &mut status),
            Outcome::Made(derivative) => {
                *decoded.lock().unwrap_or_else(PoisonError::into_inner) += 1;
                ready(derivative, &mut status)
            }
            Outcome::Refused(reason) => {
                // The cache's trouble is said once for the pass (below), not once a photo.
                if reason.is_cache_problem() {
                    cache_failed.store(true, std::sync::atomic::Ordering::Relaxed);
                } else {
                    log::error!("{PHOTOS_DIR}/{name} {reason}; it is not shown");
                }
                status.refused.insert(name.to_owned(), reason.to_string());
                status.ready.remove(name).is_some()
            }
        };
        drop(status);
        if changed {
            announce(app);
        }
    });
    let removed = cache.remove_unused(&keys.into_inner().unwrap_or_default());
    let status = photos.status();
    log::info!(
        "photos: {} ready, {} refused, {} decoded in {} ms; {removed} unused cache files removed",
        status.ready.len(),
        status.refused.len(),
        decoded.into_inner().unwrap_or(0),
        started.elapsed().as_millis()
    );
    cache_failed.into_inner()
}

/// The videos' part of `status`: each ready one's view, each refused one's reason.
fn videos_in(status: &PhotoStatus) -> Vec<(String, String)> {
    let is_video = |name: &&String| lighthouse_core::video::is_video_name(name);
    let ready = status.ready.iter().filter(|(n, _)| is_video(n));
    let refused = status.refused.iter().filter(|(n, _)| is_video(n));
    ready
        .map(|(n, view)| (n.clone(), format!("{view:?}")))
        .chain(refused.map(|(n, why)| (n.clone(), why.clone())))
        .collect()
}

fn announce(app: &AppHandle) {
    if let Some(status) = app.try_state::<StatusChanged>() {
        status.notify();
    }
    crate::events::photos_changed(app, app.state::<Photos>().status().ready.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use lighthouse_core::pipeline::Size;
    use std::path::Path;

    const DERIVATIVE: &str = "0123456789abcdef.full.1620x1080.jpg";

    /// A cache folder holding one real derivative, beside a secret file outside it.
    fn cache(name: &str) -> (PhotoCache, PathBuf) {
        let root =
            std::env::temp_dir().join(format!("lighthouse-scheme-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("cache")).unwrap();
        std::fs::write(root.join("cache").join(DERIVATIVE), b"JPEG bytes").unwrap();
        std::fs::write(root.join("secret.jpg"), b"outside the cache").unwrap();
        std::fs::write(root.join("cache/settings.json"), b"not a derivative").unwrap();
        (
            PhotoCache::open(root.join("cache"), Size::new(1920, 1080)),
            root,
        )
    }

    fn status_and_body(cache: &PhotoCache, path: &str) -> (u16, usize) {
        let response = respond(cache, path);
        (response.status().as_u16(), response.body().len())
    }

    #[test]
    fn a_derivative_is_served() {
        let (cache, root) = cache("ok");
        let response = respond(&cache, &format!("/{DERIVATIVE}"));
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.body(), b"JPEG bytes");
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn hostile_paths_get_no_bytes() {
        let (cache, root) = cache("hostile");
        let outside = root.join("secret.jpg");
        // A link with a derivative's name, pointing out of the cache.
        let link = "fedcba9876543210.full.1620x1080.jpg";
        std::os::unix::fs::symlink(&outside, cache.dir().join(link)).unwrap();
        // A folder with a derivative's name.
        let folder = "00000000000000aa.thumb.480x320.jpg";
        std::fs::create_dir(cache.dir().join(folder)).unwrap();
        let hostile = [
            "/../secret.jpg".to_owned(),
            "/%2e%2e/secret.jpg".to_owned(),
            "/%2E%2E%2Fsecret.jpg".to_owned(),
            "/..%2fsecret.jpg".to_owned(),
            format!("/{}", outside.display()),
            format!("//{}", outside.display()),
            "/settings.json".to_owned(),
            "/0123456789abcdef.full.1620x1080.jpg/../../secret.jpg".to_owned(),
            "/0123456789abcdef.full.%2e%2e.jpg".to_owned(),
            format!("/{link}"),
            format!("/{folder}"),
            "/".to_owned(),
            String::new(),
        ];
        for path in &hostile {
            let (status, body) = status_and_body(&cache, path);
            assert!(status == 403 || status == 404, "{path:?} got {status}");
            assert_eq!(body, 0, "{path:?} returned bytes");
        }
        assert_eq!(
            status_and_body(&cache, "/0123456789abcde0.full.1x1.jpg"),
            (404, 0),
            "a derivative that is not there"
        );
        assert!(Path::new(&outside).exists());
        std::fs::remove_dir_all(root).unwrap();
    }
}
