//! Keeping the kiosk alive with nobody watching, and saying how it is: the page's heartbeat
//! and memory watched (`watchdog`, `health`, `memory_ceiling`), the status file written
//! (`status_file`). (A full disk is `crate::disk_watch`'s, below the photos and the counts
//! that meet it; one kiosk per session is `lighthouse_core::instance`.)

pub mod health;
pub mod memory_ceiling;
pub mod screen_picture;
pub mod status_file;
pub mod upgrade;
pub mod watchdog;
