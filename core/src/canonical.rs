//! The one form a content file is written in by the editor: `"$schema"` first, then the keys
//! in the order the kiosk's own types (and so their schemas) list them, a value left out
//! where it equals its default, two spaces of indent, UTF-8 without a byte-order mark, LF
//! line ends and a final newline. Hand editing stays easy, and a save's diff shows only what
//! changed.
//!
//! The text is made from the typed file, so what it means is exactly what the kiosk reads:
//! a file written here loads into the same model as the value it was made from.

use crate::model::{
    ContactsFile, HighlightsFile, Notice, PhotosFile, Settings, CONTACTS_FILE, HIGHLIGHTS_FILE,
    NOTICE_FILE, PHOTOS_FILE, SETTINGS_FILE,
};
use crate::schema::{schema_file_name, SCHEMA_DIR};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// The settings' key kept out of the typed settings (the kiosk never hands the PIN's hash
/// to its page), carried over as it was.
const PIN_HASH_KEY: &str = "staffPinHash";

/// Why a value cannot be written as content file `file`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    #[error("{0} is not a content file")]
    NotAContentFile(String),
    /// The value does not read as the file's type (the editor saves only values `check`
    /// accepts, so this is a bug in the caller, not a staff mistake).
    #[error("{file} does not read as content: {why}")]
    NotContent { file: String, why: String },
}

/// The canonical text of content file `file` (e.g. `highlights.json`) holding `value`.
pub fn canonical_text(file: &str, value: &Value) -> Result<String, CanonicalError> {
    let typed = match file {
        SETTINGS_FILE => {
            let mut typed = typed_value::<Settings>(file, value)?;
            if let (Some(hash), Value::Object(map)) = (value.get(PIN_HASH_KEY), &mut typed) {
                map.insert(PIN_HASH_KEY.to_owned(), hash.clone());
            }
            typed
        }
        HIGHLIGHTS_FILE => typed_value::<HighlightsFile>(file, value)?,
        PHOTOS_FILE => typed_value::<PhotosFile>(file, value)?,
        CONTACTS_FILE => typed_value::<ContactsFile>(file, value)?,
        NOTICE_FILE => typed_value::<Notice>(file, value)?,
        other => return Err(CanonicalError::NotAContentFile(other.to_owned())),
    };
    let schema = schema_value(file);
    let mut pruned = typed;
    leave_out_defaults(&mut pruned, &schema, &schema);
    let mut map = Map::new();
    map.insert(
        "$schema".to_owned(),
        Value::String(format!("./{SCHEMA_DIR}/{}", schema_file_name(file))),
    );
    if let Value::Object(fields) = pruned {
        map.extend(fields);
    }
    let mut text = String::new();
    write_value(&mut text, &Value::Object(map), 0, 0);
    text.push('\n');
    Ok(text)
}

/// Lines are kept to this many characters where a value allows it.
const LINE_WIDTH: usize = 100;

/// Writes `value` at `depth` (two spaces each), `used` characters into its line already: on
/// that one line when it fits (a text's languages, a list of phone numbers), else one item
/// a line.
fn write_value(out: &mut String, value: &Value, depth: usize, used: usize) {
    let one_line = inline(value);
    let children: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => map.values().collect(),
        _ => Vec::new(),
    };
    let flat = children.iter().all(|v| !v.is_array() && !v.is_object());
    // The file itself, and each record of its lists (a highlight, a photo, a contact), is
    // one field a line however small; a text's languages or a list of names go on one line
    // when it fits.
    let may_inline = depth > 0 && (flat || depth > 2);
    let fits = used + crate::text::columns(&one_line) <= LINE_WIDTH;
    if children.is_empty() || (may_inline && fits) {
        out.push_str(&one_line);
        return;
    }
    let pad = "  ".repeat(depth + 1);
    let (open, close) = if value.is_array() {
        ('[', ']')
    } else {
        ('{', '}')
    };
    out.push(open);
    let mut first = true;
    let mut item = |out: &mut String, key: Option<&str>, field: &Value| {
        if !first {
            out.push(',');
        }
        first = false;
        out.push('\n');
        out.push_str(&pad);
        if let Some(key) = key {
            out.push_str(&scalar(&Value::String(key.to_owned())));
            out.push_str(": ");
        }
        let line = &out[out.rfind('\n').map_or(0, |at| at + 1)..];
        let used = crate::text::columns(line);
        write_value(out, field, depth + 1, used);
    };
    match value {
        Value::Array(items) => items.iter().for_each(|v| item(out, None, v)),
        Value::Object(map) => map.iter().for_each(|(k, v)| item(out, Some(k), v)),
        _ => {}
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(close);
}

/// `value` on one line: `{ "zh": "…", "en": "…" }`, `["a", "b"]`.
fn inline(value: &Value) -> String {
    match value {
        Value::Array(items) if !items.is_empty() => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) if !map.is_empty() => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", scalar(&Value::String(k.clone())), inline(v)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        other => scalar(other),
    }
}

fn scalar(value: &Value) -> String {
    serde_json::to_string(value).expect("a JSON value serialises")
}

