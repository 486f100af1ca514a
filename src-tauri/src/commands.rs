//! The commands the UI may call (each also listed in build.rs and capabilities/kiosk.json).

use crate::health::Health;
use crate::photos::Photos;
use crate::state::{AppState, Status};
use lighthouse_core::contact_codes::ContactCodes;
use lighthouse_core::photo_cache::PhotoStatus;
use lighthouse_core::{today, Content};
use tauri::{AppHandle, State};

/// The content to show today: only the highlights shown today, in the order they are shown.
#[tauri::command]
pub fn content(state: State<'_, AppState>) -> Content {
    state.content().shown_on(today())
}

/// The QR codes of the contact screen, for the content on screen.
#[tauri::command]
pub fn contact_codes(state: State<'_, AppState>) -> ContactCodes {
    lighthouse_core::contact_codes::contact_codes(&state.content())
}

/// The photos that are ready to show (and those refused, and how many are still coming).
#[tauri::command]
pub fn photos(photos: State<'_, Photos>) -> PhotoStatus {
    photos.status()
}

/// What the latest content load found, for staff.
#[tauri::command]
pub fn status(state: State<'_, AppState>) -> Status {
    state.status()
}

/// The page is alive and in `mode`; `between_slides` when the slideshow has just moved on,
/// the moment a wanted reload (memory) happens, unseen.
#[tauri::command]
pub fn heartbeat(app: AppHandle, health: State<'_, Health>, mode: String, between_slides: bool) {
    health.heartbeat(&mode);
    if between_slides && mode == "attract" {
        if let Some(reason) = health.take_reload() {
            crate::watchdog::reload(&app, &reason);
        }
    }
}

/// The UI calls this once the first slide is on screen, so start-up time can be measured
/// from inside the app rather than by watching the screen.
#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) {
    let since_main = state.started.elapsed().as_millis();
    match process_age_ms() {
        Some(since_exec) => log::info!(
            "first slide painted {since_exec} ms after start ({since_main} ms after main)"
        ),
        None => log::info!("first slide painted {since_main} ms after main"),
    }
}

/// Milliseconds since this process was started (exec), from the kernel's own record, so the
/// time spent loading libraries before `main` counts too. Resolution: 10 ms.
fn process_age_ms() -> Option<u64> {
    // Linux reports both in clock ticks of 1/100 s (USER_HZ) and seconds since boot.
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    // Field 22 of /proc/self/stat; after the name, the state is field 3.
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let age = uptime - start_ticks / TICKS_PER_SECOND;
    (age >= 0.0).then(|| (age * 1000.0).round() as u64)
}
