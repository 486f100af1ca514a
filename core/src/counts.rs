//! Counting, privately, whether visitors use the kiosk: per day, how many slides were shown,
//! how many visits (from the first touch to the slideshow's return) and how long they were,
//! which screens were opened, how often the contact codes were shown, and which language
//! visitors chose. Nothing about any visitor: no camera, no network, no time of day.
//!
//! Kept as one small JSON file, written whole and renamed into place, so a power cut loses
//! at most what was counted since the last write, and never the file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Days kept; older ones are dropped, so the file never grows past a few hundred kilobytes.
pub const DAYS_KEPT: usize = 400;

/// One day's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DayCounts {
    /// Slides the slideshow showed.
    pub slides: u64,
    /// Visits: a visitor touched the screen, and later the slideshow came back.
    pub visits: u64,
    /// The visits' length together, in seconds.
    pub visit_seconds: u64,
    /// Screens opened, by name: `highlights`, `story:<id>`, `photos`, `viewer`, `contact`.
    pub screens: BTreeMap<String, u64>,
    /// Times the contact screen, with its QR codes, was opened.
    pub codes_shown: u64,
    /// Languages chosen by visitors, by code.
    pub languages: BTreeMap<String, u64>,
}

/// Something worth counting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Event {
    /// The slideshow showed a slide.
    Slide,
    /// A visit ended after `seconds`.
    Visit { seconds: u64 },
    /// A visitor opened a screen (`item`: which highlight, for a story).
    Screen {
        screen: String,
        item: Option<String>,
    },
    /// A visitor chose a language.
    Language { lang: String },
}

/// Every day's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub days: BTreeMap<NaiveDate, DayCounts>,
}

/// Why the counts file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CountsError {
    #[error("{} cannot be read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is damaged: {reason}", path.display())]
    Damaged { path: PathBuf, reason: String },
}

/// Longest names kept for a screen or a language, so nothing can grow the file without end.
const NAME_LIMIT: usize = 80;

impl Counts {
    /// Counts `event` on `day`.
    pub fn add(&mut self, day: NaiveDate, event: &Event) {
        let counts = self.days.entry(day).or_default();
        match event {
            Event::Slide => counts.slides += 1,
            Event::Visit { seconds } => {
                counts.visits += 1;
                counts.visit_seconds += seconds;
            }
            Event::Screen { screen, item } => {
                let name = match item {
                    Some(item) if screen == "story" => format!("story:{item}"),
                    _ => screen.clone(),
                };
                *counts.screens.entry(clip(&name)).or_default() += 1;
                if screen == "contact" {
                    counts.codes_shown += 1;
                }
            }
            Event::Language { lang } => *counts.languages.entry(clip(lang)).or_default() += 1,
        }
        while self.days.len() > DAYS_KEPT {
            self.days.pop_first();
        }
    }

    /// The days from `from` to `to`, both included (open ends when `None`).
    pub fn between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> impl Iterator<Item = (&NaiveDate, &DayCounts)> {
        self.days.iter().filter(move |(day, _)| {
            from.is_none_or(|f| **day >= f) && to.is_none_or(|t| **day <= t)
        })
    }

    /// Reads the counts file; an absent file is no counts yet.
    pub fn load(path: &Path) -> Result<Counts, CountsError> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|err| CountsError::Damaged {
                path: path.to_owned(),
                reason: err.to_string(),
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Counts::default()),
            Err(source) => Err(CountsError::Unreadable {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Writes the counts file whole (see [`crate::atomic`]).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::atomic::write_making_folder(path, &text)
    }
}

fn clip(name: &str) -> String {
    name.chars().take(NAME_LIMIT).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_visit_is_counted_by_day_screen_and_language() {
        let mut counts = Counts::default();
        let today = day("2026-11-28");
        counts.add(today, &Event::Slide);
        counts.add(today, &Event::Slide);
        counts.add(
            today,
            &Event::Screen {
                screen: "highlights".into(),
                item: None,
            },
        );
        counts.add(
            today,
            &Event::Screen {
                screen: "story".into(),
                item: Some("patent-awards".into()),
            },
        );
        counts.add(
            today,
            &Event::Screen {
                screen: "contact".into(),
                item: None,
            },
        );
        counts.add(today, &Event::Language { lang: "en".into() });
        counts.add(today, &Event::Visit { seconds: 42 });
        let counted = &counts.days[&today];
        assert_eq!(counted.slides, 2);
        assert_eq!((counted.visits, counted.visit_seconds), (1, 42));
        assert_eq!(counted.screens["story:patent-awards"], 1);
        assert_eq!(counted.codes_shown, 1);
        assert_eq!(counted.languages["en"], 1);
    }

    #[test]
    fn only_the_latest_days_are_kept() {
        let mut counts = Counts::default();
        let first = day("2025-01-01");
        for i in 0..(DAYS_KEPT as i64 + 10) {
            counts.add(first + chrono::Duration::days(i), &Event::Slide);
        }
        assert_eq!(counts.days.len(), DAYS_KEPT);
        assert_eq!(
            *counts.days.keys().next().unwrap(),
            first + chrono::Duration::days(10)
        );
    }

    #[test]
    fn counts_survive_a_save_and_a_damaged_file_is_said_to_be() {
        let dir = std::env::temp_dir().join(format!("lighthouse-counts-{}", std::process::id()));
        let path = dir.join("counts.json");
        let mut counts = Counts::default();
        counts.add(day("2026-11-28"), &Event::Slide);
        counts.save(&path).unwrap();
        assert_eq!(Counts::load(&path).unwrap(), counts);
        std::fs::write(&path, b"{\"days\": {\"2026-11-28\": {\"slid").unwrap();
        assert!(matches!(
            Counts::load(&path),
            Err(CountsError::Damaged { .. })
        ));
        assert_eq!(
            Counts::load(&dir.join("none.json")).unwrap(),
            Counts::default()
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn days_are_chosen_between_two_dates() {
        let mut counts = Counts::default();
        for d in ["2026-11-01", "2026-11-15", "2026-11-30"] {
            counts.add(day(d), &Event::Slide);
        }
        let chosen: Vec<String> = counts
            .between(Some(day("2026-11-10")), Some(day("2026-11-30")))
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(chosen, ["2026-11-15", "2026-11-30"]);
    }
}
