//! The last content the kiosk accepted, kept in its state folder: the files exactly as they
//! were read and a list of the photos they used. A kiosk that starts on a folder with a
//! mistake in it (a slip left on Friday, then the overnight reboot) shows this instead of
//! the built-in content, and says so.
//!
//! The copy is checked again when it is read, by the same rules as the folder, against the
//! photos as they were when it was accepted: it is shown exactly when it was valid then.

use crate::diagnostic::Diagnostic;
use crate::load::{load_files, ReadFiles, Report};
use crate::photos::{Format, Header, PhotoFile};
use crate::video::VideoInfo;
use chrono::NaiveDate;
use image::ImageFormat;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What is kept beside the files: where they came from and when they were accepted.
const ACCEPTED_FILE: &str = "accepted.json";

/// Where the kept content came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Accepted {
    /// The content folder it was read from.
    pub folder: String,
    /// Its revision (see manifest.rs).
    pub revision: String,
    /// When the kiosk accepted it, in milliseconds since 1970.
    pub accepted_at_ms: u64,
    /// The photos the folder held then, each with the size its header gave.
    pub photos: Vec<KeptPhoto>,
}

/// One photo (or video) the kept content could use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptPhoto {
    pub name: String,
    /// The format's usual extension (`jpg`, `png`, …; `mp4` or `webm` for a video).
    pub format: String,
    pub width: u32,
    pub height: u32,
    /// What a video's container said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<VideoInfo>,
}

/// Keeps `read` (accepted from `folder` as `revision` at `at_ms`) in `dir`, replacing what
/// was there. The list goes first and comes back last, so a kiosk stopped halfway keeps
/// nothing rather than a mix of two contents.
pub fn keep(
    dir: &Path,
    read: &ReadFiles,
    folder: &str,
    revision: &str,
    at_ms: u64,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let _ = std::fs::remove_file(dir.join(ACCEPTED_FILE));
    for name in crate::model::CONTENT_FILES {
        let kept = dir.join(name);
        match read.texts.iter().find(|(n, _)| n == name) {
            Some((_, text)) => crate::atomic::write(&kept, text.as_bytes())?,
            None => match std::fs::remove_file(&kept) {
                Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err),
                _ => {}
            },
        }
    }
    let accepted = Accepted {
        folder: folder.to_owned(),
        revision: revision.to_owned(),
        accepted_at_ms: at_ms,
        photos: read
            .photos
            .iter()
            .filter_map(|photo| {
                let header = photo.status.as_ref().ok()?;
                let (format, video) = match &header.format {
                    Format::Image(format) => (format.extensions_str()[0].to_owned(), None),
                    Format::Video(info) => (info.container.to_lowercase(), Some(info.clone())),
                };
                Some(KeptPhoto {
                    name: photo.name.clone(),
                    format,
                    width: header.width,
                    height: header.height,
                    video,
                })
            })
            .collect(),
    };
    let text = serde_json::to_vec_pretty(&accepted).map_err(std::io::Error::other)?;
    crate::atomic::write(&dir.join(ACCEPTED_FILE), &text)
}

/// The content kept in `dir` for `folder`, checked again, and where it came from; `None`
/// when nothing was kept for that folder, or what was kept is no longer valid.
pub fn read(dir: &Path, folder: &str, today: NaiveDate) -> Option<(Report, Accepted)> {
    let accepted: Accepted =
        serde_json::from_slice(&std::fs::read(dir.join(ACCEPTED_FILE)).ok()?).ok()?;
    if accepted.folder != folder {
        return None;
    }
    let photos: Vec<PhotoFile> = accepted
        .photos
        .iter()
        .map(|kept| PhotoFile {
            name: kept.name.clone(),
            status: kept
                .video
                .clone()
                .map(Format::Video)
                .or_else(|| ImageFormat::from_extension(&kept.format).map(Format::Image))
                .map(|format| Header {
                    format,
                    width: kept.width,
                    height: kept.height,
                })
                .ok_or(crate::photos::PhotoError::NotAnImage),
        })
        .collect();
    let report = load_files(
        |name| match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => Some(Ok(text)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => Some(Err(Diagnostic::error(
                name,
                crate::words!("file.unreadable", error = err.to_string()),
            ))),
        },
        &photos,
        today,
    );
    report.content.is_some().then_some((report, accepted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_dir;

    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "lighthouse-last-good-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("content/photos")).unwrap();
        for (file, text) in crate::defaults::FILES {
            std::fs::write(dir.join("content").join(file), text).unwrap();
        }
        dir
    }

    #[test]
    fn accepted_content_comes_back_whole_for_its_folder_only() {
        let root = folder("back");
        let content = root.join("content");
        let today = crate::today();
        let report = load_dir(&content, today).unwrap();
        let shown = report.content.clone().expect("the defaults are valid");
        keep(&root.join("kept"), &report.read, "/srv/a", "r1", 42).unwrap();

        // The folder breaks; the kept copy is what was accepted.
        std::fs::write(content.join("highlights.json"), "{ broken").unwrap();
        let (again, accepted) = read(&root.join("kept"), "/srv/a", today).expect("kept");
        assert_eq!(again.content, Some(shown));
        assert_eq!(
            (accepted.revision.as_str(), accepted.accepted_at_ms),
            ("r1", 42)
        );
        assert!(
            read(&root.join("kept"), "/srv/b", today).is_none(),
            "another folder's"
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn nothing_kept_or_a_damaged_copy_gives_nothing() {
        let root = folder("none");
        let today = crate::today();
        assert!(read(&root.join("kept"), "/srv/a", today).is_none());
        let report = load_dir(&root.join("content"), today).unwrap();
        keep(&root.join("kept"), &report.read, "/srv/a", "r1", 42).unwrap();
        std::fs::write(root.join("kept/contacts.json"), "{}").unwrap();
        assert!(read(&root.join("kept"), "/srv/a", today).is_none());
        std::fs::remove_dir_all(root).unwrap();
    }
}
