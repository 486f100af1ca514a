//! The commands the UI may call (each also listed in build.rs and capabilities/kiosk.json).

use crate::counting::Counting;
use crate::health::Health;
use crate::opening::Opening;
use crate::photos::Photos;
use crate::staff::{Staff, Unlock};
use crate::state::{AppState, Status, ThisScreen};
use crate::status::Status as KioskStatus;
use lighthouse_core::contact_codes::ContactCodes;
use lighthouse_core::counts::{DayCounts, Event};
use lighthouse_core::model::WhenClosed;
use lighthouse_core::photo_cache::PhotoStatus;
use lighthouse_core::screen::lead_first;
use lighthouse_core::{today, Content};
use tauri::{AppHandle, Manager, State};

/// The content to show today: only the highlights shown today, in the order they are
/// shown, and this screen's own park first among the contacts.
#[tauri::command]
pub fn content(state: State<'_, AppState>, screen: State<'_, ThisScreen>) -> Content {
    let mut shown = state.content().shown_on(today());
    shown.contacts = lead_first(&shown.contacts, screen.settings.lead_contact.as_deref());
    shown
}

/// The QR codes of the contact screen, for the content on screen.
#[tauri::command]
pub fn contact_codes(state: State<'_, AppState>, screen: State<'_, ThisScreen>) -> ContactCodes {
    let mut content = Content::clone(&state.content());
    content.contacts = lead_first(&content.contacts, screen.settings.lead_contact.as_deref());
    lighthouse_core::contact_codes::contact_codes(&content)
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
/// the moment a wanted reload (memory, or a page that has shown many slides) happens, unseen.
#[tauri::command]
pub fn heartbeat(app: AppHandle, health: State<'_, Health>, mode: String, between_slides: bool) {
    health.heartbeat(&mode);
    if between_slides && mode == "attract" {
        health.slide_shown();
        if let Some((reason, how)) = health.take_reload() {
            crate::watchdog::restart_page(&app, &reason, how);
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

/// Counts something a visitor or the slideshow did (see lighthouse_core::counts).
#[tauri::command]
pub fn count(app: AppHandle, event: Event) {
    crate::counting::count(&app, &event);
}

/// Whether the building is open now, and what the screen shows when it is not.
#[tauri::command]
pub fn opening(state: State<'_, AppState>) -> Opening {
    crate::opening::opening_now(&state)
}

/// The building is closed and the woken screen has had its few minutes: let the display
/// rest (when the settings say a black screen).
#[tauri::command]
pub fn rest_display(state: State<'_, AppState>) {
    let opening = crate::opening::opening_now(&state);
    if !opening.open && opening.when_closed == WhenClosed::Black {
        tauri::async_runtime::spawn_blocking(crate::opening::display_off);
    }
}

/// A PIN typed on the staff keypad.
#[tauri::command]
pub fn staff_unlock(state: State<'_, AppState>, staff: State<'_, Staff>, pin: String) -> Unlock {
    let hash = state.content().settings.staff_pin_hash.clone();
    staff.unlock(&pin, hash.as_deref())
}

/// Everything the staff panel shows; `None` once the panel's token has lapsed.
#[tauri::command]
pub fn staff_report(app: AppHandle, staff: State<'_, Staff>, token: String) -> Option<StaffReport> {
    if !staff.allows(&token) {
        return None;
    }
    Some(StaffReport {
        status: KioskStatus::gather(
            &app.state::<AppState>(),
            &app.state::<Photos>().status(),
            &app.state::<Health>(),
            &app.state::<ThisScreen>().name,
        ),
        opening: crate::opening::opening_now(&app.state::<AppState>()),
        today: app.state::<Counting>().today(),
        counting: app.state::<AppState>().content().settings.count_visits,
    })
}

/// What the staff panel shows.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffReport {
    status: KioskStatus,
    opening: Opening,
    today: DayCounts,
    counting: bool,
}

/// A staff action, confirmed on the panel: `reload` the content now, `restart` the kiosk,
/// or `exit` to the desktop. Returns false when the panel's token has lapsed.
#[tauri::command]
pub fn staff_action(
    app: AppHandle,
    staff: State<'_, Staff>,
    token: String,
    action: String,
) -> bool {
    if !staff.allows(&token) {
        return false;
    }
    log::warn!("staff action: {action}");
    match action.as_str() {
        "reload" => {
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || crate::content::reload(&app));
        }
        "restart" => app.restart(),
        "exit" => {
            log::warn!("staff asked the kiosk to exit to the desktop");
            std::process::exit(crate::kiosk::EXIT_STAFF_EXIT);
        }
        other => {
            log::warn!("unknown staff action {other}");
            return false;
        }
    }
    true
}

/// The staff panel was closed.
#[tauri::command]
pub fn staff_close(staff: State<'_, Staff>) {
    staff.close();
}
