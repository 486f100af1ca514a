//! What is in the photos folder: every file, and whether it is a photo the kiosk can show.
//!
//! Only each file's header is read here (format and size), so checking a folder of camera
//! photos is quick. Decoding and resizing belong to the photo pipeline.

use crate::messages::Words;
use crate::video::{VideoInfo, VideoProblem};
use crate::words;
use image::ImageFormat;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// Photos wider or taller than this are refused: no camera makes them, and decoding one
/// would take more memory than a kiosk should spend on a single picture.
pub const MAX_PHOTO_SIDE: u32 = 20_000;
/// Photos with more pixels than this are refused for the same reason (about 120 megapixels,
/// above the largest phone cameras).
pub const MAX_PHOTO_PIXELS: u64 = 120_000_000;
/// Photo files larger than this (200 MiB) are refused before reading: no camera photo
/// comes near it.
pub const MAX_FILE_BYTES: u64 = 200 * MIB;
const MIB: u64 = 1024 * 1024;
/// Folders nested deeper than this inside photos/ are not searched.
const MAX_DEPTH: usize = 8;

/// The image formats the kiosk shows.
pub const FORMATS: [ImageFormat; 4] = [
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::WebP,
    ImageFormat::Gif,
];
/// [`FORMATS`] as staff would name them.
pub const SUPPORTED_FORMATS: &str = "JPEG, PNG, WebP or GIF";

/// Why a photo cannot be shown, as one line for staff. `check` (which reads headers) and
/// the pipeline (which decodes) both use it, so staff read the same words from both.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("cannot be read ({0})")]
    Unreadable(String),
    #[error("is too big a file ({} MiB; at most {} MiB)", .0 / MIB, MAX_FILE_BYTES / MIB)]
    FileTooBig(u64),
    #[error("is not a {SUPPORTED_FORMATS} image")]
    NotAnImage,
    /// iPhones save photos as HEIC by default; the kiosk cannot decode it on Debian 12.
    #[error("is a HEIC photo (the iPhone's usual format), which the kiosk cannot show")]
    Heic,
    #[error(
        "is too large to show ({width}x{height} pixels; at most {MAX_PHOTO_SIDE} pixels a side and {} megapixels)",
        MAX_PHOTO_PIXELS / 1_000_000
    )]
    TooLarge { width: u32, height: u32 },
    #[error("is damaged and cannot be read ({0})")]
    Damaged(String),
    #[error("is an empty file")]
    Empty,
    /// A video (named .mp4, .m4v or .webm) the kiosk cannot play.
    #[error("{}", .0.words().in_lang(crate::messages::Lang::En))]
    Video(VideoProblem),
    #[error("is a link to a file outside the content folder")]
    OutsideFolder,
    /// Not the photo's fault: its derivatives could not be saved. Tried again by itself.
    #[error("could not be saved in the photo cache ({0}); tried again when the cache folder can be written")]
    CacheUnwritable(String),
}

impl PhotoError {
    /// What is wrong with the photo, in both languages (what follows its name).
    pub fn words(&self) -> Words {
        match self {
            PhotoError::Unreadable(why) => words!("photo.unreadable", why = why),
            PhotoError::FileTooBig(bytes) => words!(
                "photo.file_too_big",
                mib = bytes / MIB,
                most = MAX_FILE_BYTES / MIB
            ),
            PhotoError::NotAnImage => {
                words!("photo.not_an_image", formats = words!("photo.formats"))
            }
            PhotoError::Heic => words!("photo.heic"),
            PhotoError::TooLarge { width, height } => words!(
                "photo.too_large",
                width = *width,
                height = *height,
                side = MAX_PHOTO_SIDE,
                megapixels = MAX_PHOTO_PIXELS / 1_000_000
            ),
            PhotoError::Damaged(why) => words!("photo.damaged", why = why),
            PhotoError::Empty => words!("photo.empty"),
            PhotoError::Video(problem) => problem.words(),
            PhotoError::OutsideFolder => words!("photo.outside"),
            PhotoError::CacheUnwritable(why) => words!("photo.cache_unwritable", why = why),
        }
    }

