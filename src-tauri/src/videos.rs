//! Videos for the screen: played by WebKit straight from the content's photos folder
//! through the `video://` scheme, in byte ranges (WebKit's player seeks and reads a video a
//! piece at a time), never a whole large file at once; and what the page says about a
//! video it had to skip, for the log and the status.

use lighthouse_core::model::{Content, PHOTOS_DIR};
use lighthouse_core::photo_cache::{photos_folder, PhotoView};
use lighthouse_core::photos::reference_problem;
use lighthouse_core::video::{self, is_video_name, VideoInfo};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tauri::http::{header, Request, Response, StatusCode};

/// The URI scheme the UI plays videos from: `video://localhost/<name in photos/>`.
pub const VIDEO_SCHEME: &str = "video";
const VIDEO_URL: &str = "video://localhost/";
/// The most bytes one answer carries (4 MiB): a long video is read as WebKit plays it.
const CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// The videos `content` shows (photos.json's, each once), with their files in `content_dir`.
pub fn wanted(content_dir: &Path, content: &Content) -> Vec<(String, PathBuf)> {
    let folder = photos_folder(content_dir);
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for photo in &content.photos {
        let name = photo.file.as_str();
        if is_video_name(name) && !found.iter().any(|(n, _)| n == name) {
            found.push((name.to_owned(), folder.join(name)));
        }
    }
    found
}

/// What the UI needs to play `name` (whose file is `path`): where it is, its picture's
/// size and its length. The address names the file's version (its size and time), so a
/// video replaced under the same name is read again, not taken from what the page kept.
pub fn view(name: &str, path: &Path, info: &VideoInfo) -> PhotoView {
    let version = std::fs::metadata(path)
        .map(|meta| {
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_millis());
            format!("{}-{modified}", meta.len())
        })
        .unwrap_or_default();
    PhotoView {
        full: String::new(),
        width: info.width,
        height: info.height,
        thumbnail: String::new(),
        thumbnail_width: 0,
        thumbnail_height: 0,
        video: Some(format!("{VIDEO_URL}{}?v={version}", url_path(name))),
        video_ms: Some((info.seconds * 1000.0).round() as u64),
    }
}

/// `name` with every byte but letters, digits and `-._~/` written as `%XX`.
fn url_path(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `%XX`-decoded path; None when it is not UTF-8 or a `%` is not followed by two hex digits.
fn decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether the kiosk's WebKit can play each kind of video here: the GStreamer plugins it
/// needs, found where Debian and Ubuntu install them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Decoders {
    pub present: Vec<String>,
    pub missing: Vec<String>,
}

/// The plugins each kind of video needs (any one of a group will do).
const NEEDED: [(&str, &[&str]); 4] = [
    ("MP4", &["libgstisomp4.so"]),
    ("H.264", &["libgstlibav.so", "libgstopenh264.so"]),
    ("WebM", &["libgstmatroska.so"]),
    ("VP8/VP9", &["libgstvpx.so", "libgstlibav.so"]),
];

pub fn decoders() -> Decoders {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("gstreamer-1.0"))
        .collect();
    dirs.push(PathBuf::from("/usr/lib/gstreamer-1.0"));
    let (mut present, mut missing) = (Vec::new(), Vec::new());
    for (what, files) in NEEDED {
        let found = files
            .iter()
            .any(|file| dirs.iter().any(|dir| dir.join(file).is_file()));
        if found { &mut present } else { &mut missing }.push(what.to_owned());
    }
    Decoders { present, missing }
}

/// Videos the page had to skip (stalled, or could not be decoded) since the kiosk started.
#[derive(Debug, Default)]
pub struct Skips(Mutex<SkipCount>);

#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SkipCount {
    pub skipped: u64,
    /// The last skipped file of each name, with why (`stalled`, `error`).
    pub files: BTreeMap<String, String>,
}

impl Skips {
    /// The page skipped `file` because of `why`; logged with its name.
    pub fn skipped(&self, file: &str, why: &str) {
        log::warn!("{PHOTOS_DIR}/{file}: the video was skipped ({why})");
        let mut count = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        count.skipped += 1;
        count.files.insert(file.to_owned(), why.to_owned());
    }

    /// New content: what was skipped gets another chance, and the status forgets it.
    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = SkipCount::default();
    }

    pub fn count(&self) -> SkipCount {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// Answers a `video://` request for a video inside `content_dir`'s photos folder, and
/// nothing else: 403 for a name that is not a video's or leaves the folder (a link out of
/// it included), 404 for one that is not there, 416 for a range past its end.
pub fn serve(content_dir: &Path, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let headers = request.headers();
    // The page reads videos with fetch (a cross-origin request from its own scheme): only
    // the kiosk's page may, and only to read.
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    if origin != Some(PAGE_ORIGIN) {
        return refuse(StatusCode::FORBIDDEN);
    }
    let mut answer = match *request.method() {
        tauri::http::Method::OPTIONS => Response::builder()
            .status(StatusCode::NO_CONTENT)
            .header(header::ACCESS_CONTROL_ALLOW_METHODS, "GET")
            .header(header::ACCESS_CONTROL_ALLOW_HEADERS, "Range")
            .body(Vec::new())
            .unwrap_or_default(),
        tauri::http::Method::GET | tauri::http::Method::HEAD => {
            let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
            let mut answer = respond(content_dir, request.uri().path(), range, CHUNK_BYTES);
            if request.method() == tauri::http::Method::HEAD {
                answer.body_mut().clear();
            }
            answer
        }
        _ => refuse(StatusCode::METHOD_NOT_ALLOWED),
    };
    let cors = answer.headers_mut();
    cors.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::HeaderValue::from_static(PAGE_ORIGIN),
    );
    cors.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        header::HeaderValue::from_static("Content-Range, Accept-Ranges"),
    );
    answer
}

