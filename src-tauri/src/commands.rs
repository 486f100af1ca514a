//! The commands the UI may call (each also listed in build.rs and capabilities/kiosk.json;
//! a test holds the three lists equal).

use crate::counting::Counting;
use crate::hours::opening::{self, Opening};
use crate::photos::Photos;
use crate::staff::{DoorRules, Staff, Unlock};
use crate::state::{AppState, ContentReady, LoadStatus, ThisScreen};
use crate::supervise::health::Health;
use crate::supervise::{status_file, watchdog};
use crate::webview::renderer::Renderer;
use lighthouse_core::contact_codes::ContactCodes;
use lighthouse_core::counts::{DayCounts, Event};
use lighthouse_core::model::WhenClosed;
use lighthouse_core::photo_cache::PhotoStatus;
use lighthouse_core::screen::lead_first;
use lighthouse_core::status::Status;
use lighthouse_core::Content;
use tauri::{AppHandle, Manager, State};

/// Every command, for `kiosk.rs` to hand to Tauri.
macro_rules! all_commands {
    () => {
        tauri::generate_handler![
            crate::commands::content,
            crate::commands::contact_codes,
            crate::commands::photos,
            crate::commands::status,
            crate::commands::first_paint,
            crate::commands::heartbeat,
            crate::commands::count,
            crate::commands::opening,
            crate::commands::clock,
            crate::commands::drawn_on_gpu,
            crate::commands::rest_display,
            crate::commands::staff_door,
            crate::commands::staff_unlock,
            crate::commands::staff_report,
            crate::commands::staff_action,
            crate::commands::staff_close,
            crate::commands::video_skipped
        ]
    };
}
pub(crate) use all_commands;

/// The content to show now: only the highlights and photos shown at this time, in the order they are
/// shown, this screen's own park first among the contacts, and photo motion decided for
/// this screen's renderer.
///
/// At start, it waits until the content is loaded (the splash shows meanwhile).
#[tauri::command]
pub async fn content(app: AppHandle) -> Content {
    app.state::<ContentReady>().wait().await;
    let (state, screen) = (app.state::<AppState>(), app.state::<ThisScreen>());
    let renderer = app.state::<Renderer>();
    let mut shown = state.content().shown_at(crate::hours::clock::now());
    shown.contacts = lead_first(&shown.contacts, screen.settings.lead_contact.as_deref());
    shown.settings.photo_motion = shown.settings.photo_motion.decided(renderer.gpu);
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

/// The page skipped the video `file` (`why`: `stalled` or `error`): logged and counted in
/// the status, which is written again at once.
#[tauri::command]
pub fn video_skipped(app: AppHandle, file: String, why: String) {
    // Names and reasons come from the page: kept short, like everything it sends.
    let clip = |text: &str| text.chars().take(200).collect::<String>();
    app.state::<crate::videos::Skips>()
        .skipped(&clip(&file), &clip(&why));
    if let Some(status) = app.try_state::<crate::state::StatusChanged>() {
        status.notify();
    }
}

/// What the latest content load found, for staff.
#[tauri::command]
pub fn status(state: State<'_, AppState>) -> LoadStatus {
    state.status()
}

/// The page is alive and in `mode`; `between_slides` when the slideshow has just moved on,
/// the moment a wanted reload (memory, or a page that has shown many slides) happens, unseen.
#[tauri::command]
pub fn heartbeat(app: AppHandle, health: State<'_, Health>, mode: String, between_slides: bool) {
    health.heartbeat(&mode);
    if between_slides && mode == "attract" {
        crate::supervise::upgrade::at_slide_boundary(&app);
        health.slide_shown();
        if let Some((reason, how)) = health.take_reload() {
            watchdog::restart_page(&app, &reason, how);
        }
    }
}

/// The UI calls this once the first slide is on screen, so start-up time can be measured
/// from inside the app rather than by watching the screen.
#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) {
    let since_main = state.started.elapsed().as_millis();
    match lighthouse_core::proc::own_age_ms() {
        Some(since_exec) => log::info!(
            "first slide painted {since_exec} ms after start ({since_main} ms after main)"
        ),
        None => log::info!("first slide painted {since_main} ms after main"),
    }
}

