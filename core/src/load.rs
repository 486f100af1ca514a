//! Reading a content folder: the only place this crate touches the disk for content.

use crate::defaults;
use crate::diagnostic::Diagnostic;
use crate::json::JsonFile;
use crate::model::{
    ContactEntry, ContactsFile, Content, Highlight, HighlightsFile, Notice, Photo, PhotosFile,
    Settings, Source, CONTACTS_FILE, CONTENT_FILES, HIGHLIGHTS_FILE, NOTICE_FILE, PHOTOS_DIR,
    PHOTOS_FILE, SETTINGS_FILE,
};
use crate::photos::{self, PhotoFile};
use crate::valid_alone::ValidAlone;
use crate::validate::{validate, Input, Parsed};
use crate::words;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::io;
use std::path::{Path, PathBuf};

/// Where the content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The default content built into the binary.
    EmbeddedDefaults,
    /// A content folder on disk.
    Dir(PathBuf),
}

impl ContentSource {
    pub fn load(&self, today: NaiveDate) -> Result<Report, FolderError> {
        match self {
            ContentSource::EmbeddedDefaults => Ok(load_embedded_defaults(today)),
            ContentSource::Dir(dir) => load_dir(dir, today),
        }
    }
}

impl std::fmt::Display for ContentSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentSource::EmbeddedDefaults => write!(f, "the built-in default content"),
            ContentSource::Dir(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// What reading a content folder found: the content, if it is valid, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// `Some` exactly when there is no error (warnings are allowed).
    pub content: Option<Content>,
    /// Errors and warnings, in file order, then line order.
    pub diagnostics: Vec<Diagnostic>,
    /// The parts the kiosk follows even while another file has errors.
    pub alone: ValidAlone,
    /// The files as they were read, and the photos found: what is kept as the last good
    /// content once the content is accepted.
    pub read: ReadFiles,
}

/// The content files' text as read, by name, and what the photos folder held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadFiles {
    pub texts: Vec<(String, String)>,
    pub photos: Vec<PhotoFile>,
}

impl Report {
    /// The content's default language, when its settings could be read.
    pub fn language(&self) -> Option<&str> {
        let settings = self.content.as_ref().map(|c| &c.settings);
        settings
            .or(self.alone.settings.as_ref())
            .map(|s| s.default_language.as_str())
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// The content folder itself cannot be read, so nothing in it can be checked.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("the content folder {} does not exist", path.display())]
    Missing { path: PathBuf },
    #[error("{} is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("the content folder {} cannot be read: {source}", path.display())]
    Unreadable { path: PathBuf, source: io::Error },
}

/// Today in the kiosk's own time zone: what "from" and "until" dates are compared with.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Now in the kiosk's own time zone: what items' times of the week are compared with.
pub fn local_now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Reads and checks the content folder `dir`, reporting every problem, not just the first.
pub fn load_dir(dir: &Path, today: NaiveDate) -> Result<Report, FolderError> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(FolderError::NotAFolder { path: dir.into() }),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Err(FolderError::Missing { path: dir.into() })
        }
        Err(source) => {
            return Err(FolderError::Unreadable {
                path: dir.into(),
                source,
            })
        }
    }
    if let Err(source) = std::fs::read_dir(dir) {
        return Err(FolderError::Unreadable {
            path: dir.into(),
            source,
        });
    }
    let photo_files = photos::scan(dir);
    let mut report = load_files(|name| read_file(dir, name), &photo_files, today);
    // A second version kept by a sync tool is never shown, but staff hear of it.
    report
        .diagnostics
        .extend(crate::conflicts::find(dir).iter().map(|c| c.diagnostic()));
    sort(&mut report.diagnostics);
    Ok(report)
}

/// The default content built into the binary (it has no photos).
pub fn load_embedded_defaults(today: NaiveDate) -> Report {
    load_files(
        |name| defaults::file(name).map(|t| Ok(t.to_owned())),
        &[],
        today,
    )
}

/// Checks content given as texts by file name (a draft in the editor, not yet saved) with
/// `photo_files` the photos folder's, exactly as a folder holding those files would be.
pub fn load_texts(
    texts: &[(String, String)],
    photo_files: &[PhotoFile],
    today: NaiveDate,
) -> Report {
    let find = |name: &str| {
        texts
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, text)| Ok(text.clone()))
    };
    load_files(find, photo_files, today)
}

