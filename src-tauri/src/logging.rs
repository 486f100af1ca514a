//! Where the log goes. Every line has a time and a level. The kiosk itself logs to standard
//! error (the journal, under systemd, with each line's priority) and to size-capped files
//! in the platform's state folder, so months of running never fill the disk; the commands
//! (`check`, `status`, …) log to standard error only.

use rolling_file::{BasicRollingFileAppender, RollingConditionBasic};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

/// One log file is cut at this size...
const LOG_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// ...and this many older ones are kept beside it (at most 10 MiB of logs in all).
const OLD_LOG_FILES: usize = 4;

/// Logging for the commands: standard error, `info` and up unless `RUST_LOG` says otherwise.
pub fn for_commands() {
    builder().init();
}

/// Logging for the kiosk: standard error and the log files. A log folder that cannot be
/// written is reported and otherwise ignored: the kiosk runs without its files.
pub fn for_kiosk() {
    let mut builder = builder();
    let journal = stderr_is_the_journal();
    let dir = lighthouse_core::paths::log_dir();
    let file = std::fs::create_dir_all(&dir).and_then(|()| {
        BasicRollingFileAppender::new(
            log_file(),
            RollingConditionBasic::new().max_size(LOG_FILE_BYTES),
            OLD_LOG_FILES,
        )
    });
    let problem = file.as_ref().err().map(ToString::to_string);
    builder
        .format(move |out, record| {
            let (level, target, message) = (record.level(), record.target(), record.args());
            // The journal stamps the time itself and reads the priority from "<N>".
            if journal {
                writeln!(out, "<{}>{level} {target}: {message}", priority(level))
            } else {
                let time = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f");
                writeln!(out, "{time} {level:<5} {target}: {message}")
            }
        })
        .target(env_logger::Target::Pipe(Box::new(Tee {
            file: file.ok().map(Mutex::new),
        })));
    builder.init();
    match problem {
        None => log::info!("logging to {}", log_file().display()),
        Some(err) => log::warn!(
            "cannot log to {}: {err}; logging to standard error only",
            dir.display()
        ),
    }
}

fn builder() -> env_logger::Builder {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
}

/// syslog priorities, as the journal reads them at the start of a line.
fn priority(level: log::Level) -> u8 {
    match level {
        log::Level::Error => 3,
        log::Level::Warn => 4,
        log::Level::Info => 6,
        log::Level::Debug | log::Level::Trace => 7,
    }
}

/// Whether standard error is the journal's stream (systemd says which in JOURNAL_STREAM).
fn stderr_is_the_journal() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Some(stream) = std::env::var_os("JOURNAL_STREAM") else {
        return false;
    };
    let Some((device, inode)) = stream.to_str().and_then(|s| s.split_once(':')) else {
        return false;
    };
    let stderr = std::io::stderr();
    let Ok(fd) = stderr.as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    device.parse() == Ok(meta.dev()) && inode.parse() == Ok(meta.ino())
}

/// Writes each log line to standard error, and to the log file when there is one. The
/// file's line carries the time even when standard error (the journal) does not need it.
struct Tee {
    file: Option<Mutex<BasicRollingFileAppender>>,
}

impl Write for Tee {
    fn write(&mut self, line: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(line);
        if let Some(file) = &self.file {
            let mut file = file.lock().unwrap_or_else(PoisonError::into_inner);
            let stamped = stamp_for_file(line);
            // A full disk must not stop the kiosk: the line is still on standard error.
            let _ = file.write_all(&stamped).and_then(|()| file.flush());
        }
        Ok(line.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// A journal line (`<6>INFO target: message`) as a file line with the time in front.
fn stamp_for_file(line: &[u8]) -> Vec<u8> {
    match line.strip_prefix(b"<").and_then(|rest| rest.get(2..)) {
        Some(rest) if line.get(2) == Some(&b'>') => {
            let time = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f ");
            [time.to_string().as_bytes(), rest].concat()
        }
        _ => line.to_vec(),
    }
}

/// The current log file (older ones beside it end in .1, .2, …).
pub fn log_file() -> PathBuf {
    lighthouse_core::paths::log_dir().join("kiosk.log")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_lines_get_their_time_back_in_the_file() {
        let stamped = String::from_utf8(stamp_for_file(b"<6>INFO kiosk: hello\n")).unwrap();
        assert!(stamped.ends_with(" INFO kiosk: hello\n"), "{stamped}");
        assert!(stamped.starts_with("20"), "{stamped}");
        assert_eq!(
            stamp_for_file(b"2026-01-01 INFO x\n"),
            b"2026-01-01 INFO x\n"
        );
    }

    #[test]
    fn errors_are_priority_3_in_the_journal() {
        assert_eq!(priority(log::Level::Error), 3);
        assert_eq!(priority(log::Level::Info), 6);
    }
}
