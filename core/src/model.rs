//! The content files as staff write them, and the snapshot the UI is given.
//!
//! Field names are camelCase in JSON. Unknown fields are refused, so a misspelt field
//! name is reported instead of silently ignored.

use crate::text::Text;
use serde::{Deserialize, Serialize};

pub const SETTINGS_FILE: &str = "settings.json";
pub const HIGHLIGHTS_FILE: &str = "highlights.json";
pub const CONTACTS_FILE: &str = "contacts.json";

/// Every file a content folder must have, in the order they are read and reported.
pub const CONTENT_FILES: [&str; 3] = [SETTINGS_FILE, HIGHLIGHTS_FILE, CONTACTS_FILE];

/// How long a slide stays up when neither the settings nor the highlight say otherwise:
/// long enough to read a title, a summary and a figure in one language and glance at the other.
pub const DEFAULT_SLIDE_SECONDS: u32 = 12;

/// `settings.json`: how the kiosk behaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// Lets editors find the JSON Schema; the kiosk ignores it.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The place's name, shown at the top of every slide.
    pub title: Text,
    /// Language codes the content is written in, e.g. `["zh", "en"]`.
    pub languages: Vec<String>,
    /// The language shown first, and the fallback for missing translations.
    pub default_language: String,
    /// Seconds each slide stays up in the slideshow.
    #[serde(default = "default_slide_seconds")]
    pub slide_seconds: u32,
}

fn default_slide_seconds() -> u32 {
    DEFAULT_SLIDE_SECONDS
}

/// `highlights.json`: the zone's achievements and news, and where they were published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighlightsFile {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Articles the highlights are taken from; highlights refer to them by `id`.
    #[serde(default)]
    pub sources: Vec<Source>,
    pub highlights: Vec<Highlight>,
}

/// A published article and the people credited for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub headline: Text,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    #[serde(default)]
    pub credits: Vec<Credit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credit {
    /// What they did, e.g. `{"zh": "记者", "en": "Reporter"}`.
    pub role: Text,
    pub names: Vec<Text>,
}

/// One slide's worth of news: a title, a short summary, the full text, and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Highlight {
    /// Stable name for this highlight (letters, digits and `-`), unique in the file.
    pub id: String,
    /// The date the highlight is about, `YYYY-MM-DD`, or a year, `YYYY`.
    #[serde(default)]
    pub date: Option<String>,
    pub title: Text,
    pub summary: Text,
    pub body: Text,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub quote: Option<Quote>,
    /// The `id` of the source article.
    #[serde(default)]
    pub source: Option<String>,
    /// Seconds this slide stays up, instead of the settings' `slideSeconds`.
    #[serde(default)]
    pub duration_seconds: Option<u32>,
}

/// A number worth showing big, e.g. `72.7%` / "of Foshan's China Patent Awards".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Figure {
    pub value: Text,
    pub label: Text,
}

/// Words someone said, with who they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quote {
    pub text: Text,
    pub name: Text,
    pub role: Text,
}

/// `contacts.json`: who to call, and where the zone is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactsFile {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    pub organisation: Text,
    pub address: Address,
    pub entries: Vec<ContactEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    pub text: Text,
    pub postcode: String,
}

/// A park or office and its phone numbers, in the order they should be tried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactEntry {
    pub name: Text,
    pub phones: Vec<String>,
}

/// Everything the kiosk shows, checked and complete. Replaced whole, never edited in place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub settings: Settings,
    pub sources: Vec<Source>,
    pub highlights: Vec<Highlight>,
    pub contacts: ContactsFile,
}
