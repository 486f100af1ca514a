//! `lighthouse-kiosk pin`: sets the staff panel's PIN. The PIN is typed twice without being
//! shown, and only its hash is kept: written into settings.json itself (`--write DIR`), or
//! printed as the line to paste there.

use super::say_line;
use crate::args::Args;
use crate::exit;
use anyhow::{bail, Context};
use lighthouse_core::model::SETTINGS_FILE;
use lighthouse_core::pin::{hash_pin, settings_with_pin};
use lighthouse_core::words;
use std::path::Path;

/// Where a script gives the PIN instead of typing it.
const PIN_VARIABLE: &str = "LIGHTHOUSE_PIN";

pub fn run(args: &Args, write_into: Option<&Path>) -> anyhow::Result<i32> {
    let lang = args.lang_or(None);
    let pin = match std::env::var(PIN_VARIABLE) {
        Ok(pin) => pin,
        Err(_) => {
            let first = rpassword::prompt_password(words!("pin.ask").in_lang(lang))
                .context("no PIN was given")?;
            let again = rpassword::prompt_password(words!("pin.again").in_lang(lang))
                .context("no PIN was given")?;
            if first.trim() != again.trim() {
                bail!("{}", words!("pin.differ").in_lang(lang));
            }
            first
        }
    };
    let hash = hash_pin(pin.trim())
        .map_err(|_| anyhow::anyhow!("{}", words!("pin.not_digits").in_lang(lang)))?;
    let Some(dir) = write_into else {
        say_line(&format!("\"staffPinHash\": \"{hash}\""));
        eprintln!("{}", words!("pin.paste").in_lang(lang));
        return Ok(exit::OK);
    };
    let path = dir.join(SETTINGS_FILE);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let written = settings_with_pin(&text, &hash)
        .map_err(|why| anyhow::anyhow!("{}: {why}", path.display()))?;
    lighthouse_core::atomic::write(&path, written.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    say_line(words!("pin.written", file = path.display().to_string()).in_lang(lang));
    Ok(exit::OK)
}
