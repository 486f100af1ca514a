//! No way out or around for a visitor, enforced on WebKitGTK itself rather than trusted to
//! the page: no context menu, selection, zoom, other pages, new windows, developer tools,
//! printing, or browser keys; and a web process that dies is brought back.
//!
//! The navigation and new-window handlers are set on the window builder (`window.rs`);
//! everything here is set on the `webkit2gtk::WebView` once the window exists.

use gtk::gdk::{keys::constants as key, ModifierType};
use gtk::prelude::*;
use std::time::Duration;
use tauri::{Url, WebviewWindow};
use webkit2gtk::{
    SettingsExt, UserContentInjectedFrames, UserContentManagerExt, UserStyleLevel, UserStyleSheet,
    WebProcessTerminationReason, WebViewExt,
};

/// How long after the web process died the page is loaded again: long enough for WebKit
/// to have noticed, short enough that nobody sees the frozen frame for long.
const RELOAD_AFTER_CRASH: Duration = Duration::from_secs(1);

/// The page the kiosk shows; any other address is refused.
pub fn is_kiosk_page(url: &Url) -> bool {
    matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    )
}

/// What the page may never do, whatever its own CSS says (a user style sheet outranks it).
const LOCKED_STYLE: &str =
    "* { -webkit-user-select: none !important; user-select: none !important; \
     -webkit-touch-callout: none !important; -webkit-user-drag: none !important; }";

/// Ends the page's web process: one that stopped answering (a reload would be a message to
/// that same process, which a page stuck in a loop never reads), or one that a reload did not
/// bring under the memory ceiling. Its replacement is loaded by the handler in [`lock_down`].
pub fn end_web_process(window: &WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|platform| platform.inner().terminate_web_process())
}

/// Sets everything up on the window's web view. `crashed(why)` is called when its web
/// process ends by itself (the page is then loaded again here).
pub fn lock_down(
    window: &WebviewWindow,
    crashed: impl Fn(&str) + Send + 'static,
) -> tauri::Result<()> {
    window.with_webview(move |platform| {
        let webview = platform.inner();
        if let Some(settings) = WebViewExt::settings(&webview) {
            settings.set_enable_developer_extras(false);
            settings.set_enable_back_forward_navigation_gestures(false);
            settings.set_javascript_can_open_windows_automatically(false);
            settings.set_enable_caret_browsing(false);
            settings.set_enable_spatial_navigation(false);
        }
        if let Some(content) = webview.user_content_manager() {
            super::page_crypto::add(&content);
            content.add_style_sheet(&UserStyleSheet::new(
                LOCKED_STYLE,
                UserContentInjectedFrames::AllFrames,
                UserStyleLevel::User,
                &[],
                &[],
            ));
        }
        // A long press arrives as a right click: neither opens WebKit's menu.
        webview.connect_context_menu(|_, _, _, _| true);
        // window.print() and window.close() from the page are refused.
        webview.connect_print(|_, _| {
            log::warn!("the page asked to print; refused");
            true
        });
        webview.connect_close(|_| log::warn!("the page asked to close the window; refused"));
        // The page is never zoomed: neither from the keyboard (below) nor by anything else.
        webview.connect_zoom_level_notify(|webview| {
            if (webview.zoom_level() - 1.0).abs() > f64::EPSILON {
                webview.set_zoom_level(1.0);
            }
        });
        webview.connect_key_press_event(|_, event| {
            if is_browser_key(&event.keyval(), event.state()) {
                log::info!("key {} ignored", event.keyval().name().unwrap_or_default());
                gtk::glib::Propagation::Stop
            } else {
                gtk::glib::Propagation::Proceed
            }
        });
        super::zoom_gesture::switch_off(&webview);
        webview.connect_web_process_terminated(move |webview, reason| {
            // Ended by the kiosk itself (hung, or too big): already logged and counted, with why.
            if reason != WebProcessTerminationReason::TerminatedByApi {
                let why = format!("the web process ended ({reason:?})");
                log::error!("{why}; the page is loaded again");
                crashed(&why);
            }
            let webview = webview.clone();
            gtk::glib::timeout_add_local_once(RELOAD_AFTER_CRASH, move || webview.reload());
        });
    })
}

/// Keys that make a browser reload, close, print, find, zoom, go back or open its tools.
/// The window manager's own keys (Alt+Tab) never reach the page; the install guide gives a
/// session without them.
fn is_browser_key(keyval: &gtk::gdk::keys::Key, state: ModifierType) -> bool {
    let ctrl = state.contains(ModifierType::CONTROL_MASK);
    let alt = state.contains(ModifierType::MOD1_MASK);
    let lower = keyval.to_lower();
    let function_keys = [
        key::F1,
        key::F3,
        key::F5,
        key::F6,
        key::F7,
        key::F11,
        key::F12,
        key::Back,
        key::Forward,
        key::Refresh,
        key::Print,
    ];
    let with_ctrl = [
        key::r,
        key::w,
        key::q,
        key::p,
        key::f,
        key::g,
        key::s,
        key::o,
        key::n,
        key::t,
        key::u,
        key::i,
        key::j,
        key::l,
        key::plus,
        key::equal,
        key::minus,
        key::_0,
        key::KP_Add,
        key::KP_Subtract,
        key::KP_0,
    ];
    let with_alt = [key::F4, key::Left, key::Right, key::Home];
    function_keys.contains(&lower)
        || (ctrl && with_ctrl.contains(&lower))
        || (alt && with_alt.contains(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kiosk_s_own_page_may_be_shown() {
        let allowed = |u: &str| is_kiosk_page(&Url::parse(u).unwrap());
        assert!(allowed("tauri://localhost/index.html"));
        assert!(allowed("http://tauri.localhost/index.html"));
        assert!(!allowed("https://example.org/"));
        assert!(!allowed("file:///etc/passwd"));
        assert!(!allowed("tauri://evil.example/"));
        assert!(!allowed("data:text/html,hello"));
    }
}