/// Where the kiosk's page comes from (Tauri's own scheme on Linux).
const PAGE_ORIGIN: &str = "tauri://localhost";

fn refuse(status: StatusCode) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .body(Vec::new())
        .unwrap_or_default()
}

fn respond(content_dir: &Path, path: &str, range: Option<&str>, chunk: u64) -> Response<Vec<u8>> {
    let Some(name) = decoded(path.strip_prefix('/').unwrap_or(path)) else {
        return refuse(StatusCode::FORBIDDEN);
    };
    if name.is_empty() || !is_video_name(&name) || reference_problem(&name).is_some() {
        return refuse(StatusCode::FORBIDDEN);
    }
    let folder = photos_folder(content_dir);
    let file = folder.join(&name);
    match (file.canonicalize(), std::fs::symlink_metadata(&file)) {
        (Ok(real), Ok(meta)) if real.starts_with(&folder) && meta.is_file() => {}
        (Ok(_), Ok(_)) => return refuse(StatusCode::FORBIDDEN),
        _ => return refuse(StatusCode::NOT_FOUND),
    }
    let Ok(mut opened) = std::fs::File::open(&file) else {
        return refuse(StatusCode::NOT_FOUND);
    };
    let size = opened.metadata().map(|m| m.len()).unwrap_or(0);
    let wanted = match range.map(|r| byte_range(r, size)) {
        None => None,
        Some(Some(wanted)) => Some(wanted),
        Some(None) => {
            return Response::builder()
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .header(header::CONTENT_RANGE, format!("bytes */{size}"))
                .body(Vec::new())
                .unwrap_or_default()
        }
    };
    let (start, end) = wanted.unwrap_or((0, size.saturating_sub(1)));
    // Never more than a chunk: WebKit asks again from where an answer ended.
    let end = end.min(start + chunk - 1);
    let mut body = Vec::new();
    let read = opened
        .seek(SeekFrom::Start(start))
        .and_then(|_| opened.take(end + 1 - start).read_to_end(&mut body));
    // Nothing read: the file shrank (or went) since its size was taken.
    if read.is_err() || body.is_empty() {
        return refuse(StatusCode::NOT_FOUND);
    }
    let kind = if name.to_ascii_lowercase().ends_with(".webm") {
        "video/webm"
    } else {
        "video/mp4"
    };
    let whole = wanted.is_none() && body.len() as u64 == size;
    Response::builder()
        .status(if whole {
            StatusCode::OK
        } else {
            StatusCode::PARTIAL_CONTENT
        })
        .header(header::CONTENT_TYPE, kind)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(
            header::CONTENT_RANGE,
            format!("bytes {start}-{}/{size}", start + body.len() as u64 - 1),
        )
        .body(body)
        .unwrap_or_default()
}

/// The first and last byte of a `Range: bytes=…` header (one range) inside a file of
/// `size` bytes; None when it cannot be satisfied or read.
fn byte_range(header: &str, size: u64) -> Option<(u64, u64)> {
    let spec = header
        .trim()
        .strip_prefix("bytes=")?
        .split(',')
        .next()?
        .trim();
    let (first, last) = spec.split_once('-')?;
    let (start, end) = match (first.trim(), last.trim()) {
        ("", suffix) => {
            let n: u64 = suffix.parse().ok()?;
            (size.checked_sub(n.min(size))?, size.checked_sub(1)?)
        }
        (first, "") => (first.parse().ok()?, size.checked_sub(1)?),
        (first, last) => (
            first.parse().ok()?,
            last.parse::<u64>().ok()?.min(size.checked_sub(1)?),
        ),
    };
    (start <= end && start < size).then_some((start, end))
}

