//! The photos folder through the editor: upload (streamed to a hidden file, checked as the
//! kiosk checks a photo, then put in place without ever replacing a file), delete (moved
//! into the history), and the preview pictures, made by the kiosk's own photo pipeline.

use crate::history;
use lighthouse_core::messages::Words;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::photo_cache::{PhotoCache, PhotoView};
use lighthouse_core::photos::{self, PhotoError};
use lighthouse_core::words;
use serde::Serialize;
use std::io;
use std::path::{Path, PathBuf};

/// Where the browser finds preview pictures (see `api.rs`).
pub const CACHE_URL: &str = "/cache/";
/// The longest photo name accepted, in characters.
const LONGEST_NAME: usize = 200;

/// Whether `name` may be a new photo's file name: one plain name inside photos/ (Chinese
/// and spaces are fine), nothing that could reach another folder, hide the file, or
/// confuse a terminal.
pub fn is_safe_name(name: &str) -> bool {
    let length = name.chars().count();
    length > 0
        && length <= LONGEST_NAME
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
        && name.trim() == name
}

/// One photo of the folder, as the editor lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    pub name: String,
    /// Its preview pictures, when it can be shown.
    pub view: Option<PhotoView>,
    /// Why the kiosk cannot show it, when it cannot.
    pub problem: Option<Words>,
}

/// Every photo of `dir`'s photos folder, with its preview pictures (made now when the
/// cache does not have them yet).
pub fn list(dir: &Path, cache: &PhotoCache) -> Vec<Listed> {
    let folder = lighthouse_core::photo_cache::photos_folder(dir);
    let listing = cache.listing();
    photos::scan(dir)
        .into_iter()
        .map(|file| {
            let path = folder.join(&file.name);
            let made = match file.status {
                Err(problem) => Err(problem),
                Ok(_) => match cache.lookup(&listing, &path) {
                    Some(derivative) => Ok(derivative),
                    None => cache.make(&path),
                },
            };
            match made {
                Ok(derivative) => Listed {
                    name: file.name,
                    view: Some(PhotoView::of(&derivative, CACHE_URL)),
                    problem: None,
                },
                Err(problem) => Listed {
                    name: file.name,
                    view: None,
                    problem: Some(problem.words()),
                },
            }
        })
        .collect()
}

/// Why an upload was refused: the HTTP status and what to tell staff.
#[derive(Debug, Clone)]
pub struct Refused {
    pub status: u16,
    pub message: Words,
    pub hint: Option<Words>,
}

impl Refused {
    fn of(status: u16, message: Words) -> Refused {
        Refused {
            status,
            message,
            hint: None,
        }
    }
}

/// An upload under way: a hidden file in photos/ the body is written into.
#[derive(Debug)]
pub struct Upload {
    name: String,
    part: PathBuf,
    file: std::fs::File,
    bytes: u64,
}

