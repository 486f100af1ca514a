//! The kiosk itself: the window, the content and its watcher, the photos, the keepers and
//! the commands the UI calls, wired together. Nothing here decides anything; each part does.

use crate::args::Args;
use crate::counting::Counting;
use crate::disk_watch::DiskWatch;
use crate::photos::{self, Photos};
use crate::staff::Staff;
use crate::state::{AppState, StatusChanged, ThisScreen};
use crate::supervise::health::Health;
use crate::supervise::{status_file, watchdog};
use crate::webview::{monitor, renderer, window};
use crate::{commands, content, counting, exit, hours, logging};
use lighthouse_core::hashes::{self, Hashes};
use lighthouse_core::instance;
use lighthouse_core::pipeline::Size;
use lighthouse_core::screen::Orientation;
use std::time::Instant;
use tauri::Manager;

/// Opens the kiosk and runs until it is closed; returns the exit code.
pub fn run(args: &Args, started: Instant) -> i32 {
    // Before anything else starts a thread: the renderer may be chosen through the
    // environment, which only one thread may change.
    let renderer = renderer::choose();
    logging::for_kiosk();
    log::info!("Lighthouse Kiosk {} starting", env!("CARGO_PKG_VERSION"));
    log::info!("renderer: {}", renderer.words);
    log_panics();
    let _instance = match instance::take() {
        Ok(lock) => lock,
        Err(err) => {
            log::error!("{err}");
            eprintln!("lighthouse-kiosk: {err}");
            return exit::FAILED;
        }
    };
    let source = args.content_source();
    let cache_dir = args.cache_dir();
    let status_path = args.status_file();
    let hashes = Hashes::kept_in(cache_dir.join(hashes::HASHES_FILE));
    let said = content::Said::default();
    let (content, status) = content::initial(&source, &hashes, &said);
    let screen = this_screen(&args.screen_file(), &content);
    let result = tauri::Builder::default()
        .manage(AppState::new(source, content, status, started, hashes))
        .manage(Health::new(renderer.words.clone()))
        .manage(renderer)
        .manage(DiskWatch::default())
        .manage(StatusChanged::default())
        .manage(said)
        .manage(Counting::open(args.counts_file()))
        .manage(Staff::default())
        .manage(screen)
        .invoke_handler(commands::all_commands!())
        .register_asynchronous_uri_scheme_protocol(
            photos::PHOTO_SCHEME,
            |ctx, request, responder| {
                let app = ctx.app_handle().clone();
                // Off the main thread: reading a picture must never hold up the slideshow.
                tauri::async_runtime::spawn_blocking(move || {
                    responder.respond(match app.try_state::<Photos>() {
                        Some(photos) => photos.serve(&request),
                        None => photos::not_ready(),
                    })
                });
            },
        )
        .setup(move |app| {
            let handle = app.handle().clone();
            let screen = window::open_main_window(app.handle(), move |why| {
                handle.state::<Health>().web_view_restarted(why);
            })?;
            warn_about_orientation(&app.state::<ThisScreen>(), screen);
            app.state::<Health>()
                .display_is(screen.width, screen.height);
            // Managed before the first pass is asked for: the photo thread looks it up.
            app.manage(Photos::start(app.handle(), cache_dir, screen));
            app.state::<Photos>().refresh();
            if let Some(window) = app.get_webview_window(window::MAIN_WINDOW) {
                let handle = app.handle().clone();
                monitor::follow(window, move |screen| {
                    warn_about_orientation(&handle.state::<ThisScreen>(), screen);
                    handle
                        .state::<Health>()
                        .display_is(screen.width, screen.height);
                    handle.state::<StatusChanged>().notify();
                    handle.state::<Photos>().screen_changed(screen);
                });
            }
            if let Some(watcher) = content::watch(app.handle()) {
                app.manage(watcher);
                // Anything saved while the window was opening happened before the watch began.
                let handle = app.handle().clone();
                std::thread::spawn(move || content::reload(&handle));
            }
            hours::calendar::start(app.handle());
            hours::opening::start(app.handle());
            watchdog::start(app.handle());
            status_file::start(app.handle(), status_path);
            counting::start(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => exit::OK,
        Err(err) => {
            log::error!("the kiosk stopped: {err}");
            exit::PROBLEMS
        }
    }
}

/// This screen's own settings, logged with their problems (a screen with a mistake in them
/// still runs, with the defaults for what is wrong).
fn this_screen(path: &std::path::Path, content: &lighthouse_core::Content) -> ThisScreen {
    let (settings, problems) = lighthouse_core::screen::load(path, Some(&content.contacts));
    for problem in &problems {
        log::error!("{problem}");
    }
    let name = settings
        .name
        .clone()
        .filter(|_| problems.is_empty())
        .unwrap_or_else(lighthouse_core::screen::host_name);
    log::info!("this screen is \"{name}\"");
    ThisScreen { name, settings }
}

/// A screen set as portrait shown on a landscape display (or the other way round) needs
/// its display rotated; the kiosk lays itself out for the display it is given.
fn warn_about_orientation(screen: &ThisScreen, size: Size) {
    let actual = if size.height > size.width {
        Orientation::Portrait
    } else {
        Orientation::Landscape
    };
    if let Some(wanted) = screen.settings.orientation {
        if wanted != actual {
            log::warn!(
                "this screen is set as {wanted:?} but its display is {size} ({actual:?}); rotate the display (e.g. xrandr --rotate left)"
            );
        }
    }
}

/// A panic is logged with its message and place; unless it happened where it is caught (a
/// photo the decoder chokes on), the kiosk then exits, non-zero, for systemd to restart it:
/// a thread that died quietly would leave a kiosk that looks fine and no longer updates.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        if lighthouse_core::photo_cache::panic_is_caught_here() {
            log::warn!("the photo decoder failed: {info}");
            return;
        }
        log::error!("the kiosk failed: {info}; exiting");
        std::process::exit(exit::PANIC);
    }));
}
