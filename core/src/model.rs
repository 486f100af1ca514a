//! The content files as staff write them, and the snapshot the UI is given.
//!
//! Field names are camelCase in JSON. Unknown fields are refused, so a misspelt name is
//! reported instead of silently ignored. The doc comments here become the descriptions
//! editors show in the JSON Schemas (see `schema.rs`), so they are written for staff.

use crate::text::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const SETTINGS_FILE: &str = "settings.json";
pub const HIGHLIGHTS_FILE: &str = "highlights.json";
pub const PHOTOS_FILE: &str = "photos.json";
pub const CONTACTS_FILE: &str = "contacts.json";
/// The folder, inside the content folder, that holds the photo files.
pub const PHOTOS_DIR: &str = "photos";

/// Every content file, in the order they are read and reported.
pub const CONTENT_FILES: [&str; 4] = [SETTINGS_FILE, HIGHLIGHTS_FILE, PHOTOS_FILE, CONTACTS_FILE];

/// How long a slide stays up unless the settings or the highlight say otherwise: long
/// enough to read a title, a summary and a figure in one language and glance at the other.
pub const DEFAULT_SLIDE_SECONDS: u32 = 12;
/// How long the kiosk waits after a visitor's last touch before asking if they are still there.
pub const DEFAULT_IDLE_SECONDS: u32 = 60;
/// Long enough to find the pointer again after a glance away; short enough that it is gone
/// before a visitor notices it on the slideshow.
pub const DEFAULT_CURSOR_HIDE_SECONDS: u32 = 5;
/// About four times what the kiosk uses after starting (~250 MiB), well inside the 4 GiB
/// of the smallest PC it should run on.
pub const DEFAULT_MEMORY_LIMIT_MIB: u32 = 1024;

/// How the kiosk behaves: its name, languages and timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// Tells your editor where this file's schema is, so it can check the file as you type.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The place's name, shown at the top of every slide.
    pub title: Text,
    /// The languages the content is written in, as codes: "zh" for Chinese, "en" for English.
    pub languages: Vec<String>,
    /// The language shown first, and used wherever a translation is missing. One of "languages".
    pub default_language: String,
    /// How many seconds each slide stays up (3 to 600). Default 12.
    #[serde(default = "default_slide_seconds")]
    pub slide_seconds: u32,
    /// How many seconds after a visitor's last touch the kiosk asks whether anyone is still
    /// there (10 to 3600). Default 60. Unless the screen is touched, the slideshow starts
    /// again 20 seconds later, in the default language.
    #[serde(default = "default_idle_seconds")]
    pub idle_seconds: u32,
    /// How one slide changes to the next: "fade" (default) or "none".
    #[serde(default)]
    pub transition: Transition,
    /// true (default) to let photo slides move slowly (a gentle zoom and pan); false to keep
    /// them still. Screens set to reduce motion keep them still either way.
    #[serde(default = "default_photo_motion")]
    pub photo_motion: bool,
    /// How many seconds the mouse pointer stays visible after it last moved (1 to 600).
    /// Default 5. A touch hides it at once.
    #[serde(default = "default_cursor_hide_seconds")]
    pub cursor_hide_seconds: u32,
    /// The most memory, in MiB, the kiosk and its web view may use together before the page
    /// is loaded afresh between two slides (100 to 65536). Default 1024. Web views grow
    /// slowly over weeks; this keeps the kiosk as quick as on its first day.
    #[serde(default = "default_memory_limit_mib", rename = "memoryLimitMiB")]
    pub memory_limit_mib: u32,
    /// true (default) to keep anonymous counts per day on this PC: slides shown, visits and
    /// their length, screens opened, languages chosen. Nothing about any visitor is kept.
    #[serde(default = "default_count_visits")]
    pub count_visits: bool,
    /// When the building is open. Outside these hours the screen rests (black, or a dimmed
    /// clock); a touch wakes it for a few minutes. Without it, the kiosk is always on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<OpeningHours>,
    /// The staff panel's PIN, as `lighthouse-kiosk pin` prints it. Without it nobody can open
    /// the staff panel.
    #[serde(default, skip_serializing)]
    pub staff_pin_hash: Option<String>,
}