/// Starts the upload of `name`, refusing an unsafe name or one already taken.
pub fn start_upload(dir: &Path, name: &str) -> Result<Upload, Refused> {
    if !is_safe_name(name) {
        return Err(Refused::of(
            400,
            words!("editor.upload.bad_name", name = shown(name)),
        ));
    }
    let folder = dir.join(PHOTOS_DIR);
    if folder.join(name).exists() {
        return Err(Refused::of(
            409,
            words!("editor.upload.exists", name = name),
        ));
    }
    let failed = |err: io::Error| {
        Refused::of(
            507,
            words!(
                "editor.write_failed",
                file = PHOTOS_DIR,
                error = err.to_string()
            ),
        )
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    let token =
        lighthouse_core::door::new_token().unwrap_or_else(|| std::process::id().to_string());
    let part = folder.join(format!(".upload-{token}"));
    let file = std::fs::File::create(&part).map_err(failed)?;
    Ok(Upload {
        name: name.to_owned(),
        part,
        file,
        bytes: 0,
    })
}

impl Upload {
    /// Adds a piece of the body; refuses a file larger than the kiosk reads.
    pub fn write(&mut self, piece: &[u8]) -> Result<(), Refused> {
        use std::io::Write;
        self.bytes += piece.len() as u64;
        if let Err(problem) = photos::check_file_size(self.bytes) {
            return Err(self.refused(413, problem));
        }
        self.file.write_all(piece).map_err(|err| {
            Refused::of(
                507,
                words!(
                    "editor.write_failed",
                    file = self.name.as_str(),
                    error = err.to_string()
                ),
            )
        })
    }

    /// Checks the whole file as the kiosk would and puts it in place under its name.
    pub fn finish(self, dir: &Path, cache: &PhotoCache) -> Result<Listed, Refused> {
        if let Err(problem) = photos::inspect(&self.part) {
            let status = if matches!(problem, PhotoError::FileTooBig(_)) {
                413
            } else {
                415
            };
            return Err(self.refused(status, problem));
        }
        let path = dir.join(PHOTOS_DIR).join(&self.name);
        // A hard link never replaces an existing file: a photo saved meanwhile is not lost.
        let linked = std::fs::hard_link(&self.part, &path);
        let _ = std::fs::remove_file(&self.part);
        match linked {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                return Err(Refused::of(
                    409,
                    words!("editor.upload.exists", name = self.name.as_str()),
                ))
            }
            Err(err) => {
                return Err(Refused::of(
                    507,
                    words!(
                        "editor.write_failed",
                        file = self.name.as_str(),
                        error = err.to_string()
                    ),
                ))
            }
        }
        let canonical = lighthouse_core::photo_cache::photos_folder(dir).join(&self.name);
        let made = cache.make(&canonical);
        Ok(Listed {
            view: made.as_ref().ok().map(|d| PhotoView::of(d, CACHE_URL)),
            problem: made.err().map(|problem| problem.words()),
            name: self.name.clone(),
        })
    }

    fn refused(&self, status: u16, problem: PhotoError) -> Refused {
        let _ = std::fs::remove_file(&self.part);
        let hint = matches!(problem, PhotoError::Heic).then(|| words!("photos.heic.hint"));
        Refused {
            status,
            message: words!(
                "editor.upload.refused",
                name = self.name.as_str(),
                problem = problem.words()
            ),
            hint,
        }
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        // An upload cut short leaves nothing behind (after `finish`, the part is gone already).
        let _ = std::fs::remove_file(&self.part);
    }
}

/// Moves photo `name` into the history; the record's id.
pub fn delete(dir: &Path, name: &str) -> Result<String, Refused> {
    let exists = is_safe_name(name) && dir.join(PHOTOS_DIR).join(name).is_file();
    if !exists {
        return Err(Refused::of(
            404,
            words!("editor.photo.missing", name = shown(name)),
        ));
    }
    history::keep(dir, history::Why::DeletePhoto, &[], &[name.to_owned()]).map_err(|err| {
        Refused::of(
            507,
            words!(
                "editor.write_failed",
                file = history::HISTORY_DIR,
                error = err.to_string()
            ),
        )
    })
}

/// A name as it may be shown back: control characters made visible.
fn shown(name: &str) -> String {
    name.chars()
        .take(LONGEST_NAME)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_in_any_script_are_safe() {
        for name in ["灯塔 揭牌.jpg", "IMG_0001.JPG", "a b (2).png", "é.webp"] {
            assert!(is_safe_name(name), "{name}");
        }
    }

    #[test]
    fn names_that_leave_the_folder_hide_or_confuse_are_not() {
        let long = "a".repeat(201);
        for name in [
            "",
            ".",
            "..",
            "../x.jpg",
            "a/b.jpg",
            "a\\b.jpg",
            ".hidden.jpg",
            "/etc/passwd",
            "a\u{0}.jpg",
            "a\n.jpg",
            "a\u{1b}[31m.jpg",
            " lead.jpg",
            "trail.jpg ",
            &long,
        ] {
            assert!(!is_safe_name(name), "{name:?}");
        }
    }
}
