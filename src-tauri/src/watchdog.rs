//! Keeping the kiosk alive with nobody watching. The page reports a heartbeat every few
//! seconds; a page that stops (hung) is loaded again, and if it never comes back the kiosk
//! exits so systemd starts it afresh. WebKit's memory grows over weeks: above the ceiling
//! in the settings, the page is loaded again between two slides of the slideshow, where
//! nobody is reading anything, and in a new web process if that was not enough (the steps
//! are in `memory_ceiling`). The status file is kept current all along.

use crate::health::{Health, PageRestart, ProcessMemory};
use crate::memory_ceiling::{MemoryCeiling, Step};
use crate::photos::Photos;
use crate::state::AppState;
use crate::state::ThisScreen;
use crate::status::{self, Status, FLEET_INTERVAL, HEARTBEAT_LATE, STATUS_INTERVAL};
use crate::window::MAIN_WINDOW;
use lighthouse_core::ContentSource;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tokio::sync::Notify;

/// How often the heartbeat is looked at.
const HEARTBEAT_CHECK: Duration = Duration::from_secs(5);
/// Reloads in a row that did not bring the page's heartbeat back before the kiosk gives up
/// and exits (non-zero), for systemd to start it again.
const RELOADS_BEFORE_GIVING_UP: u32 = 3;
/// How often the memory of the kiosk's processes is measured.
const MEMORY_CHECK: Duration = Duration::from_secs(30);
/// The exit status when the web view cannot be brought back.
pub const EXIT_WEB_VIEW_LOST: i32 = 75;

/// Asks for the status file to be written now (content reloaded, photos ready, a restart).
#[derive(Debug, Default)]
pub struct StatusChanged(Notify);

impl StatusChanged {
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// Starts the watchdog's tasks on Tauri's async runtime.
pub fn start(app: &AppHandle, status_file: PathBuf) {
    tauri::async_runtime::spawn(watch_heartbeat(app.clone()));
    tauri::async_runtime::spawn(watch_memory(app.clone()));
    tauri::async_runtime::spawn(keep_status(app.clone(), status_file));
}

/// Loads the page again, saying why in the log and the status.
pub fn restart_page(app: &AppHandle, reason: &str, how: PageRestart) {
    log::warn!(
        "loading the page again{}: {reason}",
        if how == PageRestart::NewProcess {
            " in a new web process"
        } else {
            ""
        }
    );
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        log::error!("cannot load the page again: the window is gone");
        return;
    };
    let done = match how {
        PageRestart::Reload => window.reload(),
        PageRestart::NewProcess => crate::lockdown::end_web_process(&window),
    };
    if let Err(err) = done {
        log::error!("cannot load the page again: {err}");
    }
    // Counted once asked for, so that only an answer after it resets the watch.
    let health = app.state::<Health>();
    health.web_view_restarted(reason);
    health.reset_heartbeat();
    app.state::<StatusChanged>().notify();
}

async fn watch_heartbeat(app: AppHandle) {
    let mut ticks = tokio::time::interval(HEARTBEAT_CHECK);
    let mut reloads_in_a_row = 0;
    loop {
        ticks.tick().await;
        let health = app.state::<Health>();
        let silent = health.since_heartbeat();
        if silent < HEARTBEAT_LATE {
            if health.answered_since_restart() {
                reloads_in_a_row = 0;
            }
            continue;
        }
        if reloads_in_a_row >= RELOADS_BEFORE_GIVING_UP {
            log::error!(
                "the page has not answered through {RELOADS_BEFORE_GIVING_UP} reloads; exiting for a fresh start"
            );
            std::process::exit(EXIT_WEB_VIEW_LOST);
        }
        reloads_in_a_row += 1;
        restart_page(
            &app,
            &format!(
                "the page has not answered for {} s (hung)",
                silent.as_secs()
            ),
            PageRestart::NewProcess,
        );
    }
}

