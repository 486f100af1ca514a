//! The web view the kiosk draws in: the one window covering its monitor, WebKitGTK locked
//! down so a visitor cannot leave or break the page, and the renderer chosen for the machine.

pub mod lockdown;
pub mod monitor;
pub mod page_crypto;
pub mod renderer;
pub mod snapshot;
pub mod window;
pub mod zoom_gesture;