/// `value` read as `T` and written back: the keys in `T`'s order, nothing `T` does not know.
fn typed_value<T: DeserializeOwned + Serialize>(
    file: &str,
    value: &Value,
) -> Result<Value, CanonicalError> {
    let typed: T =
        serde_json::from_value(value.clone()).map_err(|err| CanonicalError::NotContent {
            file: file.to_owned(),
            why: err.to_string(),
        })?;
    Ok(serde_json::to_value(&typed).expect("content serialises"))
}

/// The JSON Schema of content file `file`, as a value.
fn schema_value(file: &str) -> Value {
    let schema = match file {
        SETTINGS_FILE => schemars::schema_for!(Settings),
        HIGHLIGHTS_FILE => schemars::schema_for!(HighlightsFile),
        PHOTOS_FILE => schemars::schema_for!(PhotosFile),
        NOTICE_FILE => schemars::schema_for!(Notice),
        _ => schemars::schema_for!(ContactsFile),
    };
    schema.to_value()
}

/// Removes from `value` (described by `schema`, within the whole `root` schema) every key
/// that is not required and holds its schema's default, at every depth.
fn leave_out_defaults(value: &mut Value, schema: &Value, root: &Value) {
    let schema = resolve(schema, root);
    match value {
        Value::Object(map) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            map.retain(|key, field| {
                let Some(property) = properties.get(key) else {
                    return true;
                };
                let default = property
                    .get("default")
                    .or_else(|| resolve(property, root).get("default"));
                required.contains(&key.as_str()) || default.is_none_or(|d| d != field)
            });
            for (key, field) in map.iter_mut() {
                if let Some(property) = properties.get(key) {
                    leave_out_defaults(field, property, root);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schema.get("items") {
                for value in items {
                    leave_out_defaults(value, item, root);
                }
            }
        }
        _ => {}
    }
}

/// The schema `schema` stands for: a `$ref` followed into `$defs`, and of an optional value
/// (`anyOf` a type and null) the type.
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        if let Some(target) = root.get("$defs").and_then(|defs| defs.get(name)) {
            return resolve(target, root);
        }
    }
    let choices = schema.get("anyOf").or_else(|| schema.get("oneOf"));
    if let Some(choices) = choices.and_then(Value::as_array) {
        let described = choices
            .iter()
            .find(|choice| choice.get("$ref").is_some() || choice.get("properties").is_some());
        if let Some(choice) = described {
            return resolve(choice, root);
        }
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The content files the default content has (it has no notice).
    fn default_files() -> impl Iterator<Item = &'static str> {
        crate::defaults::FILES.iter().map(|(name, _)| *name)
    }

    fn default_file(name: &str) -> Value {
        serde_json::from_str(crate::defaults::file(name).expect("a default file")).unwrap()
    }

    #[test]
    fn the_default_content_is_written_as_it_is_shipped() {
        // The shipped files are written in the canonical form themselves: the editor saving
        // them unchanged changes nothing. UPDATE_EXPECT=1 writes them so.
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/content");
        for name in default_files() {
            let shipped = crate::defaults::file(name).unwrap();
            let written = canonical_text(name, &default_file(name)).unwrap();
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::write(content.join(name), &written).unwrap();
                continue;
            }
            assert!(
                written == shipped,
                "{name} is not in the canonical form:\n{written}"
            );
        }
    }

    #[test]
    fn keys_come_in_the_types_order_and_defaults_are_left_out() {
        let value = serde_json::json!({
            "highlights": [{
                "pinned": false,
                "body": "b", "summary": "s", "title": "t", "id": "x",
                "figures": [], "photos": ["a.jpg"]
            }]
        });
        let text = canonical_text(HIGHLIGHTS_FILE, &value).unwrap();
        assert_eq!(
            text,
            "{\n  \"$schema\": \"./schema/highlights.schema.json\",\n  \"highlights\": [\n    {\n      \"id\": \"x\",\n      \"title\": \"t\",\n      \"summary\": \"s\",\n      \"body\": \"b\",\n      \"photos\": [\"a.jpg\"]\n    }\n  ]\n}\n"
        );
    }

    #[test]
    fn the_pin_hash_is_carried_over_and_settings_keep_only_what_differs() {
        let mut value = default_file(SETTINGS_FILE);
        value["slideSeconds"] = serde_json::json!(12);
        value[PIN_HASH_KEY] = serde_json::json!("$argon2id$v=19$m=19456,t=2,p=1$abc$def");
        let text = canonical_text(SETTINGS_FILE, &value).unwrap();
        assert!(!text.contains("slideSeconds"), "{text}");
        assert!(
            text.trim_end()
                .ends_with("\"staffPinHash\": \"$argon2id$v=19$m=19456,t=2,p=1$abc$def\"\n}"),
            "{text}"
        );
    }

    #[test]
    fn what_is_written_loads_as_what_was_given() {
        for name in default_files() {
            let value = default_file(name);
            let text = canonical_text(name, &value).unwrap();
            let again: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                canonical_text(name, &again).unwrap(),
                text,
                "{name} is stable"
            );
        }
        assert!(matches!(
            canonical_text(HIGHLIGHTS_FILE, &serde_json::json!({"highlights": 3})),
            Err(CanonicalError::NotContent { .. })
        ));
        assert!(matches!(
            canonical_text("notes.json", &serde_json::json!({})),
            Err(CanonicalError::NotAContentFile(_))
        ));
    }
}
