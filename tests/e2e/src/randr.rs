//! The size of a private X screen changed at run time, as when a lobby PC's monitor is
//! swapped, rotated or turned on at another resolution. Xvfb has one mode, its starting
//! size, and Debian 12's `xrandr` cannot give it another; a RandR client can: it makes the
//! mode, gives it to the screen's one output, and sets the screen to it. Modes a client
//! makes live as long as its connection, so the screen keeps its new size while this lives.

use std::cell::RefCell;
use std::collections::HashMap;
use x11rb::connection::Connection;
use x11rb::protocol::randr::{self, ConnectionExt as _, ModeInfo};
use x11rb::rust_connection::RustConnection;

/// A connection that can resize `display`'s screen (Xvfb started at least as large each way
/// as any size asked for).
#[derive(Debug)]
pub struct ScreenSize {
    conn: RustConnection,
    root: u32,
    /// The modes made so far, by size: a mode's name can be made only once.
    modes: RefCell<HashMap<(u16, u16), randr::Mode>>,
}

impl ScreenSize {
    pub fn connect(display: &str) -> ScreenSize {
        let (conn, screen) = x11rb::connect(Some(display)).expect("connect to the X server");
        let root = conn.setup().roots[screen].root;
        ScreenSize {
            conn,
            root,
            modes: RefCell::default(),
        }
    }

    /// Makes the screen `width` x `height` pixels.
    pub fn set(&self, width: u16, height: u16) {
        let conn = &self.conn;
        let resources = conn
            .randr_get_screen_resources(self.root)
            .unwrap()
            .reply()
            .expect("RandR screen resources");
        let (crtc, output) = (resources.crtcs[0], resources.outputs[0]);
        let mode = *self
            .modes
            .borrow_mut()
            .entry((width, height))
            .or_insert_with(|| self.new_mode(output, width, height));
        // Off while the screen changes size: a screen smaller than its CRTC is refused.
        conn.randr_set_crtc_config(
            crtc,
            0,
            resources.config_timestamp,
            0,
            0,
            0,
            randr::Rotation::ROTATE0,
            &[],
        )
        .unwrap()
        .reply()
        .expect("the CRTC off");
        // 96 dots per inch.
        let mm = |pixels: u16| u32::from(pixels) * 254 / 960;
        conn.randr_set_screen_size(self.root, width, height, mm(width), mm(height))
            .unwrap()
            .check()
            .expect("the new screen size");
        let resources = conn
            .randr_get_screen_resources(self.root)
            .unwrap()
            .reply()
            .unwrap();
        conn.randr_set_crtc_config(
            crtc,
            0,
            resources.config_timestamp,
            0,
            0,
            mode,
            randr::Rotation::ROTATE0,
            &[output],
        )
        .unwrap()
        .reply()
        .expect("the CRTC on, at the new mode");
        conn.flush().unwrap();
    }

    /// A mode of `width` x `height` pixels that `output` can show.
    fn new_mode(&self, output: randr::Output, width: u16, height: u16) -> randr::Mode {
        let conn = &self.conn;
        let name = format!("{width}x{height}");
        let info = ModeInfo {
            width,
            height,
            name_len: name.len() as u16,
            ..ModeInfo::default()
        };
        let mode = conn
            .randr_create_mode(self.root, info, name.as_bytes())
            .unwrap()
            .reply()
            .expect("a new mode")
            .mode;
        conn.randr_add_output_mode(output, mode)
            .unwrap()
            .check()
            .expect("the mode given to the output");
        mode
    }
}
