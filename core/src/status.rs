//! The running kiosk's status: one typed contract written by the kiosk (a small file kept
//! current while it runs, and a copy in a shared folder's `status/`) and read by `status`,
//! `fleet`, the staff panel and the tests. The verdict (healthy, running with problems, not
//! running) is judged here, from the status alone.

use crate::messages::Words;
pub use crate::time_words::{how_long, local_time};
use crate::words;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

mod files;
mod videos;
pub use files::{picture_path, read, read_fleet, write, write_fleet};
pub use videos::VideoCounts;

/// A status older than this is from a kiosk that is no longer running.
pub const STALE_AFTER: Duration = Duration::from_secs(60);
/// A screen's status in the shared folder older than this is stale: it is written at least
/// once a minute, and a sync takes some seconds more.
pub const FLEET_STALE_AFTER: Duration = Duration::from_secs(180);
/// A screen's picture is taken once a minute: older than this, WebKit stopped giving one.
pub const PICTURE_STALE_AFTER: Duration = Duration::from_secs(120);
/// The page's heartbeat comes every few seconds; a page silent this long has hung.
pub const HEARTBEAT_LATE: Duration = Duration::from_secs(30);
/// Restarts of the web view within this long make the kiosk "degraded".
pub const RECENT_RESTARTS: Duration = Duration::from_secs(24 * 3600);

/// The kernel's name of the kiosk's process (15 characters at most), to tell it from another
/// program that got the same process id since.
pub const KIOSK_PROCESS: &str = "lighthouse-kio";

/// One time the web view was loaded again, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Restart {
    pub at_ms: u64,
    pub reason: String,
}

/// The memory of one of the kiosk's processes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessMemory {
    pub pid: u32,
    pub name: String,
    pub pss_kib: u64,
}

/// Milliseconds since 1970: the time every status and restart is stamped with.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// The content on screen: from the folder as it is now, the copy the kiosk kept of the last
/// content it accepted from it (the folder has a mistake in it since), or the built-in
/// default content (nothing was ever accepted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shown {
    pub from: ShownFrom,
    /// When the kiosk accepted it (milliseconds since 1970); none for the built-in content.
    pub accepted_at_ms: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShownFrom {
    Folder,
    Kept,
    #[default]
    BuiltIn,
}

/// The monitor the kiosk's window covers, in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    pub width: u32,
    pub height: u32,
    /// When it last changed while the kiosk ran (none: as it was at start).
    pub changed_at_ms: Option<u64>,
}

/// How many days of counts a status carries, today included.
pub const RECENT_DAYS: usize = 14;

/// Everything `status` prints.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// The screen's name (its screen settings, or the PC's name).
    #[serde(default)]
    pub screen: String,
    pub version: String,
    pub pid: u32,
    pub updated_at_ms: u64,
    pub started_at_ms: u64,
    pub uptime_seconds: u64,
    pub content: ContentState,
    pub photos: PhotoCounts,
    /// Videos skipped while playing, and the decoders WebKit has for them.
    #[serde(default)]
    pub videos: VideoCounts,
    pub memory: Vec<ProcessMemory>,
    /// When `memory` was measured (it is measured every half minute); none yet at start.
    #[serde(default)]
    pub memory_measured_at_ms: Option<u64>,
    /// The disk the kiosk writes to is full, since when (none while there is room).
    #[serde(default)]
    pub disk_full: Option<crate::disk::DiskFull>,
    /// The monitor the window covers (none until the window is open).
    #[serde(default)]
    pub display: Option<Display>,
    /// When the picture of the screen (status/<screen>.jpg in the shared folder) was last
    /// saved; none before the first, or without a shared folder.
    #[serde(default)]
    pub picture_at_ms: Option<u64>,
    /// The notice on screen now, in both languages (none while there is none).
    #[serde(default)]
    pub notice: Option<Words>,
    pub web_view_restarts: Vec<Restart>,
    /// The visitor counts of the last days (see [`RECENT_DAYS`]), so the editor can show
    /// every screen's; none while counting is off.
    #[serde(default)]
    pub days: BTreeMap<chrono::NaiveDate, crate::counts::DayCounts>,
    pub seconds_since_heartbeat: Option<u64>,
    pub mode: String,
    /// The content's default language: the one `status` speaks unless told otherwise.
    #[serde(default)]
    pub language: String,
    pub renderer: String,
    /// The WebKitGTK version the page runs on ("" where it cannot be told).
    #[serde(default)]
    pub webkit: String,
    /// The memory the PC has left for programs, in MiB.
    #[serde(default)]
    pub memory_available_mib: Option<u64>,
    /// The warmest of the PC's thermal sensors, in °C, where it has one.
    #[serde(default)]
    pub temperature_c: Option<f32>,
    pub log_file: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentState {
    /// The content folder, or "the built-in default content".
    pub source: String,
    pub revision: u64,
    pub checked_at_ms: u64,
    /// True when the latest change could not be shown and older content is on screen.
    pub showing_older_content: bool,
    pub folder_error: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    /// Every problem of the latest load, as `check` prints it (in both languages).
    pub problems: Vec<Words>,
    /// What is on screen, the same on every screen that shows it (see manifest.rs).
    #[serde(default)]
    pub revision_shown: String,
    /// Where the content on screen comes from, and when it was accepted.
    #[serde(default)]
    pub shown: Shown,
    /// Files of a publication still on their way.
    #[serde(default)]
    pub waiting_for: Vec<String>,
    /// Second versions a sync tool kept of files two people changed at once (not shown).
    #[serde(default)]
    pub conflicts: Vec<String>,
}