/// The building's opening hours: each day's opening times, and the days it is closed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpeningHours {
    /// Opening times on Mondays, e.g. ["09:00-12:00", "13:30-18:00"]. A day left out, or
    /// with [], is closed. Open past midnight: "20:00-24:00" here, "00:00-02:00" the next day.
    #[serde(default)]
    pub monday: Vec<String>,
    /// Opening times on Tuesdays, as for "monday".
    #[serde(default)]
    pub tuesday: Vec<String>,
    /// Opening times on Wednesdays, as for "monday".
    #[serde(default)]
    pub wednesday: Vec<String>,
    /// Opening times on Thursdays, as for "monday".
    #[serde(default)]
    pub thursday: Vec<String>,
    /// Opening times on Fridays, as for "monday".
    #[serde(default)]
    pub friday: Vec<String>,
    /// Opening times on Saturdays, as for "monday".
    #[serde(default)]
    pub saturday: Vec<String>,
    /// Opening times on Sundays, as for "monday".
    #[serde(default)]
    pub sunday: Vec<String>,
    /// Days the building is closed all day (holidays), as YYYY-MM-DD.
    #[serde(default)]
    pub closed_dates: Vec<String>,
    /// What the screen shows while closed: "black" (default; the display is also switched
    /// off where it allows it) or "clock" (a dimmed clock).
    #[serde(default)]
    pub when_closed: WhenClosed,
}

/// What the screen shows outside opening hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WhenClosed {
    /// A black screen; the display is switched off where it allows it.
    #[default]
    Black,
    /// A dimmed clock.
    Clock,
}

impl OpeningHours {
    /// Each weekday's written times, Monday first.
    pub fn days(&self) -> [(&'static str, &[String]); 7] {
        let names = crate::schedule::WEEKDAYS.map(|(name, _)| name);
        [
            (names[0], &self.monday[..]),
            (names[1], &self.tuesday[..]),
            (names[2], &self.wednesday[..]),
            (names[3], &self.thursday[..]),
            (names[4], &self.friday[..]),
            (names[5], &self.saturday[..]),
            (names[6], &self.sunday[..]),
        ]
    }

    /// The schedule these hours describe (times and dates that cannot be read, which
    /// `check` reports, are left out).
    pub fn schedule(&self) -> crate::schedule::Schedule {
        let week = self.days().map(|(_, times)| {
            times
                .iter()
                .filter_map(|t| crate::schedule::parse_range(t).ok())
                .collect()
        });
        let closed = self
            .closed_dates
            .iter()
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        crate::schedule::Schedule::new(week, closed)
    }
}

fn default_photo_motion() -> bool {
    true
}

fn default_count_visits() -> bool {
    true
}

fn default_cursor_hide_seconds() -> u32 {
    DEFAULT_CURSOR_HIDE_SECONDS
}

fn default_memory_limit_mib() -> u32 {
    DEFAULT_MEMORY_LIMIT_MIB
}

fn default_slide_seconds() -> u32 {
    DEFAULT_SLIDE_SECONDS
}

fn default_idle_seconds() -> u32 {
    DEFAULT_IDLE_SECONDS
}

/// How one slide changes to the next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Transition {
    /// The new slide fades in over the old one.
    #[default]
    Fade,
    /// The new slide replaces the old one at once.
    None,
}

/// The zone's achievements and news, and the articles they come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighlightsFile {
    /// Tells your editor where this file's schema is, so it can check the file as you type.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Articles the highlights are taken from; a highlight names its article by "id".
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The highlights, in the order they are shown (pinned ones first).
    pub highlights: Vec<Highlight>,
}

/// A published article and the people credited for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// A short name for this article, used by highlights' "source". Lower-case letters, digits and "-".
    pub id: String,
    /// The article's headline.
    pub headline: Text,
    /// The day it was published, as YYYY-MM-DD.
    pub published: String,
    /// Who made it: reporter, editors, photographers.
    #[serde(default)]
    pub credits: Vec<Credit>,
}

/// One kind of credit and the people or organisations that earned it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credit {
    /// What they did, e.g. {"zh": "记者", "en": "Reporter"}.
    pub role: Text,
    /// Their names.
    pub names: Vec<Text>,
}

/// One slide's worth of news: a title, a short summary, the full text, and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Highlight {
    /// A short name for this highlight, different from every other. Lower-case letters, digits and "-".
    pub id: String,
    /// The date it is about, as YYYY-MM-DD, or a year alone, as YYYY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The headline, shown large.
    pub title: Text,
    /// One or two sentences shown on the slide.
    pub summary: Text,
    /// The full text, for visitors who want to read more.
    pub body: Text,
    /// Numbers worth showing big, each with a short label.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Words someone said about it, with who they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// Photos for this highlight: file names inside the photos folder, e.g. "unveiling.jpg".
    #[serde(default)]
    pub photos: Vec<String>,
    /// The "id" of the article in "sources" this highlight comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The first day it is shown, as YYYY-MM-DD. Without it, it is shown from now on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day it is shown, as YYYY-MM-DD. Without it, it is shown with no end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// true to show it before all highlights that are not pinned.
    #[serde(default)]
    pub pinned: bool,
    /// How many seconds this slide stays up, instead of the settings' "slideSeconds" (3 to 600).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
}

