//! Noticing changes to the content folder: file events, debounced, plus a slow check that
//! notices the folder itself disappearing, coming back or being replaced.
//!
//! The watcher only says "something changed"; deciding what to do (reload, validate, keep
//! the last good content) is the caller's job.

use crate::folder;
use notify_debouncer_full::notify::RecommendedWatcher;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long the folder must be quiet before a change is reported. Editors save in bursts
/// (temporary file, rename, metadata); this joins a burst into one reload while keeping the
/// whole save-to-screen time well under a second.
pub const RELOAD_DEBOUNCE: Duration = Duration::from_millis(150);
/// How often the folder's own existence and identity are checked. File events cannot tell
/// that a deleted folder came back, or that it was swapped for a new one of the same name.
pub const FOLDER_CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// Watches one content folder on its own thread until dropped.
#[derive(Debug)]
pub struct FolderWatcher {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl FolderWatcher {
    /// Calls `on_change` (on the watcher's thread) after each settled change in `dir`, and
    /// whenever the folder disappears, reappears or is replaced. Returns once the watch is
    /// in place, so a change made after it returns is never missed.
    pub fn start(dir: PathBuf, mut on_change: impl FnMut() + Send + 'static) -> FolderWatcher {
        // Events name absolute paths; a relative folder would match none of them.
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let (ready_tx, ready_rx) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("content-watcher".into())
            .spawn(move || {
                let (events_tx, events_rx) = mpsc::channel::<DebounceEventResult>();
                let mut identity = folder_identity(&dir);
                let mut watching = rewatch(&dir, identity, None, &events_tx);
                let _ = ready_tx.send(());
                loop {
                    if !matches!(stop_rx.try_recv(), Err(mpsc::TryRecvError::Empty)) {
                        return;
                    }
                    match events_rx.recv_timeout(FOLDER_CHECK_INTERVAL) {
                        Ok(Ok(events)) if events.iter().any(|e| matters(&dir, e)) => on_change(),
                        Ok(Ok(_)) => {}
                        Ok(Err(errors)) => {
                            for error in errors {
                                log::warn!("watching {}: {error}", dir.display());
                            }
                            // What the error hid may have changed: look again.
                            on_change();
                        }
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    let now = folder_identity(&dir);
                    if now.is_some() && now == identity && watching.is_none() {
                        // Watching failed (e.g. the system's watch limit): keep trying, and
                        // reload once it works, since changes may have been missed meanwhile.
                        watching = rewatch(&dir, identity, None, &events_tx);
                        if watching.is_some() {
                            on_change();
                        }
                    }
                    if now != identity {
                        identity = now;
                        match identity {
                            Some(_) => {
                                log::info!("content folder {} is there (again)", dir.display())
                            }
                            None => log::warn!("content folder {} is gone", dir.display()),
                        }
                        watching = rewatch(&dir, identity, watching, &events_tx);
                        on_change();
                    }
                }
            })
            .expect("start the content watcher thread");
        // The thread says so once it watches (or has failed to, and logged why).
        let _ = ready_rx.recv();
        FolderWatcher {
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }
}

impl Drop for FolderWatcher {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The folder's inode, or `None` when it does not exist.
fn folder_identity(dir: &Path) -> Option<u64> {
    std::fs::metadata(dir)
        .ok()
        .filter(|m| m.is_dir())
        .map(|m| m.ino())
}

/// Replaces the current watch with one on the folder as it is now (none if it is gone).
type FolderDebouncer = Debouncer<RecommendedWatcher, RecommendedCache>;

fn rewatch(
    dir: &Path,
    identity: Option<u64>,
    current: Option<FolderDebouncer>,
    events: &mpsc::Sender<DebounceEventResult>,
) -> Option<FolderDebouncer> {
    drop(current);
    identity?;
    let events = events.clone();
    let mut debouncer = match new_debouncer(RELOAD_DEBOUNCE, None, move |result| {
        let _ = events.send(result);
    }) {
        Ok(debouncer) => debouncer,
        Err(err) => {
            log::error!("cannot watch {}: {err}", dir.display());
            return None;
        }
    };
    if let Err(err) = debouncer.watch(dir, RecursiveMode::Recursive) {
        log::error!("cannot watch {}: {err}", dir.display());
        return None;
    }
    Some(debouncer)
}

/// Whether an event can change the content: reads do not, nor files that are not content
/// (editors' scratch files, sync tools' temporary files and folders, the screens' status).
/// An event that says events were lost (the kernel's queue overflowed) names no file and
/// always matters: whatever it hid is looked at again.
fn matters(dir: &Path, event: &DebouncedEvent) -> bool {
    if event.need_rescan() || event.paths.is_empty() {
        return true;
    }
    !matches!(event.kind, EventKind::Access(_))
        && event
            .paths
            .iter()
            .any(|path| folder::may_be_content(dir, path) || is_a_conflict_copy(dir, path))
}

/// A second version a sync tool kept: never content, but its coming and going changes what
/// staff are told, so it is looked at like a change.
fn is_a_conflict_copy(dir: &Path, path: &Path) -> bool {
    !path
        .strip_prefix(dir)
        .unwrap_or(path)
        .starts_with(crate::folder::STATUS_DIR)
        && path
            .file_name()
            .is_some_and(|name| crate::conflicts::original_of(&name.to_string_lossy()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::Instant;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lighthouse-watch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn wait_for(count: &Arc<Mutex<usize>>, at_least: usize) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if *count.lock().unwrap() >= at_least {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn counting_watcher(dir: &Path) -> (FolderWatcher, Arc<Mutex<usize>>) {
        let count = Arc::new(Mutex::new(0));
        let seen = Arc::clone(&count);
        let watcher = FolderWatcher::start(dir.to_owned(), move || *seen.lock().unwrap() += 1);
        (watcher, count)
    }

    #[test]
    fn a_save_by_rename_is_noticed() {
        let dir = temp_dir("rename");
        let (_watcher, count) = counting_watcher(&dir);
        std::fs::write(dir.join(".settings.json.tmp"), "{}").unwrap();
        std::fs::rename(dir.join(".settings.json.tmp"), dir.join("settings.json")).unwrap();
        assert!(wait_for(&count, 1));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_that_goes_and_comes_back_is_noticed_both_times() {
        let dir = temp_dir("comeback");
        let (_watcher, count) = counting_watcher(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(wait_for(&count, 1), "the folder's removal");
        let before = *count.lock().unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        assert!(wait_for(&count, before + 1), "the folder's return");
        let before = *count.lock().unwrap();
        std::fs::write(dir.join("contacts.json"), "{}").unwrap();
        assert!(
            wait_for(&count, before + 1),
            "a change inside the new folder"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
