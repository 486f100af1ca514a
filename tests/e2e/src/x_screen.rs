//! Reading pixels straight from an X server, many times a second: what a camera pointed at
//! the screen would see, without the cost of a whole-screen capture (`import`) each time.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat, Window};
use x11rb::rust_connection::RustConnection;

/// A place on the screen: left, top, width, height, in pixels.
pub type Area = (i16, i16, u16, u16);

#[derive(Debug)]
pub struct XScreen {
    connection: RustConnection,
    root: Window,
}

impl XScreen {
    /// The screen of X display `display` (`:12`).
    pub fn connect(display: &str) -> XScreen {
        let (connection, screen) = x11rb::connect(Some(display))
            .unwrap_or_else(|err| panic!("cannot connect to X display {display}: {err}"));
        let root = connection.setup().roots[screen].root;
        XScreen { connection, root }
    }

    /// The pixels of `area`, four bytes each (blue, green, red, unused).
    pub fn pixels(&self, (x, y, width, height): Area) -> Vec<u8> {
        self.connection
            .get_image(ImageFormat::Z_PIXMAP, self.root, x, y, width, height, !0)
            .expect("ask the X server for pixels")
            .reply()
            .expect("read pixels from the X server")
            .data
    }

    /// The share of `area`'s pixels that are black or nearly (every channel below 16).
    pub fn black_share(&self, area: Area) -> f64 {
        let pixels = self.pixels(area);
        let black = pixels
            .chunks_exact(4)
            .filter(|pixel| pixel[..3].iter().all(|&channel| channel < 16))
            .count();
        black as f64 / (pixels.len() / 4).max(1) as f64
    }

    /// How many pixels of `area` are near white (every channel above 200): text drawn light
    /// on the kiosk's dark background.
    pub fn light_pixels(&self, (x, y, width, height): Area) -> usize {
        let image = self
            .connection
            .get_image(ImageFormat::Z_PIXMAP, self.root, x, y, width, height, !0)
            .expect("ask the X server for pixels")
            .reply()
            .expect("read pixels from the X server");
        // A 24-bit screen keeps each pixel in 4 bytes: blue, green, red, unused.
        image
            .data
            .chunks_exact(4)
            .filter(|pixel| pixel[..3].iter().all(|&channel| channel > 200))
            .count()
    }
}
