//! What is particular to one screen when several share a content folder: its name (on the
//! fleet view), how it is mounted, and which park's contacts come first on it. Kept in a
//! small file of its own outside the shared folder (`~/.config/lighthouse-kiosk/screen.json`
//! or `--screen FILE`), checked like the content.

use crate::diagnostic::Diagnostic;
use crate::json::JsonFile;
use crate::model::ContactsFile;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One screen's own settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScreenSettings {
    /// Tells your editor where this file's schema is.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The screen's name on the fleet view, e.g. "lobby" or "nanhai-park". Lower-case
    /// letters, digits and "-". Default: the PC's name.
    #[serde(default)]
    pub name: Option<String>,
    /// How the screen is mounted: "landscape" or "portrait". The kiosk warns when the
    /// display it runs on does not match (rotate the display, e.g. with xrandr).
    #[serde(default)]
    pub orientation: Option<Orientation>,
    /// The park or office whose contacts come first on this screen, by its name in
    /// contacts.json (in any language), e.g. "Nanhai Park".
    #[serde(default)]
    pub lead_contact: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Landscape,
    Portrait,
}

/// The PC's name, for a screen that does not name itself.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "kiosk".to_owned())
}

/// Reads a screen's settings, checked against `contacts` (for the lead contact). An absent
/// file is the defaults; problems are reported with their line and column.
pub fn load(path: &Path, contacts: Option<&ContactsFile>) -> (ScreenSettings, Vec<Diagnostic>) {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return (ScreenSettings::default(), Vec::new())
        }
        Err(err) => {
            return (
                ScreenSettings::default(),
                vec![Diagnostic::error(
                    &name,
                    crate::words!("file.unreadable", error = err.to_string()),
                )],
            )
        }
    };
    let file = match JsonFile::parse(&name, &text) {
        Ok(file) => file,
        Err(problem) => return (ScreenSettings::default(), vec![problem]),
    };
    let settings: ScreenSettings = match file.deserialize("") {
        Ok(settings) => settings,
        Err(problem) => return (ScreenSettings::default(), vec![problem]),
    };
    let mut problems = Vec::new();
    if let Some(screen) = &settings.name {
        let usable = !screen.is_empty()
            && screen
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !usable {
            problems.push(
                file.error("name", crate::words!("screen.unusable_name", name = screen))
                    .hint(crate::words!("screen.unusable_name.hint")),
            );
        }
    }
    if let (Some(lead), Some(contacts)) = (&settings.lead_contact, contacts) {
        if lead_index(contacts, lead).is_none() {
            let names: Vec<String> = contacts
                .entries
                .iter()
                .flat_map(|e| e.name.versions().into_iter().map(|(_, t)| t.to_owned()))
                .collect();
            let hint = match crate::suggest::closest(lead, names.iter().map(String::as_str)) {
                Some(close) => crate::words!("did_you_mean", name = close),
                None => crate::words!(
                    "screen.no_such_contact.hint",
                    name = names.first().cloned().unwrap_or_default()
                ),
            };
            problems.push(
                file.error(
                    "leadContact",
                    crate::words!("screen.no_such_contact", name = lead),
                )
                .hint(hint),
            );
        }
    }
    (settings, problems)
}

/// Which contact entry `lead` names (in any of its languages).
pub fn lead_index(contacts: &ContactsFile, lead: &str) -> Option<usize> {
    let lead = lead.trim().to_lowercase();
    contacts.entries.iter().position(|entry| {
        entry
            .name
            .versions()
            .iter()
            .any(|(_, text)| text.trim().to_lowercase() == lead)
    })
}

/// `contacts` with the entry `lead` names first (the others keep their order).
pub fn lead_first(contacts: &ContactsFile, lead: Option<&str>) -> ContactsFile {
    let mut contacts = contacts.clone();
    if let Some(index) = lead.and_then(|lead| lead_index(&contacts, lead)) {
        let entry = contacts.entries.remove(index);
        contacts.entries.insert(0, entry);
    }
    contacts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_embedded_defaults;
    use std::path::PathBuf;

    fn contacts() -> ContactsFile {
        load_embedded_defaults(chrono::NaiveDate::MIN)
            .content
            .unwrap()
            .contacts
    }

    fn file(name: &str, text: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!(
            "lighthouse-screen-{name}-{}.json",
            std::process::id()
        ));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_screen_names_itself_and_its_lead_park_in_either_language() {
        let path = file(
            "good",
            r#"{"name": "nanhai", "orientation": "portrait", "leadContact": "南海园"}"#,
        );
        let (settings, problems) = load(&path, Some(&contacts()));
        assert_eq!(problems, []);
        assert_eq!(settings.orientation, Some(Orientation::Portrait));
        let ordered = lead_first(&contacts(), settings.lead_contact.as_deref());
        assert_eq!(ordered.entries[0].name.get("en", "zh"), "Nanhai Park");
        assert_eq!(ordered.entries.len(), contacts().entries.len());
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn mistakes_are_placed_and_explained() {
        let path = file(
            "bad",
            "{\n  \"name\": \"Lobby 1\",\n  \"leadContact\": \"Nanhia Park\"\n}",
        );
        let (_, problems) = load(&path, Some(&contacts()));
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text[0].contains(" line 2, column 3: error: \"Lobby 1\" is not a usable screen name"),
            "{text:?}"
        );
        assert!(
            text[1].contains(
                " line 3, column 3: error: no contact in contacts.json is called \"Nanhia Park\""
            ),
            "{text:?}"
        );
        assert!(
            text[1].contains("did you mean \"Nanhai Park\"?"),
            "{text:?}"
        );
        let path2 = file("typo", r#"{"orientaton": "portrait"}"#);
        let (_, problems) = load(&path2, None);
        assert!(
            problems[0]
                .to_string()
                .contains("did you mean \"orientation\"?"),
            "{problems:?}"
        );
        std::fs::remove_file(path).unwrap();
        std::fs::remove_file(path2).unwrap();
    }

    #[test]
    fn no_file_is_the_defaults() {
        let (settings, problems) = load(Path::new("/nonexistent/screen.json"), None);
        assert_eq!((settings, problems), (ScreenSettings::default(), vec![]));
    }
}