    /// Whether the trouble is the cache's, not the photo's (and so worth trying again).
    pub fn is_cache_problem(&self) -> bool {
        matches!(self, PhotoError::CacheUnwritable(_))
    }
}

impl From<std::io::Error> for PhotoError {
    fn from(err: std::io::Error) -> Self {
        PhotoError::Unreadable(err.to_string())
    }
}

/// Whether the kiosk shows pictures of this format.
pub fn is_supported(format: ImageFormat) -> bool {
    FORMATS.contains(&format)
}

/// Refuses pictures with no pixels, or too many to decode safely.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged("it has no pixels".into()));
    }
    if width > MAX_PHOTO_SIDE
        || height > MAX_PHOTO_SIDE
        || u64::from(width) * u64::from(height) > MAX_PHOTO_PIXELS
    {
        return Err(PhotoError::TooLarge { width, height });
    }
    Ok(())
}

/// Refuses files too big to read.
pub fn check_file_size(bytes: u64) -> Result<(), PhotoError> {
    if bytes > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooBig(bytes));
    }
    Ok(())
}

/// One file found in the photos folder.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoFile {
    /// Its path inside the photos folder, with `/` between folders, e.g. `2024/unveiling.jpg`.
    pub name: String,
    /// What its header says, or why it cannot be shown.
    pub status: Result<Header, PhotoError>,
}

/// What a readable photo's header (or a video's container) says.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

/// A picture's format, or what a video's container says about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Format {
    Image(ImageFormat),
    Video(VideoInfo),
}

impl Header {
    /// The video's container details, for a video.
    pub fn video(&self) -> Option<&VideoInfo> {
        match &self.format {
            Format::Video(info) => Some(info),
            Format::Image(_) => None,
        }
    }
}

/// Every file under `content_dir/photos`, sorted by name. A missing folder has no files.
pub fn scan(content_dir: &Path) -> Vec<PhotoFile> {
    let root = content_dir.join(crate::model::PHOTOS_DIR);
    let Ok(canonical_content) = content_dir.canonicalize() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // photos/ itself may be a link: it must stay inside the content folder too.
    match root.canonicalize() {
        Ok(real) if real.starts_with(&canonical_content) => {}
        _ => return found,
    }
    let mut visited = HashSet::new();
    walk(
        &root,
        &root,
        &canonical_content,
        0,
        &mut visited,
        &mut found,
    );
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn walk(
    root: &Path,
    dir: &Path,
    content: &Path,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<PhotoFile>,
) {
    // A folder reached twice (through a link back up) is listed once.
    let Ok(real) = dir.canonicalize() else {
        return;
    };
    if !visited.insert(real) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if is_ignored(&file_name) {
            continue;
        }
        let name = relative_name(root, &path);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(content) => {}
                Ok(_) | Err(_) => {
                    found.push(PhotoFile {
                        name,
                        status: Err(PhotoError::OutsideFolder),
                    });
                    continue;
                }
            }
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                walk(root, &path, content, depth + 1, visited, found);
            }
        } else if path.is_file() {
            found.push(PhotoFile {
                name,
                status: inspect(&path),
            });
        }
    }
}

/// Files that operating systems, editors and sync tools leave behind, never meant as photos.
fn is_ignored(file_name: &str) -> bool {
    crate::folder::is_not_content(file_name)
        || matches!(
            file_name.to_ascii_lowercase().as_str(),
            "thumbs.db" | "desktop.ini"
        )
}

