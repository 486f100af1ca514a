//! The one kiosk window: borderless, covering its whole monitor.

use lighthouse_core::pipeline::Size;
use tauri::{AppHandle, WebviewUrl, WebviewWindowBuilder};

/// Used when no monitor can be found: the most common kiosk screen.
const FALLBACK_SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};

pub const MAIN_WINDOW: &str = "main";

/// Opens the window and returns the size of the screen it covers, in physical pixels.
pub fn open_main_window(app: &AppHandle) -> tauri::Result<Size> {
    let window = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
        .title("Lighthouse Kiosk")
        .decorations(false)
        .resizable(false)
        // Shown only once it covers the monitor, so no one sees it jump from a default size.
        .visible(false)
        .build()?;

    // Without a window manager a full-screen request is ignored and the window keeps its
    // default 800x600, so cover the monitor explicitly as well.
    let monitor = match window.current_monitor()? {
        Some(monitor) => Some(monitor),
        None => window.primary_monitor()?,
    };
    let screen = match monitor {
        Some(monitor) => {
            log::info!(
                "covering monitor {} at {:?}, {}x{} px",
                monitor.name().map(String::as_str).unwrap_or("(unnamed)"),
                monitor.position(),
                monitor.size().width,
                monitor.size().height
            );
            window.set_position(*monitor.position())?;
            window.set_size(*monitor.size())?;
            Size::new(monitor.size().width, monitor.size().height)
        }
        None => {
            log::warn!("no monitor found; asking for full screen only");
            FALLBACK_SCREEN
        }
    };
    window.set_fullscreen(true)?;
    window.show()?;
    window.set_focus()?;
    Ok(screen)
}
