//! The Tauri shell of Lighthouse Kiosk: reads the command line, loads the content through
//! `lighthouse-core`, opens the full-screen window, watches the content folder and answers
//! the UI's commands. Everything about content itself lives in `lighthouse-core`.

mod args;
mod cli;
mod commands;
mod content;
mod events;
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
        None => {}
    }

    let source = args.content_source();
    let (content, status) = content::initial(&source);
    let result = tauri::Builder::default()
        .manage(AppState::new(source, content, status, started))
        .invoke_handler(tauri::generate_handler![
            commands::content,
            commands::status,
            commands::first_paint
        ])
        .setup(|app| {
            window::open_main_window(app.handle())?;
            if let Some(watcher) = content::watch(app.handle()) {
                app.manage(watcher);
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
