//! The Tauri shell of Lighthouse Kiosk: reads the command line, loads the content through
//! `lighthouse-core`, opens the full-screen window, watches the content folder and answers
//! the UI's commands. Everything about content itself lives in `lighthouse-core`.

mod args;
mod cli;
mod commands;
mod content;
mod events;
mod photos;
mod state;
mod window;

use args::{Args, Command};
use clap::Parser;
use lighthouse_core::ContentSource;
use state::AppState;
use std::time::Instant;
use tauri::Manager;

/// Runs the kiosk (or a command-line command); returns the process exit code.
pub fn run(started: Instant) -> i32 {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let args = Args::parse();
    match &args.command {
        Some(Command::Check { dir, format }) => {
            let source = match dir {
                Some(dir) => ContentSource::Dir(dir.clone()),
                None => args.content_source(),
            };
            return cli::check(&source, *format);
        }
        Some(Command::Init { dir }) => return cli::init(dir),
        Some(Command::Prepare { dir, size }) => {
            let source = match dir {
                Some(dir) => ContentSource::Dir(dir.clone()),
                None => args.content_source(),
            };
            return cli::prepare(&source, *size, args.cache_dir());
        }
        None => {}
    }

    let source = args.content_source();
    let cache_dir = args.cache_dir();
    let (content, status) = content::initial(&source);
    let result = tauri::Builder::default()
        .manage(AppState::new(source, content, status, started))
        .invoke_handler(tauri::generate_handler![
            commands::content,
            commands::photos,
            commands::status,
            commands::first_paint
        ])
        .register_asynchronous_uri_scheme_protocol(
            photos::PHOTO_SCHEME,
            |ctx, request, responder| {
                let app = ctx.app_handle().clone();
                // Off the main thread: reading a picture must never hold up the slideshow.
                std::thread::spawn(move || match app.try_state::<photos::Photos>() {
                    Some(photos) => responder.respond(photos.serve(&request)),
                    None => responder.respond(tauri::http::Response::new(Vec::new())),
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
