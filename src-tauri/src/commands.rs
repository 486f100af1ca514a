//! The commands the UI may call (each also listed in build.rs and capabilities/kiosk.json).

use crate::state::AppState;
use lighthouse_core::Content;
use tauri::State;

/// The content to show.
#[tauri::command]
pub fn content(state: State<'_, AppState>) -> Content {
    Content::clone(&state.content())
}

/// The UI calls this once the first slide is on screen, so start-up time can be measured
/// from inside the app rather than by watching the screen.
#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) {
    log::info!(
        "first slide painted {} ms after start",
        state.started.elapsed().as_millis()
    );
}
