//! The kiosk itself: the window, the content and its watcher, the photos, and the commands
//! the UI calls, wired together.

use crate::state::AppState;
use crate::{commands, content, photos, window};
use lighthouse_core::{today, ContentSource};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// How often the calendar is looked at. At midnight the highlights shown change; a minute
/// late is invisible, and checking beats sleeping until midnight, which a clock set
/// forward or a suspended PC would throw off.
const DAY_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// Opens the kiosk on `source` and runs until it is closed; returns the exit code.
pub fn run(source: ContentSource, cache_dir: PathBuf, started: Instant) -> i32 {
    let (content, status) = content::initial(&source);
    let result = tauri::Builder::default()
        .manage(AppState::new(source, content, status, started))
        .invoke_handler(tauri::generate_handler![
            commands::content,
            commands::contact_codes,
            commands::photos,
            commands::status,
            commands::first_paint
        ])
        .register_asynchronous_uri_scheme_protocol(
            photos::PHOTO_SCHEME,
            |ctx, request, responder| {
                let app = ctx.app_handle().clone();
                // Off the main thread: reading a picture must never hold up the slideshow.
                tauri::async_runtime::spawn_blocking(move || {
                    responder.respond(match app.try_state::<photos::Photos>() {
                        Some(photos) => photos.serve(&request),
                        None => photos::not_ready(),
                    })
                });
            },
        )
        .setup(move |app| {
            let screen = window::open_main_window(app.handle())?;
            // Managed before the first pass is asked for: the photo thread looks it up.
            app.manage(photos::Photos::start(app.handle(), cache_dir, screen));
            app.state::<photos::Photos>().refresh();
            if let Some(watcher) = content::watch(app.handle()) {
                app.manage(watcher);
                // Anything saved while the window was opening happened before the watch began.
                let handle = app.handle().clone();
                std::thread::spawn(move || content::reload(&handle));
            }
            watch_the_calendar(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(err) => {
            log::error!("the kiosk stopped: {err}");
            1
        }
    }
}

/// When the day changes, the UI is told to fetch the content again: highlights may have
/// started or ended.
fn watch_the_calendar(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut day = today();
        let mut ticks = tokio::time::interval(DAY_CHECK_INTERVAL);
        loop {
            ticks.tick().await;
            if today() != day {
                day = today();
                log::info!("a new day ({day}): the highlights shown are chosen again");
                content::announce(&app, app.state::<AppState>().status().revision);
            }
        }
    });
}