/// Counts something a visitor or the slideshow did (see lighthouse_core::counts).
#[tauri::command]
pub fn count(app: AppHandle, event: Event) {
    crate::counting::count(&app, &event);
}

/// Whether the building is open now, and what the screen shows when it is not.
#[tauri::command]
pub fn opening(state: State<'_, AppState>) -> Opening {
    opening::opening_now(&state)
}

/// The kiosk's clock and time zone, for the page to show the time and dates by.
#[tauri::command]
pub fn clock() -> crate::hours::clock::WallClock {
    crate::hours::clock::wall()
}

/// Whether a GPU draws this screen. Without one, every frame of a fade or a drift is
/// repainted by the processor, so the page moves things in a few steps instead.
#[tauri::command]
pub fn drawn_on_gpu(renderer: State<'_, Renderer>) -> bool {
    renderer.gpu
}

/// The building is closed and the woken screen has had its few minutes: let the display
/// rest (when the settings say a black screen).
#[tauri::command]
pub fn rest_display(state: State<'_, AppState>) {
    let opening = opening::opening_now(&state);
    if !opening.open && opening.when_closed == WhenClosed::Black {
        tauri::async_runtime::spawn_blocking(opening::display_off);
    }
}

/// The staff door's rules the keypad and the panel follow (PIN length, idle time).
#[tauri::command]
pub fn staff_door() -> DoorRules {
    crate::staff::rules()
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
    let state = app.state::<AppState>();
    Some(StaffReport {
        status: status_file::gather_from(&app),
        opening: opening::opening_now(&state),
        today: app.state::<Counting>().today(),
        counting: state.content().settings.count_visits,
    })
}

/// What the staff panel shows.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffReport {
    status: Status,
    opening: Opening,
    today: DayCounts,
    counting: bool,
}

/// A staff action, confirmed on the panel: `reload` the content now (answered once the
/// reload is done), `restart` the kiosk, or `exit` to the desktop. Returns false when the
/// panel's token has lapsed.
#[tauri::command]
pub async fn staff_action(app: AppHandle, token: String, action: String) -> bool {
    if !app.state::<Staff>().allows(&token) {
        return false;
    }
    log::warn!("staff action: {action}");
    match action.as_str() {
        "reload" => {
            let reloading = app.clone();
            let done =
                tauri::async_runtime::spawn_blocking(move || crate::content::reload(&reloading));
            done.await.is_ok()
        }
        "restart" => app.restart(),
        "exit" => {
            log::warn!("staff asked the kiosk to exit to the desktop");
            std::process::exit(crate::exit::STAFF_EXIT);
        }
        other => {
            log::warn!("unknown staff action {other}");
            false
        }
    }
}

/// The staff panel was closed.
#[tauri::command]
pub fn staff_close(staff: State<'_, Staff>) {
    staff.close();
}

#[cfg(test)]
mod tests {
    /// The names in a list of quoted strings in `text`, after `start` and up to `end`.
    fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
        let from = text.find(start).expect(start) + start.len();
        let to = from + text[from..].find(end).expect(end);
        text[from..to]
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    fn sorted(mut names: Vec<String>) -> Vec<String> {
        names.sort();
        names
    }

    #[test]
    fn every_command_is_handed_to_tauri_granted_to_the_ui_and_nothing_more() {
        let source = include_str!("commands.rs");
        let handled: Vec<String> = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("crate::commands::"))
            .map(|name| name.trim_end_matches(',').to_owned())
            .collect();
        // Spelt in two halves, so this line is not taken for a command.
        let defined: Vec<String> = source
            .split(concat!("#[tauri::", "command]"))
            .skip(1)
            .filter_map(|rest| {
                let after = rest.split_once("fn ")?.1;
                Some(after.split('(').next()?.to_owned())
            })
            .collect();
        let defined = sorted(defined);
        assert_eq!(
            sorted(handled),
            defined,
            "the handler list in all_commands!"
        );
        let built = quoted_between(include_str!("../build.rs"), ".commands(&[", "]");
        assert_eq!(sorted(built), defined, "build.rs");
        let granted: Vec<String> = quoted_between(
            include_str!("../capabilities/kiosk.json"),
            "\"permissions\"",
            "]",
        )
        .into_iter()
        .filter_map(|p| p.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();
        assert_eq!(sorted(granted), defined, "capabilities/kiosk.json");
    }
}
