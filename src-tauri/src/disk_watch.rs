//! A full disk as one clear state: the first write that fails for want of room says so
//! once (with how much is left, and where), every place staff and IT look shows it (the
//! status, the panel, `fleet`), and the first write that succeeds again says the room is
//! back. Writers go on retrying on their own calm schedules meanwhile.

use lighthouse_core::disk::{self, DiskFull};
use lighthouse_core::status::now_ms;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

#[derive(Debug, Default)]
pub struct DiskWatch {
    full: Mutex<Option<DiskFull>>,
}

impl DiskWatch {
    /// Notes how a write to `path` went: a failure for want of room makes the disk full, any
    /// success makes it not. Returns the result unchanged, for the writer to go on with.
    pub fn wrote<T>(&self, path: &Path, result: std::io::Result<T>) -> std::io::Result<T> {
        match &result {
            Err(err) if disk::is_full(err) => self.found_full(path),
            Ok(_) => self.found_room(path),
            Err(_) => {}
        }
        result
    }

    /// A write to `path` failed without saying why (the photo pipeline's cache): full if the
    /// disk is all but full.
    pub fn failed_at(&self, path: &Path) {
        if disk::free_mib(path).is_some_and(|free| free < disk::FULL_BELOW_MIB) {
            self.found_full(path);
        }
    }

    pub fn full(&self) -> Option<DiskFull> {
        self.state().clone()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Option<DiskFull>> {
        self.full.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn found_full(&self, path: &Path) {
        let mut state = self.state();
        if state.is_some() {
            return;
        }
        let free_mib = disk::free_mib(path).unwrap_or(0);
        let folder = path.parent().unwrap_or(path).display().to_string();
        log::error!(
            "the disk is full ({free_mib} MiB free on {folder}): logs, counts, the status and the photo cache cannot be written until there is room; the slideshow goes on"
        );
        *state = Some(DiskFull {
            path: folder,
            free_mib,
            since_ms: now_ms(),
        });
    }

    fn found_room(&self, path: &Path) {
        let mut state = self.state();
        if let Some(was) = state.take() {
            let free_mib = disk::free_mib(path).unwrap_or(0);
            log::info!(
                "there is room on the disk again ({free_mib} MiB free on {}); it was full since {}",
                was.path,
                lighthouse_core::status::local_time(was.since_ms)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_once_then_room_again() {
        let watch = DiskWatch::default();
        let here = std::env::temp_dir();
        let full = || Err::<(), _>(std::io::Error::from_raw_os_error(28));
        assert!(watch.wrote(&here, full()).is_err());
        let first = watch.full().expect("full");
        watch.wrote(&here, full()).ok();
        assert_eq!(watch.full(), Some(first), "said once, its time kept");
        watch
            .wrote(
                &here,
                Err::<(), _>(std::io::Error::from(std::io::ErrorKind::NotFound)),
            )
            .ok();
        assert!(
            watch.full().is_some(),
            "another failure says nothing of room"
        );
        watch.wrote(&here, Ok(())).unwrap();
        assert_eq!(watch.full(), None);
    }
}
