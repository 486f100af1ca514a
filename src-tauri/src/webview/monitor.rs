//! The monitor the window covers, and following it when it changes while the kiosk runs: a
//! lobby PC's monitor is swapped, rotated, or turned on at another resolution, and the
//! kiosk must fill the new one by itself, with no one there to restart it.

use lighthouse_core::pipeline::Size;
use std::time::Duration;
use tauri::{Monitor, PhysicalPosition, PhysicalSize, Runtime, WebviewWindow};

/// How often the monitor is looked at: a screen drawn at the old size for a second is
/// acceptable, and a look costs a few microseconds.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// Used when no monitor can be found: the most common kiosk screen.
pub const FALLBACK_SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};

/// Where a monitor is and how large, in physical pixels: what the window must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    position: PhysicalPosition<i32>,
    size: PhysicalSize<u32>,
}

impl Place {
    fn of(monitor: &Monitor) -> Place {
        Place {
            position: *monitor.position(),
            size: *monitor.size(),
        }
    }

    fn screen(self) -> Size {
        Size::new(self.size.width, self.size.height)
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}x{} px at ({}, {})",
            self.size.width, self.size.height, self.position.x, self.position.y
        )
    }
}

/// The monitor the window is on, or the primary one when it is on none (it may have been
/// left outside a monitor that shrank).
fn monitor_of<R: Runtime>(window: &WebviewWindow<R>) -> Option<Monitor> {
    match window.current_monitor() {
        Ok(Some(monitor)) => Some(monitor),
        _ => window.primary_monitor().ok().flatten(),
    }
}

/// Places the window over `place`. Without a window manager a full-screen request is
/// ignored and the window keeps its old size, so it is placed explicitly as well.
fn cover<R: Runtime>(window: &WebviewWindow<R>, place: Place) -> tauri::Result<()> {
    window.set_position(place.position)?;
    window.set_size(place.size)?;
    window.set_fullscreen(true)
}

/// Covers the window's monitor; returns its size, or the fallback when none is found.
pub fn cover_its_monitor<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<Size> {
    match monitor_of(window) {
        Some(monitor) => {
            let place = Place::of(&monitor);
            let name = monitor.name().map(String::as_str).unwrap_or("(unnamed)");
            log::info!("covering monitor {name}, {place}");
            cover(window, place)?;
            Ok(place.screen())
        }
        None => {
            log::warn!("no monitor found; asking for full screen only");
            window.set_fullscreen(true)?;
            Ok(FALLBACK_SCREEN)
        }
    }
}

/// From now on, covers the window's monitor whenever it moves or changes size, and tells
/// `resized` each new size. `sized_for` is the size the kiosk was set up for when its window
/// opened: a monitor changed since (while the content was loading) is caught at the first look.
pub fn follow<R: Runtime>(
    window: WebviewWindow<R>,
    sized_for: Size,
    resized: impl Fn(Size) + Send + 'static,
) {
    let mut covered = monitor_of(&window).map(|monitor| Place::of(&monitor));
    let mut sized_for = sized_for;
    let mut look = move || {
        let Some(now) = monitor_of(&window).map(|monitor| Place::of(&monitor)) else {
            return;
        };
        let moved = covered != Some(now);
        let new_size = now.screen() != sized_for;
        if !moved && !new_size {
            return;
        }
        match covered {
            Some(before) if moved => {
                log::warn!("the monitor changed from {before} to {now}; covering it")
            }
            Some(_) => {
                log::warn!("the monitor changed to {now} while the kiosk started; covering it")
            }
            None => log::warn!("a monitor appeared, {now}; covering it"),
        }
        match cover(&window, now) {
            Ok(()) => {
                if new_size {
                    resized(now.screen());
                    sized_for = now.screen();
                }
                covered = Some(now);
            }
            // Tried again at the next look.
            Err(err) => log::error!("the window could not cover the monitor: {err}"),
        }
    };
    std::thread::Builder::new()
        .name("monitor".into())
        .spawn(move || loop {
            std::thread::sleep(LOOK_EVERY);
            look();
        })
        .expect("start the monitor thread");
}