/// Probes `videos` (`(name, path)`): the playable ones' views, and why each other cannot play.
pub fn probe_all(
    videos: &[(String, PathBuf)],
) -> (BTreeMap<String, PhotoView>, BTreeMap<String, String>) {
    let (mut ready, mut refused) = (BTreeMap::new(), BTreeMap::new());
    for (name, path) in videos {
        match video::probe(path) {
            Ok(info) => {
                ready.insert(name.clone(), view(name, path, &info));
            }
            Err(problem) => {
                let why = problem
                    .words()
                    .in_lang(lighthouse_core::messages::Lang::En)
                    .to_owned();
                log::error!("{PHOTOS_DIR}/{name} {why}; it is not shown");
                refused.insert(name.clone(), why);
            }
        }
    }
    (ready, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A content folder with a real video and, beside it, a secret outside the photos folder.
    fn folder(name: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("lighthouse-video-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content/photos/2024")).unwrap();
        let video = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/videos/moving-h264.mp4");
        std::fs::copy(&video, root.join("content/photos/2024/开幕 clip.mp4")).unwrap();
        std::fs::write(
            root.join("content/secret.mp4"),
            b"outside the photos folder",
        )
        .unwrap();
        std::fs::write(root.join("content/photos/notes.txt"), b"not a video").unwrap();
        root
    }

    #[test]
    fn ranges_are_answered_with_the_right_bytes() {
        let root = folder("range");
        let content = root.join("content");
        let whole = std::fs::read(content.join("photos/2024/开幕 clip.mp4")).unwrap();
        let size = whole.len() as u64;
        let path = format!("/{}", url_path("2024/开幕 clip.mp4"));
        let answer = respond(&content, &path, Some("bytes=100-199"), CHUNK_BYTES);
        assert_eq!(answer.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(answer.body(), &whole[100..200]);
        assert_eq!(
            answer.headers()[header::CONTENT_RANGE],
            format!("bytes 100-199/{size}").as_str()
        );
        let tail = respond(&content, &path, Some("bytes=-10"), CHUNK_BYTES);
        assert_eq!(tail.body(), &whole[whole.len() - 10..]);
        let open = respond(&content, &path, Some("bytes=1000-"), 4096);
        assert_eq!(open.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(
            open.body(),
            &whole[1000..5096],
            "no more than a chunk at once"
        );
        let past = respond(
            &content,
            &path,
            Some(&format!("bytes={size}-")),
            CHUNK_BYTES,
        );
        assert_eq!(past.status(), StatusCode::RANGE_NOT_SATISFIABLE);
        let all = respond(&content, &path, None, CHUNK_BYTES);
        assert_eq!(
            (all.status(), all.body().len()),
            (StatusCode::OK, whole.len())
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn hostile_paths_get_no_bytes() {
        let root = folder("hostile");
        let content = root.join("content");
        std::os::unix::fs::symlink(content.join("secret.mp4"), content.join("photos/link.mp4"))
            .unwrap();
        std::fs::create_dir(content.join("photos/folder.mp4")).unwrap();
        let hostile = [
            "/../secret.mp4",
            "/%2e%2e/secret.mp4",
            "/..%2Fsecret.mp4",
            "/2024/..%2F..%2Fsecret.mp4",
            "//etc/passwd",
            "/link.mp4",
            "/folder.mp4",
            "/notes.txt",
            "/%zz.mp4",
            "/%ff.mp4",
            "/",
            "",
        ];
        for path in hostile {
            let answer = respond(&content, path, Some("bytes=0-"), CHUNK_BYTES);
            let status = answer.status().as_u16();
            assert!(status == 403 || status == 404, "{path:?} got {status}");
            assert!(answer.body().is_empty(), "{path:?} returned bytes");
        }
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn only_the_kiosk_s_page_is_answered_and_only_to_read() {
        let root = folder("origin");
        let content = root.join("content");
        let ask = |method: &str, origin: Option<&str>| {
            let mut request = Request::builder()
                .method(method)
                .uri("video://localhost/2024/%E5%BC%80%E5%B9%95%20clip.mp4")
                .header(header::RANGE, "bytes=0-9");
            if let Some(origin) = origin {
                request = request.header(header::ORIGIN, origin);
            }
            let answer = serve(&content, &request.body(Vec::new()).unwrap());
            (answer.status().as_u16(), answer.body().len())
        };
        assert_eq!(ask("GET", Some(PAGE_ORIGIN)), (206, 10));
        assert_eq!(
            ask("HEAD", Some(PAGE_ORIGIN)),
            (206, 0),
            "a HEAD answer has no body"
        );
        assert_eq!(ask("OPTIONS", Some(PAGE_ORIGIN)).0, 204);
        assert_eq!(
            ask("GET", None),
            (403, 0),
            "no Origin: not the kiosk's page"
        );
        assert_eq!(ask("GET", Some("http://evil.example")), (403, 0));
        assert_eq!(ask("GET", Some("null")), (403, 0));
        assert_eq!(ask("POST", Some(PAGE_ORIGIN)), (405, 0));
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn byte_ranges_are_read_as_http_writes_them() {
        assert_eq!(byte_range("bytes=0-", 10), Some((0, 9)));
        assert_eq!(byte_range("bytes=2-4", 10), Some((2, 4)));
        assert_eq!(byte_range("bytes=2-400", 10), Some((2, 9)));
        assert_eq!(byte_range("bytes=-3", 10), Some((7, 9)));
        assert_eq!(byte_range("bytes=10-", 10), None);
        assert_eq!(byte_range("bytes=5-2", 10), None);
        assert_eq!(byte_range("items=0-1", 10), None);
    }
}