/// `None` when the file does not exist.
fn read_file(dir: &Path, name: &str) -> Option<Result<String, Diagnostic>> {
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => Some(Ok(text)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) if err.kind() == io::ErrorKind::InvalidData => {
            Some(Err(
                Diagnostic::error(name, words!("file.not_utf8")).hint(words!("file.not_utf8.hint"))
            ))
        }
        Err(err) => Some(Err(Diagnostic::error(
            name,
            words!("file.unreadable", error = err.to_string()),
        ))),
    }
}

/// What reading one file gave.
enum Loaded<T> {
    /// An optional file that is simply not there (not a mistake).
    Absent,
    /// Missing, unreadable or wrong: its problems are already reported.
    Failed,
    Parsed(JsonFile, T),
}

impl<T> Loaded<T> {
    fn parsed(&self) -> Option<Parsed<'_, T>> {
        match self {
            Loaded::Parsed(file, data) => Some(Parsed { file, data }),
            _ => None,
        }
    }

    fn into_data(self) -> Option<T> {
        match self {
            Loaded::Parsed(_, data) => Some(data),
            _ => None,
        }
    }
}

/// Reads every file through `read`, so a folder, a kept copy of one and the embedded defaults
/// share one path; `photo_files` is what the photos folder holds.
pub(crate) fn load_files(
    read: impl Fn(&str) -> Option<Result<String, Diagnostic>>,
    photo_files: &[PhotoFile],
    today: NaiveDate,
) -> Report {
    let texts = std::cell::RefCell::new(Vec::new());
    let read = |name: &str| {
        let got = read(name);
        if let Some(Ok(text)) = &got {
            texts.borrow_mut().push((name.to_owned(), text.clone()));
        }
        got
    };
    let mut problems = Vec::new();
    let settings: Loaded<Settings> = load(&read, SETTINGS_FILE, true, &[], &mut problems);
    let highlights: Loaded<HighlightsFile> = load(
        &read,
        HIGHLIGHTS_FILE,
        true,
        &[
            ("sources", item_error::<Source>),
            ("highlights", item_error::<Highlight>),
        ],
        &mut problems,
    );
    let photos: Loaded<PhotosFile> = load(
        &read,
        PHOTOS_FILE,
        false,
        &[("photos", item_error::<Photo>)],
        &mut problems,
    );
    let contacts: Loaded<ContactsFile> = load(
        &read,
        CONTACTS_FILE,
        true,
        &[("entries", item_error::<ContactEntry>)],
        &mut problems,
    );
    let notice: Loaded<Notice> = load(&read, NOTICE_FILE, false, &[], &mut problems);

    problems.extend(validate(&Input {
        settings: settings.parsed(),
        highlights: highlights.parsed(),
        photos: photos.parsed(),
        contacts: contacts.parsed(),
        notice: notice.parsed(),
        photo_files,
        references_complete: matches!(highlights, Loaded::Parsed(..))
            && !matches!(photos, Loaded::Failed),
        today,
    }));
    sort(&mut problems);

    let valid_alone = |name: &str| !problems.iter().any(|d| d.is_error() && d.file == name);
    let alone = ValidAlone {
        settings: settings
            .parsed()
            .filter(|_| valid_alone(SETTINGS_FILE))
            .map(|parsed| parsed.data.clone()),
        notice: match &notice {
            Loaded::Absent => Some(None),
            Loaded::Parsed(_, data) if valid_alone(NOTICE_FILE) => Some(Some(data.clone())),
            _ => None,
        },
    };
    let content = match (
        settings.into_data(),
        highlights.into_data(),
        contacts.into_data(),
    ) {
        (Some(settings), Some(highlights), Some(contacts))
            if !problems.iter().any(Diagnostic::is_error) =>
        {
            Some(Content {
                settings,
                sources: highlights.sources,
                highlights: highlights.highlights,
                photos: photos.into_data().map(|p| p.photos).unwrap_or_default(),
                contacts,
                notice: notice.into_data(),
            })
        }
        _ => None,
    };
    Report {
        content,
        diagnostics: problems,
        alone,
        read: ReadFiles {
            texts: texts.into_inner(),
            photos: photo_files.to_vec(),
        },
    }
}

type ItemCheck = fn(&JsonFile, &str) -> Option<Diagnostic>;

fn item_error<T: DeserializeOwned>(file: &JsonFile, path: &str) -> Option<Diagnostic> {
    file.deserialize::<T>(path).err()
}

