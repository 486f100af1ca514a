//! The Tauri shell of Lighthouse Kiosk: reads the command line, then either runs one of the
//! commands that need no window (`cli/`) or opens the kiosk itself (`kiosk.rs`). Everything
//! about content itself lives in `lighthouse-core`.
//!
//! The kiosk's parts: its spine (`content`, `photos`, `state`, `commands`, `events`), the
//! web view it draws in (`webview/`), what keeps it alive and says how it is (`supervise/`),
//! its sense of time (`hours/`), and the staff panel's door and the counts.

mod args;
mod cli;
mod commands;
mod content;
mod counting;
mod disk_watch;
mod events;
mod exit;
mod hours;
mod kiosk;
mod logging;
mod photos;
mod staff;
mod state;
mod supervise;
mod videos;
mod webview;

use args::Args;
use clap::Parser;
use std::time::Instant;

/// Runs the kiosk (or a command-line command); returns the process exit code.
pub fn run(started: Instant) -> i32 {
    let args = Args::parse();
    match &args.command {
        None => kiosk::run(&args, started),
        Some(command) => {
            logging::for_commands();
            cli::run(&args, command)
        }
    }
}