impl Highlight {
    /// Whether it is shown on `day`: from its "from" to its "until", both days included. A
    /// date that cannot be read sets no limit (`check` reports it as an error).
    pub fn is_shown_on(&self, day: NaiveDate) -> bool {
        let limit = |date: &Option<String>| {
            date.as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        };
        limit(&self.from).is_none_or(|from| from <= day)
            && limit(&self.until).is_none_or(|until| until >= day)
    }
}

/// A number worth showing big, e.g. "72.7%" with "of Foshan's China Patent Awards".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Figure {
    /// The number, as it should be shown: "24", "72.7%", {"zh": "近4亿元", "en": "≈400 million yuan"}.
    pub value: Text,
    /// What the number counts.
    pub label: Text,
}

/// Words someone said, with who they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quote {
    /// What they said, without quotation marks (the kiosk adds them).
    pub text: Text,
    /// Who said it.
    pub name: Text,
    /// Their role or title.
    pub role: Text,
}

/// The photos to show, with their captions and credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhotosFile {
    /// Tells your editor where this file's schema is, so it can check the file as you type.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The photos, in the order they are shown.
    pub photos: Vec<Photo>,
}

/// One photo in the photos folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Photo {
    /// The file's name inside the photos folder, e.g. "unveiling.jpg" or "2024/unveiling.jpg".
    pub file: String,
    /// What the photo shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    /// Who took it, e.g. "Foshan News Media Center".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    /// When it was taken, as YYYY-MM-DD, or a year alone, as YYYY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Who to call, and where the zone is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactsFile {
    /// Tells your editor where this file's schema is, so it can check the file as you type.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The organisation's name.
    pub organisation: Text,
    /// Where to find it.
    pub address: Address,
    /// Each park or office, with its phone numbers.
    pub entries: Vec<ContactEntry>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// The street address.
    pub text: Text,
    /// The postcode.
    pub postcode: String,
}

/// A park or office and its phone numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactEntry {
    /// Its name.
    pub name: Text,
    /// Its phone numbers, in the order they should be tried, e.g. ["0757-86683830", "0757-86682797"].
    pub phones: Vec<String>,
}

/// Everything the kiosk shows, checked and complete. Replaced whole, never edited in place.
/// Holds every highlight, whatever its dates; [`Content::shown_on`] picks a day's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub settings: Settings,
    pub sources: Vec<Source>,
    pub highlights: Vec<Highlight>,
    pub photos: Vec<Photo>,
    pub contacts: ContactsFile,
}

impl Content {
    /// What the screen shows on `day`: the highlights shown that day, pinned ones first and
    /// otherwise in file order. The UI is given this, so the rule lives here only.
    pub fn shown_on(&self, day: NaiveDate) -> Content {
        let shown = self.highlights.iter().filter(|h| h.is_shown_on(day));
        let (pinned, rest): (Vec<&Highlight>, Vec<&Highlight>) = shown.partition(|h| h.pinned);
        Content {
            highlights: pinned.into_iter().chain(rest).cloned().collect(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_embedded_defaults;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_highlight_is_shown_from_its_first_to_its_last_day() {
        let mut content = load_embedded_defaults(day("2026-01-01")).content.unwrap();
        let highlight = &mut content.highlights[0];
        highlight.from = Some("2026-03-01".into());
        highlight.until = Some("2026-03-31".into());
        assert!(!highlight.is_shown_on(day("2026-02-28")));
        assert!(highlight.is_shown_on(day("2026-03-01")));
        assert!(highlight.is_shown_on(day("2026-03-31")));
        assert!(!highlight.is_shown_on(day("2026-04-01")));
    }

    #[test]
    fn the_day_s_highlights_come_pinned_first_then_in_file_order() {
        let mut content = load_embedded_defaults(day("2026-01-01")).content.unwrap();
        let ids: Vec<String> = content.highlights.iter().map(|h| h.id.clone()).collect();
        assert!(ids.len() >= 3);
        content.highlights[2].pinned = true;
        content.highlights[0].until = Some("2025-12-31".into());
        let shown: Vec<String> = content
            .shown_on(day("2026-01-01"))
            .highlights
            .iter()
            .map(|h| h.id.clone())
            .collect();
        let mut expected = vec![ids[2].clone(), ids[1].clone()];
        expected.extend(ids[3..].iter().cloned());
        assert_eq!(shown, expected);
    }
}
