//! How the running kiosk is doing, for the watchdog, the status file and staff: whether the
//! page is alive (its heartbeat), how much memory the kiosk uses, and every time the web
//! view had to be brought back, with why.

use lighthouse_core::status::{now_ms, Display, ProcessMemory, Restart};
use serde::Serialize;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The restarts kept for the status (the oldest are dropped beyond this).
const RESTARTS_KEPT: usize = 50;
/// Slides a page shows before it is loaded afresh. WebKitGTK keeps a little of every slide
/// drawn for as long as the page lives (about 55 KiB each, measured by `make soak`), which a
/// reload gives back: every 300 slides (an hour of 12-second slides) bounds it to ~16 MiB.
pub const PAGE_RENEWAL_SLIDES: u32 = 300;

#[derive(Debug)]
pub struct Health {
    started: Instant,
    started_at_ms: u64,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    last_heartbeat: Option<Instant>,
    /// Whether the page has sent a heartbeat since it was last loaded again.
    answered_since_restart: bool,
    /// Slides the page has moved on to since it was loaded.
    slides_since_restart: u32,
    mode: String,
    restarts: Vec<Restart>,
    reload_wanted: Option<(String, PageRestart)>,
    memory: Vec<ProcessMemory>,
    memory_measured_at_ms: Option<u64>,
    renderer: String,
    display: Option<Display>,
}

/// How the page is loaded again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRestart {
    /// In the same web process: the page is alive, only too big or too old.
    Reload,
    /// In a new web process: the page does not answer (so it would not read a reload), or
    /// a reload did not give back enough memory.
    NewProcess,
}

/// What the status file says about health.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthReport {
    pub started_at_ms: u64,
    pub uptime_seconds: u64,
    pub seconds_since_heartbeat: Option<u64>,
    pub mode: String,
    pub renderer: String,
    pub memory: Vec<ProcessMemory>,
    pub memory_measured_at_ms: Option<u64>,
    pub display: Option<Display>,
    pub web_view_restarts: Vec<Restart>,
}

