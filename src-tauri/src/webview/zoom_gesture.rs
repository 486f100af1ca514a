//! WebKitGTK's own pinch zoom, switched off.
//!
//! WebKitGTK gives its view a GTK zoom gesture that magnifies the whole page under two
//! fingers (or a touchpad pinch). It ignores the viewport tag and CSS, and handles the
//! fingers before the page could refuse them. The gesture is kept on the view under a
//! known name; this finds it there and stops it from taking any events, so the page still
//! gets both fingers (the photo viewer zooms the photo itself) and nothing else zooms.
//!
//! The only `unsafe` code of the project: GLib keeps the gesture as untyped object data.
#![allow(unsafe_code)]

use gtk::glib::gobject_ffi;
use gtk::prelude::*;

/// The name WebKitGTK (GTK 3) stores its zoom gesture under, on the web view widget.
const ZOOM_GESTURE_KEY: &str = "wk-view-zoom-gesture";

/// Stops WebKit's zoom gesture on `webview`; logs whether it could.
pub fn switch_off(webview: &webkit2gtk::WebView) {
    // SAFETY: `data` only reads the pointer stored under the key; it is used below only
    // after GObject itself confirms it points to a live GtkGestureZoom (WebKit holds a
    // reference to it for the widget's lifetime, and this runs on the main thread).
    let stored = unsafe { webview.data::<gobject_ffi::GObject>(ZOOM_GESTURE_KEY) };
    let Some(stored) = stored else {
        log::warn!(
            "WebKit's pinch-zoom gesture was not found; pinch zoom may still magnify the page"
        );
        return;
    };
    let gesture = stored.as_ptr();
    // SAFETY: a type check on an instance pointer WebKit owns (see above).
    let is_zoom_gesture = unsafe {
        gobject_ffi::g_type_check_instance_is_a(
            gesture.cast(),
            gtk::ffi::gtk_gesture_zoom_get_type(),
        ) != 0
    };
    if !is_zoom_gesture {
        log::warn!("WebKit's {ZOOM_GESTURE_KEY} is not a zoom gesture; left alone");
        return;
    }
    // SAFETY: `gesture` is a GtkGestureZoom, hence a GtkEventController.
    unsafe {
        gtk::ffi::gtk_event_controller_set_propagation_phase(
            gesture.cast(),
            gtk::ffi::GTK_PHASE_NONE,
        );
    }
    log::info!("WebKit's own pinch zoom is switched off");
}
