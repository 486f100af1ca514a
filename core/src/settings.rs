//! settings.json: how the kiosk behaves (its name, languages, timing, opening hours and
//! staff PIN), with the defaults and the allowed range of every number in it. The doc
//! comments become the descriptions editors show in the JSON Schema.

use crate::photo_motion::PhotoMotion;
use crate::text::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

/// The ranges the number settings must lie in: the one place they are written. The schema
/// carries them (an editor shows them), `check` enforces them, and a test holds the
/// README's table to them.
pub mod limits {
    /// Shorter than this and a slide is gone before a visitor has read its title.
    pub const SLIDE_SECONDS_MIN: u32 = 3;
    /// Longer than this and the slideshow looks frozen.
    pub const SLIDE_SECONDS_MAX: u32 = 600;
    /// Shorter than this and a visitor reading a slide is interrupted.
    pub const IDLE_SECONDS_MIN: u32 = 10;
    /// Longer than this and a walked-away visitor's screen is left up for too long.
    pub const IDLE_SECONDS_MAX: u32 = 3600;
    pub const CURSOR_HIDE_SECONDS_MIN: u32 = 1;
    pub const CURSOR_HIDE_SECONDS_MAX: u32 = 600;
    /// The kiosk needs about 250 MiB: a lower ceiling reloads its page at every slide (which
    /// is how it is tested); above the maximum no PC has the memory.
    pub const MEMORY_LIMIT_MIB_MIN: u32 = 100;
    pub const MEMORY_LIMIT_MIB_MAX: u32 = 65536;
}
use limits::*;

/// How the kiosk behaves: its name, languages and timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(transform = ranges_in_words)]
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
    /// How many seconds each slide stays up.
    #[serde(default = "default_slide_seconds")]
    #[schemars(range(min = SLIDE_SECONDS_MIN, max = SLIDE_SECONDS_MAX))]
    pub slide_seconds: u32,
    /// How many seconds after a visitor's last touch the kiosk asks whether anyone is still
    /// there. Unless the screen is touched, the slideshow starts again 20 seconds later, in
    /// the default language.
    #[serde(default = "default_idle_seconds")]
    #[schemars(range(min = IDLE_SECONDS_MIN, max = IDLE_SECONDS_MAX))]
    pub idle_seconds: u32,
    /// How one slide changes to the next: "fade" (default) or "none".
    #[serde(default)]
    pub transition: Transition,
    /// Whether photo slides move slowly (a gentle zoom and pan): "auto" (default) where the
    /// screen has a GPU to move them, true always, false never. Screens set to reduce motion
    /// keep them still either way.
    #[serde(default)]
    pub photo_motion: PhotoMotion,
    /// How many seconds the mouse pointer stays visible after it last moved. A touch hides
    /// it at once.
    #[serde(default = "default_cursor_hide_seconds")]
    #[schemars(range(min = CURSOR_HIDE_SECONDS_MIN, max = CURSOR_HIDE_SECONDS_MAX))]
    pub cursor_hide_seconds: u32,
    /// The most memory, in MiB, the kiosk and its web view may use together before the page
    /// is loaded afresh between two slides. Web views grow slowly over weeks; this keeps the
    /// kiosk as quick as on its first day.
    #[serde(default = "default_memory_limit_mib", rename = "memoryLimitMiB")]
    #[schemars(range(min = MEMORY_LIMIT_MIB_MIN, max = MEMORY_LIMIT_MIB_MAX))]
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

/// Adds each number field's range (and default) to its description, in words, so the
/// editor's tooltip states the range the schema enforces and the two cannot disagree.
pub fn ranges_in_words(schema: &mut schemars::Schema) {
    let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    for property in properties.values_mut() {
        let (Some(min), Some(max)) = (property.get("minimum"), property.get("maximum")) else {
            continue;
        };
        let mut words = format!("From {min} to {max}");
        if let Some(default) = property.get("default") {
            words.push_str(&format!("; default {default}"));
        }
        let described = property
            .get("description")
            .and_then(serde_json::Value::as_str)
            .map_or_else(|| format!("{words}."), |d| format!("{d} {words}."));
        property["description"] = described.into();
    }
}
