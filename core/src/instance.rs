//! One kiosk per user session, and how `status` knows one runs: the kiosk holds a lock on a
//! file (in the session's runtime folder) for as long as it runs, with its process id in the
//! file. A lock needs no D-Bus session bus (a kiosk session may have none), the kernel lets go
//! of it however the kiosk ends, and it needs no room on any disk: a kiosk that cannot write
//! its status is still seen running.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::PathBuf;

/// Held for as long as the kiosk runs.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// Why the kiosk cannot start.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another Lighthouse Kiosk is already running in this session (lock {}); not opening a second window", path.display())]
    AlreadyRunning { path: PathBuf },
    #[error("cannot take the lock {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Takes the lock and writes this process's id into it, or says who has it.
pub fn take() -> Result<InstanceLock, LockError> {
    let path = crate::paths::instance_lock();
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Err(LockError::AlreadyRunning { path }),
        Err(TryLockError::Error(err)) => return Err(io(err)),
    }
    // The id is a few bytes in a file that exists already: it is said even on a full disk,
    // and a failure to say it costs only `status` knowing the process.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| write!(file, "{}", std::process::id()));
    Ok(InstanceLock { _file: file })
}

/// The process id of the kiosk running in this session, if one runs (0 when it runs but did
/// not say its id).
pub fn holder() -> Option<u32> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(crate::paths::instance_lock())
        .ok()?;
    match file.try_lock() {
        // Nobody held it: no kiosk runs (ours is let go of when the file closes).
        Ok(()) => None,
        Err(_) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Some(text.trim().parse().unwrap_or(0))
        }
    }
}
