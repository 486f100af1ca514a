//! `lighthouse-kiosk pin`: reads a PIN and prints the settings line that sets it.

use super::say_line;
use crate::exit;
use anyhow::Context;
use lighthouse_core::pin::PIN_DIGITS;

pub fn run() -> anyhow::Result<i32> {
    let pin = match std::env::var("LIGHTHOUSE_PIN") {
        Ok(pin) => pin,
        Err(_) => {
            eprint!(
                "PIN for the staff panel ({} to {} digits): ",
                PIN_DIGITS.start(),
                PIN_DIGITS.end()
            );
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("no PIN was given")?;
            line
        }
    };
    let hash = lighthouse_core::pin::hash_pin(pin.trim())?;
    say_line(&format!("\"staffPinHash\": \"{hash}\","));
    eprintln!("add this line to settings.json (inside its {{ }}), then save it");
    Ok(exit::OK)
}
