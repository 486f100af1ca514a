//! The content files as staff write them, and the snapshot the UI is given.
//!
//! Field names are camelCase in JSON. Unknown fields are refused, so a misspelt name is
//! reported instead of silently ignored. The doc comments here become the descriptions
//! editors show in the JSON Schemas (see `schema.rs`), so they are written for staff.

pub use crate::notice::{Notice, NOTICE_FILE};
pub use crate::settings::{limits, OpeningHours, Settings, Transition, WhenClosed};
pub use crate::showing::{Scheduled, TimeWindow};
use crate::text::Text;
use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const SETTINGS_FILE: &str = "settings.json";
pub const HIGHLIGHTS_FILE: &str = "highlights.json";
pub const PHOTOS_FILE: &str = "photos.json";
pub const CONTACTS_FILE: &str = "contacts.json";
/// The folder, inside the content folder, that holds the photo files.
pub const PHOTOS_DIR: &str = "photos";

/// Every content file, in the order they are read and reported.
pub const CONTENT_FILES: [&str; 5] = [
    SETTINGS_FILE,
    HIGHLIGHTS_FILE,
    PHOTOS_FILE,
    CONTACTS_FILE,
    NOTICE_FILE,
];

/// Items that say when they are shown in the same three fields: "from", "until", "times".
macro_rules! scheduled_by_its_fields {
    ($item:ty) => {
        impl Scheduled for $item {
            fn first_day(&self) -> Option<&str> {
                self.from.as_deref()
            }
            fn last_day(&self) -> Option<&str> {
                self.until.as_deref()
            }
            fn times(&self) -> &[TimeWindow] {
                &self.times
            }
        }
    };
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
#[schemars(transform = crate::settings::ranges_in_words)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Highlight {
    /// A short name for this highlight, different from every other. Lower-case letters, digits and "-".
    pub id: String,
    /// The date it is about, as YYYY-MM-DD, or a year alone, as YYYY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The "id" of the article in "sources" this highlight comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    /// The first day it is shown, as YYYY-MM-DD. Without it, it is shown from now on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day it is shown, as YYYY-MM-DD. Without it, it is shown with no end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Times of the week it is shown, e.g. [{"days": ["mon", "tue"], "from": "09:00",
    /// "until": "12:00"}]. Without them, it is shown all day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeWindow>,
    /// true to show it before all highlights that are not pinned.
    #[serde(default)]
    pub pinned: bool,
    /// How many seconds this slide stays up, instead of the settings' "slideSeconds".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = limits::SLIDE_SECONDS_MIN, max = limits::SLIDE_SECONDS_MAX))]
    pub duration_seconds: Option<u32>,
}

scheduled_by_its_fields!(Highlight);

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

/// One photo (or video) in the photos folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Photo {
    /// The file's name inside the photos folder, e.g. "unveiling.jpg" or "2024/unveiling.jpg";
    /// a video is an MP4 (H.264) or WebM (VP8 or VP9) file, e.g. "opening.mp4".
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
    /// The first day it is shown, as YYYY-MM-DD. Without it, it is shown from now on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day it is shown, as YYYY-MM-DD. Without it, it is shown with no end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Times of the week it is shown, e.g. [{"days": ["mon", "tue"], "from": "09:00",
    /// "until": "12:00"}]. Without them, it is shown all day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeWindow>,
    /// For a video (an .mp4 or .webm file): how many seconds its slide stays up. Without
    /// it, the video's own length; a shorter time cuts it, a longer one plays it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = limits::SLIDE_SECONDS_MIN, max = limits::SLIDE_SECONDS_MAX))]
    pub duration_seconds: Option<u32>,
}

scheduled_by_its_fields!(Photo);

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
/// Holds every highlight and photo, whatever its days and times; [`Content::shown_at`] picks
/// those of a moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub settings: Settings,
    pub sources: Vec<Source>,
    pub highlights: Vec<Highlight>,
    pub photos: Vec<Photo>,
    pub contacts: ContactsFile,
    /// The message on every screen, when notice.json gives one.
    pub notice: Option<Notice>,
}

