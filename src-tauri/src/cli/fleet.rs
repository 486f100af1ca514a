//! `lighthouse-kiosk fleet [DIR]`: one line per screen sharing the content folder, from the
//! statuses the screens keep in its `status/` folder.

use super::say_line;
use crate::exit;
use anyhow::bail;
use lighthouse_core::folder::STATUS_DIR;
use lighthouse_core::status::{self, now_ms, words, Verdict};
use lighthouse_core::ContentSource;
use std::time::Duration;

pub fn run(source: &ContentSource) -> anyhow::Result<i32> {
    let ContentSource::Dir(dir) = source else {
        bail!("name the shared content folder");
    };
    let screens = status::read_fleet(dir);
    if screens.is_empty() {
        say_line(&format!(
            "no screen has reported in {}",
            dir.join(STATUS_DIR).display()
        ));
        return Ok(exit::FAILED);
    }
    let now = now_ms();
    let mut all_well = true;
    say_line(&format!(
        "{:<16} {:<10} {:<13} state",
        "screen", "last seen", "revision"
    ));
    for (name, found) in screens {
        let line = match found {
            Ok(found) => {
                let seen = words(Duration::from_millis(
                    now.saturating_sub(found.updated_at_ms),
                ));
                let verdict = found.fleet_verdict(now);
                let state = match &verdict {
                    Verdict::Healthy => "healthy".to_owned(),
                    Verdict::Degraded(problems) => problems.join("; "),
                    Verdict::NotRunning(why) => format!("not reporting ({why})"),
                };
                all_well &= verdict == Verdict::Healthy;
                format!(
                    "{name:<16} {:<10} {:<13} {state}",
                    format!("{seen} ago"),
                    found.content.revision_shown()
                )
            }
            Err(err) => {
                all_well = false;
                format!(
                    "{name:<16} {:<10} {:<13} its status cannot be read: {err}",
                    "?", "?"
                )
            }
        };
        say_line(&line);
    }
    Ok(if all_well { exit::OK } else { exit::PROBLEMS })
}
