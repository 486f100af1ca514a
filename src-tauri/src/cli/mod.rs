//! The commands that run without a window, one file each. A command returns its exit
//! status, or the error that kept it from doing its job: that is printed here, once, with
//! its context (`error: cannot write /srv/content/manifest.json: No space left on device`),
//! and the exit status is [`exit::FAILED`].

mod check;
mod edit;
mod fleet;
mod init;
mod notice;
mod pin;
mod prepare;
mod publish;
mod stats;
mod status;

use crate::args::{Args, Command};
use crate::exit;
use std::io::Write;

/// Runs `command`; returns the exit status.
pub fn run(args: &Args, command: &Command) -> i32 {
    let done = match command {
        Command::Check { dir, format } => check::run(args, &args.source_or(dir), *format),
        Command::Publish { dir } => publish::run(args, dir),
        Command::Fleet { dir, html } => fleet::run(args, &args.source_or(dir), html.as_deref()),
        Command::Init { dir } => init::run(dir),
        Command::Notice {
            text,
            en,
            from,
            until,
            level,
            clear,
        } => match (clear, text) {
            (true, _) => notice::clear(args),
            (false, Some(text)) => notice::put(
                args,
                notice::Wanted {
                    text,
                    en: en.as_deref(),
                    from: from.as_deref(),
                    until: until.as_deref(),
                    urgent: *level == crate::args::NoticeLevel::Urgent,
                },
            ),
            (false, None) => Err(anyhow::anyhow!("write the notice's text, or --clear")),
        },
        Command::Edit {
            dir,
            listen,
            no_browser,
        } => edit::run(
            args,
            dir.as_ref().or(args.content.as_ref()),
            *listen,
            !no_browser,
        ),
        Command::Prepare { dir, size } => {
            prepare::run(args, &args.source_or(dir), *size, args.cache_dir())
        }
        Command::Status { format } => status::run(args, &args.status_file(), *format),
        Command::Pin { write } => pin::run(args, write.as_deref()),
        Command::Stats { from, to, format } => stats::run(&args.counts_file(), *from, *to, *format),
    };
    done.unwrap_or_else(|err| {
        eprintln!("error: {err:#}");
        exit::FAILED
    })
}

/// Prints `text` on standard output. A reader that has stopped reading (`| head`) ends the
/// command quietly, as a closed pipe ends any Unix tool, instead of a panic.
pub fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(err) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(exit::OK);
        }
        eprintln!("error: cannot write to standard output: {err}");
        std::process::exit(exit::FAILED);
    }
}

/// [`say`] with a line break.
pub fn say_line(text: &str) {
    say(&format!("{text}\n"));
}
