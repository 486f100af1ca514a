//! `lighthouse-kiosk status`: how the running kiosk is doing, from its status file, in the
//! content's default language (or `--lang`).

use super::say;
use crate::args::{Args, Format};
use crate::exit;
use anyhow::Context;
use lighthouse_core::messages::Words;
use lighthouse_core::model::PHOTOS_DIR;
use lighthouse_core::status::{
    self, how_long, local_time, now_ms, ProcessMemory, Status, Verdict, KIOSK_PROCESS,
};
use lighthouse_core::words;
use lighthouse_core::{instance, proc};
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

pub fn run(args: &Args, path: &Path, format: Format) -> anyhow::Result<i32> {
    let free = lighthouse_core::disk::free_mib(path);
    let Some(found) = status::read(path) else {
        // No status at all: running or not is still the lock's to say.
        let lang = args.lang_or(None);
        let said = match instance::holder() {
            Some(pid) => words!(
                "status.running_without_status",
                pid = pid,
                path = path.display().to_string(),
                free = free.unwrap_or(0)
            ),
            None => words!("status.no_status", path = path.display().to_string()),
        };
        say(&format!("{}\n", said.in_lang(lang)));
        return Ok(if instance::holder().is_some() {
            exit::PROBLEMS
        } else {
            exit::NOT_RUNNING
        });
    };
    let mut found = found
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("cannot read the status {}", path.display()))?;
    let running = instance::holder().is_some_and(|pid| pid == found.pid || pid == 0)
        || proc::is_running_as(found.pid, KIOSK_PROCESS);
    if running {
        measure_memory_now(&mut found);
    }
    let verdict = found.verdict(now_ms(), running, free);
    let lang = args.lang_or(
        Some(&found.language)
            .filter(|l| !l.is_empty())
            .map(String::as_str),
    );
    say(&match format {
        Format::Json => format!(
            "{}\n",
            serde_json::json!({ "verdict": verdict.word(), "status": found })
        ),
        Format::Human => in_words(&found, &verdict).in_lang(lang).to_owned(),
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

/// The memory of the running kiosk, measured now rather than the figure its status last
/// wrote (which may be half a minute old, or from before the first measurement).
fn measure_memory_now(found: &mut Status) {
    let memory: Vec<ProcessMemory> = proc::family(found.pid)
        .into_iter()
        .filter_map(|pid| {
            Some(ProcessMemory {
                pid,
                pss_kib: proc::pss_kib(pid)?,
                name: proc::program_name(pid)?,
            })
        })
        .collect();
    if !memory.is_empty() {
        found.memory = memory;
        found.memory_measured_at_ms = Some(now_ms());
    }
}

/// The verdict in words: "healthy", "running with problems: …", "not running (…)".
/// What the page is doing, in words.
fn mode_in_words(mode: &str) -> Words {
    match mode {
        "attract" => words!("status.mode.attract"),
        "interactive" => words!("status.mode.interactive"),
        "countdown" => words!("status.mode.countdown"),
        "resting" => words!("status.mode.resting"),
        _ => words!("status.mode.nothing"),
    }
}

/// The status as a few lines for someone at a terminal, in each language.
fn in_words(found: &Status, verdict: &Verdict) -> Words {
    let mut lines = vec![
        words!(
            "status.heading",
            version = &found.version,
            verdict = verdict.words()
        ),
        words!(
            "status.started",
            at = local_time(found.started_at_ms),
            up = how_long(Duration::from_secs(found.uptime_seconds)),
            pid = found.pid,
            mode = mode_in_words(&found.mode)
        ),
    ];
    let content = &found.content;
    let result = match (&content.folder_error, content.showing_older_content) {
        (Some(err), _) => words!("status.folder_unreadable", error = err),
        (None, true) => words!("status.errors", n = content.errors),
        (None, false) if content.warnings > 0 => words!("status.warnings", n = content.warnings),
        (None, false) => words!("status.no_problem"),
    };
    lines.push(words!(
        "status.content",
        source = &content.source,
        revision = content.revision,
        at = local_time(content.checked_at_ms),
        result = result
    ));
    lines.push(words!("status.on_screen", shown = content.on_screen()));
    if let Some(notice) = &found.notice {
        lines.push(words!("status.notice", text = notice));
    }
    lines.extend(content.problems.iter().map(|problem| indented(problem, 4)));
    let photos = &found.photos;
    lines.push(words!(
        "status.photos",
        ready = photos.ready,
        waiting = photos.waiting,
        refused = photos.refused.len()
    ));
    lines.extend(
        photos
            .refused
            .iter()
            .map(|(name, reason)| Words::same(format!("    {PHOTOS_DIR}/{name}: {reason}"))),
    );
    lines.push(memory(found));
    if let Some(healed) = found.healed() {
        lines.push(indented(&healed, 2));
    }
    if found.web_view_restarts.is_empty() {
        lines.push(words!("status.never_restarted"));
    } else {
        lines.push(words!(
            "status.restarted",
            n = found.web_view_restarts.len()
        ));
        lines.extend(
            found
                .web_view_restarts
                .iter()
                .rev()
                .take(10)
                .map(|restart| {
                    Words::same(format!(
                        "    {} {}",
                        local_time(restart.at_ms),
                        restart.reason
                    ))
                }),
        );
    }
    if let Some(display) = &found.display {
        let size = format!("{}x{}", display.width, display.height);
        lines.push(match display.changed_at_ms {
            Some(at) => words!("status.display_changed", size = size, when = local_time(at)),
            None => words!("status.display", size = size),
        });
    }
    lines.push(words!("status.renderer", renderer = &found.renderer));
    let unknown = || words!("status.unknown");
    lines.push(words!(
        "status.machine",
        memory = found
            .memory_available_mib
            .map_or_else(unknown, |mib| Words::same(format!("{mib} MiB"))),
        temperature = found
            .temperature_c
            .map_or_else(unknown, |c| Words::same(format!("{c:.0} °C"))),
        webkit = if found.webkit.is_empty() {
            unknown()
        } else {
            Words::same(found.webkit.clone())
        }
    ));
    lines.push(words!("status.log", file = &found.log_file));
    let mut both = Words::join(&lines, ("\n", "\n"));
    both.zh.push('\n');
    both.en.push('\n');
    both
}

/// The memory line: how much, and when it was measured.
fn memory(found: &Status) -> Words {
    let Some(at) = found.memory_measured_at_ms else {
        return words!("status.memory_not_yet");
    };
    let age = now_ms().saturating_sub(at);
    let total: u64 = found.memory.iter().map(|p| p.pss_kib).sum();
    let mut each = String::new();
    for (i, process) in found.memory.iter().enumerate() {
        let _ = write!(
            each,
            "{}{} {} MiB",
            if i == 0 { "" } else { ", " },
            process.name,
            process.pss_kib / 1024
        );
    }
    words!(
        "status.memory",
        mib = total / 1024,
        each = each,
        age = how_long(Duration::from_millis(age))
    )
}

/// `words`, each of its lines indented by `spaces`.
fn indented(words: &Words, spaces: usize) -> Words {
    let pad = " ".repeat(spaces);
    let indent = |text: &str| {
        text.lines()
            .map(|line| format!("{pad}{line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Words {
        zh: indent(&words.zh),
        en: indent(&words.en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lighthouse_core::messages::Lang;

    #[test]
    fn the_verdict_is_said_in_both_languages() {
        let verdict = Verdict::NotRunning(words!("status.page_never_answered"));
        let said = verdict.words();
        assert!(
            said.in_lang(Lang::En).starts_with("not running"),
            "{said:?}"
        );
        assert!(said.in_lang(Lang::Zh).starts_with("没有运行"), "{said:?}");
    }
}
