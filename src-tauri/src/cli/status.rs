//! `lighthouse-kiosk status`: how the running kiosk is doing, from its status file.

use super::say;
use crate::args::Format;
use crate::exit;
use anyhow::Context;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::status::{self, local_time, now_ms, words, Status, Verdict};
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

pub fn run(path: &Path, format: Format) -> anyhow::Result<i32> {
    let Some(found) = status::read(path) else {
        say(&format!(
            "Lighthouse Kiosk is not running (no status at {})\n",
            path.display()
        ));
        return Ok(exit::NOT_RUNNING);
    };
    let found = found
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("cannot read the status {}", path.display()))?;
    let verdict = found.verdict(now_ms());
    say(&match format {
        Format::Json => format!(
            "{}\n",
            serde_json::json!({ "verdict": verdict.word(), "status": found })
        ),
        Format::Human => in_words(&found, &verdict),
    });
    Ok(code(&verdict))
}

/// The exit status for a verdict (`fleet` gives the same).
pub fn code(verdict: &Verdict) -> i32 {
    match verdict {
        Verdict::Healthy => exit::OK,
        Verdict::Degraded(_) => exit::PROBLEMS,
        Verdict::NotRunning(_) => exit::NOT_RUNNING,
    }
}

/// The status as a few lines for someone at a terminal.
fn in_words(found: &Status, verdict: &Verdict) -> String {
    let mut out = String::new();
    let heading = match verdict {
        Verdict::Healthy => "healthy".to_owned(),
        Verdict::Degraded(problems) => format!("running with problems: {}", problems.join("; ")),
        Verdict::NotRunning(why) => format!("not running ({why})"),
    };
    let _ = writeln!(out, "Lighthouse Kiosk {}: {heading}", found.version);
    let _ = writeln!(
        out,
        "  started {} (up {}), pid {}, showing {}",
        local_time(found.started_at_ms),
        words(Duration::from_secs(found.uptime_seconds)),
        found.pid,
        if found.mode.is_empty() {
            "nothing yet"
        } else {
            &found.mode
        }
    );
    let content = &found.content;
    let _ = writeln!(
        out,
        "  content: {}, revision {}, checked {}: {}",
        content.source,
        content.revision,
        local_time(content.checked_at_ms),
        match (&content.folder_error, content.showing_older_content) {
            (Some(err), _) => format!("cannot be read ({err})"),
            (None, true) => format!("{} error(s)", content.errors),
            (None, false) if content.warnings > 0 => format!("{} warning(s)", content.warnings),
            (None, false) => "no problem".to_owned(),
        }
    );
    let _ = writeln!(out, "  on screen: {}", content.on_screen());
    for problem in &content.problems {
        for line in problem.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let photos = &found.photos;
    let _ = writeln!(
        out,
        "  photos: {} ready, {} waiting, {} refused",
        photos.ready,
        photos.waiting,
        photos.refused.len()
    );
    for (name, reason) in &photos.refused {
        let _ = writeln!(out, "    {PHOTOS_DIR}/{name}: {reason}");
    }
    let total: u64 = found.memory.iter().map(|p| p.pss_kib).sum();
    let each: Vec<String> = found
        .memory
        .iter()
        .map(|p| format!("{} {} MiB", p.name, p.pss_kib / 1024))
        .collect();
    match found.memory_measured_at_ms {
        Some(at) => {
            let age = words(Duration::from_millis(
                found.updated_at_ms.saturating_sub(at),
            ));
            let _ = writeln!(
                out,
                "  memory: {} MiB ({}), measured {age} before this status",
                total / 1024,
                each.join(", ")
            );
        }
        None => {
            let _ = writeln!(out, "  memory: not measured yet");
        }
    }
    if found.web_view_restarts.is_empty() {
        let _ = writeln!(out, "  web view: never restarted");
    } else {
        let _ = writeln!(
            out,
            "  web view restarted {} time(s):",
            found.web_view_restarts.len()
        );
        for restart in found.web_view_restarts.iter().rev().take(10) {
            let _ = writeln!(out, "    {} {}", local_time(restart.at_ms), restart.reason);
        }
    }
    let _ = writeln!(out, "  renderer: {}", found.renderer);
    let _ = writeln!(out, "  log: {}", found.log_file);
    out
}
