//! Following the building's opening hours: the UI is told when the building opens or closes,
//! and while it is closed (and nobody has woken the screen) the display itself may rest.

use super::clock;
use crate::state::AppState;
use lighthouse_core::model::WhenClosed;
use lighthouse_core::schedule::format_time;
use serde::Serialize;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// The longest the kiosk sleeps before looking at the hours again: changes to the hours
/// and a clock set by hand are noticed within it.
const CHECK_AT_LEAST_EVERY: Duration = Duration::from_secs(60);

/// Whether the building is open now, and what the screen does while it is not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Opening {
    pub open: bool,
    /// "black" or "clock".
    pub when_closed: WhenClosed,
    /// Today's opening times, as "09:00-17:30" (empty: closed today, or no hours set).
    pub today: Vec<String>,
    /// False when the content sets no opening hours (always open).
    pub has_hours: bool,
    /// While closed, when the building opens next, as "2026-12-05T09:00" (kiosk time).
    pub next_opening: Option<String>,
}

/// The opening state by the kiosk's clock, for the content on screen.
pub fn opening_now(state: &AppState) -> Opening {
    let now = clock::now();
    match &state.content().settings.opening_hours {
        None => Opening {
            open: true,
            when_closed: WhenClosed::Black,
            today: Vec::new(),
            has_hours: false,
            next_opening: None,
        },
        Some(hours) => {
            let schedule = hours.schedule();
            let open = schedule.is_open(now);
            Opening {
                open,
                next_opening: (!open)
                    .then(|| schedule.next_change(now))
                    .flatten()
                    .map(|at| at.format("%Y-%m-%dT%H:%M").to_string()),
                when_closed: hours.when_closed,
                today: schedule
                    .times_on(now.date())
                    .iter()
                    .map(|&(start, end)| format!("{}-{}", format_time(start), format_time(end)))
                    .collect(),
                has_hours: true,
            }
        }
    }
}

/// Watches the hours on Tauri's runtime: tells the UI at each opening and closing.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut last: Option<Opening> = None;
        loop {
            let state = app.state::<AppState>();
            let opening = opening_now(&state);
            if last.as_ref() != Some(&opening) {
                if last.as_ref().map(|l| l.open) != Some(opening.open) && opening.has_hours {
                    log::info!(
                        "the building is {} (by its opening hours)",
                        if opening.open { "open" } else { "closed" }
                    );
                }
                crate::events::send(&app, crate::events::SCHEDULE_CHANGED, &opening);
                last = Some(opening);
            }
            // Wake at the next change, or within a minute in any case.
            let wait = state
                .content()
                .settings
                .opening_hours
                .as_ref()
                .and_then(|hours| hours.schedule().next_change(clock::now()))
                .and_then(|at| (at - clock::now()).to_std().ok())
                .map_or(CHECK_AT_LEAST_EVERY, |d| d.min(CHECK_AT_LEAST_EVERY));
            tokio::time::sleep(wait + Duration::from_millis(200)).await;
        }
    });
}

/// Switches the display off (DPMS), where the X server allows it: the screen rests while
/// the building is closed; a touch switches it on again.
pub fn display_off() {
    match std::process::Command::new("xset")
        .args(["dpms", "force", "off"])
        .status()
    {
        Ok(status) if status.success() => log::info!("the display is switched off until a touch"),
        Ok(status) => log::info!("the display could not be switched off (xset: {status})"),
        Err(err) => log::info!("the display could not be switched off (xset: {err})"),
    }
}
