//! Keeping the kiosk alive with nobody watching. The page reports a heartbeat every few
//! seconds; a page that stops (hung) is loaded again, and if it never comes back the kiosk
//! exits so systemd starts it afresh. WebKit's memory grows over weeks: above the ceiling
//! in the settings, the page is loaded again between two slides of the slideshow, where
//! nobody is reading anything, and in a new web process if that was not enough (the steps
//! are in `memory_ceiling`).

use super::health::{Health, PageRestart};
use super::memory_ceiling::{MemoryCeiling, Step};
use crate::exit;
use crate::state::{AppState, StatusChanged};
use crate::webview::window::MAIN_WINDOW;
use lighthouse_core::status::{ProcessMemory, HEARTBEAT_LATE};
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How often the heartbeat is looked at.
const HEARTBEAT_CHECK: Duration = Duration::from_secs(5);
/// Reloads in a row that did not bring the page's heartbeat back before the kiosk gives up
/// and exits (non-zero), for systemd to start it again.
const RELOADS_BEFORE_GIVING_UP: u32 = 3;
/// How often the memory of the kiosk's processes is measured.
const MEMORY_CHECK: Duration = Duration::from_secs(30);

/// Starts the watchdog's tasks on Tauri's async runtime.
pub fn start(app: &AppHandle) {
    tauri::async_runtime::spawn(watch_heartbeat(app.clone()));
    tauri::async_runtime::spawn(watch_memory(app.clone()));
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
        PageRestart::NewProcess => crate::webview::lockdown::end_web_process(&window),
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
            std::process::exit(exit::WEB_VIEW_LOST);
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

/// The proportional memory (PSS) of this process and every process it started (WebKit's
/// web and network processes).
pub fn kiosk_memory() -> Vec<ProcessMemory> {
    use lighthouse_core::proc;
    proc::family(std::process::id())
        .into_iter()
        .filter_map(|pid| {
            Some(ProcessMemory {
                pid,
                pss_kib: proc::pss_kib(pid)?,
                name: proc::program_name(pid)?,
            })
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
