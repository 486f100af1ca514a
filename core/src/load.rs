//! Reading content files: the only place this crate touches the disk.

use crate::defaults;
use crate::diagnostic::Diagnostic;
use crate::model::{
    ContactsFile, Content, HighlightsFile, Settings, CONTACTS_FILE, HIGHLIGHTS_FILE, SETTINGS_FILE,
};
use crate::validate::validate;
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
    pub fn load(&self) -> Result<Content, Vec<Diagnostic>> {
        match self {
            ContentSource::EmbeddedDefaults => load_embedded_defaults(),
            ContentSource::Dir(dir) => load_dir(dir),
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

/// Reads and checks the content folder `dir`; returns every problem found, not just the first.
pub fn load_dir(dir: &Path) -> Result<Content, Vec<Diagnostic>> {
    load_with(|name| read_file(dir, name))
}

/// The default content built into the binary.
pub fn load_embedded_defaults() -> Result<Content, Vec<Diagnostic>> {
    load_with(|name| {
        defaults::file(name)
            .map(str::to_owned)
            .ok_or_else(|| Diagnostic::error(name, "is not part of the default content"))
    })
}

fn read_file(dir: &Path, name: &str) -> Result<String, Diagnostic> {
    std::fs::read_to_string(dir.join(name)).map_err(|err| {
        let diagnostic = Diagnostic::error(name, read_error_message(&err));
        match err.kind() {
            io::ErrorKind::NotFound => diagnostic.hint(format!(
                "every content folder needs {SETTINGS_FILE}, {HIGHLIGHTS_FILE} and {CONTACTS_FILE}"
            )),
            io::ErrorKind::InvalidData => {
                diagnostic.hint("save the file as UTF-8 (most editors offer it in \"Save as\")")
            }
            _ => diagnostic,
        }
    })
}

fn read_error_message(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "file is missing".to_owned(),
        io::ErrorKind::PermissionDenied => "file cannot be read: permission denied".to_owned(),
        io::ErrorKind::InvalidData => "file is not UTF-8 text".to_owned(),
        _ => format!("file cannot be read: {err}"),
    }
}

/// Reads every file through `read`, so a folder and the embedded defaults share one path.
fn load_with(
    read: impl Fn(&str) -> Result<String, Diagnostic>,
) -> Result<Content, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let settings = parse_file::<Settings>(SETTINGS_FILE, &read, &mut problems);
    let highlights = parse_file::<HighlightsFile>(HIGHLIGHTS_FILE, &read, &mut problems);
    let contacts = parse_file::<ContactsFile>(CONTACTS_FILE, &read, &mut problems);
    let (Some(settings), Some(highlights), Some(contacts)) = (settings, highlights, contacts)
    else {
        return Err(problems);
    };
    let content = Content {
        settings,
        sources: highlights.sources,
        highlights: highlights.highlights,
        contacts,
    };
    let problems = validate(&content);
    if problems.iter().any(Diagnostic::is_error) {
        Err(problems)
    } else {
        Ok(content)
    }
}

fn parse_file<T: DeserializeOwned>(
    name: &str,
    read: &impl Fn(&str) -> Result<String, Diagnostic>,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    let text = read(name).map_err(|d| problems.push(d)).ok()?;
    parse_json(name, &text).map_err(|d| problems.push(d)).ok()
}

/// Parses one JSON file, turning serde's error into a positioned diagnostic.
pub fn parse_json<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Diagnostic> {
    // Some Windows editors start UTF-8 files with a byte order mark; it is not a mistake.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|err| {
        let diagnostic = Diagnostic::error(name, without_position(&err.to_string()))
            .at(err.line(), err.column());
        match err.classify() {
            serde_json::error::Category::Syntax => diagnostic
                .hint("look for a missing comma, quote or bracket at or just before this spot"),
            serde_json::error::Category::Eof => diagnostic
                .hint("the file ends too early: a closing `}`, `]` or `\"` is probably missing"),
            _ => diagnostic,
        }
    })
}

/// serde_json ends its messages with " at line L column C"; the diagnostic shows that itself.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_content_loads_without_problems() {
        let content = load_embedded_defaults().expect("default content is valid");
        assert!(!content.highlights.is_empty());
    }

    #[test]
    fn a_syntax_error_names_the_line_and_column() {
        let err = parse_json::<Settings>(
            "settings.json",
            "{\n  \"languages\": [\"zh\"]\n  \"x\": 1\n}",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(3)));
        assert_eq!(err.message, "expected `,` or `}`");
        assert!(err.hint.is_some());
    }

    #[test]
    fn an_unknown_field_is_refused_with_its_name() {
        let err = parse_json::<Settings>(
            "settings.json",
            r#"{"title": "x", "languages": ["zh"], "defaultLanguage": "zh", "slideSecond": 5}"#,
        )
        .unwrap_err();
        assert!(
            err.message.starts_with("unknown field `slideSecond`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let settings: Settings = parse_json(
            "settings.json",
            "\u{feff}{\"title\": \"x\", \"languages\": [\"zh\"], \"defaultLanguage\": \"zh\"}",
        )
        .expect("BOM is skipped");
        assert_eq!(settings.default_language, "zh");
    }

    #[test]
    fn every_missing_file_is_reported_at_once() {
        let empty = std::env::temp_dir().join(format!("lighthouse-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        let problems = load_dir(&empty).unwrap_err();
        std::fs::remove_dir(&empty).unwrap();
        let files: Vec<_> = problems.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["settings.json", "highlights.json", "contacts.json"]);
        assert!(problems.iter().all(|d| d.message == "file is missing"));
    }
}