async fn watch_memory(app: AppHandle) {
    let mut ticks = tokio::time::interval(MEMORY_CHECK);
    let mut ceiling = MemoryCeiling::default();
    loop {
        ticks.tick().await;
        let memory = tauri::async_runtime::spawn_blocking(kiosk_memory)
            .await
            .unwrap_or_default();
        let used_mib = memory.iter().map(|p| p.pss_kib).sum::<u64>() / 1024;
        let health = app.state::<Health>();
        health.set_memory(memory);
        // A step asked for and not yet taken (someone is using the kiosk) is not judged.
        if health.reload_is_wanted() {
            continue;
        }
        let ceiling_mib = u64::from(app.state::<AppState>().content().settings.memory_limit_mib);
        let reason = format!("memory {used_mib} MiB is above the ceiling of {ceiling_mib} MiB");
        match ceiling.step(used_mib, ceiling_mib, std::time::Instant::now()) {
            Step::Nothing => {}
            Step::Reload => {
                log::warn!("{reason}; the page will be loaded again between two slides");
                health.want_reload(reason, PageRestart::Reload);
            }
            Step::NewProcess => {
                log::warn!(
                    "{reason} after a reload; the page will be loaded again in a new web process between two slides"
                );
                health.want_reload(format!("{reason} after a reload"), PageRestart::NewProcess);
            }
            Step::CeilingTooLow => log::warn!(
                "{reason} even in a new web process: memoryLimitMiB in settings.json is lower than this content needs; trying again in an hour"
            ),
        }
    }
}

async fn keep_status(app: AppHandle, path: PathBuf) {
    let mut ticks = tokio::time::interval(STATUS_INTERVAL);
    let mut failed = false;
    let changed = app.state::<StatusChanged>();
    // The screen's status in a shared content folder: written on a change that matters to
    // the fleet, or once a minute.
    let shared = match &app.state::<AppState>().source {
        ContentSource::Dir(dir) => Some(dir.clone()),
        ContentSource::EmbeddedDefaults => None,
    };
    let mut last_shared: Option<(String, std::time::Instant)> = None;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            () = changed.0.notified() => {}
        }
        let now = Status::gather(
            &app.state::<AppState>(),
            &app.state::<Photos>().status(),
            &app.state::<Health>(),
            &app.state::<ThisScreen>().name,
        );
        let summary = fleet_summary(&now);
        let share = shared.clone().filter(|_| {
            last_shared
                .as_ref()
                .is_none_or(|(said, when)| *said != summary || when.elapsed() >= FLEET_INTERVAL)
        });
        if share.is_some() {
            last_shared = Some((summary, std::time::Instant::now()));
        }
        let target = path.clone();
        let written = tauri::async_runtime::spawn_blocking(move || {
            if let Some(dir) = share {
                if let Err(err) = status::write_fleet(&dir, &now) {
                    log::debug!(
                        "cannot write this screen's status into {}: {err}",
                        dir.display()
                    );
                }
            }
            status::write(&target, &now)
        })
        .await
        .map_err(std::io::Error::other)
        .and_then(|r| r);
        match written {
            Err(err) if !failed => {
                log::warn!("cannot write the status file {}: {err}", path.display());
                failed = true;
            }
            Ok(()) => failed = false,
            Err(_) => {}
        }
    }
}

/// What other screens need to hear about at once: the content shown and how it went.
fn fleet_summary(status: &Status) -> String {
    let content = &status.content;
    format!(
        "{} {} {} {} {} {}",
        content.revision_shown,
        content.showing_older_content,
        content.errors,
        content.waiting_for.len(),
        status.photos.refused.len(),
        status.web_view_restarts.len()
    )
}

/// The proportional memory (PSS) of this process and every process it started (WebKit's
/// web and network processes), read from /proc.
pub fn kiosk_memory() -> Vec<ProcessMemory> {
    let me = std::process::id();
    let parents = process_parents();
    let mut family = vec![me];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    family
        .into_iter()
        .filter_map(|pid| {
            let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
            let pss_kib = rollup
                .lines()
                .find(|l| l.starts_with("Pss:"))?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some(ProcessMemory {
                pid,
                name: process_name(pid)?,
                pss_kib,
            })
        })
        .collect()
}

/// The program's file name (`WebKitWebProcess`), not the kernel's 15-character `comm`.
fn process_name(pid: u32) -> Option<String> {
    let command = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let program = command.split(|&b| b == 0).next()?;
    let name = String::from_utf8_lossy(program);
    let name = name
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    if name.is_empty() {
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
        return Some(comm.trim().to_owned());
    }
    Some(name)
}

/// `(pid, parent pid)` of every process.
fn process_parents() -> Vec<(u32, u32)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            let parent = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((pid, parent))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kiosk_s_own_memory_is_measured() {
        let memory = kiosk_memory();
        assert_eq!(memory[0].pid, std::process::id());
        assert!(memory[0].pss_kib > 0);
    }
}
