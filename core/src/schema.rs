//! JSON Schemas of the content files, generated from the Rust types, so an editor such as
//! VS Code underlines mistakes and completes field names while staff type.
//!
//! The schemas are shipped in each content folder's `schema/` folder and named by the
//! `"$schema"` field at the top of each file. A test fails when the shipped copies in
//! `assets/content/schema/` differ from what the types generate.

use crate::model::{
    ContactsFile, HighlightsFile, Notice, PhotosFile, Settings, CONTACTS_FILE, HIGHLIGHTS_FILE,
    NOTICE_FILE, PHOTOS_FILE, SETTINGS_FILE,
};
use schemars::{schema_for, Schema};
use std::path::Path;

/// The folder, inside a content folder, that holds the schemas.
pub const SCHEMA_DIR: &str = "schema";

/// `(schema file name, schema text)` for every content file.
pub fn schemas() -> Vec<(String, String)> {
    [
        (SETTINGS_FILE, schema_for!(Settings)),
        (HIGHLIGHTS_FILE, schema_for!(HighlightsFile)),
        (PHOTOS_FILE, schema_for!(PhotosFile)),
        (CONTACTS_FILE, schema_for!(ContactsFile)),
        (NOTICE_FILE, schema_for!(Notice)),
    ]
    .into_iter()
    .map(|(file, schema)| (schema_file_name(file), render(schema)))
    .collect()
}

/// `highlights.json` -> `highlights.schema.json`.
pub fn schema_file_name(content_file: &str) -> String {
    let stem = content_file.strip_suffix(".json").unwrap_or(content_file);
    format!("{stem}.schema.json")
}

fn render(schema: Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// Writes every schema into `content_dir/schema/`.
pub fn write_schemas(content_dir: &Path) -> std::io::Result<()> {
    let dir = content_dir.join(SCHEMA_DIR);
    std::fs::create_dir_all(&dir)?;
    for (name, text) in schemas() {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schemas in assets/content/schema/ are what staff's editors read: they must say
    /// what the kiosk accepts. `make schemas` regenerates them after a type changes.
    #[test]
    fn the_shipped_schemas_match_the_types() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/content");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            write_schemas(&content).expect("write the schemas");
        }
        let shipped = content.join(SCHEMA_DIR);
        for (name, generated) in schemas() {
            let path = shipped.join(&name);
            let on_disk = std::fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("{}: {err}; run `make schemas`", path.display()));
            assert!(
                on_disk == generated,
                "{} differs from the schema the types generate; run `make schemas`",
                path.display()
            );
        }
    }

    /// The README's table of settings gives each number setting's range and default as
    /// "3-600, default 12": the same numbers the schema (and `check`) hold.
    #[test]
    fn the_readme_gives_each_setting_s_range_and_default_as_the_schema_does() {
        let readme = include_str!("../../README.md");
        let settings: serde_json::Value = serde_json::to_value(schema_for!(Settings)).unwrap();
        let mut checked = 0;
        for (name, property) in settings["properties"].as_object().unwrap() {
            let (Some(min), Some(max)) = (property.get("minimum"), property.get("maximum")) else {
                continue;
            };
            let words = format!("{min}-{max}, default {}", property["default"]);
            let line = readme
                .lines()
                .find(|line| line.contains(&format!("`{name}`")))
                .unwrap_or_else(|| panic!("the README does not name `{name}`"));
            let after = &line[line.find(&format!("`{name}`")).unwrap()..];
            assert!(
                after.contains(&words),
                "the README should give `{name}` as {words}: {after}"
            );
            checked += 1;
        }
        assert_eq!(checked, 4, "the number settings were all found");
    }

    #[test]
    fn every_default_file_names_its_schema() {
        for (file, text) in crate::defaults::FILES {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                value["$schema"],
                format!("./{SCHEMA_DIR}/{}", schema_file_name(file)),
                "{file}"
            );
        }
    }
}