/// The first item a new content adds or changes, for the screen to show it at once: staff
/// who save a change see it on screen instead of waiting for its turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Changed {
    /// A highlight, by its id.
    Highlight(String),
    /// A photo of photos.json, by its file name.
    Photo(String),
}

impl Content {
    /// The first highlight (in file order) that `self` adds or changes against `before`,
    /// else the first photo of photos.json it adds or changes; `None` when neither changed
    /// (only settings, contacts or removals).
    pub fn first_change(&self, before: &Content) -> Option<Changed> {
        let highlight = self
            .highlights
            .iter()
            .find(|h| !before.highlights.contains(h))
            .map(|h| Changed::Highlight(h.id.clone()));
        highlight.or_else(|| {
            self.photos
                .iter()
                .find(|p| !before.photos.contains(p))
                .map(|p| Changed::Photo(p.file.clone()))
        })
    }

    /// What the screen shows at `at`: the highlights and photos shown then (pinned
    /// highlights first, otherwise in file order) and the notice if it is on then. The UI is
    /// given this, so the rule lives here only.
    pub fn shown_at(&self, at: NaiveDateTime) -> Content {
        let shown = self.highlights.iter().filter(|h| h.is_shown_at(at));
        let (pinned, rest): (Vec<&Highlight>, Vec<&Highlight>) = shown.partition(|h| h.pinned);
        Content {
            highlights: pinned.into_iter().chain(rest).cloned().collect(),
            photos: self
                .photos
                .iter()
                .filter(|p| p.is_shown_at(at))
                .cloned()
                .collect(),
            notice: self.notice.clone().filter(|n| n.is_shown_at(at)),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_embedded_defaults;

    fn day(text: &str) -> chrono::NaiveDate {
        text.parse().unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn the_first_highlight_added_or_changed_is_the_change_else_the_first_photo() {
        let before = load_embedded_defaults(day("2026-01-01")).content.unwrap();
        let mut after = before.clone();
        assert_eq!(after.first_change(&before), None);
        after.settings.slide_seconds += 1;
        assert_eq!(after.first_change(&before), None, "settings are no item");
        after.photos.push(Photo {
            file: "new.jpg".into(),
            caption: None,
            credit: None,
            date: None,
            from: None,
            until: None,
            times: vec![],
            duration_seconds: None,
        });
        assert_eq!(
            after.first_change(&before),
            Some(Changed::Photo("new.jpg".into()))
        );
        after.highlights[1].summary = Text::Same("changed".into());
        let second = after.highlights[1].id.clone();
        assert_eq!(
            after.first_change(&before),
            Some(Changed::Highlight(second))
        );
        after.highlights.remove(1);
        assert_eq!(
            after.first_change(&before),
            Some(Changed::Photo("new.jpg".into())),
            "a highlight removed is nothing to show"
        );
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
            .shown_at(at("2026-01-01 10:00"))
            .highlights
            .iter()
            .map(|h| h.id.clone())
            .collect();
        let mut expected = vec![ids[2].clone(), ids[1].clone()];
        expected.extend(ids[3..].iter().cloned());
        assert_eq!(shown, expected);
    }

    #[test]
    fn a_photo_outside_its_times_is_left_out_and_the_others_kept() {
        let mut content = load_embedded_defaults(day("2026-01-01")).content.unwrap();
        let photo = |file: &str| Photo {
            file: file.into(),
            caption: None,
            credit: None,
            date: None,
            from: None,
            until: None,
            times: vec![],
            duration_seconds: None,
        };
        content.photos = vec![photo("morning.jpg"), photo("always.jpg")];
        let first = content.photos[0].file.clone();
        content.photos[0].times = vec![TimeWindow {
            days: vec![crate::showing::Day::Tue],
            from: "09:00".into(),
            until: "12:00".into(),
        }];
        // 2026-12-01 is a Tuesday.
        let files = |at_: &str| -> Vec<String> {
            content
                .shown_at(at(at_))
                .photos
                .into_iter()
                .map(|p| p.file)
                .collect()
        };
        assert!(files("2026-12-01 10:00").contains(&first));
        assert!(!files("2026-12-01 13:00").contains(&first));
        assert_eq!(files("2026-12-01 13:00").len(), content.photos.len() - 1);
    }
}
