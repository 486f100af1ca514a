//! A new version installed under the running kiosk (`dpkg -i`, `apt upgrade`, or an older
//! one put back): the package manager puts a new file where the program was, and the kiosk
//! notices its file changed. It then ends at the next slide boundary, unseen by anyone
//! reading, with its own exit status, and systemd starts the new version (the unit restarts
//! it whatever the status). Content, settings, counts and the photo cache live outside the
//! package, so nothing is lost on the way.

use crate::counting::Counting;
use crate::disk_watch::DiskWatch;
use crate::exit;
use crate::state::AppState;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// How often the program's file is looked at: one `stat`.
const LOOK_EVERY: Duration = Duration::from_secs(5);
/// A screen that shows no slides (resting, or a visitor browsing for long) restarts after
/// this long anyway, whatever it shows.
const AT_THE_LATEST: Duration = Duration::from_secs(10 * 60);

/// Whether a new version waits for the next slide boundary.
#[derive(Debug, Default)]
pub struct NewVersion(AtomicBool);

/// What tells one file from another: a new file put in place has a new inode.
type Fingerprint = (u64, u64, u64, i64);

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino(), meta.len(), meta.mtime()))
}

/// The program's file as the kiosk started from it.
static PROGRAM: OnceLock<Option<(PathBuf, Fingerprint)>> = OnceLock::new();

/// Notes the program's file: called first thing, since once the file is replaced
/// /proc/self/exe names the old, deleted one.
pub fn note_program() {
    PROGRAM.get_or_init(|| {
        let program = std::env::current_exe().ok()?;
        let started_as = fingerprint(&program)?;
        Some((program, started_as))
    });
}

/// Watches the program's own file.
pub fn start(app: &AppHandle) {
    app.manage(NewVersion::default());
    note_program();
    let Some(Some((program, started_as))) = PROGRAM.get().cloned() else {
        log::warn!(
            "the kiosk cannot tell which file its program is, so it will not notice an upgrade"
        );
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let noticed = wait_for_a_new_file(&program, started_as).await;
        log::warn!(
            "a new version of {} was installed: the kiosk restarts into it at the next slide",
            program.display()
        );
        app.state::<NewVersion>().0.store(true, Ordering::Relaxed);
        tokio::time::sleep(AT_THE_LATEST.saturating_sub(noticed.elapsed())).await;
        restart(&app, "no slide boundary came");
    });
}

async fn wait_for_a_new_file(program: &Path, started_as: Fingerprint) -> Instant {
    let mut ticks = tokio::time::interval(LOOK_EVERY);
    loop {
        ticks.tick().await;
        // While the package manager is still writing, there may be no file for a moment.
        match fingerprint(program) {
            Some(now) if now != started_as => return Instant::now(),
            _ => {}
        }
    }
}

/// Called as the slideshow moves on: the moment to restart, if a new version waits.
pub fn at_slide_boundary(app: &AppHandle) {
    if app
        .try_state::<NewVersion>()
        .is_some_and(|v| v.0.load(Ordering::Relaxed))
    {
        restart(app, "at a slide boundary");
    }
}

fn restart(app: &AppHandle, when: &str) {
    let revision = app.state::<AppState>().status().revision;
    log::warn!("restarting into the new version {when} (content revision {revision} stays)");
    // The visitor counts since their last save go with the old version otherwise.
    app.state::<Counting>()
        .save_if_changed(&app.state::<DiskWatch>());
    log::logger().flush();
    std::process::exit(exit::UPGRADED);
}
