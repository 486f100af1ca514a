//! One kiosk per user session: a second start says so and leaves. A lock on a file does it
//! without a D-Bus session bus (a kiosk session may have none), and the kernel lets go of
//! the lock when the kiosk ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
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

/// Takes the lock, or says who has it.
pub fn take() -> Result<InstanceLock, LockError> {
    let path = lighthouse_core::paths::instance_lock();
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(InstanceLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(LockError::AlreadyRunning { path }),
        Err(TryLockError::Error(err)) => Err(io(err)),
    }
}