/// Parses one file. When it does not match its type, each item of its lists is parsed on
/// its own too, so every bad item is reported rather than only the first.
fn load<T: DeserializeOwned>(
    read: &impl Fn(&str) -> Option<Result<String, Diagnostic>>,
    name: &str,
    required: bool,
    lists: &[(&str, ItemCheck)],
    problems: &mut Vec<Diagnostic>,
) -> Loaded<T> {
    let text = match read(name) {
        Some(Ok(text)) => text,
        Some(Err(problem)) => {
            problems.push(problem);
            return Loaded::Failed;
        }
        None if required => {
            problems.push(Diagnostic::error(name, words!("file.missing")).hint(words!(
                "file.missing.hint",
                files = format!("{SETTINGS_FILE}, {HIGHLIGHTS_FILE}, {CONTACTS_FILE}")
            )));
            return Loaded::Failed;
        }
        None => return Loaded::Absent,
    };
    let file = match JsonFile::parse(name, &text) {
        Ok(file) => file,
        Err(problem) => {
            problems.push(problem);
            return Loaded::Failed;
        }
    };
    if !file.is_object() {
        problems.push(
            file.error("", words!("file.not_an_object"))
                .hint(words!("file.not_an_object.hint", name = name)),
        );
        return Loaded::Failed;
    }
    match file.deserialize::<T>("") {
        Ok(data) => Loaded::Parsed(file, data),
        Err(first) => {
            for (key, check) in lists {
                for path in file.items(key) {
                    if let Some(problem) = check(&file, &path) {
                        if problem != first {
                            problems.push(problem);
                        }
                    }
                }
            }
            problems.push(first);
            Loaded::Failed
        }
    }
}

/// Puts diagnostics in file order, then line order.
fn sort(problems: &mut [Diagnostic]) {
    problems.sort_by_key(|d| {
        (
            file_rank(&d.file),
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
        )
    });
}

/// Sorts diagnostics the way the files are read: settings, highlights, photos, contacts.
fn file_rank(file: &str) -> usize {
    if file.starts_with(&format!("{PHOTOS_DIR}/")) {
        return CONTENT_FILES.len();
    }
    CONTENT_FILES
        .iter()
        .position(|f| *f == file)
        .unwrap_or(CONTENT_FILES.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    #[test]
    fn the_default_content_loads_with_no_problem_but_the_missing_staff_pin() {
        let report = load_embedded_defaults(day());
        // A PIN cannot ship with the default content: every kiosk sets its own.
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.message.en.as_str())
            .collect();
        assert_eq!(
            messages,
            ["no staff PIN is set: nobody can open the staff panel"]
        );
        assert!(report.content.is_some());
    }

    #[test]
    fn every_missing_file_is_reported_at_once() {
        let empty = std::env::temp_dir().join(format!("lighthouse-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        let report = load_dir(&empty, day()).unwrap();
        std::fs::remove_dir(&empty).unwrap();
        let files: Vec<_> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["settings.json", "highlights.json", "contacts.json"]);
        assert!(report.content.is_none());
    }

    #[test]
    fn a_folder_that_does_not_exist_cannot_be_checked() {
        let err = load_dir(Path::new("/nonexistent/lighthouse"), day()).unwrap_err();
        assert!(matches!(err, FolderError::Missing { .. }));
    }

    #[test]
    fn a_valid_notice_is_followed_while_another_file_has_a_mistake() {
        let with = |notice: Option<&str>| {
            let mut texts: Vec<(String, String)> = crate::defaults::FILES
                .iter()
                .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
                .collect();
            texts.retain(|(name, _)| name != HIGHLIGHTS_FILE);
            texts.push((HIGHLIGHTS_FILE.into(), "{\"highlights\": [".into()));
            if let Some(notice) = notice {
                texts.push((NOTICE_FILE.into(), notice.into()));
            }
            load_texts(&texts, &[], day())
        };
        let closed = with(Some(r#"{"text": "closed", "level": "urgent"}"#));
        assert!(closed.content.is_none(), "highlights.json is broken");
        let notice = closed.alone.notice.expect("followed").expect("a notice");
        assert_eq!(notice.text, crate::Text::Same("closed".into()));
        assert_eq!(with(None).alone.notice, Some(None), "no file: no notice");
        assert_eq!(
            with(Some(r#"{"text": "closed", "until": "soon"}"#))
                .alone
                .notice,
            None,
            "a notice with a mistake of its own changes nothing"
        );
    }
}
