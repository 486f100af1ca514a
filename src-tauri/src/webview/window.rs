//! The one kiosk window: borderless, covering its whole monitor.

use super::lockdown::{is_kiosk_page, lock_down};
use super::monitor::cover_its_monitor;
use lighthouse_core::pipeline::Size;
use tauri::webview::NewWindowResponse;
use tauri::window::Color;
use tauri::{AppHandle, WebviewUrl, WebviewWindowBuilder, WindowEvent};

pub const MAIN_WINDOW: &str = "main";

/// The soak test's setting: every slide lasts this many milliseconds.
const TEST_SLIDE_MS: &str = "LIGHTHOUSE_TEST_SLIDE_MS";

/// What shows before the page paints (at start, and when it is loaded again): the kiosk's
/// own background (`--color-bg-deep` in ui/css/tokens.css), never a white flash.
const BACKGROUND: Color = Color(4, 20, 42, 255);

/// Opens the window and returns the size of the screen it covers, in physical pixels.
/// Following the monitor later is [`super::monitor::follow`]'s.
/// `crashed(why)` is told when the page's web process ends by itself.
pub fn open_main_window(
    app: &AppHandle,
    crashed: impl Fn(&str) + Send + 'static,
) -> tauri::Result<Size> {
    // Only the soak test speeds the slideshow up, to run months of slides in an hour.
    let page = match std::env::var(TEST_SLIDE_MS) {
        Ok(ms) if ms.parse::<u32>().is_ok() => {
            log::warn!("{TEST_SLIDE_MS}={ms}: every slide lasts {ms} ms (a test setting)");
            format!("index.html?slideMs={ms}")
        }
        _ => "index.html".to_owned(),
    };
    let window = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App(page.into()))
        .title("Lighthouse Kiosk")
        .decorations(false)
        .resizable(false)
        .background_color(BACKGROUND)
        .devtools(false)
        // Shown only once it covers the monitor, so no one sees it jump from a default size.
        .visible(false)
        // The kiosk's page and nothing else: a link, a script or a typed address cannot
        // take the screen anywhere, and no other window opens.
        .on_navigation(|url| {
            let allowed = is_kiosk_page(url);
            if !allowed {
                log::warn!("refused to leave the kiosk's page for {url}");
            }
            allowed
        })
        .on_new_window(|url, _| {
            log::warn!("refused to open a new window for {url}");
            NewWindowResponse::Deny
        })
        .build()?;
    lock_down(&window, crashed)?;
    // Closing is for IT (systemctl) and staff, not for a key or the window manager.
    window.on_window_event(|event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            log::warn!("a request to close the window was refused");
            api.prevent_close();
        }
    });

    let screen = cover_its_monitor(&window)?;
    window.show()?;
    window.set_focus()?;
    Ok(screen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_the_colour_the_page_paints() {
        let tokens = include_str!("../../../ui/css/tokens.css");
        let value = tokens
            .lines()
            .find_map(|line| line.trim().strip_prefix("--color-bg-deep:"))
            .expect("tokens.css defines --color-bg-deep");
        let hex = value.trim().trim_end_matches(';').trim_start_matches('#');
        let rgb: Vec<u8> = (0..3)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        assert_eq!(rgb, [BACKGROUND.0, BACKGROUND.1, BACKGROUND.2], "#{hex}");
    }
}