impl ContentState {
    /// What is on screen, in words: "the built-in default content", or "the last good
    /// content, accepted 2026-12-03 09:00:00 (revision 3fa2c1) and kept by the kiosk".
    pub fn on_screen(&self) -> Words {
        let revision = self.revision_shown();
        match (self.shown.from, self.shown.accepted_at_ms) {
            (ShownFrom::BuiltIn, _) | (_, None) => words!("status.shown.built_in"),
            (ShownFrom::Folder, Some(at)) => {
                words!(
                    "status.shown.folder",
                    at = local_time(at),
                    revision = revision
                )
            }
            (ShownFrom::Kept, Some(at)) => {
                words!(
                    "status.shown.kept",
                    at = local_time(at),
                    revision = revision
                )
            }
        }
    }

    pub fn revision_shown(&self) -> &str {
        if self.revision_shown.is_empty() {
            "?"
        } else {
            &self.revision_shown
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoCounts {
    pub ready: usize,
    pub waiting: usize,
    /// By photo name: why it is not shown.
    pub refused: BTreeMap<String, String>,
}

impl Status {
    /// How the kiosk on this PC is doing at `now_ms`. `running`: whether it runs, told by
    /// its process and its lock, never by how recent this file is (a kiosk on a full disk
    /// runs on, unable to write it); `free_mib`: the room left where it writes its status.
    pub fn verdict(&self, now_ms: u64, running: bool, free_mib: Option<u64>) -> Verdict {
        let age = Duration::from_millis(now_ms.saturating_sub(self.updated_at_ms));
        if !running {
            return Verdict::NotRunning(words!("status.process_gone", age = how_long(age)));
        }
        let mut problems = self.problems(now_ms);
        if age > STALE_AFTER {
            problems.insert(0, words!("status.not_written", age = how_long(age)));
        }
        // Seen now, even before the kiosk could say it (its status cannot be written).
        let full_now = free_mib.filter(|free| *free < crate::disk::FULL_BELOW_MIB);
        if let (Some(free), None) = (full_now, &self.disk_full) {
            problems.insert(0, words!("status.disk_full_now", free = free));
        }
        Self::judged(problems)
    }

    /// The verdict for a screen elsewhere (its process cannot be looked at from here): it
    /// writes at least once a minute, and the copy takes a while to arrive.
    pub fn fleet_verdict(&self, now_ms: u64) -> Verdict {
        let age = Duration::from_millis(now_ms.saturating_sub(self.updated_at_ms));
        if age > FLEET_STALE_AFTER {
            return Verdict::NotRunning(words!("status.last_heard", age = how_long(age)));
        }
        let mut problems = self.problems(now_ms);
        // A screen that says it is well but whose picture has stopped may show anything.
        if let Some(at) = self.picture_at_ms {
            let picture_age = Duration::from_millis(self.updated_at_ms.saturating_sub(at));
            if picture_age > PICTURE_STALE_AFTER {
                problems.push(words!("status.picture_old", age = how_long(picture_age)));
            }
        }
        Self::judged(problems)
    }

    /// Whether the screen rests on purpose (the building is closed), not silent by fault.
    pub fn is_asleep(&self) -> bool {
        self.mode == "resting"
    }

    fn judged(problems: Vec<Words>) -> Verdict {
        if problems.is_empty() {
            Verdict::Healthy
        } else {
            Verdict::Degraded(problems)
        }
    }

    /// Faults healed by themselves (the web view brought back and answering since): what
    /// they were, for the record; they are no problem now.
    pub fn healed(&self) -> Option<Words> {
        let last = self.web_view_restarts.last()?;
        self.answered_since(last.at_ms).then(|| {
            words!(
                "status.healed",
                n = self.web_view_restarts.len(),
                at = local_time(last.at_ms),
                why = &last.reason
            )
        })
    }

    /// Whether the page has answered after `at_ms`.
    fn answered_since(&self, at_ms: u64) -> bool {
        self.seconds_since_heartbeat
            .is_some_and(|s| self.updated_at_ms.saturating_sub(s.saturating_mul(1000)) > at_ms)
    }

    /// What is wrong now, as the status says it.
    fn problems(&self, now_ms: u64) -> Vec<Words> {
        let mut problems = Vec::new();
        if let Some(full) = &self.disk_full {
            problems.push(words!(
                "status.disk_full",
                free = full.free_mib,
                path = &full.path,
                since = local_time(full.since_ms)
            ));
        }
        let content = &self.content;
        if let Some(err) = &content.folder_error {
            problems.push(words!("status.folder_unreadable", error = err));
        }
        if content.showing_older_content
            && content.folder_error.is_none()
            && (content.errors > 0 || content.waiting_for.is_empty())
        {
            problems.push(words!(
                "status.content_errors",
                n = content.errors,
                shown = content.on_screen()
            ));
        }
        if !content.waiting_for.is_empty() {
            // Normal for a minute while a publication is copied; for longer, most often a
            // file edited on the screen's own PC after the folder was published.
            problems.push(words!(
                "status.waiting",
                n = content.waiting_for.len(),
                files = crate::reload::short_list(&content.waiting_for),
                minutes = crate::reload::WAITING_LIMIT.as_secs() / 60
            ));
        }
        if !content.conflicts.is_empty() {
            problems.push(words!(
                "status.sync_conflicts",
                n = content.conflicts.len(),
                files = crate::reload::short_list(&content.conflicts)
            ));
        }
        if !self.photos.refused.is_empty() {
            problems.push(words!(
                "status.photos_refused",
                n = self.photos.refused.len()
            ));
        }
        problems.extend(self.videos.problems());
        // A restart the page has answered since is healed (see `healed`); one it has not
        // is a fault now.
        let unhealed = self
            .web_view_restarts
            .last()
            .filter(|r| now_ms.saturating_sub(r.at_ms) < RECENT_RESTARTS.as_millis() as u64)
            .is_some_and(|r| !self.answered_since(r.at_ms));
        if unhealed {
            problems.push(words!(
                "status.restarts_today",
                n = self.web_view_restarts.len()
            ));
        }
        match self.seconds_since_heartbeat {
            Some(s) if s > HEARTBEAT_LATE.as_secs() => {
                problems.push(words!("status.page_silent", seconds = s))
            }
            None if self.uptime_seconds > HEARTBEAT_LATE.as_secs() => {
                problems.push(words!("status.page_never_answered"))
            }
            _ => {}
        }
        problems
    }
}

/// What `status` concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Healthy,
    Degraded(Vec<Words>),
    NotRunning(Words),
}

impl Verdict {
    /// The verdict in one word, as `status --format json` gives it.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Healthy => "healthy",
            Verdict::Degraded(_) => "degraded",
            Verdict::NotRunning(_) => "not running",
        }
    }

