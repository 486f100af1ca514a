//! The Tauri shell of Lighthouse Kiosk: reads the command line, loads the content through
//! `lighthouse-core`, opens the full-screen window and answers the UI's commands.
//! Everything about content itself lives in `lighthouse-core`.

mod args;
mod commands;
mod state;
mod window;

use args::Args;
use clap::Parser;
use lighthouse_core::{Content, ContentSource};
use state::AppState;
use std::time::Instant;

/// Runs the kiosk until its window closes; returns the process exit code.
pub fn run(started: Instant) -> i32 {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let args = Args::parse();
    let source = args.content_source();
    let content = load_initial_content(&source);

    let result = tauri::Builder::default()
        .manage(AppState::new(content, started))
        .invoke_handler(tauri::generate_handler![
            commands::content,
            commands::first_paint
        ])
        .setup(|app| {
            window::open_main_window(app.handle())?;
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

/// The content to start with. A broken content folder must not leave the screen blank, so
/// the built-in default content stands in until the folder is fixed.
fn load_initial_content(source: &ContentSource) -> Content {
    match source.load() {
        Ok(content) => {
            log::info!(
                "content loaded from {source}: {} highlights, {} contacts",
                content.highlights.len(),
                content.contacts.entries.len()
            );
            content
        }
        Err(problems) => {
            log::error!(
                "content in {source} has {} problem(s); showing the built-in default content instead",
                problems.len()
            );
            for problem in &problems {
                log::error!("{problem}");
            }
            lighthouse_core::load_embedded_defaults()
                .expect("the built-in default content is checked by the test suite")
        }
    }
}
