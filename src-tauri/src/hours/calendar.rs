//! The day changing: the highlights shown depend on the date, so at a new day the UI is
//! told to fetch the content again.

use crate::state::AppState;
use lighthouse_core::today;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How often the calendar is looked at. At midnight the highlights shown change; a minute
/// late is invisible, and checking beats sleeping until midnight, which a clock set
/// forward or a suspended PC would throw off.
const DAY_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// Watches the date on Tauri's runtime.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut day = today();
        let mut ticks = tokio::time::interval(DAY_CHECK_INTERVAL);
        loop {
            ticks.tick().await;
            if today() != day {
                day = today();
                log::info!("a new day ({day}): the highlights shown are chosen again");
                let revision = app.state::<AppState>().status().revision;
                crate::events::content_changed(&app, revision, None);
            }
        }
    });
}
