//! The default content (the zone's own highlights and contacts), built into the binary.
//!
//! Embedding it means an installed kiosk always has something true to show, even with no
//! content folder at all, and `lighthouse-kiosk init` can write a complete starting folder.

use crate::model::{CONTACTS_FILE, HIGHLIGHTS_FILE, PHOTOS_FILE, SETTINGS_FILE};

/// `(file name, file text)` of every default content file.
pub const FILES: [(&str, &str); 4] = [
    (
        SETTINGS_FILE,
        include_str!("../../assets/content/settings.json"),
    ),
    (
        HIGHLIGHTS_FILE,
        include_str!("../../assets/content/highlights.json"),
    ),
    (
        PHOTOS_FILE,
        include_str!("../../assets/content/photos.json"),
    ),
    (
        CONTACTS_FILE,
        include_str!("../../assets/content/contacts.json"),
    ),
];

/// The text of the default content file `name`, if there is one.
pub fn file(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}
