//! Where the kiosk keeps its own files, outside the content folder. The one place that
//! knows them: the kiosk writes there, and `status`, `stats` and the tests read there.
//! Each follows the XDG base directories (so `XDG_STATE_HOME` and friends move them).

use std::path::PathBuf;

const APP: &str = "lighthouse-kiosk";

/// What the kiosk keeps about itself while it runs: `~/.local/state/lighthouse-kiosk`.
pub fn state_dir() -> PathBuf {
    dirs::state_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join(APP)
}

/// The running kiosk's status, read by `lighthouse-kiosk status`.
pub fn status_file() -> PathBuf {
    state_dir().join("status.json")
}

/// The last content the kiosk accepted (see `last_good`).
pub fn last_good_dir() -> PathBuf {
    state_dir().join("last-good")
}

/// The kiosk's log files.
pub fn log_dir() -> PathBuf {
    state_dir().join("logs")
}

/// The visitor counts: `~/.local/share/lighthouse-kiosk/counts.json` (data, kept for years).
pub fn counts_file() -> PathBuf {
    dirs::data_local_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP)
        .join("counts.json")
}

/// The photo derivatives: `~/.cache/lighthouse-kiosk/photos` (made again when lost).
pub fn photo_cache_dir() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP)
        .join("photos")
}

/// This screen's own settings: `~/.config/lighthouse-kiosk/screen.json`.
pub fn screen_file() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP)
        .join("screen.json")
}

/// The lock that keeps one kiosk per session: in the session's runtime folder (gone at
/// logout), else beside the photo cache.
pub fn instance_lock() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_dir())
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("{APP}.lock"))
}