fn relative_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads the header of one file. The format is recognised from the file's first bytes, not
/// its name, so a renamed document is "not an image" rather than "a damaged JPEG".
pub fn inspect(path: &Path) -> Result<Header, PhotoError> {
    if crate::video::is_video_name(&path.to_string_lossy()) {
        return inspect_video(path);
    }
    check_file_size(std::fs::metadata(path)?.len())?;
    let bytes = first_bytes(path)?;
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if is_heif(&bytes) {
        return Err(PhotoError::Heic);
    }
    let format = image::guess_format(&bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !is_supported(format) {
        return Err(PhotoError::NotAnImage);
    }
    let reader = image::ImageReader::with_format(
        std::io::BufReader::new(std::fs::File::open(path)?),
        format,
    );
    let (width, height) = reader
        .into_dimensions()
        .map_err(|err| PhotoError::Damaged(one_line(&err.to_string())))?;
    check_dimensions(width, height)?;
    Ok(Header {
        format: Format::Image(format),
        width,
        height,
    })
}

/// Reads a video's container. No size limit: the kiosk reads a video in ranges, and the
/// page holds only the one on screen and the next (README, "Videos").
fn inspect_video(path: &Path) -> Result<Header, PhotoError> {
    if std::fs::metadata(path)?.len() == 0 {
        return Err(PhotoError::Empty);
    }
    let info = crate::video::probe(path).map_err(PhotoError::Video)?;
    Ok(Header {
        width: info.width,
        height: info.height,
        format: Format::Video(info),
    })
}

/// Whether a file starts like a HEIF picture (HEIC, as phones save them): an ISO box
/// `ftyp` naming a HEIF brand.
pub fn is_heif(start: &[u8]) -> bool {
    const BRANDS: [&[u8; 4]; 8] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    start.get(4..8) == Some(b"ftyp")
        && start
            .get(8..12)
            .is_some_and(|brand| BRANDS.iter().any(|b| *b == brand))
}

/// Enough of the start of a file to recognise its format.
fn first_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(32);
    std::fs::File::open(path)?
        .take(32)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decoder messages sometimes span lines; a diagnostic is one line.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why `reference` (a photo file name written in a content file) cannot name a file inside
/// the photos folder, if it cannot.
pub fn reference_problem(reference: &str) -> Option<Words> {
    if reference.trim().is_empty() {
        return Some(words!("photos.name_empty"));
    }
    if reference.contains('\\') {
        return Some(words!("photos.backslash"));
    }
    let path = PathBuf::from(reference);
    if path.is_absolute() {
        return Some(words!("photos.full_path"));
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Some(words!("photos.leaves_folder"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_must_stay_inside_the_photos_folder() {
        assert_eq!(reference_problem("unveiling.jpg"), None);
        assert_eq!(reference_problem("2024/unveiling.jpg"), None);
        assert!(reference_problem("../settings.json").is_some());
        assert!(reference_problem("/etc/passwd").is_some());
        assert!(reference_problem("a\\b.jpg").is_some());
        assert!(reference_problem(" ").is_some());
    }

    #[test]
    fn a_folder_linked_back_into_itself_is_listed_once() {
        let content =
            std::env::temp_dir().join(format!("lighthouse-scan-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&content);
        std::fs::create_dir_all(content.join("photos/2024")).unwrap();
        std::fs::write(content.join("photos/2024/a.jpg"), b"x").unwrap();
        std::os::unix::fs::symlink("..", content.join("photos/2024/up")).unwrap();
        std::os::unix::fs::symlink(".", content.join("photos/here")).unwrap();
        let names: Vec<String> = scan(&content).into_iter().map(|p| p.name).collect();
        std::fs::remove_dir_all(&content).unwrap();
        assert_eq!(names, ["2024/a.jpg"]);
    }

    #[test]
    fn a_heic_photo_is_recognised_as_such() {
        let mut start = vec![0, 0, 0, 24];
        start.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        assert!(is_heif(&start));
        let mut jpeg_ish = vec![0xff, 0xd8, 0xff, 0xe0];
        jpeg_ish.extend_from_slice(b"\0\x10JFIF\0");
        assert!(!is_heif(&jpeg_ish));
    }

    #[test]
    fn leftovers_of_editors_and_file_managers_are_ignored() {
        assert!(is_ignored(".DS_Store"));
        assert!(is_ignored("Thumbs.db"));
        assert!(is_ignored("photo.jpg~"));
        assert!(!is_ignored("photo.jpg"));
    }
}