    /// The verdict in words: healthy, its problems, or why it is not running.
    pub fn words(&self) -> Words {
        match self {
            Verdict::Healthy => words!("status.healthy"),
            Verdict::Degraded(problems) => {
                let problems = Words::join(problems, ("；", "; "));
                words!("status.with_problems", problems = problems)
            }
            Verdict::NotRunning(why) => words!("status.not_running", why = why),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> Status {
        Status {
            screen: "lobby".into(),
            version: "0".into(),
            pid: std::process::id(),
            updated_at_ms: 1_000_000,
            started_at_ms: 0,
            uptime_seconds: 600,
            content: ContentState {
                source: "/srv/content".into(),
                revision: 3,
                checked_at_ms: 0,
                showing_older_content: false,
                folder_error: None,
                errors: 0,
                warnings: 0,
                problems: Vec::new(),
                revision_shown: "abc".into(),
                shown: Shown::default(),
                waiting_for: Vec::new(),
                conflicts: Vec::new(),
            },
            photos: PhotoCounts {
                ready: 2,
                waiting: 0,
                refused: BTreeMap::new(),
            },
            videos: VideoCounts::default(),
            memory: Vec::new(),
            memory_measured_at_ms: None,
            disk_full: None,
            display: None,
            picture_at_ms: None,
            notice: None,
            web_view_restarts: Vec::new(),
            days: BTreeMap::new(),
            seconds_since_heartbeat: Some(3),
            mode: "attract".into(),
            language: "zh".into(),
            webkit: String::new(),
            memory_available_mib: None,
            temperature_c: None,
            renderer: "test".into(),
            log_file: "kiosk.log".into(),
        }
    }

    const ROOM: Option<u64> = Some(10_000);

    #[test]
    fn a_fresh_status_with_no_problem_is_healthy() {
        assert_eq!(status().verdict(1_005_000, true, ROOM), Verdict::Healthy);
    }

    #[test]
    fn running_is_told_by_the_process_not_by_how_old_the_status_is() {
        assert!(matches!(
            status().verdict(1_000_001, false, ROOM),
            Verdict::NotRunning(_)
        ));
        let Verdict::Degraded(problems) = status().verdict(1_000_000 + 61_000, true, ROOM) else {
            panic!("a kiosk that runs is not 'not running'");
        };
        assert!(
            problems[0].en.contains("not written its status"),
            "{problems:?}"
        );
        let Verdict::Degraded(problems) = status().verdict(1_000_000 + 61_000, true, Some(0))
        else {
            panic!("degraded");
        };
        assert!(
            problems[0].en.contains("the disk is full (0 MiB free"),
            "{problems:?}"
        );
        assert!(
            problems[1].en.contains("not written its status"),
            "{problems:?}"
        );
        assert!(matches!(
            status().fleet_verdict(1_000_000 + 181_000),
            Verdict::NotRunning(_)
        ));
    }

    #[test]
    fn broken_content_refused_photos_a_full_disk_and_a_silent_page_are_degraded() {
        let mut s = status();
        s.content.showing_older_content = true;
        s.content.errors = 2;
        s.photos.refused.insert("a.jpg".into(), "is damaged".into());
        s.web_view_restarts.push(Restart {
            at_ms: 999_000,
            reason: "crash".into(),
        });
        s.seconds_since_heartbeat = Some(45);
        s.content.waiting_for.push("highlights.json".into());
        s.disk_full = Some(crate::disk::DiskFull {
            path: "/home".into(),
            free_mib: 0,
            since_ms: 990_000,
        });
        let Verdict::Degraded(problems) = s.verdict(1_001_000, true, ROOM) else {
            panic!("not degraded");
        };
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert!(problems[0].en.contains("the disk is full"), "{problems:?}");
        assert!(
            problems[2].en.contains("highlights.json") && problems[2].en.contains("publish again"),
            "{problems:?}"
        );
        assert!(problems[2].zh.contains("重新发布"), "{problems:?}");
    }

    #[test]
    fn for_the_fleet_an_old_picture_and_a_sync_conflict_are_problems_and_rest_is_no_silence() {
        let mut s = status();
        assert_eq!(s.fleet_verdict(1_001_000), Verdict::Healthy);
        s.picture_at_ms = Some(1_000_000 - 60_000);
        assert_eq!(
            s.fleet_verdict(1_001_000),
            Verdict::Healthy,
            "a minute old is fresh"
        );
        s.picture_at_ms = Some(1_000_000 - 180_000);
        s.content.conflicts = vec!["highlights.sync-conflict-20261204-101500-ABC.json".into()];
        let Verdict::Degraded(problems) = s.fleet_verdict(1_001_000) else {
            panic!("not degraded");
        };
        assert!(
            problems[0].en.contains("highlights.sync-conflict"),
            "{problems:?}"
        );
        assert!(
            problems[1]
                .en
                .contains("picture of the screen is 3 min old"),
            "{problems:?}"
        );
        s.picture_at_ms = None;
        s.content.conflicts.clear();
        s.mode = "resting".into();
        assert!(s.is_asleep());
        assert_eq!(
            s.fleet_verdict(1_001_000),
            Verdict::Healthy,
            "resting is not silence"
        );
    }

    #[test]
    fn a_restart_the_page_has_answered_since_is_healed_not_a_problem() {
        let mut s = status();
        s.web_view_restarts.push(Restart {
            at_ms: 900_000,
            reason: "the page has not answered for 35 s (hung)".into(),
        });
        // Its last heartbeat, 3 s before the status, came after the restart.
        assert_eq!(s.verdict(1_005_000, true, ROOM), Verdict::Healthy);
        let healed = s.healed().expect("said what it was");
        assert!(
            healed.en.contains("hung") && healed.en.contains("recovered"),
            "{healed:?}"
        );
        s.seconds_since_heartbeat = Some(200);
        assert!(matches!(
            s.verdict(1_005_000, true, ROOM),
            Verdict::Degraded(_)
        ));
    }

    #[test]
    fn the_fleet_file_never_brings_back_a_missing_shared_folder() {
        let root = std::env::temp_dir().join(format!("fleet-status-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let shared = root.join("content");
        write_fleet(&shared, &status()).unwrap();
        assert!(!shared.exists(), "an empty shared folder was made");

        std::fs::create_dir_all(&shared).unwrap();
        write_fleet(&shared, &status()).unwrap();
        let fleet = read_fleet(&shared);
        assert_eq!(fleet.len(), 1);
        assert_eq!(fleet[0].0, "lobby");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
