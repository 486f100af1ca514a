//! The content files as the editor sees them: read with a hash of what was read, a draft
//! checked exactly as `check` checks a folder, and a draft saved in canonical form, only
//! over files nobody else changed meanwhile.

use crate::history;
use lighthouse_core::canonical::canonical_text;
use lighthouse_core::diagnostic::Diagnostic;
use lighthouse_core::load::load_texts;
use lighthouse_core::messages::Words;
use lighthouse_core::model::{Content, CONTENT_FILES, SETTINGS_FILE};
use lighthouse_core::words;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The settings' key that stays on disk and never reaches the browser.
const PIN_HASH_KEY: &str = "staffPinHash";

/// One content file on disk.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnDisk {
    pub name: String,
    /// Its value, when it reads as JSON (the PIN's hash taken out).
    pub value: Option<Value>,
    /// What identifies this version: a save is refused when the file no longer has it.
    pub hash: String,
    #[serde(skip)]
    pub text: Option<String>,
}

/// Every content file of `dir`, as it is now.
pub fn read_all(dir: &Path) -> Vec<OnDisk> {
    CONTENT_FILES.iter().map(|name| read(dir, name)).collect()
}

fn read(dir: &Path, name: &str) -> OnDisk {
    let text = std::fs::read_to_string(dir.join(name)).ok();
    let value = text
        .as_deref()
        .and_then(|text| serde_json::from_str::<Value>(without_bom(text)).ok())
        .map(without_pin_hash);
    OnDisk {
        name: name.to_owned(),
        hash: hash_of(text.as_deref()),
        value,
        text,
    }
}

/// The hash of a file's text; a missing file has its own.
pub fn hash_of(text: Option<&str>) -> String {
    match text {
        None => "missing".to_owned(),
        Some(text) => Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    }
}

fn without_pin_hash(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.shift_remove(PIN_HASH_KEY);
    }
    value
}

/// The PIN's hash in the folder's settings.json, if one is set.
pub fn pin_hash(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(SETTINGS_FILE)).ok()?;
    let value: Value = serde_json::from_str(without_bom(&text)).ok()?;
    value.get(PIN_HASH_KEY)?.as_str().map(str::to_owned)
}

/// A draft: some content files' values, by name (the others, and those given as `null`, as
/// they are on disk: the API gives `null` for a file that is not there or not JSON).
pub type Draft = Map<String, Value>;

/// What checking a draft found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// The content the kiosk would show today, when there is no error.
    pub content: Option<Content>,
    /// The text each draft file would be saved as (not sent).
    #[serde(skip)]
    pub texts: Vec<(String, String)>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Checks `draft` in the folder `dir` as `check` would check a folder holding it.
pub fn check(dir: &Path, draft: &Draft) -> Checked {
    let on_disk = read_all(dir);
    let mut texts = Vec::new();
    for file in &on_disk {
        let text = match draft.get(&file.name) {
            // What the API gave for a file that is not there or not JSON: the file as it is.
            None | Some(Value::Null) => file.text.clone(),
            Some(value) => Some(text_of(&file.name, value, file)),
        };
        if let Some(text) = text {
            texts.push((file.name.clone(), text));
        }
    }
    let photos = lighthouse_core::photos::scan(dir);
    let today = chrono::Local::now().date_naive();
    let report = load_texts(&texts, &photos, today);
    Checked {
        diagnostics: report.diagnostics,
        content: report.content,
        texts,
    }
}

/// The text `value` is saved as: canonical when it reads as the file's type; else plain
/// JSON, so that the check explains what is wrong at its field.
fn text_of(name: &str, value: &Value, on_disk: &OnDisk) -> String {
    let mut value = value.clone();
    if let (Value::Object(map), Some(hash)) = (&mut value, on_disk_pin_hash(on_disk)) {
        map.insert(PIN_HASH_KEY.to_owned(), Value::String(hash));
    }
    canonical_text(name, &value).unwrap_or_else(|_| {
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    })
}

fn on_disk_pin_hash(file: &OnDisk) -> Option<String> {
    if file.name != SETTINGS_FILE {
        return None;
    }
    let value: Value = serde_json::from_str(without_bom(file.text.as_deref()?)).ok()?;
    value.get(PIN_HASH_KEY)?.as_str().map(str::to_owned)
}

/// A file saved by Notepad may start with a byte-order mark, which JSON does not allow; the
/// kiosk reads past it, and so does the editor (it writes none).
fn without_bom(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
}

/// What a save did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum Outcome {
    /// Written (only the files that changed), with every file's new hash.
    Saved {
        written: Vec<String>,
        hashes: Map<String, Value>,
        history: Option<String>,
    },
    /// Some files changed on disk since the draft was read: nothing was written.
    Conflict { files: Vec<String>, message: Words },
    /// The draft has errors: nothing was written.
    Invalid {
        diagnostics: Vec<Diagnostic>,
        message: Words,
    },
    /// A file could not be written (a full disk): the files already written are kept in
    /// the history as the save's previous versions.
    Failed { message: Words },
}

/// Saves `draft`, read from files whose hashes were `read_as`, into `dir`. The caller
/// holds the editor's write lock.
pub fn save(dir: &Path, draft: &Draft, read_as: &Map<String, Value>) -> Outcome {
    let on_disk = read_all(dir);
    let conflicts: Vec<String> = on_disk
        .iter()
        .filter(|file| draft.contains_key(&file.name))
        .filter(|file| read_as.get(&file.name).and_then(Value::as_str) != Some(file.hash.as_str()))
        .map(|file| file.name.clone())
        .collect();
    if !conflicts.is_empty() {
        return Outcome::Conflict {
            message: words!("editor.save.conflict", files = conflicts.join(", ")),
            files: conflicts,
        };
    }
    let checked = check(dir, draft);
    if checked.has_errors() {
        return Outcome::Invalid {
            diagnostics: checked.diagnostics,
            message: words!("editor.save.invalid"),
        };
    }
    let changed: Vec<(String, String)> = checked
        .texts
        .into_iter()
        .filter(|(name, text)| {
            draft.contains_key(name)
                && on_disk
                    .iter()
                    .any(|file| &file.name == name && file.text.as_deref() != Some(text.as_str()))
        })
        .collect();
    let mut history = None;
    if !changed.is_empty() {
        let previous: Vec<(String, String)> = on_disk
            .iter()
            .filter(|file| changed.iter().any(|(name, _)| name == &file.name))
            .filter_map(|file| Some((file.name.clone(), file.text.clone()?)))
            .collect();
        match history::keep(dir, history::Why::Save, &previous, &[]) {
            Ok(id) => history = Some(id),
            Err(err) => {
                return Outcome::Failed {
                    message: words!(
                        "editor.write_failed",
                        file = history::HISTORY_DIR,
                        error = err.to_string()
                    ),
                }
            }
        }
    }
    for (name, text) in &changed {
        if let Err(err) = lighthouse_core::atomic::write(&dir.join(name), text.as_bytes()) {
            return Outcome::Failed {
                message: words!(
                    "editor.write_failed",
                    file = name.as_str(),
                    error = err.to_string()
                ),
            };
        }
    }
    Outcome::Saved {
        written: changed.into_iter().map(|(name, _)| name).collect(),
        hashes: hashes(dir),
        history,
    }
}

/// Every content file's hash now.
pub fn hashes(dir: &Path) -> Map<String, Value> {
    read_all(dir)
        .into_iter()
        .map(|file| (file.name, Value::String(file.hash)))
        .collect()
}
