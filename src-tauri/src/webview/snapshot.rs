//! WebKit's own picture of the page (not the X screen's, which a display switched off or
//! another window would spoil), handed over as rows of pixels.

use tauri::WebviewWindow;
use webkit2gtk::{SnapshotOptions, SnapshotRegion, WebViewExt};

/// A snapshot's pixels: B, G, R, X per pixel (cairo's ARGB32 on a little-endian PC).
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub stride: usize,
    pub bytes: Vec<u8>,
}

/// Asks WebKit for a picture of what the window shows; `done` gets it, or why there is none,
/// on the main thread (keep it short: hand the pixels on).
pub fn take(
    window: &WebviewWindow,
    done: impl FnOnce(Result<Pixels, String>) + Send + 'static,
) -> tauri::Result<()> {
    window.with_webview(move |platform| {
        platform.inner().snapshot(
            SnapshotRegion::Visible,
            SnapshotOptions::NONE,
            None::<&webkit2gtk::gio::Cancellable>,
            move |surface| done(surface.map_err(|e| e.to_string()).and_then(pixels_of)),
        );
    })
}

fn pixels_of(surface: gtk::cairo::Surface) -> Result<Pixels, String> {
    let image = gtk::cairo::ImageSurface::try_from(surface)
        .map_err(|_| "the snapshot is not an image".to_owned())?;
    image.flush();
    let (width, height, stride) = (image.width(), image.height(), image.stride());
    let mut bytes = Vec::new();
    image
        .with_data(|data| bytes.extend_from_slice(data))
        .map_err(|e| e.to_string())?;
    Ok(Pixels {
        width: u32::try_from(width).map_err(|e| e.to_string())?,
        height: u32::try_from(height).map_err(|e| e.to_string())?,
        stride: usize::try_from(stride).map_err(|e| e.to_string())?,
        bytes,
    })
}
