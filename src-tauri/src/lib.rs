//! The Tauri shell of Lighthouse Kiosk: reads the command line, then either runs one of the
//! commands that need no window (`cli`) or opens the kiosk itself (`kiosk`). Everything
//! about content itself lives in `lighthouse-core`.

mod args;
mod cli;
mod commands;
mod content;
mod events;
mod kiosk;
mod photos;
mod state;
mod window;

use args::{Args, Command};
use clap::Parser;
use std::time::Instant;

/// Runs the kiosk (or a command-line command); returns the process exit code.
pub fn run(started: Instant) -> i32 {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let args = Args::parse();
    match &args.command {
        Some(Command::Check { dir, format }) => cli::check(&args.source_or(dir), *format),
        Some(Command::Init { dir }) => cli::init(dir),
        Some(Command::Prepare { dir, size }) => {
            cli::prepare(&args.source_or(dir), *size, args.cache_dir())
        }
        None => kiosk::run(args.content_source(), args.cache_dir(), started),
    }
}
