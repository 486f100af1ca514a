//! The Tauri shell of Lighthouse Kiosk: reads the command line, then either runs one of the
//! commands that need no window (`cli`) or opens the kiosk itself (`kiosk`). Everything
//! about content itself lives in `lighthouse-core`.

mod args;
mod cli;
mod clock;
mod commands;
mod content;
mod counting;
mod events;
mod health;
mod kiosk;
mod lockdown;
mod logging;
mod memory_ceiling;
mod opening;
mod page_crypto;
mod photos;
mod renderer;
mod single_instance;
mod staff;
mod state;
mod status;
mod watchdog;
mod window;
mod zoom_gesture;

use args::{Args, Command};
use clap::Parser;
use std::time::Instant;

/// Runs the kiosk (or a command-line command); returns the process exit code.
pub fn run(started: Instant) -> i32 {
    let args = Args::parse();
    let Some(command) = &args.command else {
        return kiosk::run(&args, started);
    };
    logging::for_commands();
    match command {
        Command::Check { dir, format } => {
            cli::check(&args.source_or(dir), args.screen.as_deref(), *format)
        }
        Command::Publish { dir } => cli::publish(dir),
        Command::Fleet { dir } => cli::fleet(&args.source_or(dir)),
        Command::Init { dir } => cli::init(dir),
        Command::Prepare { dir, size } => {
            cli::prepare(&args.source_or(dir), *size, args.cache_dir())
        }
        Command::Status { format } => cli::status(&args.status_file(), *format),
        Command::Pin => cli::pin(),
        Command::Stats { from, to, format } => cli::stats(&args.counts_file(), *from, *to, *format),
    }
}
