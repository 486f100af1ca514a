//! `lighthouse-kiosk fleet [DIR]`: one line per screen sharing the content folder, from the
//! statuses the screens keep in its `status/` folder.

use super::say_line;
use crate::args::Args;
use crate::exit;
use anyhow::bail;
use lighthouse_core::folder::STATUS_DIR;
use lighthouse_core::status::{self, how_long, now_ms, Verdict};
use lighthouse_core::words;
use lighthouse_core::ContentSource;
use std::time::Duration;

pub fn run(args: &Args, source: &ContentSource) -> anyhow::Result<i32> {
    let ContentSource::Dir(dir) = source else {
        bail!("name the shared content folder");
    };
    let report = lighthouse_core::load_dir(dir, lighthouse_core::today()).ok();
    let lang = args.lang_or(report.as_ref().and_then(|r| r.language()));
    let screens = status::read_fleet(dir);
    if screens.is_empty() {
        let folder = dir.join(STATUS_DIR).display().to_string();
        say_line(words!("fleet.nobody", folder = folder).in_lang(lang));
        return Ok(exit::FAILED);
    }
    let now = now_ms();
    let mut all_well = true;
    say_line(words!("fleet.heading").in_lang(lang));
    for (name, found) in screens {
        let line = match found {
            Ok(found) => {
                let seen = how_long(Duration::from_millis(
                    now.saturating_sub(found.updated_at_ms),
                ));
                let verdict = found.fleet_verdict(now);
                all_well &= verdict == Verdict::Healthy;
                let state = match &verdict {
                    Verdict::NotRunning(why) => words!("fleet.not_reporting", why = why),
                    other => other.words(),
                };
                let mut line = format!(
                    "{name:<16} {:<12} {:<13} {}",
                    words!("fleet.ago", age = seen).in_lang(lang),
                    found.content.revision_shown(),
                    state.in_lang(lang)
                );
                if let Some(notice) = &found.notice {
                    line.push_str(words!("fleet.notice", text = notice).in_lang(lang));
                }
                line
            }
            Err(err) => {
                all_well = false;
                let state = words!("fleet.unreadable", error = err);
                format!("{name:<16} {:<12} {:<13} {}", "?", "?", state.in_lang(lang))
            }
        };
        say_line(&line);
    }
    Ok(if all_well { exit::OK } else { exit::PROBLEMS })
}
