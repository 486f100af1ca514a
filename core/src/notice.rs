//! A notice: one message staff put on every screen at once ("closed today: typhoon"), over
//! the slideshow and over whatever a visitor has open, from its start until it ends. It is
//! `notice.json` in the content folder, so it travels to every screen with the rest.
//! Pure: the time is passed in.

use crate::text::Text;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const NOTICE_FILE: &str = "notice.json";

/// A message shown on every screen, over everything else, from "from" until "until".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Notice {
    /// Tells your editor where this file's schema is, so it can check the file as you type.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The message, e.g. {"zh": "今日因台风闭馆", "en": "Closed today because of the typhoon"}.
    pub text: Text,
    /// "info" (the default): a band across the screen that leaves the rest usable;
    /// "urgent": the whole screen.
    #[serde(default)]
    pub level: Level,
    /// When it starts, as YYYY-MM-DDTHH:MM (e.g. "2026-07-21T08:00") or a day alone
    /// (YYYY-MM-DD, from its start). Without it, it is shown at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// When it ends, as YYYY-MM-DDTHH:MM (e.g. "2026-07-21T18:00") or a day alone
    /// (YYYY-MM-DD, to its end). Without it, it is shown until the file is removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// How much of the screen a notice takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A band across the screen; the rest stays usable.
    #[default]
    Info,
    /// The whole screen.
    Urgent,
}

/// Which end of its time a moment is: a day alone starts at its first minute and ends after
/// its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
}

/// `"2026-07-21T18:00"` as that minute, or `"2026-07-21"` as the start or the end of that
/// day; `None` when it is neither.
pub fn parse_moment(text: &str, end: End) -> Option<NaiveDateTime> {
    if let Ok(moment) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M") {
        return Some(moment);
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let start = day.and_hms_opt(0, 0, 0)?;
    Some(match end {
        End::Start => start,
        End::Finish => start + Duration::days(1),
    })
}

impl Notice {
    /// Its start, when it has one that can be read.
    pub fn starts(&self) -> Option<NaiveDateTime> {
        self.from
            .as_deref()
            .and_then(|t| parse_moment(t, End::Start))
    }

    /// Its end, when it has one that can be read.
    pub fn ends(&self) -> Option<NaiveDateTime> {
        self.until
            .as_deref()
            .and_then(|t| parse_moment(t, End::Finish))
    }

    /// Whether it is on screen at `at`: from its start (included) to its end (not).
    pub fn is_shown_at(&self, at: NaiveDateTime) -> bool {
        self.starts().is_none_or(|from| from <= at) && self.ends().is_none_or(|until| at < until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn notice(from: Option<&str>, until: Option<&str>) -> Notice {
        Notice {
            schema: None,
            text: Text::Same("closed".into()),
            level: Level::Urgent,
            from: from.map(Into::into),
            until: until.map(Into::into),
        }
    }

    #[test]
    fn a_notice_is_shown_from_its_start_until_its_end() {
        let n = notice(Some("2026-07-21T08:00"), Some("2026-07-21T18:00"));
        assert!(!n.is_shown_at(at("2026-07-21 07:59")));
        assert!(n.is_shown_at(at("2026-07-21 08:00")));
        assert!(n.is_shown_at(at("2026-07-21 17:59")));
        assert!(!n.is_shown_at(at("2026-07-21 18:00")), "gone at its end");
    }

    #[test]
    fn a_day_alone_covers_the_whole_day() {
        let n = notice(Some("2026-07-21"), Some("2026-07-21"));
        assert!(!n.is_shown_at(at("2026-07-20 23:59")));
        assert!(n.is_shown_at(at("2026-07-21 00:00")));
        assert!(n.is_shown_at(at("2026-07-21 23:59")));
        assert!(!n.is_shown_at(at("2026-07-22 00:00")));
    }

    #[test]
    fn without_times_it_is_shown_until_removed_and_an_unreadable_time_sets_no_limit() {
        assert!(notice(None, None).is_shown_at(at("2030-01-01 00:00")));
        assert!(notice(None, Some("tomorrow")).is_shown_at(at("2030-01-01 00:00")));
        assert_eq!(parse_moment("2026-07-21 18:00", End::Start), None);
    }
}