impl Health {
    pub fn new(renderer: String) -> Health {
        Health {
            started: Instant::now(),
            started_at_ms: now_ms(),
            inner: Mutex::new(Inner {
                renderer,
                ..Inner::default()
            }),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The page is alive and in `mode` (attract, interactive, countdown).
    pub fn heartbeat(&self, mode: &str) {
        let mut inner = self.inner();
        inner.last_heartbeat = Some(Instant::now());
        inner.answered_since_restart = true;
        mode.clone_into(&mut inner.mode);
    }

    /// Whether the page has answered since it was last loaded again (a reload that brought
    /// nothing back is not a success, however recent).
    pub fn answered_since_restart(&self) -> bool {
        self.inner().answered_since_restart
    }

    /// How long since the page last said it is alive (since start, before it first did).
    pub fn since_heartbeat(&self) -> Duration {
        self.inner()
            .last_heartbeat
            .unwrap_or(self.started)
            .elapsed()
    }

    /// Counts a new start for the page's heartbeat (after a reload, the page needs time).
    pub fn reset_heartbeat(&self) {
        let mut inner = self.inner();
        inner.last_heartbeat = Some(Instant::now());
        inner.answered_since_restart = false;
    }

    /// The window covers a monitor of `width` x `height` pixels now; a size other than the
    /// one known is stamped as a change.
    pub fn display_is(&self, width: u32, height: u32) {
        let mut inner = self.inner();
        let changed_at_ms = match inner.display {
            None => None,
            Some(known) if (known.width, known.height) == (width, height) => return,
            Some(_) => Some(now_ms()),
        };
        inner.display = Some(Display {
            width,
            height,
            changed_at_ms,
        });
    }

    pub fn web_view_restarted(&self, reason: &str) {
        let mut inner = self.inner();
        inner.slides_since_restart = 0;
        inner.restarts.push(Restart {
            at_ms: now_ms(),
            reason: reason.to_owned(),
        });
        let excess = inner.restarts.len().saturating_sub(RESTARTS_KEPT);
        inner.restarts.drain(..excess);
    }

    /// Asks for the page to be loaded again at the next quiet moment (between two slides).
    pub fn want_reload(&self, reason: String, how: PageRestart) {
        self.inner().reload_wanted.get_or_insert((reason, how));
    }

    /// The slideshow moved on; after [`PAGE_RENEWAL_SLIDES`] of them, a fresh page is wanted.
    pub fn slide_shown(&self) {
        let renew = {
            let mut inner = self.inner();
            inner.slides_since_restart += 1;
            inner.slides_since_restart >= PAGE_RENEWAL_SLIDES
        };
        if renew {
            self.want_reload(
                format!(
                    "a fresh page after {PAGE_RENEWAL_SLIDES} slides (WebKit keeps a little of each)"
                ),
                PageRestart::Reload,
            );
        }
    }

    /// The reason a reload is wanted and how, if one is; taking it clears it.
    pub fn take_reload(&self) -> Option<(String, PageRestart)> {
        self.inner().reload_wanted.take()
    }

    pub fn reload_is_wanted(&self) -> bool {
        self.inner().reload_wanted.is_some()
    }

    pub fn set_memory(&self, memory: Vec<ProcessMemory>) {
        let mut inner = self.inner();
        inner.memory = memory;
        inner.memory_measured_at_ms = Some(now_ms());
    }

    pub fn report(&self) -> HealthReport {
        let inner = self.inner();
        HealthReport {
            started_at_ms: self.started_at_ms,
            uptime_seconds: self.started.elapsed().as_secs(),
            seconds_since_heartbeat: inner.last_heartbeat.map(|t| t.elapsed().as_secs()),
            mode: inner.mode.clone(),
            renderer: inner.renderer.clone(),
            memory: inner.memory.clone(),
            memory_measured_at_ms: inner.memory_measured_at_ms,
            display: inner.display,
            web_view_restarts: inner.restarts.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_page_is_wanted_after_so_many_slides_counted_from_the_last_restart() {
        let health = Health::new("test".into());
        for _ in 1..PAGE_RENEWAL_SLIDES {
            health.slide_shown();
        }
        assert!(!health.reload_is_wanted());
        health.slide_shown();
        let (reason, how) = health.take_reload().expect("a fresh page is wanted");
        assert!(reason.contains("slides"), "{reason}");
        assert_eq!(how, PageRestart::Reload);
        health.web_view_restarted(&reason);
        health.slide_shown();
        assert!(!health.reload_is_wanted(), "counted again from the restart");
    }

    #[test]
    fn only_a_heartbeat_after_a_reload_counts_as_the_page_answering() {
        let health = Health::new("test".into());
        health.heartbeat("attract");
        assert!(health.answered_since_restart());
        health.reset_heartbeat();
        assert!(
            !health.answered_since_restart(),
            "a reload is not an answer"
        );
        assert!(health.since_heartbeat() < Duration::from_secs(1));
        health.heartbeat("attract");
        assert!(health.answered_since_restart());
    }

    #[test]
    fn a_reload_is_asked_for_once_and_taken_once() {
        let health = Health::new("test".into());
        health.want_reload("memory".into(), PageRestart::NewProcess);
        health.want_reload("again".into(), PageRestart::Reload);
        assert_eq!(
            health.take_reload(),
            Some(("memory".into(), PageRestart::NewProcess))
        );
        assert_eq!(health.take_reload(), None);
    }

    #[test]
    fn only_the_latest_restarts_are_kept() {
        let health = Health::new("test".into());
        for i in 0..(RESTARTS_KEPT + 5) {
            health.web_view_restarted(&format!("crash {i}"));
        }
        let restarts = health.report().web_view_restarts;
        assert_eq!(restarts.len(), RESTARTS_KEPT);
        assert_eq!(restarts[0].reason, "crash 5");
    }
}
