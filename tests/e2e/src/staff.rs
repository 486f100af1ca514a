//! Staff at the screen, for the tests: content with a known PIN, the hidden gesture that
//! opens the panel, and the keypad.

use crate::{kiosk_binary, ContentCopy, Kiosk, Touches, LANDSCAPE};
use serde_json::json;
use std::process::Command;
use std::time::Duration;

/// The PIN of the test content.
pub const PIN: &str = "2468";

pub fn content_with_pin(name: &str) -> ContentCopy {
    let content = ContentCopy::of_defaults(name);
    add_pin(&content);
    content
}

/// Sets the test PIN in `content`'s settings.
pub fn add_pin(content: &ContentCopy) {
    let output = Command::new(kiosk_binary())
        .arg("pin")
        .env("LIGHTHOUSE_PIN", PIN)
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&output.stdout);
    let hash = line
        .split('"')
        .nth(3)
        .expect("the pin line holds the hash")
        .to_owned();
    let mut settings = content.read_json("settings.json");
    settings["staffPinHash"] = json!(hash);
    content.write_json("settings.json", &settings);
}

/// The hidden gesture: a 3-second press top left, then a tap top right.
pub fn open_the_door(kiosk: &Kiosk) {
    kiosk.play_touches(&Touches::swipe((30.0, 30.0), (30.0, 30.0), 3200, 2, true));
    let right = f64::from(LANDSCAPE.width) - 30.0;
    kiosk.play_touches(&Touches::swipe((right, 30.0), (right, 30.0), 60, 1, true));
    kiosk.wait_until(
        "the keypad is shown",
        Duration::from_secs(5),
        "return document.getElementById('staff').dataset.stage === 'keypad' && !document.getElementById('staff').hidden",
    );
}

pub fn type_pin(kiosk: &Kiosk, pin: &str) {
    for digit in pin.chars() {
        kiosk.tap_on(&format!("[data-key='{digit}']"));
    }
    kiosk.tap_on("[data-key=ok]");
}

/// Types the right PIN and waits for the panel to open.
pub fn unlock(kiosk: &Kiosk) {
    type_pin(kiosk, PIN);
    kiosk.wait_until(
        "the panel opens",
        Duration::from_secs(5),
        "return document.getElementById('staff').dataset.stage === 'panel'",
    );
}

pub fn staff_text(kiosk: &Kiosk) -> String {
    kiosk.js_string("return document.getElementById('staff').textContent")
}
