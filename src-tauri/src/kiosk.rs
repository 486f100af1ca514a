//! The kiosk itself: the window, the content and its watcher, the photos, the keepers and
//! the commands the UI calls, wired together. Nothing here decides anything; each part does.

use crate::args::Args;
use crate::counting::Counting;
use crate::disk_watch::DiskWatch;
use crate::photos::{self, Photos};
use crate::staff::Staff;
use crate::state::{AppState, ContentReady, StatusChanged, ThisScreen};
use crate::supervise::health::Health;
use crate::supervise::{screen_picture, status_file, upgrade, watchdog};
use crate::webview::{monitor, renderer, window};
use crate::{commands, content, counting, exit, hours, logging, videos};
use lighthouse_core::hashes::{self, Hashes};
use lighthouse_core::instance;
use lighthouse_core::pipeline::Size;
use lighthouse_core::screen::Orientation;
use lighthouse_core::ContentSource;
use std::path::PathBuf;
use std::time::Instant;
use tauri::{AppHandle, Manager};

/// Opens the kiosk and runs until it is closed; returns the exit code.
pub fn run(args: &Args, started: Instant) -> i32 {
    // Before anything else starts a thread: the renderer may be chosen through the
    // environment, which only one thread may change.
    let renderer = renderer::choose();
    upgrade::note_program();
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
    let cache_dir = args.cache_dir();
    let status_path = args.status_file();
    // The content is loaded while the window opens: a large folder after a reboot takes
    // seconds to read, and the splash shows meanwhile instead of nothing at all.
    let loading = load_in_background(args, started);
    let result = tauri::Builder::default()
        .manage(ContentReady::default())
        .manage(Health::new(renderer.words.clone()))
        .manage(renderer)
        .manage(DiskWatch::default())
        .manage(StatusChanged::default())
        .manage(Counting::open(args.counts_file()))
        .manage(Staff::default())
        .manage(videos::Skips::default())
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
        .register_asynchronous_uri_scheme_protocol(
            videos::VIDEO_SCHEME,
            |ctx, request, responder| {
                let app = ctx.app_handle().clone();
                tauri::async_runtime::spawn_blocking(move || {
                    responder.respond(match &app.state::<AppState>().source {
                        ContentSource::Dir(dir) => videos::serve(dir, &request),
                        ContentSource::EmbeddedDefaults => photos::not_ready(),
                    })
                });
            },
        )
        .setup(move |app| {
            let handle = app.handle().clone();
            let screen = window::open_main_window(app.handle(), move |why| {
                handle.state::<Health>().web_view_restarted(why);
            })?;
            app.state::<Health>()
                .display_is(screen.width, screen.height);
            let handle = app.handle().clone();
            std::thread::Builder::new()
                .name("starting".into())
                .spawn(move || {
                    // A panic while loading is the kiosk's (see log_panics): passed on.
                    let loaded = loading
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    start_with_content(&handle, loaded, screen, cache_dir, status_path);
                })?;
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

/// The content and what is made from it before anything can use it.
struct Loaded {
    state: AppState,
    said: content::Said,
    screen: ThisScreen,
}

fn load_in_background(args: &Args, started: Instant) -> std::thread::JoinHandle<Loaded> {
    let source = args.content_source();
    let hashes_file = args.cache_dir().join(hashes::HASHES_FILE);
    let screen_file = args.screen_file();
    std::thread::Builder::new()
        .name("loading".into())
        .spawn(move || {
            // Read here, not before the window: with 1,500 photos it is a quarter of a megabyte.
            let hashes = Hashes::kept_in(hashes_file);
            let said = content::Said::default();
            let (content, status) = content::initial(&source, &hashes, &said);
            let screen = this_screen(&screen_file, &content);
            Loaded {
                state: AppState::new(source, content, status, started, hashes),
                said,
                screen,
            }
        })
        .expect("start the loading thread")
}

/// Everything that works on the content, started once it is loaded (the window is open by
/// then); last, the page's first ask for the content is answered.
fn start_with_content(
    app: &AppHandle,
    loaded: Loaded,
    screen: Size,
    cache_dir: PathBuf,
    status_path: PathBuf,
) {
    warn_about_orientation(&loaded.screen, screen);
    app.manage(loaded.state);
    app.manage(loaded.said);
    app.manage(loaded.screen);
    // Managed before the first pass is asked for: the photo thread looks it up.
    app.manage(Photos::start(app, cache_dir, screen));
    app.state::<Photos>().refresh();
    if let Some(window) = app.get_webview_window(window::MAIN_WINDOW) {
        let handle = app.clone();
        monitor::follow(window, screen, move |screen| {
            warn_about_orientation(&handle.state::<ThisScreen>(), screen);
            handle
                .state::<Health>()
                .display_is(screen.width, screen.height);
            handle.state::<StatusChanged>().notify();
            handle.state::<Photos>().screen_changed(screen);
        });
    }
    if let Some(watcher) = content::watch(app) {
        app.manage(watcher);
        // Anything saved while the content was loading happened before the watch began.
        let handle = app.clone();
        std::thread::spawn(move || content::reload(&handle));
    }
    hours::calendar::start(app);
    hours::opening::start(app);
    watchdog::start(app);
    screen_picture::start(app);
    upgrade::start(app);
    status_file::start(app, status_path);
    counting::start(app);
    app.state::<ContentReady>().open();
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
